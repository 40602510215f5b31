// Office Open XML: Word (.docx), Excel (.xlsx) and PowerPoint (.pptx), with
// their macro-enabled and template variants and Strict OOXML. The kind is
// taken from the main part the package points to, not from the MIME type.
// Word gives headers, body, footnotes, endnotes, comments and footers;
// Excel each sheet's name, cells, drawings and comments, a kPageBreak
// between sheets; PowerPoint each slide with its notes and comments, a
// kPageBreak between slides. Files in */embeddings/ become children.
#include <charconv>
#include <set>

#include "extractor.h"
#include "office_xml.h"
#include "opc.h"
#include "text_sink.h"
#include "zip_container.h"

namespace akte::indexer {
namespace {

struct Context {
  const ExtractionInput& input;
  OpcPackage& package;
  Extraction& out;
  TextSink& sink;
};

bool IsAnyOf(std::string_view name, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (name == n) return true;
  }
  return false;
}

// The relationship id of an element (r:id). Unprefixed "id" attributes are
// something else (PowerPoint's numeric slide ids).
std::string_view RelationshipId(pugi::xml_node node) {
  for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
    const std::string_view name = a.name();
    if (name.find(':') != std::string_view::npos && LocalName(a.name()) == "id") return a.value();
  }
  return {};
}

// A PowerPoint shape's placeholder type ("title", "sldNum"), or "".
std::string_view PlaceholderType(pugi::xml_node shape) {
  return Attribute(ChildElement(ChildElement(ChildElement(shape, "nvSpPr"), "nvPr"), "ph"), "type");
}

// The text model shared by WordprocessingML and DrawingML: character data
// of "t" elements, tabs and breaks inside runs; paragraphs, table rows,
// shapes and notes end lines, table cells end with a tab.
void AppendOfficeText(pugi::xml_node root, TextSink& sink) {
  Walk(
      root,
      [&](pugi::xml_node node) {
        if (sink.full()) return Visit::kStop;
        if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
          if (LocalName(node.parent()) == "t") sink.Text(node.value());
          return Visit::kSkip;
        }
        if (node.type() != pugi::node_element) return Visit::kSkip;
        const std::string_view name = LocalName(node);
        // Deleted text, field codes, phonetic guides, properties, and the
        // older duplicate of markup-compatibility content.
        if (IsAnyOf(name, {"delText", "instrText", "delInstrText", "rPh", "Fallback", "pPr", "rPr",
                           "sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "spPr", "bodyPr"})) {
          return Visit::kSkip;
        }
        if (name == "sp" && IsAnyOf(PlaceholderType(node), {"sldNum", "sldImg"})) {
          return Visit::kSkip;
        }
        if (name == "txbxContent") sink.Separator('\n');  // not glued to its anchor's text
        const std::string_view parent = LocalName(node.parent());
        if (parent == "r" && name == "tab") sink.Text("\t");
        if ((parent == "r" || parent == "p") && (name == "br" || name == "cr")) {
          sink.Separator('\n');
        }
        if (parent == "r" && name == "noBreakHyphen") sink.Text("-");
        return Visit::kDescend;
      },
      [&](pugi::xml_node node) {
        const std::string_view name = LocalName(node);
        if (name == "tc") {
          sink.Separator('\t');
        } else if (IsAnyOf(name, {"p", "tr", "tbl", "txbxContent", "footnote", "endnote", "comment",
                                  "sp", "graphicFrame", "cm"})) {
          sink.Separator('\n');
        }
      });
}

// The text of "t" elements below `node`, without phonetic guides.
std::string RunText(pugi::xml_node node) {
  std::string text;
  Walk(
      node,
      [&](pugi::xml_node n) {
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
          if (LocalName(n.parent()) == "t") text += n.value();
          return Visit::kSkip;
        }
        return LocalName(n) == "rPh" ? Visit::kSkip : Visit::kDescend;
      },
      [](pugi::xml_node) {});
  return text;
}

