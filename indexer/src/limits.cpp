#include "akte/indexer/limits.h"

#include <array>
#include <charconv>

namespace akte::indexer {
namespace {

struct LimitSetting {
  std::string_view key;
  double min, max;
  void (*apply)(ExtractionLimits&, double);
};

constexpr std::uint64_t kMiB = std::uint64_t{1} << 20;

constexpr std::array<LimitSetting, 9> kSettings = {{
    {"extract.cpu_seconds", 1, 3600,
     [](ExtractionLimits& l, double v) { l.cpu_seconds = static_cast<int>(v); }},
    {"extract.wall_seconds", 1, 7200,
     [](ExtractionLimits& l, double v) { l.wall_seconds = static_cast<int>(v); }},
    {"extract.memory_mb", 64, 65536,
     [](ExtractionLimits& l, double v) { l.address_space = static_cast<std::uint64_t>(v) * kMiB; }},
    {"extract.max_text_mb", 1, 1024,
     [](ExtractionLimits& l, double v) {
       l.max_text_bytes = static_cast<std::uint64_t>(v) * kMiB;
     }},
    {"extract.max_members", 1, 1'000'000,
     [](ExtractionLimits& l, double v) { l.max_members = static_cast<int>(v); }},
    {"extract.max_member_mb", 1, 65536,
     [](ExtractionLimits& l, double v) {
       l.max_member_bytes = static_cast<std::uint64_t>(v) * kMiB;
     }},
    {"extract.max_total_mb", 1, 1'048'576,
     [](ExtractionLimits& l, double v) {
       l.max_total_bytes = static_cast<std::uint64_t>(v) * kMiB;
     }},
    {"extract.max_ratio", 2, 100'000,
     [](ExtractionLimits& l, double v) { l.max_compression_ratio = v; }},
    {"extract.max_depth", 1, 50,
     [](ExtractionLimits& l, double v) { l.max_depth = static_cast<int>(v); }},
}};

Result<double> ParseLimit(const LimitSetting& setting, std::string_view value) {
  double number = 0;
  auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), number);
  if (ec != std::errc() || end != value.data() + value.size() || number < setting.min ||
      number > setting.max) {
    return Status::InvalidArgument(std::string(setting.key) + " must be a number from " +
                                       std::to_string(static_cast<long long>(setting.min)) +
                                       " to " +
                                       std::to_string(static_cast<long long>(setting.max)) +
                                       ", not '" + std::string(value) + "'",
                                   std::string(setting.key));
  }
  return number;
}

}  // namespace

Status CheckLimitSetting(std::string_view key, std::string_view value) {
  for (const auto& setting : kSettings) {
    if (setting.key == key) return ParseLimit(setting, value).status();
  }
  if (key.starts_with("extract.")) {
    return Status::InvalidArgument("unknown extraction setting '" + std::string(key) + "'",
                                   std::string(key));
  }
  return Status::Ok();
}

Result<ExtractionLimits> LoadLimits(archive::Catalog& catalog) {
  ExtractionLimits limits;
  for (const auto& setting : kSettings) {
    AKTE_ASSIGN_OR_RETURN(auto value, catalog.GetSetting(setting.key));
    if (!value) continue;
    AKTE_ASSIGN_OR_RETURN(double number, ParseLimit(setting, *value));
    setting.apply(limits, number);
  }
  return limits;
}

}  // namespace akte::indexer
