#include "akte/search/passages.h"

namespace akte::search {
namespace {

constexpr std::size_t kPassageBytes = 12 * 1024;

// Where to cut `text` near `target`: after the last blank line, else line
// break, else space before it, else at a UTF-8 boundary.
std::size_t CutPoint(std::string_view text, std::size_t target) {
  if (target >= text.size()) return text.size();
  const std::string_view head = text.substr(0, target);
  const std::size_t floor = target / 2;
  for (std::string_view separator : {"\n\n", "\n", " "}) {
    std::size_t at = head.rfind(separator);
    if (at != std::string_view::npos && at >= floor) return at + separator.size();
  }
  std::size_t cut = target;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

}  // namespace

std::vector<Passage> SplitPassages(std::string_view text) {
  std::vector<Passage> passages;
  if (text.find('\f') != std::string_view::npos) {
    std::size_t start = 0;
    int page = 1;
    for (;;) {
      std::size_t end = text.find('\f', start);
      if (end == std::string_view::npos) end = text.size();
      passages.push_back({start, end - start, page++});
      if (end == text.size()) break;
      start = end + 1;
    }
    return passages;
  }
  std::size_t start = 0;
  do {
    const std::size_t length = CutPoint(text.substr(start), kPassageBytes);
    passages.push_back({start, length, 0});
    start += length;
  } while (start < text.size());
  return passages;
}

}  // namespace akte::search
