// Tasks ("Aufgaben") on a real catalog: adding them about a customer, its
// contacts and documents, every refusal, editing with versions, done with
// its "Aufgabe" history event, the lists and the customer's file.
#include <algorithm>
#include <catch2/catch.hpp>

#include "planning_fixture.h"

namespace akte::archive {

TEST_CASE("Tasks are added to a customer, about its contact and document, and audited",
          "[archive][tasks]") {
  PlanningFixture f;
  Task draft = f.NewTask(f.mueller, "  Angebot zur Migration nachfassen ", "12.03.2024", "BERND");
  draft.text = "  Herr Weber wollte bis Ende der Woche Bescheid geben.\n";
  draft.contact_id = f.weber.id;
  draft.document_id = f.offer.id;
  Task task = f.AddTask(draft);
  CHECK(task.id > 0);
  CHECK(task.customer_id == f.mueller.id);
  CHECK(task.customer_number == "10001");
  CHECK(task.customer_name == "Müller Maschinenbau");
  CHECK(task.contact_id == f.weber.id);
  CHECK(task.document_id == f.offer.id);
  CHECK(task.title == "Angebot zur Migration nachfassen");
  CHECK(task.text == "Herr Weber wollte bis Ende der Woche Bescheid geben.");
  CHECK(task.due_date == "2024-03-12");
  CHECK(task.assignee == "bernd");  // as the user is spelled
  CHECK(task.created_by == "anna");
  CHECK(task.created_at == "2024-03-05T13:05:00Z");
  CHECK(task.updated_at == "2024-03-05T13:05:00Z");
  CHECK(task.done_at.empty());
  CHECK(task.done_by.empty());
  CHECK_FALSE(task.done_event_id);
  CHECK(task.version == 1);

  // Neither a due date nor an assignee is needed.
  Task loose = f.AddTask(f.NewTask(f.mueller, "Irgendwann aufräumen"));
  CHECK(loose.due_date.empty());
  CHECK(loose.assignee.empty());
  CHECK_FALSE(loose.contact_id);

  auto fetched = f.catalog->GetTask(task.id);
  REQUIRE(fetched.ok());
  CHECK(fetched->title == task.title);
  CHECK(f.catalog->GetTask(4711).status().code() == StatusCode::kNotFound);

  auto audit = f.catalog->AuditTrail("task", task.id);
  REQUIRE(audit.ok());
  REQUIRE(audit->size() == 1);
  CHECK(audit->front().action == "create");
  CHECK(audit->front().username == "anna");
  CHECK_THAT(audit->front().after, Catch::Contains("Angebot zur Migration nachfassen"));
}

TEST_CASE("Tasks refuse a bad title, text, date, assignee, contact or document",
          "[archive][tasks]") {
  PlanningFixture f;
  Task good = f.NewTask(f.mueller, "Rückruf", "2024-03-12", "bernd");
  auto field_of = [&](auto change) {
    Task draft = good;
    change(draft);
    Status status = f.catalog->AddTask(f.admin, draft).status();
    INFO(status.ToString());
    CHECK(status.code() == StatusCode::kInvalidArgument);
    CHECK_FALSE(status.message().empty());
    return status.field();
  };
  CHECK(field_of([](Task& d) { d.title = "   "; }) == "title");
  CHECK(field_of([](Task& d) { d.title = std::string(201, 'x'); }) == "title");
  CHECK(field_of([](Task& d) { d.title = "zwei\nZeilen"; }) == "title");
  CHECK(field_of([](Task& d) { d.text = std::string(100'001, 'x'); }) == "text");
  CHECK(field_of([](Task& d) { d.due_date = "30.02.2024"; }) == "due_date");
  CHECK(field_of([](Task& d) { d.due_date = "morgen"; }) == "due_date");
  CHECK(field_of([](Task& d) { d.assignee = "niemand"; }) == "assignee");
  CHECK(field_of([](Task& d) { d.assignee = "carla"; }) == "assignee");  // disabled
  CHECK(field_of([&](Task& d) { d.contact_id = f.rosa.id; }) == "contact_id");
  CHECK(field_of([](Task& d) { d.contact_id = 4711; }) == "contact_id");
  CHECK(field_of([&](Task& d) { d.document_id = f.blum_offer.id; }) == "document_id");
  CHECK(field_of([](Task& d) { d.document_id = 4711; }) == "document_id");
  {
    Task draft = good;
    draft.assignee = "carla";
    auto status = f.catalog->AddTask(f.admin, draft).status();
    CHECK_THAT(status.message(), Catch::Contains("disabled"));
  }
  Task unknown = good;
  unknown.customer_id = 999;
  CHECK(f.catalog->AddTask(f.admin, unknown).status().code() == StatusCode::kNotFound);

  // 200 characters of three bytes each are fine.
  Task longest = good;
  longest.title.clear();
  for (int i = 0; i < 200; ++i) longest.title += "€";
  Task stored = f.AddTask(longest);
  auto listed = f.catalog->ListTasks(f.mueller.id);
  REQUIRE(listed.ok());
  CHECK(listed->size() == 1);  // nothing of the refused ones
  // Done, its title is cut to fit an event's subject.
  auto done = f.catalog->CompleteTask(f.admin, stored.id);
  INFO(done.status().ToString());
  REQUIRE(done.ok());
  auto event = f.catalog->GetEvent(*done->done_event_id);
  REQUIRE(event.ok());
  CHECK(event->subject.size() <= 500);
  CHECK(event->subject.rfind("Aufgabe erledigt: €€", 0) == 0);
  CHECK(event->subject.substr(event->subject.size() - 3) == "…");
}

TEST_CASE("A customer's tasks list open ones by due date, then done ones, newest done first",
          "[archive][tasks]") {
  PlanningFixture f;
  f.AddTask(f.NewTask(f.mueller, "Ohne Datum"));
  Task late = f.AddTask(f.NewTask(f.mueller, "Später", "2024-04-01"));
  f.AddTask(f.NewTask(f.mueller, "Bald", "2024-03-07"));
  Task first = f.AddTask(f.NewTask(f.mueller, "Zuerst erledigt", "2024-03-06"));
  f.AddTask(f.NewTask(f.blum, "Bei Blum", "2024-03-06"));
  REQUIRE(f.catalog->CompleteTask(f.admin, first.id).ok());
  f.clock.Advance(std::chrono::minutes(5));
  REQUIRE(f.catalog->CompleteTask(f.admin, late.id).ok());

  auto listed = f.catalog->ListTasks(f.mueller.id);
  REQUIRE(listed.ok());
  CHECK(Titles(*listed) ==
        std::vector<std::string>{"Bald", "Ohne Datum", "Später", "Zuerst erledigt"});
  CHECK(f.catalog->ListTasks(999).status().code() == StatusCode::kNotFound);
}

TEST_CASE("Editing a task needs the current version, is checked and audited", "[archive][tasks]") {
  PlanningFixture f;
  Task task = f.AddTask(f.NewTask(f.mueller, "Angebot nachfassen", "2024-03-12"));
  f.clock.Advance(std::chrono::minutes(10));
  Task edited = task;
  edited.title = "Angebot nachfassen (Chef fragen)";
  edited.text = "Preis prüfen";
  edited.due_date = "19.03.2024";
  edited.assignee = "bernd";
  edited.contact_id = f.weber.id;
  edited.document_id = f.offer.id;
  edited.customer_id = f.blum.id;  // ignored: a task stays with its customer
  auto moved = f.catalog->UpdateTask(f.staff, edited);
  INFO(moved.status().ToString());
  REQUIRE(moved.ok());
  CHECK(moved->customer_id == f.mueller.id);
  CHECK(moved->title == "Angebot nachfassen (Chef fragen)");
  CHECK(moved->text == "Preis prüfen");
  CHECK(moved->due_date == "2024-03-19");
  CHECK(moved->assignee == "bernd");
  CHECK(moved->contact_id == f.weber.id);
  CHECK(moved->document_id == f.offer.id);
  CHECK(moved->created_at == "2024-03-05T13:05:00Z");
  CHECK(moved->updated_at == "2024-03-05T13:15:00Z");
  CHECK(moved->version == 2);

  auto stale = f.catalog->UpdateTask(f.staff, edited);  // still version 1
  CHECK(stale.status().code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(stale.status().message(), Catch::Contains("changed meanwhile"));

  Task bad = *moved;
  bad.due_date = "bald";
  CHECK(f.catalog->UpdateTask(f.staff, bad).status().field() == "due_date");
  bad = *moved;
  bad.contact_id = f.rosa.id;
  CHECK(f.catalog->UpdateTask(f.staff, bad).status().field() == "contact_id");
  bad = *moved;
  bad.title = "";
  CHECK(f.catalog->UpdateTask(f.staff, bad).status().field() == "title");
  bad = *moved;
  bad.id = 4711;
  CHECK(f.catalog->UpdateTask(f.staff, bad).status().code() == StatusCode::kNotFound);
  // Clearing the assignee and due date is an edit too.
  Task cleared = *moved;
  cleared.assignee = "";
  cleared.due_date = "";
  cleared.contact_id.reset();
  auto stored = f.catalog->UpdateTask(f.admin, cleared);
  REQUIRE(stored.ok());
  CHECK(stored->assignee.empty());
  CHECK(stored->due_date.empty());
  CHECK_FALSE(stored->contact_id);
  CHECK(stored->version == 3);

  auto audit = f.catalog->AuditTrail("task", task.id);
  REQUIRE(audit.ok());
  REQUIRE(audit->size() == 3);
  CHECK((*audit)[1].action == "update");
  CHECK((*audit)[1].username == "bernd");
}

TEST_CASE("Done records an Aufgabe event on the customer, linked to its document, once",
          "[archive][tasks]") {
  PlanningFixture f;
  Task draft = f.NewTask(f.mueller, "Angebot prüfen", "2024-03-06", "bernd");
  draft.text = "Positionen 3 bis 5";
  draft.contact_id = f.weber.id;
  draft.document_id = f.offer.id;
  Task open = f.AddTask(draft);
  f.clock.Advance(std::chrono::hours(2));
  auto done = f.catalog->CompleteTask(f.staff, open.id);
  INFO(done.status().ToString());
  REQUIRE(done.ok());
  CHECK(done->done_at == "2024-03-05T15:05:00Z");
  CHECK(done->done_by == "bernd");
  CHECK(done->version == 2);
  REQUIRE(done->done_event_id);

  auto event = f.catalog->GetEvent(*done->done_event_id);
  REQUIRE(event.ok());
  CHECK(event->customer_id == f.mueller.id);
  CHECK(event->contact_id == f.weber.id);
  CHECK(event->type == "Aufgabe");
  CHECK(event->subject == "Aufgabe erledigt: Angebot prüfen");
  CHECK(event->text == "Fällig am 06.03.2024, für bernd\nPositionen 3 bis 5");
  CHECK(event->author == "bernd");
  CHECK(event->occurred_at == "2024-03-05T15:05:00Z");
  CHECK(event->document_ids == std::vector<Id>{f.offer.id});

  auto twice = f.catalog->CompleteTask(f.admin, open.id);
  CHECK(twice.status().code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(twice.status().message(), Catch::Contains("done already"));
  Task edited = *done;
  edited.title = "Noch mal";
  auto refused = f.catalog->UpdateTask(f.admin, edited);
  CHECK(refused.status().code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(refused.status().message(), Catch::Contains("is done"));
  CHECK(f.catalog->CompleteTask(f.admin, 4711).status().code() == StatusCode::kNotFound);

  auto audit = f.catalog->AuditTrail("task", open.id);
  REQUIRE(audit.ok());
  REQUIRE(audit->size() == 2);
  CHECK(audit->back().action == "done");
  CHECK(audit->back().username == "bernd");
  CHECK(f.catalog->AuditTrail("event", event->id).value().size() == 1);
  // The type that marks it stays choosable.
  auto types = f.catalog->EventTypes();
  REQUIRE(types.ok());
  CHECK(std::find(types->begin(), types->end(), "Aufgabe") != types->end());
  CHECK(std::find(types->begin(), types->end(), "Termin") != types->end());
}

TEST_CASE("Open tasks of a user are listed by due date, undated last; everyone's need a date",
          "[archive][tasks]") {
  PlanningFixture f;
  f.AddTask(f.NewTask(f.blum, "Blum später", "2024-03-20", "bernd"));
  f.AddTask(f.NewTask(f.mueller, "Müller ohne Datum", "", "bernd"));
  f.AddTask(f.NewTask(f.mueller, "Müller überfällig", "2024-03-01", "bernd"));
  f.AddTask(f.NewTask(f.mueller, "Für Anna", "2024-03-02", "anna"));
  f.AddTask(f.NewTask(f.mueller, "Für niemanden", "2024-03-03"));
  f.AddTask(f.NewTask(f.mueller, "Niemand, kein Datum"));
  Task done = f.AddTask(f.NewTask(f.mueller, "Erledigt", "2024-03-01", "bernd"));
  REQUIRE(f.catalog->CompleteTask(f.staff, done.id).ok());

  auto bernds = f.catalog->OpenTasksOf("Bernd");
  INFO(bernds.status().ToString());
  REQUIRE(bernds.ok());
  CHECK(Titles(*bernds) ==
        std::vector<std::string>{"Müller überfällig", "Blum später", "Müller ohne Datum"});
  auto everyones = f.catalog->OpenTasksOf("");
  REQUIRE(everyones.ok());
  CHECK(Titles(*everyones) ==
        std::vector<std::string>{"Müller überfällig", "Für Anna", "Für niemanden", "Blum später"});
  CHECK(f.catalog->OpenTasksOf("niemand").status().code() == StatusCode::kNotFound);
  // A disabled user's list can still be read.
  CHECK(f.catalog->OpenTasksOf("carla").ok());
}

TEST_CASE("The customer file holds its tasks and shows them in the timeline", "[archive][tasks]") {
  PlanningFixture f;
  Task open = f.AddTask(f.NewTask(f.mueller, "Wartungsvertrag verlängern", "2024-03-12", "bernd"));
  f.clock.Advance(std::chrono::minutes(1));
  Task done = f.AddTask(f.NewTask(f.mueller, "Rechnung prüfen"));
  f.clock.Advance(std::chrono::minutes(1));
  REQUIRE(f.catalog->CompleteTask(f.staff, done.id).ok());
  f.AddTask(f.NewTask(f.blum, "Nicht bei Müller"));

  auto file = f.catalog->GetCustomerFile(f.mueller.id);
  REQUIRE(file.ok());
  CHECK(Titles(file->tasks) ==
        std::vector<std::string>{"Wartungsvertrag verlängern", "Rechnung prüfen"});
  auto find = [&](const std::string& kind, Id id) -> const TimelineEntry& {
    auto it = std::find_if(file->timeline.begin(), file->timeline.end(),
                           [&](const TimelineEntry& e) { return e.kind == kind && e.id == id; });
    REQUIRE(it != file->timeline.end());
    return *it;
  };
  // Newest first: the event of the done task, then the tasks as created.
  REQUIRE(file->timeline.size() >= 3);
  CHECK(file->timeline[0].kind == "event");
  CHECK(file->timeline[0].title == "Aufgabe: Aufgabe erledigt: Rechnung prüfen");
  CHECK(file->timeline[1].kind == "task");
  CHECK(file->timeline[1].id == done.id);
  CHECK(file->timeline[1].title == "Rechnung prüfen");
  CHECK_THAT(file->timeline[1].detail, Catch::StartsWith("erledigt "));
  CHECK_THAT(file->timeline[1].detail, Catch::EndsWith(" von bernd"));
  const TimelineEntry& open_entry = find("task", open.id);
  CHECK(open_entry.at == "2024-03-05T13:05:00Z");
  CHECK(open_entry.title == "Wartungsvertrag verlängern");
  CHECK(open_entry.detail == "offen · fällig 12.03.2024 · für bernd");
  CHECK(open_entry.author == "anna");
  CHECK(open_entry.author_name == "Anna Admin");
  CHECK(std::count_if(file->timeline.begin(), file->timeline.end(),
                      [](const TimelineEntry& e) { return e.kind == "task"; }) == 2);
}

}  // namespace akte::archive
