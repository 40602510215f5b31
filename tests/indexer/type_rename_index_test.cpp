// The index follows a renamed type (the records of that type are queued
// again in the change feed) and a prospect's pipeline status.
#include <xapian.h>

#include <catch2/catch.hpp>

#include "akte/indexer/index_writer.h"
#include "akte/search/index_location.h"
#include "akte/search/schema.h"
#include "temp_dir.h"

namespace akte::indexer {
namespace {

namespace sc = search::schema;

struct RenameFixture {
  akte::test::TempDir tmp;
  std::unique_ptr<archive::DataDir> dir =
      std::move(archive::DataDir::Initialize(tmp / "data",
                                             {0, "admin", "Admin", archive::kRoleAdmin, "", false}))
          .value();
  archive::Actor admin = *dir->catalog().ActorFor("admin");

  void CatchUp() {
    auto writer = IndexWriter::Open(*dir);
    REQUIRE(writer.ok());
    auto caught_up = (*writer)->CatchUp();
    INFO(caught_up.status().ToString());
    REQUIRE(caught_up.ok());
  }

  Xapian::Database Live() {
    auto path = search::IndexLocation(dir->index_path()).Current();
    REQUIRE(path.ok());
    return Xapian::Database(path->string());
  }

  // How many index entries carry `term`.
  Xapian::doccount Count(const std::string& term) {
    Xapian::Database db = Live();
    return db.get_termfreq(term);
  }
};

}  // namespace

TEST_CASE("Renaming an event type re-indexes its events under the new name", "[indexer][types]") {
  RenameFixture f;
  archive::Customer c;
  c.number = "10001";
  c.company = "Müller";
  auto customer = f.dir->catalog().CreateCustomer(f.admin, c);
  REQUIRE(customer.ok());
  for (const char* subject : {"Wegen der Wartung", "Wegen der Rechnung"}) {
    archive::Event e;
    e.customer_id = customer->id;
    e.type = "Rückruf";
    e.subject = subject;
    REQUIRE(f.dir->catalog().AddEvent(f.admin, e).ok());
  }
  f.CatchUp();
  CHECK(f.Count("XTruckruf") == 2);
  CHECK(f.Count("XTcallback") == 0);

  REQUIRE(
      f.dir->catalog().RenameType(f.admin, archive::TypeList::kEvent, "Rückruf", "Callback").ok());
  f.CatchUp();
  CHECK(f.Count("XTruckruf") == 0);
  CHECK(f.Count("XTcallback") == 2);
}

TEST_CASE("A prospect's pipeline status is a term that follows its moves", "[indexer][prospects]") {
  RenameFixture f;
  archive::Customer p;
  p.number = "I-1";
  p.kind = archive::kKindProspect;
  p.company = "Spedition Krüger";
  auto prospect = f.dir->catalog().CreateCustomer(f.admin, p);
  REQUIRE(prospect.ok());
  f.CatchUp();
  const std::string prefix(sc::kPipelinePrefix);
  CHECK(f.Count(prefix + "new") == 1);

  REQUIRE(f.dir->catalog().SetPipelineStatus(f.admin, prospect->id, 1, "offer_sent", "").ok());
  f.CatchUp();
  CHECK(f.Count(prefix + "new") == 0);
  CHECK(f.Count(prefix + "offer_sent") == 1);
}

}  // namespace akte::indexer
