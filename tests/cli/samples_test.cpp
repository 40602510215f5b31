// samples/ doubles as a golden corpus: loading it must give the documented
// customers, contacts, documents and history.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "process.h"
#include "temp_dir.h"

namespace akte::cli {
namespace {

TEST_CASE("The bundled samples load into the documented customer files", "[cli][samples]") {
  test::TempDir dir;
  const std::string data = (dir / "data").string();
  auto load = test::RunProcess(
      {"/bin/sh", (test::SourceDir() / "samples/load.sh").string(), AKTE_BINARY, data});
  INFO(load.err);
  REQUIRE(load.exit_code == 0);

  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {AKTE_BINARY, "--data-dir", data});
    auto r = test::RunProcess(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out);
  };
  auto customers = run({"customer", "list", "--json"});
  CHECK(customers.size() == 12);
  CHECK(run({"customer", "list", "--kind", "prospect", "--json"}).size() == 2);

  auto mueller = run({"customer", "show", "10001", "--json"});
  CHECK(mueller["customer"]["display_name"] == "Müller Maschinenbau GmbH");
  CHECK(mueller["customer"]["custom_fields"]["2"] == "true");
  CHECK(mueller["contacts"].size() == 2);
  CHECK(mueller["conditions"]["open_invoice_limit_cents"] == 2000000);
  REQUIRE(mueller["documents"].size() == 1);
  CHECK(mueller["documents"][0]["title"] == "protokoll-erp-migration");
  CHECK(mueller["events"][0]["author"] == "tobias");

  auto alpenblick = run({"customer", "show", "10007", "--json"});
  CHECK(alpenblick["customer"]["country"] == "AT");
  CHECK(alpenblick["events"][0]["subject"] == "Preisanpassung 2025");

  // A second run keeps the existing data instead of loading twice.
  auto again = test::RunProcess(
      {"/bin/sh", (test::SourceDir() / "samples/load.sh").string(), AKTE_BINARY, data});
  CHECK(again.exit_code == 0);
  CHECK(run({"customer", "list", "--json"}).size() == 12);
}

}  // namespace
}  // namespace akte::cli
