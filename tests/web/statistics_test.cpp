// The Statistik tab: a customer's figures, business records and account
// statement; recording records and payments there; and business records
// and payments in the Historie tab.
#include <catch2/catch.hpp>
#include <chrono>
#include <string_view>

#include "akte/archive/time.h"
#include "web_fixture.h"

namespace akte::test {
namespace {

using std::chrono::days;
using std::chrono::system_clock;

archive::Actor Admin(WebTest& web) {
  auto admin = web.api().dir().catalog().ActorFor("admin");
  REQUIRE(admin.ok());
  return *admin;
}

// "YYYY-MM-DD", `offset` from today (UTC).
std::string Day(days offset = days(0)) {
  return FormatUtc(system_clock::now() + offset).substr(0, 10);
}

archive::BusinessRecord AddInvoice(WebTest& web, archive::Id customer, const std::string& number,
                                   const std::string& date, const std::string& due,
                                   std::int64_t net_cents) {
  archive::BusinessRecord draft;
  draft.customer_id = customer;
  draft.kind = archive::kRecordInvoice;
  draft.number = number;
  draft.record_date = date;
  draft.due_date = due;
  draft.subject = "Pflanzen " + number;
  draft.net_cents = net_cents;
  draft.tax_cents = net_cents * 19 / 100;
  auto stored = web.api().dir().catalog().AddBusinessRecord(Admin(web), draft);
  INFO(stored.status().message());
  REQUIRE(stored.ok());
  return *stored;
}

// A customer with an open-items limit of 2.000,00 €, an invoice of
// 1.190,00 € due in a month of which 500,00 € are paid, and an overdue
// one of 2.380,00 €: 3.070,00 € open, 2.380,00 € of them overdue.
struct Account {
  archive::Id customer = 0;
  archive::BusinessRecord partly_paid;
  archive::BusinessRecord overdue;
};

Account SeedAccount(WebTest& web) {
  Account account;
  account.customer = web.AddCustomer("60001", "Gärtnerei Blum");
  auto& catalog = web.api().dir().catalog();
  archive::Conditions conditions;
  conditions.customer_id = account.customer;
  conditions.open_invoice_limit_cents = 200000;
  REQUIRE(catalog.SetConditions(Admin(web), conditions).ok());
  account.overdue =
      AddInvoice(web, account.customer, "RE-0007", "2024-01-10", "2024-02-09", 200000);
  account.partly_paid = AddInvoice(web, account.customer, "RE-0012", Day(), Day(days(30)), 100000);
  auto paid = catalog.AddPayment(
      Admin(web), archive::Payment{0, account.partly_paid.id, Day(), 50000, "Anzahlung", "", ""});
  INFO(paid.status().message());
  REQUIRE(paid.ok());
  return account;
}

// The element's text with the no-break spaces of formatted amounts
// ("3.070,00 €") as plain ones.
std::string Shown(Browser& b, const Browser::Element& element) {
  std::string text = b.Text(element);
  for (std::string_view space : {"\xC2\xA0", "\xE2\x80\xAF"}) {
    for (auto at = text.find(space); at != std::string::npos; at = text.find(space, at)) {
      text.replace(at, space.size(), " ");
    }
  }
  return text;
}

// Waits for an element matching `css` whose text (as Shown) contains `text`.
std::optional<Browser::Element> WaitForShown(Browser& b, const std::string& css,
                                             const std::string& text) {
  return b.WaitFor(css, [&](Browser& browser, const Browser::Element& element) {
    return Shown(browser, element).find(text) != std::string::npos;
  });
}

std::string Figure(const std::string& key) {
  return "#statistics-figures dd[data-figure=" + key + "]";
}

std::string RecordRow(archive::Id id) {
  return "#record-list tr.record-row[data-id='" + std::to_string(id) + "']";
}

void OpenTab(WebTest& web, archive::Id customer, const std::string& tab) {
  web.Open("#/customers/" + std::to_string(customer) + "/" + tab);
  REQUIRE(web.browser().WaitForText("#customer-name", "Gärtnerei Blum"));
}

}  // namespace

TEST_CASE("the Statistik tab shows open and overdue amounts, the limit warning and the balance",
          "[web]") {
  WebTest web;
  const auto account = SeedAccount(web);
  auto& b = web.browser();
  web.LogIn("staff");
  OpenTab(web, account.customer, "statistik");

  CHECK(WaitForShown(b, Figure("open"), "3.070,00 €"));
  CHECK(WaitForShown(b, Figure("overdue"), "2.380,00 €"));
  CHECK(WaitForShown(b, Figure("invoices"), "2"));
  CHECK(WaitForShown(b, Figure("limit"), "2.000,00 €"));
  CHECK(WaitForShown(b, Figure("revenue"), "3.000,00 €"));
  CHECK(WaitForShown(b, Figure("days-to-pay"), "–"));
  auto warning = WaitForShown(b, "#limit-warning[role=alert]",
                              "Offene Posten (3.070,00 €) überschreiten das Limit von 2.000,00 €.");
  REQUIRE(warning);
  CHECK(b.Displayed(*warning));

  // The records: each invoice's payment state, the overdue one marked.
  CHECK(WaitForShown(b, RecordRow(account.partly_paid.id), "teilweise bezahlt"));
  CHECK(WaitForShown(b, RecordRow(account.partly_paid.id), "offen: 690,00 €"));
  CHECK(Shown(b, b.Find(RecordRow(account.partly_paid.id))).find("überfällig") ==
        std::string::npos);
  CHECK(WaitForShown(b, RecordRow(account.overdue.id), "überfällig"));
  CHECK(WaitForShown(b, RecordRow(account.overdue.id), "2.380,00 €"));

  // The statement: invoices, the payment, the final balance, and its links.
  CHECK(b.FindAll("#statement-lines tbody tr.statement-line").size() == 3);
  CHECK(WaitForShown(b, "#statement-lines tr.statement-line[data-kind=payment]", "500,00 €"));
  CHECK(WaitForShown(b, "#statement-balance", "3.070,00 €"));
  const auto path = "/api/v1/customers/" + std::to_string(account.customer) + "/statement";
  // The attribute, or the absolute address the browser made of it.
  CHECK(
      b.Attribute(b.Find("a#statement-csv"), "href").value_or("").ends_with(path + "?format=csv"));
  CHECK(b.Attribute(b.Find("a#statement-print"), "href")
            .value_or("")
            .ends_with(path + "?format=html"));
  CHECK(b.Attribute(b.Find("a#statement-print"), "target") == "_blank");
}

TEST_CASE("a payment recorded in the Statistik tab lowers the open amount", "[web]") {
  WebTest web;
  const auto account = SeedAccount(web);
  auto& b = web.browser();
  web.LogIn("staff");
  OpenTab(web, account.customer, "statistik");
  REQUIRE(WaitForShown(b, Figure("open"), "3.070,00 €"));
  // Each invoice that still owes money offers a payment form.
  CHECK(b.FindAll("#record-list button.payment-add").size() == 2);

  b.Click(b.Find(RecordRow(account.overdue.id) + " button.payment-add"));
  const std::string form = "#payment-form-" + std::to_string(account.overdue.id);
  // The amount defaults to what is still owed, in German notation.
  const auto amount = b.Find(form + "-amount");
  CHECK(b.Property(amount, "value") == "2.380,00");
  b.Clear(amount);
  b.Type(amount, "380,00");
  b.Type(b.Find(form + "-note"), "Teilzahlung per Überweisung");
  b.Click(b.Find(form + " button[type=submit]"));

  CHECK(WaitForShown(b, Figure("open"), "2.690,00 €"));
  CHECK(WaitForShown(b, Figure("overdue"), "2.000,00 €"));
  CHECK(WaitForShown(b, "#statement-balance", "2.690,00 €"));
  CHECK(WaitForShown(b, "#statistics-notice", "Zahlung von 380,00 € zu RE-0007 gespeichert."));
  CHECK(WaitForShown(b, RecordRow(account.overdue.id), "teilweise bezahlt"));
  // Still above the limit.
  CHECK(WaitForShown(b, "#limit-warning", "Offene Posten (2.690,00 €)"));

  auto stored = web.api().dir().catalog().GetBusinessRecord(account.overdue.id);
  REQUIRE(stored.ok());
  CHECK(stored->outstanding_cents == 200000);
  REQUIRE(stored->payments.size() == 1);
  CHECK(stored->payments[0].amount_cents == 38000);
  CHECK(stored->payments[0].note == "Teilzahlung per Überweisung");
  CHECK(stored->payments[0].author == "staff");
}

TEST_CASE("a payment above what is owed is refused next to the amount", "[web]") {
  WebTest web;
  const auto account = SeedAccount(web);
  auto& b = web.browser();
  web.LogIn("staff");
  OpenTab(web, account.customer, "statistik");
  b.Click(b.Find(RecordRow(account.partly_paid.id) + " button.payment-add"));
  const std::string form = "#payment-form-" + std::to_string(account.partly_paid.id);
  const auto amount = b.Find(form + "-amount");
  CHECK(b.Property(amount, "value") == "690,00");
  b.Clear(amount);
  b.Type(amount, "700");
  b.Click(b.Find(form + " button[type=submit]"));

  CHECK(WaitForShown(b, form + "-amount-error", "nicht mehr sein, als offen ist"));
  CHECK(b.Attribute(b.Find(form + "-amount"), "aria-invalid") == "true");
  auto stored = web.api().dir().catalog().GetBusinessRecord(account.partly_paid.id);
  REQUIRE(stored.ok());
  CHECK(stored->payments.size() == 1);
}

TEST_CASE("a record entered in the Statistik tab is stored with 19 % tax suggested", "[web]") {
  WebTest web;
  const auto account = SeedAccount(web);
  auto& b = web.browser();
  web.LogIn("staff");
  OpenTab(web, account.customer, "statistik");
  b.Click(b.Find("#record-add > summary"));
  CHECK(b.Property(b.Find("#record-form-kind"), "value") == "invoice");
  b.Type(b.Find("#record-form-number"), "RE-0013");
  b.Type(b.Find("#record-form-subject"), "Frühjahrspflanzung");
  b.Type(b.Find("#record-form-net"), "1.250,00");
  CHECK(b.WaitUntil([&] { return b.Property(b.Find("#record-form-tax"), "value") == "237,50"; }));
  CHECK(WaitForShown(b, "#record-form-gross", "1.487,50 €"));
  b.Click(b.Find("#record-form button[type=submit]"));

  CHECK(WaitForShown(b, "#statistics-notice", "Rechnung RE-0013 gespeichert."));
  CHECK(WaitForShown(b, "#record-list tr.record-row", "Frühjahrspflanzung"));
  auto stored = web.api().dir().catalog().FindBusinessRecord(archive::kRecordInvoice, "RE-0013");
  REQUIRE(stored.ok());
  CHECK(stored->net_cents == 125000);
  CHECK(stored->tax_cents == 23750);
  CHECK(stored->gross_cents == 148750);
  CHECK(stored->author == "staff");

  // A number the kind already has is refused next to the number; a dunning
  // letter offers only invoices that still owe money to follow.
  b.Click(b.Find("#record-add > summary"));
  b.Type(b.Find("#record-form-number"), "RE-0013");
  b.Type(b.Find("#record-form-net"), "10");
  b.Click(b.Find("#record-form button[type=submit]"));
  CHECK(WaitForShown(b, "#record-form-number-error", "schon vergeben"));
  b.Click(b.Find("#record-form-kind option[value=dunning]"));
  CHECK_FALSE(b.Displayed(b.Find("#record-form-net")));
  CHECK(b.Displayed(b.Find("#record-form-fee")));
  const auto options = b.FindAll("#record-form-previous-id option[value]:not([value=''])");
  CHECK(options.size() == 3);  // RE-0013, RE-0012 and RE-0007 all owe money
}

TEST_CASE("a read-only user sees the figures but no forms in the Statistik tab", "[web]") {
  WebTest web;
  const auto account = SeedAccount(web);
  auto& b = web.browser();
  web.LogIn("readonly");
  OpenTab(web, account.customer, "statistik");
  REQUIRE(WaitForShown(b, Figure("open"), "3.070,00 €"));
  CHECK(b.FindAll("button.payment-add").empty());
  CHECK(b.FindAll("#record-form").empty());
  CHECK(b.FindAll("#record-add").empty());
}

TEST_CASE("the Historie tab lists business records and payments and filters by them", "[web]") {
  WebTest web;
  const auto account = SeedAccount(web);
  web.AddNote(account.customer, "Rückruf wegen Mahnung");
  auto& b = web.browser();
  web.LogIn("staff");
  OpenTab(web, account.customer, "historie");
  const auto shown = [&](std::size_t count) {
    return b.WaitUntil([&] { return b.FindAll("#history-list li").size() == count; });
  };
  REQUIRE(WaitForShown(b, "#history-list li.kind-record", "Rechnung RE-0007"));
  CHECK(shown(4));  // the note, two invoices, one payment

  b.Click(b.Find("#history-kind option[value=record]"));
  CHECK(shown(2));
  CHECK(WaitForShown(b, "#history-list li.kind-record", "Pflanzen RE-0012 · 1.190,00 €"));
  CHECK(WaitForShown(b, "#history-list li.kind-record", "10.01.2024"));

  b.Click(b.Find("#history-kind option[value=payment]"));
  CHECK(shown(1));
  auto payment = WaitForShown(b, "#history-list li.kind-payment", "Zahlung 500,00 € zu RE-0012");
  REQUIRE(payment);
  CHECK(Shown(b, *payment).find("Anzahlung") != std::string::npos);

  // The payment leads to its invoice in the Statistik tab.
  b.Click(b.FindAllIn(*payment, "a").at(0));
  const auto row = RecordRow(account.partly_paid.id);
  CHECK(b.WaitFor(row + ".focused", [](Browser&, const Browser::Element&) { return true; }));
  CHECK(b.WaitUntil([&] {
    return b.ExecuteScript("return document.activeElement.dataset.id || '';") ==
           std::to_string(account.partly_paid.id);
  }));
}

}  // namespace akte::test
