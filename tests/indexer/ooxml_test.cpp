#include <catch2/catch.hpp>
#include <chrono>

#include "extractor.h"
#include "fixtures.h"
#include "temp_dir.h"
#include "zip_container.h"

namespace akte::indexer {
namespace {

constexpr const char* kDocxMime =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr const char* kXlsxMime =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
constexpr const char* kPptxMime =
    "application/vnd.openxmlformats-officedocument.presentationml.presentation";

using Members = std::vector<std::pair<std::string, std::string>>;

Result<Extraction> ExtractBytes(const test::TempDir& dir, const std::string& bytes,
                                const std::string& mime, const ExtractionLimits& limits = {}) {
  test::WriteFile(dir / "input", bytes);
  std::filesystem::create_directories(dir / "scratch");
  const Extractor* extractor = FindExtractor(mime);
  REQUIRE(extractor != nullptr);
  return extractor->Extract({dir / "input", "input", mime, dir / "scratch", 0, limits});
}

const std::string kW =
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
    "relationships\"";
const std::string kRelType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

std::string Rels(const std::vector<std::pair<std::string, std::string>>& type_and_target) {
  std::string xml =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships "
      "xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">";
  int id = 1;
  for (const auto& [type, target] : type_and_target) {
    xml += "<Relationship Id=\"rId" + std::to_string(id++) + "\" Type=\"" + type + "\" Target=\"" +
           target + "\"/>";
  }
  return xml + "</Relationships>";
}

std::string PackageRels(const std::string& main) {
  return Rels({{kRelType + "officeDocument", main},
               {"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
                "core-properties",
                "docProps/core.xml"}});
}

const std::string kContentTypes =
    "<?xml version=\"1.0\"?><Types "
    "xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";

std::string Core(const std::string& title) {
  return "<?xml version=\"1.0\"?><cp:coreProperties "
         "xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
         "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
         "xmlns:dcterms=\"http://purl.org/dc/terms/\">"
         "<dc:title>" +
         title +
         "</dc:title><dc:creator>Erika Mustermann</dc:creator><cp:keywords>Angebot, "
         "Heizung</cp:keywords><dcterms:created>2024-03-01T09:30:00Z</dcterms:created>"
         "<dc:language>de-DE</dc:language></cp:coreProperties>";
}

std::string WordPart(const std::string& root, const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:" + root + " " + kW + ">" + body +
         "</w:" + root + ">";
}

std::string Paragraph(const std::string& text) {
  return "<w:p><w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r></w:p>";
}

// A DOCX with `body` in word/document.xml, and `parts` related to it as
// (relationship type, part name under word/, XML).
std::string Docx(const std::string& body,
                 const std::vector<std::tuple<std::string, std::string, std::string>>& parts = {},
                 const std::string& title = "Angebot Heizung") {
  std::vector<std::pair<std::string, std::string>> rels;
  Members members = {{"[Content_Types].xml", kContentTypes},
                     {"_rels/.rels", PackageRels("word/document.xml")},
                     {"docProps/core.xml", Core(title)},
                     {"word/document.xml", WordPart("document", "<w:body>" + body + "</w:body>")}};
  for (const auto& [type, name, xml] : parts) {
    rels.emplace_back(kRelType + type, name);
    members.emplace_back("word/" + name, xml);
  }
  members.emplace_back("word/_rels/document.xml.rels", Rels(rels));
  return test::MakeZip(members);
}

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST_CASE("DOCX text includes headers, footers and footnotes", "[indexer][ooxml]") {
  test::TempDir dir;
  const std::string docx = Docx(
      Paragraph("Angebot f\xC3\xBCr die Heizungswartung") +
          "<w:p><w:r><w:t>Preis</w:t></w:r><w:r><w:footnoteReference w:id=\"1\"/></w:r></w:p>",
      {{"header", "header1.xml", WordPart("hdr", Paragraph("Sanit\xC3\xA4r Schmidt GmbH"))},
       {"footer", "footer1.xml", WordPart("ftr", Paragraph("Bankverbindung DE02 1203"))},
       {"footnotes", "footnotes.xml",
        WordPart("footnotes",
                 "<w:footnote w:type=\"separator\" w:id=\"0\"><w:p><w:r><w:separator/></w:r></w:p>"
                 "</w:footnote><w:footnote w:id=\"1\">" +
                     Paragraph("zuz\xC3\xBCglich Mehrwertsteuer") + "</w:footnote>")}});
  auto result = ExtractBytes(dir, docx, kDocxMime);
  REQUIRE(result.ok());
  CHECK(result->state == kExtracted);
  const std::string& text = result->text;
  CHECK(text.find("Sanitär Schmidt GmbH") < text.find("Angebot für die Heizungswartung"));
  CHECK(text.find("Angebot für die Heizungswartung\nPreis") != std::string::npos);
  CHECK(text.find("zuzüglich Mehrwertsteuer") != std::string::npos);
  CHECK(text.find("Bankverbindung DE02 1203") != std::string::npos);
  CHECK(result->metadata.title == "Angebot Heizung");
  CHECK(result->metadata.author == "Erika Mustermann");
  CHECK(result->metadata.keywords == "Angebot, Heizung");
  CHECK(result->metadata.created == "2024-03-01T09:30:00Z");
  CHECK(result->metadata.language == "de-DE");
}

TEST_CASE("DOCX tables, comments and text boxes are extracted once, deleted text is not",
          "[indexer][ooxml]") {
  test::TempDir dir;
  const std::string table = "<w:tbl><w:tblPr/><w:tr><w:tc>" + Paragraph("Artikel") +
                            "</w:tc><w:tc>" + Paragraph("Menge") + "</w:tc></w:tr><w:tr><w:tc>" +
                            Paragraph("Heizk\xC3\xB6rper") + Paragraph("Typ 22") + "</w:tc><w:tc>" +
                            Paragraph("3") + "</w:tc></w:tr></w:tbl>";
  const std::string textbox =
      "<w:p><w:r><mc:AlternateContent "
      "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><mc:Choice "
      "Requires=\"wps\"><w:drawing><w:txbxContent>" +
      Paragraph("Eilt sehr") +
      "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>" +
      Paragraph("Eilt sehr") + "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent>" +
      "</w:r></w:p>";
  const std::string tracked =
      "<w:p><w:r><w:t>Lieferung am </w:t></w:r><w:del><w:r><w:delText>Montag</w:delText></w:r>"
      "</w:del><w:ins><w:r><w:t>Dienstag</w:t></w:r></w:ins><w:r><w:fldChar "
      "w:fldCharType=\"begin\"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:tab/>"
      "<w:t>Seite</w:t><w:softHyphen/><w:t>nende</w:t></w:r></w:p>";
  const std::string docx = Docx(table + textbox + tracked,
                                {{"comments", "comments.xml",
                                  WordPart("comments", "<w:comment w:id=\"0\" w:author=\"Chef\">" +
                                                           Paragraph("Bitte Preis pr\xC3\xBC"
                                                                     "fen") +
                                                           "</w:comment>")}});
  auto result = ExtractBytes(dir, docx, kDocxMime);
  REQUIRE(result.ok());
  const std::string& text = result->text;
  CHECK(text.find("Artikel\tMenge\nHeizkörper\nTyp 22\t3\n") != std::string::npos);
  CHECK(Count(text, "Eilt sehr") == 1);
  CHECK(text.find("Lieferung am Dienstag\tSeitenende") != std::string::npos);
  CHECK(text.find("Montag") == std::string::npos);
  CHECK(text.find("PAGE") == std::string::npos);
  CHECK(text.find("Bitte Preis prüfen") != std::string::npos);
}

TEST_CASE("Strict OOXML namespaces read like Transitional ones", "[indexer][ooxml]") {
  test::TempDir dir;
  const std::string strict_w = "xmlns:w=\"http://purl.oclc.org/ooxml/wordprocessingml/main\"";
  const std::string strict_rel = "http://purl.oclc.org/ooxml/officeDocument/relationships/";
  const std::string docx = test::MakeZip(
      {{"[Content_Types].xml", kContentTypes},
       {"_rels/.rels", Rels({{strict_rel + "officeDocument", "/word/document.xml"}})},
       {"word/document.xml", "<w:document " + strict_w + "><w:body>" +
                                 Paragraph("Strikt gespeichert") + "</w:body></w:document>"},
       {"word/_rels/document.xml.rels", Rels({{strict_rel + "header", "header1.xml"}})},
       {"word/header1.xml",
        "<w:hdr " + strict_w + ">" + Paragraph("Kopfzeile strikt") + "</w:hdr>"}});
  auto result = ExtractBytes(dir, docx, kDocxMime);
  REQUIRE(result.ok());
  CHECK(result->text == "Kopfzeile strikt\nStrikt gespeichert");
}

std::string Sheet(const std::string& rows) {
  return "<?xml version=\"1.0\"?><worksheet "
         "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>" +
         rows + "</sheetData></worksheet>";
}

TEST_CASE("XLSX gives sheet names, shared strings, numbers and cached formula results",
          "[indexer][ooxml]") {
  test::TempDir dir;
  const std::string ns =
      "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
      "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
  const std::string xlsx = test::MakeZip(
      {{"[Content_Types].xml", kContentTypes},
       {"_rels/.rels", PackageRels("xl/workbook.xml")},
       {"docProps/core.xml", Core("Preisliste")},
       {"xl/workbook.xml", "<workbook " + ns +
                               "><sheets><sheet name=\"Preise 2024\" sheetId=\"1\" r:id=\"rId1\"/>"
                               "<sheet name=\"Notizen\" sheetId=\"2\" r:id=\"rId2\"/></sheets>"
                               "</workbook>"},
       {"xl/_rels/workbook.xml.rels", Rels({{kRelType + "worksheet", "worksheets/sheet1.xml"},
                                            {kRelType + "worksheet", "worksheets/sheet2.xml"},
                                            {kRelType + "sharedStrings", "sharedStrings.xml"}})},
       {"xl/sharedStrings.xml",
        "<sst " + ns +
            "><si><t>Artikel</t></si><si><t>Preis</t></si><si><r><t>Thermo</t></r><r><t>stat"
            "</t></r><rPh><t>phonetic</t></rPh></si></sst>"},
       {"xl/worksheets/sheet1.xml",
        Sheet("<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c></row>"
              "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>2</v></c><c r=\"B2\"><v>42.5</v></c>"
              "<c r=\"C2\"><f>B2*2</f><v>85</v></c><c r=\"D2\" t=\"b\"><v>1</v></c></row>")},
       {"xl/worksheets/sheet2.xml",
        Sheet("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Rabatt auf Anfrage</t></is></c>"
              "</row>")}});
  auto result = ExtractBytes(dir, xlsx, kXlsxMime);
  REQUIRE(result.ok());
  CHECK(result->text ==
        "Preise 2024\nArtikel\tPreis\nThermostat\t42.5\t85\tTRUE\fNotizen\nRabatt auf Anfrage");
  CHECK(result->metadata.page_count == 2);
  CHECK(result->metadata.title == "Preisliste");
}

std::string Slide(const std::string& root, const std::vector<std::string>& paragraphs) {
  std::string xml = "<p:" + root +
                    " xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" "
                    "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\">"
                    "<p:cSld><p:spTree><p:sp><p:txBody>";
  for (const std::string& p : paragraphs) xml += "<a:p><a:r><a:t>" + p + "</a:t></a:r></a:p>";
  xml +=
      "</p:txBody></p:sp><p:sp><p:nvSpPr><p:nvPr><p:ph type=\"sldNum\"/></p:nvPr></p:nvSpPr>"
      "<p:txBody><a:p><a:fld type=\"slidenum\"><a:t>99</a:t></a:fld></a:p></p:txBody></p:sp>";
  return xml + "</p:spTree></p:cSld></p:" + root + ">";
}

TEST_CASE("PPTX slides come in presentation order with their notes, page breaks between",
          "[indexer][ooxml]") {
  test::TempDir dir;
  // The presentation lists slide2.xml first: its order counts, not file names.
  const std::string pptx = test::MakeZip(
      {{"[Content_Types].xml", kContentTypes},
       {"_rels/.rels", PackageRels("ppt/presentation.xml")},
       {"ppt/presentation.xml",
        "<p:presentation xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\" "
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\">"
        "<p:sldIdLst><p:sldId id=\"256\" r:id=\"rId2\"/><p:sldId id=\"257\" r:id=\"rId1\"/>"
        "</p:sldIdLst></p:presentation>"},
       {"ppt/_rels/presentation.xml.rels", Rels({{kRelType + "slide", "slides/slide1.xml"},
                                                 {kRelType + "slide", "slides/slide2.xml"}})},
       {"ppt/slides/slide2.xml", Slide("sld", {"Agenda", "Wartungsplan"})},
       {"ppt/slides/slide1.xml", Slide("sld", {"Kosten"})},
       {"ppt/slides/_rels/slide2.xml.rels",
        Rels({{kRelType + "notesSlide", "../notesSlides/notesSlide1.xml"}})},
       {"ppt/notesSlides/notesSlide1.xml", Slide("notes", {"Nicht vergessen: Termin"})}});
  auto result = ExtractBytes(dir, pptx, kPptxMime);
  REQUIRE(result.ok());
  CHECK(result->text == "Agenda\nWartungsplan\nNicht vergessen: Termin\fKosten");
  CHECK(result->metadata.page_count == 2);
}

TEST_CASE("A DOCX with a DOCTYPE entity bomb is refused without expanding it", "[indexer][ooxml]") {
  test::TempDir dir;
  std::string bomb = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">";
  for (int i = 1; i < 10; ++i) {
    bomb += "<!ENTITY lol" + std::to_string(i) + " \"";
    for (int k = 0; k < 10; ++k) bomb += "&lol" + (i > 1 ? std::to_string(i - 1) : "") + ";";
    bomb += "\">";
  }
  bomb += "]><w:document " + kW + "><w:body>" + Paragraph("&lol9;") + "</w:body></w:document>";
  const std::string docx = test::MakeZip({{"[Content_Types].xml", kContentTypes},
                                          {"_rels/.rels", PackageRels("word/document.xml")},
                                          {"word/document.xml", bomb}});
  const auto start = std::chrono::steady_clock::now();
  auto result = ExtractBytes(dir, docx, kDocxMime);
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == StatusCode::kInvalidArgument);
  CHECK_THAT(result.status().message(), Catch::Contains("XML DTD/entity not allowed"));
}

TEST_CASE("An office member over the XML size limit is refused as too large", "[indexer][ooxml]") {
  test::TempDir dir;
  std::string body;
  for (int i = 0; i < 2000; ++i) body += Paragraph("Zeile " + std::to_string(i) + " mit Text");
  ExtractionLimits limits;
  limits.max_xml_bytes = 64 * 1024;
  auto result = ExtractBytes(dir, Docx(body), kDocxMime, limits);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == StatusCode::kTooLarge);
  CHECK_THAT(result.status().message(), Catch::Contains("archive limits exceeded"));
}

