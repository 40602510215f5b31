#include "text_codec.h"

#include <zlib.h>

namespace akte::archive {

std::string CompressText(std::string_view text) {
  uLongf length = compressBound(static_cast<uLong>(text.size()));
  std::string out(length, '\0');
  // Level 6: zlib's default; text compresses well and fast at it.
  compress2(reinterpret_cast<Bytef*>(out.data()), &length,
            reinterpret_cast<const Bytef*>(text.data()), static_cast<uLong>(text.size()), 6);
  out.resize(length);
  return out;
}

Result<std::string> DecompressText(std::string_view compressed, std::size_t size) {
  std::string out(size, '\0');
  uLongf length = static_cast<uLongf>(size);
  int rc = uncompress(reinterpret_cast<Bytef*>(out.data()), &length,
                      reinterpret_cast<const Bytef*>(compressed.data()),
                      static_cast<uLong>(compressed.size()));
  if (rc != Z_OK || length != size) {
    return Status::Corruption("stored text is damaged (zlib error " + std::to_string(rc) + ")");
  }
  return out;
}

}  // namespace akte::archive
