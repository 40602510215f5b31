// German and English stemming for index and query. Xapian::Stem objects
// keep state while stemming, so every thread gets its own pair.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "akte/search/analysis.h"

namespace akte::search {

// Which stemmers a word goes through: a set of these bits.
inline constexpr unsigned kStemGerman = 1;
inline constexpr unsigned kStemEnglish = 2;

// German text gets german2 stems, English text english stems, text of an
// unknown language (and every query) both.
unsigned StemmersFor(Language language);

// Appends to *stems the distinct stems of `lower` (a lowercase word with
// its umlauts, see AppendLowercase) for the stemmers in `stemmers`, without
// the "Z" prefix. Words with digits or with letters outside the Latin
// script get none: the stemmers would return them unchanged.
void AppendStems(const std::string& lower, unsigned stemmers, std::vector<std::string>* stems);

// The german2 or english stem of `lower` alone.
std::string GermanStem(const std::string& lower);
std::string EnglishStem(const std::string& lower);

}  // namespace akte::search
