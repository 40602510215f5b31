// RTF (Rich Text Format 1.x), read by hand: no library in Debian does it.
// One pass over the file, streamed, with a stack of group states: the body
// text (headers, footers, footnotes and field results included), and the
// \info group's title, author, subject, keywords and dates. \'hh bytes are
// decoded in the code page of the current font (\fcharset, \cpg) or of the
// document (\ansicpg), consecutive bytes together so that double-byte code
// pages such as Shift_JIS (932) decode; \uN escapes honour \ucN and
// surrogate pairs. Pictures, objects' data, font, colour and style tables
// and every \* destination the reader does not know are skipped.
#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "charset.h"
#include "extractor.h"
#include "text_sink.h"

namespace akte::indexer {
namespace {

constexpr int kMaxDepth = 1000;               // groups nested deeper are refused
constexpr std::size_t kMaxFieldBytes = 4096;  // per metadata field
constexpr std::size_t kRunBytes = 64 * 1024;  // body text handed over in runs
constexpr char32_t kReplacement = 0xFFFD;

struct FileClose {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

// Buffered reading with one byte of lookahead: RTF files with pictures can
// be far larger than their text, so the file is never held whole.
class ByteReader {
 public:
  explicit ByteReader(std::FILE* file) : file_(file) {}
  int Peek() {
    if (pos_ == end_ && !Refill()) return -1;
    return static_cast<unsigned char>(buffer_[pos_]);
  }
  int Get() {
    const int c = Peek();
    if (c >= 0) ++pos_;
    return c;
  }
  void Skip(std::uint64_t n) {
    while (n > 0 && Peek() >= 0) {
      const std::size_t step = static_cast<std::size_t>(std::min<std::uint64_t>(n, end_ - pos_));
      pos_ += step;
      n -= step;
    }
  }
  bool failed() const { return std::ferror(file_) != 0; }

