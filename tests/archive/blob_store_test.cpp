#include "akte/archive/blob_store.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "temp_dir.h"

namespace akte::archive {
namespace {

namespace fs = std::filesystem;
using test::CountFiles;
using test::TempDir;

// SHA-256 of "hello world\n".
constexpr const char* kHelloDigest =
    "a948904f2f0f479b8f8197694b30184b0d2ed1c1cd2a1ec0fb85d299a192a447";

BlobStore OpenStore(const TempDir& dir, BlobStoreOptions options = {}) {
  auto store = BlobStore::Open(dir.path(), options);
  REQUIRE(store.ok());
  return std::move(store).value();
}

// A reader producing `total` bytes of a repeating pattern in `chunk`-sized
// pieces, failing with IoError after `fail_after` bytes when that is set.
StreamReader PatternReader(std::uint64_t total, std::uint64_t fail_after = UINT64_MAX) {
  auto produced = std::make_shared<std::uint64_t>(0);
  return [=](std::span<char> buffer) -> Result<std::size_t> {
    if (*produced >= fail_after) return Status::IoError("connection reset by peer");
    std::size_t n =
        static_cast<std::size_t>(std::min<std::uint64_t>(buffer.size(), total - *produced));
    for (std::size_t i = 0; i < n; ++i) buffer[i] = static_cast<char>((*produced + i) % 251);
    *produced += n;
    return n;
  };
}

TEST_CASE("BlobStore stores identical content once", "[archive][blob]") {
  TempDir dir;
  BlobStore store = OpenStore(dir);
  auto first = store.PutBytes("hello world\n");
  REQUIRE(first.ok());
  CHECK(first->sha256 == kHelloDigest);
  CHECK(first->size == 12);
  CHECK(first->newly_stored);

  auto second = store.PutBytes("hello world\n");
  REQUIRE(second.ok());
  CHECK(second->sha256 == kHelloDigest);
  CHECK_FALSE(second->newly_stored);
  CHECK(CountFiles(dir / "blobs") == 1);
  CHECK(CountFiles(dir / "tmp") == 0);
  CHECK(fs::exists(dir / "blobs/sha256/a9/48" / kHelloDigest));
}

TEST_CASE("BlobStore reads back exactly the bytes that were put", "[archive][blob]") {
  TempDir dir;
  BlobStore store = OpenStore(dir);
  auto info = store.Put(PatternReader(1'000'003));
  REQUIRE(info.ok());
  auto reader = store.OpenReader(info->sha256);
  REQUIRE(reader.ok());
  CHECK(reader->size() == 1'000'003);
  std::vector<char> buffer(4096);
  std::uint64_t offset = 0;
  bool same = true;
  for (;;) {
    auto n = reader->Read(std::span<char>(buffer));
    REQUIRE(n.ok());
    if (*n == 0) break;
    for (std::size_t i = 0; i < *n; ++i)
      same = same && buffer[i] == static_cast<char>((offset + i) % 251);
    offset += *n;
  }
  CHECK(offset == 1'000'003);
  CHECK(same);
  REQUIRE(reader->Seek(1000).ok());
  auto n = reader->Read(std::span<char>(buffer.data(), 1));
  REQUIRE(n.ok());
  CHECK(buffer[0] == static_cast<char>(1000 % 251));
}

TEST_CASE("BlobStore put interrupted half-way leaves no blob and no temp file", "[archive][blob]") {
  TempDir dir;
  BlobStore store = OpenStore(dir);
  auto info = store.Put(PatternReader(10'000'000, 3'000'000));
  REQUIRE_FALSE(info.ok());
  CHECK(info.status().code() == StatusCode::kIoError);
  CHECK(info.status().message() == "connection reset by peer");
  CHECK(CountFiles(dir / "blobs") == 0);
  CHECK(CountFiles(dir / "tmp") == 0);
}

TEST_CASE("BlobStore refuses content over the size limit and keeps nothing", "[archive][blob]") {
  TempDir dir;
  BlobStore store = OpenStore(dir, BlobStoreOptions{.max_blob_size = 1000});
  CHECK(store.PutBytes(std::string(1000, 'x')).ok());
  auto too_big = store.PutBytes(std::string(1001, 'y'));
  REQUIRE_FALSE(too_big.ok());
  CHECK(too_big.status().code() == StatusCode::kTooLarge);
  CHECK_THAT(too_big.status().message(), Catch::Contains("1000 bytes"));
  CHECK(CountFiles(dir / "blobs") == 1);
  CHECK(CountFiles(dir / "tmp") == 0);
}

TEST_CASE("BlobStore removes temp files of dead writers at open, not of live ones",
          "[archive][blob]") {
  TempDir dir;
  { OpenStore(dir); }
  test::WriteFile(dir / "tmp/blob-orphan1", "half a file from a crashed writer");
  test::WriteFile(dir / "tmp/blob-live", "a writer still busy");
  test::WriteFile(dir / "tmp/other-staging", "not ours");
  // A live writer holds an exclusive lock on its temp file.
  int live = ::open((dir / "tmp/blob-live").c_str(), O_RDONLY);
  REQUIRE(live >= 0);
  REQUIRE(::flock(live, LOCK_EX) == 0);

  BlobStore store = OpenStore(dir);
  CHECK_FALSE(fs::exists(dir / "tmp/blob-orphan1"));
  CHECK(fs::exists(dir / "tmp/blob-live"));
  CHECK(fs::exists(dir / "tmp/other-staging"));
  ::close(live);
}

TEST_CASE("BlobStore verify detects a flipped byte and a missing blob", "[archive][blob]") {
  TempDir dir;
  BlobStore store = OpenStore(dir);
  auto info = store.PutBytes("hello world\n");
  REQUIRE(info.ok());
  CHECK(store.Verify(info->sha256).ok());

  const fs::path path = store.PathFor(info->sha256);
  fs::permissions(path, fs::perms::owner_write, fs::perm_options::add);
  test::WriteFile(path, "hello worle\n");
  Status damaged = store.Verify(info->sha256);
  CHECK(damaged.code() == StatusCode::kCorruption);
  CHECK_THAT(damaged.message(), Catch::Contains("damaged"));

  fs::remove(path);
  CHECK(store.Verify(info->sha256).code() == StatusCode::kNotFound);
}

TEST_CASE("BlobStore stores blobs read-only", "[archive][blob]") {
  TempDir dir;
  BlobStore store = OpenStore(dir);
  auto info = store.PutBytes("immutable");
  REQUIRE(info.ok());
  struct stat st;
  REQUIRE(::stat(store.PathFor(info->sha256).c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0444);
}

TEST_CASE("BlobStore rejects digests that could name other paths", "[archive][blob]") {
  TempDir dir;
  BlobStore store = OpenStore(dir);
  for (const char* bad : {"../../../../etc/passwd", "",
                          "A948904F2F0F479B8F8197694B30184B0D2ED1C1CD2A1EC0FB85D299A192A447",
                          "a948904f2f0f479b8f8197694b30184b0d2ed1c1cd2a1ec0fb85d299a192a44/"}) {
    auto reader = store.OpenReader(bad);
    REQUIRE_FALSE(reader.ok());
    CHECK(reader.status().code() == StatusCode::kInvalidArgument);
    CHECK_FALSE(store.Contains(bad));
  }
}

TEST_CASE("BlobStore garbage collection removes only unreferenced blobs past the grace period",
          "[archive][blob]") {
  TempDir dir;
  BlobStore store = OpenStore(dir);
  auto kept = store.PutBytes("referenced");
  auto dropped = store.PutBytes("unreferenced");
  REQUIRE(kept.ok());
  REQUIRE(dropped.ok());

  auto young = store.CollectGarbage({kept->sha256}, std::chrono::hours(1));
  REQUIRE(young.ok());
  CHECK(young->removed == 0);  // too young: may belong to an upload in progress

  auto report = store.CollectGarbage({kept->sha256}, std::chrono::seconds(0));
  REQUIRE(report.ok());
  CHECK(report->removed == 1);
  CHECK(report->bytes_freed == 12);
  CHECK(store.Contains(kept->sha256));
  CHECK_FALSE(store.Contains(dropped->sha256));
}

TEST_CASE("BlobWriter stores bytes pushed in pieces under the digest PutBytes gives",
          "[archive][blob]") {
  TempDir dir;
  BlobStore store = OpenStore(dir);
  std::string content;
  for (int i = 0; i < 300'000; ++i) content.push_back(static_cast<char>(i % 251));
  auto writer = store.BeginPut();
  REQUIRE(writer.ok());
  // Uneven pieces, an empty one among them, as a network delivers them.
  std::size_t offset = 0;
  for (std::size_t piece : {1, 0, 4095, 65536, 7, 100'000}) {
    REQUIRE(writer->Write(std::string_view(content).substr(offset, piece)).ok());
    offset += piece;
  }
  REQUIRE(writer->Write(std::string_view(content).substr(offset)).ok());
  CHECK(writer->size() == content.size());
  CHECK(CountFiles(dir / "tmp") == 1);
  auto info = writer->Finish();
  REQUIRE(info.ok());
  CHECK(info->newly_stored);
  CHECK(info->size == content.size());
  CHECK(CountFiles(dir / "tmp") == 0);

  auto again = store.PutBytes(content);
  REQUIRE(again.ok());
  CHECK(again->sha256 == info->sha256);
  CHECK_FALSE(again->newly_stored);
  CHECK(store.Verify(info->sha256).ok());
  CHECK(test::ReadFile(store.PathFor(info->sha256)) == content);

  auto spent = writer->Finish();
  REQUIRE_FALSE(spent.ok());
  CHECK(spent.status().code() == StatusCode::kFailedPrecondition);
}

TEST_CASE("BlobWriter abandoned before Finish leaves no temp file and no blob", "[archive][blob]") {
  TempDir dir;
  BlobStore store = OpenStore(dir);
  {
    auto writer = store.BeginPut();
    REQUIRE(writer.ok());
    REQUIRE(writer->Write("the first half of an upload that never ends").ok());
    CHECK(CountFiles(dir / "tmp") == 1);
    BlobWriter moved = std::move(writer).value();  // the temp file follows the move
    CHECK(CountFiles(dir / "tmp") == 1);
  }
  CHECK(CountFiles(dir / "tmp") == 0);
  CHECK(CountFiles(dir / "blobs") == 0);
}

TEST_CASE("BlobWriter past the size limit fails with TooLarge and keeps nothing",
          "[archive][blob]") {
  TempDir dir;
  BlobStore store = OpenStore(dir, BlobStoreOptions{.max_blob_size = 1000});
  auto writer = store.BeginPut();
  REQUIRE(writer.ok());
  REQUIRE(writer->Write(std::string(600, 'x')).ok());
  REQUIRE(writer->Write(std::string(400, 'x')).ok());  // exactly the limit is fine
  Status over = writer->Write("y");
  CHECK(over.code() == StatusCode::kTooLarge);
  CHECK_THAT(over.message(), Catch::Contains("1000 bytes"));
  // The temp file is gone at once, not only when the writer is destroyed.
  CHECK(CountFiles(dir / "tmp") == 0);
  CHECK(writer->Write("z").code() == StatusCode::kFailedPrecondition);
  CHECK_FALSE(writer->Finish().ok());
  CHECK(CountFiles(dir / "blobs") == 0);
}

TEST_CASE("BlobStore streams a 512 MiB put in bounded memory", "[archive][blob][memory]") {
  TempDir dir;
  BlobStore store = OpenStore(dir);
  test::ResetPeakRss();
  const std::uint64_t before = test::PeakRssBytes();
  auto info = store.Put(PatternReader(std::uint64_t{512} << 20));
  REQUIRE(info.ok());
  CHECK(info->size == std::uint64_t{512} << 20);
  const std::uint64_t growth = test::PeakRssBytes() - before;
  INFO("peak RSS grew by " << growth / 1024 << " KiB");
  CHECK(growth < std::uint64_t{64} << 20);
}

}  // namespace
}  // namespace akte::archive