TEST_CASE("A zip bomb over the compression ratio is refused as too large", "[indexer][ooxml]") {
  test::TempDir dir;
  const std::string zeros(12 << 20, '0');
  auto result = ExtractBytes(dir, Docx(Paragraph(zeros)), kDocxMime);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == StatusCode::kTooLarge);
  CHECK_THAT(result.status().message(), Catch::Contains("compression ratio"));
}

TEST_CASE("A member whose declared size understates its data is refused", "[indexer][ooxml]") {
  test::TempDir dir;
  std::string body;
  for (int i = 0; i < 3000; ++i) body += Paragraph("Zeile " + std::to_string(i));
  std::string docx = Docx(body);
  // Rewrite the uncompressed size of word/document.xml to 100 bytes in its
  // local header and in the central directory, so that no check of declared
  // sizes can catch it.
  const std::string name = "word/document.xml";
  const auto patch = [&](const std::string& signature, std::size_t size_at, std::size_t name_at) {
    for (auto at = docx.find(signature); at != std::string::npos;
         at = docx.find(signature, at + 4)) {
      if (docx.compare(at + name_at, name.size(), name) != 0) continue;
      docx[at + size_at] = 100;
      docx[at + size_at + 1] = docx[at + size_at + 2] = docx[at + size_at + 3] = 0;
    }
  };
  patch(std::string("PK\x03\x04", 4), 22, 30);
  patch(std::string("PK\x01\x02", 4), 24, 46);
  ExtractionLimits limits;
  limits.max_xml_bytes = 32 * 1024;
  test::WriteFile(dir / "lying.zip", docx);
  auto zip = ZipContainer::Open(dir / "lying.zip", limits);
  REQUIRE(zip.ok());
  REQUIRE(zip->Find(name) != nullptr);
  CHECK(zip->Find(name)->size == 100);  // the lie took
  // libarchive stops at the declared size and reports the rest; the
  // container's own count while streaming would stop at max_xml_bytes.
  auto result = ExtractBytes(dir, docx, kDocxMime, limits);
  REQUIRE_FALSE(result.ok());
  CHECK((result.status().code() == StatusCode::kCorruption ||
         result.status().code() == StatusCode::kTooLarge));
  CHECK_THAT(result.status().message(), Catch::Contains("word/document.xml"));
}

