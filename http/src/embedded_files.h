// Files compiled into the binary (the web page), by http/embed_files.cmake.
#pragma once

#include <string_view>
#include <vector>

namespace akte::http {

struct EmbeddedFile {
  std::string_view name;  // relative to web/: "index.html", "app.js"
  std::string_view bytes;
};

// The files of web/, in name order.
const std::vector<EmbeddedFile>& WebFiles();

}  // namespace akte::http