// Metadata::page_count from docProps/app.xml ("Pages"), where Word keeps it.
Status ReadPageCount(OpcPackage& package, const std::string& app_part, Metadata& m) {
  AKTE_ASSIGN_OR_RETURN(auto app, package.Take(app_part));
  if (!app) return Status::Ok();
  const std::string_view pages = ChildElement(app->root(), "Pages").child_value();
  int count = 0;
  if (std::from_chars(pages.data(), pages.data() + pages.size(), count).ec == std::errc()) {
    m.page_count = std::max(count, 0);
  }
  return Status::Ok();
}

// Word: header and footer texts repeat per section, so each distinct one is
// kept once, headers before the body and footers after the notes.
Status ExtractWord(Context& c, const std::string& main, const XmlPart& document) {
  AKTE_ASSIGN_OR_RETURN(auto rels, c.package.RelationshipsOf(main));
  std::vector<std::string> headers, notes, footers;
  for (const Relationship& rel : rels) {
    if (rel.external) continue;
    if (TypeIs(rel, "header")) headers.push_back(rel.target);
    if (TypeIs(rel, "footnotes") || TypeIs(rel, "endnotes") || TypeIs(rel, "comments")) {
      notes.push_back(rel.target);
    }
    if (TypeIs(rel, "footer")) footers.push_back(rel.target);
  }
  std::vector<std::string> order = headers;
  order.insert(order.end(), notes.begin(), notes.end());
  order.insert(order.end(), footers.begin(), footers.end());

  std::set<std::string> seen;
  const auto append_part = [&](std::size_t index, bool once) -> Status {
    AKTE_RETURN_IF_ERROR(c.package.Fetch(order, index));
    AKTE_ASSIGN_OR_RETURN(auto part, c.package.Take(order[index]));
    if (!part) return Status::Ok();
    std::string text;
    bool truncated = false;
    TextSink part_sink(text, truncated, c.input.limits.max_text_bytes);
    AppendOfficeText(part->root(), part_sink);
    if (once && !seen.insert(text).second) return Status::Ok();
    c.sink.Text(text);
    c.sink.Separator('\n');
    return Status::Ok();
  };
  for (std::size_t i = 0; i < headers.size() && !c.sink.full(); ++i) {
    AKTE_RETURN_IF_ERROR(append_part(i, true));
  }
  AppendOfficeText(document.root(), c.sink);
  c.sink.Separator('\n');
  for (std::size_t i = headers.size(); i < order.size() && !c.sink.full(); ++i) {
    AKTE_RETURN_IF_ERROR(append_part(i, i >= headers.size() + notes.size()));
  }
  return Status::Ok();
}

std::vector<std::string> ReadSharedStrings(const XmlPart& sst) {
  std::vector<std::string> strings;
  for (pugi::xml_node si = sst.root().first_child(); si; si = si.next_sibling()) {
    if (si.type() == pugi::node_element && LocalName(si) == "si") strings.push_back(RunText(si));
  }
  return strings;
}

std::string CellValue(pugi::xml_node cell, const std::vector<std::string>& shared) {
  const std::string_view type = Attribute(cell, "t");
  const std::string_view value = ChildElement(cell, "v").child_value();
  if (type == "s") {
    std::size_t index = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), index);
    return ec == std::errc() && index < shared.size() ? shared[index] : "";
  }
  if (type == "inlineStr") return RunText(ChildElement(cell, "is"));
  if (type == "b") return value == "1" ? "TRUE" : value == "0" ? "FALSE" : std::string(value);
  return std::string(value);  // numbers, and the cached results of formulas
}

// Header and footer texts carry formatting codes (&L, &"Arial,Bold", &12).
std::string WithoutHeaderFooterCodes(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&' || i + 1 == s.size()) {
      out.push_back(s[i]);
      continue;
    }
    const char code = s[++i];
    if (code == '&') {
      out.push_back('&');
    } else if (code == '"') {
      const auto close = s.find('"', i + 1);
      i = close == std::string_view::npos ? s.size() : close;
    } else if (code >= '0' && code <= '9') {
      while (i + 1 < s.size() && s[i + 1] >= '0' && s[i + 1] <= '9') ++i;
    } else if (code == 'K') {
      i = std::min(s.size(), i + 6);
    } else if (code == 'L' || code == 'C' || code == 'R') {
      if (!out.empty()) out.push_back(' ');
    }
  }
  return out;
}

