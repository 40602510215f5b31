// A real SMTP server on 127.0.0.1 for tests (tests/support/smtp_sink.py,
// Python's standard smtpd) that keeps every message it receives.
#pragma once

#include <sys/types.h>

#include <string>
#include <vector>

#include "temp_dir.h"

namespace akte::test {

struct ReceivedMail {
  std::string mail_from;
  std::vector<std::string> recipients;
  std::string data;  // as received: LF line ends, dot-stuffing undone
};

class SmtpSink {
 public:
  // Starts the server and waits until it listens. `auth` "user:password"
  // makes it require that login (AUTH PLAIN). Any recipient containing
  // "refused" is refused at RCPT. It offers no STARTTLS.
  explicit SmtpSink(const std::string& auth = "");
  ~SmtpSink();  // stops the server
  SmtpSink(const SmtpSink&) = delete;
  SmtpSink& operator=(const SmtpSink&) = delete;

  int port() const { return port_; }
  // The messages received so far, oldest first.
  std::vector<ReceivedMail> Received() const;

 private:
  TempDir dir_;
  pid_t pid_ = -1;
  int port_ = 0;
};

// A port on 127.0.0.1 where nothing listens (bound, then closed).
int UnusedPort();

// An email as Python's standard email parser decodes it
// (tests/support/parse_mail.py): what a mail program would show.
struct ParsedMail {
  std::string subject, from, to, date, message_id, content_type, transfer_encoding, charset;
  std::string body;
};
ParsedMail ParseMail(const std::string& data);

}  // namespace akte::test
