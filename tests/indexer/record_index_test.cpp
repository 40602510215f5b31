// Business records in the index: followed through the change feed (a
// payment updates its invoice), rebuilt by reindex, reconciled by fsck,
// and taken in from a catalog made before records were searchable.
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

struct RecordIndexFixture {
  akte::test::TempDir tmp;
  std::unique_ptr<archive::DataDir> dir;
  archive::Actor admin;
  archive::Id customer = 0;
  archive::Id invoice = 0;
  archive::Id offer = 0;

  RecordIndexFixture() {
    Open(true);
    archive::Customer c;
    c.number = "10001";
    c.company = "Müller";
    customer = dir->catalog().CreateCustomer(admin, c)->id;
    invoice = Add(archive::kRecordInvoice, "RE-2024-0042", 100000, 19000);
    offer = Add(archive::kRecordOffer, "AN-2024-0007", 50000, 9500);
  }

  void Open(bool create) {
    dir.reset();
    dir = create
              ? std::move(archive::DataDir::Initialize(
                              tmp / "data", {0, "admin", "Admin", archive::kRoleAdmin, "", false}))
                    .value()
              : std::move(archive::DataDir::Open(tmp / "data")).value();
    admin = *dir->catalog().ActorFor("admin");
  }

  archive::Id Add(const char* kind, const std::string& number, std::int64_t net, std::int64_t tax) {
    archive::BusinessRecord r;
    r.customer_id = customer;
    r.kind = kind;
    r.number = number;
    r.record_date = "2024-03-01";
    r.net_cents = net;
    r.tax_cents = tax;
    auto stored = dir->catalog().AddBusinessRecord(admin, r);
    INFO(stored.status().ToString());
    REQUIRE(stored.ok());
    return stored->id;
  }

  void Pay(std::int64_t cents) {
    REQUIRE(dir->catalog()
                .AddPayment(admin, archive::Payment{0, invoice, "2024-04-01", cents, "", "", ""})
                .ok());
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

  // The index entry of a record; an empty document when there is none.
  Xapian::Document Entry(Xapian::Database& db, archive::Id id) {
    const std::string term = std::string(sc::kItemPrefix) + sc::ItemKey(sc::kRecord, id);
    auto it = db.postlist_begin(term);
    return it == db.postlist_end(term) ? Xapian::Document() : db.get_document(*it);
  }

  bool HasTerm(const Xapian::Document& doc, const std::string& term) {
    auto it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term;
  }
};

}  // namespace

TEST_CASE("Catch-up indexes records with their kind, number, customer, date and amount",
          "[indexer][records]") {
  RecordIndexFixture f;
  f.CatchUp();
  Xapian::Database db = f.Live();
  Xapian::Document doc = f.Entry(db, f.invoice);
  CHECK(f.HasTerm(doc, "Krecord"));
  CHECK(f.HasTerm(doc, "XC" + std::to_string(f.customer)));
  CHECK(f.HasTerm(doc, "Y2024"));
  CHECK(f.HasTerm(doc, "M202403"));
  CHECK(f.HasTerm(doc, "XTrechnung"));
  CHECK(f.HasTerm(doc, "re20240042"));  // the number, whole
  CHECK(f.HasTerm(doc, "Srechnung"));
  CHECK(f.HasTerm(doc, "invoice"));
  CHECK(f.HasTerm(doc, "offen"));
  CHECK(f.HasTerm(doc, "muller"));  // the customer's name
  CHECK(doc.get_value(sc::kDateSlot) == "20240301");
  CHECK(doc.get_value(sc::kCustomerSlot) == std::to_string(f.customer));
  CHECK(Xapian::sortable_unserialise(doc.get_value(sc::kAmountSlot)) == 119000.0);
  CHECK(f.HasTerm(f.Entry(db, f.offer), "angebot"));
}

TEST_CASE("A payment brings its invoice's new payment state into the index", "[indexer][records]") {
  RecordIndexFixture f;
  f.CatchUp();
  f.Pay(50000);
  f.CatchUp();
  {
    Xapian::Database db = f.Live();
    Xapian::Document doc = f.Entry(db, f.invoice);
    CHECK(f.HasTerm(doc, "teilweise"));
    CHECK(nlohmann::json::parse(doc.get_data())["v"] == 2);
  }
  f.Pay(69000);
  f.CatchUp();
  Xapian::Database db = f.Live();
  Xapian::Document doc = f.Entry(db, f.invoice);
  CHECK(f.HasTerm(doc, "bezahlt"));
  CHECK(f.HasTerm(doc, "paid"));
  CHECK_FALSE(f.HasTerm(doc, "offen"));
  CHECK_FALSE(f.HasTerm(doc, "teilweise"));
  CHECK(db.get_doccount() == 3);  // the customer and two records: replaced, not added
}

