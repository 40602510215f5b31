#include "routing.h"

#include <charconv>
#include <regex>

#include "auth.h"
#include "json_input.h"
#include "replies.h"
#include "services.h"

namespace akte::http {
namespace {

constexpr std::size_t kMaxJsonBody = 1 << 20;

// "/api/v1/customers/{id}" -> "/api/v1/customers/([^/]+)". The literal parts
// are plain path characters, so they need no escaping.
std::string PatternFor(const std::string& path) {
  static const std::regex kParameter(R"(\{[a-z_]+\})");
  return std::regex_replace(path, kParameter, "([^/]+)");
}

Result<std::int64_t> ParseInteger(std::string_view text, const std::string& name) {
  std::int64_t value = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (text.empty() || error != std::errc() || end != text.data() + text.size()) {
    return Status::InvalidArgument("'" + name + "' must be a whole number", name);
  }
  return value;
}

}  // namespace

namespace {
thread_local RequestNotes current_request;
}  // namespace

RequestNotes& CurrentRequest() { return current_request; }

std::string VersionTag(std::int64_t version) { return "\"" + std::to_string(version) + "\""; }

Result<archive::Id> Call::PathId(std::size_t i, const std::string& name) const {
  const std::string text = PathText(i);
  auto value = ParseInteger(text, name);
  if (!value.ok() || *value <= 0) {
    return Status::InvalidArgument("'" + name + "' in the path must be a positive number", name);
  }
  return *value;
}

std::string Call::PathText(std::size_t i) const {
  return i < request.matches.size() ? request.matches[i].str() : std::string();
}

std::string Call::Query(const std::string& name, const std::string& fallback) const {
  return request.has_param(name.c_str()) ? request.get_param_value(name.c_str()) : fallback;
}

Result<std::int64_t> Call::QueryInt(const std::string& name, std::int64_t fallback,
                                    std::int64_t min, std::int64_t max) const {
  if (!request.has_param(name.c_str())) return fallback;
  AKTE_ASSIGN_OR_RETURN(std::int64_t value,
                        ParseInteger(request.get_param_value(name.c_str()), name));
  if (value < min || value > max) {
    return Status::InvalidArgument(
        "'" + name + "' must be between " + std::to_string(min) + " and " + std::to_string(max),
        name);
  }
  return value;
}

Result<bool> Call::QueryBool(const std::string& name, bool fallback) const {
  if (!request.has_param(name.c_str())) return fallback;
  const std::string value = request.get_param_value(name.c_str());
  if (value == "true" || value == "1" || value.empty()) return true;
  if (value == "false" || value == "0") return false;
  return Status::InvalidArgument("'" + name + "' must be true or false", name);
}

Result<std::string> Call::Body(std::size_t limit) const {
  std::string body;
  bool too_large = false;
  if (content_) {
    content()([&](const char* data, std::size_t size) {
      if (body.size() + size > limit) {
        too_large = true;
        return false;
      }
      body.append(data, size);
      return true;
    });
  } else {
    body = request.body;
    too_large = body.size() > limit;
  }
  if (too_large) {
    return Status::TooLarge("this request body may have at most " +
                            std::to_string(limit / (1024 * 1024)) + " MiB");
  }
  return body;
}

Result<nlohmann::json> Call::JsonBody() const {
  AKTE_ASSIGN_OR_RETURN(std::string body, Body(kMaxJsonBody));
  return ParseJsonObject(body);
}

Result<std::optional<std::int64_t>> Call::IfMatchVersion() const {
  std::string tag = request.get_header_value("If-Match");
  if (tag.empty()) return std::optional<std::int64_t>();
  if (tag.rfind("W/", 0) == 0) tag.erase(0, 2);
  if (tag.size() >= 2 && tag.front() == '"' && tag.back() == '"')
    tag = tag.substr(1, tag.size() - 2);
  auto version = ParseInteger(tag, "If-Match");
  if (!version.ok()) {
    return Status::InvalidArgument("If-Match must be the ETag of the version edited", "If-Match");
  }
  return std::optional<std::int64_t>(*version);
}

void Call::Reply(int status, const nlohmann::json& body) { ReplyJson(response, status, body); }

void Call::ReplyVersioned(int status, const nlohmann::json& body, std::int64_t version) {
  response.set_header("ETag", VersionTag(version));
  Reply(status, body);
}

void Call::ReplyStale(const nlohmann::json& current, std::int64_t version) {
  response.set_header("ETag", VersionTag(version));
  Reply(412, {{"error",
               {{"code", "version_mismatch"},
                {"message", "someone else changed this meanwhile (now version " +
                                std::to_string(version) + "); review the current state"},
                {"field", nullptr}}},
              {"current", current}});
}

void Router::Add(const std::string& method, const std::string& path, Access access,
                 Handler handler) {
  static constexpr const char* kAccessNames[] = {"public", "read", "write", "admin"};
  routes_.push_back({method, path, kAccessNames[static_cast<int>(access)]});
  const std::string pattern = PatternFor(path);
  const std::string route = method + " " + path;
  auto plain = [this, access, handler, route](const httplib::Request& request,
                                              httplib::Response& response) {
    current_request.route = route;
    Handle(request, response, nullptr, access, handler);
  };
  // Bodies are read by the handlers themselves, with a limit that fits the
  // route (1 MiB of JSON, or the upload limit streamed to disk).
  auto streaming = [this, access, handler, route](const httplib::Request& request,
                                                  httplib::Response& response,
                                                  const httplib::ContentReader& content) {
    current_request.route = route;
    bool consumed = false;
    httplib::ContentReader tracked(
        [&](httplib::ContentReceiver receiver) {
          consumed = true;
          return content.reader_(std::move(receiver));
        },
        [&](httplib::MultipartContentHeader header, httplib::ContentReceiver receiver) {
          consumed = true;
          return content.multipart_reader_(std::move(header), std::move(receiver));
        });
    Handle(request, response, &tracked, access, handler);
    // A body left unread, or read only in part (refused before or while
    // reading), would be taken for the next request on this connection:
    // end the connection instead.
    const bool has_body = (request.has_header("Content-Length") &&
                           request.get_header_value("Content-Length") != "0") ||
                          request.has_header("Transfer-Encoding");
    if (has_body && (!consumed || response.status >= 400)) {
      response.set_header("Connection", "close");
    }
  };
  if (method == "GET") server_.Get(pattern, plain);
  if (method == "POST") server_.Post(pattern, streaming);
  if (method == "PUT") server_.Put(pattern, streaming);
  if (method == "PATCH") server_.Patch(pattern, streaming);
  if (method == "DELETE") server_.Delete(pattern, streaming);
}

void Router::Handle(const httplib::Request& request, httplib::Response& response,
                    const httplib::ContentReader* content, Access access, const Handler& handler) {
  std::optional<Caller> caller;
  auto authenticated = Authenticate(services_, request);
  if (authenticated.ok()) {
    caller = std::move(*authenticated);
  } else if (access != Access::kPublic) {
    if (authenticated.status().code() == StatusCode::kUnauthenticated) {
      response.set_header("WWW-Authenticate", "Bearer realm=\"akte\"");
    }
    ReplyError(response, authenticated.status(), services_.log());
    return;
  }
  if (access != Access::kPublic) {
    if (!caller) {
      response.set_header("WWW-Authenticate", "Bearer realm=\"akte\"");
      ReplyError(response, 401, "unauthenticated", "log in or send an API token");
      return;
    }
    if (Status allowed = Authorize(*caller, access); !allowed.ok()) {
      ReplyError(response, allowed, services_.log());
      return;
    }
  }
  if (caller) current_request.user = caller->user.username;
  Call call(services_, request, response, content, std::move(caller));
  Status status;
  try {
    status = handler(call);
  } catch (const std::exception& e) {
    status = Status::Internal(std::string("unexpected exception: ") + e.what());
  }
  if (!status.ok()) ReplyError(response, status, services_.log());
  // httplib 0.11 would cut any answer to a request's Range header, error
  // bodies included; only downloads serve ranges (and handle them).
  if (response.status >= 400) const_cast<httplib::Request&>(request).ranges.clear();
}

}  // namespace akte::http
