// The iCalendar feed on a real catalog, read back with libical: every
// component and property, RFC 5545's restrictions, line folding and CRLF,
// umlauts, 29 February, cancelled and done entries; and the feed secrets.
#include "akte/archive/calendar_feed.h"

#include <libical/ical.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <memory>

#include "catalog_fixture.h"

namespace akte::archive {
namespace {

struct ComponentFree {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Parsed = std::unique_ptr<icalcomponent, ComponentFree>;

// The calendar as libical reads it (with X-LIC-ERROR properties wherever
// it found something wrong).
Parsed Parse(const std::string& text) {
  Parsed calendar(icalparser_parse_string(text.c_str()));
  REQUIRE(calendar);
  REQUIRE(icalcomponent_isa(calendar.get()) == ICAL_VCALENDAR_COMPONENT);
  return calendar;
}

std::vector<icalcomponent*> All(icalcomponent* calendar, icalcomponent_kind kind) {
  std::vector<icalcomponent*> found;
  for (icalcomponent* c = icalcomponent_get_first_component(calendar, kind); c;
       c = icalcomponent_get_next_component(calendar, kind)) {
    found.push_back(c);
  }
  return found;
}

// The entry with this UID, of either kind.
icalcomponent* ByUid(icalcomponent* calendar, const std::string& uid) {
  for (auto kind : {ICAL_VEVENT_COMPONENT, ICAL_VTODO_COMPONENT}) {
    for (icalcomponent* c : All(calendar, kind)) {
      if (uid == icalcomponent_get_uid(c)) return c;
    }
  }
  return nullptr;
}

std::string Text(const char* value) { return value ? value : ""; }

std::string Date(icaltimetype t) {
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02d-%02d", t.year, t.month, t.day);
  return text;
}

std::string XValue(icalcomponent* c, const std::string& name) {
  for (icalproperty* p = icalcomponent_get_first_property(c, ICAL_X_PROPERTY); p;
       p = icalcomponent_get_next_property(c, ICAL_X_PROPERTY)) {
    if (name == icalproperty_get_x_name(p)) return Text(icalproperty_get_x(p));
  }
  return "";
}

std::string Url(icalcomponent* c) {
  icalproperty* p = icalcomponent_get_first_property(c, ICAL_URL_PROPERTY);
  return p ? Text(icalproperty_get_url(p)) : "";
}

int Count(icalcomponent* c, icalproperty_kind kind) {
  return icalcomponent_count_properties(c, kind);
}

// What RFC 5545 requires and libical's restriction check does not cover:
// each entry has exactly one UID and DTSTAMP (in UTC), events a DTSTART;
// and libical found nothing to complain about anywhere.
void RequireValid(icalcomponent* calendar) {
  CHECK(Count(calendar, ICAL_PRODID_PROPERTY) == 1);
  CHECK(Count(calendar, ICAL_VERSION_PROPERTY) == 1);
  CHECK(Text(icalproperty_get_version(
            icalcomponent_get_first_property(calendar, ICAL_VERSION_PROPERTY))) == "2.0");
  CHECK(icalrestriction_check(calendar) == 1);
  for (auto kind : {ICAL_VEVENT_COMPONENT, ICAL_VTODO_COMPONENT}) {
    for (icalcomponent* c : All(calendar, kind)) {
      INFO(Text(icalcomponent_get_uid(c)));
      CHECK(Count(c, ICAL_UID_PROPERTY) == 1);
      CHECK(Count(c, ICAL_DTSTAMP_PROPERTY) == 1);
      CHECK(icaltime_is_utc(icalcomponent_get_dtstamp(c)));
      if (kind == ICAL_VEVENT_COMPONENT) CHECK(Count(c, ICAL_DTSTART_PROPERTY) == 1);
      CHECK(Count(c, ICAL_XLICERROR_PROPERTY) == 0);
    }
  }
  CHECK(Count(calendar, ICAL_XLICERROR_PROPERTY) == 0);
}

// The raw text: CRLF after every line (no bare LF or CR), no line longer
// than 75 octets. Returns the lines unfolded.
std::vector<std::string> RequireWellFormedLines(const std::string& text, bool* folded = nullptr) {
  REQUIRE(text.size() >= 2);
  REQUIRE(text.substr(text.size() - 2) == "\r\n");
  std::vector<std::string> unfolded;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find("\r\n", start);
    REQUIRE(end != std::string::npos);
    const std::string line = text.substr(start, end - start);
    INFO(line);
    CHECK(line.size() <= 75);
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line.find('\r') == std::string::npos);
    if (!line.empty() && line[0] == ' ') {
      REQUIRE(!unfolded.empty());
      unfolded.back() += line.substr(1);
      if (folded) *folded = true;
    } else {
      unfolded.push_back(line);
    }
    start = end + 2;
  }
  return unfolded;
}

struct CalendarFixture : CatalogFixture {
  Customer mueller = Create("10001", "Müller Maschinenbau");
  Customer weber = CreatePerson("10002", "Hans", "Weber", "1970-03-12");

