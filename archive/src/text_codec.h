// zlib compression of stored text, private to archive/. Extracted text
// compresses about fourfold and is read back only to (re)index or show it.
#pragma once

#include <string>
#include <string_view>

#include "akte/archive/status.h"

namespace akte::archive {

std::string CompressText(std::string_view text);
// Corruption when `compressed` is damaged or does not inflate to `size` bytes.
Result<std::string> DecompressText(std::string_view compressed, std::size_t size);

}  // namespace akte::archive