 private:
  bool Refill() {
    end_ = std::fread(buffer_.data(), 1, buffer_.size(), file_);
    pos_ = 0;
    return end_ > 0;
  }
  std::FILE* file_;
  std::array<char, 64 * 1024> buffer_{};
  std::size_t pos_ = 0;
  std::size_t end_ = 0;
};

enum class Destination {
  kBody,
  kSkip,
  kFontTable,
  kInfo,
  kTitle,
  kAuthor,
  kSubject,
  kKeywords,
  kCreated,
  kModified,
};

struct Group {
  Destination destination = Destination::kBody;
  int skip_per_unicode = 1;  // \ucN
  int font = -1;             // \fN
  // \upr holds an ANSI group and a {\*\ud ...} group with the same text in
  // Unicode: its subgroups are skipped unless they turn out to be \ud.
  bool upr = false;
  bool upr_child = false;
  Destination ud_destination = Destination::kBody;
};

// Windows character set numbers (\fcharsetN) to code pages; 0 stands for
// the document's \ansicpg.
int CodePageOfCharset(int charset) {
  switch (charset) {
    case 77:
      return 10000;
    case 128:
      return 932;
    case 129:
      return 949;
    case 130:
      return 1361;
    case 134:
      return 936;
    case 136:
      return 950;
    case 161:
      return 1253;
    case 162:
      return 1254;
    case 163:
      return 1258;
    case 177:
      return 1255;
    case 178:
      return 1256;
    case 186:
      return 1257;
    case 204:
      return 1251;
    case 222:
      return 874;
    case 238:
      return 1250;
    case 254:
      return 437;
    case 255:
      return 850;
    default:
      return 0;
  }
}

std::string IconvName(int code_page) {
  switch (code_page) {
    case 65001:
      return "UTF-8";
    case 10000:
      return "MACINTOSH";
    case 10007:
      return "MAC-CYRILLIC";
    default:
      return "CP" + std::to_string(code_page);
  }
}

bool IsLeadByte(int code_page, unsigned char b) {
  switch (code_page) {
    case 932:
      return (b >= 0x81 && b <= 0x9F) || (b >= 0xE0 && b <= 0xFC);
    case 936:
    case 949:
    case 950:
      return b >= 0x81 && b <= 0xFE;
    case 1361:
      return (b >= 0x84 && b <= 0xD3) || (b >= 0xD8 && b <= 0xF9);
    default:
      return false;
  }
}

bool IsAsciiLetter(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(int c) { return c >= '0' && c <= '9'; }
int HexValue(int c) {
  if (IsDigit(c)) return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Destinations whose content is not text: skipped with all their groups.
bool IsSkippedDestination(std::string_view word) {
  static constexpr std::string_view kSkipped[] = {
      "colortbl",
      "stylesheet",
      "pict",
      "filetbl",
      "revtbl",
      "listtable",
      "listoverridetable",
      "rsidtbl",
      "xmlnstbl",
      "themedata",
      "colorschememapping",
      "datastore",
      "latentstyles",
      "pgdsctbl",
      "fldinst",
      "objdata",
      "objclass",
      "objname",
      "nonshppict",
      "pntext",
      "pntxta",
      "pntxtb",
      "listtext",
      "bkmkstart",
      "bkmkend",
      "generator",
      "operator",
      "doccomm",
      "company",
      "manager",
      "category",
      "comment",
      "hlinkbase",
      "printim",
      "buptim",
      "template",
      "atnauthor",
      "atnid",
      "atndate",
      "protusertbl",
      "docvar",
      "mmathPr",
      "falt",
      "panose",
      "fname",
      "xe",
      "tc",
      "shpinst",
      "blipuid",
      "picprop",
  };
  for (std::string_view skipped : kSkipped) {
    if (word == skipped) return true;
  }
  return false;
}

struct DateParts {
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
  std::string Iso() const {
    if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return "";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day,
                  std::clamp(hour, 0, 23), std::clamp(minute, 0, 59), std::clamp(second, 0, 59));
    return buffer;
  }
};

class RtfReader {
 public:
  RtfReader(ByteReader& in, Extraction& out, std::uint64_t max_text_bytes)
      : in_(in), out_(out), sink_(out.text, out.text_truncated, max_text_bytes) {}

  Status Read() {
    int c;
    while (!done_ && !sink_.full() && (c = in_.Get()) >= 0) {
      if (c == '{') {
        AKTE_RETURN_IF_ERROR(OpenGroup());
      } else if (c == '}') {
        CloseGroup();
      } else if (c == '\\') {
        ControlSymbolOrWord();
      } else if (c != '\r' && c != '\n' && !groups_.empty() &&
                 group().destination != Destination::kSkip) {
        Character(static_cast<unsigned char>(c));
      }
    }
    // A file cut short ends here like a complete one: its text so far counts.
    FlushBytes();
    ResolveSurrogate();
    FlushRun();
    out_.metadata.created = created_.Iso();
    out_.metadata.modified = modified_.Iso();
    return Status::Ok();
  }

 private:
  Group& group() { return groups_.back(); }

  Status OpenGroup() {
    FlushBytes();
    skip_ = 0;
    if (groups_.size() >= kMaxDepth) {
      return Status::Corruption("corrupt or truncated: RTF groups nested deeper than " +
                                std::to_string(kMaxDepth));
    }
    Group child = groups_.empty() ? Group() : group();
    child.upr_child = child.upr;
    if (child.upr) {
      child.upr = false;
      child.ud_destination = child.destination;
      child.destination = Destination::kSkip;
    }
    groups_.push_back(child);
    return Status::Ok();
  }

  void CloseGroup() {
    FlushBytes();
    skip_ = 0;
    if (!groups_.empty()) groups_.pop_back();
    if (groups_.empty()) done_ = true;  // anything after the document's group is not RTF
  }

  void ControlSymbolOrWord() {
    const int c = in_.Peek();
    if (c < 0) return;
    if (IsAsciiLetter(c)) return ControlWord();
    in_.Get();
    if (c == '\'') {
      const int high = HexValue(in_.Get());
      const int low = high >= 0 ? HexValue(in_.Peek()) : -1;
      if (low >= 0) in_.Get();
      if (high < 0 || low < 0 || SkipFallback()) return;
      return Byte(static_cast<unsigned char>(high * 16 + low));
    }
    if (SkipFallback()) return;
    switch (c) {
      case '\\':
      case '{':
      case '}':
        return Character(static_cast<unsigned char>(c));
      case '*':
        if (!groups_.empty()) group().destination = Destination::kSkip;
        return;
      case '~':
        return CodePoint(0x00A0);
      case '_':
        return CodePoint(0x2011);
      case '\r':
      case '\n':
        return Break('\n');
      default:
        return;  // \- optional hyphen, \| \: index marks
    }
  }

  void ControlWord() {
    std::string word;
    while (IsAsciiLetter(in_.Peek())) {
      const int c = in_.Get();
      if (word.size() < 32) word.push_back(static_cast<char>(c));
    }
    bool negative = false;
    if (in_.Peek() == '-') {
      in_.Get();
      negative = true;
    }
    bool has_param = false;
    long long value = 0;
    for (int digits = 0; IsDigit(in_.Peek()); ++digits) {
      const int c = in_.Get();
      if (digits < 10) value = value * 10 + (c - '0');
      has_param = true;
    }
    if (in_.Peek() == ' ') in_.Get();  // the delimiter belongs to the word
    value = std::clamp<long long>(negative ? -value : value, -2147483647LL, 2147483647LL);
    const int param = static_cast<int>(value);
    if (word == "bin") {
      // Raw binary data follows; it must not be read as RTF.
      in_.Skip(has_param && param > 0 ? static_cast<std::uint64_t>(param) : 0);
      return;
    }
    if (word == "ud" && !groups_.empty() && group().upr_child) {
      group().destination = group().ud_destination;
      return;
    }
    if (groups_.empty() || group().destination == Destination::kSkip) return;
    if (word == "u") {
      if (SkipFallback()) return;
      UnicodeEscape(param);
      return;
    }
    if (SkipFallback()) return;
    Word(word, has_param ? param : 0, has_param);
  }

  void Word(std::string_view word, int param, bool has_param) {
    Group& g = group();
    if (g.destination == Destination::kFontTable) return FontTableWord(word, param);
    if (word == "par" || word == "sect" || word == "page" || word == "line" || word == "row") {
      return Break('\n');
    }
    if (word == "cell" || word == "nestcell") return Break('\t');
    if (word == "tab") return Out("\t");
    if (word == "f") {
      g.font = param;
    } else if (word == "uc") {
      g.skip_per_unicode = std::clamp(param, 0, 64);
    } else if (word == "ansicpg") {
      if (param > 0) code_page_ = param;
    } else if (word == "mac") {
      code_page_ = 10000;
    } else if (word == "pc") {
      code_page_ = 437;
    } else if (word == "pca") {
      code_page_ = 850;
    } else if (word == "deff") {
      if (groups_.size() == 1 && g.font < 0) g.font = param;
    } else if (word == "fonttbl") {
      g.destination = Destination::kFontTable;
    } else if (word == "info") {
      g.destination = Destination::kInfo;
    } else if (word == "upr") {
      g.upr = true;
    } else if (IsSkippedDestination(word)) {
      g.destination = Destination::kSkip;
    } else if (g.destination == Destination::kInfo || g.destination == Destination::kCreated ||
               g.destination == Destination::kModified) {
      InfoWord(word, param, has_param);
    } else {
      SpecialCharacter(word);
    }
  }

  void FontTableWord(std::string_view word, int param) {
    if (word == "f") {
      defining_font_ = param;
    } else if (word == "fcharset") {
      font_code_pages_[defining_font_] = CodePageOfCharset(param);
    } else if (word == "cpg") {
      font_code_pages_[defining_font_] = param;
    }
  }

  void InfoWord(std::string_view word, int param, bool has_param) {
    Group& g = group();
    // A field given twice keeps its last value.
    const auto field = [&](Destination d, std::string& value) {
      g.destination = d;
      value.clear();
    };
    if (word == "title") field(Destination::kTitle, out_.metadata.title);
    if (word == "author") field(Destination::kAuthor, out_.metadata.author);
    if (word == "subject") field(Destination::kSubject, out_.metadata.subject);
    if (word == "keywords") field(Destination::kKeywords, out_.metadata.keywords);
    if (word == "creatim") g.destination = Destination::kCreated;
    if (word == "revtim") g.destination = Destination::kModified;
    if (!has_param) return;
    DateParts* date = g.destination == Destination::kCreated    ? &created_
                      : g.destination == Destination::kModified ? &modified_
                                                                : nullptr;
    if (date == nullptr) return;
    if (word == "yr") date->year = param;
    if (word == "mo") date->month = param;
    if (word == "dy") date->day = param;
    if (word == "hr") date->hour = param;
    if (word == "min") date->minute = param;
    if (word == "sec") date->second = param;
  }

  void SpecialCharacter(std::string_view word) {
    static constexpr std::pair<std::string_view, char32_t> kCharacters[] = {
        {"emdash", 0x2014}, {"endash", 0x2013},    {"bullet", 0x2022},    {"lquote", 0x2018},
        {"rquote", 0x2019}, {"ldblquote", 0x201C}, {"rdblquote", 0x201D}, {"emspace", ' '},
        {"enspace", ' '},   {"qmspace", ' '},
    };
    for (const auto& [name, code_point] : kCharacters) {
      if (word == name) return CodePoint(code_point);
    }
  }

  // The N characters after \uN are its fallback for readers without
  // Unicode; each byte, character, control word or symbol counts as one.
  bool SkipFallback() {
    if (skip_ == 0) return false;
    --skip_;
    return true;
  }

  void UnicodeEscape(int param) {
    // \uN is a signed 16-bit number; Word writes U+F020 as \u-4064.
    const long long n = param < 0 ? static_cast<long long>(param) + 65536 : param;
    CodePoint(n >= 0 && n <= 0xFFFF ? static_cast<char32_t>(n) : kReplacement);
    skip_ = group().skip_per_unicode;
  }

  void CodePoint(char32_t cp) {
    FlushBytes();
    if (high_surrogate_ != 0) {
      if (cp >= 0xDC00 && cp <= 0xDFFF) {
        const char32_t combined = 0x10000 + ((high_surrogate_ - 0xD800) << 10) + (cp - 0xDC00);
        high_surrogate_ = 0;
        return WriteCodePoint(combined);
      }
      ResolveSurrogate();
    }
    if (cp >= 0xD800 && cp <= 0xDBFF) {
      high_surrogate_ = cp;
      return;
    }
    WriteCodePoint(cp >= 0xDC00 && cp <= 0xDFFF ? kReplacement : cp);
  }

  void Character(unsigned char c) {
    if (SkipFallback()) return;
    // Bytes above 0x7F, and the trail byte of a double-byte character that
    // writers leave unescaped when it is ASCII, belong to the code page.
    if (c >= 0x80 || expect_trail_byte_) return Byte(c);
    if (c == '\t') return Out("\t");
    Out(std::string_view(reinterpret_cast<const char*>(&c), 1));
  }

  int CurrentCodePage() {
    if (groups_.empty()) return code_page_;
    auto it = font_code_pages_.find(group().font);
    return it != font_code_pages_.end() && it->second > 0 ? it->second : code_page_;
  }

  void Byte(unsigned char b) {
    const int code_page = CurrentCodePage();
    if (!bytes_.empty() && code_page != bytes_code_page_) FlushBytes();
    bytes_code_page_ = code_page;
    bytes_.push_back(static_cast<char>(b));
    expect_trail_byte_ = !expect_trail_byte_ && IsLeadByte(code_page, b);
  }

  void FlushBytes() {
    expect_trail_byte_ = false;
    if (bytes_.empty()) return;
    const std::string text = ToUtf8(bytes_, IconvName(bytes_code_page_));
    bytes_.clear();
    ResolveSurrogate();
    Write(text);
  }

  // A high surrogate not followed by a low one is an error in the file.
  void ResolveSurrogate() {
    if (high_surrogate_ == 0) return;
    high_surrogate_ = 0;
    WriteCodePoint(kReplacement);
  }

  void Out(std::string_view text) {
    FlushBytes();
    ResolveSurrogate();
    Write(text);
  }

  void Break(char separator) {
    FlushBytes();
    ResolveSurrogate();
    if (groups_.empty()) return;
    if (group().destination == Destination::kBody) {
      FlushRun();
      sink_.Separator(separator);
    } else {
      Write(" ");
    }
  }

  void WriteCodePoint(char32_t cp) {
    std::string utf8;
    AppendUtf8(utf8, cp);
    Write(utf8);
  }

  void Write(std::string_view text) {
    if (groups_.empty()) return;
    std::string* field = nullptr;
    switch (group().destination) {
      case Destination::kBody:
        run_.append(text);
        if (run_.size() >= kRunBytes) FlushRun();
        return;
      case Destination::kTitle:
        field = &out_.metadata.title;
        break;
      case Destination::kAuthor:
        field = &out_.metadata.author;
        break;
      case Destination::kSubject:
        field = &out_.metadata.subject;
        break;
      case Destination::kKeywords:
        field = &out_.metadata.keywords;
        break;
      default:
        return;
    }
    if (field->size() + text.size() <= kMaxFieldBytes) field->append(text);
  }

  void FlushRun() {
    sink_.Text(run_);
    run_.clear();
  }

  ByteReader& in_;
  Extraction& out_;
  TextSink sink_;
  std::vector<Group> groups_;
  std::map<int, int> font_code_pages_;  // \fN → code page (0: the document's)
  int defining_font_ = 0;
  int code_page_ = 1252;  // \ansicpgN
  int skip_ = 0;          // fallback characters still to skip after \uN
  char32_t high_surrogate_ = 0;
  std::string bytes_;  // \'hh bytes not yet decoded
  int bytes_code_page_ = 1252;
  bool expect_trail_byte_ = false;
  std::string run_;  // body text not yet handed to sink_
  DateParts created_, modified_;
  bool done_ = false;
};

bool HasRtfHeader(std::FILE* file) {
  char head[64] = {};
  const std::size_t n = std::fread(head, 1, sizeof head, file);
  std::rewind(file);
  std::string_view s(head, n);
  if (s.starts_with("\xEF\xBB\xBF")) s.remove_prefix(3);
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\r' || s.front() == '\n' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  return s.starts_with("{\\rtf");
}

class RtfExtractor final : public Extractor {
 public:
  Result<Extraction> Extract(const ExtractionInput& input) const override {
    std::unique_ptr<std::FILE, FileClose> file(std::fopen(input.file.c_str(), "rb"));
    if (!file) return Status::FromErrno(errno, "cannot read " + input.file.string());
    if (!HasRtfHeader(file.get())) {
      return Status::Corruption("corrupt or truncated: not an RTF file (no {\\rtf header)");
    }
    Extraction out;
    out.mime_type = "text/rtf";
    ByteReader reader(file.get());
    RtfReader rtf(reader, out, input.limits.max_text_bytes);
    AKTE_RETURN_IF_ERROR(rtf.Read());
    if (reader.failed()) return Status::FromErrno(EIO, "cannot read " + input.file.string());
    for (std::string* field : {&out.metadata.title, &out.metadata.author, &out.metadata.subject,
                               &out.metadata.keywords}) {
      *field = SanitizeUtf8(*field);
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeRtfExtractor() { return std::make_unique<RtfExtractor>(); }

}  // namespace akte::indexer