void AppendSheet(pugi::xml_node worksheet, const std::vector<std::string>& shared, TextSink& sink) {
  for (pugi::xml_node row = ChildElement(worksheet, "sheetData").first_child(); row && !sink.full();
       row = row.next_sibling()) {
    if (row.type() != pugi::node_element || LocalName(row) != "row") continue;
    for (pugi::xml_node cell = row.first_child(); cell; cell = cell.next_sibling()) {
      if (cell.type() != pugi::node_element || LocalName(cell) != "c") continue;
      const std::string value = CellValue(cell, shared);
      if (value.empty()) continue;
      sink.Text(value);
      sink.Separator('\t');
    }
    sink.Separator('\n');
  }
  for (pugi::xml_node hf = ChildElement(worksheet, "headerFooter").first_child(); hf;
       hf = hf.next_sibling()) {
    if (hf.type() != pugi::node_element) continue;
    sink.Separator('\n');
    sink.Text(WithoutHeaderFooterCodes(hf.child_value()));
  }
}

Status ExtractWorkbook(Context& c, const std::string& main, const XmlPart& workbook) {
  AKTE_ASSIGN_OR_RETURN(auto rels, c.package.RelationshipsOf(main));
  std::vector<std::string> shared;
  if (const Relationship* rel = FindRelationship(rels, "sharedStrings")) {
    AKTE_ASSIGN_OR_RETURN(auto sst, c.package.Take(rel->target));
    if (sst) shared = ReadSharedStrings(*sst);
  }
  std::vector<std::pair<std::string, std::string>> sheets;  // name, part
  std::vector<std::string> sheet_rels;
  std::set<std::string> seen;
  for (pugi::xml_node sheet = ChildElement(ChildElement(workbook.root(), "sheets"), "sheet"); sheet;
       sheet = sheet.next_sibling()) {
    if (sheet.type() != pugi::node_element || LocalName(sheet) != "sheet") continue;
    const std::string part = TargetOf(rels, RelationshipId(sheet));
    // Each part is read once, however often a hostile workbook lists it.
    if (part.empty() || !seen.insert(part).second) continue;
    sheets.emplace_back(std::string(Attribute(sheet, "name")), part);
    sheet_rels.push_back(RelationshipsPartName(part));
  }
  c.out.metadata.page_count = static_cast<int>(sheets.size());

  // Drawings (text boxes, shapes) and comments hang off each sheet's rels.
  std::vector<std::vector<std::string>> extras(sheets.size());
  std::vector<std::string> order;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    AKTE_RETURN_IF_ERROR(c.package.Fetch(sheet_rels, i));
    AKTE_ASSIGN_OR_RETURN(auto srels, c.package.RelationshipsOf(sheets[i].second));
    for (const Relationship& rel : srels) {
      if (!rel.external && (TypeIs(rel, "drawing") || TypeIs(rel, "comments"))) {
        extras[i].push_back(rel.target);
      }
    }
    order.push_back(sheets[i].second);
    order.insert(order.end(), extras[i].begin(), extras[i].end());
  }

  std::size_t index = 0;
  for (std::size_t i = 0; i < sheets.size() && !c.sink.full(); ++i) {
    if (i > 0) c.sink.PageBreak();
    c.sink.Text(sheets[i].first);
    c.sink.Separator('\n');
    for (std::size_t k = 0; k <= extras[i].size(); ++k, ++index) {
      AKTE_RETURN_IF_ERROR(c.package.Fetch(order, index));
      AKTE_ASSIGN_OR_RETURN(auto part, c.package.Take(order[index]));
      if (!part) continue;
      if (k == 0) {
        AppendSheet(part->root(), shared, c.sink);
      } else {
        c.sink.Separator('\n');
        AppendOfficeText(part->root(), c.sink);
      }
    }
  }
  return Status::Ok();
}

