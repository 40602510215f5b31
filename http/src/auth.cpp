#include "auth.h"

#include <openssl/crypto.h>

#include "akte/archive/json.h"
#include "json_input.h"
#include "replies.h"

namespace akte::http {
namespace {

std::string CookieValue(const httplib::Request& request, std::string_view name) {
  const std::string header = request.get_header_value("Cookie");
  std::string_view rest = header;
  while (!rest.empty()) {
    auto end = rest.find(';');
    std::string_view pair = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    auto eq = pair.find('=');
    if (eq != std::string_view::npos && pair.substr(0, eq) == name) {
      return std::string(pair.substr(eq + 1));
    }
  }
  return {};
}

bool ChangesData(const std::string& method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

bool SameSecret(const std::string& a, const std::string& b) {
  return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::string SessionCookie(Services& services, const std::string& value, std::int64_t max_age) {
  std::string cookie = std::string(kSessionCookie) + "=" + value +
                       "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (!services.options.tls_cert.empty()) cookie += "; Secure";
  return cookie;
}

nlohmann::json SessionJson(const archive::Session& session) {
  return {{"user", nlohmann::json::parse(archive::ToJson(session.user))},
          {"csrf_token", session.csrf_token},
          {"expires_at", session.expires_at}};
}

Status LogIn(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  JsonFields fields(body);
  std::string username;
  std::string password;
  AKTE_RETURN_IF_ERROR(fields.Text("username", username));
  AKTE_RETURN_IF_ERROR(fields.Text("password", password));
  AKTE_RETURN_IF_ERROR(fields.RejectUnknown());
  if (username.empty()) return Status::InvalidArgument("the username is missing", "username");
  if (password.empty()) return Status::InvalidArgument("the password is missing", "password");

  auto& throttle = call.services.throttle;
  const std::string address = call.request.remote_addr;
  if (auto wait = throttle.RetryAfter(username, address); wait.count() > 0) {
    call.response.set_header("Retry-After", std::to_string(wait.count()));
    ReplyError(call.response, 429, "too_many_requests",
               "too many failed logins; try again in " + std::to_string(wait.count()) + " seconds");
    return Status::Ok();
  }
  auto user = call.services.catalog().CheckPassword(username, password);
  if (!user.ok()) {
    if (user.status().code() == StatusCode::kUnauthenticated) throttle.Failed(username, address);
    return user.status();
  }
  throttle.Succeeded(username);
  AKTE_ASSIGN_OR_RETURN(auto session, call.services.catalog().CreateSession(
                                          user->id, call.services.options.session_ttl));
  call.response.set_header("Set-Cookie", SessionCookie(call.services, session.secret,
                                                       call.services.options.session_ttl.count()));
  call.Reply(201, SessionJson(session));
  return Status::Ok();
}

Status WhoAmI(Call& call) {
  if (!call.caller().by_session) {
    call.Reply(200, {{"user", nlohmann::json::parse(archive::ToJson(call.caller().user))},
                     {"csrf_token", nullptr},
                     {"expires_at", nullptr}});
    return Status::Ok();
  }
  AKTE_ASSIGN_OR_RETURN(auto session,
                        call.services.catalog().TouchSession(call.caller().session_secret,
                                                             call.services.options.session_ttl));
  call.Reply(200, SessionJson(session));
  return Status::Ok();
}

Status LogOut(Call& call) {
  if (call.caller().by_session) {
    AKTE_RETURN_IF_ERROR(call.services.catalog().EndSession(call.caller().session_secret));
  }
  call.response.set_header("Set-Cookie", SessionCookie(call.services, "", 0));
  call.response.status = 204;
  return Status::Ok();
}

}  // namespace

Result<std::optional<Caller>> Authenticate(Services& services, const httplib::Request& request) {
  const std::string authorization = request.get_header_value("Authorization");
  if (!authorization.empty()) {
    constexpr std::string_view kBearer = "Bearer ";
    if (authorization.compare(0, kBearer.size(), kBearer) != 0) {
      return Status::Unauthenticated("the Authorization header must be 'Bearer <API token>'");
    }
    AKTE_ASSIGN_OR_RETURN(auto user,
                          services.catalog().UserForToken(authorization.substr(kBearer.size())));
    return std::optional<Caller>(Caller{std::move(user), false, {}});
  }
  const std::string secret = CookieValue(request, kSessionCookie);
  if (secret.empty()) return std::optional<Caller>();
  auto session = services.catalog().TouchSession(secret, services.options.session_ttl);
  if (!session.ok()) {
    if (session.status().code() == StatusCode::kUnauthenticated) {
      return Status::Unauthenticated("the session has expired; please log in again");
    }
    return session.status();
  }
  if (ChangesData(request.method) &&
      !SameSecret(request.get_header_value(kCsrfHeader), session->csrf_token)) {
    return Status::PermissionDenied("the request lacks the session's CSRF token (" +
                                    std::string(kCsrfHeader) + ")");
  }
  return std::optional<Caller>(Caller{std::move(session->user), true, secret});
}

Status Authorize(const Caller& caller, Access access) {
  const std::string& role = caller.user.role;
  switch (access) {
    case Access::kPublic:
    case Access::kRead:
      return Status::Ok();
    case Access::kWrite:
      if (role == archive::kRoleAdmin || role == archive::kRoleStaff) return Status::Ok();
      return Status::PermissionDenied("read-only users cannot change data");
    case Access::kAdmin:
      if (role == archive::kRoleAdmin) return Status::Ok();
      return Status::PermissionDenied("only admins may do this");
  }
  return Status::PermissionDenied("no access");
}

void AddSessionRoutes(Router& router) {
  router.Add("POST", "/api/v1/session", Access::kPublic, LogIn);
  router.Add("GET", "/api/v1/session", Access::kRead, WhoAmI);
  router.Add("DELETE", "/api/v1/session", Access::kRead, LogOut);
}

}  // namespace akte::http
