// Pieces of header values that uploads and downloads both read or write.
#pragma once

#include <string>
#include <string_view>

namespace akte::http {

char AsciiLower(char c);
bool IsControl(unsigned char c);
// "type/subtype" (lowercase) of a Content-Type, or empty when it is not one.
std::string MediaType(std::string_view content_type);

}  // namespace akte::http
