// The dashboard ("Übersicht") and follow-ups ("Wiedervorlagen"): setting
// one in the customer file, finding it on the dashboard in its group,
// marking it done there (noted in the history), everyone's or the user's
// own, the coming birthdays, and what a reader may not do.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>

#include "web_fixture.h"

namespace akte::test {
namespace {

using std::chrono::days;
using std::chrono::sys_days;
using std::chrono::year_month_day;

archive::Actor ActorOf(WebTest& web, const std::string& username) {
  auto actor = web.api().dir().catalog().ActorFor(username);
  REQUIRE(actor.ok());
  return *actor;
}

// Today in the firm's time zone, as the page and the server count days.
std::string FirmToday(WebTest& web) {
  auto today = web.api().dir().catalog().FirmToday();
  REQUIRE(today.ok());
  return *today;
}

sys_days ParseDay(const std::string& iso) {
  return sys_days{
      year_month_day{std::chrono::year{std::stoi(iso.substr(0, 4))},
                     std::chrono::month{static_cast<unsigned>(std::stoi(iso.substr(5, 2)))},
                     std::chrono::day{static_cast<unsigned>(std::stoi(iso.substr(8, 2)))}}};
}

std::string FormatDay(sys_days day) {
  const year_month_day ymd{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(ymd.year()),
                static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()));
  return text;
}

std::string DayAfter(const std::string& iso, int count) {
  return FormatDay(ParseDay(iso) + days(count));
}

// "31.12.2024", as the German page shows a day.
std::string German(const std::string& iso) {
  return iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4);
}

archive::FollowUp AddFollowUp(WebTest& web, archive::Id customer, const std::string& due,
                              const std::string& reason, const std::string& assignee) {
  archive::FollowUp draft;
  draft.customer_id = customer;
  draft.due_date = due;
  draft.reason = reason;
  draft.assignee = assignee;
  auto stored = web.api().dir().catalog().AddFollowUp(ActorOf(web, "admin"), draft);
  INFO(stored.status().message());
  REQUIRE(stored.ok());
  return *stored;
}

// Sets a date input as a date picker would.
void PickDate(Browser& b, const std::string& css, const std::string& iso_date) {
  b.ExecuteScript(
      "const input = arguments[0]; input.value = arguments[1];"
      "input.dispatchEvent(new Event('change')); return 0;",
      nlohmann::json::array({Browser::AsArgument(b.Find(css)), iso_date}));
}

std::string Item(const std::string& group, archive::Id id) {
  return "#followups-" + group + " li.follow-up[data-id='" + std::to_string(id) + "']";
}

bool Gone(Browser& b, const std::string& css) {
  return b.WaitUntil([&] { return b.FindAll(css).empty(); });
}

}  // namespace

TEST_CASE("a follow-up set in the customer file is due today on the dashboard until done",
          "[web]") {
  WebTest web;
  const auto customer = web.AddCustomer("55001", "Gärtnerei Blum");
  const auto today = FirmToday(web);
  auto& b = web.browser();
  web.LogIn("staff");
  web.Open("#/customers/" + std::to_string(customer) + "/historie");
  b.Click(b.Find("#follow-up-add > summary"));
  // The assignee defaults to whoever sets it.
  CHECK(b.Property(b.Find("#follow-up-form-assignee"), "value") == "staff");
  PickDate(b, "#follow-up-form-due-date", today);
  b.Type(b.Find("#follow-up-form-reason"), "Angebot nachfassen");
  b.Click(b.Find("#follow-up-form button[type=submit]"));
  CHECK(b.WaitForText("#follow-up-notice", "Wiedervorlage zum " + German(today) + " angelegt."));
  REQUIRE(b.WaitForText("#follow-up-list li.follow-up[data-state=open]", "Angebot nachfassen"));

  auto& catalog = web.api().dir().catalog();
  auto stored = catalog.ListFollowUps(customer);
  REQUIRE(stored.ok());
  REQUIRE(stored->size() == 1);
  const auto follow_up = stored->front();
  CHECK(follow_up.due_date == today);
  CHECK(follow_up.assignee == "staff");
  CHECK(follow_up.created_by == "staff");
  CHECK(follow_up.entity == "customer");

  b.Click(b.Find("#nav-overview"));
  auto item = b.WaitForText(Item("due-today", follow_up.id), "Angebot nachfassen");
  REQUIRE(item);
  CHECK(b.Text(*item).find("55001 Gärtnerei Blum") != std::string::npos);
  CHECK(b.Text(*item).find("für staff") != std::string::npos);
  CHECK(b.FindAll("#followups-overdue li.follow-up").empty());
  CHECK(b.FindAll("#followups-this-week li.follow-up").empty());

  b.Click(b.Find(Item("due-today", follow_up.id) + " button.follow-up-done"));
  CHECK(b.WaitForText("#followups-notice",
                      "Wiedervorlage „Angebot nachfassen“ erledigt und in der Historie vermerkt."));
  CHECK(Gone(b, "li.follow-up"));
  CHECK(b.WaitForText("#followups-due-today", "Heute ist nichts fällig."));
  auto done = catalog.GetFollowUp(follow_up.id);
  REQUIRE(done.ok());
  CHECK(done->done_by == "staff");
  CHECK_FALSE(done->done_at.empty());

  // The file lists it as done, and the history has the event that says so.
  web.Open("#/customers/" + std::to_string(customer) + "/historie");
  CHECK(b.WaitForText("#follow-up-list li.follow-up[data-state=done]", "erledigt am"));
  CHECK(b.FindAll("#follow-up-list button.follow-up-done").empty());
  CHECK(b.WaitForText("#history-list li.kind-event", "Wiedervorlage erledigt: Angebot nachfassen"));
}

