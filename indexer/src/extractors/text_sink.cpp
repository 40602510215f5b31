#include "text_sink.h"

#include "charset.h"
#include "extractor.h"

namespace akte::indexer {

void TextSink::Text(std::string_view text) {
  if (full_ || text.empty()) return;
  // Damaged files hold invalid UTF-8 (pugixml passes it through unchanged).
  std::string clean;
  if (!IsValidUtf8(text)) {
    clean = SanitizeUtf8(text);
    text = clean;
  }
  if (pending_ != '\0') {
    const char separator = pending_;
    pending_ = '\0';
    // No separator at the very start of the text or of a page.
    if (!out_.empty() && out_.back() != kPageBreak) {
      if (!AppendLimited(out_, std::string_view(&separator, 1), max_bytes_, truncated_)) {
        full_ = true;
        return;
      }
    }
  }
  if (!AppendLimited(out_, text, max_bytes_, truncated_)) full_ = true;
}

void TextSink::PageBreak() {
  pending_ = '\0';
  if (full_) return;
  const char page_break = kPageBreak;
  if (!AppendLimited(out_, std::string_view(&page_break, 1), max_bytes_, truncated_)) {
    full_ = true;
  }
}

}  // namespace akte::indexer
