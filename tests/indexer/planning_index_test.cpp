// Tasks and appointments in the index: followed through the change feed
// (edited, done, cancelled, renamed customer, deleted), rebuilt by reindex
// and reconciled by fsck's index check.
#include <sqlite3.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "akte/indexer/index_writer.h"
#include "akte/search/index_location.h"
#include "akte/search/schema.h"
#include "temp_dir.h"

namespace akte::indexer {
namespace {

namespace sc = search::schema;

struct PlanningIndexFixture {
  akte::test::TempDir tmp;
  std::unique_ptr<archive::DataDir> dir;
  archive::Actor admin;
  archive::Customer customer;
  archive::Task task;
  archive::Appointment appointment;

  PlanningIndexFixture() {
    dir = std::move(archive::DataDir::Initialize(
                        tmp / "data", {0, "admin", "Admin", archive::kRoleAdmin, "", false}))
              .value();
    admin = *dir->catalog().ActorFor("admin");
    archive::Customer c;
    c.number = "10001";
    c.company = "Müller Maschinenbau";
    customer = *dir->catalog().CreateCustomer(admin, c);
    archive::Task t;
    t.customer_id = customer.id;
    t.title = "Wartungsvertrag verlängern";
    t.text = "Laufzeit endet im Juni";
    t.due_date = "2024-03-12";
    t.assignee = "admin";
    auto stored_task = dir->catalog().AddTask(admin, t);
    INFO(stored_task.status().ToString());
    REQUIRE(stored_task.ok());
    task = *stored_task;
    archive::Appointment a;
    a.customer_id = customer.id;
    a.title = "Termin zur Migration";
    a.text = "Zeitplan für den Umzug der Server";
    a.place = "Halle 2";
    a.starts_at = "2024-04-02T08:00:00Z";
    a.ends_at = "2024-04-02T09:30:00Z";
    a.participants = {"admin"};
    auto stored_appointment = dir->catalog().AddAppointment(admin, a);
    INFO(stored_appointment.status().ToString());
    REQUIRE(stored_appointment.ok());
    appointment = *stored_appointment;
  }

  void CatchUp() {
    auto writer = IndexWriter::Open(*dir);
    REQUIRE(writer.ok());
    auto caught_up = (*writer)->CatchUp();
    INFO(caught_up.status().ToString());
    REQUIRE(caught_up.ok());
  }

  void RawSql(const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((tmp / "data/catalog.db").c_str(), &db) == SQLITE_OK);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    INFO((error ? error : ""));
    sqlite3_free(error);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
  }

  Xapian::Database Live() {
    auto path = search::IndexLocation(dir->index_path()).Current();
    REQUIRE(path.ok());
    return Xapian::Database(path->string());
  }

  // The index entry of an item; an empty document when there is none.
  Xapian::Document Entry(Xapian::Database& db, std::string_view kind, archive::Id id) {
    const std::string term = std::string(sc::kItemPrefix) + sc::ItemKey(kind, id);
    auto it = db.postlist_begin(term);
    return it == db.postlist_end(term) ? Xapian::Document() : db.get_document(*it);
  }

  static bool HasTerm(const Xapian::Document& doc, const std::string& term) {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term;
  }
};

}  // namespace

TEST_CASE("Catch-up indexes tasks and appointments with kind, customer, date and words",
          "[indexer][planning]") {
  PlanningIndexFixture f;
  f.CatchUp();
  Xapian::Database db = f.Live();
  CHECK(db.get_doccount() == 3);  // the customer, the task, the appointment
  Xapian::Document task = f.Entry(db, sc::kTask, f.task.id);
  CHECK(f.HasTerm(task, "Ktask"));
  CHECK(f.HasTerm(task, "XC" + std::to_string(f.customer.id)));
  CHECK(f.HasTerm(task, "Swartungsvertrag"));
  CHECK(f.HasTerm(task, "laufzeit"));
  CHECK(f.HasTerm(task, "aufgabe"));
  CHECK(f.HasTerm(task, "offen"));
  CHECK(f.HasTerm(task, "muller"));  // the customer's name
  CHECK(f.HasTerm(task, "Y2024"));
  CHECK(task.get_value(sc::kDateSlot) == "20240312");  // its due date
  CHECK(task.get_value(sc::kKindSlot) == "task");
  CHECK(nlohmann::json::parse(task.get_data())["v"] == 1);

  Xapian::Document appointment = f.Entry(db, sc::kAppointment, f.appointment.id);
  CHECK(f.HasTerm(appointment, "Kappointment"));
  CHECK(f.HasTerm(appointment, "XC" + std::to_string(f.customer.id)));
  CHECK(f.HasTerm(appointment, "Stermin"));
  CHECK(f.HasTerm(appointment, "migration"));
  CHECK(f.HasTerm(appointment, "halle"));
  CHECK(f.HasTerm(appointment, "appointment"));
  CHECK(f.HasTerm(appointment, "M202404"));
  CHECK(appointment.get_value(sc::kDateSlot) == "20240402");  // its start
}

