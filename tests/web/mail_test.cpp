// Writing email from the customer file through a real SMTP server on
// 127.0.0.1 (tests/support/smtp_sink.py), logging calls and SMS from the
// phone links as the history settings say, and the admin's forms for both.
#include <catch2/catch.hpp>

#include "akte/archive/mail_sending.h"
#include "smtp_sink.h"
#include "web_fixture.h"

namespace akte::test {
namespace {

void Set(WebTest& web, const std::string& key, const std::string& value) {
  auto& catalog = web.api().dir().catalog();
  REQUIRE(catalog.SetSetting(*catalog.ActorFor("admin"), key, value).ok());
}

// Customer 57001 with contact Thomas Weber (an address and a mobile).
archive::Id Seed(WebTest& web) {
  const auto customer = web.AddCustomer("57001", "Gärtnerei Blum");
  auto& catalog = web.api().dir().catalog();
  archive::Contact contact;
  contact.customer_id = customer;
  contact.first_name = "Thomas";
  contact.last_name = "Weber";
  contact.emails = {"t.weber@blum.example"};
  contact.phones = {archive::Phone{"mobile", "0171 9876543"}};
  REQUIRE(catalog.CreateContact(*catalog.ActorFor("admin"), contact).ok());
  return customer;
}

std::vector<archive::Event> Events(WebTest& web, archive::Id customer) {
  auto file = web.api().dir().catalog().GetCustomerFile(customer);
  REQUIRE(file.ok());
  return file->events;
}

}  // namespace

TEST_CASE("a writer sends an email from a contact card, with a note for the history", "[web]") {
  WebTest web;
  SmtpSink sink;
  const auto customer = Seed(web);
  Set(web, "smtp.host", "127.0.0.1");
  Set(web, "smtp.port", std::to_string(sink.port()));
  Set(web, "smtp.security", "none");
  Set(web, "smtp.from", "buero@blum-partner.example");
  Set(web, "history.email", "ask");
  auto& b = web.browser();
  web.LogIn("staff");
  web.Open("#/customers/" + std::to_string(customer) + "/ansprechpartner");
  b.Click(b.Find("#contact-list .contact .mail-write"));
  b.Find("#mail-compose");
  CHECK(b.Text(b.Find("#mail-form-to")).find("Thomas Weber <t.weber@blum.example>") !=
        std::string::npos);
  b.Type(b.Find("#mail-form-subject"), "Pflanzplan für März");
  b.Type(b.Find("#mail-form-text"), "Guten Tag Herr Weber,\nanbei der Plan.");
  b.Type(b.Find("#mail-form-remarks"), "Plan wie besprochen geschickt");
  b.Click(b.Find("#mail-form button[type=submit]"));
  CHECK(b.WaitForText("#mail-status", "Gesendet an t.weber@blum.example"));
  CHECK(b.Text(b.Find("#mail-status")).find("in der Historie vermerkt") != std::string::npos);

  auto received = sink.Received();
  REQUIRE(received.size() == 1);
  ParsedMail mail = ParseMail(received[0].data);
  CHECK(mail.subject == "Pflanzplan für März");
  CHECK(mail.to == "Thomas Weber <t.weber@blum.example>");
  CHECK(mail.body == "Guten Tag Herr Weber,\nanbei der Plan.\n");
  auto events = Events(web, customer);
  REQUIRE(events.size() == 1);
  CHECK(events[0].type == "E-Mail ausgehend");
  CHECK(events[0].text == "Plan wie besprochen geschickt");
  CHECK(events[0].author == "staff");
}

TEST_CASE("a refused email is explained in the form and nothing is filed", "[web]") {
  WebTest web;
  SmtpSink sink;
  const auto customer = Seed(web);
  Set(web, "smtp.host", "127.0.0.1");
  Set(web, "smtp.port", std::to_string(sink.port()));
  Set(web, "smtp.from", "buero@blum-partner.example");  // starttls: the sink has none
  auto& b = web.browser();
  web.LogIn("staff");
  web.Open("#/customers/" + std::to_string(customer) + "/ansprechpartner");
  b.Click(b.Find("#contact-list .contact .mail-write"));
  CHECK(b.FindAll("#mail-form-remarks").empty());  // history.email is auto
  b.Type(b.Find("#mail-form-subject"), "Hallo");
  b.Click(b.Find("#mail-form button[type=submit]"));
  CHECK(b.WaitForText("#mail-form .form-error", "Der Mailserver hat die E-Mail nicht angenommen"));
  CHECK(b.Text(b.Find("#mail-form .form-error")).find("STARTTLS") != std::string::npos);
  CHECK(sink.Received().empty());
  CHECK(web.api().dir().catalog().ListDocuments(customer)->empty());
}

TEST_CASE("phone links record calls and SMS as the history settings say", "[web]") {
  WebTest web;
  const auto customer = Seed(web);
  Set(web, "history.sms", "ask");
  auto& b = web.browser();
  web.LogIn("staff");
  web.Open("#/customers/" + std::to_string(customer) + "/ansprechpartner");
  // A headless browser has no phone program: note which links were opened
  // for real (after akte's own handling) instead of leaving the page.
  b.ExecuteScript(
      "window.opened = []; window.addEventListener('click', (e) => {"
      "  const a = e.target.closest('a[href^=\"tel:\"], a[href^=\"sms:\"]');"
      "  if (a && !e.defaultPrevented) { e.preventDefault(); window.opened.push(a.href); }"
      "}); return 0;");
  // history.call is auto: the call is recorded at once.
  b.Click(b.Find("#contact-list .contact .phone-call"));
  CHECK(b.WaitForText(".calllog-status", "Anruf in der Historie vermerkt."));
  auto events = Events(web, customer);
  REQUIRE(events.size() == 1);
  CHECK(events[0].type == "Anruf ausgehend");
  CHECK(events[0].contact_id.has_value());

  // history.sms is ask: a note first.
  b.Click(b.Find("#contact-list .contact .phone-sms"));
  b.Type(b.Find("#calllog-form-text"), "Termin bestätigt");
  b.Click(b.Find("#calllog-form button[type=submit]"));
  CHECK(b.WaitUntil([&] { return Events(web, customer).size() == 2; }));
  bool sms = false;
  for (const auto& event : Events(web, customer)) {
    if (event.type == "SMS ausgehend") sms = event.text == "Termin bestätigt";
  }
  CHECK(sms);

  // history.call none: only the link.
  Set(web, "history.call", "none");
  b.Click(b.Find("#contact-list .contact .phone-call"));
  CHECK(
      b.WaitUntil([&] { return b.ExecuteScript("return window.opened.length").get<int>() == 3; }));
  CHECK(Events(web, customer).size() == 2);
  CHECK(b.ExecuteScript("return window.opened").dump() ==
        R"(["tel:01719876543","sms:01719876543","tel:01719876543"])");
}

TEST_CASE("an admin sets the mail server and the history settings", "[web]") {
  WebTest web;
  auto& b = web.browser();
  web.LogIn("admin");
  web.Open("#/settings");
  b.Type(b.Find("#smtp-form-host"), "smtp.blum-partner.example");
  b.Type(b.Find("#smtp-form-password"), "Ganz-Geheim-7");
  b.Type(b.Find("#smtp-form-from"), "buero@blum-partner.example");
  b.Click(b.Find("#smtp-form button[type=submit]"));
  CHECK(b.WaitForText("#smtp-status", "Gespeichert."));
  auto& catalog = web.api().dir().catalog();
  CHECK(catalog.GetSetting("smtp.host")->value_or("") == "smtp.blum-partner.example");
  CHECK(catalog.GetSetting("smtp.password")->value_or("") == "Ganz-Geheim-7");
  CHECK(b.Property(b.Find("#smtp-form-password"), "value") == "");
  CHECK(b.PageSource().find("Ganz-Geheim-7") == std::string::npos);

  b.Clear(b.Find("#smtp-form-port"));
  b.Type(b.Find("#smtp-form-port"), "99999");
  b.Click(b.Find("#smtp-form button[type=submit]"));
  CHECK(b.WaitForText("#smtp-form-port-error", "65535"));

  b.ExecuteScript(
      "const s = document.querySelector('#history-form-call'); s.value = 'ask';"
      "s.dispatchEvent(new Event('change')); return 0;");
  b.Click(b.Find("#history-form button[type=submit]"));
  CHECK(b.WaitForText("#history-status", "Gespeichert."));
  auto history = archive::LoadHistorySettings(catalog);
  REQUIRE(history.ok());
  CHECK(history->call == "ask");
  CHECK(history->email == "auto");
}

}  // namespace akte::test
