// Composing an outgoing email as MIME bytes (GMime). Internal to the
// archive module: GMime's types stay in mail_compose.cpp.
#pragma once

#include <string>

#include "akte/archive/status.h"

namespace akte::archive {

struct MailDraft {
  std::string from_name;  // may be empty
  std::string from_address;
  std::string to_name;  // may be empty
  std::string to_address;
  std::string subject;
  std::string text;  // UTF-8 plain text, any line ends
};

struct ComposedMail {
  std::string bytes;       // RFC 5322 with CRLF line ends, ready for SMTP
  std::string message_id;  // without angle brackets
  std::string date;        // when it was composed, ISO 8601 UTC
};

// A single text/plain part in UTF-8, quoted-printable; non-ASCII names and
// subject encoded as RFC 2047 words; Date now; a new Message-ID at the
// sender's domain. InvalidArgument for text that is not UTF-8 ("text",
// "subject").
Result<ComposedMail> ComposeMail(const MailDraft& draft);

}  // namespace akte::archive
