// akte type list|add|retire and the firm's time zone setting, run as a user
// runs them.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "akte_process.h"

namespace akte::cli {
namespace {

using test::InitializedAkte;

std::vector<std::string> Listed(const InitializedAkte& akte, const std::string& kind) {
  return nlohmann::json::parse(akte.Ok({"type", "list", kind, "--json"}).out)
      .get<std::vector<std::string>>();
}

bool Has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

TEST_CASE("akte type add and retire change what can be chosen", "[cli][types]") {
  InitializedAkte akte;
  CHECK_THAT(akte.Ok({"type", "add", "document", "Wartungsbericht"}).out,
             Catch::Contains("Added document type 'Wartungsbericht'"));
  CHECK(Listed(akte, "document").back() == "Wartungsbericht");
  CHECK_FALSE(Has(Listed(akte, "event"), "Wartungsbericht"));

  akte.Ok({"customer", "add", "10001", "--company", "Müller"});
  test::WriteFile(akte.dir / "bericht.txt", "Wartung am Kessel");
  akte.Ok({"doc", "add", "10001", (akte.dir / "bericht.txt").string(), "--type", "wartungsbericht",
           "--no-extract"});

  akte.Ok({"type", "retire", "document", "Wartungsbericht"});
  CHECK_FALSE(Has(Listed(akte, "document"), "Wartungsbericht"));
  test::WriteFile(akte.dir / "zweiter.txt", "Noch ein Bericht");
  auto refused = akte({"doc", "add", "10001", (akte.dir / "zweiter.txt").string(), "--type",
                       "Wartungsbericht", "--no-extract"});
  CHECK(refused.exit_code == 3);
  CHECK_THAT(refused.err, Catch::Contains("is not defined"));
  // The document filed before keeps its type.
  auto file = nlohmann::json::parse(akte.Ok({"customer", "show", "10001", "--json"}).out);
  CHECK(file.dump().find("Wartungsbericht") != std::string::npos);
}

TEST_CASE("akte type names a duplicate, an unknown and a built-in type with their exit codes",
          "[cli][types]") {
  InitializedAkte akte;
  auto duplicate = akte({"type", "add", "event", "rückruf"});
  CHECK(duplicate.exit_code == 5);
  CHECK_THAT(duplicate.err, Catch::Contains("exists already"));
  auto unknown = akte({"type", "retire", "event", "Brieftaube"});
  CHECK(unknown.exit_code == 4);
  CHECK_THAT(unknown.err, Catch::Contains("'Brieftaube'"));
  auto empty = akte({"type", "add", "document", " "});
  CHECK(empty.exit_code == 3);
  auto built_in = akte({"type", "retire", "document", "Sonstiges"});
  CHECK(built_in.exit_code == 5);
  auto wrong_kind = akte({"type", "add", "customer", "VIP"});
  CHECK(wrong_kind.exit_code == 2);
}

TEST_CASE("akte type list prints both lists, kind first, without a kind", "[cli][types]") {
  InitializedAkte akte;
  akte.Ok({"type", "retire", "event", "Mailing"});
  const std::string out = akte.Ok({"type", "list"}).out;
  CHECK_THAT(out, Catch::Contains("document\tVertrag\n"));
  CHECK_THAT(out, Catch::Contains("event\tTermin\n"));
  CHECK(out.find("document\t") < out.find("event\t"));
  CHECK(out.find("Mailing") == std::string::npos);
  akte.Ok({"type", "add", "event", "mailing"});
  CHECK(Has(Listed(akte, "event"), "Mailing"));
}

TEST_CASE("akte settings refuses a time zone the system does not know", "[cli][settings]") {
  InitializedAkte akte;
  auto bad = akte({"settings", "set", "firm.timezone", "Europe/Atlantis"});
  CHECK(bad.exit_code == 3);
  CHECK_THAT(bad.err, Catch::Contains("'Europe/Atlantis' is not a known time zone"));
  CHECK(akte({"settings", "get", "firm.timezone"}).exit_code == 4);
  akte.Ok({"settings", "set", "firm.timezone", "America/New_York"});
  CHECK(akte.Ok({"settings", "get", "firm.timezone"}).out == "America/New_York\n");
}

}  // namespace
}  // namespace akte::cli
