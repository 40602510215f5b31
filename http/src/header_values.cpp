#include "header_values.h"

namespace akte::http {

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsControl(unsigned char c) { return c < 0x20 || c == 0x7f; }

std::string MediaType(std::string_view content_type) {
  std::string_view base = content_type.substr(0, content_type.find(';'));
  while (!base.empty() && base.back() == ' ') base.remove_suffix(1);
  while (!base.empty() && base.front() == ' ') base.remove_prefix(1);
  const auto slash = base.find('/');
  if (slash == 0 || slash == std::string_view::npos || slash + 1 == base.size()) return {};
  std::string out;
  for (char c : base) {
    const bool token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       std::string_view("!#$&^_.+-/").find(c) != std::string_view::npos;
    if (!token) return {};
    out.push_back(AsciiLower(c));
  }
  return out;
}

}  // namespace akte::http
