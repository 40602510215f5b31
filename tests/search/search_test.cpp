#include <sqlite3.h>

#include <catch2/catch.hpp>

#include "search_fixture.h"

namespace akte::search {
namespace {

using test::SearchFixture;

struct Question {
  std::string query;
  std::string customer;   // expected first in customer mode
  std::string kind;       // expected among the top 3 hits in list mode
  std::string title_has;  // ... with this in its title or snippet
};

// In list mode the top three hits; a question for a customer answers in
// customer mode, with the first customer's evidence.
bool InTopThree(const SearchResponse& r, const Question& q) {
  const std::vector<Hit>& hits =
      r.customer_mode ? (r.customers.empty() ? r.hits : r.customers.front().evidence) : r.hits;
  for (std::size_t i = 0; i < hits.size() && i < 3; ++i) {
    const Hit& hit = hits[i];
    if (hit.kind == q.kind && (hit.title.find(q.title_has) != std::string::npos ||
                               hit.snippet.text.find(q.title_has) != std::string::npos)) {
      return true;
    }
  }
  return false;
}

TEST_CASE("German and English questions name the right customer and the proving item",
          "[search][e2e]") {
  SearchFixture f;
  const std::vector<Question> questions = {
      // a fact only in a note; the compound typed whole, and umlauts typed as ue
      {"Rückruf Migrationsprojekt", "10001", "note", "Migrationsprojekts"},
      {"Rueckruf Warenwirtschaft", "10001", "note", "Warenwirtschaft"},
      {"Mueller Migrations-Projekt", "10001", "note", "Migrationsprojekts"},
      // only in a history event
      {"Preiserhoehung", "10002", "event", "Preiserhöhung"},
      {"welcher Kunde hat über die Preiserhöhung gesprochen", "10002", "event", "Preiserhöhung"},
      // only in an email attachment (a PDF inside an .eml)
      {"Festplattenverschlüsselung", "10003", "document", "Festplattenverschlüsselung"},
      // only in a zip member
      {"Content-Management Relaunch", "10004", "document", "Content-Management"},
      // only in master data, typed without umlauts as OCR would lose them
      {"Hangeschranke Werkstatt", "10005", "customer", "Hängeschränke"},
      // English, and an English question about a German-style compound
      {"which customer mentioned the CRM migration project", "10006", "note", "migration"},
      // inflections: Vertrag finds Verträge
      {"Vertrag verlängert", "10007", "document", "Verträge"},
      // identifiers as typed
      {"RE-2024-0042", "10007", "document", "RE-2024-0042"},
      {"+41 44 210 98 76", "10007", "customer", "Zürcher"},
      // "Projekt zur Migration" found by the compound
      {"Migrationsprojekt Mailserver", "10008", "document", "Mailservers"},
  };
  for (const auto& q : questions) {
    INFO("query: " << q.query);
    auto grouped = f.Search(q.query, true);
    REQUIRE_FALSE(grouped.customers.empty());
    CHECK(grouped.customers.front().customer.number == q.customer);
    auto list = f.Search(q.query);
    CHECK(InTopThree(list, q));
  }
}

TEST_CASE("Compounds, hyphens and phrases find each other in all directions", "[search][e2e]") {
  SearchFixture f;
  // The note says "Migrationsprojekts"; Meier's document "Projekt zur Migration".
  for (const char* query : {"Migrationsprojekt", "Migrations-Projekt", "Projekt Migration"}) {
    INFO(query);
    auto r = f.Search(query, true);
    std::vector<std::string> numbers;
    for (const auto& c : r.customers) numbers.push_back(c.customer.number);
    CHECK(std::find(numbers.begin(), numbers.end(), "10001") != numbers.end());
    CHECK(std::find(numbers.begin(), numbers.end(), "10008") != numbers.end());
  }
  auto phrase = f.Search("\"Projekt zur Migration\"");
  REQUIRE(phrase.hits.size() == 1);
  CHECK(phrase.hits[0].customer_number == "10008");
}

TEST_CASE("Filters narrow by kind, type, author, customer and date", "[search][e2e]") {
  SearchFixture f;
  auto notes = f.Search("art:notiz");
  REQUIRE(notes.hits.size() == 2);
  for (const auto& hit : notes.hits) CHECK(hit.kind == "note");

  auto contracts = f.Search("typ:Vertrag");
  REQUIRE(contracts.hits.size() == 1);
  CHECK(contracts.hits[0].customer_number == "10007");

  auto by_tobias = f.Search("von:tobias");
  REQUIRE(by_tobias.hits.size() == 1);
  CHECK(by_tobias.hits[0].id == f.note_migration);

  auto calls = f.Search("typ:anruf 2024-11");
  REQUIRE(calls.hits.size() == 1);
  CHECK(calls.hits[0].id == f.event_price);
  CHECK(f.Search("typ:anruf 2023").hits.empty());
  CHECK(f.Search("typ:anruf seit:2024-11-21").hits.empty());
  CHECK(f.Search("typ:anruf 2024-11-01..2024-11-30").hits.size() == 1);

  auto customer = f.Search("kunde:10001");
  REQUIRE_FALSE(customer.hits.empty());
  for (const auto& hit : customer.hits) CHECK(hit.customer_number == "10001");
  CHECK_FALSE(f.Search("kunde:Müller Rückruf").hits.empty());
  CHECK(f.Search("kunde:Meier Rückruf").hits.empty());

  auto without = f.Search("Migration -Mailserver");
  for (const auto& hit : without.hits) CHECK(hit.customer_number != "10008");
}

TEST_CASE("A misspelled query is searched as corrected from the index's words", "[search][e2e]") {
  SearchFixture f;
  auto r = f.Search("Warenwirtshaft");
  CHECK(r.corrected_query == "warenwirtschaft");
  REQUIRE_FALSE(r.hits.empty());
  CHECK(r.hits[0].id == f.note_migration);
}

TEST_CASE("A query with words no item has together falls back to any of them", "[search][e2e]") {
  SearchFixture f;
  auto r = f.Search("Mailserver Festplattenverschlüsselung");
  CHECK(r.relaxed);
  CHECK(r.hits.size() >= 2);
}

TEST_CASE("Hits carry a highlighted snippet and the page of a PDF", "[search][e2e]") {
  SearchFixture f;
  auto r = f.Search("Festplattenverschluesselung");
  REQUIRE_FALSE(r.hits.empty());
  const Hit& hit = r.hits[0];
  CHECK(hit.kind == "document");
  CHECK(hit.title == "bericht");
  CHECK(hit.page == 2);
  CHECK(hit.customer_number == "10003");
  REQUIRE_FALSE(hit.snippet.highlights.empty());
  const auto& h = hit.snippet.highlights[0];
  CHECK(hit.snippet.text.substr(h.begin, h.end - h.begin) == "Festplattenverschlüsselung");
}

TEST_CASE("A wildcard hit highlights the words the wildcard stands for", "[search][e2e]") {
  SearchFixture f;
  auto r = f.Search("Warenwirt*");
  REQUIRE_FALSE(r.hits.empty());
  const Hit& hit = r.hits[0];
  CHECK(hit.id == f.note_migration);
  REQUIRE(hit.snippet.highlights.size() == 1);
  const auto& h = hit.snippet.highlights[0];
  CHECK(hit.snippet.text.substr(h.begin, h.end - h.begin) == "Warenwirtschaft");
}

TEST_CASE("Facets count the results by kind, customer and year", "[search][e2e]") {
  SearchFixture f;
  SearchRequest request;
  request.query = "Migration";
  request.facets = true;
  auto searcher = Searcher::Open(*f.dir);
  REQUIRE(searcher.ok());
  auto r = (*searcher)->Search(request);
  REQUIRE(r.ok());
  REQUIRE(r->facets);
  CHECK(r->facets->kinds["note"] == 2);
  CHECK(r->facets->kinds["document"] == 1);
  auto muller = std::find_if(r->facets->customers.begin(), r->facets->customers.end(),
                             [&](const CustomerFacet& c) { return c.id == f.Customer("10001"); });
  REQUIRE(muller != r->facets->customers.end());
  CHECK(muller->count == 1);
  CHECK(muller->number == "10001");
  CHECK_THAT(muller->name, Catch::Contains("Müller"));
  CHECK(std::is_sorted(r->facets->customers.begin(), r->facets->customers.end(),
                       [](const auto& a, const auto& b) { return a.count > b.count; }));
  CHECK(r->facets->exact);
}

TEST_CASE("Similar documents share the telling words", "[search][e2e]") {
  SearchFixture f;
  const auto id = f.File("10002", "wartung.txt",
                         "Die Verträge zur Buchhaltung wurden verlängert, um zwei Jahre.");
  f.Refresh();
  auto searcher = Searcher::Open(*f.dir);
  REQUIRE(searcher.ok());
  auto similar = (*searcher)->Similar(id);
  REQUIRE(similar.ok());
  REQUIRE_FALSE(similar->empty());
  CHECK(similar->front().customer_number == "10007");
  for (const auto& hit : *similar) CHECK(hit.id != id);
}

TEST_CASE("An inbox document is suggested to the customer whose file it resembles",
          "[search][e2e]") {
  SearchFixture f;
  const auto id = f.File("", "anfrage.txt",
                         "Bitte um ein Angebot für zwei weitere Hängeschränke in der Werkstatt.");
  f.Refresh();
  auto searcher = Searcher::Open(*f.dir);
  REQUIRE(searcher.ok());
  auto suggested = (*searcher)->SuggestCustomers(id, 3);
  REQUIRE(suggested.ok());
  REQUIRE_FALSE(suggested->empty());
  CHECK(suggested->size() <= 3);
  CHECK(suggested->front().customer.number == "10005");
  REQUIRE_FALSE(suggested->front().evidence.empty());
  for (const auto& result : *suggested) {
    for (const auto& hit : result.evidence) CHECK_FALSE((hit.kind == "document" && hit.id == id));
  }
  CHECK(std::is_sorted(suggested->begin(), suggested->end(),
                       [](const auto& a, const auto& b) { return a.score > b.score; }));

  auto unknown = (*searcher)->SuggestCustomers(999999, 3);
  CHECK(unknown.status().code() == StatusCode::kNotFound);
}

TEST_CASE("Hits show the catalog as it is now, and a deleted item never shows", "[search][e2e]") {
  SearchFixture f;
  // Read once with the old name (the searcher keeps customers it read)...
  auto before = f.Search("Warenwirtschaft", true);
  REQUIRE_FALSE(before.customers.empty());
  CHECK(before.customers[0].customer.company == "Müller Maschinenbau");
  auto customer = *f.dir->catalog().GetCustomer(f.Customer("10001"));
  customer.company = "Müller Anlagenbau";
  REQUIRE(f.dir->catalog().UpdateCustomer(f.admin, customer).ok());
  // ... then renamed, not yet indexed: the hit names the customer as it is now.
  auto r = f.Search("Warenwirtschaft");
  REQUIRE_FALSE(r.hits.empty());
  CHECK(r.hits[0].customer_name == "Müller Anlagenbau GmbH");
  auto grouped = f.Search("Warenwirtschaft", true);
  REQUIRE_FALSE(grouped.customers.empty());
  CHECK(grouped.customers[0].customer.company == "Müller Anlagenbau");

  // Remove the note behind akte's back: the stale index entry is not shown.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((f.tmp / "data/catalog.db").c_str(), &db) == SQLITE_OK);
  const std::string sql = "DELETE FROM notes WHERE id = " + std::to_string(f.note_migration);
  REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  CHECK(f.Search("Warenwirtschaft").hits.empty());
  f.Refresh();
  auto after = f.Search("Anlagenbau");
  REQUIRE_FALSE(after.hits.empty());  // renamed: the index followed
  CHECK(f.Search("Warenwirtschaft").hits.empty());
}

}  // namespace
}  // namespace akte::search