  CalendarOptions Options() {
    CalendarOptions options;
    options.now = clock.Now();
    options.base_url = "https://akte.example.de";
    return options;
  }

  Customer CreatePerson(std::string number, std::string first, std::string last,
                        std::string birthday) {
    Customer c;
    c.number = std::move(number);
    c.first_name = std::move(first);
    c.last_name = std::move(last);
    c.birthday = std::move(birthday);
    auto created = catalog->CreateCustomer(admin, c);
    INFO(created.status().ToString());
    REQUIRE(created.ok());
    return *created;
  }

  Contact AddContact(const Customer& customer, std::string first, std::string last,
                     std::string birthday) {
    Contact contact;
    contact.customer_id = customer.id;
    contact.first_name = std::move(first);
    contact.last_name = std::move(last);
    contact.birthday = std::move(birthday);
    auto created = catalog->CreateContact(admin, contact);
    INFO(created.status().ToString());
    REQUIRE(created.ok());
    return *created;
  }

  FollowUp AddFollowUp(const Customer& customer, std::string due, std::string reason,
                       std::string assignee) {
    FollowUp draft;
    draft.customer_id = customer.id;
    draft.due_date = std::move(due);
    draft.reason = std::move(reason);
    draft.assignee = std::move(assignee);
    auto added = catalog->AddFollowUp(admin, draft);
    INFO(added.status().ToString());
    REQUIRE(added.ok());
    return *added;
  }

  Task AddTask(const Customer& customer, std::string title, std::string due, std::string assignee,
               std::string text = "") {
    Task draft;
    draft.customer_id = customer.id;
    draft.title = std::move(title);
    draft.due_date = std::move(due);
    draft.assignee = std::move(assignee);
    draft.text = std::move(text);
    auto added = catalog->AddTask(admin, draft);
    INFO(added.status().ToString());
    REQUIRE(added.ok());
    return *added;
  }

  Appointment AddAppointment(const Customer& customer, std::string title, std::string start,
                             std::string end, std::vector<std::string> participants,
                             std::string place = "") {
    Appointment draft;
    draft.customer_id = customer.id;
    draft.title = std::move(title);
    draft.starts_at = std::move(start);
    draft.ends_at = std::move(end);
    draft.participants = std::move(participants);
    draft.place = std::move(place);
    auto added = catalog->AddAppointment(admin, draft);
    INFO(added.status().ToString());
    REQUIRE(added.ok());
    return *added;
  }

  User UserNamed(const std::string& name) {
    auto user = catalog->FindUser(name);
    REQUIRE(user.ok());
    return *user;
  }

  std::string Feed(const std::string& user, CalendarOptions options) {
    auto feed = CalendarFeed(*catalog, UserNamed(user), options);
    INFO(feed.status().ToString());
    REQUIRE(feed.ok());
    return *feed;
  }
  std::string Feed(const std::string& user) { return Feed(user, Options()); }
};

std::string Uid(const std::string& kind, Id id) { return kind + "-" + std::to_string(id) + "@x"; }

}  // namespace

