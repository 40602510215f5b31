// UTF-8 decoding and the character classes the tokenizer needs. Decoding is
// done here rather than with Xapian::Utf8Iterator so the hot loops of the
// tokenizer and the folding stay inline and branch on ASCII first.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace akte::search {

struct CodePoint {
  char32_t value = 0;
  std::size_t length = 1;  // bytes; invalid bytes decode to U+FFFD, length 1
};

// Decodes the code point starting at text[pos] (pos < text.size()).
inline CodePoint DecodeUtf8(std::string_view text, std::size_t pos) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  if (b0 < 0x80) return {b0, 1};
  std::size_t length = 0;
  char32_t value = 0;
  if (b0 >= 0xC2 && b0 < 0xE0) {
    length = 2;
    value = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 < 0xF0) {
    length = 3;
    value = b0 & 0x0F;
  } else if (b0 >= 0xF0 && b0 < 0xF5) {
    length = 4;
    value = b0 & 0x07;
  } else {
    return {0xFFFD, 1};
  }
  if (pos + length > text.size()) return {0xFFFD, 1};
  for (std::size_t i = 1; i < length; ++i) {
    const auto b = static_cast<unsigned char>(text[pos + i]);
    if ((b & 0xC0) != 0x80) return {0xFFFD, 1};
    value = (value << 6) | (b & 0x3F);
  }
  // Overlong forms and surrogates are invalid, as Xapian treats them.
  if ((length == 3 && value < 0x800) || (length == 4 && (value < 0x10000 || value > 0x10FFFF)) ||
      (value >= 0xD800 && value < 0xE000)) {
    return {0xFFFD, 1};
  }
  return {value, length};
}

// True when text[pos] does not continue a multi-byte sequence: a place a
// cut may happen without breaking a character.
inline bool IsUtf8Boundary(std::string_view text, std::size_t pos) {
  return pos >= text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}

void AppendUtf8(std::string* out, char32_t value);

// ' ’ ʼ: inside a word ("don't", "geht's") they join, and folding drops them.
inline bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019 || c == 0x02BC; }

enum class CharClass : unsigned char {
  kOther,      // punctuation, symbols, controls
  kSpace,      // separates tokens
  kLetter,     // starts or continues a word
  kDigit,      // starts or continues a word
  kMark,       // combining mark: continues a word, dropped by folding
  kIgnorable,  // soft hyphen, zero-width joiners: continue a word, dropped
  kIdeograph,  // Han, Hiragana, Katakana: each one is a word of its own
};

CharClass ClassifyNonAscii(char32_t c);

inline CharClass Classify(char32_t c) {
  if (c < 0x80) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::kLetter;
    if (c >= '0' && c <= '9') return CharClass::kDigit;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      return CharClass::kSpace;
    }
    return CharClass::kOther;
  }
  return ClassifyNonAscii(c);
}

inline bool IsWordClass(CharClass c) {
  return c == CharClass::kLetter || c == CharClass::kDigit || c == CharClass::kMark ||
         c == CharClass::kIgnorable;
}

}  // namespace akte::search
