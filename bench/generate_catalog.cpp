// akte-bench-catalog DATA_DIR [CUSTOMERS] [ITEMS] [dense]
//
// Fills a new data directory with a synthetic firm for the search and
// reindex benchmarks: CUSTOMERS customers (default 1,000) and ITEMS notes,
// history events and contacts (default 100,000) with German and English
// business text, deterministically (fixed seed).
//
// Vocabulary: by default one word in ten is one of ~130 business words (so
// each is in a few percent of the items, as "Angebot" is in a firm's notes)
// and the others follow Zipf's law over 20,000 words of the German word
// list (/usr/share/dict/ngerman), as words of real text do. "dense" draws
// every word from the business words alone: each query word is then in a
// quarter of all items, a worst case no real catalog reaches. Customers go in through the
// catalog's import; the items are bulk-inserted with SQL in one transaction,
// because one durable transaction per item would make generating take far
// longer than what is measured. Also writes DATA_DIR/fts5.db, the same texts
// in an SQLite FTS5 table, as the peer for query latency.
#include <sqlite3.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <random>
#include <string>
#include <vector>

#include "akte/archive/data_dir.h"

namespace {

const std::vector<std::string> kWords = {"Angebot",
                                         "Rechnung",
                                         "Vertrag",
                                         "Wartungsvertrag",
                                         "Lieferung",
                                         "Lieferverzug",
                                         "Termin",
                                         "Besprechung",
                                         "Protokoll",
                                         "Migration",
                                         "Migrationsprojekt",
                                         "Warenwirtschaft",
                                         "Datenschutz",
                                         "Datensicherung",
                                         "Server",
                                         "Netzwerk",
                                         "Drucker",
                                         "Lizenz",
                                         "Schulung",
                                         "Preiserhöhung",
                                         "Rabatt",
                                         "Zahlung",
                                         "Mahnung",
                                         "Kündigung",
                                         "Verlängerung",
                                         "Angebotsanfrage",
                                         "Kunde",
                                         "Geschäftsführer",
                                         "Einkauf",
                                         "Buchhaltung",
                                         "Steuerberater",
                                         "Website",
                                         "Relaunch",
                                         "Onlineshop",
                                         "Kasse",
                                         "Kassensystem",
                                         "Filiale",
                                         "Störung",
                                         "Ausfall",
                                         "Reaktionszeit",
                                         "Fernwartung",
                                         "Firewall",
                                         "Backup",
                                         "Speicher",
                                         "Festplatte",
                                         "Verschlüsselung",
                                         "Notebook",
                                         "Bildschirm",
                                         "Telefonanlage",
                                         "Umstellung",
                                         "Quartal",
                                         "Januar",
                                         "Februar",
                                         "März",
                                         "April",
                                         "Juni",
                                         "Herbst",
                                         "Frühjahr",
                                         "dringend",
                                         "geplant",
                                         "bestätigt",
                                         "verschoben",
                                         "abgelehnt",
                                         "genehmigt",
                                         "offen",
                                         "erledigt",
                                         "neu",
                                         "teuer",
                                         "günstig",
                                         "schnell",
                                         "pünktlich",
                                         "customer",
                                         "invoice",
                                         "contract",
                                         "meeting",
                                         "delivery",
                                         "delay",
                                         "price",
                                         "increase",
                                         "migration",
                                         "project",
                                         "server",
                                         "backup",
                                         "training",
                                         "license",
                                         "support",
                                         "ticket",
                                         "update",
                                         "release",
                                         "database",
                                         "network",
                                         "printer",
                                         "budget",
                                         "approval",
                                         "deadline",
                                         "der",
                                         "die",
                                         "das",
                                         "und",
                                         "mit",
                                         "für",
                                         "wegen",
                                         "nach",
                                         "im",
                                         "am",
                                         "zum",
                                         "the",
                                         "and",
                                         "for",
                                         "with",
                                         "about",
                                         "Herr",
                                         "Frau",
                                         "Müller",
                                         "Schäfer",
                                         "Weiß",
                                         "Groß",
                                         "Öztürk"};

const std::vector<std::string> kCities = {"München", "Berlin",  "Köln",      "Düsseldorf",
                                          "Dresden", "Leipzig", "Stuttgart", "Nürnberg",
                                          "Bremen",  "Münster"};

// Draws the words of the generated texts.
class Vocabulary {
 public:
  explicit Vocabulary(bool dense) : dense_(dense) {
    if (dense) return;
    std::ifstream list("/usr/share/dict/ngerman");
    for (std::string word; std::getline(list, word);) {
      if (word.size() >= 4 && word.find('\'') == std::string::npos) general_.push_back(word);
    }
    std::mt19937 shuffle(4711);
    std::shuffle(general_.begin(), general_.end(), shuffle);
    general_.resize(std::min<std::size_t>(general_.size(), 20000));
    std::vector<double> weights;
    for (std::size_t rank = 1; rank <= general_.size(); ++rank) weights.push_back(1.0 / rank);
    zipf_ = std::discrete_distribution<std::size_t>(weights.begin(), weights.end());
  }

  // False when the general words are needed but could not be read.
  bool ok() const { return dense_ || !general_.empty(); }

  const std::string& Word(std::mt19937& rng) {
    if (dense_ || rng() % 10 == 0) return kWords[rng() % kWords.size()];
    return general_[zipf_(rng)];
  }

  std::string Sentence(std::mt19937& rng, int words) {
    std::string out;
    for (int i = 0; i < words; ++i) out += (i ? " " : "") + Word(rng);
    return out + ".";
  }