TEST_CASE("the calendar names its owner and the firm's time zone, and parses back valid",
          "[archive][calendar]") {
  CalendarFixture f;
  REQUIRE(f.catalog->SetSetting(f.admin, kTimeZoneSetting, "Europe/Vienna").ok());
  const std::string text = f.Feed("bernd");
  Parsed calendar = Parse(text);
  RequireValid(calendar.get());
  icalcomponent* c = calendar.get();
  CHECK(Text(icalproperty_get_prodid(icalcomponent_get_first_property(c, ICAL_PRODID_PROPERTY))) ==
        "-//akte//Kundenakte//DE");
  CHECK(Text(icalproperty_get_calscale(
            icalcomponent_get_first_property(c, ICAL_CALSCALE_PROPERTY))) == "GREGORIAN");
  CHECK(XValue(c, "X-WR-CALNAME") == "akte – Bernd Berger");
  CHECK(Text(icalproperty_get_name(icalcomponent_get_first_property(c, ICAL_NAME_PROPERTY))) ==
        "akte – Bernd Berger");
  CHECK(XValue(c, "X-WR-TIMEZONE") == "Europe/Vienna");
  CHECK(text.find("REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n") != std::string::npos);
  // Birthdays are everyone's: Hans Weber's shows in bernd's calendar too.
  CHECK(All(c, ICAL_VEVENT_COMPONENT).size() == 1);
  CHECK(All(c, ICAL_VTODO_COMPONENT).empty());
}

TEST_CASE("open follow-ups of the user are VTODOs due on their day", "[archive][calendar]") {
  CalendarFixture f;
  FollowUp open = f.AddFollowUp(f.mueller, "2024-03-08", "Angebot prüfen", "bernd");
  FollowUp overdue = f.AddFollowUp(f.weber, "2024-03-01", "Rückruf", "bernd");
  FollowUp done = f.AddFollowUp(f.mueller, "2024-03-06", "Erledigtes", "bernd");
  REQUIRE(f.catalog->CompleteFollowUp(f.staff, done.id).ok());
  f.AddFollowUp(f.mueller, "2024-03-07", "Annas Sache", "anna");
  CalendarOptions options = f.Options();
  options.uid_domain = "x";
  Parsed calendar = Parse(f.Feed("bernd", options));
  RequireValid(calendar.get());
  auto todos = All(calendar.get(), ICAL_VTODO_COMPONENT);
  REQUIRE(todos.size() == 2);  // neither the done one nor anna's

  icalcomponent* todo = ByUid(calendar.get(), Uid("follow-up", open.id));
  REQUIRE(todo);
  CHECK(icalcomponent_isa(todo) == ICAL_VTODO_COMPONENT);
  CHECK(Text(icalcomponent_get_summary(todo)) ==
        "Wiedervorlage: Angebot prüfen – Müller Maschinenbau");
  const icaltimetype due = icalcomponent_get_due(todo);
  CHECK(due.is_date == 1);
  CHECK(Date(due) == "2024-03-08");
  CHECK(icalcomponent_get_status(todo) == ICAL_STATUS_NEEDSACTION);
  CHECK(icalproperty_get_sequence(icalcomponent_get_first_property(todo, ICAL_SEQUENCE_PROPERTY)) ==
        open.version - 1);
  CHECK(Url(todo) == "https://akte.example.de/#/customers/" + std::to_string(f.mueller.id));
  CHECK(Text(icalcomponent_get_description(todo)).find("Kunde: 10001 Müller Maschinenbau") !=
        std::string::npos);
  CHECK(ByUid(calendar.get(), Uid("follow-up", overdue.id)) != nullptr);
  CHECK(ByUid(calendar.get(), Uid("follow-up", done.id)) == nullptr);
}

