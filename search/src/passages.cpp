#include "akte/search/passages.h"

#include <algorithm>

namespace akte::search {
namespace {

constexpr std::size_t kPassageBytes = 32 * 1024;

// Where the last blank line in `window` starts, or npos.
std::size_t LastBlankLine(std::string_view window) {
  std::size_t at = window.rfind('\n');
  while (at != std::string_view::npos && at > 0) {
    if (window[at - 1] == '\n') return at - 1;
    at = window.rfind('\n', at - 1);
  }
  return std::string_view::npos;
}

// Where to cut `text` near `target`: after the last blank line, else line
// break, else space in the second half before it, else at a UTF-8
// boundary. Searches only that half: a whole-text search would cost a
// comparison per byte, and cutting runs for every document hit.
std::size_t CutPoint(std::string_view text, std::size_t target) {
  if (target >= text.size()) return text.size();
  const std::size_t floor = target / 2;
  const std::string_view window = text.substr(floor, target - floor);
  if (const std::size_t at = LastBlankLine(window); at != std::string_view::npos) {
    return floor + at + 2;
  }
  for (const char separator : {'\n', ' '}) {
    const std::size_t at = window.rfind(separator);
    if (at != std::string_view::npos) return floor + at + 1;
  }
  std::size_t cut = target;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

// Whole pages, as many as fit in kPassageBytes (at least one: a longer
// page is a passage of its own).
std::vector<Passage> SplitPaged(std::string_view text) {
  std::vector<Passage> passages;
  std::size_t start = 0;
  int page = 1;
  while (true) {
    Passage passage{start, 0, page};
    std::size_t end = start;
    while (true) {
      std::size_t page_end = text.find('\f', end);
      if (page_end == std::string_view::npos) page_end = text.size();
      const bool first = end == start;
      if (!first && page_end - start > kPassageBytes) break;
      end = page_end;
      if (end == text.size()) break;
      ++end;  // the page break belongs to the passage
      ++page;
      if (end - start >= kPassageBytes) break;
    }
    passage.length = end - start;
    passages.push_back(passage);
    if (end >= text.size()) break;
    start = end;
  }
  return passages;
}

}  // namespace

std::vector<Passage> SplitPassages(std::string_view text) {
  if (text.find('\f') != std::string_view::npos) return SplitPaged(text);
  std::vector<Passage> passages;
  std::size_t start = 0;
  do {
    const std::size_t length = CutPoint(text.substr(start), kPassageBytes);
    passages.push_back({start, length, 0});
    start += length;
  } while (start < text.size());
  return passages;
}

int PageAt(const Passage& passage, std::string_view passage_text, std::size_t at) {
  if (passage.page == 0) return 0;
  const std::string_view before = passage_text.substr(0, std::min(at, passage_text.size()));
  return passage.page + static_cast<int>(std::count(before.begin(), before.end(), '\f'));
}

}  // namespace akte::search