 private:
  bool dense_;
  std::vector<std::string> general_;
  std::discrete_distribution<std::size_t> zipf_;
};

bool Exec(sqlite3* db, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
    std::cerr << "akte-bench-catalog: " << (error ? error : "sqlite error") << "\n";
    sqlite3_free(error);
    return false;
  }
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: akte-bench-catalog DATA_DIR [CUSTOMERS] [ITEMS] [dense]\n";
    return 2;
  }
  const std::string root = argv[1];
  const int customers = argc > 2 ? std::stoi(argv[2]) : 1000;
  const int items = argc > 3 ? std::stoi(argv[3]) : 100000;
  Vocabulary vocabulary(argc > 4 && std::string(argv[4]) == "dense");
  if (!vocabulary.ok()) {
    std::cerr
        << "akte-bench-catalog: /usr/share/dict/ngerman is missing (apt-get install wngerman)\n";
    return 1;
  }
  auto dir = akte::archive::DataDir::Initialize(root, {0, "admin", "Admin", "admin", "", false});
  if (!dir.ok()) {
    std::cerr << "akte-bench-catalog: " << dir.status().message() << "\n";
    return 1;
  }
  auto& catalog = (*dir)->catalog();
  auto admin = *catalog.ActorFor("admin");
  std::mt19937 rng(20261127);
  std::vector<akte::archive::Customer> drafts;
  for (int i = 0; i < customers; ++i) {
    akte::archive::Customer c;
    c.number = std::to_string(10000 + i);
    c.company = vocabulary.Word(rng) + " " + vocabulary.Word(rng) + " " + std::to_string(i);
    c.legal_form = i % 3 ? "GmbH" : "KG";
    c.city = kCities[rng() % kCities.size()];
    c.remarks = vocabulary.Sentence(rng, 12);
    drafts.push_back(c);
  }
  auto imported = catalog.ImportCustomers(admin, drafts);
  if (!imported.ok() || !imported->problems.empty()) {
    std::cerr << "akte-bench-catalog: customer import failed\n";
    return 1;
  }

  sqlite3* db = nullptr;
  sqlite3* fts = nullptr;
  if (sqlite3_open((root + "/catalog.db").c_str(), &db) != SQLITE_OK ||
      sqlite3_open((root + "/fts5.db").c_str(), &fts) != SQLITE_OK) {
    std::cerr << "akte-bench-catalog: cannot open the databases\n";
    return 1;
  }
  if (!Exec(db, "BEGIN") || !Exec(fts, "CREATE VIRTUAL TABLE docs USING fts5(path, body);") ||
      !Exec(fts, "BEGIN")) {
    return 1;
  }
  sqlite3_stmt *note = nullptr, *event = nullptr, *contact = nullptr, *text = nullptr;
  sqlite3_prepare_v2(db,
                     "INSERT INTO notes(customer_id, text, author_id, created_at) "
                     "VALUES (?, ?, 1, ?)",
                     -1, &note, nullptr);
  sqlite3_prepare_v2(db,
                     "INSERT INTO events(customer_id, type_id, subject, text, occurred_at, "
                     "author_id, created_at) VALUES (?, ?, ?, ?, ?, 1, ?)",
                     -1, &event, nullptr);
  sqlite3_prepare_v2(db,
                     "INSERT INTO contacts(customer_id, first_name, last_name, role, remarks, "
                     "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     -1, &contact, nullptr);
  sqlite3_prepare_v2(fts, "INSERT INTO docs(path, body) VALUES (?, ?)", -1, &text, nullptr);
  for (int i = 0; i < items; ++i) {
    const long long customer_id = imported->created[rng() % imported->created.size()].id;
    char date[32];
    std::snprintf(date, sizeof date, "%04d-%02d-%02dT%02d:00:00Z",
                  2019 + static_cast<int>(rng() % 7), 1 + static_cast<int>(rng() % 12),
                  1 + static_cast<int>(rng() % 28), 8 + static_cast<int>(rng() % 10));
    const std::string body = vocabulary.Sentence(rng, 15 + static_cast<int>(rng() % 50));
    sqlite3_stmt* stmt = nullptr;
    switch (i % 5) {
      case 0:
      case 1:
      case 2:
        stmt = note;
        sqlite3_bind_int64(stmt, 1, customer_id);
        sqlite3_bind_text(stmt, 2, body.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 3, date, -1, SQLITE_TRANSIENT);
        break;
      case 3:
        stmt = event;
        sqlite3_bind_int64(stmt, 1, customer_id);
        sqlite3_bind_int64(stmt, 2, 1 + static_cast<long long>(rng() % 11));
        sqlite3_bind_text(stmt, 3, vocabulary.Sentence(rng, 4).c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 4, body.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 5, date, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 6, date, -1, SQLITE_TRANSIENT);
        break;
      default:
        stmt = contact;
        sqlite3_bind_int64(stmt, 1, customer_id);
        sqlite3_bind_text(stmt, 2, vocabulary.Word(rng).c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 3, vocabulary.Word(rng).c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 4, "Einkauf", -1, SQLITE_STATIC);
        sqlite3_bind_text(stmt, 5, body.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 6, date, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 7, date, -1, SQLITE_TRANSIENT);
        break;
    }
    if (sqlite3_step(stmt) != SQLITE_DONE) {
      std::cerr << "akte-bench-catalog: " << sqlite3_errmsg(db) << "\n";
      return 1;
    }
    sqlite3_reset(stmt);
    sqlite3_bind_text(text, 1, std::to_string(i).c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(text, 2, body.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(text);
    sqlite3_reset(text);
  }
  for (auto* stmt : {note, event, contact, text}) sqlite3_finalize(stmt);
  if (!Exec(db, "COMMIT") || !Exec(fts, "COMMIT")) return 1;
  sqlite3_close(db);
  sqlite3_close(fts);
  std::cout << "Generated " << customers << " customers and " << items << " items in " << root
            << ".\n";
  return 0;
}
