// Counters for /metrics (Prometheus text format): requests by route and
// status, and a latency histogram per route. Thread-safe.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace akte::http {

class Metrics {
 public:
  // `route` is the route's template ("GET /api/v1/customers/{id}"), so that
  // ids do not make a series each.
  void Record(const std::string& route, int status, std::chrono::nanoseconds duration);

  // The request series in the exposition format, then `gauges` (name, help,
  // labelled values) as given.
  struct Gauge {
    std::string name;
    std::string help;
    std::vector<std::pair<std::string, double>> values;  // label set ("" or `state="x"`) -> value
  };
  std::string Render(const std::vector<Gauge>& gauges) const;

 private:
  struct Series {
    std::map<int, std::uint64_t> by_status;
    std::vector<std::uint64_t> buckets;  // cumulative counts are computed when rendering
    double seconds = 0;
    std::uint64_t count = 0;
  };

  mutable std::mutex mutex_;
  std::map<std::string, Series> routes_;
};

}  // namespace akte::http
