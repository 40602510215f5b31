#include "language.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>

namespace akte::search {
namespace {

// Enough text for a confident answer; more only costs time.
constexpr std::size_t kSampleBytes = 64 * 1024;

}  // namespace

Language DetectTextLanguage(std::string_view text) {
  std::size_t length = std::min(text.size(), kSampleBytes);
  // Do not hand cld2 half a character.
  while (length < text.size() && length > 0 &&
         (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80) {
    --length;
  }
  if (length == 0) return Language::kUnknown;
  bool reliable = false;
  int valid_bytes = 0;
  // The checking variant: extracted text may hold invalid UTF-8, on which
  // the plain one is undefined.
  CLD2::Language detected = CLD2::DetectLanguageCheckUTF8(
      text.data(), static_cast<int>(length), /*is_plain_text=*/true, &reliable, &valid_bytes);
  if (valid_bytes > 0 && static_cast<std::size_t>(valid_bytes) < length) {
    // cld2 gives up at the first invalid byte; judge the valid part.
    detected = CLD2::DetectLanguageCheckUTF8(text.data(), valid_bytes, /*is_plain_text=*/true,
                                             &reliable, &valid_bytes);
  }
  if (!reliable) return Language::kUnknown;
  if (detected == CLD2::GERMAN) return Language::kGerman;
  if (detected == CLD2::ENGLISH) return Language::kEnglish;
  return Language::kUnknown;
}

}  // namespace akte::search
