// Appointments ("Termine") on a real catalog: adding them with participants,
// every refusal, editing and cancelling with versions, a user's coming
// appointments, and a user's day in the firm's time zone (around midnight
// and the DST changes).
#include <algorithm>
#include <catch2/catch.hpp>

#include "planning_fixture.h"

namespace akte::archive {
namespace {

Agenda DayOf(PlanningFixture& f, std::string_view user, std::string_view today) {
  auto agenda = f.catalog->DayAgenda(user, today);
  INFO(agenda.status().ToString());
  REQUIRE(agenda.ok());
  return *agenda;
}

}  // namespace

TEST_CASE("Appointments are added with their participants, place, contact and document",
          "[archive][appointments]") {
  PlanningFixture f;
  Appointment draft =
      f.NewAppointment(f.mueller, "  Termin Migration besprechen ", "2024-03-12T10:00:00+01:00",
                       "2024-03-12 11:30:00Z", {"BERND", "anna", " bernd ", ""});
  draft.text = "Agenda: Zeitplan, Kosten";
  draft.place = "  Müller, Halle 2 ";
  draft.contact_id = f.weber.id;
  draft.document_id = f.offer.id;
  Appointment stored = f.AddAppointment(draft);
  CHECK(stored.id > 0);
  CHECK(stored.customer_id == f.mueller.id);
  CHECK(stored.customer_number == "10001");
  CHECK(stored.customer_name == "Müller Maschinenbau");
  CHECK(stored.title == "Termin Migration besprechen");
  CHECK(stored.text == "Agenda: Zeitplan, Kosten");
  CHECK(stored.place == "Müller, Halle 2");
  CHECK(stored.starts_at == "2024-03-12T09:00:00Z");
  CHECK(stored.ends_at == "2024-03-12T11:30:00Z");
  CHECK(stored.participants == std::vector<std::string>{"bernd", "anna"});  // each once
  CHECK(stored.contact_id == f.weber.id);
  CHECK(stored.document_id == f.offer.id);
  CHECK(stored.created_by == "anna");
  CHECK(stored.created_at == "2024-03-05T13:05:00Z");
  CHECK(stored.cancelled_at.empty());
  CHECK(stored.version == 1);

  // A moment (end = start) without participants is fine.
  Appointment call = f.AddAppointment(
      f.NewAppointment(f.mueller, "Anruf", "2024-03-11T08:00:00Z", "2024-03-11T08:00:00Z"));
  CHECK(call.participants.empty());

  auto fetched = f.catalog->GetAppointment(stored.id);
  REQUIRE(fetched.ok());
  CHECK(fetched->participants == stored.participants);
  CHECK(f.catalog->GetAppointment(4711).status().code() == StatusCode::kNotFound);
  auto listed = f.catalog->ListAppointments(f.mueller.id);
  REQUIRE(listed.ok());
  CHECK(Titles(*listed) == std::vector<std::string>{"Anruf", "Termin Migration besprechen"});
  CHECK(f.catalog->ListAppointments(999).status().code() == StatusCode::kNotFound);

  auto audit = f.catalog->AuditTrail("appointment", stored.id);
  REQUIRE(audit.ok());
  REQUIRE(audit->size() == 1);
  CHECK(audit->front().action == "create");
  CHECK_THAT(audit->front().after, Catch::Contains("\"participants\":[\"bernd\",\"anna\"]"));
}

TEST_CASE("Appointments refuse bad times, an end before the start and strangers",
          "[archive][appointments]") {
  PlanningFixture f;
  Appointment good = f.NewAppointment(f.mueller, "Besprechung", "2024-03-12T09:00:00Z",
                                      "2024-03-12T10:00:00Z", {"bernd"});
  auto refusal = [&](auto change) {
    Appointment draft = good;
    change(draft);
    Status status = f.catalog->AddAppointment(f.admin, draft).status();
    INFO(status.ToString());
    CHECK(status.code() == StatusCode::kInvalidArgument);
    CHECK_FALSE(status.message().empty());
    return status;
  };
  auto field_of = [&](auto change) { return refusal(change).field(); };
  CHECK(field_of([](Appointment& d) { d.title = ""; }) == "title");
  CHECK(field_of([](Appointment& d) { d.title = std::string(201, 'x'); }) == "title");
  CHECK(field_of([](Appointment& d) { d.text = std::string(100'001, 'x'); }) == "text");
  CHECK(field_of([](Appointment& d) { d.place = std::string(501, 'x'); }) == "place");
  CHECK(field_of([](Appointment& d) { d.starts_at = ""; }) == "starts_at");
  CHECK(field_of([](Appointment& d) { d.starts_at = "nächsten Dienstag"; }) == "starts_at");
  CHECK(field_of([](Appointment& d) { d.starts_at = "2024-02-30T09:00:00Z"; }) == "starts_at");
  CHECK(field_of([](Appointment& d) { d.ends_at = ""; }) == "ends_at");
  CHECK(field_of([](Appointment& d) { d.ends_at = "25:00"; }) == "ends_at");
  Status backwards = refusal([](Appointment& d) { d.ends_at = "2024-03-12T08:59:59Z"; });
  CHECK(backwards.field() == "ends_at");
  CHECK_THAT(backwards.message(), Catch::Contains("before the start"));
  CHECK(field_of([](Appointment& d) { d.participants = {"niemand"}; }) == "participants");
  Status disabled = refusal([](Appointment& d) { d.participants = {"bernd", "carla"}; });
  CHECK(disabled.field() == "participants");
  CHECK_THAT(disabled.message(), Catch::Contains("carla"));
  CHECK(field_of([&](Appointment& d) { d.contact_id = f.rosa.id; }) == "contact_id");
  CHECK(field_of([&](Appointment& d) { d.document_id = f.blum_offer.id; }) == "document_id");
  CHECK(field_of([](Appointment& d) { d.document_id = 4711; }) == "document_id");
  Appointment unknown = good;
  unknown.customer_id = 999;
  CHECK(f.catalog->AddAppointment(f.admin, unknown).status().code() == StatusCode::kNotFound);
  auto listed = f.catalog->ListAppointments(f.mueller.id);
  REQUIRE(listed.ok());
  CHECK(listed->empty());  // nothing half-written
}

TEST_CASE("Editing an appointment needs the current version and replaces its participants",
          "[archive][appointments]") {
  PlanningFixture f;
  Appointment first = f.AddAppointment(f.NewAppointment(
      f.mueller, "Besprechung", "2024-03-12T09:00:00Z", "2024-03-12T10:00:00Z", {"bernd"}));
  f.clock.Advance(std::chrono::minutes(3));
  Appointment edited = first;
  edited.title = "Besprechung verschoben";
  edited.starts_at = "2024-03-13T13:00:00Z";
  edited.ends_at = "2024-03-13T14:00:00Z";
  edited.place = "Telefon";
  edited.participants = {"anna"};
  edited.contact_id = f.weber.id;
  edited.customer_id = f.blum.id;  // ignored: it stays with its customer
  auto moved = f.catalog->UpdateAppointment(f.staff, edited);
  INFO(moved.status().ToString());
  REQUIRE(moved.ok());
  CHECK(moved->customer_id == f.mueller.id);
  CHECK(moved->title == "Besprechung verschoben");
  CHECK(moved->starts_at == "2024-03-13T13:00:00Z");
  CHECK(moved->place == "Telefon");
  CHECK(moved->participants == std::vector<std::string>{"anna"});
  CHECK(moved->contact_id == f.weber.id);
  CHECK(moved->updated_at == "2024-03-05T13:08:00Z");
  CHECK(moved->version == 2);

  auto stale = f.catalog->UpdateAppointment(f.staff, edited);
  CHECK(stale.status().code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(stale.status().message(), Catch::Contains("changed meanwhile"));
  Appointment bad = *moved;
  bad.ends_at = "2024-03-13T12:00:00Z";
  CHECK(f.catalog->UpdateAppointment(f.staff, bad).status().field() == "ends_at");
  bad = *moved;
  bad.participants = {"carla"};
  CHECK(f.catalog->UpdateAppointment(f.staff, bad).status().field() == "participants");
  bad = *moved;
  bad.id = 4711;
  CHECK(f.catalog->UpdateAppointment(f.staff, bad).status().code() == StatusCode::kNotFound);
  auto unchanged = f.catalog->GetAppointment(first.id);
  REQUIRE(unchanged.ok());
  CHECK(unchanged->participants == std::vector<std::string>{"anna"});
  CHECK(unchanged->version == 2);

  auto audit = f.catalog->AuditTrail("appointment", first.id);
  REQUIRE(audit.ok());
  REQUIRE(audit->size() == 2);
  CHECK(audit->back().action == "update");
  CHECK(audit->back().username == "bernd");
}

TEST_CASE("A cancelled appointment stays in the file, marked, and cannot be edited",
          "[archive][appointments]") {
  PlanningFixture f;
  Appointment meeting = f.AddAppointment(f.NewAppointment(
      f.mueller, "Vor-Ort-Termin", "2024-03-12T09:00:00Z", "2024-03-12T10:00:00Z", {"bernd"}));
  CHECK(f.catalog->CancelAppointment(f.admin, meeting.id, 7).status().code() ==
        StatusCode::kFailedPrecondition);  // stale version
  CHECK(f.catalog->CancelAppointment(f.admin, 4711, 1).status().code() == StatusCode::kNotFound);
  f.clock.Advance(std::chrono::hours(1));
  auto cancelled = f.catalog->CancelAppointment(f.staff, meeting.id, meeting.version);
  INFO(cancelled.status().ToString());
  REQUIRE(cancelled.ok());
  CHECK(cancelled->cancelled_at == "2024-03-05T14:05:00Z");
  CHECK(cancelled->version == 2);

  auto twice = f.catalog->CancelAppointment(f.staff, meeting.id, cancelled->version);
  CHECK(twice.status().code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(twice.status().message(), Catch::Contains("cancelled already"));
  Appointment edited = *cancelled;
  edited.title = "Doch";
  auto refused = f.catalog->UpdateAppointment(f.staff, edited);
  CHECK(refused.status().code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(refused.status().message(), Catch::Contains("cancelled"));

  auto file = f.catalog->GetCustomerFile(f.mueller.id);
  REQUIRE(file.ok());
  REQUIRE(file->appointments.size() == 1);
  CHECK_FALSE(file->appointments.front().cancelled_at.empty());
  auto entry = std::find_if(file->timeline.begin(), file->timeline.end(),
                            [](const TimelineEntry& e) { return e.kind == "appointment"; });
  REQUIRE(entry != file->timeline.end());
  CHECK(entry->id == meeting.id);
  CHECK(entry->at == "2024-03-12T09:00:00Z");  // at its start
  CHECK(entry->title == "Vor-Ort-Termin");
  CHECK_THAT(entry->detail, Catch::StartsWith("abgesagt · bis "));
  CHECK_THAT(entry->detail, Catch::EndsWith(" · bernd"));
  CHECK(entry->author == "anna");

  auto audit = f.catalog->AuditTrail("appointment", meeting.id);
  REQUIRE(audit.ok());
  REQUIRE(audit->size() == 2);
  CHECK(audit->back().action == "cancel");
}

TEST_CASE("A user's appointments are those attended or created, from a moment, not cancelled",
          "[archive][appointments]") {
  PlanningFixture f;
  f.AddAppointment(f.NewAppointment(f.mueller, "Vorbei", "2024-03-01T09:00:00Z",
                                    "2024-03-01T10:00:00Z", {"bernd"}));
  f.AddAppointment(f.NewAppointment(f.mueller, "Läuft noch", "2024-03-05T12:00:00Z",
                                    "2024-03-05T14:00:00Z", {"bernd"}));
  f.AddAppointment(f.NewAppointment(f.blum, "Bei Blum", "2024-03-07T09:00:00Z",
                                    "2024-03-07T10:00:00Z", {"anna", "bernd"}));
  Appointment off = f.AddAppointment(f.NewAppointment(f.mueller, "Abgesagt", "2024-03-06T09:00:00Z",
                                                      "2024-03-06T10:00:00Z", {"bernd"}));
  REQUIRE(f.catalog->CancelAppointment(f.admin, off.id, off.version).ok());
  // Bernd created this one without naming himself.
  f.AddAppointment(f.NewAppointment(f.mueller, "Von Bernd angelegt", "2024-03-06T12:00:00Z",
                                    "2024-03-06T13:00:00Z", {"anna"}),
                   &f.staff);
  f.AddAppointment(f.NewAppointment(f.mueller, "Nur Anna", "2024-03-06T15:00:00Z",
                                    "2024-03-06T16:00:00Z", {"anna"}));

  auto bernds = f.catalog->AppointmentsOf("bernd", "2024-03-05T13:00:00Z");
  INFO(bernds.status().ToString());
  REQUIRE(bernds.ok());
  CHECK(Titles(*bernds) ==
        std::vector<std::string>{"Läuft noch", "Von Bernd angelegt", "Bei Blum"});
  auto all = f.catalog->AppointmentsOf("BERND", "");
  REQUIRE(all.ok());
  CHECK(all->size() == 4);
  CHECK(f.catalog->AppointmentsOf("niemand", "").status().code() == StatusCode::kNotFound);
  CHECK(f.catalog->AppointmentsOf("bernd", "gestern").status().field() == "from");
}

TEST_CASE("A user's day: overdue and due tasks, and appointments overlapping the day",
          "[archive][agenda]") {
  PlanningFixture f;
  f.AddTask(f.NewTask(f.mueller, "Überfällig", "2024-03-04", "bernd"));
  f.AddTask(f.NewTask(f.blum, "Heute Blum", "2024-03-06", "bernd"));
  f.AddTask(f.NewTask(f.mueller, "Heute Müller", "2024-03-06", "bernd"));
  f.AddTask(f.NewTask(f.mueller, "Morgen", "2024-03-07", "bernd"));
  f.AddTask(f.NewTask(f.mueller, "Ohne Datum", "", "bernd"));
  f.AddTask(f.NewTask(f.mueller, "Für Anna", "2024-03-06", "anna"));
  Task done = f.AddTask(f.NewTask(f.mueller, "Erledigt", "2024-03-06", "bernd"));
  REQUIRE(f.catalog->CompleteTask(f.staff, done.id).ok());
  // Wednesday 6 March 2024 in Berlin (CET, UTC+1) runs from 5 March 23:00Z
  // to 6 March 23:00Z.
  f.AddAppointment(f.NewAppointment(f.mueller, "Gestern spät", "2024-03-05T21:00:00Z",
                                    "2024-03-05T23:00:00Z", {"bernd"}));  // ends at midnight
  f.AddAppointment(f.NewAppointment(f.mueller, "Kurz nach Mitternacht", "2024-03-05T23:30:00Z",
                                    "2024-03-06T00:30:00Z", {"bernd"}));
  f.AddAppointment(f.NewAppointment(f.blum, "Mittags", "2024-03-06T11:00:00Z",
                                    "2024-03-06T12:00:00Z", {"bernd"}));
  f.AddAppointment(f.NewAppointment(f.mueller, "Messe, drei Tage", "2024-03-05T08:00:00Z",
                                    "2024-03-07T17:00:00Z", {"bernd"}));
  f.AddAppointment(f.NewAppointment(f.mueller, "Um 23:59 Ortszeit", "2024-03-06T22:59:00Z",
                                    "2024-03-06T22:59:00Z", {"bernd"}));
  f.AddAppointment(f.NewAppointment(f.mueller, "Morgen früh", "2024-03-06T23:00:00Z",
                                    "2024-03-07T01:00:00Z", {"bernd"}));
  f.AddAppointment(f.NewAppointment(f.mueller, "Ohne Bernd", "2024-03-06T11:00:00Z",
                                    "2024-03-06T12:00:00Z", {"anna"}));
  Appointment off = f.AddAppointment(f.NewAppointment(f.mueller, "Abgesagt", "2024-03-06T09:00:00Z",
                                                      "2024-03-06T10:00:00Z", {"bernd"}));
  REQUIRE(f.catalog->CancelAppointment(f.admin, off.id, off.version).ok());

  Agenda day = DayOf(f, "bernd", "06.03.2024");
  CHECK(day.today == "2024-03-06");
  CHECK(Titles(day.overdue_tasks) == std::vector<std::string>{"Überfällig"});
  CHECK(Titles(day.tasks_today) == std::vector<std::string>{"Heute Müller", "Heute Blum"});
  CHECK(Titles(day.appointments) == std::vector<std::string>{"Messe, drei Tage",
                                                             "Kurz nach Mitternacht", "Mittags",
                                                             "Um 23:59 Ortszeit"});
  // Anna sees what she attends and what she created (all of these).
  Agenda anna = DayOf(f, "anna", "2024-03-06");
  CHECK(Titles(anna.tasks_today) == std::vector<std::string>{"Für Anna"});
  CHECK(anna.appointments.size() == 5);

  // Without a date, today is the firm's: the clock says 5 March 23:30Z,
  // which is already 6 March in Berlin.
  f.SetClock("2024-03-05T23:30:00Z");
  CHECK(DayOf(f, "bernd", "").today == "2024-03-06");
  f.SetClock("2024-03-05T22:59:59Z");
  Agenda tuesday = DayOf(f, "bernd", "");
  CHECK(tuesday.today == "2024-03-05");
  CHECK(Titles(tuesday.overdue_tasks) == std::vector<std::string>{"Überfällig"});
  CHECK(tuesday.tasks_today.empty());
  CHECK(Titles(tuesday.appointments) ==
        std::vector<std::string>{"Messe, drei Tage", "Gestern spät"});

  CHECK(f.catalog->DayAgenda("bernd", "morgen").status().field() == "today");
  CHECK(f.catalog->DayAgenda("niemand", "2024-03-06").status().code() == StatusCode::kNotFound);
}

TEST_CASE("A user's day follows the firm's time zone across the DST changes",
          "[archive][agenda][time]") {
  PlanningFixture f;
  SECTION("Europe/Berlin: the short day of 31 March 2024 (CET to CEST)") {
    // The day runs from 30 March 23:00Z to 31 March 22:00Z.
    f.AddAppointment(f.NewAppointment(f.mueller, "Samstag 23:30", "2024-03-30T22:30:00Z",
                                      "2024-03-30T22:45:00Z", {"bernd"}));
    f.AddAppointment(f.NewAppointment(f.mueller, "Sonntag 00:30", "2024-03-30T23:30:00Z",
                                      "2024-03-30T23:45:00Z", {"bernd"}));
    f.AddAppointment(f.NewAppointment(f.mueller, "Sonntag 23:30 Sommerzeit", "2024-03-31T21:30:00Z",
                                      "2024-03-31T21:45:00Z", {"bernd"}));
    f.AddAppointment(f.NewAppointment(f.mueller, "Montag 00:30", "2024-03-31T22:30:00Z",
                                      "2024-03-31T22:45:00Z", {"bernd"}));
    CHECK(Titles(DayOf(f, "bernd", "2024-03-31").appointments) ==
          std::vector<std::string>{"Sonntag 00:30", "Sonntag 23:30 Sommerzeit"});
    CHECK(Titles(DayOf(f, "bernd", "2024-03-30").appointments) ==
          std::vector<std::string>{"Samstag 23:30"});
    CHECK(Titles(DayOf(f, "bernd", "2024-04-01").appointments) ==
          std::vector<std::string>{"Montag 00:30"});
  }
  SECTION("Europe/Berlin: the long day of 27 October 2024 (CEST to CET)") {
    // The day runs from 26 October 22:00Z to 27 October 23:00Z.
    f.AddAppointment(f.NewAppointment(f.mueller, "Samstag 23:30", "2024-10-26T21:30:00Z",
                                      "2024-10-26T21:45:00Z", {"bernd"}));
    f.AddAppointment(f.NewAppointment(f.mueller, "Sonntag 00:30", "2024-10-26T22:30:00Z",
                                      "2024-10-26T22:45:00Z", {"bernd"}));
    f.AddAppointment(f.NewAppointment(f.mueller, "Sonntag 23:30 Winterzeit", "2024-10-27T22:30:00Z",
                                      "2024-10-27T22:45:00Z", {"bernd"}));
    f.AddAppointment(f.NewAppointment(f.mueller, "Montag 00:30", "2024-10-27T23:30:00Z",
                                      "2024-10-27T23:45:00Z", {"bernd"}));
    CHECK(Titles(DayOf(f, "bernd", "2024-10-27").appointments) ==
          std::vector<std::string>{"Sonntag 00:30", "Sonntag 23:30 Winterzeit"});
    f.SetClock("2024-10-27T22:59:59Z");  // 23:59:59 CET
    CHECK(DayOf(f, "bernd", "").today == "2024-10-27");
    f.SetClock("2024-10-27T23:00:00Z");  // midnight CET
    Agenda monday = DayOf(f, "bernd", "");
    CHECK(monday.today == "2024-10-28");
    CHECK(Titles(monday.appointments) == std::vector<std::string>{"Montag 00:30"});
  }
  SECTION("another firm time zone: America/New_York") {
    REQUIRE(f.catalog->SetSetting(f.admin, kTimeZoneSetting, "America/New_York").ok());
    // 10 March 2024 (EST to EDT) runs from 10 March 05:00Z to 11 March 04:00Z.
    f.AddAppointment(f.NewAppointment(f.mueller, "Samstagabend", "2024-03-10T04:30:00Z",
                                      "2024-03-10T04:45:00Z", {"bernd"}));
    f.AddAppointment(f.NewAppointment(f.mueller, "Sonntag früh", "2024-03-10T05:00:00Z",
                                      "2024-03-10T05:15:00Z", {"bernd"}));
    f.AddAppointment(f.NewAppointment(f.mueller, "Sonntag spät", "2024-03-11T03:30:00Z",
                                      "2024-03-11T03:45:00Z", {"bernd"}));
    f.AddAppointment(f.NewAppointment(f.mueller, "Montag früh", "2024-03-11T04:00:00Z",
                                      "2024-03-11T04:15:00Z", {"bernd"}));
    CHECK(Titles(DayOf(f, "bernd", "2024-03-10").appointments) ==
          std::vector<std::string>{"Sonntag früh", "Sonntag spät"});
    f.SetClock("2024-03-11T03:59:59Z");  // 23:59:59 EDT on Sunday
    CHECK(DayOf(f, "bernd", "").today == "2024-03-10");
  }
}

}  // namespace akte::archive
