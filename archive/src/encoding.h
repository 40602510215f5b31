// Decoding imported text files to UTF-8, private to archive/. Spreadsheet
// exports arrive as UTF-8 (with or without BOM), UTF-16 ("Unicode text") or
// Windows-1252 (German Excel's default "CSV (Trennzeichen-getrennt)").
#pragma once

#include <string>
#include <string_view>

#include "akte/archive/status.h"

namespace akte::archive {

struct DecodedText {
  std::string text;      // UTF-8, without BOM
  std::string encoding;  // "UTF-8", "UTF-16LE", "UTF-16BE" or "WINDOWS-1252"
};

bool IsValidUtf8(std::string_view bytes);

// BOM first; else valid UTF-8; else Windows-1252 (a superset of ISO-8859-1's
// printable range, so that is covered too).
Result<DecodedText> DecodeToUtf8(std::string_view bytes);

// Converts `bytes` from `charset` (an iconv name) to UTF-8.
Result<std::string> ConvertToUtf8(std::string_view bytes, const char* charset);

}  // namespace akte::archive
