#include "akte/archive/data_dir.h"

#include <catch2/catch.hpp>
#include <filesystem>

#include "temp_dir.h"

namespace akte::archive {
namespace {

namespace fs = std::filesystem;
using test::TempDir;

struct DirFixture {
  TempDir tmp;
  std::unique_ptr<DataDir> dir;
  Actor admin;
  Customer customer;

  DirFixture() {
    auto created =
        DataDir::Initialize(tmp.path(), User{0, "admin", "Admin", kRoleAdmin, "", false});
    REQUIRE(created.ok());
    dir = std::move(created).value();
    admin = *dir->catalog().ActorFor("admin");
    Customer draft;
    draft.number = "10001";
    draft.company = "Müller GmbH";
    customer = *dir->catalog().CreateCustomer(admin, draft);
  }

  Result<StoredDocument> Store(std::string_view bytes, std::optional<Id> customer_id) {
    Document draft;
    draft.customer_id = customer_id;
    draft.filename = "vertrag.txt";
    return dir->StoreDocument(admin, draft,
                              [bytes](std::span<char> buffer) mutable -> Result<std::size_t> {
                                std::size_t n = std::min(buffer.size(), bytes.size());
                                std::copy_n(bytes.data(), n, buffer.data());
                                bytes.remove_prefix(n);
                                return n;
                              });
  }
};

TEST_CASE("DataDir files the same bytes once per customer and shares the blob",
          "[archive][datadir]") {
  DirFixture f;
  auto first = f.Store("Wartungsvertrag 2024", f.customer.id);
  REQUIRE(first.ok());
  CHECK_FALSE(first->already_stored);
  CHECK(first->document.size == 20);
  CHECK(first->document.extraction_state == kStatePending);

  auto again = f.Store("Wartungsvertrag 2024", f.customer.id);
  REQUIRE(again.ok());
  CHECK(again->already_stored);
  CHECK(again->document.id == first->document.id);

  Customer other;
  other.number = "10002";
  other.company = "Meier AG";
  auto second_customer = f.dir->catalog().CreateCustomer(f.admin, other);
  REQUIRE(second_customer.ok());
  auto shared = f.Store("Wartungsvertrag 2024", second_customer->id);
  REQUIRE(shared.ok());
  CHECK_FALSE(shared->already_stored);
  CHECK(shared->document.id != first->document.id);
  CHECK(shared->document.sha256 == first->document.sha256);
  CHECK(test::CountFiles(f.tmp / "blobs") == 1);
}

TEST_CASE("DataDir upload interrupted half-way leaves no blob and no row", "[archive][datadir]") {
  DirFixture f;
  Document draft;
  draft.customer_id = f.customer.id;
  draft.filename = "abgebrochen.pdf";
  int calls = 0;
  auto result =
      f.dir->StoreDocument(f.admin, draft, [&calls](std::span<char> buffer) -> Result<std::size_t> {
        if (++calls > 3) return Status::IoError("client went away");
        std::fill(buffer.begin(), buffer.end(), 'x');
        return buffer.size();
      });
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().message() == "client went away");
  CHECK(test::CountFiles(f.tmp / "blobs") == 0);
  CHECK(test::CountFiles(f.tmp / "tmp") == 0);
  auto documents = f.dir->catalog().ListDocuments(f.customer.id);
  REQUIRE(documents.ok());
  CHECK(documents->empty());
}

TEST_CASE("DataDir records a document whose blob a writer already stored", "[archive][datadir]") {
  DirFixture f;
  auto writer = f.dir->blobs().BeginPut();
  REQUIRE(writer.ok());
  REQUIRE(writer->Write("Angebot ").ok());
  REQUIRE(writer->Write("AN-2024-0007").ok());
  auto blob = writer->Finish();
  REQUIRE(blob.ok());

  Document draft;
  draft.customer_id = f.customer.id;
  draft.filename = "angebot.pdf";
  auto recorded = f.dir->RecordDocument(f.admin, draft, *blob);
  REQUIRE(recorded.ok());
  CHECK_FALSE(recorded->already_stored);
  CHECK(recorded->document.sha256 == blob->sha256);
  CHECK(recorded->document.size == 20);
  CHECK(recorded->document.uploaded_by == "admin");
  CHECK(recorded->document.extraction_state == kStatePending);

  // The same bytes through StoreDocument find the recorded document.
  auto again = f.Store("Angebot AN-2024-0007", f.customer.id);
  REQUIRE(again.ok());
  CHECK(again->already_stored);
  CHECK(again->document.id == recorded->document.id);
}

TEST_CASE("DataDir refuses to record a document for a blob that is not stored",
          "[archive][datadir]") {
  DirFixture f;
  Document draft;
  draft.customer_id = f.customer.id;
  draft.filename = "fehlt.pdf";
  BlobInfo absent{std::string(64, 'a'), 10, true};
  auto result = f.dir->RecordDocument(f.admin, draft, absent);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == StatusCode::kNotFound);
  BlobInfo bogus{"../../catalog.db", 10, true};
  CHECK(f.dir->RecordDocument(f.admin, draft, bogus).status().code() ==
        StatusCode::kInvalidArgument);
  auto documents = f.dir->catalog().ListDocuments(f.customer.id);
  REQUIRE(documents.ok());
  CHECK(documents->empty());
}

