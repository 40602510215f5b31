#include <catch2/catch.hpp>

#include "extractor.h"
#include "fixtures.h"
#include "temp_dir.h"

namespace akte::indexer {
namespace {

struct Input {
  Input(std::string bytes_in, std::string filename_in = "bundle.zip",
        std::string mime_in = "application/zip", int depth_in = 0)
      : bytes(std::move(bytes_in)),
        filename(std::move(filename_in)),
        mime(std::move(mime_in)),
        depth(depth_in) {}
  std::string bytes;
  std::string filename;
  std::string mime;
  int depth;
  ExtractionLimits limits;
};

// Extracts `in` into a fresh scratch directory below `dir`, named in `scratch`.
Result<Extraction> Extract(const test::TempDir& dir, const Input& in,
                           std::filesystem::path* scratch_out = nullptr) {
  static int calls = 0;
  const auto scratch = dir / ("scratch-" + std::to_string(++calls));
  if (scratch_out != nullptr) *scratch_out = scratch;
  test::WriteFile(dir / in.filename, in.bytes);
  std::filesystem::create_directories(scratch);
  const Extractor* handler = FindExtractor(in.mime);
  REQUIRE(handler != nullptr);
  return handler->Extract({dir / in.filename, in.filename, in.mime, scratch, in.depth, in.limits});
}

Result<Extraction> ExtractCorpusFile(const test::TempDir& dir, const std::string& path) {
  return Extract(dir, {test::ReadFile(test::SharedDir() / "corpus" / path)});
}

std::uint32_t Crc32(std::string_view bytes) {
  std::uint32_t crc = 0xFFFFFFFF;
  for (char c : bytes) {
    crc ^= static_cast<unsigned char>(c);
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320 & (0 - (crc & 1)));
  }
  return ~crc;
}

void AppendLe(std::string& out, std::uint32_t value, int bytes) {
  for (int i = 0; i < bytes; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

// A gzip file of `data` (one stored deflate block, at most 65535 bytes).
std::string Gzip(std::string_view data) {
  std::string out("\x1F\x8B\x08\x00\x00\x00\x00\x00\x00\x03\x01", 11);
  AppendLe(out, static_cast<std::uint32_t>(data.size()), 2);
  AppendLe(out, static_cast<std::uint32_t>(~data.size()), 2);
  out.append(data);
  AppendLe(out, Crc32(data), 4);
  AppendLe(out, static_cast<std::uint32_t>(data.size()), 4);
  return out;
}

TEST_CASE("A zip holding a zip holding a PDF unpacks level by level", "[indexer][bundle]") {
  test::TempDir dir;
  const std::string pdf = test::MakePdf({"Wartungsvertrag Heizung"});
  const std::string inner = test::MakeZip({{"Vertrag.pdf", pdf}});
  auto outer = Extract(dir, {test::MakeZip({{"Ordner/inner.zip", inner}})});
  REQUIRE(outer.ok());
  REQUIRE(outer->children.size() == 1);
  CHECK(outer->children[0].name == "inner.zip");
  CHECK(outer->children[0].path_in_parent == "Ordner/inner.zip");
  CHECK_THAT(outer->text, Catch::Contains("Ordner/inner.zip"));
  CHECK(test::ReadFile(outer->children[0].file) == inner);

  auto middle = Extract(dir, {inner, "inner.zip", "application/zip", 1});
  REQUIRE(middle.ok());
  REQUIRE(middle->children.size() == 1);
  CHECK(middle->children[0].name == "Vertrag.pdf");

  auto leaf =
      Extract(dir, {test::ReadFile(middle->children[0].file), "Vertrag.pdf", "application/pdf", 2});
  REQUIRE(leaf.ok());
  CHECK_THAT(leaf->text, Catch::Contains("Wartungsvertrag Heizung"));
}

TEST_CASE("A tar.gz yields its members with their paths", "[indexer][bundle]") {
  test::TempDir dir;
  auto result = Extract(
      dir, {test::MakeTar({{"2024/Angebot.txt", "Angebot Dachrinne"}, {"2024/leer.txt", ""}}, true),
            "akte.tar.gz", "application/gzip"});
  REQUIRE(result.ok());
  REQUIRE(result->children.size() == 2);
  CHECK(result->children[0].name == "Angebot.txt");
  CHECK(result->children[0].path_in_parent == "2024/Angebot.txt");
  CHECK(test::ReadFile(result->children[0].file) == "Angebot Dachrinne");
  CHECK(std::filesystem::file_size(result->children[1].file) == 0);
  CHECK(result->text == "2024/Angebot.txt\n2024/leer.txt\n");
}

TEST_CASE("A single gzip-compressed file becomes one member without .gz", "[indexer][bundle]") {
  test::TempDir dir;
  auto result =
      Extract(dir, {Gzip("Protokoll der Sitzung"), "protokoll.txt.gz", "application/gzip"});
  REQUIRE(result.ok());
  REQUIRE(result->children.size() == 1);
  CHECK(result->children[0].name == "protokoll.txt");
  CHECK(test::ReadFile(result->children[0].file) == "Protokoll der Sitzung");
}

TEST_CASE("A zip-slip member refuses the whole bundle", "[indexer][bundle]") {
  test::TempDir dir;
  for (const std::string path : {"../../evil.txt", "/etc/cron.d/evil", "ok/..\\..\\evil.txt"}) {
    auto result = Extract(dir, {test::MakeZip({{"harmlos.txt", "x"}, {path, "boese"}})});
    REQUIRE_FALSE(result.ok());
    CHECK(result.status().code() == StatusCode::kInvalidArgument);
    CHECK_THAT(result.status().message(), Catch::StartsWith("unsafe entry path: "));
  }
  CHECK_FALSE(std::filesystem::exists(dir.path().parent_path() / "evil.txt"));
}

TEST_CASE("A small zip bomb is stopped by the limits while it inflates", "[indexer][bundle]") {
  test::TempDir dir;
  const std::string bomb = test::MakeZip({{"nullen.bin", std::string(10 << 20, '\0')}});
  REQUIRE(bomb.size() < 100'000);

  Input by_ratio{bomb};
  by_ratio.limits.max_compression_ratio = 20;
  auto ratio = Extract(dir, by_ratio);
  REQUIRE_FALSE(ratio.ok());
  CHECK(ratio.status().code() == StatusCode::kTooLarge);
  CHECK_THAT(ratio.status().message(), Catch::Contains("archive limits exceeded (compression"));

  Input by_size{bomb};
  by_size.limits.max_member_bytes = 1 << 20;
  std::filesystem::path scratch;
  auto size = Extract(dir, by_size, &scratch);
  REQUIRE_FALSE(size.ok());
  CHECK(size.status().code() == StatusCode::kTooLarge);
  CHECK_THAT(size.status().message(), Catch::Contains("archive limits exceeded (a member"));
  // What was written before the limit hit is gone again.
  CHECK(test::CountFiles(scratch) == 0);
}

TEST_CASE("Bundles beyond the member count or total size are refused", "[indexer][bundle]") {
  test::TempDir dir;
  Input many{test::MakeZip({{"a.txt", "a"}, {"b.txt", "b"}, {"c.txt", "c"}})};
  many.limits.max_members = 2;
  auto members = Extract(dir, many);
  REQUIRE_FALSE(members.ok());
  CHECK(members.status().code() == StatusCode::kTooLarge);

  Input big{test::MakeZip({{"a.txt", std::string(600, 'a')}, {"b.txt", std::string(600, 'b')}})};
  big.limits.max_total_bytes = 1000;
  auto total = Extract(dir, big);
  REQUIRE_FALSE(total.ok());
  CHECK(total.status().code() == StatusCode::kTooLarge);
}

TEST_CASE("A bundle at the nesting depth limit is refused", "[indexer][bundle]") {
  test::TempDir dir;
  Input nested{test::MakeZip({{"a.txt", "a"}})};
  nested.depth = nested.limits.max_depth;
  auto result = Extract(dir, nested);
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == StatusCode::kTooLarge);
  CHECK_THAT(result.status().message(), Catch::Contains("nesting depth"));

  nested.depth = nested.limits.max_depth - 1;
  CHECK(Extract(dir, nested).ok());
}

TEST_CASE("A file that is no archive is reported as corrupt", "[indexer][bundle]") {
  test::TempDir dir;
  auto result = Extract(dir, {"Das ist kein Zip, nur Text."});
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == StatusCode::kCorruption);
}

TEST_CASE("Encrypted zip members are skipped and named in the error", "[indexer][bundle]") {
  test::TempDir dir;
  auto mixed = ExtractCorpusFile(dir, "archive/tika-testZipEncrypted.zip");
  REQUIRE(mixed.ok());
  CHECK(mixed->state == kExtracted);
  CHECK_THAT(mixed->error, Catch::Contains("1 encrypted"));
  REQUIRE(mixed->children.size() == 1);
  CHECK(test::ReadFile(mixed->children[0].file) == "hello world\r\n");

  test::TempDir aes_dir;
  auto all = ExtractCorpusFile(aes_dir, "archive/la-test_read_format_zip_winzip_aes256.zip");
  REQUIRE(all.ok());
  CHECK(all->state == kEncrypted);
  CHECK(all->children.empty());
}

TEST_CASE("Symlink members are neither followed nor created", "[indexer][bundle]") {
  test::TempDir dir;
  std::filesystem::path scratch;
  auto result = Extract(
      dir, {test::ReadFile(test::SharedDir() / "corpus/hostile/la-test_symlink_dotdot.zip")},
      &scratch);
  REQUIRE(result.ok());
  CHECK_THAT(result->text, Catch::Contains("(link, not followed)"));
  CHECK(test::CountFiles(scratch) == result->children.size());
  for (const auto& entry : std::filesystem::recursive_directory_iterator(scratch)) {
    CHECK_FALSE(entry.is_symlink());
    CHECK(entry.is_regular_file());
  }
}

TEST_CASE("Legacy-encoded member names become valid UTF-8", "[indexer][bundle]") {
  test::TempDir dir;
  auto gbk = ExtractCorpusFile(dir, "archive/tika-gbk.zip");
  REQUIRE(gbk.ok());
  REQUIRE(gbk->children.size() == 1);
  CHECK_THAT(gbk->children[0].path_in_parent, Catch::StartsWith("审计压缩包文件检索测试/"));

  test::TempDir sjis_dir;
  auto sjis = ExtractCorpusFile(sjis_dir, "archive/tika-testZipEntryNameCharsetShiftSJIS.zip");
  REQUIRE(sjis.ok());
  REQUIRE(sjis->children.size() == 2);
  CHECK(sjis->children[0].name == "文章1.txt");

  test::TempDir cp866_dir;
  auto cp866 = ExtractCorpusFile(cp866_dir, "archive/la-test_read_format_zip_filename_cp866.zip");
  REQUIRE(cp866.ok());
  CHECK_THAT(cp866->text, Catch::Contains("привет"));
}

TEST_CASE("Regression: gzip nested in gzip does not hang libarchive's bidding",
          "[indexer][bundle]") {
  test::TempDir dir;
  auto result = Extract(
      dir,
      {test::ReadFile(test::SharedDir() / "corpus/hostile/la-test_read_filter_gzip_recursive.gz"),
       "recursive.gz", "application/gzip"});
  REQUIRE(result.ok());
  CHECK(result->children.size() == 1);

  auto twice = Extract(dir, {Gzip(Gzip("innen")), "doppelt.gz", "application/gzip"});
  REQUIRE(twice.ok());
  REQUIRE(twice->children.size() == 1);
  CHECK(test::ReadFile(twice->children[0].file) == Gzip("innen"));
}

TEST_CASE("A zip with a damaged central directory is read front to back", "[indexer][bundle]") {
  test::TempDir dir;
  auto result = ExtractCorpusFile(dir, "archive/tika-testZip_with_DataDescriptor.zip");
  REQUIRE(result.ok());
  CHECK(result->children.size() == 5);
}

TEST_CASE("A corrupt zip whose directory lists nothing is reported, not shown as empty",
          "[indexer][bundle]") {
  test::TempDir dir;
  auto result = ExtractCorpusFile(dir, "hostile/tika-testZIP_corrupted_oom.zip");
  REQUIRE_FALSE(result.ok());
  CHECK(result.status().code() == StatusCode::kCorruption);
  CHECK_THAT(result.status().message(), Catch::StartsWith("corrupt or truncated archive"));
}

}  // namespace
}  // namespace akte::indexer
