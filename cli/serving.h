// Serving a data directory over HTTP until SIGTERM or SIGINT: the flags and
// the loop shared by `akte serve` and `akte demo`.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <functional>
#include <string>

#include "akte/archive/data_dir.h"

namespace akte::cli {

struct ServeFlags {
  std::string listen = "127.0.0.1:8080";
  std::string tls_cert;
  std::string tls_key;
  std::uint64_t max_upload_mb = 2048;
  bool quiet = false;
};

void AddServeFlags(CLI::App* cmd, ServeFlags& flags);

// Serves until a signal; returns the exit code. `on_listening`, if given,
// is told the page's address ("http://127.0.0.1:8080/") once the port is
// taken, before the first request is answered.
int Serve(archive::DataDir& dir, const ServeFlags& flags,
          const std::function<void(const std::string& url)>& on_listening = {});

}  // namespace akte::cli