TEST_CASE("Truncated office files and non-zips are reported as corrupt", "[indexer][ooxml]") {
  test::TempDir dir;
  const std::string docx = Docx(Paragraph("Vollständiger Text"));
  auto truncated = ExtractBytes(dir, docx.substr(0, docx.size() * 2 / 3), kDocxMime);
  REQUIRE_FALSE(truncated.ok());
  CHECK(truncated.status().code() == StatusCode::kCorruption);
  CHECK_THAT(truncated.status().message(), Catch::Contains("corrupt or truncated"));

  auto not_zip = ExtractBytes(dir, "Dies ist keine Office-Datei", kXlsxMime);
  REQUIRE_FALSE(not_zip.ok());
  CHECK(not_zip.status().code() == StatusCode::kCorruption);

  auto no_main_part = ExtractBytes(dir, test::MakeZip({{"readme.txt", "hallo"}}), kPptxMime);
  REQUIRE_FALSE(no_main_part.ok());
  CHECK(no_main_part.status().code() == StatusCode::kCorruption);
}

TEST_CASE("Malformed XML in an office part is reported as corrupt", "[indexer][ooxml]") {
  test::TempDir dir;
  const std::string docx =
      test::MakeZip({{"[Content_Types].xml", kContentTypes},
                     {"_rels/.rels", PackageRels("word/document.xml")},
                     {"word/document.xml", "<w:document " + kW + "><w:body><w:p>"}});
  auto result = ExtractBytes(dir, docx, kDocxMime);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == StatusCode::kCorruption);
  CHECK_THAT(result.status().message(), Catch::Contains("word/document.xml"));
}

