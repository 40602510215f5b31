// The one place that says which handler reads which MIME type.
#include <map>
#include <memory>
#include <string>

#include "extractor.h"

namespace akte::indexer {

// Factories, one per handler file in src/extractors/.
std::unique_ptr<Extractor> MakePdfExtractor();
std::unique_ptr<Extractor> MakeLegacyOfficeExtractor();
// office formats: begin
std::unique_ptr<Extractor> MakeOoxmlExtractor();
std::unique_ptr<Extractor> MakeOdfExtractor();
std::unique_ptr<Extractor> MakeRtfExtractor();
// office formats: end
// text, web, mail and bundles: begin
std::unique_ptr<Extractor> MakeTextExtractor();
std::unique_ptr<Extractor> MakeHtmlExtractor();
std::unique_ptr<Extractor> MakeEmailExtractor();
std::unique_ptr<Extractor> MakeMboxExtractor();
std::unique_ptr<Extractor> MakeBundleExtractor();
// text, web, mail and bundles: end

namespace {

struct Registry {
  std::vector<std::unique_ptr<Extractor>> handlers;
  std::map<std::string, const Extractor*, std::less<>> by_mime;

  const Extractor* Add(std::unique_ptr<Extractor> handler) {
    handlers.push_back(std::move(handler));
    return handlers.back().get();
  }
  void Map(const Extractor* handler, std::initializer_list<const char*> mime_types) {
    for (const char* mime : mime_types) by_mime[mime] = handler;
  }
};

const Registry& TheRegistry() {
  static const Registry registry = [] {
    Registry r;
    r.Map(r.Add(MakePdfExtractor()), {"application/pdf", "application/x-pdf"});
    r.Map(r.Add(MakeLegacyOfficeExtractor()),
          {"application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint",
           "application/x-ole-storage", "application/CDFV2", "application/encrypted",
           "application/vnd.ms-office"});
    // office formats: registrations begin
    r.Map(r.Add(MakeOoxmlExtractor()),
          {"application/vnd.openxmlformats-officedocument.wordprocessingml.document",
           "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
           "application/vnd.ms-word.document.macroEnabled.12",
           "application/vnd.ms-word.template.macroEnabled.12",
           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
           "application/vnd.openxmlformats-officedocument.spreadsheetml.template",
           "application/vnd.ms-excel.sheet.macroEnabled.12",
           "application/vnd.ms-excel.template.macroEnabled.12",
           "application/vnd.openxmlformats-officedocument.presentationml.presentation",
           "application/vnd.openxmlformats-officedocument.presentationml.template",
           "application/vnd.openxmlformats-officedocument.presentationml.slideshow",
           "application/vnd.ms-powerpoint.presentation.macroEnabled.12",
           "application/vnd.ms-powerpoint.slideshow.macroEnabled.12"});
    r.Map(r.Add(MakeOdfExtractor()), {"application/vnd.oasis.opendocument.text",
                                      "application/vnd.oasis.opendocument.text-template",
                                      "application/vnd.oasis.opendocument.spreadsheet",
                                      "application/vnd.oasis.opendocument.spreadsheet-template",
                                      "application/vnd.oasis.opendocument.presentation",
                                      "application/vnd.oasis.opendocument.presentation-template",
                                      "application/vnd.oasis.opendocument.graphics",
                                      "application/vnd.oasis.opendocument.graphics-template"});
    r.Map(r.Add(MakeRtfExtractor()), {"text/rtf", "application/rtf"});
    // office formats: registrations end
    // text, web, mail and bundles: registrations begin
    r.Map(r.Add(MakeTextExtractor()), {"text/plain",         "text/csv",
                                       "application/csv",    "text/markdown",
                                       "text/x-markdown",    "text/tab-separated-values",
                                       "application/json",   "text/json",
                                       "text/vcard",         "text/x-vcard",
                                       "text/directory",     "text/calendar",
                                       "text/x-vcalendar",   "text/troff",
                                       "text/x-c",           "text/x-c++",
                                       "text/x-java",        "text/x-java-source",
                                       "text/x-python",      "text/x-script.python",
                                       "text/x-shellscript", "text/x-makefile",
                                       "text/x-diff",        "text/x-tex",
                                       "text/x-asm",         "text/x-perl",
                                       "text/x-ruby",        "text/x-php",
                                       "text/x-lisp",        "text/x-lua",
                                       "text/x-msdos-batch", "text/x-objective-c",
                                       "text/x-pascal",      "text/x-fortran",
                                       "text/x-awk",         "text/x-m4",
                                       "text/x-tcl",         "text/x-po",
                                       "text/x-bibtex",      "text/x-log",
                                       "text/x-Algol68"});
    r.Map(r.Add(MakeHtmlExtractor()), {"text/html", "application/xhtml+xml"});
    r.Map(r.Add(MakeEmailExtractor()), {"message/rfc822"});
    r.Map(r.Add(MakeMboxExtractor()), {"application/mbox"});
    r.Map(r.Add(MakeBundleExtractor()),
          {"application/zip", "application/x-zip-compressed", "application/x-tar",
           "application/x-gtar", "application/x-ustar", "application/x-cpio", "application/gzip",
           "application/x-gzip", "application/x-bzip2", "application/x-xz", "application/zstd",
           "application/x-zstd", "application/x-lzma", "application/x-lzip",
           "application/x-compress", "application/x-7z-compressed", "application/vnd.rar",
           "application/x-rar", "application/x-rar-compressed"});
    // text, web, mail and bundles: registrations end
    return r;
  }();
  return registry;
}

}  // namespace

const Extractor* FindExtractor(std::string_view mime_type) {
  const auto& by_mime = TheRegistry().by_mime;
  auto it = by_mime.find(mime_type);
  return it == by_mime.end() ? nullptr : it->second;
}

bool AppendLimited(std::string& out, std::string_view piece, std::uint64_t max_bytes,
                   bool& truncated) {
  if (out.size() + piece.size() <= max_bytes) {
    out.append(piece);
    return true;
  }
  std::size_t room = max_bytes > out.size() ? static_cast<std::size_t>(max_bytes - out.size()) : 0;
  // Back up to the start of a UTF-8 sequence so the cut text stays valid.
  while (room > 0 && room < piece.size() &&
         (static_cast<unsigned char>(piece[room]) & 0xC0) == 0x80) {
    --room;
  }
  out.append(piece.substr(0, room));
  truncated = true;
  return false;
}

}  // namespace akte::indexer
