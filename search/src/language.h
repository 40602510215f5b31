// Language detection with cld2, for choosing the stemmers of a text.
#pragma once

#include <string_view>

#include "akte/search/analysis.h"

namespace akte::search {

// The dominant language of `text`, looking at its first 64 KiB: kGerman or
// kEnglish when cld2 is reliably sure, else kUnknown (also for other
// languages and for text too short to tell).
Language DetectTextLanguage(std::string_view text);

}  // namespace akte::search
