// Passwords, API tokens and sessions in a real SQLite catalog.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "akte/archive/catalog.h"
#include "akte/archive/json.h"
#include "catalog_fixture.h"
#include "temp_dir.h"

namespace akte::archive {
namespace {

using namespace std::chrono_literals;
using test::FixedClock;
using test::TempDir;

constexpr const char* kWrong = "wrong username or password";

struct CredentialsFixture : CatalogFixture {
  User anna;
  User bernd;

  CredentialsFixture() {
    auto first = catalog->GetUser(admin.user_id);
    auto second = catalog->GetUser(staff.user_id);
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    anna = *first;
    bernd = *second;
  }

  void Disable(User user) {
    user.disabled = true;
    REQUIRE(catalog->UpdateUser(admin, user).ok());
  }

  // Every byte the catalog wrote, WAL included.
  std::string AllBytes() const {
    std::string bytes;
    for (const auto& entry : std::filesystem::directory_iterator(dir.path())) {
      if (entry.is_regular_file()) bytes += test::ReadFile(entry.path());
    }
    return bytes;
  }
};

// The first column of the first row of `sql`, read past the catalog.
std::string RawText(const std::filesystem::path& file, const char* sql) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  REQUIRE(sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) == SQLITE_OK);
  std::string text;
  if (sqlite3_step(stmt) == SQLITE_ROW) {
    const auto* value = sqlite3_column_text(stmt, 0);
    text = value ? reinterpret_cast<const char*>(value) : "";
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return text;
}

void RequireUnauthenticated(const Status& status, const std::string& message) {
  REQUIRE_FALSE(status.ok());
  CHECK(status.code() == StatusCode::kUnauthenticated);
  CHECK(status.message() == message);
}

TEST_CASE("Catalog accepts the right password and refuses a wrong one", "[archive][credentials]") {
  CredentialsFixture f;
  REQUIRE(f.catalog->SetPassword(f.admin, f.bernd.id, "korrekt-pferd-batterie").ok());
  auto right = f.catalog->CheckPassword("bernd", "korrekt-pferd-batterie");
  REQUIRE(right.ok());
  CHECK(right->id == f.bernd.id);
  CHECK(right->role == kRoleStaff);
  CHECK(f.catalog->CheckPassword("BERND", "korrekt-pferd-batterie").ok());  // usernames ignore case
  RequireUnauthenticated(f.catalog->CheckPassword("bernd", "korrekt-pferd-batteriE").status(),
                         kWrong);
  RequireUnauthenticated(f.catalog->CheckPassword("bernd", "").status(), kWrong);

  REQUIRE(f.catalog->SetPassword(f.admin, f.bernd.id, "ein-ganz-neues-passwort").ok());
  RequireUnauthenticated(f.catalog->CheckPassword("bernd", "korrekt-pferd-batterie").status(),
                         kWrong);
  CHECK(f.catalog->CheckPassword("bernd", "ein-ganz-neues-passwort").ok());
}

TEST_CASE("Catalog refuses an unknown user, a disabled user and one without a password alike",
          "[archive][credentials]") {
  CredentialsFixture f;
  RequireUnauthenticated(f.catalog->CheckPassword("anna", "irgendein-passwort").status(), kWrong);
  RequireUnauthenticated(f.catalog->CheckPassword("niemand", "irgendein-passwort").status(),
                         kWrong);
  REQUIRE(f.catalog->SetPassword(f.admin, f.bernd.id, "korrekt-pferd-batterie").ok());
  f.Disable(f.bernd);
  RequireUnauthenticated(f.catalog->CheckPassword("bernd", "korrekt-pferd-batterie").status(),
                         kWrong);
}

TEST_CASE("Catalog refuses a password shorter than 10 characters, counting characters not bytes",
          "[archive][credentials]") {
  CredentialsFixture f;
  auto short_one = f.catalog->SetPassword(f.admin, f.bernd.id, "kurz");
  REQUIRE_FALSE(short_one.ok());
  CHECK(short_one.code() == StatusCode::kInvalidArgument);
  CHECK(short_one.field() == "password");
  // Nine umlauts are 18 bytes but nine characters.
  CHECK(f.catalog->SetPassword(f.admin, f.bernd.id, "äöüäöüäöü").code() ==
        StatusCode::kInvalidArgument);
  CHECK(f.catalog->SetPassword(f.admin, f.bernd.id, "äöüäöüäöüß").ok());
  CHECK(f.catalog->CheckPassword("bernd", "äöüäöüäöüß").ok());
  CHECK(f.catalog->SetPassword(f.admin, f.bernd.id, std::string(2000, 'x')).code() ==
        StatusCode::kInvalidArgument);
  CHECK(f.catalog->SetPassword(f.admin, 4242, "lang-genug-1234").code() == StatusCode::kNotFound);
}

TEST_CASE("Catalog stores a salted scrypt hash, never the password", "[archive][credentials]") {
  CredentialsFixture f;
  const std::string password = "Sommer-Urlaub-2024";
  REQUIRE(f.catalog->SetPassword(f.admin, f.anna.id, password).ok());
  REQUIRE(f.catalog->SetPassword(f.admin, f.bernd.id, password).ok());
  const auto file = f.dir / "catalog.db";
  std::string anna_hash = RawText(file, "SELECT password_hash FROM users WHERE username = 'anna'");
  std::string bernd_hash =
      RawText(file, "SELECT password_hash FROM users WHERE username = 'bernd'");
  CHECK_THAT(anna_hash, Catch::StartsWith("scrypt$15$8$1$"));
  CHECK(anna_hash != bernd_hash);  // each has its own salt
  CHECK(anna_hash.find(password) == std::string::npos);
  CHECK(f.AllBytes().find(password) == std::string::npos);
}

TEST_CASE("Catalog generates passwords it accepts", "[archive][credentials]") {
  CredentialsFixture f;
  const std::string first = Catalog::GeneratePassword();
  CHECK(first.size() == 16);
  CHECK(first != Catalog::GeneratePassword());
  REQUIRE(f.catalog->SetPassword(f.admin, f.bernd.id, first).ok());
  CHECK(f.catalog->CheckPassword("bernd", first).ok());
}

TEST_CASE("Catalog API tokens authenticate their user until revoked", "[archive][credentials]") {
  CredentialsFixture f;
  auto issued = f.catalog->CreateToken(f.admin, f.bernd.id, "  Buchhaltungs-Export ");
  REQUIRE(issued.ok());
  CHECK_THAT(issued->secret, Catch::StartsWith("akte_"));
  CHECK(issued->secret.size() == 5 + 43);
  CHECK(issued->token.name == "Buchhaltungs-Export");
  CHECK(issued->token.user_id == f.bernd.id);
  CHECK(issued->token.last_used_at.empty());
  CHECK(f.AllBytes().find(issued->secret) == std::string::npos);

  auto user = f.catalog->UserForToken(issued->secret);
  REQUIRE(user.ok());
  CHECK(user->username == "bernd");
  auto listed = f.catalog->ListTokens(f.bernd.id);
  REQUIRE(listed.ok());
  REQUIRE(listed->size() == 1);
  CHECK(listed->front().last_used_at == "2024-03-05T13:05:00Z");
  CHECK(listed->front().revoked_at.empty());

  std::string wrong = issued->secret;
  wrong.back() = wrong.back() == 'A' ? 'B' : 'A';
  RequireUnauthenticated(f.catalog->UserForToken(wrong).status(), "the API token is not valid");
  RequireUnauthenticated(f.catalog->UserForToken("").status(), "the API token is not valid");

  REQUIRE(f.catalog->RevokeToken(f.admin, issued->token.id).ok());
  RequireUnauthenticated(f.catalog->UserForToken(issued->secret).status(),
                         "the API token is not valid");
  listed = f.catalog->ListTokens(f.bernd.id);
  REQUIRE(listed.ok());
  CHECK(listed->front().revoked_at == "2024-03-05T13:05:00Z");
  CHECK(f.catalog->RevokeToken(f.admin, issued->token.id).ok());  // revoked for good, no error
  CHECK(f.catalog->RevokeToken(f.admin, 4242).code() == StatusCode::kNotFound);
  CHECK(f.catalog->ListTokens(4242).status().code() == StatusCode::kNotFound);
  CHECK(f.catalog->CreateToken(f.admin, f.bernd.id, " ").status().field() == "name");
}

TEST_CASE("Catalog records a token's use at most once a minute", "[archive][credentials]") {
  CredentialsFixture f;
  auto issued = f.catalog->CreateToken(f.admin, f.bernd.id, "Skript");
  REQUIRE(issued.ok());
  auto last_used = [&] { return f.catalog->ListTokens(f.bernd.id)->front().last_used_at; };
  REQUIRE(f.catalog->UserForToken(issued->secret).ok());
  CHECK(last_used() == "2024-03-05T13:05:00Z");
  f.clock.Advance(30s);
  REQUIRE(f.catalog->UserForToken(issued->secret).ok());
  CHECK(last_used() == "2024-03-05T13:05:00Z");
  f.clock.Advance(31s);
  REQUIRE(f.catalog->UserForToken(issued->secret).ok());
  CHECK(last_used() == "2024-03-05T13:06:01Z");
}

TEST_CASE("Catalog refuses the token of a disabled user", "[archive][credentials]") {
  CredentialsFixture f;
  auto issued = f.catalog->CreateToken(f.admin, f.bernd.id, "Skript");
  REQUIRE(issued.ok());
  f.Disable(f.bernd);
  RequireUnauthenticated(f.catalog->UserForToken(issued->secret).status(),
                         "the API token is not valid");
  CHECK(f.catalog->CreateToken(f.admin, f.bernd.id, "Noch eins").status().code() ==
        StatusCode::kFailedPrecondition);
}

TEST_CASE("Catalog sessions slide with use and end at their expiry", "[archive][credentials]") {
  CredentialsFixture f;
  auto session = f.catalog->CreateSession(f.bernd.id, 30min);
  REQUIRE(session.ok());
  CHECK(session->secret.size() == 43);
  CHECK(session->csrf_token.size() == 43);
  CHECK(session->csrf_token != session->secret);
  CHECK(session->expires_at == "2024-03-05T13:35:00Z");
  CHECK(session->user.username == "bernd");
  CHECK(f.AllBytes().find(session->secret) == std::string::npos);

  f.clock.Advance(20min);
  auto touched = f.catalog->TouchSession(session->secret, 30min);
  REQUIRE(touched.ok());
  CHECK(touched->secret.empty());
  CHECK(touched->csrf_token == session->csrf_token);
  CHECK(touched->expires_at == "2024-03-05T13:55:00Z");
  CHECK(touched->user.id == f.bernd.id);

  f.clock.Advance(29min);  // 13:54, a minute before the pushed expiry
  touched = f.catalog->TouchSession(session->secret, 30min);
  REQUIRE(touched.ok());
  CHECK(touched->expires_at == "2024-03-05T14:24:00Z");

  f.clock.Advance(31min);  // 14:25, past it
  RequireUnauthenticated(f.catalog->TouchSession(session->secret, 30min).status(),
                         "the session has ended; sign in again");
  CHECK(RawText(f.dir / "catalog.db", "SELECT count(*) FROM sessions") == "1");
  // A new session sweeps out the expired one.
  REQUIRE(f.catalog->CreateSession(f.anna.id, 30min).ok());
  CHECK(RawText(f.dir / "catalog.db", "SELECT count(*) FROM sessions") == "1");
  CHECK(RawText(f.dir / "catalog.db", "SELECT user_id FROM sessions") == std::to_string(f.anna.id));
}

TEST_CASE("Catalog ends a session for good", "[archive][credentials]") {
  CredentialsFixture f;
  auto session = f.catalog->CreateSession(f.bernd.id, 8h);
  REQUIRE(session.ok());
  REQUIRE(f.catalog->EndSession(session->secret).ok());
  RequireUnauthenticated(f.catalog->TouchSession(session->secret, 8h).status(),
                         "the session has ended; sign in again");
  CHECK(f.catalog->EndSession(session->secret).ok());
  RequireUnauthenticated(f.catalog->TouchSession("made-up", 8h).status(),
                         "the session has ended; sign in again");
}

TEST_CASE("Catalog refuses the session of a disabled user", "[archive][credentials]") {
  CredentialsFixture f;
  auto session = f.catalog->CreateSession(f.bernd.id, 8h);
  REQUIRE(session.ok());
  f.Disable(f.bernd);
  RequireUnauthenticated(f.catalog->TouchSession(session->secret, 8h).status(),
                         "the session has ended; sign in again");
  CHECK(f.catalog->CreateSession(f.bernd.id, 8h).status().code() == StatusCode::kUnauthenticated);
  CHECK(f.catalog->CreateSession(4242, 8h).status().code() == StatusCode::kNotFound);
}

TEST_CASE("Catalog keeps at least one enabled admin", "[archive][credentials]") {
  CredentialsFixture f;
  User demoted = f.anna;
  demoted.role = kRoleStaff;
  CHECK(f.catalog->UpdateUser(f.admin, demoted).status().code() == StatusCode::kFailedPrecondition);
  User disabled = f.anna;
  disabled.disabled = true;
  CHECK(f.catalog->UpdateUser(f.admin, disabled).status().code() ==
        StatusCode::kFailedPrecondition);
  CHECK(f.catalog->GetUser(f.anna.id)->role == kRoleAdmin);  // nothing changed

  User bogus = f.bernd;
  bogus.role = "boss";
  CHECK(f.catalog->UpdateUser(f.admin, bogus).status().field() == "role");

  User promoted = f.bernd;
  promoted.role = kRoleAdmin;
  promoted.username = "bernhard";  // not changed by UpdateUser
  promoted.display_name = "Bernhard Berger";
  auto updated = f.catalog->UpdateUser(f.admin, promoted);
  REQUIRE(updated.ok());
  CHECK(updated->username == "bernd");
  CHECK(updated->display_name == "Bernhard Berger");
  CHECK(f.catalog->UpdateUser(f.admin, demoted).ok());
  auto trail = f.catalog->AuditTrail("user", f.bernd.id);
  REQUIRE(trail.ok());
  CHECK(trail->back().action == "update");
  CHECK_THAT(trail->back().after, Catch::Contains("Bernhard Berger"));
}

TEST_CASE("Catalog updates a note and refuses a stale version", "[archive][credentials]") {
  CredentialsFixture f;
  Customer draft;
  draft.number = "10001";
  draft.company = "Müller GmbH";
  auto customer = f.catalog->CreateCustomer(f.admin, draft);
  REQUIRE(customer.ok());
  auto note = f.catalog->AddNote(f.admin, customer->id, std::nullopt, "Rückruf erbeten");
  REQUIRE(note.ok());
  auto changes_before = f.catalog->LatestChange();
  REQUIRE(changes_before.ok());

  f.clock.Advance(1h);
  Actor bernd{f.bernd.id, f.bernd.username};
  auto edited = f.catalog->UpdateNote(bernd, note->id, " Rückruf erledigt \n", note->version);
  REQUIRE(edited.ok());
  CHECK(edited->text == "Rückruf erledigt");
  CHECK(edited->version == note->version + 1);
  CHECK(edited->edited_at == "2024-03-05T14:05:00Z");
  CHECK(edited->created_at == note->created_at);
  CHECK(edited->author == "anna");
  CHECK(*f.catalog->LatestChange() > *changes_before);

  auto stale = f.catalog->UpdateNote(bernd, note->id, "Noch einmal", note->version);
  REQUIRE_FALSE(stale.ok());
  CHECK(stale.status().code() == StatusCode::kFailedPrecondition);
  CHECK(f.catalog->GetNote(note->id)->text == "Rückruf erledigt");
  CHECK(f.catalog->UpdateNote(bernd, note->id, "  ", edited->version).status().field() == "text");
  CHECK(f.catalog->UpdateNote(bernd, 4242, "x", 1).status().code() == StatusCode::kNotFound);

  auto trail = f.catalog->AuditTrail("note", note->id);
  REQUIRE(trail.ok());
  REQUIRE(trail->size() == 2);
  CHECK(trail->back().action == "update");
  CHECK(trail->back().username == "bernd");
  CHECK_THAT(trail->back().before, Catch::Contains("Rückruf erbeten"));
  CHECK_THAT(trail->back().after, Catch::Contains("Rückruf erledigt"));
}

TEST_CASE("Catalog audits credential changes without any secret or hash",
          "[archive][credentials]") {
  CredentialsFixture f;
  const std::string password = "geheim-und-lang-genug";
  REQUIRE(f.catalog->SetPassword(f.admin, f.bernd.id, password).ok());
  auto issued = f.catalog->CreateToken(f.admin, f.bernd.id, "Export");
  REQUIRE(issued.ok());
  REQUIRE(f.catalog->RevokeToken(f.admin, issued->token.id).ok());
  User renamed = f.bernd;
  renamed.display_name = "B. Berger";
  REQUIRE(f.catalog->UpdateUser(f.admin, renamed).ok());
  const std::string stored_hash =
      RawText(f.dir / "catalog.db", "SELECT password_hash FROM users WHERE username = 'bernd'");
  const std::string token_hash =
      RawText(f.dir / "catalog.db", "SELECT secret_hash FROM api_tokens");
  REQUIRE(token_hash.size() == 64);

  std::vector<AuditEntry> entries = *f.catalog->AuditTrail("user", f.bernd.id);
  auto token_entries = *f.catalog->AuditTrail("api_token", issued->token.id);
  CHECK(token_entries.size() == 2);
  entries.insert(entries.end(), token_entries.begin(), token_entries.end());
  bool saw_password_change = false;
  for (const auto& entry : entries) {
    saw_password_change |= entry.action == "set_password";
    for (const auto& text : {entry.before, entry.after}) {
      CHECK(text.find(password) == std::string::npos);
      CHECK(text.find(issued->secret) == std::string::npos);
      CHECK(text.find(stored_hash) == std::string::npos);
      CHECK(text.find(token_hash) == std::string::npos);
      CHECK(text.find("scrypt") == std::string::npos);
      CHECK(text.find("hash") == std::string::npos);
    }
  }
  CHECK(saw_password_change);

  auto user_json = nlohmann::json::parse(ToJson(*f.catalog->GetUser(f.bernd.id)));
  CHECK_FALSE(user_json.contains("password_hash"));
  auto tokens_json = nlohmann::json::parse(ToJson(*f.catalog->ListTokens(f.bernd.id)));
  REQUIRE(tokens_json.size() == 1);
  CHECK(tokens_json[0]["name"] == "Export");
  CHECK(tokens_json.dump().find(token_hash) == std::string::npos);
}

}  // namespace
}  // namespace akte::archive
