// The day's work in one go, as a user does it: log in, find the customer
// by what was said, file a PDF by dropping it on the page, find it again by
// a word inside it, write a note, and read the page in English.
#include <time.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <regex>

#include "akte/archive/time.h"
#include "fixtures.h"
#include "web_fixture.h"

namespace akte::test {
namespace {

// "28.11.2026 05:07": a UTC timestamp in the firm's default zone, as the
// German page writes it.
std::string BerlinDateTime(const std::string& utc) {
  auto at = ParseUtc(utc);
  REQUIRE(at.ok());
  const char* saved = std::getenv("TZ");
  const std::string previous = saved ? saved : "";
  setenv("TZ", "Europe/Berlin", 1);
  tzset();
  const time_t t = std::chrono::system_clock::to_time_t(*at);
  struct tm local {};
  localtime_r(&t, &local);
  char text[32];
  strftime(text, sizeof text, "%d.%m.%Y %H:%M", &local);
  if (saved) {
    setenv("TZ", previous.c_str(), 1);
  } else {
    unsetenv("TZ");
  }
  tzset();
  return text;
}

// Drops a file on the element as a user's drag and drop does: a
// DataTransfer holding the file, through dragenter, dragover and drop.
void DropFile(Browser& b, const std::string& css, const std::string& name, const std::string& type,
              const std::string& bytes) {
  nlohmann::json octets = nlohmann::json::array();
  for (unsigned char c : bytes) octets.push_back(c);
  b.ExecuteScript(
      "const [css, name, type, octets] = arguments;"
      "const file = new File([new Uint8Array(octets)], name, {type});"
      "const data = new DataTransfer();"
      "data.items.add(file);"
      "const zone = document.querySelector(css);"
      "for (const kind of ['dragenter', 'dragover', 'drop'])"
      "  zone.dispatchEvent(new DragEvent(kind, {bubbles: true, cancelable: true,"
      "                                          dataTransfer: data}));"
      "return true;",
      {css, name, type, octets});
}

}  // namespace

TEST_CASE("a user finds the customer, files a PDF by drag and drop, finds it, notes it", "[web]") {
  WebTest web;
  web.AddCustomer("60001", "Bäckerei Korn");
  const auto id = web.AddCustomer("60002", "Hofmann Elektrotechnik");
  web.AddNote(id, "Rückruf: das Migrationsprojekt startet im März");
  web.WaitForIndex("Migrationsprojekt");
  auto& b = web.browser();

  // Log in and ask.
  web.LogIn("admin");
  b.Click(b.Find("body"));
  b.PressKeys("/");
  b.PressKeys("Migrationsprojekt");
  b.PressKeys(keys::kEnter);
  auto hit = b.WaitForText("#results .hit", "Migrationsprojekt");
  REQUIRE(hit);
  CHECK(b.Text(b.Find("#results")).find("Bäckerei Korn") == std::string::npos);

  // Open the customer from the hit.
  b.Click(b.FindAllIn(*hit, "a.hit-customer").at(0));
  REQUIRE(b.WaitForText("#customer-file #customer-name", "Hofmann Elektrotechnik"));

  // Drop a PDF on the Dokumente tab; it shows in the list and is read.
  b.Click(b.Find("button[data-tab=dokumente]"));
  b.Find("#drop-zone");
  DropFile(b, "#drop-zone", "Angebot Umzug.pdf", "application/pdf",
           MakePdf({"Angebot", "Umzug des Rechenzentrums nach Halle 3"}));
  auto row = b.WaitForText("#document-list tr.document-row", "Angebot Umzug.pdf");
  REQUIRE(row);
  CHECK(b.WaitForText(".upload-status", "1"));
  const bool read = b.WaitUntil(
      [&] {
        b.Click(b.Find("button[data-tab=dokumente]"));
        auto now = b.WaitForText("#document-list tr.document-row", "Angebot Umzug.pdf");
        return now && b.Text(*now).find("gelesen") != std::string::npos;
      },
      std::chrono::seconds(30));
  INFO(b.Text(b.Find("#document-list")));
  CHECK(read);
  auto stored = web.api().dir().catalog().ListDocuments(id);
  REQUIRE(stored.ok());
  REQUIRE(stored->size() == 1);
  CHECK(stored->front().filename == "Angebot Umzug.pdf");

  // Find it by a word only its second page has.
  web.WaitForIndex("Rechenzentrums");
  b.Clear(b.Find("input#search"));
  b.Type(b.Find("input#search"), "Rechenzentrum");
  b.PressKeys(keys::kEnter);
  auto found = b.WaitForText("#results .hit", "Angebot Umzug.pdf");
  REQUIRE(found);
  CHECK(b.Text(*found).find("Hofmann Elektrotechnik") != std::string::npos);
  CHECK(b.Text(*found).find("Seite 2") != std::string::npos);

  // A note: author and time come from the server.
  web.Open("#/customers/" + std::to_string(id) + "/notizen");
  b.Click(b.Find("button[data-tab=notizen]"));
  b.Type(b.Find("textarea#note-text"), "Angebot zum Umzug verschickt");
  b.Click(b.Find("button#note-add"));
  auto note = b.WaitForText("#note-list li", "Angebot zum Umzug verschickt");
  REQUIRE(note);
  auto client = web.api().Client();
  const auto notes = Json(client.Get("/api/v1/customers/" + std::to_string(id) + "/notes",
                                     web.api().As("staff")))["items"];
  auto added = std::find_if(notes.begin(), notes.end(), [](const auto& n) {
    return n["text"] == "Angebot zum Umzug verschickt";
  });
  REQUIRE(added != notes.end());
  const std::string meta = b.Text(b.FindAllIn(*note, ".note-meta").at(0));
  CHECK_THAT(meta, Catch::Contains(kAdminName));
  CHECK_THAT(meta, Catch::Contains(BerlinDateTime((*added)["created_at"])));

  // English: the same file in the other language and its conventions.
  b.Click(b.Find("select#language option[value=en]"));
  CHECK(b.WaitForText("button[data-tab=notizen]", "Notes"));
  // "28 Nov 2026, 13:47": the English view names the month.
  const std::regex english_date(R"(\d{1,2} [A-Z][a-z]{2} \d{4}, \d{2}:\d{2})");
  CHECK(b.WaitFor("#note-list li .note-meta", [&](Browser& browser, const Browser::Element& meta) {
    return std::regex_search(browser.Text(meta), english_date);
  }));
}

}  // namespace akte::test
