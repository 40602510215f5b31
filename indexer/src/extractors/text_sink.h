// Text collection for the document handlers (office formats, RTF): keeps
// structure (paragraphs, cells, pages) as whitespace, within the text limit.
// Private to indexer/.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace akte::indexer {

// Collects text into `out` (an Extraction's text) without exceeding
// `max_bytes`. Structure becomes whitespace: a separator is held back until
// more text follows, and a later separator replaces a pending one, so that
// the end of a paragraph inside a table cell comes out as the cell's tab and
// empty paragraphs leave no blank lines.
class TextSink {
 public:
  TextSink(std::string& out, bool& truncated, std::uint64_t max_bytes)
      : out_(out), truncated_(truncated), max_bytes_(max_bytes) {}

  // Appends `text`, after any pending separator.
  void Text(std::string_view text);
  // Sets the separator (' ', '\t', '\n') to put before the next text.
  void Separator(char c) { pending_ = c; }
  // Appends kPageBreak at once, even after an empty page.
  void PageBreak();
  // True once the limit is reached: callers stop walking.
  bool full() const { return full_; }

 private:
  std::string& out_;
  bool& truncated_;
  std::uint64_t max_bytes_;
  char pending_ = '\0';
  bool full_ = false;
};

}  // namespace akte::indexer
