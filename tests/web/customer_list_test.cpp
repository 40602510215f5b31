// The customer list: escaping of what customers typed, and the filter.
#include <catch2/catch.hpp>

#include "web_fixture.h"

namespace akte::test {

TEST_CASE("a company named like a script tag is shown as text, not run", "[web]") {
  WebTest web;
  const std::string evil = "<script>alert(1)</script>";
  const std::string image = "<img src=x onerror=\"document.title='pwned'\">";
  web.AddCustomer("10001", evil);
  web.AddCustomer("10002", image);
  web.AddCustomer("10003", "Gärtnerei Blum");
  auto& b = web.browser();
  web.LogIn("staff");
  const int scripts = b.ExecuteScript("return document.querySelectorAll('script').length;");
  web.Open("#/customers");

  REQUIRE(b.WaitForText("table#customer-list tr.customer-row", "Gärtnerei Blum"));
  auto row = b.WaitForText("table#customer-list tr.customer-row", evil);
  INFO("the customer list should show the company name literally");
  REQUIRE(row);
  CHECK(b.WaitForText("table#customer-list tr.customer-row", image));
  CHECK_FALSE(b.AlertText());
  CHECK(b.ExecuteScript("return document.querySelectorAll('script').length;") == scripts);
  CHECK(b.FindAllIn(*row, "script").empty());
  CHECK(b.FindAll("table#customer-list img").empty());
  CHECK(b.ExecuteScript("return document.title;") != "pwned");
}

TEST_CASE("typing in the customer filter narrows the rows", "[web]") {
  WebTest web;
  web.AddCustomer("20001", "Gärtnerei Blum");
  web.AddCustomer("20002", "Bäckerei Korn");
  web.AddCustomer("20003", "Metzgerei Wurst");
  web.AddCustomer("20004", "Blumenhaus Rose");
  auto& b = web.browser();
  web.LogIn("staff");
  web.Open("#/customers");

  REQUIRE(b.WaitUntil([&] { return b.FindAll("tr.customer-row[data-id]").size() == 4; }));
  b.Type(b.Find("input#customer-filter"), "Korn");
  const auto only = [&](const std::string& company) {
    const auto rows = b.FindAll("tr.customer-row[data-id]");
    return rows.size() == 1 && b.Text(rows[0]).find(company) != std::string::npos;
  };
  std::size_t rows = 0;
  const bool narrowed = b.WaitUntil([&] {
    try {
      rows = b.FindAll("tr.customer-row[data-id]").size();
      return only("Bäckerei Korn");
    } catch (const WebDriverError&) {
      return false;  // re-rendered while reading
    }
  });
  INFO("rows after typing 'Korn': " << rows);
  CHECK(narrowed);

  // Clearing the filter brings every customer back.
  std::string backspaces;
  for (int i = 0; i < 4; ++i) backspaces += keys::kBackspace;
  b.Type(b.Find("input#customer-filter"), backspaces);
  CHECK(b.WaitUntil([&] { return b.FindAll("tr.customer-row[data-id]").size() == 4; }));
}

TEST_CASE("the new-customer form shows the server's refusal next to the field", "[web]") {
  WebTest web;
  web.AddCustomer("30001", "Bäckerei Korn");
  auto& b = web.browser();
  web.LogIn("staff");
  web.Open("#/customers");
  b.Click(b.Find("button#customer-new"));
  b.Type(b.Find("form#customer-form #customer-form-number"), "30001");
  b.Type(b.Find("form#customer-form #customer-form-company"), "Zweite Bäckerei");
  b.Click(b.Find("form#customer-form button[type=submit]"));
  // The number is taken: the message stands beside it, in German, and
  // nothing was added.
  INFO("the error line of the number field should say it is taken");
  CHECK(b.WaitForText("#customer-form-number-error", "Kundennummer ist schon vergeben"));
  CHECK(b.Attribute(b.Find("#customer-form-number"), "aria-invalid") == "true");
  auto listed = web.api().dir().catalog().ListCustomers();
  REQUIRE(listed.ok());
  CHECK(listed->size() == 1);
}

}  // namespace akte::test
