#include <catch2/catch.hpp>

#include "extractor.h"
#include "fixtures.h"
#include "temp_dir.h"

namespace akte::indexer {
namespace {

constexpr const char* kOdtMime = "application/vnd.oasis.opendocument.text";
constexpr const char* kOdsMime = "application/vnd.oasis.opendocument.spreadsheet";
constexpr const char* kOdpMime = "application/vnd.oasis.opendocument.presentation";

Result<Extraction> ExtractBytes(const test::TempDir& dir, const std::string& bytes,
                                const std::string& mime) {
  test::WriteFile(dir / "input", bytes);
  std::filesystem::create_directories(dir / "scratch");
  const Extractor* extractor = FindExtractor(mime);
  REQUIRE(extractor != nullptr);
  return extractor->Extract({dir / "input", "input", mime, dir / "scratch", 0, {}});
}

const std::string kNs =
    "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
    "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
    "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
    "xmlns:draw=\"urn:oasis:names:tc:opendocument:xmlns:drawing:1.0\" "
    "xmlns:presentation=\"urn:oasis:names:tc:opendocument:xmlns:presentation:1.0\" "
    "xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\" "
    "xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\" "
    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
    "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"";

std::string Content(const std::string& body) {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content " + kNs +
         "><office:body>" + body + "</office:body></office:document-content>";
}

const std::string kManifest =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest " + kNs +
    "><manifest:file-entry manifest:full-path=\"/\"/><manifest:file-entry "
    "manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>";

std::string Odf(const std::string& mime, const std::string& content, const std::string& styles = "",
                const std::string& meta = "") {
  std::vector<std::pair<std::string, std::string>> members = {
      {"mimetype", mime}, {"META-INF/manifest.xml", kManifest}, {"content.xml", content}};
  if (!styles.empty()) members.emplace_back("styles.xml", styles);
  if (!meta.empty()) members.emplace_back("meta.xml", meta);
  return test::MakeZip(members);
}

TEST_CASE("ODT text includes headers, footers and the meta title", "[indexer][odf]") {
  test::TempDir dir;
  const std::string content = Content(
      "<office:text><text:h text:outline-level=\"1\">Wartungsvertrag</text:h>"
      "<text:p>Zwischen <text:span>Firma   M\xC3\xBCller</text:span>\n  und"
      "<text:s text:c=\"3\"/>Kunde<text:tab/>Nr. 4711<text:line-break/>zweite Zeile</text:p>"
      "<text:p>Fu\xC3\x9Fnote<text:note><text:note-citation>1</text:note-citation>"
      "<text:note-body><text:p>gilt ab Januar</text:p></text:note-body></text:note></text:p>"
      "<text:tracked-changes><text:changed-region><text:deletion><text:p>alter Text</text:p>"
      "</text:deletion></text:changed-region></text:tracked-changes>"
      "</office:text>");
  const std::string styles =
      "<office:document-styles " + kNs +
      "><office:master-styles><style:master-page style:name=\"Standard\"><style:header>"
      "<text:p>Kopf: Haustechnik Nord</text:p></style:header><style:footer><text:p>Seite "
      "<text:page-number>1</text:page-number></text:p></style:footer></style:master-page>"
      "<style:master-page style:name=\"Zweite\"><style:header><text:p>Kopf: Haustechnik Nord"
      "</text:p></style:header></style:master-page></office:master-styles>"
      "</office:document-styles>";
  const std::string meta =
      "<office:document-meta " + kNs +
      "><office:meta><dc:title>Vertrag 2024</dc:title><meta:initial-creator>Hans Meier"
      "</meta:initial-creator><dc:creator>Eva Schulz</dc:creator><meta:keyword>Wartung"
      "</meta:keyword><meta:keyword>Heizung</meta:keyword><meta:creation-date>"
      "2024-02-01T08:15:00.123456789</meta:creation-date><dc:date>2024-02-03T10:00:00</dc:date>"
      "<dc:language>de-DE</dc:language><meta:document-statistic meta:page-count=\"2\"/>"
      "</office:meta></office:document-meta>";
  auto result = ExtractBytes(dir, Odf(kOdtMime, content, styles, meta), kOdtMime);
  REQUIRE(result.ok());
  CHECK(result->state == kExtracted);
  CHECK(result->text ==
        "Kopf: Haustechnik Nord\nWartungsvertrag\nZwischen Firma Müller und   Kunde\tNr. 4711\n"
        "zweite Zeile\nFußnote\ngilt ab Januar\nSeite 1");
  CHECK(result->metadata.title == "Vertrag 2024");
  CHECK(result->metadata.author == "Hans Meier");
  CHECK(result->metadata.keywords == "Wartung, Heizung");
  CHECK(result->metadata.created == "2024-02-01T08:15:00");
  CHECK(result->metadata.modified == "2024-02-03T10:00:00");
  CHECK(result->metadata.language == "de-DE");
  CHECK(result->metadata.page_count == 2);
}

TEST_CASE("An ODS with a formula cell gives its cached value, sheets split by page breaks",
          "[indexer][odf]") {
  test::TempDir dir;
  const std::string content = Content(
      "<office:spreadsheet><table:table table:name=\"Rechnung\"><table:table-column "
      "table:number-columns-repeated=\"3\"/><table:table-row><table:table-cell "
      "office:value-type=\"string\"><text:p>Menge</text:p></table:table-cell><table:table-cell "
      "office:value-type=\"float\" office:value=\"21\"><text:p>21</text:p></table:table-cell>"
      "<table:table-cell table:formula=\"of:=[.B1]*2\" office:value-type=\"float\" "
      "office:value=\"42\"><text:p>42</text:p></table:table-cell></table:table-row>"
      "<table:table-row table:number-rows-repeated=\"1000\"><table:table-cell "
      "table:number-columns-repeated=\"1024\"/></table:table-row></table:table>"
      "<table:table table:name=\"Summen\"><table:table-row><table:table-cell "
      "office:value-type=\"float\" office:value=\"99.5\"/></table:table-row></table:table>"
      "</office:spreadsheet>");
  auto result = ExtractBytes(dir, Odf(kOdsMime, content), kOdsMime);
  REQUIRE(result.ok());
  CHECK(result->text == "Rechnung\nMenge\t21\t42\fSummen\n99.5");
  CHECK(result->metadata.page_count == 2);
  CHECK(result->mime_type == kOdsMime);
}

TEST_CASE("ODP pages are separated by page breaks and include speaker notes", "[indexer][odf]") {
  test::TempDir dir;
  const std::string content = Content(
      "<office:presentation><draw:page draw:name=\"page1\"><draw:frame><draw:text-box>"
      "<text:p>Jahresr\xC3\xBC"
      "ckblick</text:p></draw:text-box></draw:frame><presentation:notes>"
      "<draw:page-thumbnail/><draw:frame><draw:text-box><text:p>Zahlen erst am Ende</text:p>"
      "</draw:text-box></draw:frame></presentation:notes></draw:page><draw:page "
      "draw:name=\"page2\"><draw:frame><draw:text-box><text:p>Ausblick</text:p></draw:text-box>"
      "</draw:frame></draw:page></office:presentation>");
  auto result = ExtractBytes(dir, Odf(kOdpMime, content), kOdpMime);
  REQUIRE(result.ok());
  CHECK(result->text == "Jahresrückblick\nZahlen erst am Ende\fAusblick");
  CHECK(result->metadata.page_count == 2);
}

TEST_CASE("An ODF package whose manifest lists encryption data is reported as encrypted",
          "[indexer][odf]") {
  test::TempDir dir;
  const std::string manifest =
      "<?xml version=\"1.0\"?><manifest:manifest " + kNs +
      "><manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\">"
      "<manifest:encryption-data manifest:checksum-type=\"SHA1/1K\" manifest:checksum=\"x\">"
      "<manifest:algorithm manifest:algorithm-name=\"Blowfish CFB\"/></manifest:encryption-data>"
      "</manifest:file-entry></manifest:manifest>";
  const std::string odt = test::MakeZip({{"mimetype", kOdtMime},
                                         {"META-INF/manifest.xml", manifest},
                                         {"content.xml", "\x8F\x01 not XML, ciphertext"}});
  auto result = ExtractBytes(dir, odt, kOdtMime);
  REQUIRE(result.ok());
  CHECK(result->state == kEncrypted);
  CHECK(result->error == "encrypted, password required");
  CHECK(result->text.empty());
}

TEST_CASE("Broken ODF packages are reported as corrupt", "[indexer][odf]") {
  test::TempDir dir;
  auto not_zip = ExtractBytes(dir, "PK\x03\x04 but nothing more", kOdtMime);
  REQUIRE_FALSE(not_zip.ok());
  CHECK(not_zip.status().code() == StatusCode::kCorruption);

  auto no_content = ExtractBytes(dir, test::MakeZip({{"mimetype", kOdtMime}}), kOdtMime);
  REQUIRE_FALSE(no_content.ok());
  CHECK(no_content.status().code() == StatusCode::kCorruption);

  auto bad_xml =
      ExtractBytes(dir, Odf(kOdtMime, "<office:document-content><office:body>"), kOdtMime);
  REQUIRE_FALSE(bad_xml.ok());
  CHECK(bad_xml.status().code() == StatusCode::kCorruption);
  CHECK_THAT(bad_xml.status().message(), Catch::Contains("content.xml"));
}

TEST_CASE("An ODT content.xml declaring entities is refused", "[indexer][odf]") {
  test::TempDir dir;
  const std::string content =
      "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
      "<office:document-content " +
      kNs +
      "><office:body><office:text><text:p>&xxe;</text:p></office:text></office:body>"
      "</office:document-content>";
  auto result = ExtractBytes(dir, Odf(kOdtMime, content), kOdtMime);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == StatusCode::kInvalidArgument);
  CHECK_THAT(result.status().message(), Catch::Contains("XML DTD/entity not allowed"));
}

}  // namespace
}  // namespace akte::indexer
