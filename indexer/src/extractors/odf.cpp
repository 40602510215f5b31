// OpenDocument (ODF 1.0-1.3): text (.odt), spreadsheets (.ods),
// presentations (.odp) and drawings, with their templates. content.xml gives
// the body: paragraphs and headings, tables cell by cell, each sheet under
// its name and each page or slide (with its notes) after a kPageBreak;
// styles.xml the page headers and footers; meta.xml the metadata. A package
// whose manifest lists encryption data is reported as encrypted.
#include <algorithm>
#include <charconv>
#include <set>

#include "charset.h"
#include "extractor.h"
#include "office_xml.h"
#include "text_sink.h"
#include "zip_container.h"

namespace akte::indexer {
namespace {

constexpr int kMaxSpaces = 1000;  // per text:s; its count is the file's to choose

bool IsAnyOf(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (name == n) return true;
  }
  return false;
}

bool IsWhitespace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

// ODF's text model: character data counts only inside paragraphs and
// headings, where runs of whitespace collapse to one space (ODF 1.3 part 3,
// 6.1.2) and text:s, text:tab and text:line-break stand for the rest.
class OdfText {
 public:
  explicit OdfText(TextSink& sink) : sink_(sink) {}

  void Append(pugi::xml_node root) {
    Walk(
        root, [&](pugi::xml_node node) { return Enter(node); },
        [&](pugi::xml_node node) { Leave(node); });
  }

  // Sheets in a spreadsheet, pages in a presentation or drawing.
  int pages() const { return pages_; }

 private:
  Visit Enter(pugi::xml_node node) {
    if (sink_.full()) return Visit::kStop;
    if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
      if (paragraph_depth_ > 0) Characters(node.value());
      return Visit::kSkip;
    }
    if (node.type() != pugi::node_element) return Visit::kSkip;
    const std::string_view name = LocalName(node);
    // Deleted text of tracked changes, note numbers, comment authors and
    // dates, embedded images, forms and scripts.
    const std::string_view parent = LocalName(node.parent());
    if (IsAnyOf(name, {"tracked-changes", "note-citation", "binary-data", "forms", "scripts",
                       "event-listeners", "sequence-decls", "variable-decls", "user-field-decls",
                       "table-columns", "table-column"}) ||
        (parent == "annotation" && IsAnyOf(name, {"creator", "date", "creator-initials"}))) {
      return Visit::kSkip;
    }
    if (name == "p" || name == "h") {
      // A paragraph inside one (a note, a comment) is not glued to its text.
      if (paragraph_depth_ > 0) sink_.Separator('\n');
      ++paragraph_depth_;
      at_start_ = true;
      space_pending_ = false;
    } else if (name == "s" && paragraph_depth_ > 0) {
      int count = 1;
      const std::string_view c = Attribute(node, "c");
      std::from_chars(c.data(), c.data() + c.size(), count);
      Literal(std::string(static_cast<std::size_t>(std::clamp(count, 1, kMaxSpaces)), ' '));
    } else if (name == "tab" && paragraph_depth_ > 0) {
      Literal("\t");
    } else if (name == "line-break" && paragraph_depth_ > 0) {
      sink_.Separator('\n');
      at_start_ = true;
      space_pending_ = false;
    } else if (name == "table" && parent == "spreadsheet") {
      if (pages_++ > 0) sink_.PageBreak();
      sink_.Text(SanitizeUtf8(Attribute(node, "name")));
      sink_.Separator('\n');
    } else if (name == "page" && (parent == "presentation" || parent == "drawing")) {
      if (pages_++ > 0) sink_.PageBreak();
    } else if (name == "table-cell" && !ChildElement(node, "p")) {
      CellValue(node);
    }
    return Visit::kDescend;
  }

  void Leave(pugi::xml_node node) {
    const std::string_view name = LocalName(node);
    if (name == "p" || name == "h") {
      --paragraph_depth_;
      sink_.Separator('\n');
      at_start_ = true;
      space_pending_ = false;
    } else if (name == "table-cell" || name == "covered-table-cell") {
      sink_.Separator('\t');
    } else if (IsAnyOf(name, {"table-row", "table", "frame", "notes", "annotation", "note"})) {
      sink_.Separator('\n');
    }
  }

  // A cell without paragraphs (written by programs, not by office suites)
  // still has its value in attributes.
  void CellValue(pugi::xml_node cell) {
    for (const char* attribute :
         {"string-value", "value", "date-value", "time-value", "boolean-value"}) {
      const std::string_view value = Attribute(cell, attribute);
      if (!value.empty()) {
        sink_.Text(value);
        return;
      }
    }
  }

  void Characters(std::string_view text) {
    std::string piece;
    for (char c : text) {
      if (IsWhitespace(c)) {
        if (!at_start_) space_pending_ = true;
        continue;
      }
      if (space_pending_) piece.push_back(' ');
      space_pending_ = false;
      at_start_ = false;
      piece.push_back(c);
    }
    sink_.Text(piece);
  }

  void Literal(std::string_view text) {
    if (space_pending_) sink_.Text(" ");
    space_pending_ = false;
    at_start_ = false;
    sink_.Text(text);
  }

  TextSink& sink_;
  int paragraph_depth_ = 0;
  bool at_start_ = true;
  bool space_pending_ = false;
  int pages_ = 0;
};

// "2021-03-08T10:07:31.123456789" → "2021-03-08T10:07:31" (ODF keeps
// nanoseconds, and usually no zone).
std::string OdfDate(std::string_view s) {
  const auto dot = s.find('.');
  std::string out(s.substr(0, dot));
  if (dot != std::string_view::npos) {
    const auto zone = s.find_first_of("Z+-", dot);
    if (zone != std::string_view::npos) out.append(s.substr(zone));
  }
  return out;
}

