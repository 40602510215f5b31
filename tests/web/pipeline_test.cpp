// Prospects in the web page: the pipeline status in the customer file, the
// conversion to a customer, the customer list's status filter, and renaming
// a type in the settings.
#include <catch2/catch.hpp>

#include "web_fixture.h"

namespace akte::test {
namespace {

archive::Actor Admin(WebTest& web) {
  auto admin = web.api().dir().catalog().ActorFor("admin");
  REQUIRE(admin.ok());
  return *admin;
}

archive::Id AddProspect(WebTest& web, const std::string& number, const std::string& company) {
  archive::Customer draft;
  draft.number = number;
  draft.kind = archive::kKindProspect;
  draft.company = company;
  auto created = web.api().dir().catalog().CreateCustomer(Admin(web), draft);
  REQUIRE(created.ok());
  return created->id;
}

archive::Customer Stored(WebTest& web, archive::Id id) {
  auto customer = web.api().dir().catalog().GetCustomer(id);
  REQUIRE(customer.ok());
  return *customer;
}

// Chooses `value` in a <select> and tells the page, as a user's pick would.
void Choose(Browser& b, const std::string& css, const std::string& value) {
  b.ExecuteScript(
      "const select = arguments[0]; select.value = arguments[1];"
      "select.dispatchEvent(new Event('change')); return select.value;",
      nlohmann::json::array({Browser::AsArgument(b.Find(css)), value}));
}

// Makes window.confirm answer `answer` and remember what it asked.
void AnswerConfirm(Browser& b, bool answer) {
  b.ExecuteScript(
      "window.confirmAsked = null; const answer = arguments[0];"
      "window.confirm = (text) => { window.confirmAsked = text; return answer; }; return 0;",
      nlohmann::json::array({answer}));
}

void ClickCentered(Browser& b, const std::string& css) {
  const auto element = b.Find(css);
  b.ExecuteScript("arguments[0].scrollIntoView({block: 'center'}); return 0;",
                  nlohmann::json::array({Browser::AsArgument(element)}));
  b.Click(element);
}

}  // namespace

TEST_CASE("a prospect's status is changed in its file and it is converted to a customer",
          "[web][prospects]") {
  WebTest web;
  const auto id = AddProspect(web, "I-7", "Spedition Krüger");
  web.AddCustomer("10001", "Müller GmbH");
  auto& b = web.browser();
  web.LogIn("staff");
  web.Open("#/customers/" + std::to_string(id) + "/historie");
  REQUIRE(b.WaitForText("#pipeline-current", "neu"));

  Choose(b, "#pipeline-status", "offer_sent");
  b.Type(b.Find("#pipeline-remark"), "Angebot A-17 verschickt");
  ClickCentered(b, "#pipeline-save");
  REQUIRE(b.WaitForText("#pipeline-current", "Angebot gesendet"));
  CHECK(b.WaitForText("#pipeline-notice", "Angebot gesendet"));
  // The open Historie tab shows the new entry.
  CHECK(b.WaitForText("#history-list", "Interessent: neu → Angebot gesendet"));
  CHECK(Stored(web, id).pipeline_status == "offer_sent");
  CHECK(Stored(web, id).version == 2);

  // A taken number is named, and nothing changes.
  AnswerConfirm(b, true);
  b.Type(b.Find("#convert-number"), "10001");
  ClickCentered(b, "#pipeline-convert");
  CHECK(b.WaitFor("#pipeline-notice", [](Browser& browser, const Browser::Element& e) {
    return !browser.Text(e).empty();
  }));
  CHECK(Stored(web, id).kind == "prospect");

  // "No" keeps it a prospect.
  AnswerConfirm(b, false);
  b.Clear(b.Find("#convert-number"));
  b.Type(b.Find("#convert-number"), "10050");
  ClickCentered(b, "#pipeline-convert");
  REQUIRE(b.WaitUntil([&] { return b.ExecuteScript("return window.confirmAsked;").is_string(); }));
  CHECK(
      b.ExecuteScript("return window.confirmAsked;").get<std::string>().find("Spedition Krüger") !=
      std::string::npos);
  CHECK(Stored(web, id).kind == "prospect");

  AnswerConfirm(b, true);
  ClickCentered(b, "#pipeline-convert");
  REQUIRE(b.WaitForText("#pipeline-converted", "Kunde seit"));
  CHECK(b.FindAll("#pipeline-status").empty());
  CHECK(b.WaitForText("#history-list", "In Kunden umgewandelt (Kundennummer 10050)"));
  const auto converted = Stored(web, id);
  CHECK(converted.kind == "customer");
  CHECK(converted.number == "10050");
  CHECK(converted.pipeline_status == "won");
}

TEST_CASE("the customer list shows and filters prospects by status", "[web][prospects]") {
  WebTest web;
  const auto offered = AddProspect(web, "I-1", "Spedition Krüger");
  AddProspect(web, "I-2", "Gärtnerei Blum");
  web.AddCustomer("10001", "Müller GmbH");
  REQUIRE(
      web.api().dir().catalog().SetPipelineStatus(Admin(web), offered, 1, "offer_sent", "").ok());
  auto& b = web.browser();
  web.LogIn("readonly");
  web.Open("#/customers");
  REQUIRE(b.WaitForText("#customer-list tbody", "Müller GmbH"));
  CHECK(b.WaitForText("#customer-list tr[data-id='" + std::to_string(offered) + "']",
                      "Interessent · Angebot gesendet"));

  Choose(b, "#customer-kind-filter", "prospect:offer_sent");
  CHECK(b.WaitUntil([&] { return b.FindAll("#customer-list tbody tr").size() == 1; }));
  CHECK(b.Text(b.Find("#customer-list tbody")).find("Spedition Krüger") != std::string::npos);
  Choose(b, "#customer-kind-filter", "prospect");
  CHECK(b.WaitUntil([&] { return b.FindAll("#customer-list tbody tr").size() == 2; }));
  Choose(b, "#customer-kind-filter", "customer");
  CHECK(b.WaitUntil([&] { return b.FindAll("#customer-list tbody tr").size() == 1; }));
  CHECK(b.Text(b.Find("#customer-list tbody")).find("Müller GmbH") != std::string::npos);
}

TEST_CASE("an admin renames a type in the settings", "[web][types]") {
  WebTest web;
  auto& b = web.browser();
  web.LogIn("admin");
  web.Open("#/settings");
  const std::string memo = "#document-type-list li[data-name='Memo']";
  REQUIRE(b.WaitForText(memo, "Memo"));

  ClickCentered(b, memo + " button.rename");
  auto input = b.Find(memo + " input.type-new-name");
  b.Clear(input);
  b.Type(input, "Vertrag");
  ClickCentered(b, memo + " button.rename-save");
  CHECK(b.WaitForText("#document-type-status", "Vertrag"));  // exists already
  auto types = web.api().dir().catalog().DocumentTypes();
  REQUIRE(types.ok());
  CHECK(std::find(types->begin(), types->end(), "Memo") != types->end());

  input = b.Find(memo + " input.type-new-name");
  b.Clear(input);
  b.Type(input, "Aktennotiz");
  ClickCentered(b, memo + " button.rename-save");
  REQUIRE(b.WaitForText("#document-type-list li[data-name='Aktennotiz']", "Aktennotiz"));
  CHECK(b.FindAll(memo).empty());
  CHECK(b.WaitForText("#document-type-status", "Aktennotiz"));
  types = web.api().dir().catalog().DocumentTypes();
  REQUIRE(types.ok());
  CHECK(std::find(types->begin(), types->end(), "Aktennotiz") != types->end());
  CHECK(std::find(types->begin(), types->end(), "Memo") == types->end());
}

}  // namespace akte::test
