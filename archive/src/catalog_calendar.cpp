// Catalog: the secret calendar feed of each user, and the dates of birth the
// feed shows. A feed's secret is stored as its SHA-256 only (like an API
// token's), and neither secret nor hash reaches a record, an audit entry or
// a message.
#include <nlohmann/json.hpp>
#include <string>

#include "akte/archive/catalog.h"
#include "catalog_rows.h"
#include "secrets.h"
#include "sha256.h"
#include "sqlite_db.h"

namespace akte::archive {
namespace {

constexpr std::size_t kFeedSecretBytes = 32;
// Says what a leaked secret opens; the rest is 43 characters of base64url.
constexpr std::string_view kFeedPrefix = "cal_";
// One message for every secret that opens nothing, whatever the reason.
constexpr const char* kNoFeed = "there is no such calendar";

// The audit entry's view of a feed: whose it is and since when.
std::string FeedJson(const User& user, const std::string& created_at) {
  return nlohmann::json{{"user", user.username}, {"created_at", created_at}}.dump();
}

// When `user`'s feed was made ("" when there is none).
Result<std::string> FeedCreatedAt(sql::Connection& conn, Id user_id) {
  AKTE_ASSIGN_OR_RETURN(auto stmt,
                        conn.Prepare("SELECT created_at FROM calendar_feeds WHERE user_id = ?"));
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(user_id).Step());
  return row ? stmt.Text(0) : std::string();
}

Result<User> UserNamed(sql::Connection& conn, std::string_view username) {
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn.Prepare(std::string(rows::kUserColumns) +
                                                "WHERE username = ? COLLATE NOCASE"));
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(username).Step());
  if (!row) return Status::NotFound("there is no user '" + std::string(username) + "'");
  return rows::ReadUser(stmt);
}

}  // namespace

Result<std::string> Catalog::RenewCalendarFeed(const Actor& by, std::string_view user) {
  AKTE_ASSIGN_OR_RETURN(std::string bytes, RandomBytes(kFeedSecretBytes));
  const std::string secret = std::string(kFeedPrefix) + Base64Url(bytes);
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(User owner, UserNamed(conn, user));
  if (owner.disabled) {
    return Status::FailedPrecondition("the user '" + owner.username +
                                      "' is disabled; enable them before making a calendar link");
  }
  AKTE_ASSIGN_OR_RETURN(std::string before, FeedCreatedAt(conn, owner.id));
  const std::string now = Now();
  {
    AKTE_ASSIGN_OR_RETURN(
        auto upsert, conn.Prepare("INSERT INTO calendar_feeds(user_id, secret_hash, created_at) "
                                  "VALUES (?, ?, ?) ON CONFLICT(user_id) DO UPDATE SET "
                                  "secret_hash = excluded.secret_hash, "
                                  "created_at = excluded.created_at"));
    AKTE_RETURN_IF_ERROR(upsert.Bind(owner.id, Sha256::HexOf(secret), now).Run());
  }
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, before.empty() ? "create" : "renew", "calendar_feed",
                                  owner.id, before.empty() ? "" : FeedJson(owner, before),
                                  FeedJson(owner, now)));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return secret;
}

Status Catalog::RevokeCalendarFeed(const Actor& by, std::string_view user) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(User owner, UserNamed(conn, user));
  AKTE_ASSIGN_OR_RETURN(std::string before, FeedCreatedAt(conn, owner.id));
  if (before.empty()) {
    return Status::NotFound("the user '" + owner.username + "' has no calendar link");
  }
  {
    AKTE_ASSIGN_OR_RETURN(auto remove,
                          conn.Prepare("DELETE FROM calendar_feeds WHERE user_id = ?"));
    AKTE_RETURN_IF_ERROR(remove.Bind(owner.id).Run());
  }
  AKTE_RETURN_IF_ERROR(
      WriteAudit(conn, by, "revoke", "calendar_feed", owner.id, FeedJson(owner, before), ""));
  return tx.Commit();
}

Result<User> Catalog::CalendarFeedUser(std::string_view secret) {
  if (!secret.starts_with(kFeedPrefix)) return Status::NotFound(kNoFeed);
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(
      auto stmt, conn->Prepare("SELECT u.id, u.username, u.display_name, u.role, u.created_at, "
                               "u.disabled FROM calendar_feeds f JOIN users u ON u.id = f.user_id "
                               "WHERE f.secret_hash = ?"));
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(Sha256::HexOf(secret)).Step());
  if (!row) return Status::NotFound(kNoFeed);
  User user = rows::ReadUser(stmt);
  if (user.disabled) return Status::NotFound(kNoFeed);
  return user;
}

Result<std::vector<BirthDate>> Catalog::BirthDates() {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(
      auto stmt,
      conn->Prepare("SELECT born, customer_id, number, customer_name, contact_id, name FROM ("
                    "SELECT c.birthday AS born, c.id AS customer_id, c.number AS number, "
                    "CASE WHEN c.company <> '' THEN c.company ELSE "
                    "trim(c.first_name || ' ' || c.last_name) END AS customer_name, "
                    "NULL AS contact_id, trim(c.first_name || ' ' || c.last_name) AS name "
                    "FROM customers c WHERE c.archived_at = '' AND c.birthday <> '' "
                    "UNION ALL "
                    "SELECT p.birthday, c.id, c.number, CASE WHEN c.company <> '' THEN c.company "
                    "ELSE trim(c.first_name || ' ' || c.last_name) END, p.id, "
                    "trim(p.first_name || ' ' || p.last_name) "
                    "FROM contacts p JOIN customers c ON c.id = p.customer_id "
                    "WHERE c.archived_at = '' AND p.birthday <> '') "
                    "ORDER BY substr(born, 6), name, customer_id, contact_id"));
  std::vector<BirthDate> dates;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    dates.push_back(
        {stmt.Text(0), stmt.Int(1), stmt.Text(2), stmt.Text(3), stmt.OptionalInt(4), stmt.Text(5)});
  }
  return dates;
}

}  // namespace akte::archive
