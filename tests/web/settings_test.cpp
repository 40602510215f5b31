// The admin's settings: adding a user and creating an API token, each
// secret shown once on the page.
#include <catch2/catch.hpp>

#include "web_fixture.h"

namespace akte::test {

TEST_CASE("an admin adds a user and creates a token in the settings", "[web]") {
  WebTest web;
  auto& b = web.browser();
  web.LogIn("admin");
  web.Open("#/settings");
  // The form sits in a closed <details> until opened; the page first reads
  // the firm's time zone and the users.
  b.Find("#user-form");
  b.ExecuteScript("document.querySelector('#user-form').closest('details').open = true; return 0;");
  b.Type(b.Find("#user-form-username"), "tobias");
  b.Click(b.Find("#user-form button[type=submit]"));
  CHECK(b.WaitForText("table#user-list", "tobias"));
  auto user = web.api().dir().catalog().FindUser("tobias");
  REQUIRE(user.ok());
  CHECK(user->role == "staff");

  b.Type(b.Find("#token-form-name"), "Buchhaltung");
  b.Click(b.Find("#token-form button[type=submit]"));
  REQUIRE(b.WaitForText("#token-secret", "akte_"));
  const std::string secret = b.Text(b.Find("#token-secret"));
  CHECK(web.api().dir().catalog().UserForToken(secret).ok());
  CHECK(b.WaitForText("table#token-list", "Buchhaltung"));
}

}  // namespace akte::test