TEST_CASE("Reindex keeps the business records", "[indexer][records]") {
  RecordIndexFixture f;
  f.Pay(119000);
  f.CatchUp();
  auto report = Reindex(*f.dir);
  INFO(report.status().ToString());
  REQUIRE(report.ok());
  CHECK(report->items == 3);
  Xapian::Database db = f.Live();
  Xapian::Document doc = f.Entry(db, f.invoice);
  CHECK(f.HasTerm(doc, "bezahlt"));
  CHECK(Xapian::sortable_unserialise(doc.get_value(sc::kAmountSlot)) == 119000.0);
  CHECK(f.HasTerm(f.Entry(db, f.offer), "Krecord"));
}

TEST_CASE("Index check sees a missing and a stale record entry and repairs them",
          "[indexer][records]") {
  RecordIndexFixture f;
  f.CatchUp();
  auto clean = CheckIndex(*f.dir, false);
  REQUIRE(clean.ok());
  CHECK(clean->clean());
  CHECK(clean->items_checked == 3);

  {
    auto path = search::IndexLocation(f.dir->index_path()).Current();
    Xapian::WritableDatabase db(path->string());
    db.delete_document(std::string(sc::kItemPrefix) + sc::ItemKey(sc::kRecord, f.offer));
    db.commit();
  }
  // A payment the writer never heard of leaves the invoice's state stale.
  f.Pay(1000);
  f.RawSql("DELETE FROM changes");
  auto found = CheckIndex(*f.dir, false);
  REQUIRE(found.ok());
  CHECK(found->missing == std::vector<std::string>{sc::ItemKey(sc::kRecord, f.offer)});
  CHECK(found->stale == std::vector<std::string>{sc::ItemKey(sc::kRecord, f.invoice)});

  auto repaired = CheckIndex(*f.dir, true);
  REQUIRE(repaired.ok());
  CHECK(repaired->repaired);
  auto again = CheckIndex(*f.dir, false);
  REQUIRE(again.ok());
  CHECK(again->clean());
  Xapian::Database db = f.Live();
  CHECK(f.HasTerm(f.Entry(db, f.invoice), "teilweise"));
}

TEST_CASE("Records of a catalog from before they were searchable reach the index",
          "[indexer][records]") {
  RecordIndexFixture f;
  f.Pay(1000);
  f.dir.reset();
  // The catalog and index as schema version 5 left them: records, but not
  // in the feed, and so not in the index.
  f.RawSql(
      "DROP TRIGGER business_records_ins; DROP TRIGGER business_records_upd; "
      "DROP TRIGGER business_records_del; DROP TRIGGER payments_ins; "
      "DROP TRIGGER payments_upd; DROP TRIGGER payments_del; "
      "DELETE FROM changes WHERE entity = 'record';");
  f.Open(false);
  f.CatchUp();
  {
    Xapian::Database before = f.Live();
    REQUIRE(before.get_doccount() == 1);  // the customer only
  }
  f.dir.reset();
  // Back to version 5, without what the later versions added, so that the
  // migrations from 6 on run again.
  f.RawSql(
      "DROP TABLE appointment_participants; DROP TABLE appointments; DROP TABLE tasks; "
      "DROP TABLE calendar_feeds; ALTER TABLE customers DROP COLUMN pipeline_status; "
      "ALTER TABLE customers DROP COLUMN converted_at; PRAGMA user_version = 5");
  f.Open(false);  // migrates from version 6 on
  f.CatchUp();
  Xapian::Database db = f.Live();
  CHECK(f.HasTerm(f.Entry(db, f.invoice), "teilweise"));
  CHECK(f.HasTerm(f.Entry(db, f.offer), "Krecord"));
  auto check = CheckIndex(*f.dir, false);
  REQUIRE(check.ok());
  CHECK(check->clean());
}

}  // namespace akte::indexer
