// vCard export of contact persons: the format's rules, and a round trip
// through akte's own vCard import.
#include <catch2/catch.hpp>

#include "akte/archive/export.h"
#include "akte/archive/import.h"
#include "catalog_fixture.h"

namespace akte::archive {
namespace {

std::vector<std::string> Lines(const std::string& vcf) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end; (end = vcf.find("\r\n", start)) != std::string::npos; start = end + 2) {
    lines.push_back(vcf.substr(start, end - start));
  }
  CHECK(start == vcf.size());  // every line ends in CRLF
  return lines;
}

struct ExportFixture : CatalogFixture {
  Customer customer = Create("10001", "Müller Maschinenbau GmbH");

  Contact Add(Contact c) {
    c.customer_id = customer.id;
    auto stored = catalog->CreateContact(admin, c);
    INFO(stored.status().ToString());
    REQUIRE(stored.ok());
    return *stored;
  }
};

}  // namespace

TEST_CASE_METHOD(ExportFixture, "Exported vCards follow the format and read back the same",
                 "[archive][vcard]") {
  Contact weber;
  weber.salutation = "Herr";
  weber.title = "Dr.";
  weber.first_name = "Thomas";
  weber.last_name = "Weber";
  weber.role = "IT-Leiter, Einkauf";
  weber.department = "Technik; Verwaltung";
  weber.emails = {"t.weber@mueller-maschinenbau.de"};
  weber.phones = {{"phone", "+49 89 3216540"}, {"mobile", "0170 1234567"}, {"fax", "089 3216541"}};
  weber.birthday = "1975-04-12";
  weber.remarks =
      "Bevorzugt Rückrufe vormittags.\nZuständig für Wartungsverträge, Lizenzen "
      "und die Umstellung auf das neue Warenwirtschaftssystem (Größe: 40 Plätze).";
  Add(weber);
  Contact jung;
  jung.first_name = "Sophie";
  jung.last_name = "Jung";
  Add(jung);

  auto cards = ContactCards(*catalog, customer.id);
  REQUIRE(cards.ok());
  REQUIRE(cards->size() == 2);
  for (auto version : {VcardVersion::k40, VcardVersion::k30}) {
    const bool v4 = version == VcardVersion::k40;
    INFO((v4 ? "4.0" : "3.0"));
    const std::string vcf = ExportContactsVcf(*cards, version);
    const auto lines = Lines(vcf);
    for (const auto& line : lines) {
      CHECK(line.size() <= 75);
      // A fold never splits a character: no line starts inside one.
      if (line.size() > 1) CHECK((static_cast<unsigned char>(line[1]) & 0xC0) != 0x80);
    }
    CHECK(lines[0] == "BEGIN:VCARD");
    CHECK(lines[1] == (v4 ? "VERSION:4.0" : "VERSION:3.0"));
    auto has = [&](const std::string& wanted) {
      return std::find(lines.begin(), lines.end(), wanted) != lines.end();
    };
    CHECK(has("N:Weber;Thomas;;Dr.;"));
    CHECK(has("FN:Dr. Thomas Weber"));
    CHECK(has("ORG:Müller Maschinenbau GmbH;Technik\\; Verwaltung"));
    CHECK(has("TITLE:IT-Leiter\\, Einkauf"));
    CHECK(has(v4 ? "BDAY:19750412" : "BDAY:1975-04-12"));
    CHECK(
        has(v4 ? "TEL;VALUE=text;TYPE=work,cell:0170 1234567" : "TEL;TYPE=WORK,CELL:0170 1234567"));
    CHECK(has("GENDER:M") == v4);

    // Into a second customer, through the importer.
    const std::string number = v4 ? "20004" : "20003";
    Create(number, v4 ? "Kopie 4" : "Kopie 3");
    auto report = ImportContactsVcf(*catalog, admin, vcf, number);
    REQUIRE(report.ok());
    INFO((report->problems.empty() ? "" : report->problems.front().message));
    REQUIRE(report->ok());
    CHECK(report->imported == 2);
    auto copy = catalog->FindCustomerByNumber(number);
    REQUIRE(copy.ok());
    auto contacts = catalog->ListContacts(copy->id);
    REQUIRE(contacts.ok());
    REQUIRE(contacts->size() == 2);
    const Contact& back = contacts->at(1).last_name == "Weber" ? contacts->at(1) : contacts->at(0);
    CHECK(back.first_name == weber.first_name);
    CHECK(back.title == weber.title);
    CHECK(back.role == weber.role);
    CHECK(back.department == weber.department);
    CHECK(back.emails == weber.emails);
    CHECK(back.phones == weber.phones);
    CHECK(back.birthday == weber.birthday);
    CHECK(back.remarks == weber.remarks);
  }
}

TEST_CASE_METHOD(ExportFixture, "All contacts of all customers export with their company",
                 "[archive][vcard]") {
  Contact a;
  a.last_name = "Anders";
  Add(a);
  auto other = Create("10002", "Bäckerei Schmidt");
  Contact b;
  b.customer_id = other.id;
  b.last_name = "Berg";
  REQUIRE(catalog->CreateContact(admin, b).ok());
  auto cards = ContactCards(*catalog, std::nullopt);
  REQUIRE(cards.ok());
  REQUIRE(cards->size() == 2);
  const std::string vcf = ExportContactsVcf(*cards, VcardVersion::k40);
  CHECK(vcf.find("ORG:Müller Maschinenbau GmbH\r\n") != std::string::npos);
  CHECK(vcf.find("ORG:Bäckerei Schmidt\r\n") != std::string::npos);
  CHECK(ContactCards(*catalog, 999).status().code() == StatusCode::kNotFound);
}

}  // namespace akte::archive