TEST_CASE("Documents embedded in a DOCX become children in the scratch directory",
          "[indexer][ooxml]") {
  test::TempDir dir;
  const std::string inner = Docx(Paragraph("Eingebettetes Angebot"));
  const std::string outer =
      test::MakeZip({{"[Content_Types].xml", kContentTypes},
                     {"_rels/.rels", PackageRels("word/document.xml")},
                     {"word/document.xml",
                      WordPart("document", "<w:body>" + Paragraph("Hauptdokument") + "</w:body>")},
                     {"word/embeddings/../../Angebot 1.docx", inner}});
  auto result = ExtractBytes(dir, outer, kDocxMime);
  REQUIRE(result.ok());
  REQUIRE(result->children.size() == 1);
  const Child& child = result->children[0];
  CHECK(child.name == "Angebot 1.docx");
  CHECK(child.path_in_parent == "word/embeddings/../../Angebot 1.docx");
  CHECK(child.file.parent_path() == dir / "scratch");
  CHECK(test::ReadFile(child.file) == inner);
}

TEST_CASE("Office text stops at the text limit", "[indexer][ooxml]") {
  test::TempDir dir;
  ExtractionLimits limits;
  limits.max_text_bytes = 11;
  auto result = ExtractBytes(dir,
                             Docx(Paragraph("Gr\xC3\xBC\xC3\x9F"
                                            "e aus Hamburg")),
                             kDocxMime, limits);
  REQUIRE(result.ok());
  CHECK(result->text_truncated);
  CHECK(result->text == "Grüße aus");
}

}  // namespace
}  // namespace akte::indexer
