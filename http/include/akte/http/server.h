// `akte serve`: the HTTP API of a data directory. A JSON REST API under
// /api/v1 (described by the OpenAPI document at /api/v1/openapi.json),
// authenticated by session cookie (the web page, with a CSRF token) or API
// token (scripts), with roles admin, staff and readonly. The server owns the
// index writer and runs extraction in the background, so an upload is
// answered as soon as its bytes are durable and its state can be polled.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

#include "akte/archive/data_dir.h"
#include "akte/indexer/pipeline.h"

namespace akte::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  // 0: any free port (see Server::port)
  // HTTPS when both are set (PEM files).
  std::filesystem::path tls_cert;
  std::filesystem::path tls_key;
  std::uint64_t max_upload_bytes = std::uint64_t{2} << 30;  // per request; 413 beyond
  std::chrono::seconds session_ttl{std::chrono::hours(8)};  // since the last request
  // Failed logins allowed per username and per client address within
  // `login_window` before further attempts get 429.
  int login_attempts = 5;
  std::chrono::seconds login_window{std::chrono::minutes(15)};
  int threads = 8;  // request threads
  indexer::PipelineOptions pipeline;
  std::ostream* access_log = nullptr;  // one line per request; null: none
};

// One route of the API, as registered: for the OpenAPI check and the docs.
struct RouteInfo {
  std::string method;  // GET, POST, PUT, PATCH, DELETE
  std::string path;    // OpenAPI template: /api/v1/customers/{id}
  std::string access;  // public, read, write, admin
};

class Server {
 public:
  // Sets up the routes and opens the index for writing (Unavailable when
  // another process writes it). Nothing listens yet.
  static Result<std::unique_ptr<Server>> Create(archive::DataDir& dir, ServerOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket (IoError naming the address when it cannot).
  Status Bind();
  // The bound port (after Bind).
  int port() const;
  // Serves until Stop(); starts the background indexing and extraction and
  // ends them cleanly (in-flight requests and the index batch finish).
  Status Run();
  // Thread-safe, and safe to call before Run returns from its start.
  void Stop();

  std::vector<RouteInfo> Routes() const;

 private:
  struct Impl;
  explicit Server(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace akte::http
