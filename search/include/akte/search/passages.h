// How a document's text is cut into the passages the index holds one Xapian
// document each for: pieces of up to about 32 KB, cut at page breaks (form
// feeds: PDF pages, slides, sheets) where the text has them — a passage
// then holds whole consecutive pages — else at a paragraph or line break.
// The index writer and the searcher both cut with this one function, so a
// hit's passage number always finds its text. Fewer, larger passages keep
// the index small (every term of every passage costs a posting and a
// position list); PageAt names the page of a hit inside one.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace akte::search {

struct Passage {
  std::size_t offset = 0;  // bytes into the text
  std::size_t length = 0;
  int page = 0;  // 1-based number of its first page; 0 when the text has no pages
};

// At least one passage (empty for an empty text).
std::vector<Passage> SplitPassages(std::string_view text);

// The page at byte `at` of `passage`'s text (its first page plus the page
// breaks before `at`); 0 when the text has no pages.
int PageAt(const Passage& passage, std::string_view passage_text, std::size_t at);

}  // namespace akte::search
