// Case and accent folding: the one place that decides when two spellings
// are the same word. Index and query both go through here, so Müller,
// Mueller and Muller, or Straße and Strasse, become the same term.
#pragma once

#include <string>
#include <string_view>

namespace akte::search {

// Appends `word` in Unicode lowercase without the characters that never
// tell words apart (apostrophes, soft hyphens, zero-width joiners) and
// without combining accents (decomposed "u\u0308" as some Macs write it).
// This is the form the stemmers are fed: with its precomposed umlauts,
// because german2 handles them itself.
void AppendLowercase(std::string_view word, std::string* out);

// Appends the folded form of `word`: lowercase, Latin letters without
// accents (ä→a, é→e, ø→o, ß→ss, æ→ae), combining accents dropped, then the
// digraphs ae/oe/ue→a/o/u. Other scripts are only lowercased.
void AppendFolded(std::string_view word, std::string* out);

inline std::string FoldWord(std::string_view word) {
  std::string folded;
  AppendFolded(word, &folded);
  return folded;
}

}  // namespace akte::search
