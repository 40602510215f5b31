// HTML and XHTML through libxml2's forgiving HTML parser: the visible text
// with block elements as line breaks, and the title and <meta> fields as
// metadata. The bytes are converted to UTF-8 first (html_text.h says which
// charset wins), so the parser never switches encodings on its own.
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include <algorithm>
#include <climits>
#include <cstring>
#include <memory>
#include <mutex>

#include "charset.h"
#include "extractor.h"
#include "file_util.h"
#include "html_text.h"

namespace akte::indexer {
namespace {

// Where a <meta charset> may sit; browsers look at 1 KiB, Word's HTML
// export puts it after kilobytes of namespace declarations.
constexpr std::size_t kMetaScanBytes = 16 << 10;

std::string AsciiUpper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// The value after `key` ("charset", "encoding") and an '=' in `tag`.
std::string ValueAfter(std::string_view tag, std::string_view key) {
  for (auto at = tag.find(key); at != std::string_view::npos; at = tag.find(key, at + 1)) {
    std::size_t i = at + key.size();
    while (i < tag.size() && tag[i] == ' ') ++i;
    if (i >= tag.size() || tag[i] != '=') continue;
    ++i;
    while (i < tag.size() && (tag[i] == ' ' || tag[i] == '"' || tag[i] == '\'')) ++i;
    std::size_t end = i;
    while (end < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[end])) ||
                                std::strchr("-_.:", tag[end]) != nullptr)) {
      ++end;
    }
    if (end > i) return std::string(tag.substr(i, end - i));
  }
  return "";
}

// The charset a <meta> tag or an XML declaration near the start declares.
std::string DeclaredCharset(std::string_view html) {
  const std::string head = AsciiLower(html.substr(0, kMetaScanBytes));
  for (auto at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 1)) {
    auto end = head.find('>', at);
    std::string value = ValueAfter(std::string_view(head).substr(at, end - at), "charset");
    if (!value.empty()) return value;
  }
  if (head.starts_with("<?xml")) {
    return ValueAfter(std::string_view(head).substr(0, head.find('>')), "encoding");
  }
  return "";
}

bool HasBom(std::string_view bytes) {
  return bytes.starts_with("\xEF\xBB\xBF") || bytes.starts_with("\xFF\xFE") ||
         bytes.starts_with("\xFE\xFF");
}

bool HasNonAscii(std::string_view bytes) {
  return std::any_of(bytes.begin(), bytes.end(),
                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
}

// Collapses runs of whitespace (and no-break spaces) into single spaces,
// breaks lines at block boundaries, keeps <pre> text as it is.
class TextBuilder {
 public:
  void AddText(std::string_view s, bool preformatted) {
    if (preformatted) {
      if (space_pending_) out_.push_back(' ');
      space_pending_ = false;
      out_.append(s);
      return;
    }
    for (std::size_t i = 0; i < s.size(); ++i) {
      const char c = s[i];
      const bool nbsp = c == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0';
      if (nbsp || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        if (nbsp) ++i;
        space_pending_ = !out_.empty() && out_.back() != '\n' && out_.back() != '\t';
        continue;
      }
      if (space_pending_) out_.push_back(' ');
      space_pending_ = false;
      out_.push_back(c);
    }
  }
  void LineBreak() {
    space_pending_ = false;
    while (!out_.empty() && (out_.back() == ' ' || out_.back() == '\t')) out_.pop_back();
    if (!out_.empty() && out_.back() != '\n') out_.push_back('\n');
  }
  void CellBreak() {
    space_pending_ = false;
    if (!out_.empty() && out_.back() != '\n' && out_.back() != '\t') out_.push_back('\t');
  }
  std::string Take() {
    LineBreak();
    while (!out_.empty() && out_.back() == '\n') out_.pop_back();
    return std::move(out_);
  }

 private:
  std::string out_;
  bool space_pending_ = false;
};

bool IsOneOf(std::string_view name, std::initializer_list<std::string_view> names) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool IsBlock(std::string_view name) {
  return IsOneOf(
      name,
      {"address",    "article", "aside",   "blockquote", "body",  "br",       "caption", "center",
       "dd",         "details", "dialog",  "dir",        "div",   "dl",       "dt",      "fieldset",
       "figcaption", "figure",  "footer",  "form",       "h1",    "h2",       "h3",      "h4",
       "h5",         "h6",      "header",  "hgroup",     "hr",    "html",     "legend",  "li",
       "listing",    "main",    "menu",    "nav",        "ol",    "optgroup", "option",  "p",
       "plaintext",  "pre",     "section", "summary",    "table", "tbody",    "tfoot",   "thead",
       "tr",         "ul",      "xmp"});
}

// Elements whose content is not shown as text.
bool IsHidden(std::string_view name) {
  return IsOneOf(name, {"script", "style", "template", "noscript", "iframe", "object", "title"});
}

struct XmlFree {
  void operator()(void* p) const { xmlFree(p); }
};

std::string Property(xmlNode* node, const char* name) {
  std::unique_ptr<xmlChar, XmlFree> value(xmlGetProp(node, reinterpret_cast<const xmlChar*>(name)));
  return value ? reinterpret_cast<const char*>(value.get()) : "";
}

std::string CollapsedContent(xmlNode* node) {
  std::unique_ptr<xmlChar, XmlFree> content(xmlNodeGetContent(node));
  TextBuilder text;
  if (content) text.AddText(reinterpret_cast<const char*>(content.get()), false);
  return text.Take();
}

// The metadata field a <meta name="…"> or <meta http-equiv="…"> fills.
std::string* MetaField(std::string_view name, std::string_view equiv, Metadata& m) {
  if (name == "author") return &m.author;
  if (name == "description") return &m.subject;
  if (name == "keywords") return &m.keywords;
  if (name == "language" || equiv == "content-language") return &m.language;
  return nullptr;
}

void ReadMetadata(xmlNode* node, std::string_view name, Metadata& m) {
  if (name == "title" && m.title.empty()) {
    m.title = CollapsedContent(node);
  } else if (name == "html" && m.language.empty()) {
    m.language = Property(node, "lang");
  } else if (name == "meta") {
    std::string* field =
        MetaField(AsciiLower(Property(node, "name")), AsciiLower(Property(node, "http-equiv")), m);
    if (field != nullptr && field->empty()) {
      TextBuilder value;
      value.AddText(Property(node, "content"), false);
      *field = value.Take();
    }
  }
}

// Visits the tree below `top` without recursion: hostile documents nest
// deeper than any stack.
void Walk(xmlNode* top, TextBuilder& text, Metadata& metadata) {
  int preformatted = 0;
  xmlNode* node = top;
  while (node != nullptr) {
    bool descend = true;
    if (node->type == XML_ELEMENT_NODE) {
      const std::string_view name = reinterpret_cast<const char*>(node->name);
      ReadMetadata(node, name, metadata);
      descend = !IsHidden(name);
      if (IsBlock(name)) text.LineBreak();
      if (name == "td" || name == "th") text.CellBreak();
      if (name == "pre" || name == "textarea" || name == "listing") ++preformatted;
    } else if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content != nullptr) {
        text.AddText(reinterpret_cast<const char*>(node->content), preformatted > 0);
      }
    }
    if (descend && node->type == XML_ELEMENT_NODE && node->children != nullptr) {
      node = node->children;
      continue;
    }
    // Close this node and every ancestor that has no further sibling.
    while (node != nullptr) {
      if (node->type == XML_ELEMENT_NODE) {
        const std::string_view name = reinterpret_cast<const char*>(node->name);
        if (IsBlock(name) && name != "br" && name != "hr") text.LineBreak();
        if (name == "pre" || name == "textarea" || name == "listing") --preformatted;
      }
      if (node == top) return;
      if (node->next != nullptr) {
        node = node->next;
        break;
      }
      node = node->parent;
    }
  }
}