Status ExtractPresentation(Context& c, const std::string& main, const XmlPart& presentation) {
  AKTE_ASSIGN_OR_RETURN(auto rels, c.package.RelationshipsOf(main));
  std::vector<std::string> slides, slide_rels;
  std::set<std::string> seen;
  for (pugi::xml_node id = ChildElement(ChildElement(presentation.root(), "sldIdLst"), "sldId"); id;
       id = id.next_sibling()) {
    if (id.type() != pugi::node_element || LocalName(id) != "sldId") continue;
    std::string part = TargetOf(rels, RelationshipId(id));
    // Each part is read once, however often a hostile file lists it.
    if (part.empty() || !seen.insert(part).second) continue;
    slides.push_back(std::move(part));
    slide_rels.push_back(RelationshipsPartName(slides.back()));
  }
  c.out.metadata.page_count = static_cast<int>(slides.size());

  std::vector<std::size_t> parts_per_slide;
  std::vector<std::string> order;
  for (std::size_t i = 0; i < slides.size(); ++i) {
    AKTE_RETURN_IF_ERROR(c.package.Fetch(slide_rels, i));
    AKTE_ASSIGN_OR_RETURN(auto srels, c.package.RelationshipsOf(slides[i]));
    order.push_back(slides[i]);
    std::size_t count = 1;
    for (const Relationship& rel : srels) {
      if (!rel.external && (TypeIs(rel, "notesSlide") || TypeIs(rel, "comments"))) {
        order.push_back(rel.target);
        ++count;
      }
    }
    parts_per_slide.push_back(count);
  }

  std::size_t index = 0;
  for (std::size_t i = 0; i < slides.size() && !c.sink.full(); ++i) {
    if (i > 0) c.sink.PageBreak();
    for (std::size_t k = 0; k < parts_per_slide[i]; ++k, ++index) {
      AKTE_RETURN_IF_ERROR(c.package.Fetch(order, index));
      AKTE_ASSIGN_OR_RETURN(auto part, c.package.Take(order[index]));
      if (!part) continue;
      c.sink.Separator('\n');
      AppendOfficeText(part->root(), c.sink);
    }
  }
  return Status::Ok();
}

std::string SafeFileName(std::string_view name) {
  std::string out;
  for (char c : name.substr(0, 100)) {
    const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       c == '.' || c == '-' || c == '_';
    out.push_back(plain ? c : '_');
  }
  if (out.empty() || out.front() == '.') out.insert(out.begin(), '_');
  return out;
}

// Embedded documents (OLE objects, packages) in "<main dir>/embeddings/".
// One that cannot be copied within the limits is left out, not the parent.
Status AddEmbeddedChildren(Context& c, const std::string& main) {
  if (c.input.scratch_dir.empty()) return Status::Ok();
  const std::string prefix = main.substr(0, main.rfind('/') + 1) + "embeddings/";
  std::vector<std::string> names;
  for (const ZipMember& m : c.package.zip().members()) {
    if (m.name.starts_with(prefix) && m.name.size() > prefix.size() && !m.encrypted) {
      names.push_back(m.name);
    }
  }
  for (const std::string& name : names) {
    const std::string base = name.substr(name.rfind('/') + 1);
    Child child{base, name,
                c.input.scratch_dir / ("embedded-" + std::to_string(c.out.children.size() + 1) +
                                       "-" + SafeFileName(base))};
    const Status status = c.package.zip().CopyTo(name, child.file);
    if (status.code() == StatusCode::kIoError || status.code() == StatusCode::kNoSpace) {
      return status;
    }
    if (!status.ok()) break;  // limits are shared: later members would fail too
    c.out.children.push_back(std::move(child));
  }
  return Status::Ok();
}

