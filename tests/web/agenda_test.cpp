// Tasks and appointments ("Aufgaben & Termine") in the customer file and
// the dashboard's "Mein Tag": a task due today is on the Übersicht until
// it is marked done there; an appointment today shows there in the firm's
// time zone; cancelling one in the file; what a reader may not do.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>

#include "web_fixture.h"

namespace akte::test {
namespace {

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

std::string DayAfter(const std::string& iso, int count) {
  using namespace std::chrono;
  const sys_days start{year_month_day{year{std::stoi(iso.substr(0, 4))},
                                      month{static_cast<unsigned>(std::stoi(iso.substr(5, 2)))},
                                      day{static_cast<unsigned>(std::stoi(iso.substr(8, 2)))}}};
  const year_month_day next{start + days(count)};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(next.year()),
                static_cast<unsigned>(next.month()), static_cast<unsigned>(next.day()));
  return text;
}

// "31.12.2024", as the German page shows a day.
std::string German(const std::string& iso) {
  return iso.substr(8, 2) + "." + iso.substr(5, 2) + "." + iso.substr(0, 4);
}

// Sets a date or time input as a picker would.
void Pick(Browser& b, const std::string& css, const std::string& value) {
  b.ExecuteScript(
      "const input = arguments[0]; input.value = arguments[1];"
      "input.dispatchEvent(new Event('change')); return 0;",
      nlohmann::json::array({Browser::AsArgument(b.Find(css)), value}));
}

bool Gone(Browser& b, const std::string& css) {
  return b.WaitUntil([&] { return b.FindAll(css).empty(); });
}

std::string TaskIn(const std::string& group, archive::Id id) {
  return "#agenda-" + group + " li.task[data-id='" + std::to_string(id) + "']";
}

archive::Task AddTask(WebTest& web, archive::Id customer, const std::string& due,
                      const std::string& title, const std::string& assignee) {
  archive::Task draft;
  draft.customer_id = customer;
  draft.title = title;
  draft.due_date = due;
  draft.assignee = assignee;
  auto stored = web.api().dir().catalog().AddTask(ActorOf(web, "admin"), draft);
  INFO(stored.status().message());
  REQUIRE(stored.ok());
  return *stored;
}

archive::Appointment AddAppointment(WebTest& web, archive::Id customer, const std::string& title,
                                    const std::string& starts, const std::string& ends,
                                    const std::vector<std::string>& participants) {
  archive::Appointment draft;
  draft.customer_id = customer;
  draft.title = title;
  draft.starts_at = starts;
  draft.ends_at = ends;
  draft.participants = participants;
  auto stored = web.api().dir().catalog().AddAppointment(ActorOf(web, "admin"), draft);
  INFO(stored.status().message());
  REQUIRE(stored.ok());
  return *stored;
}

}  // namespace

