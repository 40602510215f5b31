// PDF through Poppler's C++ interface: the text of every page in reading
// order (pdftotext's default), pages separated by kPageBreak, and the
// document information dictionary.
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <ctime>
#include <memory>

#include "charset.h"
#include "extractor.h"

namespace akte::indexer {
namespace {

std::string Utf8(const poppler::ustring& s) {
  auto bytes = s.to_utf8();
  return SanitizeUtf8(std::string_view(bytes.data(), bytes.size()));
}

std::string IsoTime(time_t t) {
  if (t == static_cast<time_t>(-1) || t == 0) return "";
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buffer;
}

// Poppler reports syntax errors of damaged files on stderr; they are not the
// user's concern, the outcome is.
void IgnorePopplerMessages(const std::string&, void*) {}

bool HasVisibleText(std::string_view text) {
  for (char c : text) {
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t' && c != kPageBreak) return true;
  }
  return false;
}

class PdfExtractor final : public Extractor {
 public:
  Result<Extraction> Extract(const ExtractionInput& input) const override {
    poppler::set_debug_error_function(IgnorePopplerMessages, nullptr);
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(input.file.string()));
    Extraction out;
    out.mime_type = "application/pdf";
    if (!doc) return Status::Corruption("corrupt or truncated PDF: Poppler cannot open it");
    if (doc->is_locked()) {
      out.state = kEncrypted;
      out.error = "encrypted, password required";
      return out;
    }
    Metadata& m = out.metadata;
    m.title = Utf8(doc->get_title());
    m.author = Utf8(doc->get_author());
    m.subject = Utf8(doc->get_subject());
    m.keywords = Utf8(doc->get_keywords());
    m.created = IsoTime(doc->get_creation_date_t());
    m.modified = IsoTime(doc->get_modification_date_t());
    m.page_count = doc->pages();

    int pages_without_text = 0;
    for (int i = 0; i < m.page_count; ++i) {
      if (i > 0 && !AppendLimited(out.text, std::string(1, kPageBreak), input.limits.max_text_bytes,
                                  out.text_truncated)) {
        break;
      }
      std::unique_ptr<poppler::page> page(doc->create_page(i));
      if (!page) {
        ++pages_without_text;
        continue;
      }
      std::string text =
          Utf8(page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout));
      // Poppler ends each page's text with a form feed of its own.
      while (!text.empty() && (text.back() == kPageBreak || text.back() == '\n')) text.pop_back();
      if (!HasVisibleText(text)) ++pages_without_text;
      if (!AppendLimited(out.text, text, input.limits.max_text_bytes, out.text_truncated)) break;
    }
    if (pages_without_text > 0 && m.page_count > 0) {
      out.state = kNeedsOcr;
      out.error = std::to_string(pages_without_text) + " of " + std::to_string(m.page_count) +
                  " pages have no text layer";
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<Extractor> MakePdfExtractor() { return std::make_unique<PdfExtractor>(); }

}  // namespace akte::indexer
