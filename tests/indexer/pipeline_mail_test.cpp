// Emails and bundles through the whole pipeline: filing by address, history
// entries, the inbox, and files found inside other files.
#include <catch2/catch.hpp>

#include "fixtures.h"
#include "pipeline_fixture.h"

namespace akte::indexer {
namespace {

using test::PipelineFixture;

std::string Mail(const std::string& from, const std::string& to, const std::string& subject,
                 const std::string& body) {
  return "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject +
         "\r\nDate: Tue, 04 Mar 2025 10:15:00 +0100\r\nMessage-ID: <" + subject.substr(0, 8) +
         "@example>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-8859-1\r\n"
         "Content-Transfer-Encoding: quoted-printable\r\n\r\n" +
         body + "\r\n";
}

std::vector<archive::Event> EventsOf(PipelineFixture& f, archive::Id customer_id) {
  auto file = f.dir->catalog().GetCustomerFile(customer_id);
  REQUIRE(file.ok());
  return file->events;
}

TEST_CASE("An email without a customer is filed by its sender's domain and recorded as incoming",
          "[indexer][pipeline][mail]") {
  PipelineFixture f;
  auto mail = f.File("nachricht.eml",
                     Mail("Thomas Weber <t.weber@mueller-maschinenbau.de>",
                          "Jana Schreiber <jana@schreiber-it.de>",
                          "=?ISO-8859-1?Q?R=FCckfrage_Migrationsprojekt?=",
                          "Guten Tag, wann beginnt die Migration? Gr=FC=DFe"),
                     std::nullopt);
  f.Extract();
  auto doc = f.Reload(mail.id);
  CHECK(doc.extraction_state == "extracted");
  REQUIRE(doc.customer_id);
  CHECK(*doc.customer_id == f.customer.id);
  CHECK(doc.title == "Rückfrage Migrationsprojekt");
  CHECK(doc.document_date == "2025-03-04");  // from its Date header, as it was filed without one
  auto events = EventsOf(f, f.customer.id);
  REQUIRE(events.size() == 1);
  CHECK(events[0].type == "E-Mail eingehend");
  CHECK(events[0].subject == "Rückfrage Migrationsprojekt");
  CHECK(events[0].occurred_at == "2025-03-04T09:15:00Z");
  CHECK(events[0].document_ids == std::vector<archive::Id>{mail.id});
  CHECK(events[0].text.find("Grüße") != std::string::npos);
}

TEST_CASE("An email the firm sent is recorded as outgoing", "[indexer][pipeline][mail]") {
  PipelineFixture f;
  REQUIRE(f.dir->catalog().SetSetting(f.admin, "firm.email_addresses", "@schreiber-it.de").ok());
  f.File("angebot.eml",
         Mail("jana@schreiber-it.de", "info@mueller-maschinenbau.de", "Angebot ERP",
              "anbei das Angebot"),
         std::nullopt);
  f.Extract();
  auto events = EventsOf(f, f.customer.id);
  REQUIRE(events.size() == 1);
  CHECK(events[0].type == "E-Mail ausgehend");
}

TEST_CASE("An email no customer matches waits in the inbox until a person files it",
          "[indexer][pipeline][mail]") {
  PipelineFixture f;
  auto mail = f.File("fremd.eml",
                     Mail("info@unbekannt-gmbh.de", "jana@schreiber-it.de", "Anfrage", "Hallo"),
                     std::nullopt);
  f.Extract();
  auto inbox = f.dir->catalog().Inbox();
  REQUIRE(inbox.ok());
  REQUIRE(inbox->size() == 1);
  CHECK((*inbox)[0].id == mail.id);
  CHECK_THAT((*inbox)[0].inbox_reason, Catch::Contains("info@unbekannt-gmbh.de"));
  CHECK(EventsOf(f, f.customer.id).empty());

  auto filed = AssignFromInbox(*f.dir, f.admin, mail.id, f.customer.id);
  REQUIRE(filed.ok());
  CHECK(filed->customer_id == f.customer.id);
  CHECK(f.dir->catalog().Inbox()->empty());
  auto events = EventsOf(f, f.customer.id);
  REQUIRE(events.size() == 1);
  CHECK(events[0].subject == "Anfrage");
}

TEST_CASE("An email matching several customers is not guessed", "[indexer][pipeline][mail]") {
  PipelineFixture f;
  archive::Customer other;
  other.number = "10002";
  other.company = "Müller Service";
  other.emails = {"service@mueller-maschinenbau.de"};
  REQUIRE(f.dir->catalog().CreateCustomer(f.admin, other).ok());
  auto mail =
      f.File("x.eml", Mail("chef@mueller-maschinenbau.de", "jana@schreiber-it.de", "Frage", "Text"),
             std::nullopt);
  f.Extract();
  auto doc = f.Reload(mail.id);
  CHECK_FALSE(doc.customer_id);
  CHECK_THAT(doc.inbox_reason, Catch::Contains("several customers"));
  CHECK_THAT(doc.inbox_reason, Catch::Contains("10001"));
  CHECK_THAT(doc.inbox_reason, Catch::Contains("10002"));
}

TEST_CASE("An email's attachment becomes a child document with its own text",
          "[indexer][pipeline][mail]") {
  PipelineFixture f;
  const std::string pdf = akte::test::MakePdf({"Rechnung RE-2024-0042 Wartung"});
  std::string base64;
  {
    static const char* kAlphabet =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::size_t i = 0;
    for (; i + 2 < pdf.size(); i += 3) {
      unsigned n = (static_cast<unsigned char>(pdf[i]) << 16) |
                   (static_cast<unsigned char>(pdf[i + 1]) << 8) |
                   static_cast<unsigned char>(pdf[i + 2]);
      for (int k = 18; k >= 0; k -= 6) base64.push_back(kAlphabet[(n >> k) & 63]);
      if (base64.size() % 77 == 76) base64 += "\r\n";
    }
    if (i < pdf.size()) {
      unsigned n = static_cast<unsigned char>(pdf[i]) << 16;
      if (i + 1 < pdf.size()) n |= static_cast<unsigned char>(pdf[i + 1]) << 8;
      base64.push_back(kAlphabet[(n >> 18) & 63]);
      base64.push_back(kAlphabet[(n >> 12) & 63]);
      base64.push_back(i + 1 < pdf.size() ? kAlphabet[(n >> 6) & 63] : '=');
      base64.push_back('=');
    }
  }
  const std::string mail =
      "From: t.weber@mueller-maschinenbau.de\r\nTo: jana@schreiber-it.de\r\nSubject: Rechnung\r\n"
      "Date: Tue, 04 Mar 2025 10:15:00 +0100\r\nMIME-Version: 1.0\r\n"
      "Content-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n--b1\r\n"
      "Content-Type: text/plain; charset=utf-8\r\n\r\nAnbei die Rechnung.\r\n--b1\r\n"
      "Content-Type: application/pdf; name=\"Rechnung.pdf\"\r\n"
      "Content-Disposition: attachment; filename=\"Rechnung.pdf\"\r\n"
      "Content-Transfer-Encoding: base64\r\n\r\n" +
      base64 + "\r\n--b1--\r\n";
  auto parent = f.File("rechnung.eml", mail);
  auto summary = f.Extract();
  CHECK(summary.documents == 2);
  auto documents = f.dir->catalog().ListDocuments(f.customer.id);
  REQUIRE(documents.ok());
  const archive::Document* attachment = nullptr;
  for (const auto& d : *documents) {
    if (d.parent_id == parent.id) attachment = &d;
  }
  REQUIRE(attachment != nullptr);
  CHECK(attachment->filename == "Rechnung.pdf");
  CHECK(attachment->extraction_state == "extracted");
  CHECK(f.TextOf(attachment->id).find("RE-2024-0042") != std::string::npos);
}

TEST_CASE("A zip holding a zip holding a PDF yields the PDF's text",
          "[indexer][pipeline][bundle]") {
  PipelineFixture f;
  const std::string pdf = akte::test::MakePdf({"Datenschutz-Audit Ergebnis"});
  const std::string inner = akte::test::MakeZip({{"berichte/audit.pdf", pdf}});
  const std::string outer =
      akte::test::MakeZip({{"archiv/inner.zip", inner}, {"liesmich.txt", "Hallo"}});
  f.File("akten.zip", outer);
  auto summary = f.Extract();
  CHECK(summary.documents == 4);  // outer, inner, audit.pdf, liesmich.txt
  CHECK(summary.by_state["extracted"] == 4);
  auto documents = f.dir->catalog().ListDocuments(f.customer.id);
  REQUIRE(documents.ok());
  bool found = false;
  for (const auto& d : *documents) {
    if (d.filename == "audit.pdf") {
      found = true;
      CHECK(d.path_in_parent == "berichte/audit.pdf");
      CHECK(f.TextOf(d.id).find("Datenschutz-Audit") != std::string::npos);
      auto depth = f.dir->catalog().DocumentDepth(d.id);
      CHECK(*depth == 2);
    }
  }
  CHECK(found);
}

TEST_CASE("Mail import files each message of an mbox once", "[indexer][pipeline][mail]") {
  PipelineFixture f;
  const std::string mbox =
      "From t.weber@mueller-maschinenbau.de Tue Mar  4 10:15:00 2025\n" +
      Mail("t.weber@mueller-maschinenbau.de", "jana@schreiber-it.de", "Erste Nachricht", "eins") +
      "\nFrom x@unbekannt.de Wed Mar  5 10:15:00 2025\n" +
      Mail("x@unbekannt.de", "jana@schreiber-it.de", "Zweite Nachricht", "zwei") + "\n";
  akte::test::WriteFile(f.tmp / "post.mbox", mbox);
  ExtractionPipeline pipeline(*f.dir, f.options);
  auto ids = pipeline.ImportMailbox(f.admin, f.tmp / "post.mbox");
  REQUIRE(ids.ok());
  CHECK(ids->size() == 2);
  REQUIRE(pipeline.ExtractPending().ok());
  CHECK(EventsOf(f, f.customer.id).size() == 1);
  CHECK(f.dir->catalog().Inbox()->size() == 1);

  auto again = pipeline.ImportMailbox(f.admin, f.tmp / "post.mbox");
  REQUIRE(again.ok());
  CHECK(again->empty());
}

}  // namespace
}  // namespace akte::indexer
