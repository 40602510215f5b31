// Phone numbers in the spellings people use ("+49 30 1234567",
// "030/1234567", "030 123 45 67", "(030) 1234567", "0049 30 1234567",
// "+49 (0)30 1234567"), all made into one term in national form.
#pragma once

#include <cstddef>
#include <string_view>

#include "tokenizer.h"

namespace akte::search {

// When a phone number starts at text[pos] (a '+', '(' or '0' that does not
// follow a letter or digit), fills *token as a kPhone token (parts: the
// digit groups; whole: "tel:" + digits, +49 and 0049 becoming 0, other
// country codes kept as "+CC") and returns true. Dates (2024-03-05,
// 01/02/2024), amounts (0,50) and groups of an IBAN are not phone numbers.
bool MatchPhone(std::string_view text, std::size_t pos, Token* token);

}  // namespace akte::search
