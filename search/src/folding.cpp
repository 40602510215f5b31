#include "folding.h"

#include <xapian.h>

#include "utf8.h"

namespace akte::search {
namespace {

// Base letters of U+00C0..U+024F and U+1E00..U+1EFF (upper and lower case
// alike), generated from Unicode's compatibility decompositions plus the
// letters that have none (ß, æ, ø, ł, đ, þ). "" keeps the character.
constexpr const char* kLatinC0To24F[] = {
    "a", "a",  "a",  "a",  "a",  "a",  "ae", "c",  "e",  "e",  "e",  "e",  "i",  "i", "i",  "i",
    "d", "n",  "o",  "o",  "o",  "o",  "o",  "",   "o",  "u",  "u",  "u",  "u",  "y", "th", "ss",
    "a", "a",  "a",  "a",  "a",  "a",  "ae", "c",  "e",  "e",  "e",  "e",  "i",  "i", "i",  "i",
    "d", "n",  "o",  "o",  "o",  "o",  "o",  "",   "o",  "u",  "u",  "u",  "u",  "y", "th", "y",
    "a", "a",  "a",  "a",  "a",  "a",  "c",  "c",  "c",  "c",  "c",  "c",  "c",  "c", "d",  "d",
    "d", "d",  "e",  "e",  "e",  "e",  "e",  "e",  "e",  "e",  "e",  "e",  "g",  "g", "g",  "g",
    "g", "g",  "g",  "g",  "h",  "h",  "h",  "h",  "i",  "i",  "i",  "i",  "i",  "i", "i",  "i",
    "i", "i",  "ij", "ij", "j",  "j",  "k",  "k",  "k",  "l",  "l",  "l",  "l",  "l", "l",  "l",
    "l", "l",  "l",  "n",  "n",  "n",  "n",  "n",  "n",  "n",  "n",  "n",  "o",  "o", "o",  "o",
    "o", "o",  "oe", "oe", "r",  "r",  "r",  "r",  "r",  "r",  "s",  "s",  "s",  "s", "s",  "s",
    "s", "s",  "t",  "t",  "t",  "t",  "t",  "t",  "u",  "u",  "u",  "u",  "u",  "u", "u",  "u",
    "u", "u",  "u",  "u",  "w",  "w",  "y",  "y",  "y",  "z",  "z",  "z",  "z",  "z", "z",  "s",
    "b", "",   "",   "",   "",   "",   "",   "c",  "c",  "",   "",   "d",  "d",  "",  "",   "",
    "",  "f",  "f",  "",   "",   "",   "",   "i",  "k",  "k",  "l",  "",   "",   "",  "n",  "",
    "o", "o",  "",   "",   "p",  "p",  "",   "",   "",   "",   "",   "t",  "t",  "t", "",   "u",
    "u", "",   "",   "y",  "y",  "z",  "z",  "",   "",   "",   "",   "",   "",   "",  "",   "",
    "",  "",   "",   "",   "dz", "dz", "dz", "lj", "lj", "lj", "nj", "nj", "nj", "a", "a",  "i",
    "i", "o",  "o",  "u",  "u",  "u",  "u",  "u",  "u",  "u",  "u",  "u",  "u",  "",  "a",  "a",
    "a", "a",  "",   "",   "",   "",   "g",  "g",  "k",  "k",  "o",  "o",  "o",  "o", "",   "",
    "j", "dz", "dz", "dz", "g",  "g",  "",   "",   "n",  "n",  "a",  "a",  "",   "",  "",   "",
    "a", "a",  "a",  "a",  "e",  "e",  "e",  "e",  "i",  "i",  "i",  "i",  "o",  "o", "o",  "o",
    "r", "r",  "r",  "r",  "u",  "u",  "u",  "u",  "s",  "s",  "t",  "t",  "",   "",  "h",  "h",
    "n", "d",  "",   "",   "z",  "z",  "a",  "a",  "e",  "e",  "o",  "o",  "o",  "o", "o",  "o",
    "o", "o",  "y",  "y",  "l",  "n",  "t",  "j",  "",   "",   "",   "c",  "c",  "l", "",   "s",
    "z", "",   "",   "b",  "",   "",   "e",  "e",  "j",  "j",  "q",  "q",  "r",  "r", "y",  "y",
};
constexpr const char* kLatin1E00To1EFF[] = {
    "a", "a", "b", "b", "b", "b", "b",  "b", "c", "c", "d", "d", "d", "d", "d", "d", "d", "d", "d",
    "d", "e", "e", "e", "e", "e", "e",  "e", "e", "e", "e", "f", "f", "g", "g", "h", "h", "h", "h",
    "h", "h", "h", "h", "h", "h", "i",  "i", "i", "i", "k", "k", "k", "k", "k", "k", "l", "l", "l",
    "l", "l", "l", "l", "l", "m", "m",  "m", "m", "m", "m", "n", "n", "n", "n", "n", "n", "n", "n",
    "o", "o", "o", "o", "o", "o", "o",  "o", "p", "p", "p", "p", "r", "r", "r", "r", "r", "r", "r",
    "r", "s", "s", "s", "s", "s", "s",  "s", "s", "s", "s", "t", "t", "t", "t", "t", "t", "t", "t",
    "u", "u", "u", "u", "u", "u", "u",  "u", "u", "u", "v", "v", "v", "v", "w", "w", "w", "w", "w",
    "w", "w", "w", "w", "w", "x", "x",  "x", "x", "y", "y", "z", "z", "z", "z", "z", "z", "h", "t",
    "w", "y", "",  "s", "",  "",  "ss", "",  "a", "a", "a", "a", "a", "a", "a", "a", "a", "a", "a",
    "a", "a", "a", "a", "a", "a", "a",  "a", "a", "a", "a", "a", "a", "e", "e", "e", "e", "e", "e",
    "e", "e", "e", "e", "e", "e", "e",  "e", "e", "e", "i", "i", "i", "i", "o", "o", "o", "o", "o",
    "o", "o", "o", "o", "o", "o", "o",  "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o", "o",
    "u", "u", "u", "u", "u", "u", "u",  "u", "u", "u", "u", "u", "u", "u", "y", "y", "y", "y", "y",
    "y", "y", "y", "",  "",  "",  "",   "",  "",
};

// Characters dropped from every form of a word.
bool IsDropped(char32_t c) { return IsApostrophe(c) || Classify(c) == CharClass::kIgnorable; }

bool IsCombiningAccent(char32_t c) { return c >= 0x0300 && c <= 0x036F; }

const char* LatinBase(char32_t c) {
  if (c >= 0xC0 && c < 0x250) return kLatinC0To24F[c - 0xC0];
  if (c >= 0x1E00 && c < 0x1F00) return kLatin1E00To1EFF[c - 0x1E00];
  return nullptr;
}

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
}

// ae/oe/ue → a/o/u in out[start..], in place. Not after a vowel and not
// "que": in German the spelt-out umlaut never follows one, while words
// like "Feuer", "neue" or "Quelle" would otherwise lose a letter.
void FoldDigraphs(std::string* out, std::size_t start) {
  std::string& s = *out;
  std::size_t write = start;
  for (std::size_t read = start; read < s.size(); ++read) {
    const char c = s[read];
    s[write] = c;
    const bool digraph = (c == 'a' || c == 'o' || c == 'u') && read + 1 < s.size() &&
                         s[read + 1] == 'e' &&
                         (write == start || (!IsVowel(s[write - 1]) && s[write - 1] != 'q'));
    ++write;
    if (digraph) ++read;
  }
  s.resize(write);
}

// Appends `word` lowercased, apostrophes, dropped characters and combining
// accents left out; each non-ASCII lowercase code point goes through
// `append_lower(out, code_point)`, which folds it or not.
template <typename AppendLower>
void AppendLowered(std::string_view word, std::string* out, AppendLower append_lower) {
  for (std::size_t i = 0; i < word.size();) {
    const auto c = static_cast<unsigned char>(word[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') {
        out->push_back(static_cast<char>(c + ('a' - 'A')));
      } else if (c != '\'') {
        out->push_back(static_cast<char>(c));
      }
      ++i;
      continue;
    }
    const CodePoint cp = DecodeUtf8(word, i);
    i += cp.length;
    if (IsDropped(cp.value) || IsCombiningAccent(cp.value)) continue;
    append_lower(out, Xapian::Unicode::tolower(cp.value));
  }
}

}  // namespace

void AppendLowercase(std::string_view word, std::string* out) {
  AppendLowered(word, out, [](std::string* o, char32_t lower) { AppendUtf8(o, lower); });
}

void AppendFolded(std::string_view word, std::string* out) {
  const std::size_t start = out->size();
  AppendLowered(word, out, [](std::string* o, char32_t lower) {
    const char* base = LatinBase(lower);
    if (base != nullptr && *base != '\0') {
      o->append(base);
    } else {
      AppendUtf8(o, lower);
    }
  });
  FoldDigraphs(out, start);
}

}  // namespace akte::search
