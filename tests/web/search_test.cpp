// Searching from the top bar.
#include <catch2/catch.hpp>

#include "web_fixture.h"

namespace akte::test {

TEST_CASE("'/' focuses the search and Enter shows hits with the word marked", "[web]") {
  WebTest web;
  const auto customer = web.AddCustomer("30001", "Gärtnerei Blum");
  web.AddCustomer("30002", "Bäckerei Korn");
  web.AddNote(customer, "Rückruf wegen Trampolin im Garten vereinbart");
  web.WaitForIndex("Trampolin");
  auto& b = web.browser();
  web.LogIn("staff");

  b.Click(b.Find("body"));
  b.PressKeys("/");
  const auto search = b.Find("input#search");
  CHECK(b.WaitUntil([&] { return b.Active() == search; }));
  b.PressKeys("Trampolin");
  CHECK(b.Property(search, "value") == "Trampolin");
  // What is typed can be read: dark text on the light field, not the top bar's white.
  const auto colours = b.ExecuteScript(
      "const style = getComputedStyle(document.querySelector('input#search'));"
      "return [style.color, style.backgroundColor];");
  CHECK(colours[0] != colours[1]);
  CHECK(colours[0] != "rgb(255, 255, 255)");
  b.PressKeys(keys::kEnter);

  CHECK(b.WaitUntil([&] { return b.Url().find("#/search?q=Trampolin") != std::string::npos; }));
  auto hit = b.WaitForText("#results .hit", "Trampolin");
  REQUIRE(hit);
  CHECK_FALSE(b.FindAllIn(*hit, ".hit-title").empty());
  const auto marks = b.FindAll("#results .hit .hit-snippet mark");
  REQUIRE_FALSE(marks.empty());
  CHECK(b.Text(marks[0]) == "Trampolin");
  CHECK(b.WaitForText("#results", "Gärtnerei Blum"));
  // The other customer has no such note.
  CHECK(b.Text(b.Find("#results")).find("Bäckerei Korn") == std::string::npos);
}

TEST_CASE("a search route opened directly shows its hits", "[web]") {
  WebTest web;
  const auto customer = web.AddCustomer("31001", "Gärtnerei Blum");
  web.AddNote(customer, "Angebot für Rollrasen geschickt");
  web.WaitForIndex("Rollrasen");
  auto& b = web.browser();
  web.LogIn("staff");
  web.Open("#/search?q=Rollrasen");
  CHECK(b.WaitForText("#results .hit .hit-snippet mark", "Rollrasen"));
  CHECK(b.Property(b.Find("input#search"), "value") == "Rollrasen");
}

}  // namespace akte::test
