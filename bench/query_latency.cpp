// akte-bench-query: search latency inside one process, beside SQLite FTS5
// queried inside one open connection in the same run.
//
//   akte-bench-query DATA_DIR --queries QUERIES.tsv --fts5 FTS5.db
//       the 30 queries of ../shared/bench/queries.tsv (column 3 for akte,
//       column 5 for FTS5), 2 warm-up and 7 timed runs each; median, p95 and
//       max over the per-query medians (querybench.py's method).
//   akte-bench-query DATA_DIR --suite catalog
//       on a catalog from akte-bench-catalog: 300 word, phrase, filtered and
//       customer-mode queries each; p50, p90, p99 and max per kind, with
//       FTS5 (DATA_DIR/fts5.db) for the word and phrase queries.
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "akte/archive/data_dir.h"
#include "akte/search/searcher.h"

namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::duration d) { return std::chrono::duration<double, std::milli>(d).count(); }

double Percentile(std::vector<double> xs, double p) {
  std::sort(xs.begin(), xs.end());
  std::size_t rank = static_cast<std::size_t>(std::ceil(p * static_cast<double>(xs.size())));
  return xs[std::max<std::size_t>(rank, 1) - 1];
}

double Median(std::vector<double> xs) {
  std::sort(xs.begin(), xs.end());
  const std::size_t n = xs.size();
  return n % 2 ? xs[n / 2] : (xs[n / 2 - 1] + xs[n / 2]) / 2;
}

class Fts5 {
 public:
  explicit Fts5(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
      throw std::runtime_error("cannot open " + path);
    }
    sqlite3_prepare_v2(db_, "SELECT path FROM docs WHERE docs MATCH ? ORDER BY rank LIMIT 10", -1,
                       &stmt_, nullptr);
  }
  ~Fts5() {
    sqlite3_finalize(stmt_);
    sqlite3_close(db_);
  }
  int Run(const std::string& match) {
    sqlite3_bind_text(stmt_, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    int rows = 0;
    while (sqlite3_step(stmt_) == SQLITE_ROW) ++rows;
    sqlite3_reset(stmt_);
    return rows;
  }

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
};

double TimeAkte(akte::search::Searcher& searcher, const akte::search::SearchRequest& request) {
  const auto start = Clock::now();
  auto response = searcher.Search(request);
  const double ms = Ms(Clock::now() - start);
  if (!response.ok()) throw std::runtime_error(response.status().ToString());
  return ms;
}

void PrintRow(const std::string& name, const std::vector<double>& xs) {
  std::cout << "| " << std::left << std::setw(24) << name << " | " << std::right << std::fixed
            << std::setprecision(3) << std::setw(8) << Percentile(xs, 0.5) << " | " << std::setw(8)
            << Percentile(xs, 0.9) << " | " << std::setw(8) << Percentile(xs, 0.99) << " | "
            << std::setw(8) << *std::max_element(xs.begin(), xs.end()) << " | " << xs.size()
            << " |\n";
}

int QueryFile(akte::search::Searcher& searcher, const std::string& file, const std::string& fts5) {
  std::ifstream in(file);
  std::vector<std::pair<std::string, std::string>> queries;  // akte, fts5
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cells;
    std::stringstream split(line);
    for (std::string cell; std::getline(split, cell, '\t');) cells.push_back(cell);
    if (cells.size() >= 5) queries.emplace_back(cells[2], cells[4]);
  }
  std::unique_ptr<Fts5> peer;
  if (!fts5.empty()) peer = std::make_unique<Fts5>(fts5);
  std::vector<double> ours, theirs;
  for (const auto& [query, match] : queries) {
    akte::search::SearchRequest request;
    request.query = query;
    request.limit = 10;
    std::vector<double> runs;
    for (int i = 0; i < 9; ++i) {
      const double ms = TimeAkte(searcher, request);
      if (i >= 2) runs.push_back(ms);
    }
    ours.push_back(Median(runs));
    if (peer) {
      runs.clear();
      for (int i = 0; i < 9; ++i) {
        const auto start = Clock::now();
        peer->Run(match);
        if (i >= 2) runs.push_back(Ms(Clock::now() - start));
      }
      theirs.push_back(Median(runs));
    }
  }
  std::cout << "| engine | median ms | p95 ms | max ms | queries |\n|---|---|---|---|---|\n";
  auto row = [](const char* name, const std::vector<double>& xs) {
    std::cout << "| " << name << " | " << std::fixed << std::setprecision(3) << Median(xs) << " | "
              << Percentile(xs, 0.95) << " | " << *std::max_element(xs.begin(), xs.end()) << " | "
              << xs.size() << " |\n";
  };
  row("akte-inprocess", ours);
  if (peer) row("fts5-inprocess", theirs);
  return 0;
}