TEST_CASE("the appointments a user attends are events in UTC; their open dated tasks are VTODOs",
          "[archive][calendar]") {
  CalendarFixture f;
  Appointment visit =
      f.AddAppointment(f.mueller, "Wartung der Presse", "2024-03-12T09:00:00Z",
                       "2024-03-12T10:30:00Z", {"bernd", "anna"}, "Werk 2, Halle 3");
  Appointment annas = f.AddAppointment(f.weber, "Jahresgespräch", "2024-03-13T14:00:00Z",
                                       "2024-03-13T15:00:00Z", {"anna"});
  Appointment cancelled = f.AddAppointment(f.mueller, "Abgesagt", "2024-03-14T08:00:00Z",
                                           "2024-03-14T09:00:00Z", {"bernd"});
  REQUIRE(f.catalog->CancelAppointment(f.admin, cancelled.id, cancelled.version).ok());
  Appointment old = f.AddAppointment(f.mueller, "Vor zwei Jahren", "2022-03-01T09:00:00Z",
                                     "2022-03-01T10:00:00Z", {"bernd"});
  Task dated = f.AddTask(f.mueller, "Ersatzteile bestellen", "2024-03-11", "bernd",
                         "Dichtungen für die Presse");
  Task undated = f.AddTask(f.mueller, "Irgendwann", "", "bernd");
  Task done = f.AddTask(f.weber, "Schon erledigt", "2024-03-06", "bernd");
  REQUIRE(f.catalog->CompleteTask(f.staff, done.id).ok());
  Task others = f.AddTask(f.weber, "Annas Aufgabe", "2024-03-07", "anna");

  CalendarOptions options = f.Options();
  options.uid_domain = "x";
  Parsed calendar = Parse(f.Feed("bernd", options));
  RequireValid(calendar.get());

  icalcomponent* event = ByUid(calendar.get(), Uid("appointment", visit.id));
  REQUIRE(event);
  CHECK(icalcomponent_isa(event) == ICAL_VEVENT_COMPONENT);
  CHECK(Text(icalcomponent_get_summary(event)) == "Wartung der Presse – Müller Maschinenbau");
  CHECK(Text(icalcomponent_get_location(event)) == "Werk 2, Halle 3");
  const icaltimetype start = icalcomponent_get_dtstart(event);
  const icaltimetype end = icalcomponent_get_dtend(event);
  CHECK(icaltime_is_utc(start));
  CHECK(icaltime_is_utc(end));
  CHECK(std::string(icaltime_as_ical_string(start)) == "20240312T090000Z");
  CHECK(std::string(icaltime_as_ical_string(end)) == "20240312T103000Z");
  CHECK(icalcomponent_get_status(event) == ICAL_STATUS_CONFIRMED);
  CHECK(icalcomponent_get_sequence(event) == static_cast<int>(visit.version - 1));
  CHECK(Text(icalcomponent_get_description(event)).find("Teilnehmer: bernd, anna") !=
        std::string::npos);
  CHECK(Url(event) == "https://akte.example.de/#/customers/" + std::to_string(f.mueller.id));
  CHECK(ByUid(calendar.get(), Uid("appointment", annas.id)) == nullptr);      // not bernd's
  CHECK(ByUid(calendar.get(), Uid("appointment", cancelled.id)) == nullptr);  // dropped
  CHECK(ByUid(calendar.get(), Uid("appointment", old.id)) == nullptr);        // over a year ago

  icalcomponent* todo = ByUid(calendar.get(), Uid("task", dated.id));
  REQUIRE(todo);
  CHECK(icalcomponent_isa(todo) == ICAL_VTODO_COMPONENT);
  CHECK(Text(icalcomponent_get_summary(todo)) == "Ersatzteile bestellen – Müller Maschinenbau");
  CHECK(icalcomponent_get_due(todo).is_date == 1);
  CHECK(Date(icalcomponent_get_due(todo)) == "2024-03-11");
  CHECK(Text(icalcomponent_get_description(todo)).rfind("Dichtungen für die Presse", 0) == 0);
  CHECK(ByUid(calendar.get(), Uid("task", undated.id)) == nullptr);
  CHECK(ByUid(calendar.get(), Uid("task", done.id)) == nullptr);
  CHECK(ByUid(calendar.get(), Uid("task", others.id)) == nullptr);
  CHECK(All(calendar.get(), ICAL_VTODO_COMPONENT).size() == 1);
}

