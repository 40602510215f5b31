#include "mime.h"

#include <magic.h>

#include <algorithm>
#include <array>
#include <memory>
#include <utility>

namespace akte::indexer {
namespace {

std::string Extension(std::string_view filename) {
  auto dot = filename.rfind('.');
  if (dot == std::string_view::npos) return "";
  std::string ext(filename.substr(dot + 1));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

// Extensions whose type the bytes alone do not settle (zip containers,
// flavours of plain text). Data, not code: add a row to teach a new one.
constexpr std::array<std::pair<std::string_view, std::string_view>, 26> kByExtension = {{
    {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {"docm", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {"xlsm", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    {"pptm", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    {"dotx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
    {"xltx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
    {"potx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
    {"odt", "application/vnd.oasis.opendocument.text"},
    {"ods", "application/vnd.oasis.opendocument.spreadsheet"},
    {"odp", "application/vnd.oasis.opendocument.presentation"},
    {"csv", "text/csv"},
    {"tsv", "text/tab-separated-values"},
    {"md", "text/markdown"},
    {"markdown", "text/markdown"},
    {"htm", "text/html"},
    {"html", "text/html"},
    {"xhtml", "application/xhtml+xml"},
    {"eml", "message/rfc822"},
    {"mbox", "application/mbox"},
    {"rtf", "text/rtf"},
    {"vcf", "text/vcard"},
    {"ics", "text/calendar"},
    {"txt", "text/plain"},
    {"json", "application/json"},
}};

std::string_view ByExtension(std::string_view filename) {
  const std::string ext = Extension(filename);
  for (const auto& [extension, mime] : kByExtension) {
    if (extension == ext) return mime;
  }
  return {};
}

bool IsGenericZip(std::string_view magic) {
  return magic == "application/zip" || magic == "application/octet-stream" ||
         magic == "application/x-zip-compressed";
}

}  // namespace

std::string RefineMimeType(std::string_view magic, std::string_view filename) {
  const std::string_view by_name = ByExtension(filename);
  if (by_name.empty()) return std::string(magic);
  // Office containers are zips to libmagic unless it recognised them itself.
  if (IsGenericZip(magic) && (by_name.starts_with("application/vnd."))) return std::string(by_name);
  // Plain text comes in flavours libmagic does not separate by content.
  if (magic == "text/plain" && by_name.starts_with("text/")) return std::string(by_name);
  if ((magic == "text/plain" || magic == "text/html") && by_name == "application/xhtml+xml") {
    return std::string(by_name);
  }
  // XHTML starts with an XML declaration, so libmagic calls it XML.
  if ((magic == "text/xml" || magic == "application/xml") &&
      (by_name == "text/html" || by_name == "application/xhtml+xml")) {
    return "application/xhtml+xml";
  }
  // Mails whose body is HTML look like HTML to libmagic.
  if ((magic == "text/plain" || magic == "text/html") &&
      (by_name == "message/rfc822" || by_name == "application/mbox")) {
    return std::string(by_name);
  }
  // UTF-16/32 and EBCDIC text has no magic; the text handler rejects real
  // binary data cleanly, so trusting the name costs nothing.
  if ((magic == "application/octet-stream" || magic == "application/x-adobe-aco") &&
      by_name.starts_with("text/")) {
    return std::string(by_name);
  }
  return std::string(magic);
}

std::string DetectMimeType(const std::filesystem::path& file, std::string_view filename) {
  // One cookie per process: loading the magic database costs milliseconds.
  static std::unique_ptr<magic_set, void (*)(magic_t)> cookie = [] {
    std::unique_ptr<magic_set, void (*)(magic_t)> c(magic_open(MAGIC_MIME_TYPE | MAGIC_ERROR),
                                                    magic_close);
    if (c && magic_load(c.get(), nullptr) != 0) c.reset();
    return c;
  }();
  if (!cookie) return RefineMimeType("application/octet-stream", filename);
  const char* magic = magic_file(cookie.get(), file.c_str());
  return RefineMimeType(magic ? magic : "application/octet-stream", filename);
}

}  // namespace akte::indexer
