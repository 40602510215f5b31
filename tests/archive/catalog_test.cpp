#include "akte/archive/catalog.h"

#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "catalog_fixture.h"
#include "temp_dir.h"

namespace akte::archive {
namespace {

using test::FixedClock;
using test::TempDir;

int RawUserVersion(const std::filesystem::path& file) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &stmt, nullptr);
  sqlite3_step(stmt);
  int version = sqlite3_column_int(stmt, 0);
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return version;
}

void RawExec(const std::filesystem::path& file, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  REQUIRE(sqlite3_exec(db, sql, nullptr, nullptr, nullptr) == SQLITE_OK);
  sqlite3_close(db);
}

TEST_CASE("Catalog migrates an empty file to the latest schema and reopening changes nothing",
          "[archive][catalog]") {
  TempDir dir;
  {
    auto catalog = Catalog::Open(dir / "catalog.db");
    REQUIRE(catalog.ok());
    auto version = (*catalog)->SchemaVersion();
    REQUIRE(version.ok());
    CHECK(*version >= 1);
    auto types = (*catalog)->DocumentTypes();
    REQUIRE(types.ok());
    CHECK(types->size() == 12);
    CHECK(types->front() == "Vertrag");
  }
  const int version = RawUserVersion(dir / "catalog.db");
  auto reopened = Catalog::Open(dir / "catalog.db");
  REQUIRE(reopened.ok());
  CHECK(RawUserVersion(dir / "catalog.db") == version);
  auto types = (*reopened)->DocumentTypes();
  REQUIRE(types.ok());
  CHECK(types->size() == 12);  // seed rows were not inserted twice
  auto events = (*reopened)->EventTypes();
  REQUIRE(events.ok());
  CHECK(std::find(events->begin(), events->end(), "Bonitätsprüfung") != events->end());
}

TEST_CASE("Catalog refuses a catalog written by a newer akte", "[archive][catalog]") {
  TempDir dir;
  { REQUIRE(Catalog::Open(dir / "catalog.db").ok()); }
  RawExec(dir / "catalog.db", "PRAGMA user_version = 999");
  auto catalog = Catalog::Open(dir / "catalog.db");
  REQUIRE_FALSE(catalog.ok());
  CHECK(catalog.status().code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(catalog.status().message(), Catch::Contains("newer"));
}

TEST_CASE("Catalog keeps customer numbers unique", "[archive][catalog]") {
  CatalogFixture f;
  f.Create("10001", "Müller GmbH");
  Customer again;
  again.number = "10001";
  again.company = "Meier AG";
  auto duplicate = f.catalog->CreateCustomer(f.admin, again);
  REQUIRE_FALSE(duplicate.ok());
  CHECK(duplicate.status().code() == StatusCode::kAlreadyExists);
  CHECK(duplicate.status().field() == "number");
  auto list = f.catalog->ListCustomers();
  REQUIRE(list.ok());
  CHECK(list->size() == 1);
}

TEST_CASE("Catalog enforces foreign keys", "[archive][catalog]") {
  CatalogFixture f;
  auto note = f.catalog->AddNote(f.admin, 4242, std::nullopt, "for nobody");
  REQUIRE_FALSE(note.ok());
  CHECK(note.status().code() == StatusCode::kNotFound);

  // The database itself refuses dangling references, whatever code writes.
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open((f.dir / "catalog.db").c_str(), &db) == SQLITE_OK);
  sqlite3_exec(db, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
  int rc = sqlite3_exec(db,
                        "INSERT INTO notes(customer_id, text, author_id, created_at) "
                        "VALUES (4242, 'x', 1, '2024-01-01T00:00:00Z')",
                        nullptr, nullptr, nullptr);
  sqlite3_close(db);
  CHECK(rc == SQLITE_CONSTRAINT);
}

TEST_CASE("Catalog sets a note's author and time itself", "[archive][catalog]") {
  CatalogFixture f;
  Customer c = f.Create("10001", "Müller GmbH");
  f.clock.Advance(std::chrono::minutes(10));
  auto note =
      f.catalog->AddNote(f.staff, c.id, std::nullopt, "  Rückruf wegen Migrationsprojekt  ");
  REQUIRE(note.ok());
  CHECK(note->author == "bernd");
  CHECK(note->author_name == "Bernd Berger");
  CHECK(note->created_at == "2024-03-05T13:15:00Z");
  CHECK(note->text == "Rückruf wegen Migrationsprojekt");
  auto stored = f.catalog->GetNote(note->id);
  REQUIRE(stored.ok());
  CHECK(stored->author == "bernd");

  auto empty = f.catalog->AddNote(f.staff, c.id, std::nullopt, "   \n ");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.status().field() == "text");
}

