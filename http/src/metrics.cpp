#include "metrics.h"

#include <array>
#include <sstream>

namespace akte::http {
namespace {

// Upper bounds of the latency buckets, in seconds.
constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                             0.1,   0.25,   0.5,   1,    2.5,   10};

// A label value with `\`, `"` and newlines escaped, as the format asks.
std::string Escape(const std::string& value) {
  std::string escaped;
  for (char c : value) {
    if (c == '\\' || c == '"') escaped += '\\';
    escaped += c == '\n' ? 'n' : c;
  }
  return escaped;
}

}  // namespace

void Metrics::Record(const std::string& route, int status, std::chrono::nanoseconds duration) {
  const double seconds = std::chrono::duration<double>(duration).count();
  std::lock_guard lock(mutex_);
  Series& series = routes_[route];
  if (series.buckets.empty()) series.buckets.assign(kBuckets.size(), 0);
  ++series.by_status[status];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++series.buckets[i];
      break;
    }
  }
  series.seconds += seconds;
  ++series.count;
}

std::string Metrics::Render(const std::vector<Gauge>& gauges) const {
  std::ostringstream out;
  {
    std::lock_guard lock(mutex_);
    out << "# HELP akte_http_requests_total HTTP requests answered, by route and status.\n"
        << "# TYPE akte_http_requests_total counter\n";
    for (const auto& [route, series] : routes_) {
      for (const auto& [status, count] : series.by_status) {
        out << "akte_http_requests_total{route=\"" << Escape(route) << "\",status=\"" << status
            << "\"} " << count << "\n";
      }
    }
    out << "# HELP akte_http_request_duration_seconds Time to answer a request, by route.\n"
        << "# TYPE akte_http_request_duration_seconds histogram\n";
    for (const auto& [route, series] : routes_) {
      const std::string label = "route=\"" + Escape(route) + "\"";
      std::uint64_t cumulative = 0;
      for (std::size_t i = 0; i < kBuckets.size(); ++i) {
        cumulative += series.buckets[i];
        out << "akte_http_request_duration_seconds_bucket{" << label << ",le=\"" << kBuckets[i]
            << "\"} " << cumulative << "\n";
      }
      out << "akte_http_request_duration_seconds_bucket{" << label << ",le=\"+Inf\"} "
          << series.count << "\n"
          << "akte_http_request_duration_seconds_sum{" << label << "} " << series.seconds << "\n"
          << "akte_http_request_duration_seconds_count{" << label << "} " << series.count << "\n";
    }
  }
  for (const auto& gauge : gauges) {
    out << "# HELP " << gauge.name << " " << gauge.help << "\n# TYPE " << gauge.name << " gauge\n";
    for (const auto& [labels, value] : gauge.values) {
      out << gauge.name << (labels.empty() ? "" : "{" + labels + "}") << " " << value << "\n";
    }
  }
  return out.str();
}

}  // namespace akte::http
