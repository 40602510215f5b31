// The sample firm as a newcomer meets it: `akte import-samples` from
// scratch gives the counts samples/README.md documents, every document is
// read (but the scan, which waits for OCR), the three searches the README
// suggests find the customers it names, and every customer's figures are
// the ones its lines of records.csv add up to. And samples/generate.py
// makes the same firm every time.
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "akte/archive/business.h"
#include "akte/archive/data_dir.h"
#include "akte_process.h"
#include "process.h"
#include "temp_dir.h"

namespace akte::test {
namespace {

using nlohmann::json;

// The day the figures are judged on, after the last day of the samples.
constexpr const char* kAsOf = "2026-11-28";

// A customer's figures as the lines of records.csv add them up.
struct Figures {
  int invoices = 0;
  std::size_t records = 0;
  std::size_t payments = 0;
  std::int64_t paid_cents = 0;
  std::int64_t revenue_cents = 0;  // invoices' net less credit notes' net
  std::int64_t open_cents = 0;
  std::int64_t overdue_cents = 0;  // of invoices due before kAsOf
  std::int64_t fees_cents = 0;
};

// The fields of one line of a `;`-separated CSV without line breaks in
// fields (as samples/samplegen/ledger.py writes it).
std::vector<std::string> CsvFields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (c == '"' && quoted && i + 1 < line.size() && line[i + 1] == '"') {
      fields.back() += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ';' && !quoted) {
      fields.emplace_back();
    } else if (c != '\r') {
      fields.back() += c;
    }
  }
  return fields;
}

// "1.234,56" -> 123456.
std::int64_t Cents(const std::string& amount) {
  std::string digits;
  for (char c : amount) {
    if (c != '.' && c != ',') digits += c;
  }
  return digits.empty() ? 0 : std::stoll(digits);
}

std::map<std::string, Figures> FiguresOf(const std::string& csv) {
  std::istringstream in(csv);
  std::string line;
  std::getline(in, line);
  std::map<std::string, std::size_t> column;
  const auto header = CsvFields(line);
  for (std::size_t i = 0; i < header.size(); ++i) column[header[i]] = i;
  REQUIRE(column.size() == 12);
  std::map<std::string, Figures> figures;
  std::map<std::string, std::int64_t> owed;   // by invoice number
  std::map<std::string, std::string> due;     // by invoice number
  std::map<std::string, std::string> holder;  // invoice number -> customer
  while (std::getline(in, line)) {
    const auto f = CsvFields(line);
    REQUIRE(f.size() == header.size());
    const auto at = [&](const char* name) { return f[column.at(name)]; };
    Figures& customer = figures[at("Kundennummer")];
    const std::string kind = at("Art");
    const std::int64_t gross = Cents(at("Brutto"));
    if (kind == "Zahlung") {
      ++customer.payments;
      customer.paid_cents += gross;
      owed[at("Bezug")] -= gross;
      continue;
    }
    ++customer.records;
    customer.fees_cents += Cents(at("Gebühr"));
    if (kind == "Rechnung") {
      ++customer.invoices;
      customer.revenue_cents += Cents(at("Netto"));
      owed[at("Nummer")] = gross;
      due[at("Nummer")] = at("Fällig");
      holder[at("Nummer")] = at("Kundennummer");
    } else if (kind == "Gutschrift") {
      customer.revenue_cents -= Cents(at("Netto"));
      owed[at("Bezug")] -= gross;
    }
  }
  for (const auto& [number, cents] : owed) {
    Figures& customer = figures[holder.at(number)];
    customer.open_cents += cents;
    if (due.at(number) < kAsOf) customer.overdue_cents += cents;
  }
  return figures;
}

