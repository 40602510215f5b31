#include "mime.h"

#include <catch2/catch.hpp>

#include "fixtures.h"
#include "temp_dir.h"

namespace akte::indexer {
namespace {

TEST_CASE("MIME detection trusts the bytes over the name", "[indexer][mime]") {
  test::TempDir dir;
  test::WriteFile(dir / "rechnung.txt", test::MakePdf({"Rechnung"}));
  CHECK(DetectMimeType(dir / "rechnung.txt", "rechnung.txt") == "application/pdf");
  test::WriteFile(dir / "bild.pdf", "just some words, not a PDF at all\n");
  CHECK(DetectMimeType(dir / "bild.pdf", "bild.pdf") == "text/plain");
}

TEST_CASE("MIME detection uses the name only to break ties", "[indexer][mime]") {
  test::TempDir dir;
  test::WriteFile(dir / "kunden.csv", "Nummer;Name\n1;Müller\n");
  CHECK(DetectMimeType(dir / "kunden.csv", "kunden.csv") == "text/csv");
  test::WriteFile(dir / "a.zip", test::MakeZip({{"word/document.xml", "<w:document/>"}}));
  CHECK(DetectMimeType(dir / "a.zip", "Angebot.docx") ==
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  test::WriteFile(dir / "b.zip", test::MakeZip({{"readme.txt", "hello"}}));
  CHECK(DetectMimeType(dir / "b.zip", "bundle.zip") == "application/zip");
  CHECK(DetectMimeType(dir / "b.zip", "bundle.docx") ==
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
}

TEST_CASE("MIME detection refinement table", "[indexer][mime]") {
  CHECK(RefineMimeType("text/plain", "notes.md") == "text/markdown");
  CHECK(RefineMimeType("text/plain", "mail.eml") == "message/rfc822");
  CHECK(RefineMimeType("application/pdf", "fake.docx") == "application/pdf");
  CHECK(RefineMimeType("image/png", "scan.txt") == "image/png");
  CHECK(RefineMimeType("text/xml", "index.html") == "application/xhtml+xml");
  CHECK(RefineMimeType("text/xml", "data.xml") == "text/xml");
  CHECK(RefineMimeType("text/html", "newsletter.eml") == "message/rfc822");
  CHECK(RefineMimeType("text/html", "post.mbox") == "application/mbox");
  CHECK(RefineMimeType("application/octet-stream", "utf16.txt") == "text/plain");
  CHECK(RefineMimeType("application/octet-stream", "blob.bin") == "application/octet-stream");
}

}  // namespace
}  // namespace akte::indexer
