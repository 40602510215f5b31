// Writing to a customer from the customer file: akte composes the email,
// hands it to the firm's own mail server (SMTP, settings smtp.*), and only
// once that server accepted it files the message as an "E-Mail" document of
// the customer and — as the history settings say — records an
// "E-Mail ausgehend" event linked to it.
//
// The history settings (history.email, history.sms, history.call) decide
// per kind of contact whether akte records it by itself ("auto", the
// default), asks the user for remarks first ("ask"), or not at all
// ("none"). For calls and text messages akte only keeps the setting; the
// web page follows it when someone clicks a phone number.
//
// Thread-safe: every function may be called from any number of threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "akte/archive/catalog.h"
#include "akte/archive/data_dir.h"
#include "akte/archive/records.h"
#include "akte/archive/status.h"

namespace akte::archive {

// The firm's mail server. A server on this machine (localhost) may be
// used without encryption; any other only with TLS.
inline constexpr std::string_view kSmtpHostSetting = "smtp.host";
inline constexpr std::string_view kSmtpPortSetting = "smtp.port";  // default by security
inline constexpr std::string_view kSmtpSecuritySetting = "smtp.security";
inline constexpr std::string_view kSmtpUsernameSetting = "smtp.username";
inline constexpr std::string_view kSmtpPasswordSetting = "smtp.password";  // secret
inline constexpr std::string_view kSmtpFromSetting = "smtp.from";          // the sender's address

// smtp.security: STARTTLS on the submission port (587, the default; a
// server that does not offer it is refused), TLS from the first byte
// (465), or none (25; only for a server on localhost).
inline constexpr std::string_view kSmtpStartTls = "starttls";
inline constexpr std::string_view kSmtpTls = "tls";
inline constexpr std::string_view kSmtpNone = "none";

inline constexpr std::string_view kHistoryEmailSetting = "history.email";
inline constexpr std::string_view kHistorySmsSetting = "history.sms";
inline constexpr std::string_view kHistoryCallSetting = "history.call";
inline constexpr std::string_view kHistoryAuto = "auto";
inline constexpr std::string_view kHistoryAsk = "ask";
inline constexpr std::string_view kHistoryNone = "none";

// True for a setting whose value must never be shown (smtp.password): the
// API lists it without its value and the audit trail records only that it
// changed.
bool IsSecretSetting(std::string_view key);

// Checks a value of an smtp.* or history.* setting (ok for any other key;
// an empty value clears a setting). InvalidArgument with the key as
// `field`, naming what is allowed. Called by CheckSetting.
Status CheckMailSetting(std::string_view key, std::string_view value);

// How akte records each kind of contact: kHistoryAuto, kHistoryAsk or
// kHistoryNone; kHistoryAuto where a setting is not set.
struct HistorySettings {
  std::string email{kHistoryAuto};
  std::string sms{kHistoryAuto};
  std::string call{kHistoryAuto};
};
Result<HistorySettings> LoadHistorySettings(Catalog& catalog);

// The smtp.* settings and the firm's name, as sending uses them.
struct SmtpSettings {
  std::string host;
  int port = 587;
  std::string security{kSmtpStartTls};
  std::string username;
  std::string password;
  std::string from;       // the sender's address
  std::string firm_name;  // the sender's name (kFirmNameSetting), may be empty
};
// FailedPrecondition naming the setting for a missing host or sender
// ("smtp.host is not set"), and for security "none" with a host other than
// localhost, 127.0.0.1 or ::1.
Result<SmtpSettings> LoadSmtpSettings(Catalog& catalog);

struct OutgoingEmail {
  Id customer_id = 0;
  std::optional<Id> contact_id;  // the contact written to; must be the customer's
  // The recipient's address; empty: the contact's first address, else the
  // customer's. Any address may be given; the recipient's name is the
  // contact's (or customer's) when the address is theirs.
  std::string to;
  std::string subject;  // required
  std::string text;     // plain text; may be empty
  // The user's own words for the history event (history.email "ask"); used
  // as the event's text whatever the setting, when given.
  std::string remarks;
};

struct SentEmail {
  Document document;           // the message as sent (.eml, type "E-Mail")
  std::optional<Event> event;  // "E-Mail ausgehend"; empty with history.email "none"
  std::string message_id;      // without angle brackets
  std::string history;         // the history.email setting that was applied
  std::string recipient;       // the address it was sent to
};

// Composes `email` (UTF-8, quoted-printable, From the firm's name and
// smtp.from, To the recipient's name, Date, Message-ID), sends it through
// the firm's mail server and, once the server accepted it, files the exact
// bytes sent as a document of the customer (linked to the contact) with its
// text, and records the event as history.email says, in one catalog
// transaction. Errors, with nothing stored: InvalidArgument naming the
// field ("to", "subject", "contact_id") for bad input or a customer or
// contact without an address; NotFound for an unknown customer or contact;
// FailedPrecondition for missing settings (see LoadSmtpSettings);
// Unavailable with field "smtp" when the mail server could not be reached
// or refused the message, its message naming the problem and the server's
// answer (connection refused, STARTTLS not offered, login refused,
// recipient refused). Should recording fail after the server accepted the
// message, the error says that it was sent.
Result<SentEmail> SendEmail(DataDir& dir, const Actor& by, const OutgoingEmail& email);

}  // namespace akte::archive
