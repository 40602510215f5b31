// The Eingang: an unfiled document shows the customer it resembles and is
// filed there with one click.
#include <catch2/catch.hpp>

#include "web_fixture.h"

namespace akte::test {

TEST_CASE("an inbox document is filed under its suggested customer with one click", "[web]") {
  WebTest web;
  web.AddCustomer("50001", "Bäckerei Korn");
  const auto logistics = web.AddCustomer("50002", "Becker Logistik");
  web.AddNote(logistics, "Gabelstapler für die Lagerhalle bestellt");
  auto client = web.api().Client();
  auto uploaded =
      client.Put("/api/v1/documents?filename=anfrage.txt", web.api().As("staff"),
                 "Lieferanfrage: wann kommt der Gabelstapler für die Lagerhalle?", "text/plain");
  REQUIRE(uploaded);
  REQUIRE(uploaded->status == 201);
  const auto document = Json(uploaded)["items"][0]["id"].get<archive::Id>();
  web.WaitForIndex("Lieferanfrage");

  auto& b = web.browser();
  web.LogIn("staff");
  web.Open("#/inbox");
  const std::string suggestions = "#suggestions-" + std::to_string(document);
  auto suggestion = b.WaitForText(suggestions + " .suggestion", "Becker Logistik");
  REQUIRE(suggestion);
  // The passage that makes it likely, with the shared words marked.
  CHECK_FALSE(b.FindAllIn(*suggestion, "mark").empty());
  CHECK(b.Text(b.Find(suggestions)).find("Bäckerei Korn") == std::string::npos);

  b.Click(b.FindAllIn(*suggestion, "button.suggestion-assign").at(0));
  CHECK(b.WaitForText("#inbox-list", "Der Eingang ist leer."));
  auto filed = web.api().dir().catalog().GetDocument(document);
  REQUIRE(filed.ok());
  CHECK(filed->customer_id == logistics);
}

TEST_CASE("a readonly user sees the suggestions but no buttons to file", "[web]") {
  WebTest web;
  const auto logistics = web.AddCustomer("51002", "Becker Logistik");
  web.AddNote(logistics, "Gabelstapler für die Lagerhalle bestellt");
  auto client = web.api().Client();
  auto uploaded = client.Put("/api/v1/documents?filename=anfrage.txt", web.api().As("staff"),
                             "Lieferanfrage zum Gabelstapler", "text/plain");
  REQUIRE(uploaded);
  REQUIRE(uploaded->status == 201);
  web.WaitForIndex("Lieferanfrage");

  auto& b = web.browser();
  web.LogIn("readonly");
  web.Open("#/inbox");
  REQUIRE(b.WaitForText(".suggestion", "Becker Logistik"));
  CHECK(b.FindAll("button.suggestion-assign").empty());
  CHECK(b.FindAll("form.assign").empty());
}

}  // namespace akte::test
