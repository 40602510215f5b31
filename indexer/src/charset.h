// Character sets: detecting them and converting text to UTF-8, private to
// indexer/. Invalid or unconvertible bytes become U+FFFD (visible as �),
// never silently dropped.
#pragma once

#include <string>
#include <string_view>

namespace akte::indexer {

inline constexpr std::string_view kReplacementCharacter = "\xEF\xBF\xBD";  // U+FFFD

// The encoding of `bytes`: a BOM (UTF-8, UTF-16LE/BE, UTF-32LE/BE) first,
// then valid UTF-8, then uchardet's guess; "WINDOWS-1252" when uchardet has
// none (the commonest legacy encoding of German text). Returns iconv names.
std::string DetectCharset(std::string_view bytes);

// Converts `bytes` from `charset` (an iconv name; "" means detect) to UTF-8,
// dropping a BOM. Unknown charsets are detected instead.
std::string ToUtf8(std::string_view bytes, std::string_view charset);

// `text` with every invalid UTF-8 sequence replaced by U+FFFD.
std::string SanitizeUtf8(std::string_view text);

bool IsValidUtf8(std::string_view text);

// Appends the UTF-8 encoding of `code_point` (U+FFFD for invalid ones).
void AppendUtf8(std::string& out, char32_t code_point);

}  // namespace akte::indexer