std::string Trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "";
  const auto last = s.find_last_not_of(" \t\r\n");
  return SanitizeUtf8(s.substr(first, last - first + 1));
}

void ReadMeta(const XmlPart& meta, Metadata& m, std::string& creator) {
  for (pugi::xml_node node = ChildElement(meta.root(), "meta").first_child(); node;
       node = node.next_sibling()) {
    if (node.type() != pugi::node_element) continue;
    const std::string_view name = LocalName(node);
    const std::string value = Trimmed(InnerText(node, 4096));
    if (name == "title") m.title = value;
    if (name == "subject") m.subject = value;
    if (name == "initial-creator") m.author = value;
    if (name == "creator") creator = value;
    if (name == "creation-date") m.created = OdfDate(value);
    if (name == "date") m.modified = OdfDate(value);
    if (name == "language") m.language = value;
    if (name == "keyword" && !value.empty()) {
      m.keywords += (m.keywords.empty() ? "" : ", ") + value;
    }
    if (name == "document-statistic") {
      const std::string_view pages = Attribute(node, "page-count");
      std::from_chars(pages.data(), pages.data() + pages.size(), m.page_count);
    }
  }
}

bool ManifestListsEncryption(const XmlPart& manifest) {
  bool encrypted = false;
  Walk(
      manifest.root(),
      [&](pugi::xml_node node) {
        if (node.type() != pugi::node_element) return Visit::kSkip;
        if (LocalName(node) == "encryption-data") {
          encrypted = true;
          return Visit::kStop;
        }
        return Visit::kDescend;
      },
      [](pugi::xml_node) {});
  return encrypted;
}

// Header or footer texts of the master pages, each distinct one once.
std::vector<std::string> MasterPageTexts(const XmlPart& styles, bool headers,
                                         std::uint64_t max_bytes) {
  std::vector<std::string> texts;
  std::set<std::string> seen;
  const pugi::xml_node master_styles = ChildElement(styles.root(), "master-styles");
  for (pugi::xml_node page = master_styles.first_child(); page; page = page.next_sibling()) {
    if (page.type() != pugi::node_element || LocalName(page) != "master-page") continue;
    for (pugi::xml_node part = page.first_child(); part; part = part.next_sibling()) {
      const std::string_view name = LocalName(part);
      const bool wanted = headers ? name.starts_with("header") : name.starts_with("footer");
      if (part.type() != pugi::node_element || !wanted || name.ends_with("-style")) continue;
      std::string text;
      bool truncated = false;
      TextSink sink(text, truncated, max_bytes);
      OdfText(sink).Append(part);
      if (!text.empty() && seen.insert(text).second) texts.push_back(std::move(text));
    }
  }
  return texts;
}

class OdfExtractor final : public Extractor {
 public:
  Result<Extraction> Extract(const ExtractionInput& input) const override {
    Extraction out;
    out.mime_type = input.mime_type;
    AKTE_ASSIGN_OR_RETURN(ZipContainer zip, ZipContainer::Open(input.file, input.limits));
    AKTE_ASSIGN_OR_RETURN(auto parts, zip.ReadAll({"mimetype", "META-INF/manifest.xml",
                                                   "content.xml", "styles.xml", "meta.xml"}));
    if (auto it = parts.find("mimetype");
        it != parts.end() && it->second.starts_with("application/vnd.oasis.opendocument.") &&
        it->second.size() < 100 && IsValidUtf8(it->second)) {
      out.mime_type = Trimmed(it->second);
    }
    bool encrypted = zip.HasEncryptedMembers();
    if (auto it = parts.find("META-INF/manifest.xml"); it != parts.end() && !encrypted) {
      AKTE_ASSIGN_OR_RETURN(auto manifest,
                            ParseXmlPart(std::move(it->second), "META-INF/manifest.xml"));
      encrypted = ManifestListsEncryption(*manifest);
    }
    if (encrypted) {
      out.state = kEncrypted;
      out.error = "encrypted, password required";
      return out;
    }
    auto content = parts.find("content.xml");
    if (content == parts.end()) return Status::Corruption("corrupt or truncated: no content.xml");

    if (auto it = parts.find("meta.xml"); it != parts.end()) {
      AKTE_ASSIGN_OR_RETURN(auto meta, ParseXmlPart(std::move(it->second), "meta.xml"));
      std::string creator;
      ReadMeta(*meta, out.metadata, creator);
      if (out.metadata.author.empty()) out.metadata.author = creator;
    }
    std::vector<std::string> headers, footers;
    if (auto it = parts.find("styles.xml"); it != parts.end()) {
      AKTE_ASSIGN_OR_RETURN(auto styles, ParseXmlPart(std::move(it->second), "styles.xml"));
      headers = MasterPageTexts(*styles, true, input.limits.max_text_bytes);
      footers = MasterPageTexts(*styles, false, input.limits.max_text_bytes);
    }
    AKTE_ASSIGN_OR_RETURN(auto body, ParseXmlPart(std::move(content->second), "content.xml"));

    TextSink sink(out.text, out.text_truncated, input.limits.max_text_bytes);
    for (const std::string& text : headers) {
      sink.Text(text);
      sink.Separator('\n');
    }
    OdfText text(sink);
    text.Append(ChildElement(body->root(), "body"));
    for (const std::string& footer : footers) {
      sink.Separator('\n');
      sink.Text(footer);
    }
    if (text.pages() > 0) out.metadata.page_count = text.pages();
    return out;
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeOdfExtractor() { return std::make_unique<OdfExtractor>(); }

}  // namespace akte::indexer
