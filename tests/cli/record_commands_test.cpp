// akte record add|list|pay|import, stats and statement as a user runs them.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "akte_process.h"

namespace akte::cli {
namespace {

using test::InitializedAkte;

TEST_CASE("akte record add, pay, stats and statement follow an invoice to its dunning letter",
          "[cli][records]") {
  InitializedAkte akte;
  akte.Ok({"customer", "add", "10001", "--company", "Bäckerei Müller"});
  akte.Ok({"conditions", "set", "10001", "--open-invoice-limit", "500"});
  akte.Ok({"record", "add", "10001", "Angebot", "AN-1", "--date", "02.01.2024", "--net", "1.000,00",
           "--tax", "190,00"});
  akte.Ok({"record", "add", "10001", "Rechnung", "RE-1", "--date", "10.01.2024", "--net", "1000.00",
           "--tax", "190", "--due", "24.01.2024", "--previous", "AN-1"});
  auto paid = akte.Ok({"record", "pay", "RE-1", "--amount", "500", "--date", "2024-01-20"});
  CHECK_THAT(paid.out, Catch::Contains("690.00 still owed"));
  auto dunning = akte.Ok({"record", "add", "10001", "dunning", "--previous", "RE-1", "--level", "1",
                          "--fee", "5", "--date", "2024-02-01", "--json"});
  CHECK(nlohmann::json::parse(dunning.out)["number"] == "RE-1/M1");

  auto list = nlohmann::json::parse(akte.Ok({"record", "list", "10001", "--json"}).out);
  REQUIRE(list.size() == 3);
  CHECK(list[1]["previous_id"] == list[0]["id"]);
  CHECK(list[1]["outstanding_cents"] == 69000);

  auto stats =
      nlohmann::json::parse(akte.Ok({"stats", "10001", "--as-of", "2024-02-05", "--json"}).out);
  CHECK(stats["open_cents"] == 69000);
  CHECK(stats["overdue_cents"] == 69000);
  CHECK(stats["limit_exceeded"] == true);
  auto text = akte.Ok({"stats", "10001", "--as-of", "2024-02-05"});
  CHECK_THAT(text.out, Catch::Contains("exceed the open-invoice limit of €500.00"));

  auto statement = akte.Ok({"statement", "10001"});
  CHECK_THAT(statement.out, Catch::Contains("Balance: €695.00"));
  const std::string csv = (akte.dir / "statement.csv").string();
  akte.Ok({"statement", "10001", "--format", "csv", "-o", csv});
  std::ifstream in(csv);
  std::string written((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK_THAT(written, Catch::Contains("\"RE-1/M1\";\"Mahngebühr Stufe 1\";5,00;;695,00"));
}

TEST_CASE("akte record refuses bad input with its reason and stores nothing", "[cli][records]") {
  InitializedAkte akte;
  akte.Ok({"customer", "add", "10001", "--company", "Bäckerei Müller"});
  auto unknown = akte({"record", "add", "10001", "bill", "X-1"});
  CHECK(unknown.exit_code == 3);
  CHECK_THAT(unknown.err, Catch::Contains("'bill' is no kind of record"));
  auto amount = akte({"record", "add", "10001", "invoice", "RE-1", "--net", "zwölf"});
  CHECK(amount.exit_code == 3);
  CHECK_THAT(amount.err, Catch::Contains("--net"));
  akte.Ok({"record", "add", "10001", "invoice", "RE-1", "--net", "100"});
  auto twice = akte({"record", "add", "10001", "invoice", "RE-1", "--net", "100"});
  CHECK(twice.exit_code == 5);
  auto overpaid = akte({"record", "pay", "RE-1", "--amount", "100,01"});
  CHECK(overpaid.exit_code == 3);
  CHECK_THAT(overpaid.err, Catch::Contains("still owes (100,00 €)"));
  auto missing = akte({"record", "pay", "RE-404"});
  CHECK(missing.exit_code == 4);

  const std::string csv = (akte.dir / "records.csv").string();
  std::ofstream(csv) << "Kundennummer;Art;Nummer;Datum;Netto\n"
                        "10001;Rechnung;RE-2;10.01.2024;100\n"
                        "10001;Rechnung;RE-1;11.01.2024;100\n";
  auto imported = akte({"record", "import", csv});
  CHECK(imported.exit_code == 3);
  CHECK_THAT(imported.err, Catch::Contains("line 3: there is already a Rechnung numbered RE-1"));
  auto list = nlohmann::json::parse(akte.Ok({"record", "list", "10001", "--json"}).out);
  CHECK(list.size() == 1);
}

}  // namespace
}  // namespace akte::cli
