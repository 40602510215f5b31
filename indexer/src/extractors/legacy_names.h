// The encoding of member names stored without one (zip entries without the
// UTF-8 flag, old tar and rar headers). Private to indexer/.
#pragma once

#include <string>
#include <string_view>

namespace akte::indexer {

// The charset (an iconv name) that reads `names` (all legacy names of one
// bundle, newline-separated) most plausibly: the one that decodes every byte
// and yields letters (accented Latin, Cyrillic, CJK, kana, Hangul) rather
// than symbols, box drawing or control characters. Ties go to CP850, the
// OEM code page German Windows writes zip names in, then Windows-1252.
// uchardet is no help here: names are too short for its statistics.
std::string LegacyNamesCharset(std::string_view names);

}  // namespace akte::indexer