TEST_CASE("A note carried over from earlier records keeps when it was written, never later",
          "[archive][catalog]") {
  CatalogFixture f;
  Customer c = f.Create("10001", "Müller GmbH");
  auto old = f.catalog->AddNote(f.staff, c.id, std::nullopt, "Erstkontakt auf der Messe",
                                "2019-05-04T09:12:00Z");
  REQUIRE(old.ok());
  CHECK(old->created_at == "2019-05-04T09:12:00Z");
  CHECK(old->author == "bernd");

  auto future = f.catalog->AddNote(f.staff, c.id, std::nullopt, "Zukunft", "2030-01-01T00:00:00Z");
  REQUIRE_FALSE(future.ok());
  CHECK(future.status().field() == "created_at");
  auto garbled = f.catalog->AddNote(f.staff, c.id, std::nullopt, "Unsinn", "gestern");
  REQUIRE_FALSE(garbled.ok());
  CHECK(garbled.status().field() == "created_at");
}

TEST_CASE("The customer file names authors by display name, else by username",
          "[archive][catalog]") {
  CatalogFixture f;
  Customer c = f.Create("10001", "Müller GmbH");
  auto nameless = f.catalog->AddUser(f.admin, User{0, "carl", "", kRoleStaff, "", false});
  REQUIRE(nameless.ok());
  REQUIRE(f.catalog->AddNote(f.staff, c.id, std::nullopt, "von Bernd").ok());
  REQUIRE(f.catalog->AddNote(Actor{nameless->id, "carl"}, c.id, std::nullopt, "von Carl").ok());
  Event call;
  call.customer_id = c.id;
  call.type = "Anruf eingehend";
  call.subject = "Rückfrage";
  call.occurred_at = "2024-03-05T12:00:00Z";
  auto event = f.catalog->AddEvent(f.staff, call);
  REQUIRE(event.ok());
  CHECK(event->author_name == "Bernd Berger");

  auto file = f.catalog->GetCustomerFile(c.id);
  REQUIRE(file.ok());
  std::map<std::string, std::string> names;
  for (const auto& entry : file->timeline) names[entry.detail] = entry.author_name;
  CHECK(names["von Bernd"] == "Bernd Berger");
  CHECK(names["von Carl"] == "carl");
}

TEST_CASE("Catalog refuses an update based on a stale version", "[archive][catalog]") {
  CatalogFixture f;
  Customer original = f.Create("10001", "Müller GmbH");
  Customer by_anna = original;
  by_anna.city = "München";
  Customer by_bernd = original;
  by_bernd.city = "Augsburg";

  auto first = f.catalog->UpdateCustomer(f.admin, by_anna);
  REQUIRE(first.ok());
  CHECK(first->version == original.version + 1);
  auto second = f.catalog->UpdateCustomer(f.staff, by_bernd);
  REQUIRE_FALSE(second.ok());
  CHECK(second.status().code() == StatusCode::kFailedPrecondition);
  auto now = f.catalog->GetCustomer(original.id);
  REQUIRE(now.ok());
  CHECK(now->city == "München");
}

TEST_CASE("Catalog checks custom field values against their definitions", "[archive][catalog]") {
  CatalogFixture f;
  REQUIRE(
      f.catalog->DefineCustomField(f.admin, {1, "Branche", "choice", {"IT", "Handwerk"}, 0}).ok());
  REQUIRE(f.catalog->DefineCustomField(f.admin, {2, "Mitarbeiter", "number", {}, 0}).ok());
  REQUIRE(f.catalog->DefineCustomField(f.admin, {3, "Vertragsende", "date", {}, 0}).ok());
  REQUIRE(f.catalog->DefineCustomField(f.admin, {4, "Newsletter", "bool", {}, 0}).ok());

  Customer c;
  c.number = "10001";
  c.company = "Müller GmbH";
  c.custom_fields = {{1, "handwerk"}, {2, "1.234,5"}, {3, "31.12.2025"}, {4, "Ja"}};
  auto created = f.catalog->CreateCustomer(f.admin, c);
  REQUIRE(created.ok());
  CHECK(created->custom_fields.at(1) == "Handwerk");
  CHECK(created->custom_fields.at(2) == "1234.5");
  CHECK(created->custom_fields.at(3) == "2025-12-31");
  CHECK(created->custom_fields.at(4) == "true");

  c.number = "10002";
  c.custom_fields = {{1, "Landwirtschaft"}};
  auto bad_choice = f.catalog->CreateCustomer(f.admin, c);
  REQUIRE_FALSE(bad_choice.ok());
  CHECK_THAT(bad_choice.status().message(), Catch::Contains("IT, Handwerk"));

  c.custom_fields = {{2, "viele"}};
  CHECK(f.catalog->CreateCustomer(f.admin, c).status().code() == StatusCode::kInvalidArgument);
  c.custom_fields = {{3, "30.02.2025"}};
  CHECK(f.catalog->CreateCustomer(f.admin, c).status().code() == StatusCode::kInvalidArgument);
  c.custom_fields = {{9, "undefined slot"}};
  CHECK_THAT(f.catalog->CreateCustomer(f.admin, c).status().message(),
             Catch::Contains("not defined"));
}

