// akte prospect status|convert, customer list --status and akte type rename,
// run as a user runs them, with the search index following.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "akte_process.h"

namespace akte::cli {
namespace {

using nlohmann::json;
using test::InitializedAkte;

// A customer (10001) and two prospects (20001 Krüger, 20002 Blum).
struct ProspectAkte : InitializedAkte {
  ProspectAkte() {
    Ok({"customer", "add", "10001", "--company", "Müller Maschinenbau"});
    Ok({"customer", "add", "20001", "--prospect", "--company", "Spedition Krüger"});
    Ok({"customer", "add", "20002", "--prospect", "--company", "Gärtnerei Blum"});
  }

  json Show(const std::string& number) const {
    return json::parse(Ok({"customer", "show", number, "--json"}).out);
  }

  std::size_t Hits(const std::string& query) const {
    return json::parse(Ok({"search", "--json", query}).out)["hits"].size();
  }
};

}  // namespace

TEST_CASE("akte prospect status moves a prospect and lists it by status", "[cli][prospects]") {
  ProspectAkte akte;
  CHECK_THAT(akte.Ok({"prospect", "status", "20001", "kontaktiert"}).out,
             Catch::Contains("neu → kontaktiert"));
  CHECK_THAT(akte.Ok({"prospect", "status", "20001", "Angebot gesendet", "--remark", "A-17"}).out,
             Catch::Contains("kontaktiert → Angebot gesendet"));
  json file = akte.Show("20001");
  CHECK(file["customer"]["pipeline_status"] == "offer_sent");
  CHECK(file.dump().find("Interessent: kontaktiert → Angebot gesendet") != std::string::npos);

  auto listed = json::parse(akte.Ok({"customer", "list", "--status", "angebot", "--json"}).out);
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["number"] == "20001");
  auto table = akte.Ok({"customer", "list", "--kind", "prospect"}).out;
  CHECK_THAT(table, Catch::Contains("Prospect · offer sent"));
  CHECK_THAT(table, Catch::Contains("Prospect · new"));
  CHECK(akte.Hits("status:angebot") == 1);
  CHECK(akte.Hits("status:neu") == 1);

  auto bad = akte({"prospect", "status", "20001", "vielleicht"});
  CHECK(bad.exit_code == 3);
  CHECK_THAT(bad.err, Catch::Contains("'vielleicht'"));
  auto customer = akte({"prospect", "status", "10001", "won"});
  CHECK(customer.exit_code == 5);
  CHECK_THAT(customer.err, Catch::Contains("no prospect"));
  auto unknown = akte({"prospect", "status", "99999", "won"});
  CHECK(unknown.exit_code == 4);
  CHECK(akte({"customer", "list", "--status", "vielleicht"}).exit_code == 3);
}

TEST_CASE("akte prospect convert keeps the file and refuses a taken number", "[cli][prospects]") {
  ProspectAkte akte;
  akte.Ok({"note", "add", "20001", "Will im Mai bestellen"});
  auto taken = akte({"prospect", "convert", "20001", "--number", "10001"});
  CHECK(taken.exit_code == 5);
  CHECK_THAT(taken.err, Catch::Contains("already taken"));

  CHECK_THAT(akte.Ok({"prospect", "convert", "20001", "--number", "10050"}).out,
             Catch::Contains("to customer 10050"));
  json file = akte.Show("10050");
  CHECK(file["customer"]["kind"] == "customer");
  CHECK(file["customer"]["pipeline_status"] == "won");
  CHECK(file.dump().find("Will im Mai bestellen") != std::string::npos);
  CHECK(file.dump().find("In Kunden umgewandelt (Kundennummer 10050)") != std::string::npos);
  CHECK(akte({"customer", "show", "20001"}).exit_code == 4);

  auto again = akte({"prospect", "convert", "10050"});
  CHECK(again.exit_code == 5);
  CHECK_THAT(again.err, Catch::Contains("is a customer already"));
}

TEST_CASE("akte type rename renames a type on its records and in the search index",
          "[cli][types]") {
  ProspectAkte akte;
  akte.Ok({"event", "add", "10001", "--type", "Rückruf", "--subject", "Wegen der Wartung"});
  CHECK(akte.Hits("typ:rückruf") == 1);

  CHECK_THAT(akte.Ok({"type", "rename", "event", "rückruf", "Callback"}).out,
             Catch::Contains("to 'Callback'"));
  CHECK(akte.Hits("typ:rückruf") == 0);
  CHECK(akte.Hits("typ:callback") == 1);
  CHECK(akte.Show("10001").dump().find("\"Callback\"") != std::string::npos);

  auto taken = akte({"type", "rename", "event", "Callback", "mailing"});
  CHECK(taken.exit_code == 5);
  CHECK_THAT(taken.err, Catch::Contains("exists already"));
  auto unknown = akte({"type", "rename", "document", "Brieftaube", "Taube"});
  CHECK(unknown.exit_code == 4);
  auto built_in = akte({"type", "rename", "event", "Wiedervorlage", "Nachfassen"});
  CHECK(built_in.exit_code == 5);
  CHECK_THAT(built_in.err, Catch::Contains("cannot be renamed"));
}

}  // namespace akte::cli