TEST_CASE("birthdays are yearly all-day events; 29 February falls on the last day of February",
          "[archive][calendar]") {
  CalendarFixture f;
  Contact leap = f.AddContact(f.mueller, "Lea", "Schaltjahr", "1988-02-29");
  Customer archived = f.CreatePerson("10003", "Otto", "Alt", "1950-06-01");
  REQUIRE(f.catalog->ArchiveCustomer(f.admin, archived.id, archived.version).ok());
  CalendarOptions options = f.Options();
  options.uid_domain = "x";
  Parsed calendar = Parse(f.Feed("anna", options));
  RequireValid(calendar.get());
  CHECK(All(calendar.get(), ICAL_VEVENT_COMPONENT).size() == 2);  // not the archived customer's

  icalcomponent* hans = ByUid(calendar.get(), Uid("birthday-customer", f.weber.id));
  REQUIRE(hans);
  CHECK(Text(icalcomponent_get_summary(hans)) == "Geburtstag: Hans Weber");
  const icaltimetype start = icalcomponent_get_dtstart(hans);
  CHECK(start.is_date == 1);
  CHECK(Date(start) == "1970-03-12");
  CHECK(Date(icalcomponent_get_dtend(hans)) == "1970-03-13");
  CHECK(icalproperty_get_transp(icalcomponent_get_first_property(hans, ICAL_TRANSP_PROPERTY)) ==
        ICAL_TRANSP_TRANSPARENT);
  const icalrecurrencetype yearly =
      icalproperty_get_rrule(icalcomponent_get_first_property(hans, ICAL_RRULE_PROPERTY));
  CHECK(yearly.freq == ICAL_YEARLY_RECURRENCE);
  CHECK(yearly.by_month_day[0] == ICAL_RECURRENCE_ARRAY_MAX);

  icalcomponent* lea = ByUid(calendar.get(), Uid("birthday-contact", leap.id));
  REQUIRE(lea);
  CHECK(Text(icalcomponent_get_summary(lea)) == "Geburtstag: Lea Schaltjahr – Müller Maschinenbau");
  CHECK(Date(icalcomponent_get_dtstart(lea)) == "1988-02-29");
  const icalrecurrencetype rule =
      icalproperty_get_rrule(icalcomponent_get_first_property(lea, ICAL_RRULE_PROPERTY));
  CHECK(rule.freq == ICAL_YEARLY_RECURRENCE);
  CHECK(rule.by_month[0] == 2);
  CHECK(rule.by_month_day[0] == -1);
  // Expanded as a calendar program does: every year, leap or not.
  icalrecur_iterator* it = icalrecur_iterator_new(rule, icalcomponent_get_dtstart(lea));
  REQUIRE(it);
  std::vector<std::string> days;
  for (int i = 0; i < 5; ++i) days.push_back(Date(icalrecur_iterator_next(it)));
  icalrecur_iterator_free(it);
  CHECK(days == std::vector<std::string>{"1988-02-29", "1989-02-28", "1990-02-28", "1991-02-28",
                                         "1992-02-29"});
}

TEST_CASE("calendar lines end in CRLF, fold at 75 octets and keep umlauts whole",
          "[archive][calendar]") {
  CalendarFixture f;
  // Long enough to fold several times, with multi-byte characters where a
  // fold could fall.
  std::string reason;
  while (reason.size() < 90) reason += "Überprüfung ä ö ü ß ";
  reason = reason.substr(0, 99);
  while (!reason.empty() && (static_cast<unsigned char>(reason.back()) & 0xC0) == 0x80) {
    reason.pop_back();
  }
  if (!reason.empty() && static_cast<unsigned char>(reason.back()) >= 0xC0) reason.pop_back();
  const FollowUp long_one = f.AddFollowUp(f.mueller, "2024-03-08", reason, "anna");
  f.AddContact(f.weber, "Jürgen", "Größer-Äßling", "1966-11-30");
  const std::string text = f.Feed("anna");
  bool folded = false;
  auto lines = RequireWellFormedLines(text, &folded);
  CHECK(folded);
  const std::string expected =
      "SUMMARY:Wiedervorlage: " + long_one.reason + " – Müller Maschinenbau";
  CHECK(std::find(lines.begin(), lines.end(), expected) != lines.end());
  CHECK(std::find(lines.begin(), lines.end(),
                  "SUMMARY:Geburtstag: Jürgen Größer-Äßling – Hans Weber") != lines.end());
  Parsed calendar = Parse(text);
  RequireValid(calendar.get());
}