TEST_CASE("Catalog validates master data and names the field at fault", "[archive][catalog]") {
  CatalogFixture f;
  Customer c;
  c.number = "10001";
  auto nameless = f.catalog->CreateCustomer(f.admin, c);
  CHECK(nameless.status().field() == "company");

  c.company = "Müller GmbH";
  c.emails = {"not-an-address"};
  CHECK(f.catalog->CreateCustomer(f.admin, c).status().field() == "emails");

  c.emails = {"info@mueller.de"};
  c.birthday = "1970-13-01";
  CHECK(f.catalog->CreateCustomer(f.admin, c).status().field() == "birthday");

  c.birthday = "1.2.1970";
  c.country = "Österreich";
  auto created = f.catalog->CreateCustomer(f.admin, c);
  REQUIRE(created.ok());
  CHECK(created->birthday == "1970-02-01");
  CHECK(created->country == "AT");
}

TEST_CASE("Catalog audits every change with who, when, before and after", "[archive][catalog]") {
  CatalogFixture f;
  Customer c = f.Create("10001", "Müller GmbH");
  f.clock.Advance(std::chrono::hours(1));
  c.city = "Köln";
  REQUIRE(f.catalog->UpdateCustomer(f.staff, c).ok());

  auto trail = f.catalog->AuditTrail("customer", c.id);
  REQUIRE(trail.ok());
  REQUIRE(trail->size() == 2);
  CHECK((*trail)[0].action == "create");
  CHECK((*trail)[0].username == "anna");
  CHECK((*trail)[0].before.empty());
  CHECK((*trail)[1].action == "update");
  CHECK((*trail)[1].username == "bernd");
  CHECK((*trail)[1].at == "2024-03-05T14:05:00Z");
  auto before = nlohmann::json::parse((*trail)[1].before);
  auto after = nlohmann::json::parse((*trail)[1].after);
  CHECK(before["city"] == "");
  CHECK(after["city"] == "Köln");
}

TEST_CASE("Catalog change feed records every searchable change in order", "[archive][catalog]") {
  CatalogFixture f;
  Customer c = f.Create("10001", "Müller GmbH");
  auto note = f.catalog->AddNote(f.admin, c.id, std::nullopt, "Notiz");
  REQUIRE(note.ok());
  c.city = "Bonn";
  REQUIRE(f.catalog->UpdateCustomer(f.admin, c).ok());

  auto changes = f.catalog->ChangesSince(0, 100);
  REQUIRE(changes.ok());
  REQUIRE(changes->size() == 3);
  CHECK((*changes)[0].entity == "customer");
  CHECK((*changes)[1].entity == "note");
  CHECK((*changes)[1].entity_id == note->id);
  CHECK((*changes)[2].entity == "customer");
  auto later = f.catalog->ChangesSince((*changes)[1].seq, 100);
  REQUIRE(later.ok());
  CHECK(later->size() == 1);
}

