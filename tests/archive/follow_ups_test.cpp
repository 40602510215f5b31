// Follow-ups ("Wiedervorlage") on a real catalog: setting them on every kind
// of item, refusals, the due lists and their day boundaries in the firm's
// time zone (around midnight and the DST changes), rescheduling, done.
#include <algorithm>
#include <catch2/catch.hpp>

#include "catalog_fixture.h"

namespace akte::archive {
namespace {

struct FollowUpFixture : CatalogFixture {
  Customer mueller = Create("10001", "Müller Maschinenbau");
  Customer blum = Create("10002", "Gärtnerei Blum");

  // Sets the fixed clock to `utc`.
  void SetClock(std::string_view utc) {
    auto at = ParseUtc(utc);
    REQUIRE(at.ok());
    clock.Advance(std::chrono::duration_cast<std::chrono::seconds>(*at - clock.Now()));
  }

  FollowUp Add(const Customer& customer, std::string due, std::string reason,
               std::string assignee = "", std::string entity = "", Id entity_id = 0) {
    FollowUp draft;
    draft.customer_id = customer.id;
    draft.due_date = std::move(due);
    draft.reason = std::move(reason);
    draft.assignee = std::move(assignee);
    draft.entity = std::move(entity);
    draft.entity_id = entity_id;
    auto added = catalog->AddFollowUp(admin, draft);
    INFO(added.status().ToString());
    REQUIRE(added.ok());
    return *added;
  }

  Status Refused(FollowUp draft) { return catalog->AddFollowUp(admin, std::move(draft)).status(); }

  FollowUpsDue Due(std::string_view assignee, std::string_view today) {
    auto due = catalog->DueFollowUps(assignee, today);
    INFO(due.status().ToString());
    REQUIRE(due.ok());
    return *due;
  }

  Document AddDocument(const Customer& customer) {
    Document doc;
    doc.customer_id = customer.id;
    doc.filename = "Angebot.pdf";
    doc.type = "Angebot";
    doc.sha256 = std::string(64, 'b');
    doc.size = 10;
    auto stored = catalog->AddDocument(admin, doc);
    REQUIRE(stored.ok());
    return *stored;
  }

