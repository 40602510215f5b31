#include <catch2/catch.hpp>

#include "extractor.h"
#include "fixtures.h"
#include "temp_dir.h"

namespace akte::indexer {
namespace {

Result<Extraction> Extract(const test::TempDir& dir, const std::string& bytes,
                           const std::string& mime, ExtractionLimits limits = {}, int depth = 0) {
  test::WriteFile(dir / "input", bytes);
  std::filesystem::create_directories(dir / "scratch");
  const Extractor* handler = FindExtractor(mime);
  REQUIRE(handler != nullptr);
  return handler->Extract({dir / "input", "post.eml", mime, dir / "scratch", depth, limits});
}

std::string Base64(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    std::uint32_t n = static_cast<unsigned char>(bytes[i]) << 16;
    if (i + 1 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 1]) << 8;
    if (i + 2 < bytes.size()) n |= static_cast<unsigned char>(bytes[i + 2]);
    out += kAlphabet[(n >> 18) & 63];
    out += kAlphabet[(n >> 12) & 63];
    out += i + 1 < bytes.size() ? kAlphabet[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[n & 63] : '=';
    if (out.size() % 77 == 76) out += '\n';
  }
  return out;
}

// A message with a Latin-1 body and a PDF attachment, as Outlook sends them.
std::string InvoiceMail(const std::string& pdf) {
  return "From: =?ISO-8859-1?Q?J=FCrgen_M=FCller?= <j.mueller@example.de>\n"
         "To: Buchhaltung <buchhaltung@example.com>\n"
         "Cc: =?UTF-8?B?" +
         Base64("Anna Sch\xC3\xB6n") +
         "?= <anna@example.com>\n"
         "Subject: =?ISO-8859-1?Q?Rechnung_f=FCr_M=E4rz?=\n"
         "Date: Tue, 05 Mar 2024 10:30:00 +0100\n"
         "Message-ID: <4711@example.de>\n"
         "MIME-Version: 1.0\n"
         "Content-Type: multipart/mixed; boundary=\"grenze\"\n"
         "\n"
         "--grenze\n"
         "Content-Type: text/plain; charset=ISO-8859-1\n"
         "Content-Transfer-Encoding: quoted-printable\n"
         "\n"
         "Sehr geehrte Damen und Herren,\n"
         "anbei die Rechnung f=FCr M=E4rz =FCber 250 Euro.\n"
         "--grenze\n"
         "Content-Type: application/pdf\n"
         "Content-Disposition: attachment; filename*=ISO-8859-1''Rechnung%20M%E4rz.pdf\n"
         "Content-Transfer-Encoding: base64\n"
         "\n" +
         Base64(pdf) +
         "\n"
         "--grenze--\n";
}

TEST_CASE("Email attachments become child files with their decoded bytes", "[indexer][email]") {
  test::TempDir dir;
  const std::string pdf = test::MakePdf({"Rechnungsbetrag 250 Euro"});
  auto result = Extract(dir, InvoiceMail(pdf), "message/rfc822");
  REQUIRE(result.ok());
  CHECK(result->state == kExtracted);
  REQUIRE(result->children.size() == 1);
  const Child& child = result->children[0];
  CHECK(child.name == "Rechnung März.pdf");
  CHECK(child.path_in_parent == "attachment 1");
  CHECK(child.file.parent_path() == dir / "scratch");
  CHECK(test::ReadFile(child.file) == pdf);
}

TEST_CASE("Email headers are decoded into metadata and lead the text", "[indexer][email]") {
  test::TempDir dir;
  auto result = Extract(dir, InvoiceMail(test::MakePdf({"x"})), "message/rfc822");
  REQUIRE(result.ok());
  const Metadata& m = result->metadata;
  CHECK(m.title == "Rechnung für März");
  CHECK_THAT(m.author, Catch::Contains("Jürgen Müller") && Catch::Contains("j.mueller@example.de"));
  CHECK(m.from == m.author);
  CHECK_THAT(m.to, Catch::Contains("buchhaltung@example.com"));
  CHECK_THAT(m.cc, Catch::Contains("Anna Schön"));
  CHECK(m.date == "2024-03-05T09:30:00Z");
  CHECK(m.message_id == "4711@example.de");
  CHECK_THAT(result->text, Catch::StartsWith("From: "));
  CHECK_THAT(result->text, Catch::Contains("\nSubject: Rechnung für März\n"));
  CHECK_THAT(result->text, Catch::Contains("Rechnung März.pdf"));
  // The quoted-printable Latin-1 body, decoded.
  CHECK_THAT(result->text, Catch::Contains("anbei die Rechnung für März über 250 Euro."));
}

TEST_CASE("An HTML-only email is read as text", "[indexer][email]") {
  test::TempDir dir;
  auto result = Extract(dir,
                        "From: termine@example.com\n"
                        "To: kunde@example.de\n"
                        "Subject: Termin\n"
                        "MIME-Version: 1.0\n"
                        "Content-Type: text/html; charset=utf-8\n"
                        "\n"
                        "<html><body><p>Ihr Termin am <b>Montag</b> ist best&auml;tigt.</p>"
                        "<script>tracking()</script></body></html>\n",
                        "message/rfc822");
  REQUIRE(result.ok());
  CHECK_THAT(result->text, Catch::Contains("Ihr Termin am Montag ist bestätigt."));
  CHECK_THAT(result->text, !Catch::Contains("<p>"));
  CHECK_THAT(result->text, !Catch::Contains("tracking"));
  CHECK(result->children.empty());
}

TEST_CASE("A 7-bit ISO-2022-JP body is decoded by its declared charset", "[indexer][email]") {
  test::TempDir dir;
  auto result = Extract(dir,
                        "From: tanaka@example.jp\n"
                        "Subject: =?ISO-2022-JP?B?GyRCRnxLXDhsGyhC?=\n"
                        "MIME-Version: 1.0\n"
                        "Content-Type: text/plain; charset=ISO-2022-JP\n"
                        "\n"
                        "\x1B$BF|K\\8l$N%F%-%9%H\x1B(B\n",
                        "message/rfc822");
  REQUIRE(result.ok());
  CHECK(result->metadata.title == "日本語");
  CHECK_THAT(result->text, Catch::Contains("日本語のテキスト"));
}

TEST_CASE("Email attachments beyond the size limits fail the email", "[indexer][email]") {
  test::TempDir dir;
  ExtractionLimits limits;
  limits.max_member_bytes = 100;
  auto result = Extract(dir, InvoiceMail(test::MakePdf({"groß genug"})), "message/rfc822", limits);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == StatusCode::kTooLarge);
  CHECK_THAT(result.status().message(), Catch::Contains("an attachment larger than 100 bytes"));
}