TEST_CASE("Edits, done, cancelling and a renamed customer replace the entries",
          "[indexer][planning]") {
  PlanningIndexFixture f;
  f.CatchUp();
  archive::Task edited = f.task;
  edited.title = "Servicevertrag verlängern";
  REQUIRE(f.dir->catalog().UpdateTask(f.admin, edited).ok());
  REQUIRE(f.dir->catalog().CompleteTask(f.admin, f.task.id).ok());
  REQUIRE(
      f.dir->catalog().CancelAppointment(f.admin, f.appointment.id, f.appointment.version).ok());
  archive::Customer renamed = f.customer;
  renamed.company = "Schulz Anlagenbau";
  REQUIRE(f.dir->catalog().UpdateCustomer(f.admin, renamed).ok());
  f.CatchUp();

  Xapian::Database db = f.Live();
  CHECK(db.get_doccount() == 4);  // the done task's history event joined; nothing doubled
  Xapian::Document task = f.Entry(db, sc::kTask, f.task.id);
  CHECK(f.HasTerm(task, "servicevertrag"));
  CHECK_FALSE(f.HasTerm(task, "wartungsvertrag"));
  CHECK(f.HasTerm(task, "erledigt"));
  CHECK_FALSE(f.HasTerm(task, "offen"));
  CHECK(f.HasTerm(task, "schulz"));
  CHECK_FALSE(f.HasTerm(task, "muller"));
  CHECK(nlohmann::json::parse(task.get_data())["v"] == 3);
  Xapian::Document appointment = f.Entry(db, sc::kAppointment, f.appointment.id);
  CHECK(f.HasTerm(appointment, "abgesagt"));
  CHECK(f.HasTerm(appointment, "cancelled"));
  CHECK(f.HasTerm(appointment, "schulz"));
  CHECK_FALSE(f.HasTerm(appointment, "muller"));
}

TEST_CASE("A task or appointment gone from the catalog leaves the index", "[indexer][planning]") {
  PlanningIndexFixture f;
  f.CatchUp();
  f.RawSql("DELETE FROM appointments WHERE id = " + std::to_string(f.appointment.id) +
           "; DELETE FROM tasks WHERE id = " + std::to_string(f.task.id));
  f.CatchUp();
  Xapian::Database db = f.Live();
  CHECK(db.get_doccount() == 1);
  CHECK(f.Entry(db, sc::kTask, f.task.id).get_data().empty());
  CHECK(f.Entry(db, sc::kAppointment, f.appointment.id).get_data().empty());
}

TEST_CASE("Reindex keeps tasks and appointments", "[indexer][planning]") {
  PlanningIndexFixture f;
  f.CatchUp();
  auto report = Reindex(*f.dir);
  INFO(report.status().ToString());
  REQUIRE(report.ok());
  CHECK(report->items == 3);
  Xapian::Database db = f.Live();
  CHECK(f.HasTerm(f.Entry(db, sc::kTask, f.task.id), "Ktask"));
  CHECK(f.HasTerm(f.Entry(db, sc::kAppointment, f.appointment.id), "Kappointment"));
}

TEST_CASE("Index check sees missing, stale and ghost task and appointment entries",
          "[indexer][planning]") {
  PlanningIndexFixture f;
  f.CatchUp();
  auto clean = CheckIndex(*f.dir, false);
  REQUIRE(clean.ok());
  CHECK(clean->clean());
  CHECK(clean->items_checked == 3);

  {
    auto path = search::IndexLocation(f.dir->index_path()).Current();
    Xapian::WritableDatabase db(path->string());
    db.delete_document(std::string(sc::kItemPrefix) +
                       sc::ItemKey(sc::kAppointment, f.appointment.id));
    // An entry of a task the catalog never had.
    Xapian::Document ghost;
    ghost.add_boolean_term(std::string(sc::kItemPrefix) + sc::ItemKey(sc::kTask, 4711));
    ghost.set_data(R"({"kind":"task","id":4711,"v":1})");
    db.add_document(ghost);
    db.commit();
  }
  // An edit the writer never heard of leaves the task's entry stale.
  archive::Task edited = f.task;
  edited.due_date = "2024-03-19";
  REQUIRE(f.dir->catalog().UpdateTask(f.admin, edited).ok());
  f.RawSql("DELETE FROM changes");
  auto found = CheckIndex(*f.dir, false);
  REQUIRE(found.ok());
  CHECK(found->missing ==
        std::vector<std::string>{sc::ItemKey(sc::kAppointment, f.appointment.id)});
  CHECK(found->stale == std::vector<std::string>{sc::ItemKey(sc::kTask, f.task.id)});
  CHECK(found->extra == std::vector<std::string>{sc::ItemKey(sc::kTask, 4711)});

  auto repaired = CheckIndex(*f.dir, true);
  REQUIRE(repaired.ok());
  CHECK(repaired->repaired);
  auto again = CheckIndex(*f.dir, false);
  REQUIRE(again.ok());
  CHECK(again->clean());
  Xapian::Database db = f.Live();
  CHECK(f.Entry(db, sc::kTask, f.task.id).get_value(sc::kDateSlot) == "20240319");
  CHECK(f.HasTerm(f.Entry(db, sc::kAppointment, f.appointment.id), "Kappointment"));
}

}  // namespace akte::indexer
