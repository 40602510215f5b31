// The README's tour on the sample firm, in a real browser: the three
// suggested searches, a customer file, the Eingang. With AKTE_SCREENSHOTS
// set to a folder, it also saves the README's screenshots there.
#include <httplib.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <set>

#include "akte/indexer/firm_import.h"
#include "web_fixture.h"

namespace akte::test {
namespace {

void Screenshot(Browser& b, const std::string& name) {
  const char* folder = std::getenv("AKTE_SCREENSHOTS");
  if (folder && *folder) b.Screenshot(std::filesystem::path(folder) / (name + ".png"));
}

}  // namespace

TEST_CASE("the README's tour works on the sample firm", "[web][samples]") {
  WebTest web;
  const auto manifest_path = std::filesystem::path(AKTE_SAMPLES_DIR) / "manifest.json";
  const auto manifest = nlohmann::json::parse(ReadFile(manifest_path));
  auto& catalog = web.api().dir().catalog();
  indexer::PipelineOptions options;
  options.worker_executable = AKTE_BINARY;
  auto loaded =
      indexer::ImportFirm(web.api().dir(), *catalog.ActorFor("admin"), manifest_path, options);
  INFO(loaded.status().ToString());
  REQUIRE(loaded.ok());
  // The server reads every document and indexes it, as after `akte demo`.
  web.WaitUntilSettled(std::chrono::minutes(10));
  const auto& searches = manifest["expected"]["searches"];
  auto& b = web.browser();
  web.LogIn("admin");

  // Each suggested search, grouped by customer, lists exactly the customers
  // the README names.
  for (const auto& search : searches) {
    const std::string query = search["query"];
    INFO("search: " << query);
    std::set<std::string> wanted;
    for (const auto& number : search["customers"]) {
      auto customer = catalog.FindCustomerByNumber(number.get<std::string>());
      REQUIRE(customer.ok());
      wanted.insert(customer->DisplayName());
    }
    web.Open("#/search?q=" + httplib::detail::encode_query_param(query) + "&customers=true");
    std::set<std::string> shown;
    b.WaitUntil([&] {
      shown.clear();
      for (const auto& name : b.FindAll("#results a.customer-result-name")) {
        shown.insert(b.Text(name));
      }
      return shown == wanted;
    });
    CHECK(shown == wanted);
  }
  // The first search again, for the screenshot, then into the first customer's file.
  b.Clear(b.Find("input#search"));
  b.Type(b.Find("input#search"), searches[0]["query"].get<std::string>());
  b.PressKeys(keys::kEnter);
  // Which passages rank first depends on the order the documents were read
  // in (compounds split against the words indexed so far); any marked hit will do.
  REQUIRE(b.WaitFor("#results .hit .hit-snippet mark",
                    [](Browser&, const Browser::Element&) { return true; }));
  Screenshot(b, "search");
  const auto hit_customer = b.Find("#results .hit a.hit-customer");
  const std::string name = b.Text(hit_customer);
  b.Click(hit_customer);
  REQUIRE(b.WaitForText("#customer-file #customer-name", name));
  b.Click(b.Find("button[data-tab=historie]"));
  // Authors by their names, not their logins.
  CHECK(b.WaitForText(".timeline-entry .timeline-author", "Tobias Brandt"));
  for (const auto& author : b.FindAll(".timeline-entry .timeline-author")) {
    CHECK(b.Text(author) != "tobias");
  }
  Screenshot(b, "customer-file");

  // The Eingang: the emails of unknown senders, each with its likely customer
  // first (the distributor writes about Zürcher Treuhand's server).
  web.Open("#/inbox");
  const auto delayed = b.WaitForText(".inbox-item", "Lieferverzug");
  REQUIRE(delayed);
  CHECK(b.WaitUntil([&] {
    const auto suggestions = b.FindAllIn(*delayed, ".suggestion a");
    return !suggestions.empty() &&
           b.Text(suggestions.front()).find("Zürcher Treuhand") != std::string::npos;
  }));
  // Why it waits, in German (the server says it in English).
  CHECK(b.Text(b.FindAllIn(*delayed, ".reason").at(0)) ==
        "kein Kunde und kein Ansprechpartner hat die Adresse m.hartmann@techdistribution-ost.de");
  CHECK(b.FindAll(".inbox-item").size() == manifest["expected"]["inbox_after_mail"].get<size_t>());
  Screenshot(b, "inbox");
}

}  // namespace akte::test
