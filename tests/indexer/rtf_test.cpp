#include <catch2/catch.hpp>
#include <chrono>

#include "extractor.h"
#include "fixtures.h"
#include "temp_dir.h"

namespace akte::indexer {
namespace {

Result<Extraction> ExtractRtf(const test::TempDir& dir, const std::string& bytes,
                              const std::string& mime = "text/rtf") {
  test::WriteFile(dir / "input.rtf", bytes);
  std::filesystem::create_directories(dir / "scratch");
  const Extractor* extractor = FindExtractor(mime);
  REQUIRE(extractor != nullptr);
  return extractor->Extract({dir / "input.rtf", "input.rtf", mime, dir / "scratch", 0, {}});
}

TEST_CASE("RTF hex escapes decode in the \\ansicpg1252 code page", "[indexer][rtf]") {
  test::TempDir dir;
  auto result =
      ExtractRtf(dir, R"({\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\fswiss\fcharset0 Arial;}}
\f0\fs20 Gr\'fc\'dfe aus M\'fcnchen, \'c4rger \'fcber \'d6l \'80 5\par
Zeile zwei\par
})");
  REQUIRE(result.ok());
  CHECK(result->state == kExtracted);
  CHECK(result->text == "Grüße aus München, Ärger über Öl € 5\nZeile zwei");
}

TEST_CASE("RTF hex escapes decode in the \\ansicpg1250 code page", "[indexer][rtf]") {
  test::TempDir dir;
  auto result =
      ExtractRtf(dir, R"({\rtf1\ansi\ansicpg1250\deff0{\fonttbl{\f0\fswiss\fcharset238 Arial CE;}}
\f0 za\'bf\'f3\'b3\'e6 g\'ea\'9cl\'b9 ja\'9f\'f1\par})",
                 "application/rtf");
  REQUIRE(result.ok());
  CHECK(result->text == "zażółć gęślą jaźń");
}

TEST_CASE("RTF \\u escapes honour \\uc fallbacks and surrogate pairs", "[indexer][rtf]") {
  test::TempDir dir;
  auto result = ExtractRtf(dir, R"({\rtf1\ansi Stra\u223?e {\uc2 Preis \u8364\'80\'80 netto}\par)"
                                R"(\u-10179?\u-8694? und \u-10240?allein \u99999?x \u-4064?})");
  REQUIRE(result.ok());
  // U+1F60A from a surrogate pair; an unpaired high surrogate and an
  // out-of-range value become U+FFFD; \u-4064 is U+F020.
  CHECK(result->text ==
        "Straße Preis € netto\n\xF0\x9F\x98\x8A und \xEF\xBF\xBD"
        "allein \xEF\xBF\xBDx \xEF\x80\xA0");
}

TEST_CASE("RTF double-byte code pages decode byte pairs together", "[indexer][rtf]") {
  test::TempDir dir;
  // Font 1 is Shift_JIS (\fcharset128); the trail byte of サ (83 54) is the
  // ASCII letter T, as Word writes it.
  auto result = ExtractRtf(
      dir, R"({\rtf1\ansi\deff0{\fonttbl{\f0\fcharset0 Arial;}{\f1\fcharset128 MS Gothic;}})"
           R"(\f1 \'81\'69\'82\'66\'82\'67\'82\'70\'81\'6a \'83T\f0  ok})");
  REQUIRE(result.ok());
  CHECK(result->text == "（ＧＨＱ） サ ok");
}

TEST_CASE("RTF font tables, pictures and unknown destinations stay out of the text",
          "[indexer][rtf]") {
  test::TempDir dir;
  auto result = ExtractRtf(
      dir,
      R"({\rtf1\ansi\deff0{\fonttbl{\f0\froman Times New Roman;}}{\colortbl;\red255\green0\blue0;})"
      R"({\stylesheet{\s1 Heading 1;}}{\info{\upr{\title Angebot M?ller}{\*\ud{\title Angebot )"
      R"(M\u252?ller}}}{\author Praktikant}{\author Erika Mustermann})"
      R"({\subject Heizung}{\keywords Wartung}{\creatim\yr2024\mo3\dy5\hr14\min7})"
      R"({\operator Sekretariat}}{\*\generator Writer;}Text vor Bild{\pict\pngblip\picw10 )"
      R"(89504e470d0a1a0a}{\*\unknowndest geheim}{\field{\*\fldinst HYPERLINK "http://x"})"
      R"({\fldrslt Linktext}} nach Bild{\header Kopfzeile}\par Tabelle: A\cell B\cell\row})");
  REQUIRE(result.ok());
  const std::string& text = result->text;
  CHECK(text.find("Text vor BildLinktext nach Bild") != std::string::npos);
  CHECK(text.find("Kopfzeile") != std::string::npos);
  CHECK(text.find("Tabelle: A\tB") != std::string::npos);
  for (const char* hidden : {"Times", "Heading", "89504e", "geheim", "HYPERLINK", "Writer",
                             "Sekretariat", "Angebot", "red255"}) {
    CHECK(text.find(hidden) == std::string::npos);
  }
  CHECK(result->metadata.title == "Angebot Müller");
  CHECK(result->metadata.author == "Erika Mustermann");
  CHECK(result->metadata.subject == "Heizung");
  CHECK(result->metadata.keywords == "Wartung");
  CHECK(result->metadata.created == "2024-03-05T14:07:00");
}

TEST_CASE("RTF binary data after \\bin is skipped, braces in it included", "[indexer][rtf]") {
  test::TempDir dir;
  auto result = ExtractRtf(dir, std::string(R"({\rtf1 vor {\*\blob\bin5 {}}\}} nach})"));
  REQUIRE(result.ok());
  CHECK(result->text == "vor  nach");
}

TEST_CASE("A truncated RTF keeps its text so far; a file without RTF header is corrupt",
          "[indexer][rtf]") {
  test::TempDir dir;
  auto truncated = ExtractRtf(dir, R"({\rtf1\ansi Anfang des Briefes\par Mitte {\b fett \'fc)");
  REQUIRE(truncated.ok());
  CHECK(truncated->text == "Anfang des Briefes\nMitte fett ü");

  auto not_rtf = ExtractRtf(dir, "Hallo, ich bin keine RTF-Datei");
  REQUIRE_FALSE(not_rtf.ok());
  CHECK(not_rtf.status().code() == StatusCode::kCorruption);
  CHECK_THAT(not_rtf.status().message(), Catch::Contains("corrupt or truncated"));
}

TEST_CASE("Deeply nested RTF groups are refused quickly, moderate nesting is read",
          "[indexer][rtf]") {
  test::TempDir dir;
  const auto start = std::chrono::steady_clock::now();
  auto deep = ExtractRtf(dir, "{\\rtf1 " + std::string(200000, '{') + "tief");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(5));
  REQUIRE_FALSE(deep.ok());
  CHECK(deep.status().code() == StatusCode::kCorruption);
  CHECK_THAT(deep.status().message(), Catch::Contains("nested deeper"));

  auto moderate = ExtractRtf(
      dir, "{\\rtf1 " + std::string(900, '{') + "innen" + std::string(900, '}') + " au\\'dfen}");
  REQUIRE(moderate.ok());
  CHECK(moderate->text == "innen außen");
}

}  // namespace
}  // namespace akte::indexer
