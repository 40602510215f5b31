// The admin's lists in the settings: custom field definitions, document and
// event types, and the firm's time zone, which every time on the page
// follows.
#include <catch2/catch.hpp>

#include "web_fixture.h"

namespace akte::test {
namespace {

// Chooses `value` in a <select> and tells the page, as a user's pick would.
void Choose(Browser& b, const std::string& css, const std::string& value) {
  b.ExecuteScript(
      "const select = arguments[0]; select.value = arguments[1];"
      "select.dispatchEvent(new Event('change')); return select.value;",
      nlohmann::json::array({Browser::AsArgument(b.Find(css)), value}));
}

// Makes window.confirm answer `answer` and remember what it asked.
void AnswerConfirm(Browser& b, bool answer) {
  b.ExecuteScript(
      "window.confirmAsked = null; const answer = arguments[0];"
      "window.confirm = (text) => { window.confirmAsked = text; return answer; }; return 0;",
      nlohmann::json::array({answer}));
}

// Clicks an element after scrolling it to the middle of the window, clear
// of the sticky top bar.
void ClickCentered(Browser& b, const std::string& css) {
  const auto element = b.Find(css);
  b.ExecuteScript("arguments[0].scrollIntoView({block: 'center'}); return 0;",
                  nlohmann::json::array({Browser::AsArgument(element)}));
  b.Click(element);
}

void Retype(Browser& b, const std::string& css, const std::string& text) {
  auto input = b.Find(css);
  b.Clear(input);
  b.Type(input, text);
}

std::vector<std::string> ApiList(WebTest& web, const std::string& path) {
  auto client = web.api().Client();
  auto body = Json(client.Get(path.c_str(), web.api().As("readonly")));
  REQUIRE(body.contains("items"));
  return body["items"].get<std::vector<std::string>>();
}

bool Has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

// Adds a note written at `utc`, through a second catalog on the server's
// file with a clock fixed at that time.
void AddNoteAt(WebTest& web, archive::Id customer_id, const std::string& text,
               const std::string& utc) {
  FixedClock clock(utc);
  auto catalog = archive::Catalog::Open(web.api().dir().root() / "catalog.db", clock);
  REQUIRE(catalog.ok());
  auto admin = (*catalog)->ActorFor("admin");
  REQUIRE(admin.ok());
  auto note = (*catalog)->AddNote(*admin, customer_id, std::nullopt, text);
  REQUIRE(note.ok());
  REQUIRE(note->created_at == utc);
}

}  // namespace

TEST_CASE("an admin defines a custom field and it shows in a customer's Individuelle Felder tab",
          "[web]") {
  WebTest web;
  const auto id = web.AddCustomer("60001", "Bäckerei Korn");
  auto& b = web.browser();
  web.LogIn("admin");
  web.Open("#/settings");

  Choose(b, "#field-form-slot", "3");
  b.Type(b.Find("#field-form-label"), "Branche");
  CHECK_FALSE(b.Displayed(b.Find("#field-form-choices")));
  Choose(b, "#field-form-type", "choice");
  CHECK(b.Displayed(b.Find("#field-form-choices")));
  b.Type(b.Find("#field-form-choices"), "Handwerk\nEinzelhandel\n");
  b.Click(b.Find("#field-form button[type=submit]"));
  REQUIRE(b.WaitForText("#field-list tr[data-slot='3']", "Branche"));
  CHECK(b.WaitForText("#field-status", "Branche"));
  auto fields = web.api().dir().catalog().ListCustomFields();
  REQUIRE(fields.ok());
  REQUIRE(fields->size() == 1);
  CHECK(fields->front().slot == 3);
  CHECK(fields->front().type == "choice");
  CHECK(fields->front().choices == std::vector<std::string>{"Handwerk", "Einzelhandel"});

  // A field without a label is refused, named at its input.
  Choose(b, "#field-form-slot", "4");
  b.Click(b.Find("#field-form button[type=submit]"));
  CHECK(b.WaitFor("#field-form-label-error", [](Browser& browser, const Browser::Element& e) {
    return !browser.Text(e).empty();
  }));

  // Choosing a defined slot fills in its definition, to redefine it.
  Choose(b, "#field-form-slot", "3");
  CHECK(b.Property(b.Find("#field-form-label"), "value") == "Branche");
  Retype(b, "#field-form-label", "Gewerk");
  b.Click(b.Find("#field-form button[type=submit]"));
  REQUIRE(b.WaitForText("#field-list tr[data-slot='3']", "Gewerk"));
  CHECK(b.FindAll("#field-list tr[data-slot]").size() == 1);

  web.Open("#/customers/" + std::to_string(id) + "/felder");
  CHECK(b.WaitForText("#custom-fields dt", "Gewerk"));
}

TEST_CASE("an admin adds and retires types; the Dokumente upload offers exactly the active ones",
          "[web]") {
  WebTest web;
  const auto id = web.AddCustomer("60002", "Gärtnerei Blum");
  auto& b = web.browser();
  web.LogIn("admin");
  web.Open("#/settings");

  b.Type(b.Find("#document-type-form-name"), "Wartungsbericht");
  b.Click(b.Find("#document-type-form button[type=submit]"));
  REQUIRE(b.WaitForText("#document-type-list li[data-name='Wartungsbericht']", "Wartungsbericht"));
  CHECK(Has(ApiList(web, "/api/v1/document-types"), "Wartungsbericht"));

  // A type that exists, in another case, is named at the input.
  b.Type(b.Find("#document-type-form-name"), "vertrag");
  b.Click(b.Find("#document-type-form button[type=submit]"));
  CHECK(b.WaitFor(
      "#document-type-form-name-error",
      [](Browser& browser, const Browser::Element& e) { return !browser.Text(e).empty(); }));

  b.Type(b.Find("#event-type-form-name"), "Videokonferenz");
  b.Click(b.Find("#event-type-form button[type=submit]"));
  REQUIRE(b.WaitForText("#event-type-list", "Videokonferenz"));
  CHECK(Has(ApiList(web, "/api/v1/event-types"), "Videokonferenz"));
  CHECK_FALSE(Has(ApiList(web, "/api/v1/document-types"), "Videokonferenz"));

  // Retiring asks first; "no" keeps the type.
  const std::string memo = "#document-type-list button.retire[data-name='Memo']";
  AnswerConfirm(b, false);
  ClickCentered(b, memo);
  REQUIRE(b.WaitUntil([&] { return b.ExecuteScript("return window.confirmAsked;").is_string(); }));
  CHECK(b.ExecuteScript("return window.confirmAsked;").get<std::string>().find("Memo") !=
        std::string::npos);
  CHECK(Has(ApiList(web, "/api/v1/document-types"), "Memo"));
  AnswerConfirm(b, true);
  ClickCentered(b, memo);
  CHECK(b.WaitUntil([&] { return b.FindAll(memo).empty(); }));
  CHECK_FALSE(Has(ApiList(web, "/api/v1/document-types"), "Memo"));

  web.Open("#/customers/" + std::to_string(id) + "/dokumente");
  b.Find("select#document-type option[value='Vertrag']");
  const auto offered = b.ExecuteScript(
      "return [...document.querySelectorAll('select#document-type option')].map((o) => o.value);");
  INFO(offered.dump());
  CHECK(offered.dump().find("\"Wartungsbericht\"") != std::string::npos);
  CHECK(offered.dump().find("\"Memo\"") == std::string::npos);
}

TEST_CASE("times follow the firm's time zone: Europe/Berlin by default, then as the admin sets it",
          "[web]") {
  WebTest web;
  const auto id = web.AddCustomer("60003", "Spedition Krüger");
  // 03:30 UTC on 15 January: 04:30 in Berlin, 22:30 the day before in New York.
  AddNoteAt(web, id, "Anruf wegen der Lieferung", "2024-01-15T03:30:00Z");
  auto& b = web.browser();
  web.LogIn("admin");
  const std::string notes = "#/customers/" + std::to_string(id) + "/notizen";
  web.Open(notes);
  CHECK(b.WaitForText("#note-list li time", "15.01.2024 04:30"));

  web.Open("#/settings");
  CHECK(b.WaitForText("#timezone-current", "Europe/Berlin"));
  // A zone the browser does not know is refused before it is sent.
  Retype(b, "#timezone-form-timezone", "Mars/Olympus_Mons");
  b.Click(b.Find("#timezone-form button[type=submit]"));
  CHECK(b.WaitFor("#timezone-form-timezone-error", [](Browser& browser, const Browser::Element& e) {
    return !browser.Text(e).empty();
  }));
  CHECK_FALSE(web.api().dir().catalog().GetSetting("firm.timezone")->has_value());

  Retype(b, "#timezone-form-timezone", "America/New_York");
  b.Click(b.Find("#timezone-form button[type=submit]"));
  REQUIRE(b.WaitForText("#timezone-status", "America/New_York"));
  CHECK(web.api().dir().catalog().GetSetting("firm.timezone")->value_or("") == "America/New_York");

  web.Open(notes);
  CHECK(b.WaitForText("#note-list li time", "14.01.2024 22:30"));
  b.Refresh();  // read from the server again, not kept from the settings page
  CHECK(b.WaitForText("#note-list li time", "14.01.2024 22:30"));

  // Saving is based on the version read: a change made meanwhile is shown,
  // not overwritten, and a second save replaces it.
  web.Open("#/settings");
  REQUIRE(b.WaitForText("#timezone-current", "America/New_York"));
  auto admin = web.api().dir().catalog().ActorFor("admin");
  REQUIRE(admin.ok());
  REQUIRE(web.api().dir().catalog().SetSetting(*admin, "firm.timezone", "Asia/Tokyo").ok());
  Retype(b, "#timezone-form-timezone", "Europe/Vienna");
  b.Click(b.Find("#timezone-form button[type=submit]"));
  CHECK(b.WaitForText("#timezone-status", "Asia/Tokyo"));
  CHECK(web.api().dir().catalog().GetSetting("firm.timezone")->value_or("") == "Asia/Tokyo");
  b.Click(b.Find("#timezone-form button[type=submit]"));
  CHECK(b.WaitForText("#timezone-status", "Europe/Vienna"));
  CHECK(web.api().dir().catalog().GetSetting("firm.timezone")->value_or("") == "Europe/Vienna");
}

}  // namespace akte::test
