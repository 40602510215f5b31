// Tasks and appointments in search: of a real catalog, indexed by the real
// index writer into a real Xapian database, found by their words and their
// customer's, filtered by kind in German and English, and never shown once
// changed or gone.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "akte/archive/data_dir.h"
#include "akte/indexer/index_writer.h"
#include "akte/search/query.h"
#include "akte/search/schema.h"
#include "akte/search/searcher.h"
#include "temp_dir.h"

namespace akte::search {
namespace {

using archive::Id;

class PlanningFixture {
 public:
  PlanningFixture() {
    dir = std::move(archive::DataDir::Initialize(
                        tmp / "data", {0, "admin", "Admin", archive::kRoleAdmin, "", false}))
              .value();
    admin = *dir->catalog().ActorFor("admin");
    mueller = AddCustomer("10001", "Müller Maschinenbau");
    weiss = AddCustomer("10002", "Bäckerei Weiß");

    archive::Appointment a;
    a.customer_id = mueller;
    a.title = "Termin Migration der Warenwirtschaft";
    a.text = "Zeitplan und Datenübernahme besprechen";
    a.place = "Werk Süd";
    a.starts_at = "2024-04-02T08:00:00Z";
    a.ends_at = "2024-04-02T09:30:00Z";
    a.participants = {"admin"};
    migration = Store(dir->catalog().AddAppointment(admin, a));
    a.customer_id = weiss;
    a.title = "Ofenwartung vor Ort";
    a.text = "Der Ofen in der Backstube";
    a.place = "Backstube";
    weiss_visit = Store(dir->catalog().AddAppointment(admin, a));

    archive::Task t;
    t.customer_id = mueller;
    t.title = "Angebot zur Migration nachfassen";
    t.text = "Herr Müller wartet auf die Preise";
    t.due_date = "2024-03-12";
    t.assignee = "admin";
    offer_task = Store(dir->catalog().AddTask(admin, t));
    t.customer_id = weiss;
    t.title = "Rezept für Dinkelbrot schicken";
    t.text = "";
    weiss_task = Store(dir->catalog().AddTask(admin, t));

    REQUIRE(dir->catalog()
                .AddNote(admin, mueller, std::nullopt, "Die Migration läuft seit Januar.")
                .ok());
    CatchUp();
  }

  Id AddCustomer(const std::string& number, const std::string& company) {
    archive::Customer c;
    c.number = number;
    c.company = company;
    return dir->catalog().CreateCustomer(admin, c)->id;
  }

  template <typename T>
  Id Store(Result<T> stored) {
    INFO(stored.status().ToString());
    REQUIRE(stored.ok());
    return stored->id;
  }

  void CatchUp() {
    auto writer = indexer::IndexWriter::Open(*dir);
    REQUIRE(writer.ok());
    auto caught_up = (*writer)->CatchUp();
    INFO(caught_up.status().ToString());
    REQUIRE(caught_up.ok());
  }

  SearchResponse Search(const std::string& query, bool customers = false) {
    if (!searcher_) searcher_ = std::move(Searcher::Open(*dir)).value();
    SearchRequest request;
    request.query = query;
    request.limit = 50;
    request.customers = customers;
    auto response = searcher_->Search(request);
    INFO("query: " << query << ": " << response.status().ToString());
    REQUIRE(response.ok());
    return *response;
  }

  // The hits' (kind, id), as a set.
  std::set<std::pair<std::string, Id>> Items(const std::string& query) {
    std::set<std::pair<std::string, Id>> items;
    for (const auto& hit : Search(query).hits) items.insert({hit.kind, hit.id});
    return items;
  }

  akte::test::TempDir tmp;
  std::unique_ptr<archive::DataDir> dir;
  archive::Actor admin;
  Id mueller = 0, weiss = 0;
  Id migration = 0, weiss_visit = 0, offer_task = 0, weiss_task = 0;