// Plain and HTML alternatives, an unnamed image, an attached message and a
// file name that tries to leave the scratch directory.
const char* const kMixedMail =
    "From: a@example.com\n"
    "Subject: Unterlagen\n"
    "MIME-Version: 1.0\n"
    "Content-Type: multipart/mixed; boundary=\"aussen\"\n"
    "\n"
    "--aussen\n"
    "Content-Type: multipart/alternative; boundary=\"innen\"\n"
    "\n"
    "--innen\n"
    "Content-Type: text/plain; charset=us-ascii\n"
    "\n"
    "Die Unterlagen im Anhang.\n"
    "--innen\n"
    "Content-Type: text/html; charset=us-ascii\n"
    "\n"
    "<p>Die <i>Unterlagen</i> im Anhang (HTML).</p>\n"
    "--innen--\n"
    "--aussen\n"
    "Content-Type: image/png\n"
    "Content-Transfer-Encoding: base64\n"
    "\n"
    "iVBORw0KGgo=\n"
    "--aussen\n"
    "Content-Type: message/rfc822\n"
    "\n"
    "From: b@example.com\n"
    "Subject: Weitergeleitet\n"
    "\n"
    "Innere Nachricht\n"
    "--aussen\n"
    "Content-Type: text/plain\n"
    "Content-Disposition: attachment; filename=\"../../etc/passwd\"\n"
    "\n"
    "root:x:0:0\n"
    "--aussen--\n";

