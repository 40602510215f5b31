#include <catch2/catch.hpp>

#include "extractor.h"
#include "fixtures.h"
#include "temp_dir.h"

namespace akte::indexer {
namespace {

Result<Extraction> ExtractBytes(const test::TempDir& dir, const std::string& bytes,
                                const std::string& mime = "application/pdf") {
  test::WriteFile(dir / "input", bytes);
  std::filesystem::create_directories(dir / "scratch");
  const Extractor* pdf = FindExtractor(mime);
  REQUIRE(pdf != nullptr);
  return pdf->Extract({dir / "input", "input.pdf", mime, dir / "scratch", 0, {}});
}

TEST_CASE("PDF text comes page by page with page breaks and metadata", "[indexer][pdf]") {
  test::TempDir dir;
  auto result = ExtractBytes(
      dir, test::MakePdf({"Wartungsvertrag Seite eins", "Preiserh\xC3\xB6hung auf Seite zwei",
                          "Gr\xC3\xBC\xC3\x9F"
                          "e auf Seite drei"},
                         "Vertrag M\xC3\xBCller"));
  REQUIRE(result.ok());
  CHECK(result->state == kExtracted);
  CHECK(result->metadata.page_count == 3);
  CHECK(result->metadata.title == "Vertrag Müller");
  const std::string& text = result->text;
  auto first = text.find(kPageBreak);
  auto second = text.find(kPageBreak, first + 1);
  REQUIRE(second != std::string::npos);
  CHECK(text.substr(0, first).find("Wartungsvertrag Seite eins") != std::string::npos);
  CHECK(text.substr(first, second - first).find("Preiserhöhung") != std::string::npos);
  CHECK(text.substr(second).find("Grüße") != std::string::npos);
}

TEST_CASE("PDF pages without a text layer need OCR, the others keep their text", "[indexer][pdf]") {
  test::TempDir dir;
  auto result = ExtractBytes(dir, test::MakePdf({"Deckblatt mit Text", ""}));
  REQUIRE(result.ok());
  CHECK(result->state == kNeedsOcr);
  CHECK(result->error == "1 of 2 pages have no text layer");
  CHECK(result->text.find("Deckblatt mit Text") != std::string::npos);
}

TEST_CASE("A truncated PDF is reported as corrupt, not crashed on", "[indexer][pdf]") {
  test::TempDir dir;
  auto result = ExtractBytes(dir, "%PDF-1.4\n1 0 obj\n<< /Type /Catalog");
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == StatusCode::kCorruption);
  CHECK_THAT(result.status().message(), Catch::Contains("corrupt or truncated"));
}

TEST_CASE("An encrypted PDF without password is reported as encrypted", "[indexer][pdf]") {
  test::TempDir dir;
  const auto file = test::SharedDir() / "corpus/pdf/pypdf-r2-user-password.pdf";
  auto result = ExtractBytes(dir, test::ReadFile(file));
  REQUIRE(result.ok());
  CHECK(result->state == kEncrypted);
  CHECK(result->text.empty());
}

TEST_CASE("Text stops at the size limit without splitting a character", "[indexer][pdf]") {
  test::TempDir dir;
  test::WriteFile(dir / "input", test::MakePdf({"\xC3\xA4\xC3\xA4\xC3\xA4\xC3\xA4 und mehr"}));
  std::filesystem::create_directories(dir / "scratch");
  ExtractionLimits limits;
  limits.max_text_bytes = 5;
  auto result =
      FindExtractor("application/pdf")
          ->Extract({dir / "input", "x.pdf", "application/pdf", dir / "scratch", 0, limits});
  REQUIRE(result.ok());
  CHECK(result->text_truncated);
  CHECK(result->text == "ää");
}

TEST_CASE("Legacy binary Office files get a clear unsupported state", "[indexer][pdf]") {
  test::TempDir dir;
  auto doc = ExtractBytes(dir, "not really OLE", "application/msword");
  REQUIRE(doc.ok());
  CHECK(doc->state == kUnsupported);
  CHECK_THAT(doc->error, Catch::Contains(".docx"));
  auto encrypted = ExtractBytes(dir, "x", "application/encrypted");
  REQUIRE(encrypted.ok());
  CHECK(encrypted->state == kEncrypted);
}

}  // namespace
}  // namespace akte::indexer
