// `akte init`'s password, `akte user passwd|edit` and `akte user token`: the
// real binary on a real data directory, checked against the catalog itself.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "akte/archive/catalog.h"
#include "akte_process.h"

namespace akte::cli {
namespace {

using test::Akte;
using test::InitializedAkte;

std::unique_ptr<archive::Catalog> OpenCatalog(const Akte& akte) {
  auto catalog = archive::Catalog::Open(akte.dir / "data/catalog.db");
  REQUIRE(catalog.ok());
  return std::move(catalog).value();
}

// The text between `before` and the end of its line (or `until`).
std::string After(const std::string& text, const std::string& before,
                  const std::string& until = "\n") {
  auto start = text.find(before);
  REQUIRE(start != std::string::npos);
  start += before.size();
  return text.substr(start, text.find(until, start) - start);
}

TEST_CASE("akte init prints a one-time password that signs the admin in", "[cli][credentials]") {
  Akte akte;
  auto r = akte.Ok({"init", "--admin", "jana", "--display-name", "Jana Schreiber"});
  CHECK_THAT(r.out, Catch::Contains("change it with `akte user passwd jana`"));
  const std::string password = After(r.out, "Initial password for 'jana': ", " ");
  CHECK(password.size() == 16);
  auto catalog = OpenCatalog(akte);
  auto user = catalog->CheckPassword("jana", password);
  REQUIRE(user.ok());
  CHECK(user->role == "admin");
  CHECK_FALSE(catalog->CheckPassword("jana", password + "x").ok());
}

TEST_CASE("akte user add prints a one-time password for the new user", "[cli][credentials]") {
  InitializedAkte akte;
  auto r = akte.Ok({"user", "add", "tobias", "--role", "staff"});
  const std::string password = After(r.out, "Initial password for 'tobias': ", " ");
  auto user = OpenCatalog(akte)->CheckPassword("tobias", password);
  REQUIRE(user.ok());
  CHECK(user->role == "staff");
}

TEST_CASE("akte user passwd reads the password from stdin or generates one", "[cli][credentials]") {
  InitializedAkte akte;
  akte.Ok({"user", "add", "tobias", "--role", "staff"});
  auto set = akte.Ok({"user", "passwd", "tobias"}, "Wartung-im-Juni-2025\n");
  CHECK_THAT(set.out, Catch::Contains("Set the password of 'tobias'"));
  CHECK(set.out.find("Wartung-im-Juni-2025") == std::string::npos);
  CHECK(OpenCatalog(akte)->CheckPassword("tobias", "Wartung-im-Juni-2025").ok());

  auto short_one = akte({"user", "passwd", "tobias"}, "kurz\n");
  CHECK(short_one.exit_code == 3);
  CHECK_THAT(short_one.err, Catch::Contains("at least 10 characters"));
  CHECK(akte({"user", "passwd", "tobias"}, "").exit_code == 3);
  CHECK(akte({"user", "passwd", "niemand"}, "Wartung-im-Juni-2025\n").exit_code == 4);

  auto generated = akte.Ok({"user", "passwd", "tobias", "--generate"});
  const std::string password = After(generated.out, "New password for 'tobias': ");
  CHECK(password.size() == 16);
  auto catalog = OpenCatalog(akte);
  CHECK(catalog->CheckPassword("tobias", password).ok());
  CHECK_FALSE(catalog->CheckPassword("tobias", "Wartung-im-Juni-2025").ok());
}

TEST_CASE("akte user token create shows the secret once, token list and revoke manage it",
          "[cli][credentials]") {
  InitializedAkte akte;
  akte.Ok({"user", "add", "tobias", "--role", "staff"});
  auto created = akte.Ok({"user", "token", "create", "tobias", "--label", "Buchhaltungs-Export"});
  CHECK_THAT(created.out, Catch::Contains("Created token 1 for 'tobias'"));
  const std::string secret = After(created.out, "shown only this once:\n");
  CHECK_THAT(secret, Catch::StartsWith("akte_"));
  auto user = OpenCatalog(akte)->UserForToken(secret);
  REQUIRE(user.ok());
  CHECK(user->username == "tobias");

  auto table = akte.Ok({"user", "token", "list", "tobias"}).out;
  CHECK_THAT(table, Catch::Contains("Buchhaltungs-Export"));
  CHECK_THAT(table, Catch::Contains("valid"));
  auto listed = akte.Ok({"user", "token", "list", "tobias", "--json"}).out;
  CHECK(listed.find(secret) == std::string::npos);
  auto tokens = nlohmann::json::parse(listed);
  REQUIRE(tokens.size() == 1);
  CHECK(tokens[0]["name"] == "Buchhaltungs-Export");
  CHECK(tokens[0]["revoked_at"] == "");

  CHECK_THAT(akte.Ok({"user", "token", "revoke", "1"}).out, Catch::Contains("Revoked token 1"));
  auto revoked = OpenCatalog(akte)->UserForToken(secret);
  REQUIRE_FALSE(revoked.ok());
  CHECK(revoked.status().code() == StatusCode::kUnauthenticated);
  tokens = nlohmann::json::parse(akte.Ok({"user", "token", "list", "tobias", "--json"}).out);
  CHECK(tokens[0]["revoked_at"] != "");
  CHECK(akte({"user", "token", "revoke", "99"}).exit_code == 4);
  CHECK(akte({"user", "token", "create", "tobias"}).exit_code == 2);  // --label is required
}

TEST_CASE("akte user edit changes a role and will not disable the last admin",
          "[cli][credentials]") {
  InitializedAkte akte;
  akte.Ok({"user", "add", "tobias", "--role", "staff"});
  auto last = akte({"user", "edit", "admin", "--disable"});
  CHECK(last.exit_code == 5);
  CHECK_THAT(last.err, Catch::Contains("last enabled admin"));
  akte.Ok({"user", "edit", "tobias", "--role", "admin", "--name", "Tobias Brandt"});
  akte.Ok({"--user", "tobias", "user", "edit", "admin", "--disable"});
  auto users = nlohmann::json::parse(akte.Ok({"user", "list", "--json"}).out);
  REQUIRE(users.size() == 2);
  CHECK(users[0]["disabled"] == true);
  CHECK(users[1]["role"] == "admin");
  CHECK(users[1]["display_name"] == "Tobias Brandt");
  CHECK_FALSE(users[0].contains("password_hash"));
  CHECK(akte({"user", "edit", "tobias", "--disable", "--enable"}).exit_code == 2);
}

}  // namespace
}  // namespace akte::cli