TEST_CASE("a task due today set in the customer file is on the Übersicht until done there",
          "[web]") {
  WebTest web;
  const auto customer = web.AddCustomer("56001", "Gärtnerei Blum");
  const auto today = FirmToday(web);
  const auto overdue = AddTask(web, customer, DayAfter(today, -2), "Mahnung prüfen", "staff");
  const auto admins = AddTask(web, customer, today, "Chefsache", "admin");
  auto& b = web.browser();
  web.LogIn("staff");
  web.Open("#/customers/" + std::to_string(customer) + "/aufgaben");
  CHECK(b.WaitForText("#tab-aufgaben", "Aufgaben & Termine"));
  b.Click(b.Find("#task-add > summary"));
  // The assignee defaults to whoever adds it.
  CHECK(b.Property(b.Find("#task-form-assignee"), "value") == "staff");
  b.Type(b.Find("#task-form-title"), "Angebot schreiben");
  Pick(b, "#task-form-due-date", today);
  b.Type(b.Find("#task-form-text"), "Drei Maschinen");
  b.Click(b.Find("#task-form button[type=submit]"));
  CHECK(b.WaitForText("#task-notice", "Aufgabe „Angebot schreiben“ angelegt."));
  auto listed = b.WaitForText("#task-list li.task[data-state=open]", "Angebot schreiben");
  REQUIRE(listed);
  CHECK(b.Text(*listed).find(German(today)) != std::string::npos);

  auto& catalog = web.api().dir().catalog();
  auto stored = catalog.ListTasks(customer);
  REQUIRE(stored.ok());
  REQUIRE(stored->size() == 3);
  archive::Task task;
  for (const auto& t : *stored) {
    if (t.title == "Angebot schreiben") task = t;
  }
  REQUIRE(task.id != 0);
  CHECK(task.due_date == today);
  CHECK(task.assignee == "staff");
  CHECK(task.created_by == "staff");
  CHECK(task.text == "Drei Maschinen");

  b.Click(b.Find("#nav-overview"));
  auto item = b.WaitForText(TaskIn("tasks-today", task.id), "Angebot schreiben");
  REQUIRE(item);
  CHECK(b.Text(*item).find("56001 Gärtnerei Blum") != std::string::npos);
  CHECK(b.Text(*item).find("für staff") != std::string::npos);
  CHECK(b.WaitForText(TaskIn("overdue-tasks", overdue.id), "überfällig"));
  // Only the user's own.
  CHECK(b.FindAll("li.task[data-id='" + std::to_string(admins.id) + "']").empty());

  b.Click(b.Find(TaskIn("tasks-today", task.id) + " button.task-done"));
  CHECK(b.WaitForText("#agenda-notice",
                      "Aufgabe „Angebot schreiben“ erledigt und in der Historie vermerkt."));
  CHECK(Gone(b, "li.task[data-id='" + std::to_string(task.id) + "']"));
  CHECK(b.WaitForText("#agenda-tasks-today", "Heute ist keine Aufgabe fällig."));
  CHECK(b.FindAll(TaskIn("overdue-tasks", overdue.id)).size() == 1);
  auto done = catalog.GetTask(task.id);
  REQUIRE(done.ok());
  CHECK(done->done_by == "staff");
  CHECK_FALSE(done->done_at.empty());

  // The file lists it as done, without the button.
  web.Open("#/customers/" + std::to_string(customer) + "/aufgaben");
  auto done_item = b.WaitForText("#task-list li.task[data-state=done]", "erledigt am");
  REQUIRE(done_item);
  CHECK(b.Text(*done_item).find("Angebot schreiben") != std::string::npos);
  CHECK(b.FindAll("#task-list li.task[data-state=done] button.task-done").empty());
}

