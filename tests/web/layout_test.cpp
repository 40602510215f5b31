// The page at a tablet's width: every page fits the screen, nothing needs
// sideways scrolling, and the tabs and the search box stay within reach.
#include <catch2/catch.hpp>

#include "web_fixture.h"

namespace akte::test {
namespace {

// How far the page is wider than the window, in CSS pixels (0 when it fits).
int Overflow(Browser& b) {
  return b
      .ExecuteScript(
          "const page = document.scrollingElement;"
          "return Math.max(0, page.scrollWidth - window.innerWidth);")
      .get<int>();
}

}  // namespace

TEST_CASE("at a tablet's width every page fits without sideways scrolling", "[web]") {
  WebTest web;
  const auto id =
      web.AddCustomer("70001", "Steuerkanzlei Groß & Partner mbB, Niederlassung Leipzig");
  web.AddNote(id, "Rückruf zum Datenschutz-Audit: Termin für die Nachprüfung vereinbart");
  archive::BusinessRecord invoice;
  invoice.customer_id = id;
  invoice.kind = archive::kRecordInvoice;
  invoice.number = "RE-2024-0815";
  invoice.record_date = "2024-03-01";
  invoice.subject = "Jahresabschluss 2023 mit Anlagenverzeichnis und Lohnbuchhaltung";
  invoice.net_cents = 1250000;
  invoice.tax_cents = 237500;
  auto& catalog = web.api().dir().catalog();
  auto admin = catalog.ActorFor("admin");
  REQUIRE(admin.ok());
  REQUIRE(catalog.AddBusinessRecord(*admin, invoice).ok());
  auto today = catalog.FirmToday();
  REQUIRE(today.ok());
  archive::FollowUp follow_up;
  follow_up.customer_id = id;
  follow_up.due_date = *today;
  follow_up.reason = "Unterlagen für den Jahresabschluss 2024 anfordern und Termin zur Besprechung";
  REQUIRE(catalog.AddFollowUp(*admin, follow_up).ok());
  web.WaitForIndex("Datenschutz-Audit");
  auto& b = web.browser();
  b.SetWindowSize(768, 1024);
  web.LogIn("admin");
  CHECK(b.ExecuteScript("return window.innerWidth;").get<int>() <= 768);

  const std::vector<std::pair<std::string, std::string>> pages = {
      {"#/overview", "#followups-due-today li.follow-up"},
      {"#/customers", "tr.customer-row"},
      {"#/search?q=Datenschutz-Audit", "#results .hit"},
      {"#/customers/" + std::to_string(id) + "/adresse", "#customer-name"},
      {"#/customers/" + std::to_string(id) + "/notizen", "#note-list li"},
      {"#/customers/" + std::to_string(id) + "/historie", ".timeline-entry"},
      {"#/customers/" + std::to_string(id) + "/statistik", "#statement-lines tr.statement-line"},
      {"#/inbox", "h1"},
      {"#/settings", "h1"},
  };
  for (const auto& [route, shown] : pages) {
    INFO("page " << route);
    web.Open(route);
    b.Find(shown);
    CHECK(Overflow(b) == 0);
  }
  // The search box and every tab of the file are on screen.
  web.Open("#/customers/" + std::to_string(id));
  b.Find("#customer-name");
  const auto off_screen = b.ExecuteScript(
      "return [...document.querySelectorAll('#search, #customer-file button[data-tab]')]"
      "  .filter((e) => { const r = e.getBoundingClientRect();"
      "                   return r.width === 0 || r.left < 0 || r.right > window.innerWidth; })"
      "  .map((e) => e.id || e.dataset.tab);");
  CHECK(off_screen == nlohmann::json::array());
}

}  // namespace akte::test
