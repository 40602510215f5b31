#include "utf8.h"

#include <xapian.h>

namespace akte::search {

void AppendUtf8(std::string* out, char32_t value) {
  char buffer[4];
  out->append(buffer, Xapian::Unicode::to_utf8(value, buffer));
}

CharClass ClassifyNonAscii(char32_t c) {
  // Han (with extensions and compatibility ideographs), Hiragana, Katakana:
  // text in these scripts has no spaces between words.
  if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
      (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) ||
      (c >= 0x20000 && c <= 0x3FFFF)) {
    return CharClass::kIdeograph;
  }
  if (c == 0x00AD || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF) {
    return CharClass::kIgnorable;
  }
  using Xapian::Unicode::category;
  switch (Xapian::Unicode::get_category(static_cast<unsigned>(c))) {
    case category::UPPERCASE_LETTER:
    case category::LOWERCASE_LETTER:
    case category::TITLECASE_LETTER:
    case category::MODIFIER_LETTER:
    case category::OTHER_LETTER:
      return CharClass::kLetter;
    case category::DECIMAL_DIGIT_NUMBER:
      return CharClass::kDigit;
    case category::NON_SPACING_MARK:
    case category::ENCLOSING_MARK:
    case category::COMBINING_SPACING_MARK:
      return CharClass::kMark;
    case category::SPACE_SEPARATOR:
    case category::LINE_SEPARATOR:
    case category::PARAGRAPH_SEPARATOR:
    case category::CONTROL:
      return CharClass::kSpace;
    default:
      return CharClass::kOther;
  }
}

}  // namespace akte::search
