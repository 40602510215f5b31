// The smtp.* and history.* settings: their checks and how they are read.
#include <algorithm>
#include <array>
#include <charconv>

#include "akte/archive/mail_sending.h"
#include "validation.h"

namespace akte::archive {
namespace {

Status OneOf(std::string_view key, std::string_view value,
             std::initializer_list<std::string_view> allowed) {
  if (value.empty() || std::find(allowed.begin(), allowed.end(), value) != allowed.end()) {
    return Status::Ok();
  }
  std::string names;
  for (auto name : allowed) names += (names.empty() ? "" : ", ") + std::string(name);
  return Status::InvalidArgument(
      std::string(key) + " is one of " + names + ", not '" + std::string(value) + "'",
      std::string(key));
}

bool HasControl(std::string_view value) {
  return std::any_of(value.begin(), value.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

Status CheckHost(std::string_view value) {
  const bool valid = value.size() <= 253 && value.find_first_not_of(
                                                "abcdefghijklmnopqrstuvwxyz"
                                                "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                "0123456789.-:") == std::string_view::npos;
  if (valid) return Status::Ok();
  return Status::InvalidArgument(
      "smtp.host is the mail server's name or IP address (such as mail.example.de), without "
      "smtp:// or a port",
      std::string(kSmtpHostSetting));
}

Status CheckPort(std::string_view value) {
  int port = 0;
  auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), port);
  if (value.empty() ||
      (error == std::errc() && end == value.data() + value.size() && port >= 1 && port <= 65535)) {
    return Status::Ok();
  }
  return Status::InvalidArgument(
      "smtp.port is a number from 1 to 65535 (587 for STARTTLS, 465 "
      "for TLS), not '" +
          std::string(value) + "'",
      std::string(kSmtpPortSetting));
}

bool IsLocalHost(std::string_view host) {
  return host == "localhost" || host == "127.0.0.1" || host == "::1";
}

int DefaultPort(std::string_view security) {
  if (security == kSmtpTls) return 465;
  if (security == kSmtpNone) return 25;
  return 587;
}

}  // namespace

bool IsSecretSetting(std::string_view key) { return key == kSmtpPasswordSetting; }

Status CheckMailSetting(std::string_view key, std::string_view value) {
  if (key == kSmtpHostSetting) return CheckHost(value);
  if (key == kSmtpPortSetting) return CheckPort(value);
  if (key == kSmtpSecuritySetting) return OneOf(key, value, {kSmtpStartTls, kSmtpTls, kSmtpNone});
  if (key == kSmtpFromSetting) {
    return value.empty() ? Status::Ok() : ValidateEmail(value, std::string(key));
  }
  if (key == kSmtpUsernameSetting || key == kSmtpPasswordSetting) {
    if (value.size() > 256 || HasControl(value)) {
      return Status::InvalidArgument(
          std::string(key) + " has at most 256 characters and no line breaks", std::string(key));
    }
    return Status::Ok();
  }
  if (key == kHistoryEmailSetting || key == kHistorySmsSetting || key == kHistoryCallSetting) {
    return OneOf(key, value, {kHistoryAuto, kHistoryAsk, kHistoryNone});
  }
  return Status::Ok();
}

Result<HistorySettings> LoadHistorySettings(Catalog& catalog) {
  AKTE_ASSIGN_OR_RETURN(auto settings, catalog.ListSettings());
  HistorySettings history;
  for (const auto& setting : settings) {
    if (setting.value.empty()) continue;
    if (setting.key == kHistoryEmailSetting) history.email = setting.value;
    if (setting.key == kHistorySmsSetting) history.sms = setting.value;
    if (setting.key == kHistoryCallSetting) history.call = setting.value;
  }
  return history;
}

Result<SmtpSettings> LoadSmtpSettings(Catalog& catalog) {
  AKTE_ASSIGN_OR_RETURN(auto settings, catalog.ListSettings());
  SmtpSettings smtp;
  std::string port;
  for (const auto& setting : settings) {
    const std::string& v = setting.value;
    if (setting.key == kSmtpHostSetting) smtp.host = v;
    if (setting.key == kSmtpPortSetting) port = v;
    if (setting.key == kSmtpSecuritySetting && !v.empty()) smtp.security = v;
    if (setting.key == kSmtpUsernameSetting) smtp.username = v;
    if (setting.key == kSmtpPasswordSetting) smtp.password = v;
    if (setting.key == kSmtpFromSetting) smtp.from = v;
    if (setting.key == kFirmNameSetting) smtp.firm_name = v;
  }
  if (smtp.host.empty()) {
    return Status::FailedPrecondition(
        "smtp.host is not set; an admin enters the firm's mail server in the settings");
  }
  if (smtp.from.empty()) {
    return Status::FailedPrecondition(
        "smtp.from is not set; an admin enters the firm's sender address in the settings");
  }
  if (smtp.security == kSmtpNone && !IsLocalHost(smtp.host)) {
    return Status::FailedPrecondition(
        "smtp.security is none, which sends password and message unencrypted; that is allowed "
        "only for a mail server on this machine (localhost), not for " +
        smtp.host + "; use starttls or tls");
  }
  smtp.port = DefaultPort(smtp.security);
  if (!port.empty()) std::from_chars(port.data(), port.data() + port.size(), smtp.port);
  return smtp;
}

}  // namespace akte::archive
