// Loading a whole firm from a manifest: everything lands with its authors
// and times, a bad manifest stores nothing, and a firm never loads twice.
#include "akte/indexer/firm_import.h"

#include <catch2/catch.hpp>

#include "temp_dir.h"
#include "tiny_firm.h"

namespace akte::indexer {
namespace {

struct FirmFixture {
  akte::test::TempDir tmp;
  std::unique_ptr<archive::DataDir> dir;
  archive::Actor jana;
  PipelineOptions options;

  FirmFixture() {
    auto created = archive::DataDir::Initialize(
        tmp / "data", archive::User{0, "jana", "Jana Schreiber", archive::kRoleAdmin, "", false});
    REQUIRE(created.ok());
    dir = std::move(created).value();
    jana = *dir->catalog().ActorFor("jana");
    options.worker_executable = AKTE_BINARY;
    options.workers = 1;
  }

  std::size_t Records(const std::string& customer_number) {
    auto customer = dir->catalog().FindCustomerByNumber(customer_number);
    REQUIRE(customer.ok());
    auto records = dir->catalog().ListBusinessRecords(customer->id);
    REQUIRE(records.ok());
    return records->size();
  }

  std::size_t Customers() {
    archive::CustomerListOptions all;
    all.include_archived = true;
    auto customers = dir->catalog().ListCustomers(all);
    REQUIRE(customers.ok());
    return customers->size();
  }
};

TEST_CASE("A firm manifest loads its records with their authors and original times",
          "[indexer][firm]") {
  FirmFixture f;
  const auto manifest = akte::test::WriteTinyFirm(f.tmp / "firm");
  auto report = ImportFirm(*f.dir, f.jana, manifest, f.options);
  REQUIRE(report.ok());
  CHECK(report->users == 1);  // jana exists already
  CHECK(report->customers == 2);
  CHECK(report->contacts == 1);
  CHECK(report->conditions == 1);
  CHECK(report->documents == 2);
  CHECK(report->notes == 1);
  CHECK(report->events == 1);

  auto& catalog = f.dir->catalog();
  CHECK(catalog.FindUser("tobias")->display_name == "Tobias Brandt");
  CHECK(*catalog.GetSetting("firm.email_addresses") == "@testfirma.de");
  auto mueller = catalog.FindCustomerByNumber("10001");
  REQUIRE(mueller.ok());
  CHECK(mueller->custom_fields.at(1) == "Maschinenbau");
  auto file = catalog.GetCustomerFile(mueller->id);
  REQUIRE(file.ok());
  REQUIRE(file->contacts.size() == 1);
  CHECK(file->contacts[0].last_name == "Weber");
  REQUIRE(file->conditions);
  CHECK(file->conditions->discount_basis_points == 250);
  CHECK(file->conditions->open_invoice_limit_cents == 500000);
  REQUIRE(file->documents.size() == 1);
  CHECK(file->documents[0].title == "Kick-off Migration");
  CHECK(file->documents[0].type == "Protokoll");
  CHECK(file->documents[0].uploaded_by == "tobias");
  CHECK(file->documents[0].extraction_state == archive::kStatePending);
  REQUIRE(file->notes.size() == 1);
  CHECK(file->notes[0].created_at == "2023-05-04T09:12:00Z");
  CHECK(file->notes[0].author == "tobias");

  auto blum = catalog.FindCustomerByNumber("20001");
  REQUIRE(blum.ok());
  CHECK(blum->kind == archive::kKindProspect);
  auto blum_file = catalog.GetCustomerFile(blum->id);
  REQUIRE(blum_file.ok());
  REQUIRE(blum_file->events.size() == 1);
  CHECK(blum_file->events[0].occurred_at == "2025-01-15T10:00:00Z");
  CHECK(blum_file->events[0].author == "jana");

  // Never twice: the second load is refused and changes nothing.
  auto again = ImportFirm(*f.dir, f.jana, manifest, f.options);
  CHECK(again.status().code() == StatusCode::kFailedPrecondition);
  CHECK(f.Customers() == 2);
}

// The tiny firm with `csv` as its business records.
std::filesystem::path WithRecords(const std::filesystem::path& folder, const std::string& csv) {
  const auto manifest = akte::test::WriteTinyFirm(folder);
  akte::test::WriteFile(folder / "records.csv", csv);
  std::string text = akte::test::ReadFile(manifest);
  const std::string contacts = "\"contacts_vcf\": \"contacts.vcf\",";
  text.replace(text.find(contacts), contacts.size(),
               contacts + " \"records_csv\": \"records.csv\",");
  akte::test::WriteFile(manifest, text);
  return manifest;
}

constexpr const char* kRecordsHeader =
    "Kundennummer;Art;Nummer;Datum;Bezug;Betreff;Netto;Steuer;Brutto;Fällig;Mahnstufe;Gebühr\n";

TEST_CASE("A firm manifest loads business records and payments after the customers",
          "[indexer][firm]") {
  FirmFixture f;
  const auto manifest =
      WithRecords(f.tmp / "firm", std::string(kRecordsHeader) +
                                      "20001;Angebot;AN-1;2025-01-20;;Bewässerung;100,00;19,00;"
                                      "119,00;;;\n"
                                      "10001;Rechnung;RE-1;2024-04-02;;Migration;1.000,00;190,00;"
                                      "1.190,00;2024-05-02;;\n"
                                      "10001;Zahlung;;2024-04-20;RE-1;Überweisung;;;1.000,00;;;\n");
  auto report = ImportFirm(*f.dir, f.jana, manifest, f.options);
  REQUIRE(report.ok());
  CHECK(report->records == 3);

  auto& catalog = f.dir->catalog();
  auto invoice = catalog.FindBusinessRecord(archive::kRecordInvoice, "RE-1");
  REQUIRE(invoice.ok());
  CHECK(invoice->customer_id == catalog.FindCustomerByNumber("10001")->id);
  CHECK(invoice->author == "jana");
  CHECK(invoice->due_date == "2024-05-02");
  CHECK(invoice->paid_cents == 100000);
  CHECK(invoice->outstanding_cents == 19000);
  CHECK(invoice->payment_status == archive::kPaymentPartlyPaid);
  CHECK(catalog.FindBusinessRecord(archive::kRecordOffer, "AN-1").ok());
}

TEST_CASE("Problems in the business records fail the load with their lines, storing none",
          "[indexer][firm]") {
  FirmFixture f;
  const auto manifest = WithRecords(
      f.tmp / "firm", std::string(kRecordsHeader) +
                          "10001;Rechnung;RE-1;2024-04-02;;Migration;1.000,00;190,00;"
                          "1.190,00;2024-05-02;;\n"
                          "10001;Zahlung;;2024-04-20;RE-1;zu viel;;;2.000,00;;;\n"
                          "10001;Auftrag;AB-1;2024-03-01;RE-1;Migration;1.000,00;0,00;1.000,00;;;\n"
                          "99999;Angebot;AN-1;2024-03-01;;Unbekannt;1,00;0,00;1,00;;;\n");
  auto report = ImportFirm(*f.dir, f.jana, manifest, f.options);
  REQUIRE(report.status().code() == StatusCode::kInvalidArgument);
  const std::string message(report.status().message());
  CHECK_THAT(message, Catch::Contains("records.csv:3: "));
  CHECK_THAT(message, Catch::Contains("also lines 4, 5"));
  CHECK_THAT(message, Catch::Contains("3 problems in all"));
  CHECK(f.Records("10001") == 0);
}

TEST_CASE("A manifest naming a missing file stores nothing", "[indexer][firm]") {
  FirmFixture f;
  const auto manifest = akte::test::WriteTinyFirm(f.tmp / "firm");
  std::filesystem::remove(f.tmp / "firm/documents/20001/angebot.txt");
  auto report = ImportFirm(*f.dir, f.jana, manifest, f.options);
  REQUIRE(report.status().code() == StatusCode::kNotFound);
  CHECK_THAT(std::string(report.status().message()),
             Catch::Contains("documents/20001/angebot.txt"));
  CHECK(f.Customers() == 0);
  CHECK_FALSE(f.dir->catalog().FindUser("tobias").ok());
}

TEST_CASE("A malformed manifest entry is named and nothing is stored", "[indexer][firm]") {
  FirmFixture f;
  const auto manifest = akte::test::WriteTinyFirm(f.tmp / "firm");
  std::string text = akte::test::ReadFile(manifest);
  text.replace(text.find("\"at\": \"2023-05-04T09:12:00Z\","), 30, "");
  akte::test::WriteFile(manifest, text);
  auto report = ImportFirm(*f.dir, f.jana, manifest, f.options);
  REQUIRE(report.status().code() == StatusCode::kInvalidArgument);
  CHECK_THAT(std::string(report.status().message()), Catch::Contains("notes[0]"));
  CHECK(f.Customers() == 0);

  akte::test::WriteFile(manifest, "[1, 2]");
  CHECK(ImportFirm(*f.dir, f.jana, manifest, f.options).status().code() ==
        StatusCode::kInvalidArgument);
  akte::test::WriteFile(
      f.tmp / "escape/manifest.json",
      R"({"documents": [{"customer": "1", "path": "../firm/customers.csv", "by": "jana"}]})");
  CHECK(ImportFirm(*f.dir, f.jana, f.tmp / "escape/manifest.json", f.options).status().code() ==
        StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace akte::indexer
