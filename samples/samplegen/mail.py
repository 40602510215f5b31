"""RFC 5322 messages (.eml) with attachments, and a Maildir of them.

The email package picks a random MIME boundary and the current time unless
told otherwise; both are fixed here (boundary from the Message-ID, Date
from the story), so messages are byte-identical on every run.
"""
import datetime
import email.policy
import email.utils
import hashlib
import os
from email.message import EmailMessage


def _last_sunday(year, month):
    day = datetime.date(year, month + 1, 1) - datetime.timedelta(days=1)
    return day - datetime.timedelta(days=(day.weekday() + 1) % 7)


def berlin_offset(utc):
    """+1 or +2 hours: German time, summer time from the last Sunday of March
    to the last Sunday of October (switching at 01:00 UTC)."""
    start = datetime.datetime.combine(_last_sunday(utc.year, 3), datetime.time(1))
    end = datetime.datetime.combine(_last_sunday(utc.year, 10), datetime.time(1))
    naive = utc.replace(tzinfo=None)
    return datetime.timedelta(hours=2 if start <= naive < end else 1)


def parse_utc(stamp):
    """'2024-03-12T09:15:00Z' as an aware datetime in UTC."""
    return datetime.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%SZ").replace(
        tzinfo=datetime.timezone.utc)


def local_date_header(stamp):
    utc = parse_utc(stamp)
    zone = datetime.timezone(berlin_offset(utc))
    return email.utils.format_datetime(utc.astimezone(zone))


def build_eml(mail):
    """Bytes of one message. `mail` is a dict: from, to, cc (optional),
    subject, at (UTC stamp), id, body, attachments [(name, mime, bytes)],
    reply_to_id (optional)."""
    msg = EmailMessage(policy=email.policy.default)
    msg["From"] = mail["from"]
    msg["To"] = mail["to"]
    if mail.get("cc"):
        msg["Cc"] = mail["cc"]
    msg["Subject"] = mail["subject"]
    msg["Date"] = local_date_header(mail["at"])
    msg["Message-ID"] = "<%s>" % mail["id"]
    if mail.get("reply_to_id"):
        msg["In-Reply-To"] = "<%s>" % mail["reply_to_id"]
        msg["References"] = "<%s>" % mail["reply_to_id"]
    msg["MIME-Version"] = "1.0"
    msg["X-Mailer"] = mail.get("mailer", "Microsoft Outlook 16.0")
    msg.set_content(mail["body"])
    for name, mime, data in mail.get("attachments", []):
        maintype, subtype = mime.split("/")
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    if msg.is_multipart():
        msg.set_boundary("----=_Part_" + hashlib.sha1(mail["id"].encode()).hexdigest()[:24])
    return msg.as_bytes()


def write_maildir(directory, mails):
    """Writes the messages into directory/cur (new/ and tmp/ stay empty),
    named as mail clients name them: time, sequence, host, flags."""
    for sub in ("cur", "new", "tmp"):
        os.makedirs(os.path.join(directory, sub), exist_ok=True)
    for number, mail in enumerate(mails, start=1):
        seconds = int(parse_utc(mail["at"]).timestamp())
        name = "%d.M%dP2417.mail.schreiber-it.de:2,S" % (seconds, number)
        with open(os.path.join(directory, "cur", name), "wb") as f:
            f.write(build_eml(mail))
