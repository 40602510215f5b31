// Snippets: the passage of a text that best shows why it matched, with the
// matching words marked (see Analyzer::MakeSnippet for the contract).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "akte/search/analysis.h"
#include "word_list.h"

namespace akte::search {

// Re-reads `text` with the index's tokenizer, folding, stemming and
// compound splitting, marks the words that make one of `terms`, and cuts
// the best window of about `length` bytes. Work per distinct word is done
// once, and stems and compound parts only for words that could match, so
// a megabyte takes a few milliseconds.
Snippet MakeTextSnippet(const WordSet& words, std::string_view text,
                        const std::vector<std::string>& terms, std::size_t length);

}  // namespace akte::search
