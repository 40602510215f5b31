// A real akte HTTP server on 127.0.0.1 (a free port) over a temporary data
// directory, with one user of each role, each holding an API token.
#pragma once

#include <httplib.h>

#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <thread>

#include "akte/archive/data_dir.h"
#include "akte/http/server.h"
#include "temp_dir.h"

namespace akte::test {

inline constexpr const char* kPassword = "richtig-geheim-2024";

class ApiServer {
 public:
  explicit ApiServer(http::ServerOptions options = {});
  ~ApiServer();

  httplib::Client Client() const;
  // The Authorization header of the admin, staff or readonly user.
  httplib::Headers As(const std::string& role) const;
  archive::DataDir& dir() { return *dir_; }
  http::Server& server() { return *server_; }
  int port() const { return server_->port(); }
  archive::Id user_id(const std::string& role) const;
  // Stops the server (so that every request is logged) and returns the log.
  std::string StopAndReadLog();

 private:
  TempDir temp_;
  std::unique_ptr<archive::DataDir> dir_;
  std::unique_ptr<http::Server> server_;
  std::thread thread_;
  std::map<std::string, std::string> tokens_;
  std::map<std::string, archive::Id> users_;
  std::ostringstream log_;
};

// A JSON response body, parsed (null when the body is not JSON).
nlohmann::json Json(const httplib::Result& result);

// Requires an answer with `status` in the error shape, naming `field` (or
// no field when it is empty).
void RequireError(const httplib::Result& result, int status, const std::string& field);

// Sends `body` as JSON with `method` (POST or PUT) as `role`, requires the
// answer `status` and returns its body.
nlohmann::json SendJson(ApiServer& api, const std::string& method, const std::string& path,
                        const nlohmann::json& body, int status, const std::string& role = "staff");

// GETs `path` as `role`, requires 200 and returns the body.
nlohmann::json GetJson(ApiServer& api, const std::string& path, const std::string& role = "staff");

// The credentials of `role` with If-Match for `version`.
httplib::Headers WithVersion(ApiServer& api, std::int64_t version,
                             const std::string& role = "staff");

// The document once extracted and indexed ("done"), polled for up to 30 s.
nlohmann::json PollUntilDone(ApiServer& api, std::int64_t id);

}  // namespace akte::test