TEST_CASE("the dashboard is the start page and groups the user's own or everyone's follow-ups",
          "[web]") {
  WebTest web;
  const auto customer = web.AddCustomer("55002", "Bäckerei Korn");
  const auto today = FirmToday(web);
  const auto overdue = AddFollowUp(web, customer, DayAfter(today, -3), "Mahnung prüfen", "staff");
  const auto admins = AddFollowUp(web, customer, today, "Rückruf Herr Korn", "admin");
  const auto tomorrow =
      AddFollowUp(web, customer, DayAfter(today, 1), "Lieferung bestätigen", "staff");
  const auto next_month =
      AddFollowUp(web, customer, DayAfter(today, 30), "Jahresgespräch", "staff");
  auto& b = web.browser();
  web.LogIn("staff");
  CHECK(b.WaitUntil([&] { return b.Url().ends_with("#/overview"); }));
  CHECK(b.Attribute(b.Find("#nav-overview"), "aria-current") == "page");

  // Only the staff member's own: the admin's is not among them.
  CHECK(b.WaitForText(Item("overdue", overdue.id), "Mahnung prüfen"));
  CHECK(b.WaitForText(Item("overdue", overdue.id), "überfällig"));
  CHECK(b.FindAll("li.follow-up[data-id='" + std::to_string(admins.id) + "']").empty());
  CHECK(b.FindAll("li.follow-up[data-id='" + std::to_string(next_month.id) + "']").empty());
  // "This week" runs through Sunday: on a Sunday tomorrow is next week's.
  const bool sunday = std::chrono::weekday{ParseDay(today)} == std::chrono::Sunday;
  if (sunday) {
    CHECK(b.FindAll("li.follow-up[data-id='" + std::to_string(tomorrow.id) + "']").empty());
  } else {
    CHECK(b.WaitForText(Item("this-week", tomorrow.id), "Lieferung bestätigen"));
  }

  b.Click(b.Find("#followups-all"));
  CHECK(b.WaitForText(Item("due-today", admins.id), "für admin"));
  CHECK(b.WaitForText(Item("overdue", overdue.id), "Mahnung prüfen"));
  b.Click(b.Find("#followups-mine"));
  CHECK(Gone(b, "li.follow-up[data-id='" + std::to_string(admins.id) + "']"));

  // The customer link leads to the file.
  b.Click(b.Find(Item("overdue", overdue.id) + " a.follow-up-customer"));
  CHECK(b.WaitForText("#customer-name", "Bäckerei Korn"));
}

