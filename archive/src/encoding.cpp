#include "encoding.h"

#include <iconv.h>

#include <cerrno>

namespace akte::archive {

bool IsValidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    auto c = static_cast<unsigned char>(s[i]);
    std::size_t length;
    std::uint32_t min;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      length = 2, min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3, min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4, min = 0x10000;
    } else {
      return false;
    }
    if (i + length > s.size()) return false;
    std::uint32_t code = c & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) {
      auto next = static_cast<unsigned char>(s[i + k]);
      if ((next & 0xC0) != 0x80) return false;
      code = (code << 6) | (next & 0x3F);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return false;
    i += length;
  }
  return true;
}

Result<std::string> ConvertToUtf8(std::string_view bytes, const char* charset) {
  iconv_t cd = iconv_open("UTF-8", charset);
  if (cd == reinterpret_cast<iconv_t>(-1)) {
    return Status::UnsupportedFormat(std::string("unknown character set ") + charset);
  }
  std::string out;
  out.resize(bytes.size() * 3 + 16);
  char* in_ptr = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* out_ptr = out.data();
  std::size_t out_left = out.size();
  std::size_t rc = iconv(cd, &in_ptr, &in_left, &out_ptr, &out_left);
  int err = errno;
  iconv_close(cd);
  if (rc == static_cast<std::size_t>(-1)) {
    return Status::InvalidArgument(std::string("the text is not valid ") + charset + " (byte " +
                                   std::to_string(bytes.size() - in_left) + ", " +
                                   (err == EILSEQ ? "invalid sequence" : "incomplete sequence") +
                                   ")");
  }
  out.resize(out.size() - out_left);
  return out;
}

Result<DecodedText> DecodeToUtf8(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF"))
    bytes.remove_prefix(3);
  else if (bytes.starts_with("\xFF\xFE")) {
    AKTE_ASSIGN_OR_RETURN(auto text, ConvertToUtf8(bytes.substr(2), "UTF-16LE"));
    return DecodedText{std::move(text), "UTF-16LE"};
  } else if (bytes.starts_with("\xFE\xFF")) {
    AKTE_ASSIGN_OR_RETURN(auto text, ConvertToUtf8(bytes.substr(2), "UTF-16BE"));
    return DecodedText{std::move(text), "UTF-16BE"};
  }
  if (IsValidUtf8(bytes)) return DecodedText{std::string(bytes), "UTF-8"};
  AKTE_ASSIGN_OR_RETURN(auto text, ConvertToUtf8(bytes, "WINDOWS-1252"));
  return DecodedText{std::move(text), "WINDOWS-1252"};
}

}  // namespace akte::archive
