// The `akte` command as a user runs it: a real process on a real data directory.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "akte_process.h"

namespace akte::cli {
namespace {

using test::Akte;
using test::InitializedAkte;
using test::ProcessResult;
using test::RunProcess;
using test::TempDir;

TEST_CASE("akte without a data directory says how to create one and exits 4", "[cli]") {
  Akte akte;
  auto r = akte({"customer", "list"});
  CHECK(r.exit_code == 4);
  CHECK_THAT(r.err, Catch::Contains("akte init"));
}

TEST_CASE("akte with an unknown option exits 2 with a usage hint", "[cli]") {
  InitializedAkte akte;
  auto r = akte({"customer", "list", "--colour"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--colour"));
}

TEST_CASE("akte customer add, edit and show round-trip master data", "[cli]") {
  InitializedAkte akte;
  akte.Ok({"field", "define", "1", "Branche"});
  akte.Ok({"customer", "add", "10001", "--company", "Müller Maschinenbau", "--legal-form", "GmbH",
           "--city", "München", "--email", "info@mueller.de", "--phone", "089 123", "--field",
           "1=Maschinenbau"});
  akte.Ok({"customer", "edit", "10001", "--city", "Augsburg"});
  auto shown = akte.Ok({"customer", "show", "10001", "--json"});
  auto file = nlohmann::json::parse(shown.out);
  CHECK(file["customer"]["company"] == "Müller Maschinenbau");
  CHECK(file["customer"]["city"] == "Augsburg");
  CHECK(file["customer"]["version"] == 2);
  CHECK(file["customer"]["custom_fields"]["1"] == "Maschinenbau");

  auto duplicate = akte({"customer", "add", "10001", "--company", "Noch einer"});
  CHECK(duplicate.exit_code == 5);
  CHECK_THAT(duplicate.err, Catch::Contains("already taken"));

  auto bad_email = akte({"customer", "add", "10002", "--company", "X", "--email", "x@"});
  CHECK(bad_email.exit_code == 3);
}

TEST_CASE("akte customer import with a broken row imports nothing and exits 3", "[cli]") {
  InitializedAkte akte;
  test::WriteFile(akte.dir / "kunden.csv",
                  "Kundennummer;Firma;E-Mail\n1;A GmbH;a@a.de\n2;B GmbH;kaputt\n3;C GmbH;c@c.de\n");
  auto r = akte({"customer", "import", (akte.dir / "kunden.csv").string()});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("line 3:"));
  CHECK_THAT(r.err, Catch::Contains("nothing imported"));
  auto list = akte.Ok({"customer", "list", "--json"});
  CHECK(nlohmann::json::parse(list.out).empty());

  test::WriteFile(akte.dir / "kunden.csv", "Kundennummer;Firma\n1;A GmbH\n2;B GmbH\n");
  auto dry = akte.Ok({"customer", "import", "--dry-run", (akte.dir / "kunden.csv").string()});
  CHECK_THAT(dry.out, Catch::Contains("would be imported"));
  CHECK(nlohmann::json::parse(akte.Ok({"customer", "list", "--json"}).out).empty());
  akte.Ok({"customer", "import", (akte.dir / "kunden.csv").string()});
  CHECK(nlohmann::json::parse(akte.Ok({"customer", "list", "--json"}).out).size() == 2);
}

TEST_CASE("akte doc add and doc get return the original bytes", "[cli]") {
  InitializedAkte akte;
  akte.Ok({"customer", "add", "10001", "--company", "Müller"});
  std::string bytes;
  for (int i = 0; i < 300000; ++i) bytes.push_back(static_cast<char>(i * 7 % 256));
  test::WriteFile(akte.dir / "Vertrag 2024.pdf", bytes);
  auto added = akte.Ok({"doc", "add", "10001", (akte.dir / "Vertrag 2024.pdf").string(), "--type",
                        "Vertrag", "--date", "01.02.2024"});
  CHECK_THAT(added.out, Catch::Contains("Filed document 1"));
  auto again = akte.Ok({"doc", "add", "10001", (akte.dir / "Vertrag 2024.pdf").string()});
  CHECK_THAT(again.out, Catch::Contains("Already filed as document 1"));

  akte.Ok({"doc", "get", "1", "-o", (akte.dir / "copy.pdf").string()});
  CHECK(test::ReadFile(akte.dir / "copy.pdf") == bytes);
  auto to_stdout = akte.Ok({"doc", "get", "1"});
  CHECK(to_stdout.out == bytes);

  auto shown = nlohmann::json::parse(akte.Ok({"doc", "show", "1", "--json"}).out);
  CHECK(shown["filename"] == "Vertrag 2024.pdf");
  CHECK(shown["type"] == "Vertrag");
  CHECK(shown["document_date"] == "2024-02-01");
  // Random bytes named .pdf: detected from the bytes, not trusted by name.
  CHECK(shown["state"] == "unsupported-format");
  CHECK(shown["mime_type"] == "application/octet-stream");

  CHECK(akte({"doc", "get", "99"}).exit_code == 4);
  CHECK(akte({"doc", "get", "../../etc/passwd"}).exit_code == 3);
}

TEST_CASE("akte note add takes author and time from akte, text from stdin", "[cli]") {
  InitializedAkte akte;
  akte.Ok({"user", "add", "tobias", "--role", "staff"});
  akte.Ok({"customer", "add", "10001", "--company", "Müller"});
  akte.Ok({"--user", "tobias", "note", "add", "10001", "-"},
          "Kunde erwähnt das Migrationsprojekt.\n");
  auto file = nlohmann::json::parse(akte.Ok({"customer", "show", "10001", "--json"}).out);
  REQUIRE(file["notes"].size() == 1);
  CHECK(file["notes"][0]["author"] == "tobias");
  CHECK(file["notes"][0]["text"] == "Kunde erwähnt das Migrationsprojekt.");
  CHECK_FALSE(file["notes"][0]["created_at"].get<std::string>().empty());
  CHECK(akte({"--user", "nobody", "note", "add", "10001", "x"}).exit_code == 4);
}

TEST_CASE("akte customer show prints the whole file as one timeline", "[cli]") {
  InitializedAkte akte;
  akte.Ok({"customer", "add", "10001", "--company", "Müller", "--city", "Köln"});
  akte.Ok({"contact", "add", "10001", "--first-name", "Anna", "--last-name", "Berg", "--role",
           "Einkauf"});
  akte.Ok({"conditions", "set", "10001", "--discount", "2.5", "--open-invoice-limit", "1234.56"});
  akte.Ok({"event", "add", "10001", "--type", "Anruf eingehend", "--subject", "Rückfrage", "--at",
           "2024-01-10T09:00:00+01:00"});
  akte.Ok({"note", "add", "10001", "Neueste", "Notiz"});
  auto text = akte.Ok({"customer", "show", "10001"}).out;
  CHECK_THAT(text, Catch::Contains("Müller"));
  CHECK_THAT(text, Catch::Contains("Anna Berg — Einkauf"));
  CHECK_THAT(text, Catch::Contains("2.5 %"));
  CHECK_THAT(text, Catch::Contains("€1,234.56"));
  CHECK(text.find("Neueste Notiz") < text.find("Rückfrage"));

  auto german = RunProcess({AKTE_BINARY, "--data-dir", akte.data, "customer", "show", "10001"}, "",
                           {"LANG=de_DE.UTF-8"});
  CHECK_THAT(german.out, Catch::Contains("Ansprechpartner"));
  CHECK_THAT(german.out, Catch::Contains("1.234,56 €"));
}

TEST_CASE("akte fsck exits 0 when clean and 6 when a stored file is damaged", "[cli]") {
  InitializedAkte akte;
  akte.Ok({"customer", "add", "10001", "--company", "Müller"});
  test::WriteFile(akte.dir / "rechnung.txt", "Rechnung RE-2024-0042 über 1.190,00 €");
  akte.Ok({"doc", "add", "10001", (akte.dir / "rechnung.txt").string()});
  CHECK_THAT(akte.Ok({"fsck"}).out, Catch::Contains("in order"));

  for (const auto& entry : std::filesystem::recursive_directory_iterator(akte.dir / "data/blobs")) {
    if (!entry.is_regular_file()) continue;
    std::filesystem::permissions(entry.path(), std::filesystem::perms::owner_write,
                                 std::filesystem::perm_options::add);
    std::string bytes = test::ReadFile(entry.path());
    bytes[0] ^= 0x20;
    test::WriteFile(entry.path(), bytes);
  }
  auto r = akte({"fsck"});
  CHECK(r.exit_code == 6);
  CHECK_THAT(r.out, Catch::Contains("DAMAGED"));
  CHECK_THAT(r.out, Catch::Contains("document 1"));
}

TEST_CASE("akte doc add extracts the text and doc show prints it", "[cli]") {
  InitializedAkte akte;
  akte.Ok({"customer", "add", "10001", "--company", "Müller"});
  test::WriteFile(akte.dir / "protokoll.txt",
                  "Protokoll\nDie Migration der Warenwirtschaft beginnt im Juni.\n");
  auto added = akte.Ok({"doc", "add", "10001", (akte.dir / "protokoll.txt").string()});
  CHECK_THAT(added.out, Catch::Contains("1 extracted"));
  auto shown = akte.Ok({"doc", "show", "1"});
  CHECK_THAT(shown.out, Catch::Contains("State               extracted"));
  CHECK_THAT(shown.out, Catch::Contains("Die Migration der Warenwirtschaft beginnt im Juni."));
}

TEST_CASE("akte doc import files a folder once and skips what is there on a rerun", "[cli]") {
  InitializedAkte akte;
  akte.Ok({"customer", "add", "10001", "--company", "Müller"});
  test::WriteFile(akte.dir / "akten/2023/angebot.txt", "Angebot Website-Relaunch");
  test::WriteFile(akte.dir / "akten/2024/vertrag.txt", "Wartungsvertrag");
  test::WriteFile(akte.dir / "akten/.DS_Store", "junk");
  auto first = akte.Ok({"doc", "import", "10001", (akte.dir / "akten").string()});
  CHECK_THAT(first.out, Catch::Contains("Filed 2 new documents"));
  CHECK_THAT(first.out, Catch::Contains("1 links or system files skipped"));
  auto again = akte.Ok({"doc", "import", "10001", (akte.dir / "akten").string()});
  CHECK_THAT(again.out, Catch::Contains("Filed 0 new documents for 10001 (2 were already there"));
  auto file = nlohmann::json::parse(akte.Ok({"customer", "show", "10001", "--json"}).out);
  REQUIRE(file["documents"].size() == 2);
  CHECK(file["documents"][1]["path_in_parent"] == "2023/angebot.txt");
  CHECK(test::ReadFile(akte.dir / "akten/2023/angebot.txt") == "Angebot Website-Relaunch");
}

TEST_CASE("akte mail import files by address and leaves strangers in the inbox", "[cli]") {
  InitializedAkte akte;
  akte.Ok({"customer", "add", "10001", "--company", "Müller", "--email", "info@mueller.de"});
  test::WriteFile(akte.dir / "post.mbox",
                  "From info@mueller.de Tue Mar  4 10:15:00 2025\n"
                  "From: info@mueller.de\nTo: jana@schreiber-it.de\nSubject: Termin\n"
                  "Date: Tue, 04 Mar 2025 10:15:00 +0100\n\nPasst Dienstag?\n\n"
                  "From x@fremd.de Tue Mar  4 11:15:00 2025\n"
                  "From: x@fremd.de\nTo: jana@schreiber-it.de\nSubject: Werbung\n"
                  "Date: Tue, 04 Mar 2025 11:15:00 +0100\n\nKaufen Sie!\n");
  auto imported = akte.Ok({"mail", "import", (akte.dir / "post.mbox").string()});
  CHECK_THAT(imported.out, Catch::Contains("Stored 2 new messages"));
  CHECK_THAT(imported.out, Catch::Contains("1 documents wait in the inbox"));
  auto inbox = akte.Ok({"inbox"});
  CHECK_THAT(inbox.out, Catch::Contains("Werbung"));
  CHECK_THAT(inbox.out, Catch::Contains("x@fremd.de"));
  auto file = nlohmann::json::parse(akte.Ok({"customer", "show", "10001", "--json"}).out);
  REQUIRE(file["events"].size() == 1);
  CHECK(file["events"][0]["type"] == "E-Mail eingehend");
  CHECK(file["events"][0]["subject"] == "Termin");
}

TEST_CASE("akte inbox suggest ranks the customers whose file resembles the document", "[cli]") {
  InitializedAkte akte;
  akte.Ok({"customer", "add", "10001", "--company", "Müller"});
  akte.Ok({"customer", "add", "10002", "--company", "Becker Logistik"});
  akte.Ok({"note", "add", "10002", "Gabelstapler", "für", "die", "Lagerhalle", "bestellt"});
  test::WriteFile(akte.dir / "post.mbox",
                  "From x@unbekannt.de Tue Mar  4 11:15:00 2025\n"
                  "From: x@unbekannt.de\nTo: jana@schreiber-it.de\nSubject: Lieferung\n"
                  "Date: Tue, 04 Mar 2025 11:15:00 +0100\n\n"
                  "Wann kommt der Gabelstapler für die Lagerhalle?\n");
  akte.Ok({"mail", "import", (akte.dir / "post.mbox").string()});
  auto inbox = nlohmann::json::parse(akte.Ok({"inbox", "suggest", "1", "--json"}).out);
  REQUIRE_FALSE(inbox.empty());
  CHECK(inbox[0]["customer"]["number"] == "10002");
  CHECK(inbox[0]["evidence"][0]["kind"] == "note");
  CHECK_THAT(akte.Ok({"inbox", "suggest", "1"}).out, Catch::Contains("1. Becker Logistik (10002)"));
  CHECK(akte({"inbox", "suggest", "99"}).exit_code != 0);

  CHECK_THAT(akte.Ok({"inbox", "assign", "1", "10002"}).out,
             Catch::Contains("Filed document 1 under 10002"));
  CHECK_THAT(akte.Ok({"inbox"}).out, Catch::Contains("inbox is empty"));
}

TEST_CASE("akte settings refuses an extraction limit out of range", "[cli]") {
  InitializedAkte akte;
  auto bad = akte({"settings", "set", "extract.wall_seconds", "0"});
  CHECK(bad.exit_code == 3);
  CHECK_THAT(bad.err, Catch::Contains("from 1 to 7200"));
  akte.Ok({"settings", "set", "extract.wall_seconds", "30"});
  CHECK(akte.Ok({"settings", "get", "extract.wall_seconds"}).out == "30\n");
}

TEST_CASE("akte contact import reads a vCard file", "[cli]") {
  InitializedAkte akte;
  akte.Ok({"customer", "add", "10001", "--company", "Müller"});
  test::WriteFile(akte.dir / "c.vcf",
                  "BEGIN:VCARD\nVERSION:4.0\nN:Berg;Anna;;;\nEMAIL:anna@berg.de\nEND:VCARD\n");
  akte.Ok({"contact", "import", (akte.dir / "c.vcf").string(), "--customer", "10001"});
  auto contacts = nlohmann::json::parse(akte.Ok({"contact", "list", "10001", "--json"}).out);
  REQUIRE(contacts.size() == 1);
  CHECK(contacts[0]["emails"][0] == "anna@berg.de");
}

TEST_CASE("akte contact export writes vCards that akte contact import reads back", "[cli]") {
  InitializedAkte akte;
  akte.Ok({"customer", "add", "10001", "--company", "Müller Maschinenbau"});
  akte.Ok({"customer", "add", "10002", "--company", "Kopie GmbH"});
  akte.Ok({"contact", "add", "10001", "--first-name", "Thomas", "--last-name", "Weber", "--email",
           "t.weber@mueller.de", "--role", "IT-Leiter"});
  const std::string vcf = (akte.dir / "kontakte.vcf").string();
  akte.Ok({"contact", "export", "10001", "--vcard-version", "3.0", "-o", vcf});
  akte.Ok({"contact", "import", vcf, "--customer", "10002"});
  auto copied = nlohmann::json::parse(akte.Ok({"contact", "list", "10002", "--json"}).out);
  REQUIRE(copied.size() == 1);
  CHECK(copied[0]["last_name"] == "Weber");
  CHECK(copied[0]["role"] == "IT-Leiter");
  CHECK(copied[0]["emails"][0] == "t.weber@mueller.de");
  auto all = akte.Ok({"contact", "export"});  // every customer's, to standard output
  CHECK_THAT(all.out, Catch::Contains("ORG:Kopie GmbH"));
  CHECK_THAT(all.out, Catch::Contains("ORG:Müller Maschinenbau"));
  auto unknown = akte({"contact", "export", "99999"});
  CHECK(unknown.exit_code == 4);
}

TEST_CASE("akte import events and notes keep times and authors, all lines or none", "[cli]") {
  InitializedAkte akte;
  akte.Ok({"customer", "add", "10001", "--company", "Bäckerei Müller"});
  akte.Ok({"user", "add", "paul", "--name", "Paul Vorgänger", "--role", "readonly"});
  const std::string events = (akte.dir / "events.jsonl").string();
  std::ofstream(events)
      << R"({"customer_number":"10001","at":"2019-03-04T10:15:00+01:00",)"
      << R"("type":"Anruf eingehend","author":"Paul Vorgänger","subject":"Rückfrage"})"
      << "\n";
  auto imported = akte.Ok({"import", "events", events});
  CHECK_THAT(imported.out, Catch::Contains("Imported 1 events"));
  const std::string notes = (akte.dir / "notes.csv").string();
  std::ofstream(notes) << "Kundennummer;Zeitpunkt;Autor;Text\n"
                          "10001;2018-01-02 09:30;paul;Alte Notiz\n"
                          "10001;2018-01-03 09:30;niemand;Noch eine\n";
  auto refused = akte({"import", "notes", notes});
  CHECK(refused.exit_code == 3);
  CHECK_THAT(refused.err, Catch::Contains("line 3: there is no user 'niemand'"));
  auto file = nlohmann::json::parse(akte.Ok({"customer", "show", "10001", "--json"}).out);
  REQUIRE(file["events"].size() == 1);
  CHECK(file["events"][0]["author"] == "paul");
  CHECK(file["events"][0]["occurred_at"] == "2019-03-04T09:15:00Z");
  CHECK(file["notes"].empty());
}

}  // namespace
TEST_CASE("akte birthdays lists the coming birthdays of customers and contacts", "[cli]") {
  InitializedAkte akte;
  akte.Ok({"customer", "add", "10001", "--company", "Müller Maschinenbau"});
  akte.Ok({"contact", "add", "10001", "--first-name", "Thomas", "--last-name", "Weber",
           "--birthday", "14.03.1975"});
  akte.Ok({"customer", "add", "10002", "--first-name", "Clara", "--last-name", "Schmidt",
           "--birthday", "1990-03-20"});
  auto text = akte.Ok({"birthdays", "--from", "10.03.2025", "--days", "14"});
  CHECK_THAT(text.out, Catch::Contains("Thomas Weber"));
  CHECK_THAT(text.out, Catch::Contains("10001 Müller Maschinenbau"));
  CHECK(text.out.find("Thomas Weber") < text.out.find("Clara Schmidt"));
  auto json = nlohmann::json::parse(
      akte.Ok({"birthdays", "--from", "2025-03-10", "--days", "5", "--json"}).out);
  REQUIRE(json.size() == 1);
  CHECK(json[0]["date"] == "2025-03-14");
  CHECK(json[0]["age"] == 50);
  auto none = akte.Ok({"birthdays", "--from", "2025-06-01"});
  CHECK_THAT(none.out, Catch::Contains("No birthdays in that period."));
  auto bad = akte({"birthdays", "--days", "-1"});
  CHECK(bad.exit_code == 3);
  CHECK_THAT(bad.err, Catch::Contains("days"));
}

}  // namespace akte::cli