TEST_CASE("text is escaped: commas, semicolons and new lines come back as they were",
          "[archive][calendar]") {
  CalendarFixture f;
  CalendarContent content;
  content.user = f.UserNamed("anna");
  Task task;
  task.id = 7;
  task.customer_id = f.mueller.id;
  task.customer_number = "10001";
  task.customer_name = "Müller, Söhne; Partner";
  task.title = "Preise; Mengen, Termine";
  task.text = "Zeile eins\r\nZeile zwei, mit Komma\\Backslash\x01";
  task.due_date = "2024-03-09";
  task.version = 3;
  content.tasks = {task};
  auto text = RenderCalendar(content, f.Options());
  REQUIRE(text.ok());
  RequireWellFormedLines(*text);
  Parsed calendar = Parse(*text);
  RequireValid(calendar.get());
  icalcomponent* todo = ByUid(calendar.get(), "task-7@akte");
  REQUIRE(todo);
  CHECK(Text(icalcomponent_get_summary(todo)) ==
        "Preise; Mengen, Termine – Müller, Söhne; Partner");
  CHECK(Text(icalcomponent_get_description(todo)) ==
        "Zeile eins\nZeile zwei, mit Komma\\Backslash\n\nKunde: 10001 Müller, Söhne; Partner");
  CHECK(icalproperty_get_sequence(icalcomponent_get_first_property(todo, ICAL_SEQUENCE_PROPERTY)) ==
        2);
}

TEST_CASE("a cancelled appointment is rendered with STATUS:CANCELLED", "[archive][calendar]") {
  CalendarFixture f;
  CalendarContent content;
  content.user = f.UserNamed("anna");
  Appointment a;
  a.id = 42;
  a.customer_id = f.mueller.id;
  a.customer_number = "10001";
  a.customer_name = "Müller Maschinenbau";
  a.title = "Wartung";
  a.starts_at = "2024-03-12T09:00:00Z";
  a.ends_at = "2024-03-12T10:30:00Z";
  a.cancelled_at = "2024-03-06T08:00:00Z";
  a.version = 2;
  content.appointments = {a};
  a.id = 43;
  a.cancelled_at.clear();
  content.appointments.push_back(a);
  auto text = RenderCalendar(content, f.Options());
  REQUIRE(text.ok());
  Parsed calendar = Parse(*text);
  RequireValid(calendar.get());
  CHECK(icalcomponent_get_status(ByUid(calendar.get(), "appointment-42@akte")) ==
        ICAL_STATUS_CANCELLED);
  CHECK(icalcomponent_get_status(ByUid(calendar.get(), "appointment-43@akte")) ==
        ICAL_STATUS_CONFIRMED);
}

TEST_CASE("a malformed stored time is reported, not rendered", "[archive][calendar]") {
  CalendarFixture f;
  CalendarContent content;
  Appointment a;
  a.id = 5;
  a.title = "Kaputt";
  a.starts_at = "gestern";
  a.ends_at = "2024-03-12T10:30:00Z";
  content.appointments = {a};
  auto text = RenderCalendar(content, f.Options());
  REQUIRE_FALSE(text.ok());
  CHECK(text.status().code() == StatusCode::kCorruption);
  CHECK(text.status().message().find("appointment 5") != std::string::npos);
}