TEST_CASE("Email reads one alternative and names every attachment safely", "[indexer][email]") {
  test::TempDir dir;
  auto result = Extract(dir, kMixedMail, "message/rfc822");
  REQUIRE(result.ok());
  CHECK_THAT(result->text, Catch::Contains("Die Unterlagen im Anhang."));
  CHECK_THAT(result->text, !Catch::Contains("(HTML)"));
  REQUIRE(result->children.size() == 3);
  CHECK(result->children[0].name == "attachment-1.png");
  CHECK(test::ReadFile(result->children[0].file) == "\x89PNG\r\n\x1A\n");
  CHECK(result->children[1].name == "Weitergeleitet.eml");
  CHECK_THAT(test::ReadFile(result->children[1].file), Catch::Contains("Innere Nachricht"));
  CHECK(result->children[2].name.find('/') == std::string::npos);
  CHECK_THAT(result->children[2].name, Catch::EndsWith("passwd"));
  for (const Child& child : result->children) {
    CHECK(child.file.parent_path() == dir / "scratch");
  }
}

TEST_CASE("Email attachments beyond the member limit fail the email", "[indexer][email]") {
  test::TempDir dir;
  ExtractionLimits limits;
  limits.max_members = 2;
  auto result = Extract(dir, kMixedMail, "message/rfc822", limits);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == StatusCode::kTooLarge);
  CHECK_THAT(result.status().message(), Catch::Contains("archive limits exceeded"));
}

TEST_CASE("Email at the nesting limit keeps its text but writes no children", "[indexer][email]") {
  test::TempDir dir;
  ExtractionLimits limits;
  auto result = Extract(dir, kMixedMail, "message/rfc822", limits, limits.max_depth);
  REQUIRE(result.ok());
  CHECK_THAT(result->text, Catch::Contains("Die Unterlagen im Anhang."));
  CHECK(result->children.empty());
  CHECK_THAT(result->error, Catch::Contains("depth"));
  CHECK(test::CountFiles(dir / "scratch") == 0);
}

TEST_CASE("An mbox with two messages yields two .eml children", "[indexer][mbox]") {
  test::TempDir dir;
  auto mbox = Extract(dir,
                      "From erika@example.com Mon Jan  1 08:00:00 2024\n"
                      "From: Erika Muster <erika@example.com>\n"
                      "Subject: Erste Nachricht\n"
                      "Date: Mon, 1 Jan 2024 08:00:00 +0000\n"
                      "\n"
                      "Hallo eins\n"
                      "\n"
                      "From max@example.com Tue Jan  2 09:00:00 2024\n"
                      "From: Max Muster <max@example.com>\n"
                      "Subject: Zweite Nachricht\n"
                      "Date: Tue, 2 Jan 2024 09:00:00 +0000\n"
                      "\n"
                      "Hallo zwei\n",
                      "application/mbox");
  REQUIRE(mbox.ok());
  REQUIRE(mbox->children.size() == 2);
  CHECK(mbox->children[0].name == "message-0001.eml");
  CHECK(mbox->children[0].path_in_parent == "message 1: Erste Nachricht");
  CHECK(mbox->children[1].path_in_parent == "message 2: Zweite Nachricht");
  CHECK_THAT(mbox->text, Catch::Contains("Erika Muster") && Catch::Contains("Zweite Nachricht"));

  // Each child is a message of its own for the email handler.
  test::TempDir child_dir;
  auto second = Extract(child_dir, test::ReadFile(mbox->children[1].file), "message/rfc822");
  REQUIRE(second.ok());
  CHECK(second->metadata.title == "Zweite Nachricht");
  CHECK_THAT(second->text, Catch::Contains("Hallo zwei"));
  CHECK_THAT(second->text, !Catch::Contains("Hallo eins"));
}

TEST_CASE("A file that is no mbox is reported as corrupt", "[indexer][mbox]") {
  test::TempDir dir;
  auto result = Extract(dir, "Dies ist keine Mailbox.\n", "application/mbox");
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == StatusCode::kCorruption);
}

}  // namespace
}  // namespace akte::indexer
