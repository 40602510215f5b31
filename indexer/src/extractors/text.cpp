// Plain text in any encoding (text/plain, CSV, Markdown, source code, JSON,
// vCard, iCalendar): the encoding is detected (charset.h, plus the UTF-16/32
// and EBCDIC patterns uchardet does not know), the text converted to UTF-8
// with invalid bytes shown as U+FFFD. Binary data claimed as text is refused
// as unsupported rather than indexed as noise.
#include <array>
#include <memory>

#include "charset.h"
#include "extractor.h"
#include "file_util.h"

namespace akte::indexer {
namespace {

// How much of the start of a file the encoding guesses look at.
constexpr std::size_t kSampleBytes = 64 << 10;

struct ByteCounts {
  std::array<std::size_t, 256> of{};
  std::array<std::size_t, 4> nul_at{};  // NUL bytes by position modulo 4
  std::size_t total = 0;
};

ByteCounts CountBytes(std::string_view sample) {
  ByteCounts counts;
  counts.total = sample.size();
  for (std::size_t i = 0; i < sample.size(); ++i) {
    auto c = static_cast<unsigned char>(sample[i]);
    ++counts.of[c];
    if (c == 0) ++counts.nul_at[i % 4];
  }
  return counts;
}

// UTF-16 and UTF-32 without a BOM, from where the zero bytes of mostly-Latin
// text fall (DetectCharset would take UTF-16 ASCII for valid UTF-8).
std::string WideCharsetWithoutBom(const ByteCounts& c) {
  const std::size_t quarter = c.total / 4;
  if (quarter < 4) return "";
  auto mostly = [&](std::size_t n) { return n * 10 >= quarter * 9; };
  auto rarely = [&](std::size_t n) { return n * 10 <= quarter; };
  const auto& z = c.nul_at;
  if (mostly(z[0]) && mostly(z[1]) && rarely(z[3])) return "UTF-32BE";
  if (mostly(z[2]) && mostly(z[3]) && rarely(z[0])) return "UTF-32LE";
  const std::size_t even = z[0] + z[2];
  const std::size_t odd = z[1] + z[3];
  const std::size_t half = c.total / 2;
  if (odd * 10 >= half * 4 && even * 20 <= half) return "UTF-16LE";
  if (even * 10 >= half * 4 && odd * 20 <= half) return "UTF-16BE";
  return "";
}

// EBCDIC text (IBM500) has 0x40 as its space and its letters and digits in
// 0x81-0xF9; ASCII text would show 0x20 spaces instead.
bool LooksLikeEbcdic(const ByteCounts& c) {
  if (c.total < 64 || c.of[0x40] * 20 < c.total || c.of[0x20] * 100 > c.total) return false;
  std::size_t typical =
      c.of[0x40] + c.of[0x4B] + c.of[0x6B] + c.of[0x25] + c.of[0x15] + c.of[0x0D] + c.of[0x05];
  for (auto [from, to] : {std::pair{0x81, 0x89},
                          {0x91, 0x99},
                          {0xA2, 0xA9},
                          {0xC1, 0xC9},
                          {0xD1, 0xD9},
                          {0xE2, 0xE9},
                          {0xF0, 0xF9}}) {
    for (int b = from; b <= to; ++b) typical += c.of[b];
  }
  return typical * 10 >= c.total * 9;
}

// Control characters that never occur in text; ESC is allowed (ISO-2022-JP).
bool LooksBinary(const ByteCounts& c) {
  std::size_t control = 0;
  for (int b = 0; b < 0x20; ++b) {
    if (b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' && b != 0x1B) {
      control += c.of[b];
    }
  }
  return c.of[0] * 100 > c.total || control * 10 > c.total;
}

// The 7-bit ISO-2022 encodings, which pass for ASCII (and so UTF-8), from
// the escape sequences that switch them into their double-byte sets.
std::string Iso2022Charset(std::string_view sample) {
  if (sample.find('\x1B') == std::string_view::npos) return "";
  for (std::string_view jp : {"\x1B$B", "\x1B$@", "\x1B$(D", "\x1B(J", "\x1B(I"}) {
    if (sample.find(jp) != std::string_view::npos) return "ISO-2022-JP-2";
  }
  if (sample.find("\x1B$)C") != std::string_view::npos) return "ISO-2022-KR";
  if (sample.find("\x1B$)A") != std::string_view::npos) return "ISO-2022-CN";
  return "";
}

// UTF-8 with a few damaged bytes: many valid multi-byte sequences, few
// invalid bytes. Read as UTF-8 its damage shows as U+FFFD; uchardet would
// make all of it mojibake in some legacy charset instead.
bool IsMostlyUtf8(std::string_view sample) {
  const std::string clean = SanitizeUtf8(sample);
  std::size_t valid = 0, invalid = 0;
  for (std::size_t at = 0; at < clean.size(); ++at) {
    const auto c = static_cast<unsigned char>(clean[at]);
    if (c < 0xC0) continue;  // ASCII or a continuation byte
    if (std::string_view(clean).substr(at, 3) == kReplacementCharacter) {
      ++invalid;
    } else {
      ++valid;
    }
  }
  return valid >= 3 && invalid * 10 <= valid;
}

// The charset of `bytes`, or "" when they are not text.
std::string ChooseCharset(std::string_view bytes) {
  const std::string_view sample = bytes.substr(0, kSampleBytes);
  const ByteCounts counts = CountBytes(sample);
  std::string charset = DetectCharset(bytes);
  if (charset.starts_with("UTF-16") || charset.starts_with("UTF-32")) return charset;
  if (charset == "UTF-8" && counts.of[0x1B] > 0) {
    std::string iso2022 = Iso2022Charset(sample);
    if (!iso2022.empty()) return iso2022;
  }
  if (counts.of[0] > 0) {
    std::string wide = WideCharsetWithoutBom(counts);
    if (!wide.empty()) return wide;
  }
  if (charset != "UTF-8" && LooksLikeEbcdic(counts)) return "IBM500";
  if (charset != "UTF-8" && IsMostlyUtf8(sample)) charset = "UTF-8";
  if (LooksBinary(counts)) return "";
  return charset;
}

class TextExtractor final : public Extractor {
 public:
  Result<Extraction> Extract(const ExtractionInput& input) const override {
    Extraction out;
    out.mime_type = input.mime_type.empty() ? "text/plain" : input.mime_type;
    // Four input bytes per output byte covers UTF-32; more could not fit.
    bool cut = false;
    AKTE_ASSIGN_OR_RETURN(std::string bytes,
                          ReadFileHead(input.file, input.limits.max_text_bytes * 4 + 4, cut));
    const std::string charset = ChooseCharset(bytes);
    if (charset.empty()) {
      out.state = kUnsupported;
      out.error = "unsupported format: binary data, not text";
      return out;
    }
    std::string text = ToUtf8(bytes, charset);
    // A NUL would end the text early in C APIs further down; show it instead.
    for (std::size_t at = text.find('\0'); at != std::string::npos; at = text.find('\0', at)) {
      text.replace(at, 1, kReplacementCharacter);
    }
    AppendLimited(out.text, text, input.limits.max_text_bytes, out.text_truncated);
    if (cut) out.text_truncated = true;
    return out;
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeTextExtractor() { return std::make_unique<TextExtractor>(); }

}  // namespace akte::indexer
