#include <xapian.h>

#include <catch2/catch.hpp>

#include "akte/indexer/index_writer.h"
#include "akte/search/index_location.h"
#include "fixtures.h"
#include "pipeline_fixture.h"

namespace akte::indexer {
namespace {

using test::PipelineFixture;

TEST_CASE("Pipeline extracts pending documents and stores their text", "[indexer][pipeline]") {
  PipelineFixture f;
  auto pdf = f.File("vertrag.pdf", akte::test::MakePdf({"Wartungsvertrag Seite 1", "Seite 2"}));
  auto text = f.File("notiz.txt", "Rückruf wegen Migrationsprojekt\n");
  auto summary = f.Extract();
  CHECK(summary.documents == 2);
  CHECK(summary.by_state["extracted"] == 2);
  CHECK(f.Reload(pdf.id).extraction_state == "extracted");
  CHECK(f.Reload(pdf.id).mime_type == "application/pdf");
  CHECK(f.TextOf(pdf.id) == "Wartungsvertrag Seite 1\fSeite 2");
  CHECK(f.TextOf(text.id).find("Migrationsprojekt") != std::string::npos);
  // Nothing is pending any more: a second run does nothing.
  CHECK(f.Extract().documents == 0);
}

TEST_CASE("A worker killed by a segfault fails its document and the pipeline goes on",
          "[indexer][pipeline][sandbox]") {
  PipelineFixture f;
  // The script crashes on requests for files named crash-me, and hands every
  // other request to the real worker (which then ends, so the pipeline must
  // start a new one for the next document).
  f.options.worker_executable =
      f.Script("crashing-worker",
               "read -r line\n"
               "case \"$line\" in *crash-me*) kill -SEGV $$ ;; esac\n"
               "printf '%s\\n' \"$line\" | exec " AKTE_BINARY " extract-worker\n");
  f.options.workers = 1;
  auto before = f.File("a.txt", "erstes Dokument");
  auto crash = f.File("crash-me.txt", "wird abstürzen");
  auto after = f.File("b.txt", "drittes Dokument");
  auto summary = f.Extract();
  CHECK(summary.documents == 3);
  CHECK(f.Reload(before.id).extraction_state == "extracted");
  CHECK(f.Reload(after.id).extraction_state == "extracted");
  auto crashed = f.Reload(crash.id);
  CHECK(crashed.extraction_state == "failed");
  CHECK(crashed.extraction_error == "the reader crashed (signal SEGV)");
  CHECK(f.dir->blobs().Verify(crashed.sha256).ok());  // the original is untouched
}

TEST_CASE("A worker stuck in a loop is killed at the time limit", "[indexer][pipeline][sandbox]") {
  PipelineFixture f;
  f.options.worker_executable = f.Script("looping-worker", "read -r line\nwhile :; do :; done\n");
  f.options.limits.wall_seconds = 1;
  auto stuck = f.File("endlos.txt", "hängt");
  auto summary = f.Extract();
  CHECK(summary.documents == 1);
  auto doc = f.Reload(stuck.id);
  CHECK(doc.extraction_state == "failed");
  CHECK(doc.extraction_error == "timed out after 1 s");
}

TEST_CASE("A worker that cannot start fails documents with a reason",
          "[indexer][pipeline][sandbox]") {
  PipelineFixture f;
  f.options.worker_executable = f.tmp / "no-such-worker";
  auto doc = f.File("a.txt", "text");
  f.Extract();
  CHECK(f.Reload(doc.id).extraction_state == "failed");
  CHECK_THAT(f.Reload(doc.id).extraction_error, Catch::Contains("could not be started"));
}

TEST_CASE("Retrying failed documents extracts them again", "[indexer][pipeline]") {
  PipelineFixture f;
  f.options.worker_executable = f.tmp / "no-such-worker";
  auto doc = f.File("a.txt", "Text nach dem zweiten Versuch");
  f.Extract();
  REQUIRE(f.Reload(doc.id).extraction_state == "failed");
  auto reset = f.dir->catalog().ResetFailed(f.admin);
  REQUIRE(reset.ok());
  CHECK(*reset == 1);
  f.options.worker_executable = AKTE_BINARY;
  f.Extract();
  CHECK(f.Reload(doc.id).extraction_state == "extracted");
  CHECK(f.TextOf(doc.id).find("zweiten Versuch") != std::string::npos);
}

TEST_CASE("Limits come from the settings and bad values are refused", "[indexer][pipeline]") {
  PipelineFixture f;
  REQUIRE(f.dir->catalog().SetSetting(f.admin, "extract.wall_seconds", "15").ok());
  REQUIRE(f.dir->catalog().SetSetting(f.admin, "extract.memory_mb", "512").ok());
  auto limits = LoadLimits(f.dir->catalog());
  REQUIRE(limits.ok());
  CHECK(limits->wall_seconds == 15);
  CHECK(limits->address_space == std::uint64_t{512} << 20);
  CHECK(limits->cpu_seconds == ExtractionLimits{}.cpu_seconds);
  CHECK(CheckLimitSetting("extract.max_depth", "0").code() == StatusCode::kInvalidArgument);
  CHECK(CheckLimitSetting("extract.max_depth", "viele").code() == StatusCode::kInvalidArgument);
  CHECK(CheckLimitSetting("extract.colour", "3").code() == StatusCode::kInvalidArgument);
  CHECK(CheckLimitSetting("firm.name", "anything").ok());
}

TEST_CASE("A document offers 'did you mean' the words it repeats, a note every word",
          "[indexer][index]") {
  PipelineFixture f;
  f.File("bericht.txt", "Kassensystem und Kassensystem, einmal Quittungsdrucker.\n");
  f.Extract();
  REQUIRE(f.dir->catalog().AddNote(f.admin, f.customer.id, std::nullopt, "Etikettendrucker").ok());
  {
    auto writer = IndexWriter::Open(*f.dir);
    REQUIRE(writer.ok());
    REQUIRE((*writer)->CatchUp().ok());
  }
  auto live = search::IndexLocation(f.dir->index_path()).Current();
  REQUIRE(live.ok());
  Xapian::Database db(live->string());
  CHECK(db.get_spelling_suggestion("kasensystem") == "kassensystem");
  CHECK(db.get_spelling_suggestion("etikettendruker") == "etikettendrucker");
  // Once in a document's text: searchable, but not offered as a spelling.
  CHECK(db.get_spelling_suggestion("quittungsdruker").empty());
  CHECK(db.term_exists("quittungsdrucker"));
}

}  // namespace
}  // namespace akte::indexer
