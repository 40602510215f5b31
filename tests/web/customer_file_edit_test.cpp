// Editing in the customer file: contacts (with the conflict view), notes,
// history events and archiving the customer.
#include <catch2/catch.hpp>
#include <chrono>

#include "akte/archive/time.h"
#include "web_fixture.h"

namespace akte::test {
namespace {

archive::Actor Admin(WebTest& web) {
  auto admin = web.api().dir().catalog().ActorFor("admin");
  REQUIRE(admin.ok());
  return *admin;
}

archive::Id AddContact(WebTest& web, archive::Id customer_id, const std::string& last_name,
                       const std::string& role) {
  archive::Contact draft;
  draft.customer_id = customer_id;
  draft.first_name = "Anna";
  draft.last_name = last_name;
  draft.role = role;
  auto created = web.api().dir().catalog().CreateContact(Admin(web), draft);
  REQUIRE(created.ok());
  return created->id;
}

archive::Contact StoredContact(WebTest& web, archive::Id id) {
  auto contact = web.api().dir().catalog().GetContact(id);
  REQUIRE(contact.ok());
  return *contact;
}

// Replaces the text of an input or textarea.
void Retype(Browser& b, const std::string& css, const std::string& text) {
  auto input = b.Find(css);
  b.Clear(input);
  b.Type(input, text);
}

// Sets a date input (typing dates depends on the browser's locale) and
// tells the page, as a user's pick would.
void PickDate(Browser& b, const std::string& css, const std::string& iso_date) {
  b.ExecuteScript(
      "const input = arguments[0]; input.value = arguments[1];"
      "input.dispatchEvent(new Event('change')); return 0;",
      nlohmann::json::array({Browser::AsArgument(b.Find(css)), iso_date}));
}

// Makes window.confirm answer `answer` and remember what it asked.
void AnswerConfirm(Browser& b, bool answer) {
  b.ExecuteScript(
      "window.confirmAsked = null; const answer = arguments[0];"
      "window.confirm = (text) => { window.confirmAsked = text; return answer; }; return 0;",
      nlohmann::json::array({answer}));
}

}  // namespace

TEST_CASE("a contact edited in the Ansprechpartner tab is stored in the catalog", "[web]") {
  WebTest web;
  const auto customer = web.AddCustomer("50001", "Gärtnerei Blum");
  const auto contact = AddContact(web, customer, "Weber", "Einkauf");
  auto& b = web.browser();
  web.LogIn("staff");
  web.Open("#/customers/" + std::to_string(customer) + "/ansprechpartner");
  const std::string card = "#contact-list li[data-id='" + std::to_string(contact) + "']";
  REQUIRE(b.WaitForText(card, "Einkauf"));

  b.Click(b.Find(card + " button.contact-edit"));
  Retype(b, "#contact-edit-role", "Geschäftsführung");
  b.Type(b.Find("#contact-edit-emails"), "anna.weber@blum.example");
  b.Click(b.Find("#contact-edit button[type=submit]"));

  CHECK(b.WaitForText(card, "Geschäftsführung"));
  CHECK(b.WaitForText(card, "anna.weber@blum.example"));
  const auto stored = StoredContact(web, contact);
  CHECK(stored.role == "Geschäftsführung");
  CHECK(stored.emails == std::vector<std::string>{"anna.weber@blum.example"});
  CHECK(stored.last_name == "Weber");
  CHECK(stored.version == 2);
}

TEST_CASE("a contact edit meeting a newer version shows both and overwrites nothing", "[web]") {
  WebTest web;
  const auto customer = web.AddCustomer("51001", "Gärtnerei Blum");
  const auto contact = AddContact(web, customer, "Weber", "Einkauf");
  auto& b = web.browser();
  web.LogIn("staff");
  web.Open("#/customers/" + std::to_string(customer) + "/ansprechpartner");
  const std::string card = "#contact-list li[data-id='" + std::to_string(contact) + "']";
  REQUIRE(b.WaitForText(card, "Einkauf"));
  b.Click(b.Find(card + " button.contact-edit"));
  Retype(b, "#contact-edit-role", "Geschäftsführung");

  // Someone else saves the contact while the form is open.
  auto theirs = StoredContact(web, contact);
  theirs.role = "Vertrieb";
  REQUIRE(web.api().dir().catalog().UpdateContact(Admin(web), theirs).ok());

  b.Click(b.Find("#contact-edit button[type=submit]"));
  REQUIRE(b.WaitForText("#conflict", "Vertrieb"));
  const auto row = b.Find("#conflict tr[data-field=role]");
  CHECK(b.Text(b.FindAllIn(row, "td.mine").at(0)) == "Geschäftsführung");
  CHECK(b.Text(b.FindAllIn(row, "td.theirs").at(0)) == "Vertrieb");
  CHECK(StoredContact(web, contact).role == "Vertrieb");

  // Choosing one's own version then saves it on the newer one.
  b.Click(b.Find("button#conflict-mine"));
  CHECK(b.WaitForText(card, "Geschäftsführung"));
  CHECK(StoredContact(web, contact).role == "Geschäftsführung");
}

TEST_CASE("a note edited in the Notizen tab is stored and marked as edited", "[web]") {
  WebTest web;
  const auto customer = web.AddCustomer("52001", "Gärtnerei Blum");
  const auto note = web.AddNote(customer, "Rückruf am Montag");
  auto& b = web.browser();
  web.LogIn("staff");
  web.Open("#/customers/" + std::to_string(customer) + "/notizen");
  const std::string item = "#note-list li[data-id='" + std::to_string(note) + "']";
  REQUIRE(b.WaitForText(item, "Rückruf am Montag"));
  CHECK(b.Text(b.Find(item)).find("bearbeitet") == std::string::npos);

  b.Click(b.Find(item + " button.note-edit"));
  const std::string prefix = "#note-edit-" + std::to_string(note);
  Retype(b, prefix + "-text", "Rückruf am Dienstag, 10 Uhr");
  b.Click(b.Find(prefix + "-save"));

  auto edited = b.WaitForText(item, "Rückruf am Dienstag, 10 Uhr");
  REQUIRE(edited);
  CHECK(b.WaitForText(item + " .note-edited", "bearbeitet"));
  auto stored = web.api().dir().catalog().GetNote(note);
  REQUIRE(stored.ok());
  CHECK(stored->text == "Rückruf am Dienstag, 10 Uhr");
  CHECK_FALSE(stored->edited_at.empty());
}

TEST_CASE("a read-only user gets no edit or archive buttons in the file", "[web]") {
  WebTest web;
  const auto customer = web.AddCustomer("53001", "Gärtnerei Blum");
  web.AddNote(customer, "Nur zum Lesen");
  AddContact(web, customer, "Weber", "Einkauf");
  auto& b = web.browser();
  web.LogIn("readonly");
  const std::string file = "#/customers/" + std::to_string(customer);
  web.Open(file + "/notizen");
  REQUIRE(b.WaitForText("#note-list li", "Nur zum Lesen"));
  CHECK(b.FindAll("button.note-edit").empty());
  CHECK(b.FindAll("#note-form").empty());
  CHECK(b.FindAll("#customer-archive").empty());
  b.Click(b.Find("button[data-tab=ansprechpartner]"));
  REQUIRE(b.WaitForText("#contact-list li", "Einkauf"));
  CHECK(b.FindAll("button.contact-edit").empty());
  b.Click(b.Find("button[data-tab=historie]"));
  b.Find("#history-list");
  CHECK(b.FindAll("#event-form").empty());
}

TEST_CASE("an event added in the Historie tab shows in the timeline and the catalog", "[web]") {
  WebTest web;
  const auto customer = web.AddCustomer("54001", "Gärtnerei Blum");
  auto& b = web.browser();
  web.LogIn("staff");
  web.Open("#/customers/" + std::to_string(customer) + "/historie");
  b.Click(b.Find("#tab-panel details.add > summary"));
  b.Click(b.Find("#event-form-type option[value='Anruf eingehend']"));
  b.Type(b.Find("#event-form-subject"), "Preisanfrage Frühjahr");
  b.Type(b.Find("#event-form-text"), "Möchte ein Angebot für 200 Stauden.");
  const auto before = std::chrono::system_clock::now();
  b.Click(b.Find("#event-form button[type=submit]"));

  auto entry = b.WaitForText("#history-list li.kind-event", "Preisanfrage Frühjahr");
  REQUIRE(entry);
  CHECK(b.Text(*entry).find("Anruf eingehend") != std::string::npos);
  CHECK(b.Text(*entry).find("200 Stauden") != std::string::npos);
  auto stored = web.api().dir().catalog().GetCustomerFile(customer);
  REQUIRE(stored.ok());
  REQUIRE(stored->events.size() == 1);
  const auto& event = stored->events[0];
  CHECK(event.type == "Anruf eingehend");
  CHECK(event.subject == "Preisanfrage Frühjahr");
  CHECK(event.author == "staff");
  // The form's date and time default to now (to the minute).
  auto at = ParseUtc(event.occurred_at);
  REQUIRE(at.ok());
  INFO("occurred_at " << event.occurred_at);
  CHECK(std::chrono::abs(*at - before) < std::chrono::minutes(2));
}

TEST_CASE("the Historie timeline filters by kind and by period", "[web]") {
  WebTest web;
  const auto customer = web.AddCustomer("55001", "Gärtnerei Blum");
  web.AddNote(customer, "Notiz von heute");
  archive::Event old_event;
  old_event.customer_id = customer;
  old_event.subject = "Messebesuch 2023";
  old_event.occurred_at = "2023-05-10T10:00:00Z";
  auto& catalog = web.api().dir().catalog();
  auto types = catalog.EventTypes();
  REQUIRE(types.ok());
  old_event.type = types->front();
  REQUIRE(catalog.AddEvent(Admin(web), old_event).ok());
  // New Year's night in Berlin, still 2023 in UTC: the firm's days count.
  archive::Event new_year = old_event;
  new_year.subject = "Neujahrsgruß";
  new_year.occurred_at = "2023-12-31T23:30:00Z";
  REQUIRE(catalog.AddEvent(Admin(web), new_year).ok());
  auto& b = web.browser();
  web.LogIn("staff");
  web.Open("#/customers/" + std::to_string(customer) + "/historie");
  const auto shown = [&](std::size_t count) {
    return b.WaitUntil([&] { return b.FindAll("#history-list li").size() == count; });
  };
  REQUIRE(b.WaitForText("#history-list", "Messebesuch 2023"));
  REQUIRE(shown(3));

  b.Click(b.Find("#history-kind option[value=event]"));
  CHECK(shown(2));
  CHECK(b.WaitForText("#history-list li.kind-event", "Messebesuch 2023"));

  b.Click(b.Find("#history-kind option[value='']"));
  PickDate(b, "#history-since", "2024-01-01");
  CHECK(b.WaitForText("#history-list li.kind-note", "Notiz von heute"));
  CHECK(b.WaitForText("#history-list li.kind-event", "Neujahrsgruß"));
  CHECK(shown(2));

  PickDate(b, "#history-since", "2023-01-01");
  PickDate(b, "#history-until", "2023-12-31");
  CHECK(b.WaitForText("#history-list li.kind-event", "Messebesuch 2023"));
  CHECK(shown(1));
}

TEST_CASE("archiving a customer asks first then marks the file and takes it off the list",
          "[web]") {
  WebTest web;
  web.AddCustomer("56001", "Bäckerei Korn");
  const auto customer = web.AddCustomer("56002", "Gärtnerei Blum");
  auto& b = web.browser();
  web.LogIn("staff");
  web.Open("#/customers/" + std::to_string(customer) + "/adresse");
  REQUIRE(b.WaitForText("#customer-name", "Gärtnerei Blum"));

  // Declining the question archives nothing.
  AnswerConfirm(b, false);
  b.Click(b.Find("button#customer-archive"));
  CHECK(b.WaitUntil([&] { return b.ExecuteScript("return window.confirmAsked;").is_string(); }));
  CHECK(b.ExecuteScript("return window.confirmAsked;").get<std::string>().find("Gärtnerei Blum") !=
        std::string::npos);
  CHECK(b.FindAll("#archived-notice").empty());
  auto stored = web.api().dir().catalog().GetCustomer(customer);
  REQUIRE(stored.ok());
  CHECK(stored->archived_at.empty());

  AnswerConfirm(b, true);
  b.Click(b.Find("button#customer-archive"));
  CHECK(b.WaitForText("#archived-notice", "Archiviert"));
  CHECK(b.WaitForText("#customer-name", "archiviert"));
  CHECK(b.FindAll("button#customer-archive").empty());
  stored = web.api().dir().catalog().GetCustomer(customer);
  REQUIRE(stored.ok());
  CHECK_FALSE(stored->archived_at.empty());

  web.Open("#/customers");
  REQUIRE(b.WaitForText("tr.customer-row", "Bäckerei Korn"));
  CHECK(b.FindAll("tr.customer-row[data-id='" + std::to_string(customer) + "']").empty());
}

}  // namespace akte::test