TEST_CASE("the UID of an entry stays the same while its SEQUENCE follows its version",
          "[archive][calendar]") {
  CalendarFixture f;
  FollowUp follow_up = f.AddFollowUp(f.mueller, "2024-03-08", "Angebot prüfen", "anna");
  const std::string before = f.Feed("anna");
  FollowUp moved = follow_up;
  moved.due_date = "2024-03-15";
  auto stored = f.catalog->UpdateFollowUp(f.admin, moved);
  REQUIRE(stored.ok());
  const std::string after = f.Feed("anna");
  Parsed first = Parse(before);
  Parsed second = Parse(after);
  auto one = All(first.get(), ICAL_VTODO_COMPONENT);
  auto two = All(second.get(), ICAL_VTODO_COMPONENT);
  REQUIRE(one.size() == 1);
  REQUIRE(two.size() == 1);
  const std::string uid = Text(icalcomponent_get_uid(one[0]));
  CHECK(uid == Text(icalcomponent_get_uid(two[0])));
  // Named for this catalog (at random, kept as a setting), the same each time.
  CHECK(uid.rfind("follow-up-" + std::to_string(follow_up.id) + "@akte-", 0) == 0);
  CHECK(uid.size() == std::string("follow-up-1@akte-").size() + 16);
  auto domain = f.catalog->GetSetting(kCalendarUidSetting);
  REQUIRE(domain.ok());
  REQUIRE(domain->has_value());
  CHECK(uid == "follow-up-" + std::to_string(follow_up.id) + "@" + **domain);
  CHECK(icalcomponent_get_sequence(one[0]) + 1 == icalcomponent_get_sequence(two[0]));
  CHECK(Date(icalcomponent_get_due(two[0])) == "2024-03-15");

  // Another catalog's UIDs differ.
  CalendarFixture other;
  other.AddFollowUp(other.mueller, "2024-03-08", "Angebot prüfen", "anna");
  Parsed third = Parse(other.Feed("anna"));
  auto three = All(third.get(), ICAL_VTODO_COMPONENT);
  REQUIRE(three.size() == 1);
  CHECK(Text(icalcomponent_get_uid(three[0])) != uid);
}

TEST_CASE("tasks and follow-ups can come as all-day events instead", "[archive][calendar]") {
  CalendarFixture f;
  FollowUp follow_up = f.AddFollowUp(f.mueller, "2024-03-08", "Angebot prüfen", "anna");
  CalendarOptions options = f.Options();
  options.uid_domain = "x";
  options.todos = CalendarTodos::kEvents;
  Parsed calendar = Parse(f.Feed("anna", options));
  RequireValid(calendar.get());
  CHECK(All(calendar.get(), ICAL_VTODO_COMPONENT).empty());
  icalcomponent* event = ByUid(calendar.get(), Uid("follow-up", follow_up.id));
  REQUIRE(event);
  CHECK(icalcomponent_isa(event) == ICAL_VEVENT_COMPONENT);
  CHECK(icalcomponent_get_dtstart(event).is_date == 1);
  CHECK(Date(icalcomponent_get_dtstart(event)) == "2024-03-08");
  CHECK(Date(icalcomponent_get_dtend(event)) == "2024-03-09");
  CHECK(icalproperty_get_transp(icalcomponent_get_first_property(event, ICAL_TRANSP_PROPERTY)) ==
        ICAL_TRANSP_TRANSPARENT);
}

TEST_CASE("libical's restriction check does catch a broken calendar", "[archive][calendar]") {
  // The check the tests rely on is not vacuous: a second SUMMARY fails it.
  CalendarFixture f;
  f.AddFollowUp(f.mueller, "2024-03-08", "Angebot prüfen", "anna");
  Parsed calendar = Parse(f.Feed("anna"));
  REQUIRE(icalrestriction_check(calendar.get()) == 1);
  icalcomponent* todo = icalcomponent_get_first_component(calendar.get(), ICAL_VTODO_COMPONENT);
  icalcomponent_add_property(todo, icalproperty_new_summary("zweite"));
  CHECK(icalrestriction_check(calendar.get()) == 0);
}

TEST_CASE("OpenFollowUpsOf lists a user's open follow-ups by due date", "[archive][calendar]") {
  CalendarFixture f;
  f.AddFollowUp(f.mueller, "2024-04-01", "später", "bernd");
  f.AddFollowUp(f.weber, "2024-02-01", "überfällig", "bernd");
  FollowUp done = f.AddFollowUp(f.mueller, "2024-03-01", "erledigt", "bernd");
  REQUIRE(f.catalog->CompleteFollowUp(f.staff, done.id).ok());
  f.AddFollowUp(f.mueller, "2024-03-01", "Annas", "anna");
  auto open = f.catalog->OpenFollowUpsOf("bernd");
  REQUIRE(open.ok());
  REQUIRE(open->size() == 2);
  CHECK((*open)[0].reason == "überfällig");
  CHECK((*open)[1].reason == "später");
  CHECK(f.catalog->OpenFollowUpsOf("BERND").ok());
  auto unknown = f.catalog->OpenFollowUpsOf("niemand");
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().code() == StatusCode::kNotFound);
  CHECK(unknown.status().message().find("niemand") != std::string::npos);
}

