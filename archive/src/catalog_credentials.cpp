// Catalog: credentials. Passwords (scrypt), API tokens and browser sessions
// (SHA-256 of a random secret). Neither a secret nor a hash ever leaves this
// file: not in a returned record, not in an audit entry, not in a message.
#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>

#include "akte/archive/catalog.h"
#include "catalog_rows.h"
#include "encoding.h"
#include "json_codec.h"
#include "secrets.h"
#include "sha256.h"
#include "sqlite_db.h"
#include "validation.h"

namespace akte::archive {
namespace {

using std::chrono::system_clock;

constexpr std::size_t kMinPasswordLength = 10;  // code points
constexpr std::size_t kMaxPasswordBytes = 1024;
constexpr std::size_t kGeneratedPasswordLength = 16;
constexpr std::size_t kSecretBytes = 32;
constexpr std::size_t kMaxTokenName = 100;
constexpr std::string_view kTokenPrefix = "akte_";
// Writing on every request would make each authenticated read a write;
// last use and sliding expiry need no more precision than this.
constexpr std::chrono::seconds kWriteInterval{60};

// One message per kind of credential, whatever was wrong with it.
constexpr const char* kWrongPassword = "wrong username or password";
constexpr const char* kBadToken = "the API token is not valid";
constexpr const char* kSessionEnded = "the session has ended; sign in again";

constexpr std::string_view kTokenColumns =
    "SELECT id, user_id, name, created_at, last_used_at, revoked_at FROM api_tokens ";

ApiToken ReadToken(const sql::Statement& stmt) {
  return ApiToken{stmt.Int(0), stmt.Int(1), stmt.Text(2), stmt.Text(3), stmt.Text(4), stmt.Text(5)};
}

Result<ApiToken> LoadToken(sql::Connection& conn, Id id) {
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn.Prepare(std::string(kTokenColumns) + "WHERE id = ?"));
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(id).Step());
  if (!row) return Status::NotFound("API token " + std::to_string(id) + " does not exist");
  return ReadToken(stmt);
}

std::size_t CodePoints(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

bool HasControlCharacters(std::string_view text) {
  return std::any_of(text.begin(), text.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

Status ValidatePassword(std::string_view password) {
  if (!IsValidUtf8(password)) {
    return Status::InvalidArgument("a password must be UTF-8 text", "password");
  }
  if (CodePoints(password) < kMinPasswordLength) {
    return Status::InvalidArgument(
        "a password needs at least " + std::to_string(kMinPasswordLength) + " characters",
        "password");
  }
  if (password.size() > kMaxPasswordBytes) {
    return Status::InvalidArgument(
        "a password is limited to " + std::to_string(kMaxPasswordBytes) + " bytes", "password");
  }
  return Status::Ok();
}

Status ValidateTokenName(std::string& name) {
  name = Trim(name);
  if (name.empty() || name.size() > kMaxTokenName) {
    return Status::InvalidArgument(
        "a token needs a name of up to 100 characters saying what it is for", "name");
  }
  if (!IsValidUtf8(name) || HasControlCharacters(name)) {
    return Status::InvalidArgument("a token name must be one line of UTF-8 text", "name");
  }
  return Status::Ok();
}

// A new random secret (with `prefix`) and the hash under which it is stored.
struct NewSecret {
  std::string secret;
  std::string hash;
};

Result<NewSecret> MakeSecret(std::string_view prefix) {
  AKTE_ASSIGN_OR_RETURN(std::string bytes, RandomBytes(kSecretBytes));
  std::string secret = std::string(prefix) + Base64Url(bytes);
  std::string hash = Sha256::HexOf(secret);
  return NewSecret{std::move(secret), std::move(hash)};
}

// Whether a time stored as `stored` is at least kWriteInterval before `later`.
bool DueForWrite(const std::string& stored, system_clock::time_point later) {
  if (stored.empty()) return true;
  auto parsed = ParseUtc(stored);
  return !parsed.ok() || *parsed + kWriteInterval <= later;
}

std::string Json(const ApiToken& token) { return nlohmann::json(token).dump(); }

}  // namespace

Status Catalog::SetPassword(const std::optional<Actor>& by, Id user_id, std::string_view password) {
  AKTE_RETURN_IF_ERROR(ValidatePassword(password));
  // Hashed before the transaction: scrypt takes a while and needs no lock.
  AKTE_ASSIGN_OR_RETURN(std::string hash, HashPassword(password));
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(User user, rows::LoadUser(conn, user_id));
  {
    AKTE_ASSIGN_OR_RETURN(auto update,
                          conn.Prepare("UPDATE users SET password_hash = ? WHERE id = ?"));
    AKTE_RETURN_IF_ERROR(update.Bind(hash, user.id).Run());
  }
  // The entry says that the password changed, and nothing about it.
  Actor actor = by ? *by : Actor{user.id, user.username};
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, actor, "set_password", "user", user.id, "", ""));
  return tx.Commit();
}

