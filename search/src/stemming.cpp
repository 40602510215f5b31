#include "stemming.h"

#include <xapian.h>

#include <algorithm>

namespace akte::search {
namespace {

const Xapian::Stem& German() {
  thread_local const Xapian::Stem stem("german2");
  return stem;
}

const Xapian::Stem& English() {
  thread_local const Xapian::Stem stem("english");
  return stem;
}

// Letters a-z and U+00C0..U+024F (UTF-8 lead bytes C3 to C9) only.
bool IsLatinWord(const std::string& word) {
  return std::all_of(word.begin(), word.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return (b >= 'a' && b <= 'z') || (b >= 0xC3 && b <= 0xC9) || (b >= 0x80 && b <= 0xBF);
  });
}

void AppendUnique(std::string stem, std::vector<std::string>* stems) {
  if (stem.empty()) return;
  if (std::find(stems->begin(), stems->end(), stem) == stems->end()) {
    stems->push_back(std::move(stem));
  }
}

}  // namespace

unsigned StemmersFor(Language language) {
  switch (language) {
    case Language::kGerman:
      return kStemGerman;
    case Language::kEnglish:
      return kStemEnglish;
    case Language::kUnknown:
      break;
  }
  return kStemGerman | kStemEnglish;
}

void AppendStems(const std::string& lower, unsigned stemmers, std::vector<std::string>* stems) {
  if (lower.empty() || !IsLatinWord(lower)) return;
  if (stemmers & kStemGerman) AppendUnique(German()(lower), stems);
  if (stemmers & kStemEnglish) AppendUnique(English()(lower), stems);
}

std::string GermanStem(const std::string& lower) { return German()(lower); }

std::string EnglishStem(const std::string& lower) { return English()(lower); }

}  // namespace akte::search
