// The interface every format handler implements, private to indexer/. One
// handler per format, one file per handler (src/extractors/<format>.cpp),
// registered in registry.cpp. Handlers run inside the sandboxed worker
// process (see sandbox.h): they may be slow or crash on hostile input, but
// must never touch anything but their input file and their scratch
// directory, and must honour the limits they are given.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "akte/archive/status.h"
#include "akte/indexer/limits.h"

namespace akte::indexer {

// Extraction outcomes, as the catalog's documents.extraction_state spells them.
inline constexpr const char* kExtracted = "extracted";
inline constexpr const char* kNeedsOcr = "needs-ocr";
inline constexpr const char* kEncrypted = "encrypted";
inline constexpr const char* kUnsupported = "unsupported-format";
inline constexpr const char* kFailed = "failed";

// Page separator in Extraction::text for paged formats (PDF pages, slides,
// spreadsheet sheets), as pdftotext writes it. Page N is the text after the
// (N-1)th separator.
inline constexpr char kPageBreak = '\f';

struct Metadata {
  std::string title;
  std::string author;
  std::string subject;
  std::string keywords;
  std::string created;   // ISO 8601 (UTC "…Z" when the zone is known)
  std::string modified;  // ISO 8601
  std::string language;  // as stated by the document ("de-DE"), not guessed
  int page_count = 0;
  // Email headers, decoded to UTF-8 (RFC 2047).
  std::string from;
  std::string to;
  std::string cc;
  std::string date;  // ISO 8601 UTC
  std::string message_id;
};

// A file found inside the input (an email attachment, a bundle member, an
// embedded document), written by the handler into the scratch directory.
// The pipeline stores it as a child document and extracts it in turn.
struct Child {
  std::string name;            // file name to show ("Rechnung.pdf")
  std::string path_in_parent;  // where it sat ("Anhang/Rechnung.pdf", or the
                               // attachment's position "attachment 2")
  std::filesystem::path file;  // inside ExtractionInput::scratch_dir
};

struct Extraction {
  std::string state = kExtracted;  // one of the constants above
  std::string error;               // why, for every state but kExtracted; for
                                   // kExtracted, what was skipped (encrypted members)
  std::string mime_type;           // as detected
  std::string text;                // UTF-8; pages separated by kPageBreak
  Metadata metadata;
  std::vector<Child> children;
  bool text_truncated = false;  // text hit limits.max_text_bytes
};

struct ExtractionInput {
  std::filesystem::path file;         // the stored original, read-only
  std::string filename;               // the original name (a tie-breaker hint)
  std::string mime_type;              // detected from the bytes (mime.h)
  std::filesystem::path scratch_dir;  // empty, writable, for children
  int depth = 0;  // how deep this document sits in bundles/mails (0: filed directly)
  ExtractionLimits limits;
};

class Extractor {
 public:
  virtual ~Extractor() = default;

  // Extracts text, metadata and children. A file the handler recognises as
  // encrypted, unsupported or in need of OCR is a successful Extraction with
  // that state and a reason. Errors: Corruption ("corrupt or truncated: …")
  // for damaged input, TooLarge for exceeded limits ("archive limits
  // exceeded: …"), UnsupportedFormat, InvalidArgument for refused content
  // ("XML DTD/entity not allowed", "unsafe entry path …").
  virtual Result<Extraction> Extract(const ExtractionInput& input) const = 0;
};

// The handler for a MIME type, or nullptr when no handler reads it.
const Extractor* FindExtractor(std::string_view mime_type);

// Appends `piece` to `out` unless `out` would exceed `max_bytes`; then sets
// `truncated` and appends as much as fits without splitting a UTF-8
// sequence. Returns false once the limit is reached.
bool AppendLimited(std::string& out, std::string_view piece, std::uint64_t max_bytes,
                   bool& truncated);

}  // namespace akte::indexer
