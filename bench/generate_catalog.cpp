// akte-bench-catalog DATA_DIR [CUSTOMERS] [ITEMS]
//
// Fills a new data directory with a synthetic firm for the search and
// reindex benchmarks: CUSTOMERS customers (default 1,000) and ITEMS notes,
// history events and contacts (default 100,000) with German and English
// business text, deterministically (fixed seed). Customers go in through the
// catalog's import; the items are bulk-inserted with SQL in one transaction,
// because one durable transaction per item would make generating take far
// longer than what is measured. Also writes DATA_DIR/fts5.db, the same texts
// in an SQLite FTS5 table, as the peer for query latency.
#include <sqlite3.h>

#include <cstdio>
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

std::string Sentence(std::mt19937& rng, int words) {
  std::uniform_int_distribution<std::size_t> pick(0, kWords.size() - 1);
  std::string out;
  for (int i = 0; i < words; ++i) out += (i ? " " : "") + kWords[pick(rng)];
  return out + ".";
}

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
    std::cerr << "usage: akte-bench-catalog DATA_DIR [CUSTOMERS] [ITEMS]\n";
    return 2;
  }
  const std::string root = argv[1];
  const int customers = argc > 2 ? std::stoi(argv[2]) : 1000;
  const int items = argc > 3 ? std::stoi(argv[3]) : 100000;
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
    c.company = kWords[rng() % kWords.size()] + " " + kWords[rng() % kWords.size()] + " " +
                std::to_string(i);
    c.legal_form = i % 3 ? "GmbH" : "KG";
    c.city = kCities[rng() % kCities.size()];
    c.remarks = Sentence(rng, 12);
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
    const std::string body = Sentence(rng, 15 + static_cast<int>(rng() % 50));
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
        sqlite3_bind_text(stmt, 3, Sentence(rng, 4).c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 4, body.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 5, date, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 6, date, -1, SQLITE_TRANSIENT);
        break;
      default:
        stmt = contact;
        sqlite3_bind_int64(stmt, 1, customer_id);
        sqlite3_bind_text(stmt, 2, kWords[rng() % kWords.size()].c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(stmt, 3, kWords[rng() % kWords.size()].c_str(), -1, SQLITE_TRANSIENT);
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
