// akte search, reindex, doc similar and the index part of fsck, run as a
// user runs them.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "akte_process.h"

namespace akte::cli {
namespace {

using test::InitializedAkte;

// Two customers with a note each and a contract each.
struct SearchableAkte : InitializedAkte {
  SearchableAkte() {
    Ok({"customer", "add", "10001", "--company", "Müller Maschinenbau", "--city", "München"});
    Ok({"customer", "add", "10002", "--company", "Bäckerei Weiß", "--city", "Köln"});
    Ok({"note", "add", "10001", "Rückruf wegen des Migrationsprojekts der Warenwirtschaft"});
    Ok({"note", "add", "10002", "Brötchenlieferung für die Weihnachtsfeier bestätigt"});
    AddDocument("10001", "wartungsvertrag.txt",
                "Wartungsvertrag über die Betreuung der Server, Reaktionszeit vier Stunden, "
                "Laufzeit zwei Jahre, Kündigungsfrist drei Monate.");
    AddDocument("10002", "vertrag-weiss.txt",
                "Wartungsvertrag über die Betreuung der Kassensysteme, Reaktionszeit vier "
                "Stunden, Laufzeit ein Jahr, Kündigungsfrist drei Monate.");
  }

  void AddDocument(const std::string& customer, const std::string& name, const std::string& text) {
    const auto path = dir / name;
    std::ofstream(path) << text;
    Ok({"doc", "add", customer, path.string(), "--type", "Vertrag"});
  }
};

TEST_CASE("akte search finds a note with umlauts typed either way and names its customer",
          "[cli][search]") {
  SearchableAkte akte;
  for (const char* query : {"Rückruf Migrationsprojekt", "Rueckruf Migrations-Projekt"}) {
    INFO(query);
    auto r = akte.Ok({"search", query});
    CHECK_THAT(r.out, Catch::StartsWith("1. [Note #"));
    CHECK_THAT(r.out, Catch::Contains("Müller Maschinenbau (10001)"));
    CHECK_THAT(r.out, Catch::Contains("«Rückruf»"));
  }
}

TEST_CASE("akte search --json and --customers group the evidence by customer", "[cli][search]") {
  SearchableAkte akte;
  auto r = akte.Ok({"search", "--customers", "--json", "--facets", "Wartungsvertrag"});
  auto response = nlohmann::json::parse(r.out);
  REQUIRE(response["customer_mode"] == true);
  REQUIRE(response["customers"].size() == 2);
  for (const auto& customer : response["customers"]) {
    CHECK(customer["evidence"][0]["kind"] == "document");
  }
  CHECK(response["facets"]["kinds"]["document"] == 2);
  CHECK(response["facets"]["customers"].size() == 2);
}

TEST_CASE("akte search --kind keeps only that kind", "[cli][search]") {
  SearchableAkte akte;
  auto notes = nlohmann::json::parse(akte.Ok({"search", "--json", "--kind", "note", "Müller"}).out);
  REQUIRE_FALSE(notes["hits"].empty());
  for (const auto& hit : notes["hits"]) CHECK(hit["kind"] == "note");
  auto all = nlohmann::json::parse(akte.Ok({"search", "--json", "Müller"}).out);
  CHECK(all["hits"].size() > notes["hits"].size());
}

TEST_CASE("akte search shows a business record with its amount and payment state",
          "[cli][search]") {
  SearchableAkte akte;
  akte.Ok({"record", "add", "10001", "Rechnung", "RE-2024-0042", "--date", "01.03.2024", "--net",
           "1.000,00", "--tax", "190,00"});
  auto r = akte.Ok({"search", "offene Rechnungen"});
  CHECK_THAT(r.out, Catch::StartsWith("1. [Record #"));
  CHECK_THAT(r.out, Catch::Contains("Rechnung RE-2024-0042 — Müller Maschinenbau (10001)"));
  CHECK_THAT(r.out, Catch::Contains("€1,190.00 · open"));
  auto records =
      nlohmann::json::parse(akte.Ok({"search", "--json", "--kind", "record", "betrag:>1000"}).out);
  REQUIRE(records["hits"].size() == 1);
  CHECK(records["hits"][0]["payment_status"] == "open");
  akte.Ok({"record", "pay", "RE-2024-0042", "--amount", "1.190,00", "--date", "2024-03-20"});
  // No longer open: only the looser any-word search still shows it.
  auto open = nlohmann::json::parse(akte.Ok({"search", "--json", "offene Rechnungen"}).out);
  CHECK(open["relaxed"] == true);
  CHECK_THAT(akte.Ok({"search", "paid invoice"}).out, Catch::Contains("€1,190.00 · paid"));
  auto malformed = akte({"search", "betrag:viel"});
  CHECK(malformed.exit_code == 3);
  CHECK_THAT(malformed.err, Catch::Contains("betrag:>1000"));
}

TEST_CASE("akte search refuses a malformed query with a message and exit 3", "[cli][search]") {
  SearchableAkte akte;
  auto open = akte({"search", "(Vertrag"});
  CHECK(open.exit_code == 3);
  CHECK_THAT(open.err, Catch::Contains("never closed"));
  auto date = akte({"search", "datum:2024-13"});
  CHECK(date.exit_code == 3);
  CHECK_THAT(date.err, Catch::Contains("2024-13"));
  CHECK(akte({"search", "--kind", "invoice", "Vertrag"}).exit_code == 2);
}

TEST_CASE("akte search corrects a misspelled word from the index's own words", "[cli][search]") {
  SearchableAkte akte;
  auto r = akte.Ok({"search", "Weihnachtsfiere"});
  CHECK_THAT(r.out, Catch::Contains("results for \"weihnachtsfeier\""));
  CHECK_THAT(r.out, Catch::Contains("Bäckerei Weiß (10002)"));
}

TEST_CASE("akte reindex builds a new index generation that finds everything", "[cli][search]") {
  SearchableAkte akte;
  akte.Ok({"search", "Wartungsvertrag"});  // builds the first generation
  auto r = akte.Ok({"reindex"});
  CHECK_THAT(r.out, Catch::Contains("gen-000002"));
  CHECK_THAT(r.out, Catch::Contains("6 items"));  // 2 customers, 2 notes, 2 documents
  const auto index = std::filesystem::path(akte.data) / "index";
  CHECK(std::filesystem::exists(index / "gen-000002"));
  // The generation before stays for searches that still read it, the one
  // before that goes.
  CHECK(std::filesystem::exists(index / "gen-000001"));
  CHECK_THAT(akte.Ok({"reindex"}).out, Catch::Contains("gen-000003"));
  CHECK_FALSE(std::filesystem::exists(index / "gen-000001"));
  auto found = nlohmann::json::parse(akte.Ok({"search", "--json", "Brötchenlieferung"}).out);
  REQUIRE(found["hits"].size() == 1);
  CHECK(found["hits"][0]["customer"]["number"] == "10002");
}

TEST_CASE("akte fsck reports items missing from the index and --repair adds them",
          "[cli][search]") {
  SearchableAkte akte;
  akte.Ok({"search", "Wartungsvertrag"});
  CHECK_THAT(akte.Ok({"fsck"}).out, Catch::Contains("6 catalog items checked"));
  // A note filed while nothing indexes (no server running, no search since).
  akte.Ok({"note", "add", "10002", "Zahlungserinnerung verschickt"});
  auto stale = akte({"fsck"});
  CHECK(stale.exit_code == 6);
  CHECK_THAT(stale.out, Catch::Contains("Not in the index (1): note:"));
  auto repaired = akte.Ok({"fsck", "--repair"});
  CHECK_THAT(repaired.out, Catch::Contains("Repaired."));
  CHECK(akte({"fsck"}).exit_code == 0);
}

TEST_CASE("akte doc import --no-index extracts now and the next search indexes", "[cli][search]") {
  InitializedAkte akte;
  akte.Ok({"customer", "add", "10001", "--company", "Müller Maschinenbau"});
  const auto folder = akte.dir / "akten";
  std::filesystem::create_directories(folder);
  std::ofstream(folder / "protokoll.txt") << "Protokoll zur Umstellung der Telefonanlage";
  CHECK_THAT(akte.Ok({"doc", "import", "10001", folder.string(), "--no-index"}).out,
             Catch::Contains("1 extracted"));
  auto unindexed = akte({"fsck"});
  CHECK(unindexed.exit_code == 6);
  CHECK_THAT(unindexed.out, Catch::Contains("document:"));
  auto found = nlohmann::json::parse(akte.Ok({"search", "--json", "Telefonanlage"}).out);
  REQUIRE(found["hits"].size() == 1);
  CHECK(found["hits"][0]["kind"] == "document");
  CHECK(akte({"fsck"}).exit_code == 0);
}

TEST_CASE("akte doc similar leads from one contract to the other customer's", "[cli][search]") {
  SearchableAkte akte;
  auto docs = nlohmann::json::parse(
      akte.Ok({"search", "--json", "--kind", "document", "Kassensysteme"}).out);
  REQUIRE(docs["hits"].size() == 1);
  const auto id = docs["hits"][0]["id"].get<long long>();
  auto similar =
      nlohmann::json::parse(akte.Ok({"doc", "similar", std::to_string(id), "--json"}).out);
  REQUIRE_FALSE(similar.empty());
  CHECK(similar[0]["customer"]["number"] == "10001");
  for (const auto& hit : similar) CHECK(hit["id"] != id);
  CHECK(akte({"doc", "similar", "999"}).exit_code == 4);
}

}  // namespace
}  // namespace akte::cli
