// Notes and history events carried over from other software, as CSV and
// JSON Lines: original times and authors kept, the audit says "import",
// all lines or none.
#include <catch2/catch.hpp>

#include "akte/archive/import.h"
#include "catalog_fixture.h"

namespace akte::archive {
namespace {

struct HistoryFixture : CatalogFixture {
  Customer customer = Create("10001", "Bäckerei Müller");
  HistoryFixture() {
    Contact weber;
    weber.customer_id = customer.id;
    weber.first_name = "Thomas";
    weber.last_name = "Weber";
    REQUIRE(catalog->CreateContact(admin, weber).ok());
  }
  CustomerFile File() {
    auto file = catalog->GetCustomerFile(customer.id);
    REQUIRE(file.ok());
    return *file;
  }
};

}  // namespace

TEST_CASE_METHOD(HistoryFixture, "Events from JSON Lines keep their time, author and contact",
                 "[archive][import][history]") {
  const std::string jsonl =
      R"({"customer_number":"10001","at":"2019-03-04T10:15:00+01:00","type":"Anruf eingehend","author":"Bernd Berger","subject":"Rückfrage Angebot","text":"Wollte Preise wissen.","contact":"Thomas Weber"})"
      "\n\n"
      R"({"customer_number":"10001","at":"2019-05-02T08:00:00Z","type":"Termin","author":"anna","subject":"Vor-Ort-Termin","amount":1190.5,"number":"RE-2019-7","status":"bezahlt"})"
      "\n";
  auto report = ImportHistoryFile(*catalog, admin, jsonl, HistoryKind::kEvents);
  REQUIRE(report.ok());
  INFO((report->problems.empty() ? "" : report->problems.front().message));
  REQUIRE(report->ok());
  CHECK(report->imported == 2);
  CHECK(report->encoding == "UTF-8, JSON Lines");
  const CustomerFile file = File();
  REQUIRE(file.events.size() == 2);
  const Event& call = file.events[1];  // newest first
  CHECK(call.occurred_at == "2019-03-04T09:15:00Z");
  CHECK(call.author == "bernd");
  CHECK(call.contact_id == file.contacts.front().id);
  CHECK(file.events[0].text == "Betrag: 1190.5\nNummer: RE-2019-7\nStatus: bezahlt");
  auto audit = catalog->AuditTrail("event", call.id);
  REQUIRE(audit.ok());
  REQUIRE(audit->size() == 1);
  CHECK(audit->front().action == "import");
  CHECK(audit->front().username == "anna");  // who imported, beside the author kept
}

TEST_CASE_METHOD(HistoryFixture, "Notes from CSV keep their time and author",
                 "[archive][import][history]") {
  const std::string csv =
      "Kundennummer;Zeitpunkt;Autor;Text;Ansprechpartner\n"
      "10001;02.01.2018 09:30;bernd;\"Kunde wünscht Rückruf,\nwegen Migration\";Weber\n";
  auto report = ImportHistoryFile(*catalog, admin, csv, HistoryKind::kNotes);
  REQUIRE(report.ok());
  INFO((report->problems.empty() ? "" : report->problems.front().message));
  REQUIRE(report->ok());
  const CustomerFile file = File();
  REQUIRE(file.notes.size() == 1);
  CHECK(file.notes[0].author_name == "Bernd Berger");
  CHECK(file.notes[0].text == "Kunde wünscht Rückruf,\nwegen Migration");
  CHECK(file.notes[0].created_at.substr(0, 10) == "2018-01-02");
}

TEST_CASE_METHOD(HistoryFixture, "A bad line imports nothing and every problem names its line",
                 "[archive][import][history]") {
  const std::string jsonl =
      R"({"customer_number":"10001","at":"2019-03-04T10:15:00+01:00","type":"Anruf eingehend","author":"bernd","subject":"gut"})"
      "\n"
      R"({"customer_number":"10001","at":"2019-03-04T10:15:00+01:00","type":"Anruf eingehend","author":"Paul Vorgänger","subject":"x"})"
      "\n"
      R"({"customer_number":"10001","type":"Anruf eingehend","author":"bernd","subject":"ohne Zeit"})"
      "\n"
      R"({"customer_number":"10001","at":"2019-03-04","type":"Gibt es nicht","author":"bernd","subject":"x"})"
      "\n"
      R"({"customer_number":"10001","at":"2019-03-04","type":"Termin","author":"bernd","subject":"x","contact":"Niemand"})"
      "\n"
      R"({"customer_number":"10001","at":"2019-03-04","colour":"red"})"
      "\n"
      "kein JSON\n";
  auto report = ImportHistoryFile(*catalog, admin, jsonl, HistoryKind::kEvents);
  REQUIRE(report.ok());
  REQUIRE(report->problems.size() == 6);
  CHECK(report->problems[0].line == 2);
  CHECK_THAT(report->problems[0].message, Catch::Contains("Paul Vorgänger"));
  CHECK(report->problems[1].line == 3);
  CHECK(report->problems[2].line == 4);
  CHECK(report->problems[3].line == 5);
  CHECK_THAT(report->problems[3].message, Catch::Contains("Niemand"));
  CHECK(report->problems[4].line == 6);
  CHECK_THAT(report->problems[4].message, Catch::Contains("colour"));
  CHECK(report->problems[5].line == 7);
  CHECK(report->imported == 0);
  CHECK(File().events.empty());
}

}  // namespace akte::archive
