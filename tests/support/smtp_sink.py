#!/usr/bin/env python3
"""A tiny SMTP server for akte's tests (Python 3.11's standard smtpd).

    smtp_sink.py DIR [--auth USER:PASSWORD]

Listens on 127.0.0.1 at a free port, which it writes to DIR/port once it
accepts connections. Each message received is written as DIR/N.eml (the
bytes as received) and DIR/N.envelope (MAIL FROM, then one RCPT TO per
line). Any recipient containing "refused" is refused with 550 at RCPT.
With --auth, it offers AUTH PLAIN and accepts only that login, refusing
MAIL before it. It offers no STARTTLS. Stops on SIGTERM.
"""
import base64
import os
import signal
import sys
import warnings

warnings.simplefilter("ignore", DeprecationWarning)
import asyncore  # noqa: E402
import smtpd  # noqa: E402


class Channel(smtpd.SMTPChannel):
    credentials = None  # (user, password) when AUTH is required

    def push(self, msg):
        if msg == "250 HELP" and self.credentials:
            super().push("250-AUTH PLAIN")
        super().push(msg)

    def smtp_AUTH(self, arg):
        parts = arg.split()
        if not self.credentials or len(parts) != 2 or parts[0].upper() != "PLAIN":
            self.push("504 5.5.4 only AUTH PLAIN with an initial response")
            return
        try:
            _, user, password = base64.b64decode(parts[1]).decode().split("\0")
        except Exception:
            self.push("501 5.5.2 cannot decode the credentials")
            return
        if (user, password) == self.credentials:
            self.authenticated = True
            self.push("235 2.7.0 Authentication successful")
        else:
            self.push("535 5.7.8 Authentication credentials invalid")

    def smtp_MAIL(self, arg):
        if self.credentials and not getattr(self, "authenticated", False):
            self.push("530 5.7.0 Authentication required")
            return
        super().smtp_MAIL(arg)

    def smtp_RCPT(self, arg):
        if arg and "refused" in arg:
            self.push("550 5.1.1 mailbox unavailable")
            return
        super().smtp_RCPT(arg)


class Sink(smtpd.SMTPServer):
    channel_class = Channel

    def __init__(self, directory):
        super().__init__(("127.0.0.1", 0), None, decode_data=False)
        self.directory = directory
        self.count = 0

    def process_message(self, peer, mailfrom, rcpttos, data, **kwargs):
        self.count += 1
        base = os.path.join(self.directory, str(self.count))
        # Written under temporary names first, so a reader never sees half.
        with open(base + ".envelope.tmp", "w") as f:
            f.write("\n".join([mailfrom] + rcpttos) + "\n")
        with open(base + ".eml.tmp", "wb") as f:
            # smtpd drops the line end before the final "."; it is the message's.
            f.write(data + b"\n")
        os.rename(base + ".envelope.tmp", base + ".envelope")
        os.rename(base + ".eml.tmp", base + ".eml")
        return None


def main():
    directory = sys.argv[1]
    if len(sys.argv) == 4 and sys.argv[2] == "--auth":
        user, password = sys.argv[3].split(":", 1)
        Channel.credentials = (user, password)
    server = Sink(directory)
    port = server.socket.getsockname()[1]
    with open(os.path.join(directory, "port.tmp"), "w") as f:
        f.write(str(port))
    os.rename(os.path.join(directory, "port.tmp"), os.path.join(directory, "port"))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    asyncore.loop(timeout=0.2)


if __name__ == "__main__":
    main()