// The canonical MIME type for the kind of main part, unless the detected
// one already names that kind (a macro-enabled or template variant).
std::string MimeFor(std::string_view root, std::string_view detected) {
  const auto detected_has = [&](std::string_view a, std::string_view b) {
    return detected.find(a) != std::string_view::npos || detected.find(b) != std::string_view::npos;
  };
  if (root == "document") {
    if (detected_has("wordprocessingml", "ms-word")) return std::string(detected);
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }
  if (root == "workbook") {
    if (detected_has("spreadsheetml", "ms-excel.")) return std::string(detected);
    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  if (detected_has("presentationml", "ms-powerpoint.")) return std::string(detected);
  return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
}

// The main part, as the package relationships name it, else where Office
// puts it.
std::string MainPartName(const std::vector<Relationship>& package_rels, ZipContainer& zip) {
  if (const Relationship* rel = FindRelationship(package_rels, "officeDocument")) {
    return rel->target;
  }
  for (const char* name : {"word/document.xml", "xl/workbook.xml", "ppt/presentation.xml"}) {
    if (zip.Find(name)) return name;
  }
  return "";
}

class OoxmlExtractor final : public Extractor {
 public:
  Result<Extraction> Extract(const ExtractionInput& input) const override {
    Extraction out;
    out.mime_type = input.mime_type;
    AKTE_ASSIGN_OR_RETURN(ZipContainer zip, ZipContainer::Open(input.file, input.limits));
    if (zip.HasEncryptedMembers()) {
      out.state = kEncrypted;
      out.error = "encrypted, password required (zip encryption)";
      return out;
    }
    OpcPackage package(std::move(zip));
    const std::vector<std::string> first = {"[Content_Types].xml", "_rels/.rels",
                                            "docProps/core.xml", "docProps/app.xml"};
    AKTE_RETURN_IF_ERROR(package.Fetch(first));
    // Parsed only so that a DTD there is refused like anywhere else.
    AKTE_ASSIGN_OR_RETURN(auto content_types, package.Take("[Content_Types].xml"));
    AKTE_ASSIGN_OR_RETURN(auto package_rels, package.RelationshipsOf(""));

    const std::string main = MainPartName(package_rels, package.zip());
    if (main.empty()) {
      return Status::Corruption(
          "corrupt or truncated: no Office Open XML main part (word/document.xml, "
          "xl/workbook.xml or ppt/presentation.xml)");
    }
    AKTE_RETURN_IF_ERROR(package.Fetch({main, RelationshipsPartName(main)}));
    AKTE_ASSIGN_OR_RETURN(auto document, package.Take(main));
    if (!document)
      return Status::Corruption("corrupt or truncated: main part " + main + " missing");

    const Relationship* core = FindRelationship(package_rels, "core-properties");
    AKTE_ASSIGN_OR_RETURN(auto core_part, package.Take(core ? core->target : "docProps/core.xml"));
    if (core_part) ReadCoreProperties(*core_part, out.metadata);

    TextSink sink(out.text, out.text_truncated, input.limits.max_text_bytes);
    Context c{input, package, out, sink};
    const std::string_view root = LocalName(document->root());
    if (root == "document") {
      const Relationship* app = FindRelationship(package_rels, "extended-properties");
      AKTE_RETURN_IF_ERROR(
          ReadPageCount(package, app ? app->target : "docProps/app.xml", out.metadata));
      AKTE_RETURN_IF_ERROR(ExtractWord(c, main, *document));
    } else if (root == "workbook") {
      AKTE_RETURN_IF_ERROR(ExtractWorkbook(c, main, *document));
    } else if (root == "presentation") {
      AKTE_RETURN_IF_ERROR(ExtractPresentation(c, main, *document));
    } else {
      return Status::UnsupportedFormat("unsupported format: Office Open XML main part <" +
                                       std::string(root) +
                                       "> is not a document, workbook or "
                                       "presentation");
    }
    out.mime_type = MimeFor(root, input.mime_type);
    AKTE_RETURN_IF_ERROR(AddEmbeddedChildren(c, main));
    return out;
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeOoxmlExtractor() { return std::make_unique<OoxmlExtractor>(); }

}  // namespace akte::indexer