int CatalogSuite(akte::search::Searcher& searcher, const std::string& data_dir) {
  const std::vector<std::string> words = {
      "Angebot",     "Rechnung",     "Wartungsvertrag", "Lieferverzug",    "Migrationsprojekt",
      "Datenschutz", "Kassensystem", "Fernwartung",     "Verschlüsselung", "Preiserhöhung",
      "Schulung",    "Störung",      "invoice",         "contract",        "migration",
      "delivery",    "backup",       "Telefonanlage",   "Umstellung",      "Filiale"};
  std::mt19937 rng(7);
  auto word = [&] { return words[rng() % words.size()]; };
  Fts5 peer(data_dir + "/fts5.db");
  struct Kind {
    std::string name;
    std::vector<double> ms;
  };
  std::vector<Kind> kinds = {{"word", {}},          {"phrase", {}},    {"filtered", {}},
                             {"customer mode", {}}, {"fts5 word", {}}, {"fts5 phrase", {}}};
  for (int i = 0; i < 320; ++i) {
    const std::string a = word(), b = word();
    akte::search::SearchRequest request;
    request.limit = 10;
    const bool warmup = i < 20;
    auto record = [&](std::size_t k, double ms) {
      if (!warmup) kinds[k].ms.push_back(ms);
    };
    request.query = a;
    record(0, TimeAkte(searcher, request));
    request.query = "\"" + a + " " + b + "\"";
    record(1, TimeAkte(searcher, request));
    request.query = a + " art:notiz " + std::to_string(2019 + static_cast<int>(rng() % 7));
    record(2, TimeAkte(searcher, request));
    request.query = a + " " + b;
    request.customers = true;
    record(3, TimeAkte(searcher, request));
    auto start = Clock::now();
    peer.Run(a);
    record(4, Ms(Clock::now() - start));
    start = Clock::now();
    peer.Run("\"" + a + " " + b + "\"");
    record(5, Ms(Clock::now() - start));
  }
  std::cout << "| query kind               |   p50 ms |   p90 ms |   p99 ms |   max ms | n |\n"
            << "|--------------------------|----------|----------|----------|----------|---|\n";
  for (const auto& k : kinds) PrintRow(k.name, k.ms);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::cerr << "usage: akte-bench-query DATA_DIR --queries FILE [--fts5 DB] | --suite catalog\n";
    return 2;
  }
  auto dir = akte::archive::DataDir::Open(argv[1]);
  if (!dir.ok()) {
    std::cerr << dir.status().message() << "\n";
    return 1;
  }
  auto searcher = akte::search::Searcher::Open(**dir);
  if (!searcher.ok()) {
    std::cerr << searcher.status().message() << "\n";
    return 1;
  }
  const std::string mode = argv[2];
  try {
    if (mode == "--queries") {
      std::string fts5 = argc > 5 && std::string(argv[4]) == "--fts5" ? argv[5] : "";
      return QueryFile(**searcher, argv[3], fts5);
    }
    if (mode == "--suite") return CatalogSuite(**searcher, argv[1]);
  } catch (const std::exception& e) {
    std::cerr << "akte-bench-query: " << e.what() << "\n";
    return 1;
  }
  std::cerr << "unknown mode " << mode << "\n";
  return 2;
}
