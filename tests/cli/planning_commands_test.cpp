// akte task add|list|edit|done, akte appointment add|list|edit|cancel and
// akte agenda as a user runs them.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "akte_process.h"

namespace akte::cli {
namespace {

using nlohmann::json;
using test::InitializedAkte;

// One customer (10001) with a contact (1), a colleague (bernd).
struct PlanningAkte : InitializedAkte {
  PlanningAkte() {
    Ok({"customer", "add", "10001", "--company", "Müller Maschinenbau"});
    Ok({"customer", "add", "10002", "--company", "Bäckerei Weiß"});
    Ok({"contact", "add", "10001", "--first-name", "Thomas", "--last-name", "Weber"});
    Ok({"user", "add", "bernd", "--role", "staff"});
  }
};

}  // namespace

TEST_CASE("akte task add, list, edit and done run a task to the history", "[cli][tasks]") {
  PlanningAkte akte;
  json first = json::parse(
      akte.Ok({"task", "add", "10001", "Angebot zur Migration nachfassen", "--due", "12.03.2024",
               "--assignee", "bernd", "--contact", "1", "--text", "Preise prüfen", "--json"})
          .out);
  CHECK(first["id"] == 1);
  CHECK(first["due_date"] == "2024-03-12");
  CHECK(first["assignee"] == "bernd");
  CHECK(first["contact_id"] == 1);
  CHECK(first["created_by"] == "admin");
  CHECK(first["version"] == 1);
  auto plain = akte.Ok({"task", "add", "10001", "Wartungsvertrag prüfen", "--due", "2024-03-05"});
  CHECK_THAT(plain.out, Catch::Contains("Task 2: 10001 Müller Maschinenbau"));
  akte.Ok({"task", "add", "10002", "Rezept schicken", "--assignee", "bernd"});

  // Mine (admin's): the second only; bernd's: by due date, undated last.
  auto mine = akte.Ok({"task", "list"}).out;
  CHECK_THAT(mine, Catch::Contains("Wartungsvertrag prüfen"));
  CHECK(mine.find("Migration") == std::string::npos);
  json bernds = json::parse(akte.Ok({"task", "list", "--assignee", "bernd", "--json"}).out);
  REQUIRE(bernds.size() == 2);
  CHECK(bernds[0]["title"] == "Angebot zur Migration nachfassen");
  CHECK(bernds[1]["title"] == "Rezept schicken");
  json everyones = json::parse(akte.Ok({"task", "list", "--assignee", "all", "--json"}).out);
  CHECK(everyones.size() == 2);  // the undated one is nobody's list but bernd's

  // Only the options given change; "" clears.
  json moved = json::parse(
      akte.Ok({"task", "edit", "1", "--due", "19.03.2024", "--contact", "none", "--json"}).out);
  CHECK(moved["due_date"] == "2024-03-19");
  CHECK(moved["contact_id"].is_null());
  CHECK(moved["assignee"] == "bernd");
  CHECK(moved["title"] == "Angebot zur Migration nachfassen");
  CHECK(moved["version"] == 2);
  json cleared = json::parse(akte.Ok({"task", "edit", "1", "--assignee", "", "--json"}).out);
  CHECK(cleared["assignee"] == "");

  auto done = akte.Ok({"task", "done", "1"});
  CHECK_THAT(done.out, Catch::Contains("Task 1 done; recorded in the history of 10001"));
  auto twice = akte({"task", "done", "1"});
  CHECK(twice.exit_code == 5);
  CHECK_THAT(twice.err, Catch::Contains("done already"));
  auto edit_done = akte({"task", "edit", "1", "--title", "Noch mal"});
  CHECK(edit_done.exit_code == 5);

  auto all = akte.Ok({"task", "list", "--customer", "10001"}).out;
  INFO(all);
  CHECK(all.find("Wartungsvertrag prüfen") < all.find("Angebot zur Migration nachfassen"));
  CHECK_THAT(all, Catch::Contains("(done "));
  auto file = akte.Ok({"customer", "show", "10001"}).out;
  CHECK_THAT(file, Catch::Contains("Aufgabe erledigt: Angebot zur Migration nachfassen"));
  CHECK_THAT(file, Catch::Contains("Task #2"));  // the open one, in the timeline

  auto german = test::RunProcess(
      {AKTE_BINARY, "--data-dir", akte.data, "task", "list", "--customer", "10001"}, "",
      {"LANG=de_DE.UTF-8", "LC_ALL=de_DE.UTF-8"});
  REQUIRE(german.exit_code == 0);
  CHECK_THAT(german.out, Catch::Contains("Fällig"));
  CHECK_THAT(german.out, Catch::Contains("05.03.2024"));
  CHECK_THAT(german.out, Catch::Contains("(erledigt "));
}

TEST_CASE("akte task refuses bad input with its reason", "[cli][tasks]") {
  PlanningAkte akte;
  auto date = akte({"task", "add", "10001", "Nachfassen", "--due", "31.02.2024"});
  CHECK(date.exit_code == 3);
  CHECK_THAT(date.err, Catch::Contains("31.02.2024"));
  auto title = akte({"task", "add", "10001", " "});
  CHECK(title.exit_code == 3);
  CHECK_THAT(title.err, Catch::Contains("title"));
  auto nobody = akte({"task", "add", "10001", "x", "--assignee", "niemand"});
  CHECK(nobody.exit_code == 3);
  CHECK_THAT(nobody.err, Catch::Contains("niemand"));
  auto other = akte({"task", "add", "10002", "x", "--contact", "1"});
  CHECK(other.exit_code == 3);
  CHECK_THAT(other.err, Catch::Contains("another customer"));
  auto bad_id = akte({"task", "add", "10001", "x", "--document", "eins"});
  CHECK(bad_id.exit_code == 3);
  CHECK_THAT(bad_id.err, Catch::Contains("'eins'"));
  CHECK(akte({"task", "add", "99999", "x"}).exit_code == 4);
  CHECK(akte({"task", "done", "7"}).exit_code == 4);
  CHECK(akte({"task", "edit", "7", "--title", "y"}).exit_code == 4);
  CHECK(akte({"task", "done", "sieben"}).exit_code == 3);
  CHECK(akte({"task", "list", "--assignee", "niemand"}).exit_code == 4);
  CHECK(akte({"task", "list", "--customer", "10001", "--assignee", "bernd"}).exit_code == 3);
  auto none = akte.Ok({"task", "list", "--customer", "10001"});
  CHECK_THAT(none.out, Catch::Contains("Tasks: none"));
}

TEST_CASE("akte appointment add, list, edit and cancel, and akte agenda", "[cli][appointments]") {
  PlanningAkte akte;
  json meeting = json::parse(
      akte.Ok({"appointment", "add", "10001", "Termin Migration", "2024-03-06T09:00:00Z", "--place",
               "Werk Süd", "--with", "bernd", "--with", "admin", "--contact", "1", "--json"})
          .out);
  CHECK(meeting["starts_at"] == "2024-03-06T09:00:00Z");
  CHECK(meeting["ends_at"] == "2024-03-06T10:00:00Z");  // an hour by default
  CHECK(meeting["participants"] == json({"bernd", "admin"}));
  CHECK(meeting["place"] == "Werk Süd");
  json call = json::parse(akte.Ok({"appointment", "add", "10002", "Telefonat",
                                   "2024-03-06T14:00:00Z", "--minutes", "15", "--json"})
                              .out);
  CHECK(call["ends_at"] == "2024-03-06T14:15:00Z");
  CHECK(call["participants"].empty());
  akte.Ok({"appointment", "add", "10002", "Messe", "2024-03-05T08:00:00Z", "--end",
           "2024-03-07T17:00:00Z", "--with", "bernd"});

  json bernds = json::parse(akte.Ok({"appointment", "list", "--user", "bernd", "--from",
                                     "2024-03-01T00:00:00Z", "--json"})
                                .out);
  REQUIRE(bernds.size() == 2);
  CHECK(bernds[0]["title"] == "Messe");
  CHECK(bernds[1]["title"] == "Termin Migration");
  auto customers = akte.Ok({"appointment", "list", "--customer", "10002"}).out;
  CHECK(customers.find("Messe") < customers.find("Telefonat"));

  // A new start keeps the length; the end may be given too.
  json moved = json::parse(
      akte.Ok({"appointment", "edit", "1", "--start", "2024-03-06T12:00:00+01:00", "--json"}).out);
  CHECK(moved["starts_at"] == "2024-03-06T11:00:00Z");
  CHECK(moved["ends_at"] == "2024-03-06T12:00:00Z");
  CHECK(moved["place"] == "Werk Süd");
  CHECK(moved["version"] == 2);
  json longer = json::parse(akte.Ok({"appointment", "edit", "1", "--minutes", "90", "--json"}).out);
  CHECK(longer["ends_at"] == "2024-03-06T12:30:00Z");

  akte.Ok({"task", "add", "10001", "Überfälliges", "--due", "2024-03-01", "--assignee", "bernd"});
  akte.Ok({"task", "add", "10001", "Heutiges", "--due", "2024-03-06", "--assignee", "bernd"});
  json day =
      json::parse(akte.Ok({"agenda", "--user", "bernd", "--date", "06.03.2024", "--json"}).out);
  CHECK(day["today"] == "2024-03-06");
  REQUIRE(day["overdue_tasks"].size() == 1);
  CHECK(day["overdue_tasks"][0]["title"] == "Überfälliges");
  REQUIRE(day["tasks_today"].size() == 1);
  REQUIRE(day["appointments"].size() == 2);
  CHECK(day["appointments"][0]["title"] == "Messe");
  CHECK(day["appointments"][1]["title"] == "Termin Migration");
  auto text = akte.Ok({"agenda", "--user", "bernd", "--date", "2024-03-06"}).out;
  INFO(text);
  CHECK_THAT(text, Catch::Contains("Day of bernd: 2024-03-06"));
  CHECK(text.find("Overdue tasks:") < text.find("Überfälliges"));
  CHECK(text.find("Tasks due today:") < text.find("Heutiges"));
  CHECK(text.find("Appointments:") < text.find("Termin Migration"));
  CHECK_THAT(text, Catch::Contains("2024-03-06T11:00:00Z – 12:30:00Z"));

  auto cancelled = akte.Ok({"appointment", "cancel", "1"});
  CHECK_THAT(cancelled.out, Catch::Contains("Appointment 1 cancelled"));
  CHECK(akte({"appointment", "cancel", "1"}).exit_code == 5);
  CHECK(akte({"appointment", "edit", "1", "--title", "Doch"}).exit_code == 5);
  json after =
      json::parse(akte.Ok({"agenda", "--user", "bernd", "--date", "2024-03-06", "--json"}).out);
  CHECK(after["appointments"].size() == 1);
  auto listed = akte.Ok({"appointment", "list", "--customer", "10001"}).out;
  CHECK_THAT(listed, Catch::Contains("Termin Migration (cancelled)"));

  auto german = test::RunProcess(
      {AKTE_BINARY, "--data-dir", akte.data, "--user", "bernd", "agenda", "--date", "2024-03-06"},
      "", {"LANG=de_DE.UTF-8", "LC_ALL=de_DE.UTF-8"});
  INFO(german.err);
  REQUIRE(german.exit_code == 0);
  CHECK_THAT(german.out, Catch::Contains("Tag von bernd: 06.03.2024"));
  CHECK_THAT(german.out, Catch::Contains("Überfällige Aufgaben:"));
  CHECK_THAT(german.out, Catch::Contains("Heute fällige Aufgaben:"));
}

TEST_CASE("akte appointment and agenda refuse bad input with its reason", "[cli][appointments]") {
  PlanningAkte akte;
  auto start = akte({"appointment", "add", "10001", "Termin", "nächsten Dienstag"});
  CHECK(start.exit_code == 3);
  CHECK_THAT(start.err, Catch::Contains("nächsten Dienstag"));
  auto backwards = akte({"appointment", "add", "10001", "Termin", "2024-03-06T10:00:00Z", "--end",
                         "2024-03-06T09:00:00Z"});
  CHECK(backwards.exit_code == 3);
  CHECK_THAT(backwards.err, Catch::Contains("before the start"));
  auto stranger =
      akte({"appointment", "add", "10001", "Termin", "2024-03-06T10:00:00Z", "--with", "niemand"});
  CHECK(stranger.exit_code == 3);
  CHECK_THAT(stranger.err, Catch::Contains("niemand"));
  auto both = akte({"appointment", "add", "10001", "Termin", "2024-03-06T10:00:00Z", "--end",
                    "2024-03-06T11:00:00Z", "--minutes", "30"});
  CHECK(both.exit_code == 2);  // a usage error: one or the other
  CHECK(akte({"appointment", "add", "99999", "Termin", "2024-03-06T10:00:00Z"}).exit_code == 4);
  CHECK(akte({"appointment", "cancel", "7"}).exit_code == 4);
  CHECK(akte({"appointment", "edit", "7", "--title", "x"}).exit_code == 4);
  auto from = akte({"appointment", "list", "--from", "gestern"});
  CHECK(from.exit_code == 3);
  CHECK_THAT(from.err, Catch::Contains("--from"));
  auto date = akte({"agenda", "--date", "morgen"});
  CHECK(date.exit_code == 3);
  CHECK_THAT(date.err, Catch::Contains("--date"));
  auto none = akte.Ok({"appointment", "list", "--customer", "10001"});
  CHECK_THAT(none.out, Catch::Contains("Appointments: none"));
}

}  // namespace akte::cli
