// Legacy binary Office files (.doc, .xls, .ppt: OLE compound documents) and
// encrypted OOXML (which is stored inside such a container). No library in
// Debian reads the binary formats well enough, so they get a clear state
// rather than garbage text.
#include "extractor.h"

namespace akte::indexer {
namespace {

class LegacyOfficeExtractor final : public Extractor {
 public:
  Result<Extraction> Extract(const ExtractionInput& input) const override {
    Extraction out;
    out.mime_type = input.mime_type;
    if (input.mime_type == "application/encrypted") {
      out.state = kEncrypted;
      out.error = "encrypted, password required (password-protected Office file)";
      return out;
    }
    out.state = kUnsupported;
    out.error =
        "unsupported format: legacy binary Office file (.doc/.xls/.ppt); save it as "
        ".docx/.xlsx/.pptx or PDF to make it searchable";
    return out;
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeLegacyOfficeExtractor() {
  return std::make_unique<LegacyOfficeExtractor>();
}

}  // namespace akte::indexer
