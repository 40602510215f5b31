#include "akte/archive/time.h"

#include <cstdio>
#include <ctime>
#include <optional>

namespace akte {
namespace {

using std::chrono::system_clock;

struct Parts {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  bool has_offset = false;
  int offset_minutes = 0;
};

// Reads up to `max_digits` digits (at least one) into `out`.
bool ReadNumber(std::string_view& s, int max_digits, int& out) {
  int digits = 0;
  out = 0;
  while (!s.empty() && digits < max_digits && s.front() >= '0' && s.front() <= '9') {
    out = out * 10 + (s.front() - '0');
    s.remove_prefix(1);
    ++digits;
  }
  return digits > 0;
}

bool Consume(std::string_view& s, char c) {
  if (s.empty() || s.front() != c) return false;
  s.remove_prefix(1);
  return true;
}

// Parses the date part in ISO or German order; leaves `s` after it.
bool ParseDatePart(std::string_view& s, Parts& p) {
  std::string_view probe = s;
  int first = 0;
  if (!ReadNumber(probe, 4, first)) return false;
  if (s.size() >= 4 && probe.data() - s.data() == 4) {  // ISO: YYYY-MM-DD
    p.year = first;
    s = probe;
    return Consume(s, '-') && ReadNumber(s, 2, p.month) && Consume(s, '-') &&
           ReadNumber(s, 2, p.day);
  }
  p.day = first;  // German: D.M.YYYY
  s = probe;
  return Consume(s, '.') && ReadNumber(s, 2, p.month) && Consume(s, '.') &&
         ReadNumber(s, 4, p.year) && p.year >= 1000;
}

bool ValidDate(const Parts& p) {
  using namespace std::chrono;
  return year_month_day{year{p.year}, month{static_cast<unsigned>(p.month)},
                        day{static_cast<unsigned>(p.day)}}
      .ok();
}

std::optional<Parts> ParseParts(std::string_view s) {
  Parts p;
  if (!ParseDatePart(s, p) || !ValidDate(p)) return std::nullopt;
  if (s.empty()) return p;
  if (!Consume(s, 'T') && !Consume(s, ' ')) return std::nullopt;
  while (Consume(s, ' ')) {
  }
  if (!ReadNumber(s, 2, p.hour) || !Consume(s, ':') || !ReadNumber(s, 2, p.minute)) {
    return std::nullopt;
  }
  if (Consume(s, ':') && !ReadNumber(s, 2, p.second)) return std::nullopt;
  if (Consume(s, '.')) {  // fractional seconds are dropped
    int ignored = 0;
    ReadNumber(s, 9, ignored);
  }
  if (p.hour > 23 || p.minute > 59 || p.second > 60) return std::nullopt;
  if (Consume(s, 'Z')) {
    p.has_offset = true;
  } else if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    int sign = s.front() == '-' ? -1 : 1;
    s.remove_prefix(1);
    int hours = 0, minutes = 0;
    if (!ReadNumber(s, 2, hours)) return std::nullopt;
    Consume(s, ':');
    ReadNumber(s, 2, minutes);
    p.has_offset = true;
    p.offset_minutes = sign * (hours * 60 + minutes);
  }
  if (!s.empty()) return std::nullopt;
  return p;
}

system_clock::time_point ToTimePoint(const Parts& p) {
  std::tm tm{};
  tm.tm_year = p.year - 1900;
  tm.tm_mon = p.month - 1;
  tm.tm_mday = p.day;
  tm.tm_hour = p.hour;
  tm.tm_min = p.minute;
  tm.tm_sec = p.second;
  std::time_t t;
  if (p.has_offset) {
    t = timegm(&tm) - static_cast<std::time_t>(p.offset_minutes) * 60;
  } else {
    tm.tm_isdst = -1;
    t = std::mktime(&tm);
  }
  return system_clock::from_time_t(t);
}

}  // namespace

const SystemClock& SystemClock::Instance() {
  static const SystemClock clock;
  return clock;
}

std::string FormatUtc(system_clock::time_point time) {
  std::time_t t = system_clock::to_time_t(time);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

Result<std::string> NormalizeTimestamp(std::string_view input) {
  auto parts = ParseParts(input);
  if (!parts) {
    return Status::InvalidArgument("'" + std::string(input) +
                                   "' is not a valid time (use 2024-03-05T14:05:00+01:00 or "
                                   "05.03.2024 14:05)");
  }
  return FormatUtc(ToTimePoint(*parts));
}

Result<std::string> NormalizeDate(std::string_view input) {
  std::string_view s = input;
  Parts p;
  if (!ParseDatePart(s, p) || !s.empty() || !ValidDate(p)) {
    return Status::InvalidArgument("'" + std::string(input) +
                                   "' is not a valid date (use 2024-03-05 or 05.03.2024)");
  }
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", p.year, p.month, p.day);
  return std::string(buffer);
}

Result<system_clock::time_point> ParseUtc(std::string_view utc) {
  auto parts = ParseParts(utc);
  if (!parts || !parts->has_offset) {
    return Status::InvalidArgument("'" + std::string(utc) + "' is not a UTC timestamp");
  }
  return ToTimePoint(*parts);
}

std::string FormatLocalGerman(std::string_view utc) {
  auto time = ParseUtc(utc);
  if (!time.ok()) return std::string(utc);
  std::time_t t = system_clock::to_time_t(*time);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%d.%m.%Y %H:%M", &tm);
  return buffer;
}

std::string FormatDateGerman(std::string_view iso_date) {
  if (iso_date.size() != 10) return std::string(iso_date);
  return std::string(iso_date.substr(8, 2)) + "." + std::string(iso_date.substr(5, 2)) + "." +
         std::string(iso_date.substr(0, 4));
}

}  // namespace akte