TEST_CASE("a calendar secret opens its user's feed until renewed or revoked",
          "[archive][calendar]") {
  CalendarFixture f;
  auto first = f.catalog->RenewCalendarFeed(f.admin, "bernd");
  REQUIRE(first.ok());
  CHECK(first->rfind("cal_", 0) == 0);
  CHECK(first->size() == 4 + 43);  // 32 random bytes
  auto owner = f.catalog->CalendarFeedUser(*first);
  REQUIRE(owner.ok());
  CHECK(owner->username == "bernd");

  auto second = f.catalog->RenewCalendarFeed(f.staff, "Bernd");
  REQUIRE(second.ok());
  CHECK(*second != *first);
  CHECK(f.catalog->CalendarFeedUser(*first).status().code() == StatusCode::kNotFound);
  CHECK(f.catalog->CalendarFeedUser(*second).ok());
  // Anna's link is hers alone.
  auto annas = f.catalog->RenewCalendarFeed(f.admin, "anna");
  REQUIRE(annas.ok());
  CHECK(f.catalog->CalendarFeedUser(*annas)->username == "anna");
  CHECK(f.catalog->CalendarFeedUser(*second)->username == "bernd");

  for (const std::string& wrong : {std::string(), std::string("cal_"), *second + "x",
                                   second->substr(4), std::string("akte_") + second->substr(4)}) {
    auto refused = f.catalog->CalendarFeedUser(wrong);
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.status().code() == StatusCode::kNotFound);
    CHECK(refused.status().message() == "there is no such calendar");
  }

  REQUIRE(f.catalog->RevokeCalendarFeed(f.staff, "bernd").ok());
  CHECK(f.catalog->CalendarFeedUser(*second).status().code() == StatusCode::kNotFound);
  CHECK(f.catalog->RevokeCalendarFeed(f.staff, "bernd").code() == StatusCode::kNotFound);
  CHECK(f.catalog->RevokeCalendarFeed(f.admin, "niemand").code() == StatusCode::kNotFound);
  CHECK(f.catalog->RenewCalendarFeed(f.admin, "niemand").status().code() == StatusCode::kNotFound);

  // The audit trail tells who made, renewed and revoked a link, never the
  // secret or its hash.
  auto trail = f.catalog->AuditTrail("calendar_feed", f.staff.user_id);
  REQUIRE(trail.ok());
  std::vector<std::string> actions;
  for (const auto& entry : *trail) {
    actions.push_back(entry.action);
    for (const std::string& secret : {*first, *second}) {
      CHECK(entry.before.find(secret.substr(4)) == std::string::npos);
      CHECK(entry.after.find(secret.substr(4)) == std::string::npos);
    }
    CHECK(entry.before.find("hash") == std::string::npos);
    CHECK(entry.after.find("hash") == std::string::npos);
  }
  std::sort(actions.begin(), actions.end());
  CHECK(actions == std::vector<std::string>{"create", "renew", "revoke"});
}

TEST_CASE("a disabled user's calendar link stops working", "[archive][calendar]") {
  CalendarFixture f;
  auto secret = f.catalog->RenewCalendarFeed(f.admin, "bernd");
  REQUIRE(secret.ok());
  User bernd = f.UserNamed("bernd");
  bernd.disabled = true;
  REQUIRE(f.catalog->UpdateUser(f.admin, bernd).ok());
  CHECK(f.catalog->CalendarFeedUser(*secret).status().code() == StatusCode::kNotFound);
  CHECK(f.catalog->RenewCalendarFeed(f.admin, "bernd").status().code() ==
        StatusCode::kFailedPrecondition);
  bernd.disabled = false;
  REQUIRE(f.catalog->UpdateUser(f.admin, bernd).ok());
  CHECK(f.catalog->CalendarFeedUser(*secret).ok());
}

}  // namespace akte::archive