TEST_CASE("The sample firm loads with the documented counts and answers the README's searches",
          "[cli][samples]") {
  const json manifest =
      json::parse(ReadFile(std::filesystem::path(AKTE_SAMPLES_DIR) / "manifest.json"));
  const json& expected = manifest["expected"];
  Akte akte;
  akte.Ok({"init", "--admin", "jana", "--display-name", "Jana Schreiber"});
  auto loaded = akte.Ok({"import-samples"});
  INFO(loaded.out);

  std::size_t customers = 0, prospects = 0, contacts = 0, notes = 0, events = 0;
  std::size_t top_level = 0, children = 0, needs_ocr = 0, filed_emails = 0;
  std::vector<std::string> unread;
  {
    auto dir = archive::DataDir::Open(akte.data);
    REQUIRE(dir.ok());
    auto& catalog = (*dir)->catalog();
    archive::CustomerListOptions all;
    all.include_archived = true;
    auto listed = catalog.ListCustomers(all);
    REQUIRE(listed.ok());
    auto count_document = [&](const archive::Document& d) {
      (d.parent_id ? children : top_level) += 1;
      if (d.extraction_state == archive::kStateNeedsOcr) {
        ++needs_ocr;
      } else if (d.extraction_state != archive::kStateExtracted) {
        unread.push_back(d.filename + ": " + d.extraction_state + " " + d.extraction_error);
      }
    };
    for (const auto& customer : *listed) {
      (customer.kind == archive::kKindProspect ? prospects : customers) += 1;
      auto file = catalog.GetCustomerFile(customer.id);
      REQUIRE(file.ok());
      contacts += file->contacts.size();
      notes += file->notes.size();
      events += file->events.size();
      for (const auto& document : file->documents) {
        count_document(document);
        if (!document.parent_id && document.mime_type == "message/rfc822") ++filed_emails;
      }
    }
    auto inbox = catalog.Inbox();
    REQUIRE(inbox.ok());
    for (const auto& document : *inbox) count_document(document);
    CHECK(inbox->size() == expected["inbox_after_mail"].get<std::size_t>());

    // Every customer's records and figures as records.csv has them.
    const auto figures =
        FiguresOf(ReadFile(std::filesystem::path(AKTE_SAMPLES_DIR) / "records.csv"));
    std::size_t records = 0, payments = 0;
    for (const auto& customer : *listed) {
      INFO("customer " << customer.number);
      auto stored = catalog.ListBusinessRecords(customer.id);
      REQUIRE(stored.ok());
      std::size_t paid = 0;
      for (const auto& record : *stored) paid += record.payments.size();
      records += stored->size();
      payments += paid;
      const auto stats = archive::ComputeStatistics(*stored, kAsOf, std::nullopt, "");
      const auto it = figures.find(customer.number);
      const Figures want = it == figures.end() ? Figures{} : it->second;
      CHECK(stored->size() == want.records);
      CHECK(paid == want.payments);
      CHECK(stats.invoices == want.invoices);
      CHECK(stats.revenue_total_cents == want.revenue_cents);
      CHECK(stats.open_cents == want.open_cents);
      CHECK(stats.overdue_cents == want.overdue_cents);
      CHECK(stats.open_fees_cents == want.fees_cents);
    }
    CHECK(records == expected["records"].get<std::size_t>());
    CHECK(payments == expected["payments"].get<std::size_t>());
    CHECK_THAT(loaded.out, Catch::Contains(std::to_string(records + payments) +
                                           " business records and payments"));

    // The Statistik of the customer who owes the most, as `akte stats`
    // shows it: invoices, payments and an open amount, all past due.
    std::string most;
    for (const auto& [number, f] : figures) {
      if (f.payments > 0 && (most.empty() || f.open_cents > figures.at(most).open_cents)) {
        most = number;
      }
    }
    REQUIRE(!most.empty());
    const Figures& owing = figures.at(most);
    CHECK(owing.open_cents > 0);
    auto stats = json::parse(akte.Ok({"stats", most, "--json", "--as-of", kAsOf}).out);
    CHECK(stats["invoices"] == owing.invoices);
    CHECK(stats["open_cents"] == owing.open_cents);
    CHECK(stats["overdue_cents"] == owing.open_cents);
    CHECK(stats["revenue_total_cents"] == owing.revenue_cents);
    CHECK(stats["average_days_to_pay"].is_number());
  }
  CHECK(customers == expected["customers"].get<std::size_t>());
  CHECK(prospects == expected["prospects"].get<std::size_t>());
  CHECK(contacts == expected["contacts"].get<std::size_t>());
  CHECK(notes == expected["notes"].get<std::size_t>());
  // The manifest's events, and one for every email filed under a customer
  // (from the mailbox, or filed as a document).
  CHECK(events == expected["events_from_manifest"].get<std::size_t>() + filed_emails);
  CHECK(filed_emails >= expected["events_from_mail"].get<std::size_t>());
  CHECK(top_level ==
        expected["documents"].get<std::size_t>() + expected["mail_messages"].get<std::size_t>());
  // Attachments and archive members, of filed documents and of emails.
  CHECK(children ==
        expected["children"].get<std::size_t>() + expected["mail_children"].get<std::size_t>());
  CHECK(needs_ocr == expected["needs_ocr"].get<std::size_t>());
  INFO("documents not read:\n"
       << [&] {
            std::string lines;
            for (const auto& line : unread) lines += line + "\n";
            return lines;
          }());
  CHECK(unread.empty());

  for (const auto& search : expected["searches"]) {
    const std::string query = search["query"];
    INFO("search: " << query);
    auto answer = json::parse(akte.Ok({"search", "--customers", "--json", query}).out);
    std::set<std::string> found;
    for (const auto& result : answer["customers"]) found.insert(result["customer"]["number"]);
    const std::set<std::string> wanted = search["customers"];
    CHECK(found == wanted);
  }
}

// Every file below `root`, by its path relative to it, with its bytes.
std::map<std::string, std::string> FilesBelow(const std::filesystem::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      files[std::filesystem::relative(entry.path(), root).string()] = ReadFile(entry.path());
    }
  }
  return files;
}

TEST_CASE("The sample firm is generated byte for byte the same on every run", "[cli][samples]") {
  TempDir first, second;
  for (const auto* out : {&first, &second}) {
    auto run = RunProcess(
        {AKTE_PYTHON, std::string(AKTE_SOURCE_DIR) + "/samples/generate.py", out->path()});
    INFO(run.err);
    REQUIRE(run.exit_code == 0);
  }
  const auto generated = FilesBelow(first.path());
  CHECK(generated.size() > 300);
  CHECK(generated == FilesBelow(second.path()));
  // ... and the same as the build's copy, which the other tests load.
  CHECK(generated == FilesBelow(AKTE_SAMPLES_DIR));
}

}  // namespace
}  // namespace akte::test
