#include "sqlite_db.h"

#include <string>

namespace akte::archive::sql {
namespace {

Status FromSqlite(sqlite3* db, int rc, std::string_view what) {
  std::string message(what);
  message += ": ";
  message += db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return Status::Unavailable(message + " (the catalog is busy; try again)");
    case SQLITE_FULL:
      return Status::NoSpace(message);
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return Status::Corruption(message);
    case SQLITE_CONSTRAINT:
      return Status::FailedPrecondition(message);
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
    case SQLITE_READONLY:
      return Status::IoError(message);
    default:
      return Status::Internal(message);
  }
}

}  // namespace

Statement::~Statement() {
  if (stmt_) Reset();
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

void Statement::BindOne(int index, std::int64_t value) { sqlite3_bind_int64(stmt_, index, value); }

void Statement::BindOne(int index, std::string_view value) {
  sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8);
}

void Statement::BindOne(int index, std::nullopt_t) { sqlite3_bind_null(stmt_, index); }

void Statement::BindOne(int index, BlobArg blob) {
  sqlite3_bind_blob64(stmt_, index, blob.bytes.data(), blob.bytes.size(), SQLITE_TRANSIENT);
}

std::string Statement::Blob(int column) const {
  const auto* data = static_cast<const char*>(sqlite3_column_blob(stmt_, column));
  if (!data) return {};
  return std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return FromSqlite(sqlite3_db_handle(stmt_), rc, "catalog query failed");
}

Status Statement::Run() {
  auto stepped = Step();
  sqlite3_reset(stmt_);
  return stepped.status();
}

std::int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string Statement::Text(int column) const {
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (!text) return {};
  return std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column)));
}

std::optional<std::int64_t> Statement::OptionalInt(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Int(column);
}

bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

Result<std::unique_ptr<Connection>> Connection::Open(const std::filesystem::path& file) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status status = FromSqlite(db, rc, "open catalog " + file.string());
    sqlite3_close(db);
    return status;
  }
  std::unique_ptr<Connection> conn(new Connection(db));
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, 10000);
  AKTE_RETURN_IF_ERROR(
      conn->Execute("PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL;"));
  return conn;
}

Connection::~Connection() {
  for (auto& [sql, stmt] : cache_) sqlite3_finalize(stmt);
  sqlite3_close(db_);
}

Result<Statement> Connection::Prepare(std::string_view sql) {
  auto it = cache_.find(std::string(sql));
  if (it != cache_.end()) return Statement(it->second);
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()),
                              SQLITE_PREPARE_PERSISTENT, &stmt, nullptr);
  if (rc != SQLITE_OK) return FromSqlite(db_, rc, "prepare catalog statement");
  cache_.emplace(std::string(sql), stmt);
  return Statement(stmt);
}

Status Connection::Execute(std::string_view sql) {
  char* error = nullptr;
  int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &error);
  if (rc != SQLITE_OK) {
    std::string message = error ? error : sqlite3_errstr(rc);
    sqlite3_free(error);
    return FromSqlite(nullptr, rc, "catalog: " + message);
  }
  return Status::Ok();
}

std::int64_t Connection::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }

int Connection::Changes() const { return sqlite3_changes(db_); }

Status Connection::Error(std::string_view what) const {
  return FromSqlite(db_, sqlite3_errcode(db_), what);
}

Lease::~Lease() {
  if (conn_) pool_->Release(std::move(conn_));
}

Result<Transaction> Transaction::Begin(Database& db, Durability durability) {
  AKTE_ASSIGN_OR_RETURN(Lease lease, db.Acquire());
  if (durability == Durability::kRelaxed) {
    AKTE_RETURN_IF_ERROR(lease->Execute("PRAGMA synchronous=NORMAL"));
  }
  Status begun = lease->Execute("BEGIN IMMEDIATE");
  Transaction tx(std::move(lease), durability);
  if (!begun.ok()) {
    tx.open_ = false;
    return begun;  // the destructor restores the durability
  }
  return tx;
}

Transaction::Transaction(Transaction&& other) noexcept
    : lease_(std::move(other.lease_)),
      durability_(std::exchange(other.durability_, Durability::kFull)),
      open_(std::exchange(other.open_, false)) {}

Transaction::~Transaction() {
  if (open_) (void)lease_->Execute("ROLLBACK");
  RestoreDurability();
}

void Transaction::RestoreDurability() {
  if (durability_ == Durability::kRelaxed) (void)lease_->Execute("PRAGMA synchronous=FULL");
  durability_ = Durability::kFull;
}

Status Transaction::Commit() {
  AKTE_RETURN_IF_ERROR(lease_->Execute("COMMIT"));
  open_ = false;
  RestoreDurability();
  return Status::Ok();
}

Result<std::unique_ptr<Database>> Database::Open(const std::filesystem::path& file,
                                                 std::size_t max_connections) {
  std::unique_ptr<Database> db(new Database(file, max_connections));
  // Open one connection now so that a bad path fails here, not later.
  AKTE_ASSIGN_OR_RETURN(auto conn, Connection::Open(file));
  db->idle_.push_back(std::move(conn));
  db->open_count_ = 1;
  return db;
}

Result<Lease> Database::Acquire() {
  std::unique_lock lock(mu_);
  available_.wait(lock, [this] { return !idle_.empty() || open_count_ < max_connections_; });
  if (!idle_.empty()) {
    auto conn = std::move(idle_.back());
    idle_.pop_back();
    return Lease(this, std::move(conn));
  }
  ++open_count_;
  lock.unlock();
  auto conn = Connection::Open(file_);
  if (!conn.ok()) {
    std::lock_guard relock(mu_);
    --open_count_;
    available_.notify_one();
    return conn.status();
  }
  return Lease(this, std::move(conn).value());
}

void Database::Release(std::unique_ptr<Connection> conn) {
  std::lock_guard lock(mu_);
  idle_.push_back(std::move(conn));
  available_.notify_one();
}

}  // namespace akte::archive::sql
