#include "charset.h"

#include <iconv.h>
#include <uchardet/uchardet.h>

#include <cerrno>
#include <memory>

namespace akte::indexer {
namespace {

// Length of the valid UTF-8 sequence at the start of `s`, or 0 if invalid.
std::size_t ValidSequenceLength(std::string_view s) {
  auto c = static_cast<unsigned char>(s[0]);
  if (c < 0x80) return 1;
  std::size_t length;
  char32_t min;
  if ((c & 0xE0) == 0xC0) {
    length = 2, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    length = 3, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    length = 4, min = 0x10000;
  } else {
    return 0;
  }
  if (s.size() < length) return 0;
  char32_t code = c & (0xFF >> (length + 1));
  for (std::size_t k = 1; k < length; ++k) {
    auto next = static_cast<unsigned char>(s[k]);
    if ((next & 0xC0) != 0x80) return 0;
    code = (code << 6) | (next & 0x3F);
  }
  if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return 0;
  return length;
}

std::size_t CodeUnitSize(const std::string& charset) {
  if (charset.starts_with("UTF-16") || charset.starts_with("UCS-2")) return 2;
  if (charset.starts_with("UTF-32") || charset.starts_with("UCS-4")) return 4;
  return 1;
}

struct IconvCloser {
  void operator()(void* cd) const { iconv_close(static_cast<iconv_t>(cd)); }
};

}  // namespace

bool IsValidUtf8(std::string_view text) {
  while (!text.empty()) {
    std::size_t n = ValidSequenceLength(text);
    if (n == 0) return false;
    text.remove_prefix(n);
  }
  return true;
}

std::string SanitizeUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  while (!text.empty()) {
    std::size_t n = ValidSequenceLength(text);
    if (n == 0) {
      out += kReplacementCharacter;
      text.remove_prefix(1);
    } else {
      out.append(text.substr(0, n));
      text.remove_prefix(n);
    }
  }
  return out;
}

void AppendUtf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    out += kReplacementCharacter;
  } else if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

std::string DetectCharset(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) return "UTF-8";
  if (bytes.starts_with(std::string_view("\xFF\xFE\x00\x00", 4))) return "UTF-32LE";
  if (bytes.starts_with(std::string_view("\x00\x00\xFE\xFF", 4))) return "UTF-32BE";
  if (bytes.starts_with("\xFF\xFE")) return "UTF-16LE";
  if (bytes.starts_with("\xFE\xFF")) return "UTF-16BE";
  // Judge validity on a prefix; a cut sequence at its end is not an error.
  std::string_view sample = bytes.substr(0, 1 << 20);
  while (!sample.empty() && sample.size() < bytes.size() &&
         (static_cast<unsigned char>(sample.back()) & 0xC0) == 0x80) {
    sample.remove_suffix(1);
  }
  if (!sample.empty() && sample.size() < bytes.size()) sample.remove_suffix(1);
  if (IsValidUtf8(sample)) return "UTF-8";

  std::unique_ptr<std::remove_pointer_t<uchardet_t>, void (*)(uchardet_t)> detector(
      uchardet_new(), uchardet_delete);
  uchardet_handle_data(detector.get(), bytes.data(), std::min<std::size_t>(bytes.size(), 1 << 20));
  uchardet_data_end(detector.get());
  std::string guess = uchardet_get_charset(detector.get());
  // uchardet names ISO-8859-1 where German text is almost always Windows-1252
  // (its superset, with € and typographic quotes).
  if (guess.empty() || guess == "ASCII" || guess == "ISO-8859-1") return "WINDOWS-1252";
  return guess;
}

std::string ToUtf8(std::string_view bytes, std::string_view charset) {
  std::string name = charset.empty() ? DetectCharset(bytes) : std::string(charset);
  if (name == "UTF-8" || name == "utf-8" || name == "us-ascii" || name == "US-ASCII") {
    if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
    return SanitizeUtf8(bytes);
  }
  iconv_t raw = iconv_open("UTF-8", name.c_str());
  if (raw == reinterpret_cast<iconv_t>(-1)) {
    if (charset.empty()) return SanitizeUtf8(bytes);
    return ToUtf8(bytes, "");  // an unknown declared charset: detect instead
  }
  std::unique_ptr<void, IconvCloser> cd(raw);
  std::string out;
  out.reserve(bytes.size() + bytes.size() / 2);
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char buffer[16384];
  while (in_left > 0) {
    char* o = buffer;
    std::size_t out_left = sizeof buffer;
    std::size_t rc = iconv(raw, &in, &in_left, &o, &out_left);
    out.append(buffer, sizeof buffer - out_left);
    if (rc != static_cast<std::size_t>(-1)) break;
    if (errno == E2BIG) continue;
    // EILSEQ: an invalid sequence; EINVAL: a sequence cut off at the end.
    // Skip one code unit, so UTF-16/32 stays aligned after the damage.
    out += kReplacementCharacter;
    if (errno == EINVAL) break;
    const std::size_t skip = std::min(in_left, CodeUnitSize(name));
    in += skip;
    in_left -= skip;
    iconv(raw, nullptr, nullptr, nullptr, nullptr);
  }
  std::string result = SanitizeUtf8(out);
  if (std::string_view(result).starts_with("\xEF\xBB\xBF")) result.erase(0, 3);
  return result;
}

}  // namespace akte::indexer
