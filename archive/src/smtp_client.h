// Handing one composed message to an SMTP server (libcurl). Internal to
// the archive module: curl's types stay in smtp_client.cpp.
#pragma once

#include <string>
#include <vector>

#include "akte/archive/mail_sending.h"
#include "akte/archive/status.h"

namespace akte::archive {

// Sends `message` (RFC 5322, CRLF line ends) from `settings.from` to
// `recipients`, encrypted as `settings.security` says (with "starttls" a
// server that does not offer STARTTLS is refused), logging in when a
// username is set. Waits at most 15 s to connect and 60 s in all. Ok once
// the server accepted the message; otherwise Unavailable with field "smtp"
// and a message naming the step that failed and the server's answer.
Status SendSmtp(const SmtpSettings& settings, const std::vector<std::string>& recipients,
                const std::string& message);

}  // namespace akte::archive
