#include <catch2/catch.hpp>

#include "charset.h"
#include "extractor.h"
#include "temp_dir.h"

namespace akte::indexer {
namespace {

Result<Extraction> ExtractText(const test::TempDir& dir, const std::string& bytes,
                               ExtractionLimits limits = {}) {
  test::WriteFile(dir / "input", bytes);
  std::filesystem::create_directories(dir / "scratch");
  const Extractor* text = FindExtractor("text/plain");
  REQUIRE(text != nullptr);
  return text->Extract({dir / "input", "brief.txt", "text/plain", dir / "scratch", 0, limits});
}

// `ascii` as UTF-16LE code units.
std::string Utf16Le(std::string_view ascii) {
  std::string out;
  for (char c : ascii) {
    out.push_back(c);
    out.push_back('\0');
  }
  return out;
}

TEST_CASE("A Windows-1252 text with umlauts comes out as UTF-8", "[indexer][text]") {
  test::TempDir dir;
  auto result = ExtractText(dir,
                            "Sehr geehrte Frau M\xFCller,\n"
                            "vielen Dank f\xFCr Ihre Anfrage. Die Rechnung \xFC"
                            "ber 120 \x80 "
                            "liegt bei, die Gr\xF6\xDF"
                            "e der Anlage ist gering.\n"
                            "Mit freundlichen Gr\xFC\xDF"
                            "en\n");
  REQUIRE(result.ok());
  CHECK(result->state == kExtracted);
  CHECK_THAT(result->text, Catch::Contains("Frau Müller"));
  CHECK_THAT(result->text, Catch::Contains("über 120 €"));
  CHECK_THAT(result->text, Catch::Contains("Mit freundlichen Grüßen"));
  CHECK(IsValidUtf8(result->text));
}

TEST_CASE("UTF-16LE text with a byte order mark is decoded", "[indexer][text]") {
  test::TempDir dir;
  auto result = ExtractText(
      dir, "\xFF\xFE" + Utf16Le("K") + std::string("\xFC\x00", 2) + Utf16Le("ndigung zum 31.12."));
  REQUIRE(result.ok());
  CHECK(result->text == "Kündigung zum 31.12.");
}

TEST_CASE("UTF-16 and UTF-32 text without a byte order mark is recognised", "[indexer][text]") {
  test::TempDir dir;
  auto utf16 = ExtractText(dir, Utf16Le("Lieferschein Nummer 4711 vom Montag"));
  REQUIRE(utf16.ok());
  CHECK(utf16->text == "Lieferschein Nummer 4711 vom Montag");

  std::string utf32;
  for (char c : std::string_view("Mahnung")) utf32 += std::string("\0\0\0", 3) + c;
  auto big_endian = ExtractText(dir, utf32);
  REQUIRE(big_endian.ok());
  CHECK(big_endian->text == "Mahnung");
}

TEST_CASE("Invalid bytes show as U+FFFD instead of vanishing", "[indexer][text]") {
  test::TempDir dir;
  // UTF-8 with one damaged byte: the damage shows, the rest stays readable.
  auto result = ExtractText(dir,
                            "Gr\xC3\xBC\xC3\x9F"
                            "e aus M\xC3\xBCnchen, Stra\xC3\x9F"
                            "e \xFF Nr. 3, sch\xC3\xB6n\n");
  REQUIRE(result.ok());
  CHECK(result->text == "Grüße aus München, Straße \xEF\xBF\xBD Nr. 3, schön\n");
}

TEST_CASE("ISO-2022-JP text is recognised by its escape sequences", "[indexer][text]") {
  test::TempDir dir;
  // "日本語のテキスト" in ISO-2022-JP: 7-bit bytes that would pass for ASCII.
  auto result = ExtractText(dir, "\x1B$BF|K\\8l$N%F%-%9%H\x1B(B\n");
  REQUIRE(result.ok());
  CHECK(result->text == "日本語のテキスト\n");
}

TEST_CASE("Binary data claimed to be text is unsupported, not indexed", "[indexer][text]") {
  test::TempDir dir;
  std::string binary = "\x89PNG\r\n\x1A\n";
  for (int i = 0; i < 200; ++i) binary += std::string("\0\0\0\rIHDR\x01\x02\x7F", 12);
  auto result = ExtractText(dir, binary);
  REQUIRE(result.ok());
  CHECK(result->state == kUnsupported);
  CHECK_THAT(result->error, Catch::Contains("binary"));
  CHECK(result->text.empty());
}

TEST_CASE("Plain text stops at the text size limit", "[indexer][text]") {
  test::TempDir dir;
  ExtractionLimits limits;
  limits.max_text_bytes = 10;
  auto result = ExtractText(dir, "Protokoll der Sitzung vom 3. Mai\n", limits);
  REQUIRE(result.ok());
  CHECK(result->text == "Protokoll ");
  CHECK(result->text_truncated);
}

}  // namespace
}  // namespace akte::indexer
