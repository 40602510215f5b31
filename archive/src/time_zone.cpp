// CheckTimeZoneName: whether a name is an IANA time zone this system knows.
#include <cstdlib>
#include <filesystem>
#include <fstream>
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

}  // namespace akte