Result<User> Catalog::CheckPassword(std::string_view username, std::string_view password) {
  std::optional<User> user;
  std::string stored;
  {
    AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
    AKTE_ASSIGN_OR_RETURN(auto stmt,
                          conn->Prepare("SELECT id, username, display_name, role, created_at, "
                                        "disabled, password_hash FROM users WHERE username = ?"));
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(username).Step());
    if (row) {
      user = rows::ReadUser(stmt);
      stored = stmt.Text(6);
    }
  }
  // Every way of failing runs scrypt once, so that the time taken does not
  // tell an unknown or disabled user from a wrong password.
  const bool usable = user && !user->disabled && !stored.empty();
  AKTE_ASSIGN_OR_RETURN(bool matches,
                        VerifyPassword(password, usable ? stored : DummyPasswordHash()));
  if (!usable || !matches) return Status::Unauthenticated(kWrongPassword);
  return *user;
}

std::string Catalog::GeneratePassword() {
  // No 0/O, 1/l/I: the password is read off a screen and typed.
  static constexpr std::string_view kAlphabet =
      "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  // Bytes at or above the largest multiple of the alphabet's size are
  // skipped, so that every character is equally likely.
  constexpr unsigned kLimit = 256 - 256 % kAlphabet.size();
  std::string password;
  while (password.size() < kGeneratedPasswordLength) {
    auto bytes = RandomBytes(kGeneratedPasswordLength * 2);
    // No Status to return here; a failing CSPRNG leaves nothing safe to do.
    if (!bytes.ok()) throw std::runtime_error(bytes.status().message());
    for (unsigned char byte : *bytes) {
      if (byte < kLimit && password.size() < kGeneratedPasswordLength) {
        password.push_back(kAlphabet[byte % kAlphabet.size()]);
      }
    }
  }
  return password;
}

Result<IssuedToken> Catalog::CreateToken(const Actor& by, Id user_id, std::string name) {
  AKTE_RETURN_IF_ERROR(ValidateTokenName(name));
  AKTE_ASSIGN_OR_RETURN(NewSecret secret, MakeSecret(kTokenPrefix));
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(User user, rows::LoadUser(conn, user_id));
  if (user.disabled) {
    return Status::FailedPrecondition("the user '" + user.username +
                                      "' is disabled; enable them before creating a token");
  }
  {
    AKTE_ASSIGN_OR_RETURN(auto insert,
                          conn.Prepare("INSERT INTO api_tokens(user_id, name, "
                                       "secret_hash, created_at) VALUES (?, ?, ?, ?)"));
    AKTE_RETURN_IF_ERROR(insert.Bind(user.id, name, secret.hash, Now()).Run());
  }
  AKTE_ASSIGN_OR_RETURN(ApiToken token, LoadToken(conn, conn.LastInsertId()));
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, "create", "api_token", token.id, "", Json(token)));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return IssuedToken{std::move(token), std::move(secret.secret)};
}

Result<std::vector<ApiToken>> Catalog::ListTokens(Id user_id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(User user, rows::LoadUser(*conn, user_id));
  AKTE_ASSIGN_OR_RETURN(
      auto stmt, conn->Prepare(std::string(kTokenColumns) + "WHERE user_id = ? ORDER BY id"));
  stmt.Bind(user.id);
  std::vector<ApiToken> tokens;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    tokens.push_back(ReadToken(stmt));
  }
  return tokens;
}

Status Catalog::RevokeToken(const Actor& by, Id token_id) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(ApiToken before, LoadToken(conn, token_id));
  if (!before.revoked_at.empty()) return Status::Ok();  // revoked already; it stays so
  {
    AKTE_ASSIGN_OR_RETURN(auto update,
                          conn.Prepare("UPDATE api_tokens SET revoked_at = ? WHERE id = ?"));
    AKTE_RETURN_IF_ERROR(update.Bind(Now(), token_id).Run());
  }
  AKTE_ASSIGN_OR_RETURN(ApiToken after, LoadToken(conn, token_id));
  AKTE_RETURN_IF_ERROR(
      WriteAudit(conn, by, "revoke", "api_token", token_id, Json(before), Json(after)));
  return tx.Commit();
}

