#include "akte/indexer/index_writer.h"

#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <catch2/catch.hpp>
#include <thread>

#include "akte/search/analysis.h"
#include "akte/search/index_location.h"
#include "akte/search/schema.h"
#include "temp_dir.h"

namespace akte::indexer {
namespace {

namespace sc = search::schema;

struct WriterFixture {
  akte::test::TempDir tmp;
  std::unique_ptr<archive::DataDir> dir;
  archive::Actor admin;
  archive::Id customer = 0;

  WriterFixture() {
    dir = std::move(archive::DataDir::Initialize(
                        tmp / "data", {0, "admin", "Admin", archive::kRoleAdmin, "", false}))
              .value();
    admin = *dir->catalog().ActorFor("admin");
    archive::Customer c;
    c.number = "10001";
    c.company = "Müller";
    customer = dir->catalog().CreateCustomer(admin, c)->id;
  }

  std::vector<archive::Id> AddNotes(int count, const std::string& word) {
    std::vector<archive::Id> ids;
    for (int i = 0; i < count; ++i) {
      ids.push_back(
          dir->catalog()
              .AddNote(admin, customer, std::nullopt, word + " Nummer " + std::to_string(i))
              ->id);
    }
    return ids;
  }

  void RawSql(const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open((tmp / "data/catalog.db").c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
  }

  Xapian::Database Live() {
    auto path = search::IndexLocation(dir->index_path()).Current();
    REQUIRE(path.ok());
    return Xapian::Database(path->string());
  }

  bool Indexed(Xapian::Database& db, std::string_view kind, archive::Id id) {
    return db.term_exists(std::string(sc::kItemPrefix) + sc::ItemKey(kind, id));
  }
};

// Runs `body` in a child process that reports progress through a pipe; the
// parent SIGKILLs it once `kill_after` reports have arrived.
void KillChildAfter(int kill_after, const std::function<void(int report_fd)>& body) {
  int fds[2];
  REQUIRE(pipe(fds) == 0);
  pid_t pid = fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    close(fds[0]);
    body(fds[1]);
    _exit(0);
  }
  close(fds[1]);
  char byte;
  int reports = 0;
  while (reports < kill_after && read(fds[0], &byte, 1) == 1) ++reports;
  kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  close(fds[0]);
  CHECK(reports == kill_after);
  CHECK(WIFSIGNALED(status));
}

TEST_CASE("Index writer killed between batches catches up with no lost or ghost entries",
          "[indexer][index]") {
  WriterFixture f;
  auto first = f.AddNotes(300, "Wartung");
  KillChildAfter(2, [&](int report_fd) {
    auto dir = archive::DataDir::Open(f.tmp / "data");
    IndexWriterOptions options;
    options.batch_changes = 50;
    auto writer = IndexWriter::Open(**dir, options);
    int batches = 0;
    (void)(*writer)->CatchUp([&](std::size_t, std::size_t) {
      char byte = 1;
      (void)!write(report_fd, &byte, 1);
      if (++batches == 2) pause();  // stays here after two batches until killed
    });
  });
  // Meanwhile the catalog moves on: notes deleted, and new ones added.
  f.RawSql("DELETE FROM notes WHERE id IN (" + std::to_string(first[0]) + ", " +
           std::to_string(first[200]) + ")");
  auto second = f.AddNotes(20, "Migration");

  auto writer = IndexWriter::Open(*f.dir);
  REQUIRE(writer.ok());
  auto report = (*writer)->CatchUp();
  REQUIRE(report.ok());
  CHECK(report->changes < 300 + 20 + 2);  // the two killed batches were not redone
  writer->reset();

  Xapian::Database db = f.Live();
  for (auto id : first) {
    const bool deleted = id == first[0] || id == first[200];
    INFO("note " << id);
    CHECK(f.Indexed(db, sc::kNote, id) == !deleted);
  }
  for (auto id : second) CHECK(f.Indexed(db, sc::kNote, id));
  CHECK(db.get_metadata(std::string(sc::kCatalogSeqKey)) ==
        std::to_string(*f.dir->catalog().LatestChange()));
}

TEST_CASE("Index writer thread follows the catalog when notified", "[indexer][index]") {
  WriterFixture f;
  IndexWriterOptions options;
  options.poll_interval = std::chrono::milliseconds(50);
  auto writer = IndexWriter::Open(*f.dir, options);
  REQUIRE(writer.ok());
  (*writer)->Start();
  auto ids = f.AddNotes(5, "Termin");
  (*writer)->Notify();
  const auto latest = *f.dir->catalog().LatestChange();
  for (int i = 0; i < 200 && (*writer)->IndexedSeq() < latest; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  CHECK((*writer)->IndexedSeq() == latest);
  CHECK((*writer)->last_error().ok());
  (*writer)->Stop();
  Xapian::Database db = f.Live();
  for (auto id : ids) CHECK(f.Indexed(db, sc::kNote, id));
}

TEST_CASE("A customer and a contact with the same id are both in the index", "[indexer][index]") {
  WriterFixture f;
  archive::Contact contact;
  contact.customer_id = f.customer;
  contact.last_name = "Weber";
  auto added = f.dir->catalog().CreateContact(f.admin, contact);
  REQUIRE(added.ok());
  REQUIRE(added->id == f.customer);  // both are row 1 of their table
  auto writer = IndexWriter::Open(*f.dir);
  REQUIRE((*writer)->CatchUp().ok());
  writer->reset();
  Xapian::Database db = f.Live();
  CHECK(f.Indexed(db, sc::kCustomer, f.customer));
  CHECK(f.Indexed(db, sc::kContact, added->id));
  CHECK(db.get_doccount() == 2);
}

TEST_CASE("Compacting the live index makes a new generation that finds everything",
          "[indexer][index]") {
  WriterFixture f;
  auto ids = f.AddNotes(300, "Wartung");
  {
    auto writer = IndexWriter::Open(*f.dir);
    REQUIRE((*writer)->CatchUp().ok());
    // While a writer holds the index, compaction must wait.
    CHECK(CompactLiveIndex(*f.dir).code() == StatusCode::kUnavailable);
  }
  Xapian::Database before = f.Live();
  REQUIRE(CompactLiveIndex(*f.dir).ok());
  CHECK(*search::IndexLocation(f.dir->index_path()).CurrentName() == "gen-000002");
  Xapian::Database after = f.Live();
  CHECK(after.get_doccount() == before.get_doccount());
  for (auto id : ids) CHECK(f.Indexed(after, sc::kNote, id));
  CHECK(after.get_metadata(std::string(sc::kCatalogSeqKey)) ==
        before.get_metadata(std::string(sc::kCatalogSeqKey)));
  // The writer carries on from the compacted generation.
  auto more = f.AddNotes(1, "Nachtrag");
  auto writer = IndexWriter::Open(*f.dir);
  REQUIRE((*writer)->CatchUp().ok());
  writer->reset();
  Xapian::Database latest = f.Live();
  CHECK(f.Indexed(latest, sc::kNote, more.front()));
}

TEST_CASE("A second writer is told the index is busy", "[indexer][index]") {
  WriterFixture f;
  auto first = IndexWriter::Open(*f.dir);
  REQUIRE(first.ok());
  auto second = IndexWriter::Open(*f.dir);
  REQUIRE_FALSE(second.ok());
  CHECK(second.status().code() == StatusCode::kUnavailable);
  CHECK_THAT(second.status().message(), Catch::Contains("akte serve"));
}

TEST_CASE("Reindex builds a new generation, and resumes when interrupted", "[indexer][index]") {
  WriterFixture f;
  auto ids = f.AddNotes(1200, "Vertrag");
  {
    auto writer = IndexWriter::Open(*f.dir);
    REQUIRE((*writer)->CatchUp().ok());
  }
  Xapian::Database before = f.Live();  // a reader of the old generation
  KillChildAfter(2, [&](int report_fd) {
    auto dir = archive::DataDir::Open(f.tmp / "data");
    ReindexOptions options;
    options.commit_documents = 500;
    int batches = 0;
    (void)Reindex(
        **dir,
        [&](std::size_t, std::size_t) {
          char byte = 1;
          (void)!write(report_fd, &byte, 1);
          if (++batches == 2) pause();  // after the first commit, before the next
        },
        options);
  });
  auto report = Reindex(*f.dir);
  REQUIRE(report.ok());
  CHECK(report->resumed);
  CHECK(report->generation == "gen-000002");
  CHECK(report->items < 1201);  // the first batch was kept
  Xapian::Database after = f.Live();
  for (auto id : {ids.front(), ids[600], ids.back()}) CHECK(f.Indexed(after, sc::kNote, id));
  CHECK(f.Indexed(after, sc::kCustomer, f.customer));
  // The old reader still reads its generation.
  CHECK(before.get_doccount() == after.get_doccount());
}

TEST_CASE("Reindex rebuilds from the catalog when the live index is damaged", "[indexer][index]") {
  WriterFixture f;
  auto ids = f.AddNotes(50, "Wartungsvertrag");
  {
    auto writer = IndexWriter::Open(*f.dir);
    REQUIRE((*writer)->CatchUp().ok());
  }
  auto live = search::IndexLocation(f.dir->index_path()).Current();
  REQUIRE(live.ok());
  for (const char* table : {"postlist.glass", "termlist.glass", "position.glass"}) {
    akte::test::WriteFile(*live / table, std::string(8192, 'x'));
  }
  auto report = Reindex(*f.dir);
  INFO(report.status().ToString());
  REQUIRE(report.ok());
  Xapian::Database after = f.Live();
  for (auto id : ids) CHECK(f.Indexed(after, sc::kNote, id));
  // Compound parts still split against the word list: "Vertrag" finds it.
  Xapian::Enquire enquire(after);
  enquire.set_query(search::Analyzer::Default().WordQuery("Vertrag", "", &after));
  CHECK(enquire.get_mset(0, 100).size() == ids.size());
}

TEST_CASE("Index check finds missing, stale and extra entries and repairs them",
          "[indexer][index]") {
  WriterFixture f;
  auto ids = f.AddNotes(3, "Angebot");
  {
    auto writer = IndexWriter::Open(*f.dir);
    REQUIRE((*writer)->CatchUp().ok());
  }
  auto clean = CheckIndex(*f.dir, false);
  REQUIRE(clean.ok());
  CHECK(clean->clean());
  CHECK(clean->items_checked == 4);

  // Damage the agreement behind the writer's back: a note gone from the
  // catalog, one changed, one new — with the feed emptied so no catch-up helps.
  f.RawSql("DELETE FROM notes WHERE id = " + std::to_string(ids[0]) +
           "; UPDATE notes SET text = 'anders', version = version + 1 WHERE id = " +
           std::to_string(ids[1]) + "; DELETE FROM changes;");
  f.AddNotes(1, "Neu");
  f.RawSql("DELETE FROM changes");
  auto found = CheckIndex(*f.dir, false);
  REQUIRE(found.ok());
  CHECK(found->extra == std::vector<std::string>{sc::ItemKey(sc::kNote, ids[0])});
  CHECK(found->stale == std::vector<std::string>{sc::ItemKey(sc::kNote, ids[1])});
  CHECK(found->missing.size() == 1);

  auto repaired = CheckIndex(*f.dir, true);
  REQUIRE(repaired.ok());
  CHECK(repaired->repaired);
  auto again = CheckIndex(*f.dir, false);
  REQUIRE(again.ok());
  CHECK(again->clean());
}

}  // namespace
}  // namespace akte::indexer