void InitLibxml() {
  static std::once_flag once;
  std::call_once(once, [] { xmlInitParser(); });
}

}  // namespace

std::string HtmlCharset(std::string_view html, std::string_view charset_hint) {
  if (HasBom(html)) return DetectCharset(html);
  std::string declared = AsciiUpper(charset_hint.empty() ? DeclaredCharset(html) : charset_hint);
  // Transcoded documents keep a UTF-16 declaration their bytes no longer match.
  if (declared.empty() || declared.starts_with("UTF-16") || declared.starts_with("UTF-32")) {
    return DetectCharset(html);
  }
  const bool valid_utf8 = IsValidUtf8(html);
  if (declared == "UTF-8" || declared == "UTF8") return valid_utf8 ? "UTF-8" : DetectCharset(html);
  if (valid_utf8 && HasNonAscii(html)) return "UTF-8";
  // As browsers do: Latin-1 and ASCII labels mean Windows-1252, its superset.
  if (IsOneOf(declared, {"ISO-8859-1", "ISO8859-1", "ISO_8859-1", "LATIN1", "US-ASCII", "ASCII"})) {
    return "WINDOWS-1252";
  }
  return declared;
}

std::string HtmlToText(std::string_view html, std::string_view charset_hint, Metadata* metadata) {
  InitLibxml();
  std::string utf8 = ToUtf8(html, HtmlCharset(html, charset_hint));
  if (utf8.size() > INT_MAX) utf8.resize(INT_MAX);
  constexpr int kOptions = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                           HTML_PARSE_NONET | HTML_PARSE_NOIMPLIED | HTML_PARSE_IGNORE_ENC |
                           HTML_PARSE_COMPACT;
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
      htmlReadMemory(utf8.data(), static_cast<int>(utf8.size()), nullptr, "UTF-8", kOptions),
      xmlFreeDoc);
  Metadata ignored;
  TextBuilder text;
  if (doc) {
    for (xmlNode* top = doc->children; top != nullptr; top = top->next) {
      Walk(top, text, metadata != nullptr ? *metadata : ignored);
    }
  }
  return text.Take();
}

namespace {

class HtmlExtractor final : public Extractor {
 public:
  Result<Extraction> Extract(const ExtractionInput& input) const override {
    Extraction out;
    out.mime_type = input.mime_type.empty() ? "text/html" : input.mime_type;
    // Markup rarely outweighs text eightfold; past that the text is cut anyway.
    const std::uint64_t max_input =
        std::min<std::uint64_t>(input.limits.max_text_bytes * 8 + 8, INT_MAX / 2);
    bool cut = false;
    AKTE_ASSIGN_OR_RETURN(std::string bytes, ReadFileHead(input.file, max_input, cut));
    std::string text = HtmlToText(bytes, "", &out.metadata);
    AppendLimited(out.text, text, input.limits.max_text_bytes, out.text_truncated);
    if (cut) out.text_truncated = true;
    return out;
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeHtmlExtractor() { return std::make_unique<HtmlExtractor>(); }

}  // namespace akte::indexer