TEST_CASE("DataDir refuses a document for an unknown customer and records nothing",
          "[archive][datadir]") {
  DirFixture f;
  auto result = f.Store("orphan", 999);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == StatusCode::kNotFound);
  auto references = f.dir->catalog().BlobReferences();
  REQUIRE(references.ok());
  CHECK(references->empty());
}

TEST_CASE("DataDir fsck detects a flipped byte, a missing blob and an orphan",
          "[archive][datadir]") {
  DirFixture f;
  auto flipped = f.Store("Rechnung RE-2024-0042", f.customer.id);
  auto missing = f.Store("Angebot AN-2024-0007", f.customer.id);
  REQUIRE(flipped.ok());
  REQUIRE(missing.ok());
  auto clean = f.dir->Check();
  REQUIRE(clean.ok());
  CHECK(clean->clean());
  CHECK(clean->blobs_checked == 2);

  const fs::path flipped_path = f.dir->blobs().PathFor(flipped->document.sha256);
  fs::permissions(flipped_path, fs::perms::owner_write, fs::perm_options::add);
  std::string bytes = test::ReadFile(flipped_path);
  bytes[3] ^= 0x01;
  test::WriteFile(flipped_path, bytes);
  fs::remove(f.dir->blobs().PathFor(missing->document.sha256));
  REQUIRE(f.dir->blobs().PutBytes("nobody refers to me").ok());

  auto report = f.dir->Check();
  REQUIRE(report.ok());
  CHECK_FALSE(report->clean());
  REQUIRE(report->corrupt.size() == 1);
  CHECK_THAT(report->corrupt[0], Catch::StartsWith(flipped->document.sha256));
  CHECK_THAT(report->corrupt[0],
             Catch::Contains("document " + std::to_string(flipped->document.id)));
  REQUIRE(report->missing.size() == 1);
  CHECK_THAT(report->missing[0], Catch::StartsWith(missing->document.sha256));
  CHECK(report->orphans.size() == 1);
}

TEST_CASE("DataDir open of a missing directory says how to create one", "[archive][datadir]") {
  TempDir tmp;
  auto dir = DataDir::Open(tmp / "nothing-here");
  REQUIRE_FALSE(dir.ok());
  CHECK(dir.status().code() == StatusCode::kNotFound);
  CHECK_THAT(dir.status().message(), Catch::Contains("akte init"));
}

TEST_CASE("DataDir initialise refuses to overwrite an existing data directory",
          "[archive][datadir]") {
  DirFixture f;
  f.dir.reset();
  auto again = DataDir::Initialize(f.tmp.path(), User{0, "eve", "", kRoleAdmin, "", false});
  REQUIRE_FALSE(again.ok());
  CHECK(again.status().code() == StatusCode::kAlreadyExists);
}

}  // namespace
}  // namespace akte::archive
