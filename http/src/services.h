// What the route handlers share: the data directory, the options, the
// background work, searchers and the login throttle.
#pragma once

#include <memory>
#include <ostream>

#include "akte/archive/data_dir.h"
#include "akte/http/server.h"
#include "background.h"
#include "login_throttle.h"
#include "metrics.h"
#include "searcher_pool.h"

namespace akte::http {

class Services {
 public:
  Services(archive::DataDir& dir, const ServerOptions& options,
           std::unique_ptr<Background> background)
      : dir(dir),
        options(options),
        background(std::move(background)),
        searchers(dir),
        throttle(options.login_attempts, options.login_window) {}

  archive::Catalog& catalog() { return dir.catalog(); }
  std::ostream* log() const { return options.access_log; }

  archive::DataDir& dir;
  const ServerOptions& options;
  std::unique_ptr<Background> background;
  SearcherPool searchers;
  LoginThrottle throttle;
  Metrics metrics;
};

}  // namespace akte::http