 private:
  std::unique_ptr<Searcher> searcher_;
};

const std::string kTask(schema::kTask);
const std::string kAppointment(schema::kAppointment);

}  // namespace

TEST_CASE_METHOD(PlanningFixture, "\"Termin Migration Müller\" finds the appointment first",
                 "[search][planning]") {
  auto response = Search("Termin Migration Müller");
  REQUIRE_FALSE(response.hits.empty());
  const Hit& first = response.hits.front();
  CHECK(first.kind == "appointment");
  CHECK(first.id == migration);
  CHECK(first.title == "Termin Migration der Warenwirtschaft");
  CHECK(first.detail == "Termin · Werk Süd · admin");
  CHECK(first.date == "2024-04-02T08:00:00Z");
  CHECK(first.customer_id == mueller);
  CHECK(first.customer_name == "Müller Maschinenbau");
  auto json = nlohmann::json::parse(ToJson(response));
  CHECK(json["hits"][0]["kind"] == "appointment");
  CHECK(json["hits"][0]["customer"]["number"] == "10001");

  // Which customer? Müller, with the appointment as evidence.
  auto customers = Search("Termin Migration", true);
  REQUIRE_FALSE(customers.customers.empty());
  CHECK(customers.customers.front().customer.id == mueller);
  bool appointment_evidence = false;
  for (const auto& hit : customers.customers.front().evidence) {
    appointment_evidence = appointment_evidence || hit.kind == "appointment";
  }
  CHECK(appointment_evidence);
}

TEST_CASE_METHOD(PlanningFixture, "Tasks are found by their words, state and customer",
                 "[search][planning]") {
  auto response = Search("Angebot nachfassen Müller");
  REQUIRE_FALSE(response.hits.empty());
  const Hit& first = response.hits.front();
  CHECK(first.kind == "task");
  CHECK(first.id == offer_task);
  CHECK(first.title == "Angebot zur Migration nachfassen");
  CHECK(first.detail == "Aufgabe · offen · fällig 12.03.2024 · für admin");
  CHECK(first.date == "2024-03-12");
  CHECK(Items("Dinkelbrot") == std::set<std::pair<std::string, Id>>{{kTask, weiss_task}});
  CHECK(Items("offene Aufgaben") ==
        std::set<std::pair<std::string, Id>>{{kTask, offer_task}, {kTask, weiss_task}});
  CHECK(Items("open tasks") == Items("offene Aufgaben"));
}

TEST_CASE_METHOD(PlanningFixture, "art:aufgabe and art:termin (kind:task, kind:appointment) filter",
                 "[search][planning]") {
  const std::set<std::pair<std::string, Id>> tasks = {{kTask, offer_task}, {kTask, weiss_task}};
  const std::set<std::pair<std::string, Id>> appointments = {{kAppointment, migration},
                                                             {kAppointment, weiss_visit}};
  CHECK(Items("art:aufgabe") == tasks);
  CHECK(Items("art:aufgaben") == tasks);
  CHECK(Items("kind:task") == tasks);
  CHECK(Items("kind:tasks") == tasks);
  CHECK(Items("art:termin") == appointments);
  CHECK(Items("art:termine") == appointments);
  CHECK(Items("kind:appointment") == appointments);
  // With words: the note about the migration is left out.
  CHECK(Items("Migration art:termin") ==
        std::set<std::pair<std::string, Id>>{{kAppointment, migration}});
  CHECK(Items("Migration kind:task") == std::set<std::pair<std::string, Id>>{{kTask, offer_task}});
  CHECK(Items("art:termin kunde:Weiß") ==
        std::set<std::pair<std::string, Id>>{{kAppointment, weiss_visit}});
  auto refused = ParseQuery("art:besprechung", Analyzer::Default());
  REQUIRE_FALSE(refused.ok());
  CHECK_THAT(refused.status().message(), Catch::Contains("aufgabe"));
  CHECK_THAT(refused.status().message(), Catch::Contains("termin"));
}

TEST_CASE_METHOD(PlanningFixture, "Changed, done, cancelled and deleted items leave no ghost hits",
                 "[search][planning]") {
  auto task = *dir->catalog().GetTask(offer_task);
  task.title = "Preisliste schicken";
  REQUIRE(dir->catalog().UpdateTask(admin, task).ok());
  auto appointment = *dir->catalog().GetAppointment(migration);
  appointment.title = "Termin Inventur der Warenwirtschaft";
  appointment.text = "Zeitplan";
  REQUIRE(dir->catalog().UpdateAppointment(admin, appointment).ok());
  CatchUp();
  CHECK(Items("nachfassen").empty());
  CHECK(Items("Preisliste") == std::set<std::pair<std::string, Id>>{{kTask, offer_task}});
  CHECK(Items("Migration art:termin").empty());
  CHECK(Items("Inventur") == std::set<std::pair<std::string, Id>>{{kAppointment, migration}});

  REQUIRE(dir->catalog().CompleteTask(admin, offer_task).ok());
  auto current = *dir->catalog().GetAppointment(weiss_visit);
  REQUIRE(dir->catalog().CancelAppointment(admin, weiss_visit, current.version).ok());
  CatchUp();
  CHECK(Items("offene Aufgaben") == std::set<std::pair<std::string, Id>>{{kTask, weiss_task}});
  CHECK(Items("erledigte Aufgabe art:aufgabe") ==
        std::set<std::pair<std::string, Id>>{{kTask, offer_task}});
  auto cancelled = Search("abgesagt art:termin");
  REQUIRE(cancelled.hits.size() == 1);
  CHECK(cancelled.hits.front().id == weiss_visit);
  CHECK(cancelled.hits.front().detail == "Termin abgesagt · Backstube · admin");

  // Gone from the catalog (as only a repair could do): gone from the hits
  // at once, before the index catches up, and from the index after.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((tmp / "data/catalog.db").c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, ("DELETE FROM tasks WHERE id = " + std::to_string(weiss_task)).c_str(),
                       nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
  CHECK(Items("Dinkelbrot").empty());
  CatchUp();
  CHECK(Items("Dinkelbrot").empty());
  CHECK(Items("art:aufgabe") == std::set<std::pair<std::string, Id>>{{kTask, offer_task}});
}

}  // namespace akte::search
