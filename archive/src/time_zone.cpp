// Time zones: whether a name is an IANA time zone this system knows, and
// the date at a moment in one, by ICU's calendar (which carries the zones'
// rules, daylight saving time included).
#include <unicode/ucal.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include "akte/archive/time.h"

namespace akte {
namespace {

constexpr std::size_t kMaxTimeZoneName = 100;

// Every IANA zone name is a path of components such as "America",
// "Argentina", "Buenos_Aires", "GMT+1", "EST5EDT", each starting with a
// capital letter. The database's own files (zone.tab, posixrules, the
// posix/ and right/ trees) do not, and neither do "." and "..".
bool IsZoneComponent(std::string_view component) {
  if (component.empty() || component.front() < 'A' || component.front() > 'Z') return false;
  for (char c : component) {
    const bool allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
                         (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '+';
    if (!allowed) return false;
  }
  return true;
}

bool IsZoneName(std::string_view name) {
  if (name.empty() || name.size() > kMaxTimeZoneName) return false;
  for (std::size_t start = 0;;) {
    const std::size_t slash = name.find('/', start);
    if (!IsZoneComponent(name.substr(start, slash - start))) return false;
    if (slash == std::string_view::npos) return true;
    start = slash + 1;
  }
}

std::filesystem::path ZoneInfoDir() {
  if (const char* dir = std::getenv("TZDIR"); dir && *dir) return dir;
  return "/usr/share/zoneinfo";
}

// A compiled zone file starts with the magic "TZif" (RFC 8536).
bool IsZoneFile(const std::filesystem::path& file) {
  std::error_code error;
  if (!std::filesystem::is_regular_file(file, error)) return false;
  std::ifstream in(file, std::ios::binary);
  char magic[4] = {};
  return in.read(magic, sizeof magic) && std::string_view(magic, sizeof magic) == "TZif";
}

}  // namespace

Status CheckTimeZoneName(std::string_view name, const std::string& field) {
  if (name.empty()) {
    return Status::InvalidArgument("name a time zone such as Europe/Berlin", field);
  }
  if (!IsZoneName(name) || !IsZoneFile(ZoneInfoDir() / std::string(name))) {
    return Status::InvalidArgument("'" + std::string(name) +
                                       "' is not a known time zone; use an IANA name such as "
                                       "Europe/Berlin or America/New_York",
                                   field);
  }
  return Status::Ok();
}

Result<std::string> DateInTimeZone(std::chrono::system_clock::time_point time,
                                   std::string_view zone) {
  AKTE_RETURN_IF_ERROR(CheckTimeZoneName(zone, "timezone"));
  const std::u16string id(zone.begin(), zone.end());  // zone names are ASCII
  UErrorCode status = U_ZERO_ERROR;
  UChar canonical[128];
  UBool system_zone = false;
  ucal_getCanonicalTimeZoneID(id.data(), static_cast<int32_t>(id.size()), canonical,
                              std::size(canonical), &system_zone, &status);
  // ICU opens a zone it does not know as UTC; refuse it instead.
  if (U_FAILURE(status) || !system_zone) {
    return Status::InvalidArgument(
        "'" + std::string(zone) + "' is not in ICU's time zone data; choose another name",
        "timezone");
  }
  std::unique_ptr<UCalendar, decltype(&ucal_close)> calendar(
      ucal_open(id.data(), static_cast<int32_t>(id.size()), "en_US_POSIX", UCAL_GREGORIAN, &status),
      &ucal_close);
  using std::chrono::milliseconds;
  ucal_setMillis(
      calendar.get(),
      static_cast<UDate>(std::chrono::duration_cast<milliseconds>(time.time_since_epoch()).count()),
      &status);
  const int year = ucal_get(calendar.get(), UCAL_YEAR, &status);
  const int month = ucal_get(calendar.get(), UCAL_MONTH, &status) + 1;  // ICU counts from 0
  const int day = ucal_get(calendar.get(), UCAL_DATE, &status);
  if (U_FAILURE(status)) {
    return Status::Internal(std::string("ICU cannot compute the date in ") + std::string(zone) +
                            ": " + u_errorName(status));
  }
  char text[40];  // room for any int, so the compiler sees nothing truncated
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", year, month, day);
  return std::string(text);
}

}  // namespace akte
