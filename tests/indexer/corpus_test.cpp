// Every file of the shared corpus (../shared/corpus/MANIFEST.tsv) through the
// whole ingest path — detection, the sandboxed worker, the catalog — must end
// either extracted (with the expected phrase, where one is given) or
// rejected with a clear reason, within the limits. Crashes, hangs and wrong
// text are failures.
#include <glib.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include "pipeline_fixture.h"

namespace akte::indexer {
namespace {

struct ManifestRow {
  std::string path, kind, expected, notes;
};

std::vector<ManifestRow> ReadManifest() {
  std::ifstream in(akte::test::SharedDir() / "corpus/MANIFEST.tsv");
  REQUIRE(in);
  std::vector<ManifestRow> rows;
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream split(line);
    for (std::string cell; std::getline(split, cell, '\t');) cells.push_back(cell);
    cells.resize(7);
    rows.push_back({cells[0], cells[4], cells[5], cells[6]});
  }
  return rows;
}

// NFC, whitespace collapsed, as the corpus README prescribes for comparing.
std::string Normalize(const std::string& text) {
  gchar* nfc = g_utf8_normalize(text.data(), static_cast<gssize>(text.size()), G_NORMALIZE_NFC);
  std::string in = nfc ? nfc : text;
  g_free(nfc);
  std::string out;
  bool space = false;
  for (char c : in) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      space = !out.empty();
    } else {
      if (space) out.push_back(' ');
      space = false;
      out.push_back(c);
    }
  }
  return out;
}

bool IsCleanRejection(const archive::Document& d) {
  return d.extraction_state == "failed" || d.extraction_state == "encrypted" ||
         d.extraction_state == "unsupported-format";
}

// Ways of ending that are defects, whatever the file.
bool IsDefect(const archive::Document& d) {
  const std::string& e = d.extraction_error;
  return d.extraction_state == "pending" || e.find("crashed") != std::string::npos ||
         e.find("could not be started") != std::string::npos ||
         e.find("malformed answer") != std::string::npos ||
         e.find("ended unexpectedly") != std::string::npos;
}

// A limit stopping a document is a clean rejection only for hostile input.
bool HitLimit(const archive::Document& d) {
  const std::string& e = d.extraction_error;
  return e.find("timed out") != std::string::npos ||
         e.find("CPU time limit") != std::string::npos ||
         e.find("memory limit") != std::string::npos;
}

TEST_CASE("Every corpus file is extracted or rejected cleanly", "[indexer][corpus]") {
  test::PipelineFixture f;
  // Tighter than the defaults, so the few files built to exhaust them
  // (a PDF that pdftotext cannot finish in 60 s) keep the suite short.
  f.options.limits.cpu_seconds = 10;
  f.options.limits.wall_seconds = 20;
  f.options.limits.address_space = std::uint64_t{1} << 30;
  f.options.limits.max_total_bytes = std::uint64_t{256} << 20;

  const auto rows = ReadManifest();
  REQUIRE(rows.size() >= 180);
  std::map<std::string, archive::Id> ids;
  for (const auto& row : rows) {
    const auto path = akte::test::SharedDir() / "corpus" / row.path;
    auto doc = f.File(path.filename().string(), akte::test::ReadFile(path));
    ids[row.path] = doc.id;
  }
  auto summary = f.Extract();

  // Text of a document and everything found inside it.
  auto documents = f.dir->catalog().ListDocuments(f.customer.id);
  REQUIRE(documents.ok());
  std::map<archive::Id, std::vector<archive::Id>> children;
  std::map<archive::Id, archive::Document> by_id;
  for (const auto& d : *documents) {
    by_id[d.id] = d;
    if (d.parent_id) children[*d.parent_id].push_back(d.id);
  }
  std::function<std::string(archive::Id)> tree_text = [&](archive::Id id) {
    std::string text = f.TextOf(id);
    for (auto child : children[id]) text += "\n" + tree_text(child);
    return text;
  };

  int extracted = 0, rejected = 0;
  std::vector<std::string> wrong;
  for (const auto& [id, d] : by_id) {
    if (IsDefect(d))
      wrong.push_back(d.filename + ": " + d.extraction_state + ": " + d.extraction_error);
  }
  for (const auto& row : rows) {
    const auto& d = by_id.at(ids.at(row.path));
    const bool hostile = row.path.starts_with("hostile/");
    std::string outcome;
    if (!row.expected.empty() &&
        Normalize(tree_text(d.id)).find(Normalize(row.expected)) != std::string::npos) {
      ++extracted;
      continue;
    }
    if (row.expected.empty() &&
        (d.extraction_state == "extracted" || d.extraction_state == "needs-ocr") && !hostile) {
      ++extracted;
      continue;
    }
    if (IsCleanRejection(d) && (hostile || !HitLimit(d))) {
      ++rejected;
      continue;
    }
    if (hostile && (d.extraction_state == "extracted" || d.extraction_state == "needs-ocr")) {
      ++extracted;  // read without expanding what it tried to blow up, or found no text in it
      continue;
    }
    wrong.push_back(row.path + ": " + d.extraction_state + " " + d.extraction_error +
                    (row.expected.empty() ? "" : " (expected \"" + row.expected + "\")"));
  }
  std::cout << "corpus: " << rows.size() << " files, " << summary.documents
            << " documents with members and attachments: " << extracted << " extracted, "
            << rejected << " rejected cleanly, " << wrong.size() << " wrong\n";
  for (const auto& w : wrong) std::cout << "  wrong: " << w << "\n";
  CHECK(wrong.empty());
  CHECK(extracted + rejected == static_cast<int>(rows.size()));
}

}  // namespace
}  // namespace akte::indexer
