#include "glossary.h"

#include <algorithm>
#include <cstdlib>

#include "folding.h"
#include "stemming.h"

namespace akte::search {
namespace {

// Inflections differ from the glossary word by a few letters; a stem that
// matches a much longer or shorter word is a coincidence ("Termin" and
// "termination" share the english stem "termin", "account" and
// "accounting" the stem "account").
constexpr std::size_t kMaxLengthDifference = 2;

std::size_t CountChars(std::string_view text) {
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// The stems of each word, joined by single spaces.
std::string StemPhrase(std::string_view lower, bool german) {
  std::string key;
  std::size_t begin = 0;
  while (begin <= lower.size()) {
    std::size_t end = lower.find(' ', begin);
    if (end == std::string_view::npos) end = lower.size();
    const std::string word(lower.substr(begin, end - begin));
    if (!word.empty()) {
      if (!key.empty()) key.push_back(' ');
      key += german ? GermanStem(word) : EnglishStem(word);
    }
    begin = end + 1;
  }
  return key;
}

void ForEachAlternative(std::string_view alternatives, auto&& visit) {
  std::size_t begin = 0;
  while (begin <= alternatives.size()) {
    std::size_t end = alternatives.find('|', begin);
    if (end == std::string_view::npos) end = alternatives.size();
    if (end > begin) visit(alternatives.substr(begin, end - begin));
    begin = end + 1;
  }
}

}  // namespace

Glossary::Glossary(std::span<const GlossaryPair> pairs) : pairs_(pairs) {
  for (std::size_t i = 0; i < pairs_.size(); ++i) {
    AddKeys(i, pairs_[i].german, /*german=*/true);
    AddKeys(i, pairs_[i].english, /*german=*/false);
  }
}

void Glossary::AddKeys(std::size_t pair, std::string_view alternatives, bool german) {
  ForEachAlternative(alternatives, [&](std::string_view term) {
    std::string lower;
    AppendLowercase(term, &lower);
    const Key key{pair, CountChars(lower)};
    (german ? german_ : english_).emplace(StemPhrase(lower, german), key);
  });
}

void Glossary::Collect(const std::string& stem, bool german, std::size_t length,
                       std::vector<std::string_view>* out) const {
  const auto& keys = german ? german_ : english_;
  const auto [first, last] = keys.equal_range(stem);
  for (auto it = first; it != last; ++it) {
    const Key& key = it->second;
    const std::size_t difference = key.length > length ? key.length - length : length - key.length;
    if (difference > kMaxLengthDifference) continue;
    const GlossaryPair& pair = pairs_[key.pair];
    ForEachAlternative(german ? pair.english : pair.german, [out](std::string_view term) {
      if (std::find(out->begin(), out->end(), term) == out->end()) out->push_back(term);
    });
  }
}

std::vector<std::string_view> Glossary::Translate(std::string_view lower) const {
  std::vector<std::string_view> out;
  const std::size_t length = CountChars(lower);
  Collect(StemPhrase(lower, /*german=*/true), /*german=*/true, length, &out);
  Collect(StemPhrase(lower, /*german=*/false), /*german=*/false, length, &out);
  return out;
}

}  // namespace akte::search
