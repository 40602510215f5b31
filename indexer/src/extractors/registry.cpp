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
// office formats: end
// text, web, mail and bundles: begin
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
    // office formats: registrations end
    // text, web, mail and bundles: registrations begin
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