  Event AddEvent(const Customer& customer) {
    Event event;
    event.customer_id = customer.id;
    event.type = "Anruf eingehend";
    event.subject = "Rückfrage zum Angebot";
    auto stored = catalog->AddEvent(admin, event);
    REQUIRE(stored.ok());
    return *stored;
  }
};

std::vector<std::string> Reasons(const std::vector<FollowUp>& list) {
  std::vector<std::string> reasons;
  for (const auto& f : list) reasons.push_back(f.reason);
  return reasons;
}

}  // namespace

TEST_CASE("Follow-ups are set on a customer, a prospect and their documents, notes and events",
          "[archive][follow-ups]") {
  FollowUpFixture f;
  Customer prospect;
  prospect.number = "I-7";
  prospect.kind = kKindProspect;
  prospect.first_name = "Clara";
  prospect.last_name = "Schmidt";
  auto interested = f.catalog->CreateCustomer(f.admin, prospect);
  REQUIRE(interested.ok());

  FollowUp on_customer = f.Add(f.mueller, "12.03.2024", "  Angebot nachfassen ");
  CHECK(on_customer.entity == "customer");
  CHECK(on_customer.entity_id == f.mueller.id);
  CHECK(on_customer.customer_number == "10001");
  CHECK(on_customer.customer_name == "Müller Maschinenbau");
  CHECK(on_customer.due_date == "2024-03-12");
  CHECK(on_customer.reason == "Angebot nachfassen");
  CHECK(on_customer.assignee == "anna");  // the caller, when none is named
  CHECK(on_customer.created_by == "anna");
  CHECK(on_customer.created_at == "2024-03-05T13:05:00Z");
  CHECK(on_customer.done_at.empty());
  CHECK(on_customer.done_by.empty());
  CHECK(on_customer.version == 1);

  FollowUp on_prospect = f.Add(*interested, "2024-03-08", "Erstgespräch", "bernd");
  CHECK(on_prospect.customer_name == "Clara Schmidt");
  CHECK(on_prospect.assignee == "bernd");

  Document doc = f.AddDocument(f.mueller);
  auto note = f.catalog->AddNote(f.admin, f.mueller.id, std::nullopt, "Ruft nach Ostern zurück");
  REQUIRE(note.ok());
  Event event = f.AddEvent(f.mueller);
  CHECK(f.Add(f.mueller, "2024-03-07", "Angebot prüfen", "", "document", doc.id).entity_id ==
        doc.id);
  CHECK(f.Add(f.mueller, "2024-04-02", "Nach Ostern", "", "note", note->id).entity == "note");
  CHECK(f.Add(f.mueller, "2024-03-06", "Rückruf", "BERND", "event", event.id).assignee == "bernd");

  auto listed = f.catalog->ListFollowUps(f.mueller.id);
  REQUIRE(listed.ok());
  CHECK(Reasons(*listed) ==
        std::vector<std::string>{"Rückruf", "Angebot prüfen", "Angebot nachfassen", "Nach Ostern"});
  CHECK(f.catalog->ListFollowUps(999).status().code() == StatusCode::kNotFound);

  auto audit = f.catalog->AuditTrail("follow_up", on_customer.id);
  REQUIRE(audit.ok());
  REQUIRE(audit->size() == 1);
  CHECK(audit->front().action == "create");
  CHECK(audit->front().username == "anna");
}

TEST_CASE("Follow-ups refuse a bad date, no reason, an unknown assignee or another's item",
          "[archive][follow-ups]") {
  FollowUpFixture f;
  auto carla = f.catalog->AddUser(f.admin, User{0, "carla", "Carla", kRoleStaff, "", false});
  REQUIRE(carla.ok());
  carla->disabled = true;
  REQUIRE(f.catalog->UpdateUser(f.admin, *carla).ok());
  Document others = f.AddDocument(f.blum);
  auto others_note = f.catalog->AddNote(f.admin, f.blum.id, std::nullopt, "Notiz bei Blum");
  REQUIRE(others_note.ok());

  FollowUp good;
  good.customer_id = f.mueller.id;
  good.due_date = "2024-03-12";
  good.reason = "Nachfassen";
  auto field_of = [&](auto change) {
    FollowUp draft = good;
    change(draft);
    Status status = f.Refused(draft);
    INFO(status.ToString());
    CHECK(status.code() == StatusCode::kInvalidArgument);
    return status.field();
  };
  CHECK(field_of([](FollowUp& d) { d.due_date = "30.02.2024"; }) == "due_date");
  CHECK(field_of([](FollowUp& d) { d.due_date = ""; }) == "due_date");
  CHECK(field_of([](FollowUp& d) { d.reason = "   "; }) == "reason");
  CHECK(field_of([](FollowUp& d) { d.reason = std::string(101, 'x'); }) == "reason");
  CHECK(field_of([](FollowUp& d) { d.assignee = "niemand"; }) == "assignee");
  CHECK(field_of([](FollowUp& d) { d.assignee = "carla"; }) == "assignee");
  CHECK(field_of([](FollowUp& d) { d.entity = "contact"; }) == "entity");
  CHECK(field_of([&](FollowUp& d) {
          d.entity = "document";
          d.entity_id = others.id;
        }) == "entity_id");
  CHECK(field_of([&](FollowUp& d) {
          d.entity = "note";
          d.entity_id = others_note->id;
        }) == "entity_id");
  CHECK(field_of([](FollowUp& d) {
          d.entity = "event";
          d.entity_id = 4711;
        }) == "entity_id");
  FollowUp longest = good;
  longest.reason.clear();
  for (int i = 0; i < 100; ++i) longest.reason += "ü";
  auto accepted = f.catalog->AddFollowUp(f.admin, longest);
  REQUIRE(accepted.ok());
  CHECK(f.catalog->CompleteFollowUp(f.admin, accepted->id).ok());  // fits an event's subject
  FollowUp unknown = good;
  unknown.customer_id = 999;
  CHECK(f.Refused(unknown).code() == StatusCode::kNotFound);
  auto stored = f.catalog->ListFollowUps(f.mueller.id);
  REQUIRE(stored.ok());
  CHECK(stored->size() == 1);  // only the longest reason
}

TEST_CASE("Due follow-ups are overdue, due today or due through Sunday, per assignee",
          "[archive][follow-ups]") {
  FollowUpFixture f;
  // Wednesday 6 March 2024; its ISO week ends on Sunday 10 March.
  f.Add(f.blum, "2024-03-06", "Heute Blum");
  f.Add(f.mueller, "2024-03-06", "Heute Müller");
  f.Add(f.mueller, "2024-02-28", "Längst fällig");
  f.Add(f.mueller, "2024-03-05", "Gestern");
  f.Add(f.mueller, "2024-03-07", "Morgen");
  f.Add(f.mueller, "2024-03-10", "Sonntag");
  f.Add(f.mueller, "2024-03-11", "Nächste Woche");
  f.Add(f.mueller, "2024-03-06", "Für Bernd", "bernd");
  FollowUp done = f.Add(f.mueller, "2024-03-06", "Schon erledigt");
  REQUIRE(f.catalog->CompleteFollowUp(f.admin, done.id).ok());

  FollowUpsDue due = f.Due("anna", "2024-03-06");
  CHECK(due.today == "2024-03-06");
  CHECK(Reasons(due.overdue) == std::vector<std::string>{"Längst fällig", "Gestern"});
  // The same day sorts by customer number.
  CHECK(Reasons(due.due_today) == std::vector<std::string>{"Heute Müller", "Heute Blum"});
  CHECK(Reasons(due.this_week) == std::vector<std::string>{"Morgen", "Sonntag"});

  CHECK(Reasons(f.Due("bernd", "06.03.2024").due_today) == std::vector<std::string>{"Für Bernd"});
  CHECK(f.Due("", "2024-03-06").due_today.size() == 3);  // everyone's

  // On a Sunday the week is over: the Monday after is next week.
  FollowUpsDue sunday = f.Due("anna", "2024-03-10");
  CHECK(Reasons(sunday.due_today) == std::vector<std::string>{"Sonntag"});
  CHECK(sunday.this_week.empty());
  CHECK(sunday.overdue.size() == 5);
  // On a Monday the whole week lies ahead.
  CHECK(Reasons(f.Due("anna", "2024-03-04").this_week) ==
        std::vector<std::string>{"Gestern", "Heute Müller", "Heute Blum", "Morgen", "Sonntag"});

  CHECK(f.catalog->DueFollowUps("niemand", "2024-03-06").status().field() == "assignee");
  CHECK(f.catalog->DueFollowUps("anna", "morgen").status().field() == "today");
}

TEST_CASE("The default day of the due lists is the firm's, around midnight and DST changes",
          "[archive][follow-ups][time]") {
  FollowUpFixture f;
  f.Add(f.mueller, "2024-03-30", "Samstag");
  f.Add(f.mueller, "2024-03-31", "Sonntag der Zeitumstellung");
  f.Add(f.mueller, "2024-10-26", "Samstag im Oktober");
  f.Add(f.mueller, "2024-10-27", "Ende der Sommerzeit");

  SECTION("Europe/Berlin (the default) when the clocks go forward") {
    f.SetClock("2024-03-30T22:59:59Z");  // 23:59:59 CET
    FollowUpsDue saturday = f.Due("anna", "");
    CHECK(saturday.today == "2024-03-30");
    CHECK(Reasons(saturday.due_today) == std::vector<std::string>{"Samstag"});
    CHECK(Reasons(saturday.this_week) == std::vector<std::string>{"Sonntag der Zeitumstellung"});
    f.SetClock("2024-03-30T23:30:00Z");  // 00:30 CET on Sunday, before the change at 01:00Z
    FollowUpsDue sunday = f.Due("anna", "");
    CHECK(sunday.today == "2024-03-31");
    CHECK(Reasons(sunday.overdue) == std::vector<std::string>{"Samstag"});
    CHECK(Reasons(sunday.due_today) == std::vector<std::string>{"Sonntag der Zeitumstellung"});
    CHECK(sunday.this_week.empty());
    f.SetClock("2024-03-31T21:59:59Z");  // 23:59:59 CEST
    CHECK(f.catalog->FirmToday().value() == "2024-03-31");
    f.SetClock("2024-03-31T22:00:00Z");  // midnight CEST: Monday
    CHECK(f.catalog->FirmToday().value() == "2024-04-01");
  }
  SECTION("Europe/Berlin when the clocks go back") {
    f.SetClock("2024-10-26T21:59:59Z");  // 23:59:59 CEST
    CHECK(f.Due("anna", "").today == "2024-10-26");
    f.SetClock("2024-10-26T22:30:00Z");  // 00:30 CEST on Sunday
    FollowUpsDue sunday = f.Due("anna", "");
    CHECK(sunday.today == "2024-10-27");
    CHECK(Reasons(sunday.due_today) == std::vector<std::string>{"Ende der Sommerzeit"});
    f.SetClock("2024-10-27T22:59:59Z");  // 23:59:59 CET
    CHECK(f.catalog->FirmToday().value() == "2024-10-27");
    f.SetClock("2024-10-27T23:00:00Z");  // midnight CET
    CHECK(f.catalog->FirmToday().value() == "2024-10-28");
  }
  SECTION("another firm time zone: America/New_York") {
    REQUIRE(f.catalog->SetSetting(f.admin, kTimeZoneSetting, "America/New_York").ok());
    f.SetClock("2024-03-30T23:30:00Z");  // Sunday in Berlin, 19:30 on Saturday in New York
    FollowUpsDue saturday = f.Due("anna", "");
    CHECK(saturday.today == "2024-03-30");
    CHECK(Reasons(saturday.due_today) == std::vector<std::string>{"Samstag"});
    f.SetClock("2024-03-31T03:59:59Z");  // 23:59:59 EDT
    CHECK(f.catalog->FirmToday().value() == "2024-03-30");
    f.SetClock("2024-03-31T04:00:00Z");  // midnight EDT
    CHECK(f.catalog->FirmToday().value() == "2024-03-31");
    f.SetClock("2024-11-03T04:30:00Z");  // 00:30 EDT, the night the clocks go back
    CHECK(f.catalog->FirmToday().value() == "2024-11-03");
    f.SetClock("2024-11-04T04:30:00Z");  // 23:30 EST
    CHECK(f.catalog->FirmToday().value() == "2024-11-03");
  }
}

TEST_CASE("DateInTimeZone follows the zone's rules, daylight saving time included, far ahead",
          "[archive][time]") {
  auto date = [](std::string_view utc, std::string_view zone) {
    auto at = ParseUtc(utc);
    REQUIRE(at.ok());
    auto day = DateInTimeZone(*at, zone);
    INFO(day.status().ToString());
    REQUIRE(day.ok());
    return *day;
  };
  CHECK(date("2024-06-01T23:59:59Z", "UTC") == "2024-06-01");
  // Far ahead of today, by the zone's rule.
  CHECK(date("2060-07-01T21:59:59Z", "Europe/Berlin") == "2060-07-01");
  CHECK(date("2060-07-01T22:00:00Z", "Europe/Berlin") == "2060-07-02");
  CHECK(date("2060-12-01T22:59:59Z", "Europe/Berlin") == "2060-12-01");
  CHECK(date("2060-12-01T23:00:00Z", "Europe/Berlin") == "2060-12-02");
  // The southern hemisphere has its summer time across the turn of the year.
  CHECK(date("2060-01-15T13:00:00Z", "Australia/Sydney") == "2060-01-16");
  CHECK(date("2060-07-15T13:00:00Z", "Australia/Sydney") == "2060-07-15");
  auto unknown = DateInTimeZone(std::chrono::system_clock::now(), "Mars/Olympus_Mons");
  CHECK(unknown.status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("Rescheduling a follow-up needs the current version and is audited",
          "[archive][follow-ups]") {
  FollowUpFixture f;
  FollowUp first = f.Add(f.mueller, "2024-03-12", "Angebot nachfassen");
  FollowUp edited = first;
  edited.due_date = "19.03.2024";
  edited.assignee = "bernd";
  edited.reason = "Angebot nachfassen (Chef fragen)";
  auto moved = f.catalog->UpdateFollowUp(f.staff, edited);
  REQUIRE(moved.ok());
  CHECK(moved->due_date == "2024-03-19");
  CHECK(moved->assignee == "bernd");
  CHECK(moved->version == 2);
  CHECK(f.catalog->UpdateFollowUp(f.staff, edited).status().code() ==
        StatusCode::kFailedPrecondition);  // version 1 is stale now
  FollowUp bad = *moved;
  bad.due_date = "bald";
  CHECK(f.catalog->UpdateFollowUp(f.staff, bad).status().field() == "due_date");
  auto audit = f.catalog->AuditTrail("follow_up", first.id);
  REQUIRE(audit.ok());
  REQUIRE(audit->size() == 2);
  CHECK(audit->back().action == "update");
  CHECK(audit->back().username == "bernd");
}

TEST_CASE("Done marks a follow-up in the history, linked to its document, once",
          "[archive][follow-ups]") {
  FollowUpFixture f;
  Document doc = f.AddDocument(f.mueller);
  FollowUp open = f.Add(f.mueller, "2024-03-05", "Angebot prüfen", "bernd", "document", doc.id);
  f.clock.Advance(std::chrono::hours(2));
  auto done = f.catalog->CompleteFollowUp(f.staff, open.id);
  INFO(done.status().ToString());
  REQUIRE(done.ok());
  CHECK(done->done_at == "2024-03-05T15:05:00Z");
  CHECK(done->done_by == "bernd");
  CHECK(done->version == 2);
  REQUIRE(done->done_event_id);

  auto event = f.catalog->GetEvent(*done->done_event_id);
  REQUIRE(event.ok());
  CHECK(event->customer_id == f.mueller.id);
  CHECK(event->type == "Wiedervorlage");
  CHECK(event->subject == "Wiedervorlage erledigt: Angebot prüfen");
  CHECK(event->author == "bernd");
  CHECK(event->occurred_at == "2024-03-05T15:05:00Z");
  CHECK(event->document_ids == std::vector<Id>{doc.id});
  auto file = f.catalog->GetCustomerFile(f.mueller.id);
  REQUIRE(file.ok());
  CHECK(file->timeline.front().title == "Wiedervorlage: Wiedervorlage erledigt: Angebot prüfen");

  auto twice = f.catalog->CompleteFollowUp(f.admin, open.id);
  CHECK(twice.status().code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(twice.status().message(), Catch::Contains("done already"));
  FollowUp edited = *done;
  edited.due_date = "2024-04-01";
  CHECK(f.catalog->UpdateFollowUp(f.admin, edited).status().code() ==
        StatusCode::kFailedPrecondition);

  auto audit = f.catalog->AuditTrail("follow_up", open.id);
  REQUIRE(audit.ok());
  REQUIRE(audit->size() == 2);
  CHECK(audit->back().action == "done");
  CHECK(audit->back().username == "bernd");
  CHECK(f.catalog->AuditTrail("event", event->id).value().size() == 1);

  // The type that marks it stays choosable.
  auto types = f.catalog->EventTypes();
  REQUIRE(types.ok());
  CHECK(std::find(types->begin(), types->end(), "Wiedervorlage") != types->end());
  CHECK(f.catalog->RetireType(f.admin, TypeList::kEvent, "Wiedervorlage").code() ==
        StatusCode::kFailedPrecondition);
}

}  // namespace akte::archive
