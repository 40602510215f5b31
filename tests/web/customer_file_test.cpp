// The customer file: opening it from the list, and its notes.
#include <catch2/catch.hpp>

#include "web_fixture.h"

namespace akte::test {

TEST_CASE("opening a customer shows the file with its name and tabs", "[web]") {
  WebTest web;
  web.AddCustomer("40001", "Bäckerei Korn");
  const auto id = web.AddCustomer("40002", "Gärtnerei Blum");
  auto& b = web.browser();
  web.LogIn("staff");
  web.Open("#/customers");

  auto row = b.WaitForText("tr.customer-row[data-id]", "Gärtnerei Blum");
  REQUIRE(row);
  CHECK(b.Attribute(*row, "data-id") == std::to_string(id));
  b.Click(*row);
  CHECK(b.WaitForText("#customer-file #customer-name", "Gärtnerei Blum"));
  CHECK(b.WaitUntil(
      [&] { return b.Url().find("#/customers/" + std::to_string(id)) != std::string::npos; }));
  for (const char* tab : {"adresse", "ansprechpartner", "konditionen", "felder", "dokumente",
                          "notizen", "historie", "statistik"}) {
    INFO("tab " << tab);
    CHECK(b.FindAll(std::string("#customer-file button[data-tab=") + tab + "]").size() == 1);
  }
}

TEST_CASE("a note added in the Notizen tab appears with its author", "[web]") {
  WebTest web;
  const auto id = web.AddCustomer("41001", "Gärtnerei Blum");
  web.AddNote(id, "Erste Notiz vom Telefon");
  auto& b = web.browser();
  web.LogIn("admin");
  web.Open("#/customers/" + std::to_string(id) + "/notizen");
  REQUIRE(b.WaitForText("#customer-name", "Gärtnerei Blum"));
  b.Click(b.Find("button[data-tab=notizen]"));
  REQUIRE(b.WaitForText("#note-list li", "Erste Notiz vom Telefon"));

  const std::string text = "Liefertermin auf Dienstag verschoben";
  b.Type(b.Find("textarea#note-text"), text);
  b.Click(b.Find("button#note-add"));
  auto note = b.WaitForText("#note-list li", text);
  REQUIRE(note);
  // The author: the username the API stores, or the user's display name.
  const std::string shown = b.Text(*note);
  INFO("the new note reads '" << shown << "'");
  CHECK((shown.find(kAdminName) != std::string::npos || shown.find("admin") != std::string::npos));
  CHECK(b.FindAll("#note-list li").size() == 2);
  CHECK(b.WaitUntil([&] { return b.Property(b.Find("textarea#note-text"), "value") == ""; }));

  // It was stored: the API lists it, and a reload shows it again.
  auto client = web.api().Client();
  const auto notes =
      Json(client.Get("/api/v1/customers/" + std::to_string(id) + "/notes", web.api().As("staff")));
  INFO(notes.dump());
  CHECK(notes.dump().find(text) != std::string::npos);
  b.Refresh();
  CHECK(b.WaitForText("#note-list li", text));
}

}  // namespace akte::test
