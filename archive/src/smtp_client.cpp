// SendSmtp: one message handed to an SMTP server through libcurl.
#include "smtp_client.h"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

namespace akte::archive {
namespace {

constexpr long kConnectTimeoutSeconds = 15;
constexpr long kTotalTimeoutSeconds = 60;

void InitCurl() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

// What the conversation showed: the command the server first refused and
// its answer (curl still says QUIT afterwards), to name the step that
// failed.
struct Conversation {
  std::string command;
  std::string refused_command;
  std::string refusal;
  const std::string* message = nullptr;
  std::size_t sent = 0;
};

std::string FirstLine(const char* data, std::size_t size) {
  std::string line(data, size);
  line = line.substr(0, line.find_first_of("\r\n"));
  return line;
}

int OnDebug(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
  auto* conversation = static_cast<Conversation*>(user);
  if (type == CURLINFO_HEADER_OUT) {
    conversation->command = FirstLine(data, size);
  } else if (type == CURLINFO_HEADER_IN) {
    // A multi-line answer ("250-…") ends with its last line; keep the text.
    std::string line = FirstLine(data, size);
    if (line.size() > 4) line[3] = ' ';
    const bool refusal = !line.empty() && (line[0] == '4' || line[0] == '5');
    if (refusal && conversation->refusal.empty()) {
      conversation->refusal = line;
      conversation->refused_command = conversation->command;
    }
  }
  return 0;
}

std::size_t OnRead(char* buffer, std::size_t size, std::size_t count, void* user) {
  auto* conversation = static_cast<Conversation*>(user);
  const std::string& message = *conversation->message;
  const std::size_t n = std::min(size * count, message.size() - conversation->sent);
  std::memcpy(buffer, message.data() + conversation->sent, n);
  conversation->sent += n;
  return n;
}

std::string Where(const SmtpSettings& settings) {
  return settings.host + ":" + std::to_string(settings.port);
}

std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

// A message for the person who has to act: what failed, and the server's
// own words where there are some.
std::string Explain(CURLcode code, const char* error, const SmtpSettings& settings,
                    const Conversation& conversation) {
  const std::string where = Where(settings);
  const std::string reply =
      conversation.refusal.empty() ? std::string(error) : conversation.refusal;
  const std::string command = Upper(conversation.refused_command);
  switch (code) {
    case CURLE_COULDNT_RESOLVE_HOST:
      return "the mail server " + settings.host + " is unknown (check smtp.host)";
    case CURLE_COULDNT_CONNECT:
      return "could not connect to the mail server " + where + ": " + error;
    case CURLE_OPERATION_TIMEDOUT:
      return "the mail server " + where + " did not answer in time";
    case CURLE_USE_SSL_FAILED:
      return "the mail server " + where +
             " does not offer STARTTLS, and akte does not send unencrypted (for a server "
             "that speaks TLS from the start, on port 465, set smtp.security to tls)";
    case CURLE_LOGIN_DENIED:
      return "the mail server " + where + " refused the login of " + settings.username +
             " (check smtp.username and smtp.password): " + reply;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
      return "no secure connection to the mail server " + where + ": " + error;
    default:
      break;
  }
  if (command.starts_with("RCPT")) {
    return "the mail server " + where + " refused the recipient " +
           conversation.refused_command.substr(conversation.refused_command.find(':') + 1) + ": " +
           reply;
  }
  if (command.starts_with("MAIL")) {
    return "the mail server " + where + " refused the sender " + settings.from +
           " (check smtp.from): " + reply;
  }
  if (command.starts_with("AUTH")) {
    return "the mail server " + where + " refused the login of " + settings.username + ": " + reply;
  }
  return "the mail server " + where + " did not accept the message: " +
         (conversation.refusal.empty() ? std::string(error) : reply);
}

struct CurlCleanup {
  void operator()(CURL* curl) const { curl_easy_cleanup(curl); }
};
struct ListCleanup {
  void operator()(curl_slist* list) const { curl_slist_free_all(list); }
};

}  // namespace

Status SendSmtp(const SmtpSettings& settings, const std::vector<std::string>& recipients,
                const std::string& message) {
  InitCurl();
  std::unique_ptr<CURL, CurlCleanup> curl(curl_easy_init());
  if (!curl) return Status::Internal("libcurl could not start a transfer");
  const bool implicit_tls = settings.security == kSmtpTls;
  const std::string host =
      settings.host.find(':') != std::string::npos ? "[" + settings.host + "]" : settings.host;
  const std::string url =
      (implicit_tls ? "smtps://" : "smtp://") + host + ":" + std::to_string(settings.port);
  std::unique_ptr<curl_slist, ListCleanup> rcpt;
  for (const auto& recipient : recipients) {
    rcpt.reset(curl_slist_append(rcpt.release(), ("<" + recipient + ">").c_str()));
  }
  Conversation conversation;
  conversation.message = &message;
  char error[CURL_ERROR_SIZE] = "";
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, kConnectTimeoutSeconds);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, kTotalTimeoutSeconds);
  if (settings.security == kSmtpStartTls) curl_easy_setopt(c, CURLOPT_USE_SSL, CURLUSESSL_ALL);
  if (!settings.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, settings.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, settings.password.c_str());
    curl_easy_setopt(c, CURLOPT_SASL_IR, 1L);
  }
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, ("<" + settings.from + ">").c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, static_cast<curl_off_t>(message.size()));
  curl_easy_setopt(c, CURLOPT_READFUNCTION, OnRead);
  curl_easy_setopt(c, CURLOPT_READDATA, &conversation);
  curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);
  curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, OnDebug);
  curl_easy_setopt(c, CURLOPT_DEBUGDATA, &conversation);
  const CURLcode code = curl_easy_perform(c);
  if (code == CURLE_OK) return Status::Ok();
  if (error[0] == '\0') std::strncpy(error, curl_easy_strerror(code), CURL_ERROR_SIZE - 1);
  return Status(StatusCode::kUnavailable, Explain(code, error, settings, conversation), "smtp");
}

}  // namespace akte::archive