Result<User> Catalog::UserForToken(std::string_view secret) {
  if (!secret.starts_with(kTokenPrefix)) return Status::Unauthenticated(kBadToken);
  User user;
  Id token_id = 0;
  std::string last_used;
  {
    AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
    AKTE_ASSIGN_OR_RETURN(
        auto stmt,
        conn->Prepare("SELECT u.id, u.username, u.display_name, u.role, u.created_at, "
                      "u.disabled, t.id, t.last_used_at FROM api_tokens t JOIN users u "
                      "ON u.id = t.user_id WHERE t.secret_hash = ? AND t.revoked_at = ''"));
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(Sha256::HexOf(secret)).Step());
    if (!row) return Status::Unauthenticated(kBadToken);
    user = rows::ReadUser(stmt);
    token_id = stmt.Int(6);
    last_used = stmt.Text(7);
  }
  if (user.disabled) return Status::Unauthenticated(kBadToken);
  const auto now = clock_.Now();
  if (DueForWrite(last_used, now)) {
    // Losing this to a crash costs nothing but a stale "last used".
    AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_, sql::Durability::kRelaxed));
    AKTE_ASSIGN_OR_RETURN(auto update,
                          tx.conn().Prepare("UPDATE api_tokens SET last_used_at = ? WHERE id = ?"));
    AKTE_RETURN_IF_ERROR(update.Bind(FormatUtc(now), token_id).Run());
    AKTE_RETURN_IF_ERROR(tx.Commit());
  }
  return user;
}

Result<Session> Catalog::CreateSession(Id user_id, std::chrono::seconds ttl) {
  if (ttl <= std::chrono::seconds::zero()) {
    return Status::InvalidArgument("a session needs a positive lifetime", "ttl");
  }
  AKTE_ASSIGN_OR_RETURN(NewSecret secret, MakeSecret(""));
  AKTE_ASSIGN_OR_RETURN(std::string csrf_bytes, RandomBytes(kSecretBytes));
  const auto now = clock_.Now();
  Session session{std::move(secret.secret), Base64Url(csrf_bytes), FormatUtc(now + ttl), User{}};
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(session.user, rows::LoadUser(conn, user_id));
  if (session.user.disabled) {
    return Status::Unauthenticated("the user '" + session.user.username + "' is disabled");
  }
  {
    // Expired sessions are removed here, lazily, rather than by a timer.
    AKTE_ASSIGN_OR_RETURN(auto purge, conn.Prepare("DELETE FROM sessions WHERE expires_at <= ?"));
    AKTE_RETURN_IF_ERROR(purge.Bind(FormatUtc(now)).Run());
  }
  {
    AKTE_ASSIGN_OR_RETURN(auto insert,
                          conn.Prepare("INSERT INTO sessions(secret_hash, user_id, csrf_token, "
                                       "created_at, expires_at) VALUES (?, ?, ?, ?, ?)"));
    AKTE_RETURN_IF_ERROR(insert
                             .Bind(secret.hash, session.user.id, session.csrf_token, FormatUtc(now),
                                   session.expires_at)
                             .Run());
  }
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return session;
}

Result<Session> Catalog::TouchSession(std::string_view secret, std::chrono::seconds ttl) {
  if (ttl <= std::chrono::seconds::zero()) {
    return Status::InvalidArgument("a session needs a positive lifetime", "ttl");
  }
  const std::string hash = Sha256::HexOf(secret);
  Session session;
  {
    AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
    AKTE_ASSIGN_OR_RETURN(
        auto stmt, conn->Prepare("SELECT u.id, u.username, u.display_name, u.role, u.created_at, "
                                 "u.disabled, s.csrf_token, s.expires_at FROM sessions s "
                                 "JOIN users u ON u.id = s.user_id WHERE s.secret_hash = ?"));
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(hash).Step());
    if (!row) return Status::Unauthenticated(kSessionEnded);
    session.user = rows::ReadUser(stmt);
    session.csrf_token = stmt.Text(6);
    session.expires_at = stmt.Text(7);
  }
  const auto now = clock_.Now();
  // FormatUtc's fixed width makes its strings sort as the times do.
  if (session.expires_at <= FormatUtc(now) || session.user.disabled) {
    return Status::Unauthenticated(kSessionEnded);
  }
  if (DueForWrite(session.expires_at, now + ttl)) {
    session.expires_at = FormatUtc(now + ttl);
    // Losing this to a crash only shortens the session by a little.
    AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_, sql::Durability::kRelaxed));
    AKTE_ASSIGN_OR_RETURN(
        auto update, tx.conn().Prepare("UPDATE sessions SET expires_at = ? WHERE secret_hash = ?"));
    AKTE_RETURN_IF_ERROR(update.Bind(session.expires_at, hash).Run());
    // Ended meanwhile by EndSession (or purged): it must not come back.
    if (tx.conn().Changes() == 0) return Status::Unauthenticated(kSessionEnded);
    AKTE_RETURN_IF_ERROR(tx.Commit());
  }
  return session;
}

Status Catalog::EndSession(std::string_view secret) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  {
    AKTE_ASSIGN_OR_RETURN(auto remove,
                          tx.conn().Prepare("DELETE FROM sessions WHERE secret_hash = ?"));
    AKTE_RETURN_IF_ERROR(remove.Bind(Sha256::HexOf(secret)).Run());
  }
  return tx.Commit();
}

}  // namespace akte::archive
