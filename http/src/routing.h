// Routes of the API: each is registered with its OpenAPI path template and
// the access it needs; the router authenticates the caller, checks the role
// (and the CSRF token of a cookie session), reads bodies with a size limit,
// runs the handler, and turns any error into the API's error shape.
#pragma once

#include <httplib.h>

#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "akte/archive/data_dir.h"
#include "akte/http/server.h"

namespace akte::http {

class Services;

enum class Access { kPublic, kRead, kWrite, kAdmin };

// The authenticated user of a request.
struct Caller {
  archive::User user;
  bool by_session = false;     // a browser's cookie, not an API token
  std::string session_secret;  // when by_session
  archive::Actor actor() const { return {user.id, user.username}; }
  bool is_admin() const { return user.role == archive::kRoleAdmin; }
};

// One request as a handler sees it.
class Call {
 public:
  Call(Services& services, const httplib::Request& request, httplib::Response& response,
       const httplib::ContentReader* content, std::optional<Caller> caller)
      : services(services),
        request(request),
        response(response),
        content_(content),
        caller_(std::move(caller)) {}

  Services& services;
  const httplib::Request& request;
  httplib::Response& response;

  // The authenticated caller; only public routes run without one.
  const Caller& caller() const { return *caller_; }
  bool authenticated() const { return caller_.has_value(); }
  const httplib::ContentReader& content() const { return *content_; }

  // The i-th `{...}` of the path (from 1) as a record id: InvalidArgument
  // naming `name` unless it is a positive decimal number.
  Result<archive::Id> PathId(std::size_t i, const std::string& name = "id") const;
  std::string PathText(std::size_t i) const;
  // A query parameter, or `fallback` when absent.
  std::string Query(const std::string& name, const std::string& fallback = {}) const;
  // An integer query parameter within [min, max].
  Result<std::int64_t> QueryInt(const std::string& name, std::int64_t fallback, std::int64_t min,
                                std::int64_t max) const;
  Result<bool> QueryBool(const std::string& name, bool fallback) const;
  // The request body as a JSON object (at most 1 MiB).
  Result<nlohmann::json> JsonBody() const;
  // The request body as it came, at most `limit` bytes (else TooLarge).
  Result<std::string> Body(std::size_t limit) const;
  // The version an update was based on, from If-Match ("3" or W/"3").
  // Unset when the header is absent.
  Result<std::optional<std::int64_t>> IfMatchVersion() const;

  void Reply(int status, const nlohmann::json& body);
  // Replies with a record that carries a version: its ETag says which.
  void ReplyVersioned(int status, const nlohmann::json& body, std::int64_t version);
  // 412 with the current state: the edit was based on an older version.
  void ReplyStale(const nlohmann::json& current, std::int64_t version);

 private:
  const httplib::ContentReader* content_;
  std::optional<Caller> caller_;
};

using Handler = std::function<Status(Call&)>;

class Router {
 public:
  Router(httplib::Server& server, Services& services) : server_(server), services_(services) {}

  // `path` is an OpenAPI template ("/api/v1/customers/{id}"); every
  // `{...}` matches one path segment.
  void Add(const std::string& method, const std::string& path, Access access, Handler handler);

  const std::vector<RouteInfo>& routes() const { return routes_; }

 private:
  void Handle(const httplib::Request& request, httplib::Response& response,
              const httplib::ContentReader* content, Access access, const Handler& handler);

  httplib::Server& server_;
  Services& services_;
  std::vector<RouteInfo> routes_;
};

// What the access log and the metrics need of the current request: when
// it started, the template of the route that handled it ("GET /api/v1/customers/{id}",
// empty when none matched) and the user who made it (empty: nobody signed
// in). Kept per request thread: httplib serves a request on one thread.
struct RequestNotes {
  std::chrono::steady_clock::time_point started;
  std::string route;
  std::string user;
};
RequestNotes& CurrentRequest();

// The ETag of a record version.
std::string VersionTag(std::int64_t version);

}  // namespace akte::http
