#include "akte/archive/import.h"

#include <iconv.h>

#include <catch2/catch.hpp>

#include "temp_dir.h"

namespace akte::archive {
namespace {

using test::TempDir;

std::string ToWindows1252(const std::string& utf8) {
  iconv_t cd = iconv_open("WINDOWS-1252", "UTF-8");
  std::string out(utf8.size(), '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size();
  char* o = out.data();
  std::size_t out_left = out.size();
  REQUIRE(iconv(cd, &in, &in_left, &o, &out_left) != static_cast<std::size_t>(-1));
  iconv_close(cd);
  out.resize(out.size() - out_left);
  return out;
}

struct ImportFixture {
  TempDir dir;
  std::unique_ptr<Catalog> catalog;
  Actor admin;

  ImportFixture() {
    catalog = std::move(Catalog::Open(dir / "catalog.db")).value();
    auto user = catalog->AddUser(std::nullopt, User{0, "admin", "", kRoleAdmin, "", false});
    admin = Actor{user->id, user->username};
  }
  std::size_t CustomerCount() { return catalog->ListCustomers()->size(); }
};

TEST_CASE("CSV import reads Windows-1252 with umlauts and semicolons", "[archive][import]") {
  ImportFixture f;
  const std::string csv = ToWindows1252(
      "Kundennummer;Firma;Straße;PLZ;Ort;E-Mail;Telefon;Anmerkungen\r\n"
      "10001;Müller Maschinenbau GmbH;Hauptstraße 5;80331;München;info@mueller.de;089 123456;"
      "Großkunde\r\n"
      "10002;Bäckerei Weiß;Am Markt 1;01067;Dresden;;;\r\n");
  auto report = ImportCustomersCsv(*f.catalog, f.admin, csv);
  REQUIRE(report.ok());
  INFO((report->problems.empty() ? "" : report->problems[0].message));
  CHECK(report->ok());
  CHECK(report->encoding == "WINDOWS-1252");
  CHECK(report->imported == 2);
  auto mueller = f.catalog->FindCustomerByNumber("10001");
  REQUIRE(mueller.ok());
  CHECK(mueller->company == "Müller Maschinenbau GmbH");
  CHECK(mueller->street == "Hauptstraße 5");
  CHECK(mueller->city == "München");
  CHECK(mueller->remarks == "Großkunde");
  CHECK(mueller->emails == std::vector<std::string>{"info@mueller.de"});
  REQUIRE(mueller->phones.size() == 1);
  CHECK(mueller->phones[0].number == "089 123456");
  CHECK(f.catalog->FindCustomerByNumber("10002")->company == "Bäckerei Weiß");
}

TEST_CASE("CSV import with a broken row imports nothing and names its line", "[archive][import]") {
  ImportFixture f;
  const std::string csv =
      "Kundennummer;Firma;PLZ;Ort;E-Mail\n"
      "10001;Müller GmbH;80331;München;info@mueller.de\n"
      "10002;Meier AG;10115;Berlin;keine-adresse\n"
      "10003;Schulz KG;20095;Hamburg;info@schulz.de\n";
  auto report = ImportCustomersCsv(*f.catalog, f.admin, csv);
  REQUIRE(report.ok());
  REQUIRE(report->problems.size() == 1);
  CHECK(report->problems[0].line == 3);
  CHECK_THAT(report->problems[0].message, Catch::Contains("keine-adresse"));
  CHECK(report->imported == 0);
  CHECK(f.CustomerCount() == 0);
}

TEST_CASE("CSV import reports every bad row, counting lines inside quoted fields",
          "[archive][import]") {
  ImportFixture f;
  Customer existing;
  existing.number = "10005";
  existing.company = "Schon da GmbH";
  REQUIRE(f.catalog->CreateCustomer(f.admin, existing).ok());

  const std::string csv =
      "Customer number,Company,City,Remarks\n"
      "10001,\"Weiß, Söhne & Co\",Köln,\"Zwei\nZeilen\"\n"
      "10002,,Bonn,\n"
      "10003,Drei GmbH,Essen\n"
      "10001,Doppelt AG,Köln,\n"
      "10005,Noch einmal,Bonn,\n";
  auto report = ImportCustomersCsv(*f.catalog, f.admin, csv);
  REQUIRE(report.ok());
  REQUIRE(report->problems.size() == 4);
  CHECK(report->problems[0].line == 4);  // no name
  CHECK_THAT(report->problems[0].message, Catch::Contains("company name or a last name"));
  CHECK(report->problems[1].line == 5);  // too few fields
  CHECK_THAT(report->problems[1].message, Catch::Contains("3 fields"));
  CHECK(report->problems[2].line == 6);  // duplicate within the file
  CHECK_THAT(report->problems[2].message, Catch::Contains("10001"));
  CHECK(report->problems[3].line == 7);  // already in the catalog
  CHECK(report->imported == 0);
  CHECK(f.CustomerCount() == 1);
}

TEST_CASE("CSV import dry run checks everything and stores nothing", "[archive][import]") {
  ImportFixture f;
  const std::string csv = "Nummer;Name;Vorname\n20001;Schmidt;Eva\n";
  auto report = ImportCustomersCsv(*f.catalog, f.admin, csv, {.dry_run = true});
  REQUIRE(report.ok());
  CHECK(report->ok());
  CHECK(report->records == 1);
  CHECK(report->imported == 0);
  CHECK(f.CustomerCount() == 0);
  report = ImportCustomersCsv(*f.catalog, f.admin, csv);
  CHECK(report->imported == 1);
  CHECK(f.catalog->FindCustomerByNumber("20001")->DisplayName() == "Eva Schmidt");
}

TEST_CASE("CSV import refuses unknown columns instead of dropping their data",
          "[archive][import]") {
  ImportFixture f;
  auto report =
      ImportCustomersCsv(*f.catalog, f.admin, "Kundennummer;Firma;Lieblingsfarbe\n1;A;rot\n");
  REQUIRE(report.ok());
  REQUIRE(report->problems.size() == 1);
  CHECK(report->problems[0].line == 1);
  CHECK_THAT(report->problems[0].message, Catch::Contains("Lieblingsfarbe"));
}

TEST_CASE("CSV import maps custom field labels and reads UTF-16 spreadsheet exports",
          "[archive][import]") {
  ImportFixture f;
  REQUIRE(f.catalog->DefineCustomField(f.admin, {1, "Branche", "text", {}, 0}).ok());
  const std::string utf8 =
      "Kundennummer\tFirma\tBranche\tArt\n30001\tÖko Bau\tHandwerk\tInteressent\n";
  std::string utf16 = "\xFF\xFE";
  iconv_t cd = iconv_open("UTF-16LE", "UTF-8");
  std::string buffer(utf8.size() * 4, '\0');
  char* in = const_cast<char*>(utf8.data());
  std::size_t in_left = utf8.size(), out_left = buffer.size();
  char* out = buffer.data();
  iconv(cd, &in, &in_left, &out, &out_left);
  iconv_close(cd);
  utf16 += buffer.substr(0, buffer.size() - out_left);

  auto report = ImportCustomersCsv(*f.catalog, f.admin, utf16);
  REQUIRE(report.ok());
  INFO((report->problems.empty() ? "" : report->problems[0].message));
  CHECK(report->ok());
  CHECK(report->encoding == "UTF-16LE");
  auto customer = f.catalog->FindCustomerByNumber("30001");
  REQUIRE(customer.ok());
  CHECK(customer->company == "Öko Bau");
  CHECK(customer->kind == kKindProspect);
  CHECK(customer->custom_fields.at(1) == "Handwerk");
}

TEST_CASE("CSV import reports an unclosed quote with its line", "[archive][import]") {
  ImportFixture f;
  auto report = ImportCustomersCsv(*f.catalog, f.admin, "Nummer;Firma\n1;\"offen\n2;B\n");
  REQUIRE(report.ok());
  REQUIRE(report->problems.size() == 1);
  CHECK_THAT(report->problems[0].message, Catch::Contains("line 2"));
  CHECK(f.CustomerCount() == 0);
}

TEST_CASE("vCard import reads 3.0 and 4.0 cards with folding and escapes", "[archive][import]") {
  ImportFixture f;
  Customer c;
  c.number = "10001";
  c.company = "Müller Maschinenbau";
  c.legal_form = "GmbH";
  REQUIRE(f.catalog->CreateCustomer(f.admin, c).ok());
  const std::string vcf =
      "BEGIN:VCARD\r\n"
      "VERSION:3.0\r\n"
      "N:Müller;Anna;;Dr.;\r\n"
      "FN:Dr. Anna Müller\r\n"
      "ORG:Müller Maschinenbau;Einkauf\r\n"
      "TITLE:Leiterin Einkauf\r\n"
      "EMAIL;TYPE=INTERNET,WORK:anna.mueller@mueller-maschinenbau.de\r\n"
      "TEL;TYPE=CELL:+49 170 1234567\r\n"
      "TEL;TYPE=WORK,VOICE:+49 89 123456-12\r\n"
      "BDAY:1975-04-23\r\n"
      "NOTE:Bevorzugt Anrufe am Vormittag\\, nie freitags.\\nKennt das Migrationspro\r\n"
      " jekt.\r\n"
      "END:VCARD\r\n"
      "BEGIN:VCARD\r\n"
      "VERSION:4.0\r\n"
      "FN:Jonas Weber\r\n"
      "N:Weber;Jonas;;;\r\n"
      "ORG:Müller Maschinenbau GmbH\r\n"
      "TEL;VALUE=uri;TYPE=\"work,fax\":tel:+49-89-123456-99\r\n"
      "BDAY:--0412\r\n"
      "END:VCARD\r\n";
  auto report = ImportContactsVcf(*f.catalog, f.admin, vcf, "");
  REQUIRE(report.ok());
  INFO((report->problems.empty() ? "" : report->problems[0].message));
  REQUIRE(report->ok());
  CHECK(report->imported == 2);
  auto contacts = f.catalog->ListContacts(f.catalog->FindCustomerByNumber("10001")->id);
  REQUIRE(contacts->size() == 2);
  const Contact& anna = (*contacts)[0];
  CHECK(anna.last_name == "Müller");
  CHECK(anna.first_name == "Anna");
  CHECK(anna.title == "Dr.");
  CHECK(anna.department == "Einkauf");
  CHECK(anna.role == "Leiterin Einkauf");
  CHECK(anna.birthday == "1975-04-23");
  CHECK(anna.remarks ==
        "Bevorzugt Anrufe am Vormittag, nie freitags.\nKennt das Migrationsprojekt.");
  REQUIRE(anna.phones.size() == 2);
  CHECK(anna.phones[0].kind == "mobile");
  const Contact& jonas = (*contacts)[1];
  REQUIRE(jonas.phones.size() == 1);
  CHECK(jonas.phones[0].kind == "fax");
  CHECK(jonas.phones[0].number == "+49-89-123456-99");
  CHECK(jonas.birthday.empty());  // no year: not a storable date
}

TEST_CASE("vCard import of a card with no matching customer names its line and stores nothing",
          "[archive][import]") {
  ImportFixture f;
  const std::string vcf = "BEGIN:VCARD\nVERSION:3.0\nN:Eins;Erika\nORG:Unbekannt AG\nEND:VCARD\n";
  auto report = ImportContactsVcf(*f.catalog, f.admin, vcf, "");
  REQUIRE(report.ok());
  REQUIRE(report->problems.size() == 1);
  CHECK(report->problems[0].line == 1);
  CHECK_THAT(report->problems[0].message, Catch::Contains("Unbekannt AG"));
  CHECK_THAT(report->problems[0].message, Catch::Contains("--customer"));
}

}  // namespace
}  // namespace akte::archive