TEST_CASE("Catalog lists customers filtered, sorted and paged", "[archive][catalog]") {
  CatalogFixture f;
  f.Create("10003", "Zander KG");
  f.Create("10001", "Albrecht GmbH");
  Customer p;
  p.number = "20001";
  p.kind = kKindProspect;
  p.last_name = "Meier";
  p.city = "Zwickau";
  REQUIRE(f.catalog->CreateCustomer(f.admin, p).ok());

  CustomerListOptions by_name;
  by_name.sort = "name";
  auto names = f.catalog->ListCustomers(by_name);
  REQUIRE(names.ok());
  REQUIRE(names->size() == 3);
  CHECK((*names)[0].company == "Albrecht GmbH");
  CHECK((*names)[1].last_name == "Meier");

  CustomerListOptions prospects;
  prospects.kind = kKindProspect;
  CHECK(f.catalog->ListCustomers(prospects)->size() == 1);

  CustomerListOptions filtered;
  filtered.filter = "zwick";
  auto zwickau = f.catalog->ListCustomers(filtered);
  REQUIRE(zwickau->size() == 1);
  CHECK(zwickau->front().number == "20001");

  CustomerListOptions page;
  page.limit = 1;
  page.offset = 1;
  auto second = f.catalog->ListCustomers(page);
  REQUIRE(second->size() == 1);
  CHECK(second->front().number == "10003");

  CustomerListOptions injection;
  injection.sort = "number; DROP TABLE customers";
  CHECK(f.catalog->ListCustomers(injection).status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("Catalog customer file shows documents, notes and events newest first",
          "[archive][catalog]") {
  CatalogFixture f;
  Customer c = f.Create("10001", "Müller GmbH");
  Contact contact;
  contact.customer_id = c.id;
  contact.last_name = "Müller";
  contact.first_name = "Anna";
  auto created_contact = f.catalog->CreateContact(f.admin, contact);
  REQUIRE(created_contact.ok());

  Event call;
  call.customer_id = c.id;
  call.contact_id = created_contact->id;
  call.type = "Anruf eingehend";
  call.subject = "Frage zur Rechnung";
  call.occurred_at = "2024-03-01T09:00:00+01:00";
  auto event = f.catalog->AddEvent(f.staff, call);
  REQUIRE(event.ok());
  CHECK(event->occurred_at == "2024-03-01T08:00:00Z");
  CHECK(event->author == "bernd");

  Document doc;
  doc.customer_id = c.id;
  doc.filename = "../../Vertrag.pdf";
  doc.type = "Vertrag";
  doc.sha256 = std::string(64, 'a');
  doc.size = 10;
  auto stored_doc = f.catalog->AddDocument(f.admin, doc);
  REQUIRE(stored_doc.ok());
  CHECK(stored_doc->filename == "Vertrag.pdf");
  CHECK(stored_doc->title == "Vertrag");

  f.clock.Advance(std::chrono::minutes(1));
  REQUIRE(f.catalog->AddNote(f.admin, c.id, std::nullopt, "Neueste Notiz").ok());

  auto file = f.catalog->GetCustomerFile(c.id);
  REQUIRE(file.ok());
  CHECK(file->contacts.size() == 1);
  REQUIRE(file->timeline.size() == 3);
  CHECK(file->timeline[0].kind == "note");
  CHECK(file->timeline[1].kind == "document");
  CHECK(file->timeline[2].kind == "event");
  CHECK(file->timeline[2].title == "Anruf eingehend: Frage zur Rechnung");

  Event unknown = call;
  unknown.type = "Brieftaube";
  CHECK(f.catalog->AddEvent(f.staff, unknown).status().field() == "type");
}

TEST_CASE("Catalog keeps a contact with its own customer", "[archive][catalog]") {
  CatalogFixture f;
  Customer a = f.Create("10001", "A GmbH");
  Customer b = f.Create("10002", "B GmbH");
  Contact contact;
  contact.customer_id = a.id;
  contact.last_name = "Schmidt";
  auto created = f.catalog->CreateContact(f.admin, contact);
  REQUIRE(created.ok());
  auto note = f.catalog->AddNote(f.admin, b.id, created->id, "wrong customer");
  REQUIRE_FALSE(note.ok());
  CHECK(note.status().field() == "contact_id");
}

TEST_CASE("Catalog finds customers by the email of a customer or a contact", "[archive][catalog]") {
  CatalogFixture f;
  Customer a;
  a.number = "10001";
  a.company = "A GmbH";
  a.emails = {"Info@A-GmbH.de"};
  auto created = f.catalog->CreateCustomer(f.admin, a);
  REQUIRE(created.ok());
  Contact contact;
  contact.customer_id = created->id;
  contact.last_name = "Schmidt";
  contact.emails = {"schmidt@a-gmbh.de"};
  REQUIRE(f.catalog->CreateContact(f.admin, contact).ok());

  CHECK(*f.catalog->CustomersWithEmail("info@a-gmbh.de") == std::vector<Id>{created->id});
  CHECK(*f.catalog->CustomersWithEmail("SCHMIDT@a-gmbh.de") == std::vector<Id>{created->id});
  CHECK(f.catalog->CustomersWithEmail("nobody@a-gmbh.de")->empty());
}

}  // namespace
}  // namespace akte::archive