TEST_CASE("an appointment today set in the customer file is on the Übersicht in the firm's time",
          "[web]") {
  WebTest web;
  const auto customer = web.AddCustomer("56002", "Bäckerei Korn");
  const auto today = FirmToday(web);
  const auto tomorrow =
      AddAppointment(web, customer, "Morgen erst", DayAfter(today, 1) + "T12:00:00Z",
                     DayAfter(today, 1) + "T13:00:00Z", {"staff"});
  auto& b = web.browser();
  web.LogIn("staff");
  web.Open("#/customers/" + std::to_string(customer) + "/aufgaben");
  b.Click(b.Find("#appointment-add > summary"));
  CHECK(b.Property(b.Find("#appointment-form-participants"), "value") == "staff");
  b.Type(b.Find("#appointment-form-title"), "Wartung besprechen");
  Pick(b, "#appointment-form-date", today);
  Pick(b, "#appointment-form-start", "10:00");
  Pick(b, "#appointment-form-end", "11:30");
  b.Type(b.Find("#appointment-form-place"), "Backstube");
  b.Click(b.Find("#appointment-form button[type=submit]"));
  CHECK(b.WaitForText("#appointment-notice", "Termin „Wartung besprechen“ am " + German(today) +
                                                 " 10:00–11:30 angelegt."));
  REQUIRE(
      b.WaitForText("#appointment-list li.appointment[data-state=planned]", "Wartung besprechen"));

  auto& catalog = web.api().dir().catalog();
  auto stored = catalog.ListAppointments(customer);
  REQUIRE(stored.ok());
  REQUIRE(stored->size() == 2);
  archive::Appointment appointment;
  for (const auto& a : *stored) {
    if (a.title == "Wartung besprechen") appointment = a;
  }
  REQUIRE(appointment.id != 0);
  // 10:00 in Berlin is 09:00 or 08:00 UTC, by the season.
  CHECK((appointment.starts_at == today + "T09:00:00Z" ||
         appointment.starts_at == today + "T08:00:00Z"));
  CHECK(appointment.place == "Backstube");
  CHECK(appointment.participants == std::vector<std::string>{"staff"});
  CHECK(appointment.created_by == "staff");

  b.Click(b.Find("#nav-overview"));
  auto item = b.WaitForText(
      "#agenda-appointments li.appointment[data-id='" + std::to_string(appointment.id) + "']",
      "Wartung besprechen");
  REQUIRE(item);
  CHECK(b.Text(*item).find(German(today) + " 10:00–11:30") != std::string::npos);
  CHECK(b.Text(*item).find("56002 Bäckerei Korn") != std::string::npos);
  CHECK(b.Text(*item).find("Ort: Backstube") != std::string::npos);
  CHECK(b.FindAll("li.appointment[data-id='" + std::to_string(tomorrow.id) + "']").empty());
  CHECK(b.WaitForText("#agenda-tasks-today", "Heute ist keine Aufgabe fällig."));

  // The customer link leads to the file's tab; cancelling there takes it
  // off the day.
  b.Click(b.Find("#agenda-appointments a.appointment-customer"));
  REQUIRE(b.WaitForText("#appointment-list li.appointment", "Wartung besprechen"));
  b.ExecuteScript("window.confirm = () => true; return 0;");
  b.Click(b.Find("#appointment-list li.appointment[data-id='" + std::to_string(appointment.id) +
                 "'] button.appointment-cancel"));
  CHECK(b.WaitForText("#appointment-notice", "Termin „Wartung besprechen“ abgesagt."));
  CHECK(b.WaitForText("#appointment-list li.appointment[data-state=cancelled]", "abgesagt"));
  auto cancelled = catalog.GetAppointment(appointment.id);
  REQUIRE(cancelled.ok());
  CHECK_FALSE(cancelled->cancelled_at.empty());
  b.Click(b.Find("#nav-overview"));
  CHECK(b.WaitForText("#agenda-appointments", "Heute keine Termine."));
}

TEST_CASE("a reader sees tasks and appointments but cannot add, finish or cancel them", "[web]") {
  WebTest web;
  const auto customer = web.AddCustomer("56003", "Schreinerei Holz");
  const auto today = FirmToday(web);
  const auto task = AddTask(web, customer, today, "Fenster aufmessen", "readonly");
  AddAppointment(web, customer, "Aufmaß", today + "T10:00:00Z", today + "T10:30:00Z", {"readonly"});
  auto& b = web.browser();
  web.LogIn("readonly");
  REQUIRE(b.WaitForText(TaskIn("tasks-today", task.id), "Fenster aufmessen"));
  CHECK(b.WaitForText("#agenda-appointments li.appointment", "Aufmaß"));
  CHECK(b.FindAll("button.task-done").empty());

  web.Open("#/customers/" + std::to_string(customer) + "/aufgaben");
  REQUIRE(b.WaitForText("#task-list li.task", "Fenster aufmessen"));
  REQUIRE(b.WaitForText("#appointment-list li.appointment", "Aufmaß"));
  CHECK(b.FindAll("#task-form").empty());
  CHECK(b.FindAll("#appointment-form").empty());
  CHECK(b.FindAll("button.task-done").empty());
  CHECK(b.FindAll("button.appointment-cancel").empty());
}

}  // namespace akte::test
