#include <catch2/catch.hpp>

#include "extractor.h"
#include "html_text.h"
#include "temp_dir.h"

namespace akte::indexer {
namespace {

Result<Extraction> ExtractHtml(const test::TempDir& dir, const std::string& bytes) {
  test::WriteFile(dir / "input", bytes);
  std::filesystem::create_directories(dir / "scratch");
  const Extractor* html = FindExtractor("text/html");
  REQUIRE(html != nullptr);
  return html->Extract({dir / "input", "seite.html", "text/html", dir / "scratch", 0, {}});
}

TEST_CASE("HTML yields visible text and metadata, without scripts and styles", "[indexer][html]") {
  test::TempDir dir;
  auto result = ExtractHtml(dir, R"(<!DOCTYPE html>
<html lang="de"><head>
<title>Angebot &amp; Rechnung</title>
<meta name="author" content="Anna Schmidt">
<meta name="keywords" content="Heizung, Wartung">
<style>.preis { color: red }</style>
<script>var geheim = "nicht indexieren";</script>
</head><body>
<h1>Wartungsangebot</h1>
<p>Preis: 120&nbsp;&euro; &lt;netto&gt;</p>
<ul><li>Kessel pr&uuml;fen</li><li>Filter &#x74;auschen</li></ul>
<template><p>Vorlage</p></template><noscript>Bitte JavaScript aktivieren</noscript>
<!-- interner Kommentar -->
</body></html>)");
  REQUIRE(result.ok());
  const std::string& text = result->text;
  CHECK_THAT(text, Catch::Contains("Wartungsangebot\nPreis: 120 € <netto>\n"));
  CHECK_THAT(text, Catch::Contains("Kessel prüfen\nFilter tauschen"));
  CHECK_THAT(text, !Catch::Contains("geheim"));
  CHECK_THAT(text, !Catch::Contains("color"));
  CHECK_THAT(text, !Catch::Contains("Vorlage"));
  CHECK_THAT(text, !Catch::Contains("JavaScript"));
  CHECK_THAT(text, !Catch::Contains("Kommentar"));
  CHECK(result->metadata.title == "Angebot & Rechnung");
  CHECK(result->metadata.author == "Anna Schmidt");
  CHECK(result->metadata.keywords == "Heizung, Wartung");
  CHECK(result->metadata.language == "de");
}

TEST_CASE("HTML in the charset its meta tag declares is converted", "[indexer][html]") {
  test::TempDir dir;
  auto result = ExtractHtml(dir,
                            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                            "charset=windows-1252\"></head><body><p>Gr\xFC\xDF"
                            "e von M\xFCller \x96 Ihr \x80-Angebot</p></body></html>");
  REQUIRE(result.ok());
  CHECK(result->text == "Grüße von Müller – Ihr €-Angebot");
}

TEST_CASE("A wrong meta charset loses to bytes that are valid UTF-8", "[indexer][html]") {
  test::TempDir dir;
  auto result = ExtractHtml(dir,
                            "<meta charset=\"iso-8859-1\"><p>Stra\xC3\x9F"
                            "e und Pl\xC3\xA4tze</p>");
  REQUIRE(result.ok());
  CHECK(result->text == "Straße und Plätze");
}

TEST_CASE("HTML with a UTF-16LE byte order mark is decoded", "[indexer][html]") {
  test::TempDir dir;
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string_view("<p>Auftrag 17</p>")) utf16 += std::string{c, '\0'};
  auto result = ExtractHtml(dir, utf16);
  REQUIRE(result.ok());
  CHECK(result->text == "Auftrag 17");
}

TEST_CASE("HtmlToText breaks lines at block elements and keeps preformatted text",
          "[indexer][html]") {
  Metadata metadata;
  std::string text = HtmlToText(
      "<div>Erste   Zeile</div><div>zweite<br>dritte</div><table><tr><td>A</td><td>B</td></tr>"
      "</table><pre>  ein  ger\xC3\xBC"
      "ckt</pre>",
      "UTF-8", &metadata);
  CHECK(text == "Erste Zeile\nzweite\ndritte\nA\tB\n  ein  gerückt");
  CHECK(metadata.title.empty());
}

TEST_CASE("HtmlToText survives deeply nested and broken markup", "[indexer][html]") {
  // libxml2 stops at its nesting limit (256); what came before stays.
  std::string deep = "<p>oben</p>";
  for (int i = 0; i < 100000; ++i) deep += "<div><span>";
  deep += "tief</b></i><p>unten";
  std::string text = HtmlToText(deep, "", nullptr);
  CHECK_THAT(text, Catch::StartsWith("oben"));
}

}  // namespace
}  // namespace akte::indexer
