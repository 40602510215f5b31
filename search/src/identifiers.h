// What a run of pieces joined by punctuation without spaces is: an email
// address, a domain, an identifier (pieces with digits, kept whole), a
// hyphenated word, or just words that lost their space ("Müller/Meier").
#pragma once

#include <string_view>
#include <vector>

#include "tokenizer.h"

namespace akte::search {

// Connectors that may join pieces inside one chunk: - ‐ ‑ / . , _ @.
bool IsConnector(char32_t c);
bool IsHyphen(char32_t c);

// Appends the tokens of one chunk to *out. `pieces` are its pieces in
// order; connectors[i] is the character before pieces[i] (connectors[0] is
// unused).
void ClassifyChunk(std::string_view text, const std::vector<Span>& pieces,
                   const std::vector<char32_t>& connectors, std::vector<Token>* out);

}  // namespace akte::search
