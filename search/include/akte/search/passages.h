// How a document's text is cut into the passages the index holds one Xapian
// document each for: its pages where the text has page breaks (form feeds:
// PDF pages, slides, sheets), otherwise pieces of about 12 KB cut at a
// paragraph or line break. The index writer and the searcher both cut with
// this one function, so a hit's passage number always finds its text.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace akte::search {

struct Passage {
  std::size_t offset = 0;  // bytes into the text
  std::size_t length = 0;
  int page = 0;  // 1-based page number; 0 when the text has no pages
};

// At least one passage (empty for an empty text).
std::vector<Passage> SplitPassages(std::string_view text);

}  // namespace akte::search
