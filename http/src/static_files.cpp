#include "static_files.h"

#include <openssl/sha.h>

#include <map>
#include <string>

#include "embedded_files.h"

namespace akte::http {
namespace {

std::string ContentTypeFor(std::string_view name) {
  static const std::map<std::string_view, std::string_view> kTypes = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".json", "application/json"},
      {".woff2", "font/woff2"}};
  const auto dot = name.rfind('.');
  if (dot != std::string_view::npos) {
    if (auto it = kTypes.find(name.substr(dot)); it != kTypes.end()) return std::string(it->second);
  }
  return "application/octet-stream";
}

// A strong ETag from the content, so browsers revalidate cheaply and never
// keep a page older than the binary.
std::string TagOf(std::string_view bytes) {
  unsigned char digest[SHA256_DIGEST_LENGTH];
  SHA256(reinterpret_cast<const unsigned char*>(bytes.data()), bytes.size(), digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string tag = "\"";
  for (int i = 0; i < 12; ++i) tag += {kHex[digest[i] >> 4], kHex[digest[i] & 0xf]};
  return tag + "\"";
}

void Serve(const EmbeddedFile& file, const std::string& tag, const httplib::Request& request,
           httplib::Response& response) {
  // Only our own scripts and styles run; documents are shown in frames
  // from our origin (PDF preview), never the page inside someone else's.
  response.set_header("Content-Security-Policy",
                      "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; "
                      "frame-src 'self' blob:; base-uri 'none'; form-action 'self'; "
                      "frame-ancestors 'none'");
  response.set_header("X-Content-Type-Options", "nosniff");
  response.set_header("Referrer-Policy", "same-origin");
  response.set_header("Cache-Control", "no-cache");
  response.set_header("ETag", tag);
  if (request.get_header_value("If-None-Match") == tag) {
    response.status = 304;
    return;
  }
  response.set_content(std::string(file.bytes), ContentTypeFor(file.name).c_str());
}

}  // namespace

void AddStaticRoutes(httplib::Server& server) {
  for (const EmbeddedFile& file : WebFiles()) {
    const std::string tag = TagOf(file.bytes);
    const std::string path = file.name == "index.html" ? "/" : "/assets/" + std::string(file.name);
    server.Get(path, [&file, tag](const httplib::Request& request, httplib::Response& response) {
      Serve(file, tag, request, response);
    });
  }
}

}  // namespace akte::http