TEST_CASE("a follow-up set on a timeline entry names that entry", "[web]") {
  WebTest web;
  const auto customer = web.AddCustomer("55003", "Schreinerei Holz");
  const auto note = web.AddNote(customer, "Kunde will im Frühjahr neue Fenster");
  auto& b = web.browser();
  web.LogIn("staff");
  web.Open("#/customers/" + std::to_string(customer) + "/historie");
  b.Click(b.Find("#history-list li.kind-note button.follow-up-for"));
  CHECK(b.WaitForText("#follow-up-form-about", "Wiedervorlage für Notiz"));
  CHECK(b.Active() == b.Find("#follow-up-form-reason"));
  b.Type(b.Find("#follow-up-form-reason"), "Fenster anbieten");
  b.Click(b.Find("#follow-up-form button[type=submit]"));
  REQUIRE(b.WaitForText("#follow-up-list li.follow-up", "Betrifft: Notiz"));

  auto stored = web.api().dir().catalog().ListFollowUps(customer);
  REQUIRE(stored.ok());
  REQUIRE(stored->size() == 1);
  CHECK(stored->front().entity == "note");
  CHECK(stored->front().entity_id == note);
  // A week ahead unless the user picks another day.
  CHECK(stored->front().due_date == DayAfter(FirmToday(web), 7));
}

TEST_CASE("the dashboard lists the birthdays of the coming 14 days", "[web]") {
  WebTest web;
  const auto today = FirmToday(web);
  auto& catalog = web.api().dir().catalog();
  const auto admin = ActorOf(web, "admin");
  // A sole trader's own birthday in 3 days, a contact's today, and one in
  // 20 days that is too far ahead (born in leap years: any day exists).
  archive::Customer person;
  person.number = "55004";
  person.first_name = "Erika";
  person.last_name = "Mustermann";
  const auto in_three = DayAfter(today, 3);
  person.birthday = "1980" + in_three.substr(4);
  auto created = catalog.CreateCustomer(admin, person);
  INFO(created.status().message());
  REQUIRE(created.ok());
  const auto firm = web.AddCustomer("55005", "Autohaus Reif");
  archive::Contact contact;
  contact.customer_id = firm;
  contact.first_name = "Thomas";
  contact.last_name = "Weber";
  contact.birthday = "1976" + today.substr(4);
  REQUIRE(catalog.CreateContact(admin, contact).ok());
  archive::Contact later = contact;
  later.first_name = "Petra";
  later.birthday = "1988" + DayAfter(today, 20).substr(4);
  REQUIRE(catalog.CreateContact(admin, later).ok());

  auto& b = web.browser();
  web.LogIn("readonly");
  auto weber = b.WaitForText("#birthday-list li.birthday", "Thomas Weber");
  REQUIRE(weber);
  const int this_year = std::stoi(today.substr(0, 4));
  CHECK(b.Text(*weber).find("wird " + std::to_string(this_year - 1976)) != std::string::npos);
  CHECK(b.Text(*weber).find("heute") != std::string::npos);
  CHECK(b.Text(*weber).find("Ansprechpartner bei 55005 Autohaus Reif") != std::string::npos);
  auto erika = b.WaitForText("#birthday-list li.birthday", "Erika Mustermann");
  REQUIRE(erika);
  CHECK(b.Text(*erika).find(German(in_three)) != std::string::npos);
  CHECK(b.Text(*erika).find("wird " + std::to_string(std::stoi(in_three.substr(0, 4)) - 1980)) !=
        std::string::npos);
  CHECK(b.FindAll("#birthday-list li.birthday").size() == 2);
  // Today's first.
  CHECK(b.Text(b.Find("#birthday-list li.birthday")).find("Thomas Weber") != std::string::npos);

  b.Click(b.Find("#birthday-list li.birthday a.birthday-customer"));
  CHECK(b.WaitForText("#customer-name", "Autohaus Reif"));
}

TEST_CASE("a reader sees follow-ups on the dashboard and in the file but cannot set or finish them",
          "[web]") {
  WebTest web;
  const auto customer = web.AddCustomer("55006", "Gärtnerei Blum");
  web.AddNote(customer, "Nur zum Lesen");
  const auto follow_up = AddFollowUp(web, customer, FirmToday(web), "Vertrag verlängern", "staff");
  auto& b = web.browser();
  web.LogIn("readonly");
  b.Click(b.Find("#followups-all"));
  REQUIRE(b.WaitForText(Item("due-today", follow_up.id), "Vertrag verlängern"));
  CHECK(b.FindAll("button.follow-up-done").empty());

  web.Open("#/customers/" + std::to_string(customer) + "/historie");
  REQUIRE(b.WaitForText("#follow-up-list li.follow-up", "Vertrag verlängern"));
  REQUIRE(b.WaitForText("#history-list li.kind-note", "Nur zum Lesen"));
  CHECK(b.FindAll("#follow-up-form").empty());
  CHECK(b.FindAll("button.follow-up-done").empty());
  CHECK(b.FindAll("button.follow-up-for").empty());
}

}  // namespace akte::test
