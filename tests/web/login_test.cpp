// Logging in and out through the page, and its language.
#include <catch2/catch.hpp>

#include "web_fixture.h"

namespace akte::test {
namespace {

// True once the element matching `css` is absent or hidden.
bool Gone(Browser& browser, const std::string& css) {
  for (const auto& element : browser.FindAll(css)) {
    try {
      if (browser.Displayed(element)) return false;
    } catch (const WebDriverError&) {
      // Removed while looking: gone.
    }
  }
  return true;
}

}  // namespace

TEST_CASE("a wrong password shows a message and stays on the login page", "[web]") {
  WebTest web;
  auto& b = web.browser();
  web.Open();
  b.Type(b.Find("input#login-username"), "staff");
  b.Type(b.Find("input#login-password"), "falsch-geraten");
  b.Click(b.Find("button#login-submit"));

  auto error = b.WaitFor("#login-error", [](Browser& browser, const Browser::Element& element) {
    return browser.Displayed(element) && !browser.Text(element).empty();
  });
  REQUIRE(error);
  CHECK(b.Displayed(b.Find("form#login")));
  CHECK(Gone(b, "#user-name"));
  CHECK(b.Url().find("#/login") != std::string::npos);
  // The password field is not left holding the wrong password's page state
  // only: a second, right attempt from the same form works.
  b.Clear(b.Find("input#login-password"));
  b.Type(b.Find("input#login-password"), kPassword);
  b.Click(b.Find("button#login-submit"));
  CHECK(b.WaitForText("#user-name", "staff"));
}

TEST_CASE("the right password shows the user in the top bar", "[web]") {
  WebTest web;
  auto& b = web.browser();
  web.LogIn("admin");
  auto name = b.WaitFor("#user-name", [](Browser& browser, const Browser::Element& element) {
    const std::string text = browser.Text(element);
    return text.find(kAdminName) != std::string::npos || text.find("admin") != std::string::npos;
  });
  CHECK(name);
  CHECK(b.Displayed(b.Find("input#search")));
  CHECK(b.Displayed(b.Find("button#logout")));
  CHECK(b.Displayed(b.Find("select#language")));
  CHECK(b.Url().find("#/login") == std::string::npos);

  // The session outlives a reload: it is the server's cookie, not page state.
  b.Refresh();
  CHECK(b.WaitFor("#user-name", [](Browser& browser, const Browser::Element& element) {
    return browser.Displayed(element) && !browser.Text(element).empty();
  }));
}

TEST_CASE("logging out returns to the login page and ends the session", "[web]") {
  WebTest web;
  auto& b = web.browser();
  web.LogIn("staff");
  b.Click(b.Find("button#logout"));

  auto form = b.WaitFor("form#login", [](Browser& browser, const Browser::Element& element) {
    return browser.Displayed(element);
  });
  REQUIRE(form);
  CHECK(b.WaitUntil([&] { return Gone(b, "#user-name"); }));
  // The server forgot the session: a reload does not log back in.
  b.Refresh();
  CHECK(b.WaitFor("form#login", [](Browser& browser, const Browser::Element& element) {
    return browser.Displayed(element);
  }));
  CHECK(Gone(b, "#user-name"));
}

TEST_CASE("German by default, English after choosing it in select#language", "[web]") {
  WebTest web;  // a browser set to German, as at the firm
  auto& b = web.browser();
  web.LogIn("staff");
  INFO("the logout button says '" << b.Text(b.Find("button#logout")) << "' by default");
  REQUIRE(b.WaitForText("button#logout", "Abmelden"));

  const auto english = b.ExecuteScript(
      "const options = [...document.querySelectorAll('select#language option')];"
      "const en = options.find(o => o.value.startsWith('en') || /english/i.test(o.textContent));"
      "return en ? en.value : null;");
  REQUIRE(english.is_string());
  b.Click(b.Find("select#language option[value='" + english.get<std::string>() + "']"));

  std::string label;
  CHECK(b.WaitUntil([&] {
    try {
      label = b.Text(b.Find("button#logout"));
    } catch (const WebDriverError&) {
      return false;  // re-rendered
    }
    return label.find("Abmelden") == std::string::npos && !label.empty();
  }));
  INFO("the logout button says '" << label << "' in English");
  CHECK((label.find("out") != std::string::npos || label.find("Out") != std::string::npos));

  // The choice is remembered across a reload.
  b.Refresh();
  CHECK(b.WaitForText("button#logout", label));
  CHECK(b.Property(b.Find("select#language"), "value") == english);
}

TEST_CASE("an ended session sends the user to the login page and back to where they were",
          "[web]") {
  WebTest web;
  const auto id = web.AddCustomer("32001", "Gärtnerei Blum");
  auto& b = web.browser();
  web.LogIn("staff");
  const auto secret = b.Cookie("akte_session");
  REQUIRE(secret);
  // The session ends on the server (expiry, or a logout elsewhere).
  REQUIRE(web.api().dir().catalog().EndSession(*secret).ok());

  const std::string file = "#/customers/" + std::to_string(id);
  web.Open(file);
  auto message = b.WaitFor("#login-error", [](Browser& browser, const Browser::Element& element) {
    return browser.Displayed(element) && !browser.Text(element).empty();
  });
  REQUIRE(message);
  CHECK(b.Text(*message) == "Sitzung abgelaufen – bitte erneut anmelden");
  CHECK(Gone(b, "#user-name"));

  b.Type(b.Find("input#login-username"), "staff");
  b.Type(b.Find("input#login-password"), kPassword);
  b.Click(b.Find("button#login-submit"));
  CHECK(b.WaitForText("#customer-file #customer-name", "Gärtnerei Blum"));
  CHECK(b.Url().find(file) != std::string::npos);
}

}  // namespace akte::test
