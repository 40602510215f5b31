// Time and date conventions: every time is stored in UTC as ISO 8601
// ("2024-03-05T14:05:00Z"), every date as "YYYY-MM-DD". Input in the common
// German and international spellings is normalised here; display converts to
// the process's local time zone (TZ).
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "akte/archive/status.h"

namespace akte {

// The source of "now", so tests can fix it. Implementations are thread-safe.
class Clock {
 public:
  virtual ~Clock() = default;
  virtual std::chrono::system_clock::time_point Now() const = 0;
};

// The real wall clock.
class SystemClock final : public Clock {
 public:
  std::chrono::system_clock::time_point Now() const override {
    return std::chrono::system_clock::now();
  }
  static const SystemClock& Instance();
};

// "2024-03-05T14:05:00Z", to the second.
std::string FormatUtc(std::chrono::system_clock::time_point time);

// Parses a time and returns it as UTC ISO 8601. Accepts
// "2024-03-05T14:05:00Z", "...+01:00", "2024-03-05 14:05", "05.03.2024 14:05"
// and a bare date (midnight). Without an offset the local time zone applies.
// InvalidArgument names what is wrong.
Result<std::string> NormalizeTimestamp(std::string_view input);

// Parses "2024-03-05", "05.03.2024" or "5.3.2024" into "2024-03-05";
// rejects impossible dates such as 30.02.2024.
Result<std::string> NormalizeDate(std::string_view input);

// Parses a stored UTC timestamp. InvalidArgument when malformed.
Result<std::chrono::system_clock::time_point> ParseUtc(std::string_view utc);

// The firm's time zone when none is configured.
inline constexpr std::string_view kDefaultTimeZone = "Europe/Berlin";

// Ok when `name` is an IANA time zone of the system's time zone database
// (/usr/share/zoneinfo, or $TZDIR): "Europe/Berlin", "America/New_York",
// "UTC". The name must be a relative path of components that start with a
// capital letter and hold only letters, digits, '_', '-' and '+' (so no
// "..", no leading '/', none of the database's own files such as
// zone.tab or posix/…), naming a TZif file. InvalidArgument naming
// `field` otherwise.
Status CheckTimeZoneName(std::string_view name, const std::string& field);

// The calendar date ("2024-03-31") at `time` in the time zone `zone` (a name
// CheckTimeZoneName accepts), by the zone's rules as ICU knows them,
// daylight saving time included. InvalidArgument (field "timezone") for a
// zone the system or ICU does not know.
Result<std::string> DateInTimeZone(std::chrono::system_clock::time_point time,
                                   std::string_view zone);

// "31.12.2024 14:05" in the local time zone; the input unchanged if malformed.
std::string FormatLocalGerman(std::string_view utc);
// "31.12.2024" from "2024-12-31".
std::string FormatDateGerman(std::string_view iso_date);

}  // namespace akte
