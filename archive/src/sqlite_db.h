// A thin RAII layer over SQLite, private to archive/: a pool of connections,
// each with its own cache of prepared statements, and transactions that roll
// back unless committed. Only prepared statements with bound parameters are
// used; no SQL is ever built from user input.
#pragma once

#include <sqlite3.h>

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "akte/archive/status.h"

namespace akte::archive::sql {

// Bytes to bind as a BLOB (strings bind as TEXT).
struct BlobArg {
  std::string_view bytes;
};

// A prepared statement borrowed from a connection's cache; reset on release.
class Statement {
 public:
  explicit Statement(sqlite3_stmt* stmt) : stmt_(stmt) {}
  Statement(Statement&& other) noexcept : stmt_(std::exchange(other.stmt_, nullptr)) {}
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;
  ~Statement();

  // Resets the statement and binds parameters 1..n in order. Empty
  // optionals bind NULL.
  template <typename... Args>
  Statement& Bind(const Args&... args) {
    Reset();
    int index = 1;
    (BindOne(index++, args), ...);
    return *this;
  }

  // Advances to the next row: true when a row is available, false when done.
  Result<bool> Step();
  // Runs a statement that returns no rows, then resets it for reuse.
  Status Run();

  std::int64_t Int(int column) const;
  // A BLOB column's bytes.
  std::string Blob(int column) const;
  std::string Text(int column) const;
  std::optional<std::int64_t> OptionalInt(int column) const;
  bool IsNull(int column) const;

 private:
  void Reset();
  void BindOne(int index, std::int64_t value);
  void BindOne(int index, int value) { BindOne(index, static_cast<std::int64_t>(value)); }
  void BindOne(int index, std::string_view value);
  void BindOne(int index, const std::string& value) { BindOne(index, std::string_view(value)); }
  void BindOne(int index, const char* value) { BindOne(index, std::string_view(value)); }
  void BindOne(int index, std::nullopt_t);
  void BindOne(int index, BlobArg blob);
  template <typename T>
  void BindOne(int index, const std::optional<T>& value) {
    if (value) {
      BindOne(index, *value);
    } else {
      BindOne(index, std::nullopt);
    }
  }

  sqlite3_stmt* stmt_;
};

class Connection {
 public:
  static Result<std::unique_ptr<Connection>> Open(const std::filesystem::path& file);
  ~Connection();

  // Returns the cached statement for `sql`, preparing it on first use.
  Result<Statement> Prepare(std::string_view sql);
  // Runs one or more statements without parameters (schema, pragmas).
  Status Execute(std::string_view sql);
  std::int64_t LastInsertId() const;
  int Changes() const;
  Status Error(std::string_view what) const;

 private:
  explicit Connection(sqlite3* db) : db_(db) {}
  sqlite3* db_;
  std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

class Database;

// A connection borrowed from the pool; returned when destroyed.
class Lease {
 public:
  Lease(Database* pool, std::unique_ptr<Connection> conn) : pool_(pool), conn_(std::move(conn)) {}
  Lease(Lease&&) = default;
  Lease& operator=(Lease&&) = delete;
  ~Lease();
  Connection& operator*() { return *conn_; }
  Connection* operator->() { return conn_.get(); }

 private:
  Database* pool_;
  std::unique_ptr<Connection> conn_;
};

// A transaction on one leased connection: BEGIN IMMEDIATE for writes (so
// writers queue on the busy timeout instead of failing mid-way), rolled back
// on destruction unless Commit succeeded.
// How hard a commit must insist on reaching the disk.
enum class Durability {
  kFull,     // fsync on commit: for everything a user was told is stored
  kRelaxed,  // no fsync on commit (still atomic and consistent): for derived
             // data that is recomputed if a crash loses it, like extracted text
};

class Transaction {
 public:
  static Result<Transaction> Begin(Database& db, Durability durability = Durability::kFull);
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  ~Transaction();
  Connection& conn() { return *lease_; }
  Status Commit();

 private:
  Transaction(Lease lease, Durability durability)
      : lease_(std::move(lease)), durability_(durability) {}
  void RestoreDurability();
  Lease lease_;
  Durability durability_;
  bool open_ = true;
};

// A pool of connections to one SQLite file in WAL mode with foreign keys on.
// Thread-safe.
class Database {
 public:
  static Result<std::unique_ptr<Database>> Open(const std::filesystem::path& file,
                                                std::size_t max_connections = 8);
  Result<Lease> Acquire();

 private:
  friend class Lease;
  explicit Database(std::filesystem::path file, std::size_t max)
      : file_(std::move(file)), max_connections_(max) {}
  void Release(std::unique_ptr<Connection> conn);

  std::filesystem::path file_;
  std::size_t max_connections_;
  std::mutex mu_;
  std::condition_variable available_;
  std::vector<std::unique_ptr<Connection>> idle_;
  std::size_t open_count_ = 0;
};

}  // namespace akte::archive::sql
