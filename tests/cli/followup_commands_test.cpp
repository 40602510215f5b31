// akte followup add|list|done|move as a user runs them.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "akte_process.h"

namespace akte::cli {
namespace {

using nlohmann::json;
using test::InitializedAkte;

// One customer (10001), a colleague (bernd), a note (1) and three follow-ups
// of the first admin ("admin") and one of bernd's.
struct FollowUpAkte : InitializedAkte {
  FollowUpAkte() {
    Ok({"customer", "add", "10001", "--company", "Bäckerei Müller"});
    Ok({"user", "add", "bernd", "--role", "staff"});
    Ok({"note", "add", "10001", "Ruft nach der Messe zurück"});
  }
};

}  // namespace

TEST_CASE("akte followup add, list, move and done run a follow-up through the week",
          "[cli][follow-ups]") {
  FollowUpAkte akte;
  json first = json::parse(
      akte.Ok({"followup", "add", "10001", "06.03.2024", "Angebot nachfassen", "--json"}).out);
  CHECK(first["due_date"] == "2024-03-06");
  CHECK(first["assignee"] == "admin");
  CHECK(first["entity"] == "customer");
  json on_note = json::parse(akte.Ok({"followup", "add", "10001", "2024-03-05", "Rückruf abwarten",
                                      "--on", "note", "1", "--assignee", "bernd", "--json"})
                                 .out);
  CHECK(on_note["entity"] == "note");
  CHECK(on_note["entity_id"] == 1);
  CHECK(on_note["assignee"] == "bernd");
  akte.Ok({"followup", "add", "10001", "2024-03-08", "Muster schicken"});
  akte.Ok({"followup", "add", "10001", "2024-03-04", "Längst fällig"});

  auto mine = akte.Ok({"followup", "list", "--today", "2024-03-06"}).out;
  INFO(mine);
  const auto overdue = mine.find("Overdue:");
  const auto today = mine.find("Today (2024-03-06):");
  const auto week = mine.find("This week:");
  REQUIRE(overdue != std::string::npos);
  REQUIRE(today != std::string::npos);
  REQUIRE(week != std::string::npos);
  CHECK(overdue < mine.find("Längst fällig"));
  CHECK(mine.find("Längst fällig") < today);
  CHECK(today < mine.find("Angebot nachfassen"));
  CHECK(mine.find("Angebot nachfassen") < week);
  CHECK(week < mine.find("Muster schicken"));
  CHECK(mine.find("Rückruf abwarten") == std::string::npos);  // bernd's

  auto german = test::RunProcess({AKTE_BINARY, "--data-dir", akte.data, "followup", "list",
                                  "--assignee", "all", "--today", "2024-03-06"},
                                 "", {"LANG=de_DE.UTF-8", "LC_ALL=de_DE.UTF-8"});
  INFO(german.err);
  REQUIRE(german.exit_code == 0);
  CHECK_THAT(german.out, Catch::Contains("Überfällig:"));
  CHECK_THAT(german.out, Catch::Contains("Heute (06.03.2024):"));
  CHECK_THAT(german.out, Catch::Contains("Diese Woche:"));
  CHECK_THAT(german.out, Catch::Contains("Rückruf abwarten"));

  json bernds = json::parse(
      akte.Ok({"followup", "list", "--assignee", "bernd", "--today", "2024-03-06", "--json"}).out);
  REQUIRE(bernds["overdue"].size() == 1);
  CHECK(bernds["overdue"][0]["reason"] == "Rückruf abwarten");

  akte.Ok({"followup", "move", "1", "11.03.2024", "--assignee", "bernd"});
  auto done = akte.Ok({"followup", "done", "2"});
  CHECK_THAT(done.out, Catch::Contains("Follow-up 2 done"));
  auto twice = akte({"followup", "done", "2"});
  CHECK(twice.exit_code == 5);
  CHECK_THAT(twice.err, Catch::Contains("done already"));

  json all = json::parse(akte.Ok({"followup", "list", "--customer", "10001", "--json"}).out);
  REQUIRE(all.size() == 4);
  CHECK(all[0]["reason"] == "Längst fällig");
  CHECK(all[2]["reason"] == "Angebot nachfassen");
  CHECK(all[2]["due_date"] == "2024-03-11");
  CHECK(all[2]["assignee"] == "bernd");
  CHECK(all[3]["reason"] == "Rückruf abwarten");  // done, so last
  CHECK(all[3]["done_by"] == "admin");
  auto history = akte.Ok({"customer", "show", "10001"}).out;
  CHECK_THAT(history, Catch::Contains("Wiedervorlage erledigt: Rückruf abwarten"));
}

TEST_CASE("akte followup refuses bad input with its reason", "[cli][follow-ups]") {
  FollowUpAkte akte;
  auto date = akte({"followup", "add", "10001", "31.02.2024", "Nachfassen"});
  CHECK(date.exit_code == 3);
  CHECK_THAT(date.err, Catch::Contains("31.02.2024"));
  auto reason = akte({"followup", "add", "10001", "2024-03-06", " "});
  CHECK(reason.exit_code == 3);
  CHECK_THAT(reason.err, Catch::Contains("reason"));
  auto kind = akte({"followup", "add", "10001", "2024-03-06", "x", "--on", "contact", "1"});
  CHECK(kind.exit_code == 3);
  CHECK_THAT(kind.err, Catch::Contains("'contact'"));
  auto id = akte({"followup", "add", "10001", "2024-03-06", "x", "--on", "note", "eins"});
  CHECK(id.exit_code == 3);
  CHECK_THAT(id.err, Catch::Contains("'eins'"));
  auto nobody = akte({"followup", "add", "10001", "2024-03-06", "x", "--assignee", "niemand"});
  CHECK(nobody.exit_code == 3);
  CHECK_THAT(nobody.err, Catch::Contains("niemand"));
  CHECK(akte({"followup", "add", "99999", "2024-03-06", "x"}).exit_code == 4);
  CHECK(akte({"followup", "done", "7"}).exit_code == 4);
  auto today = akte({"followup", "list", "--today", "morgen"});
  CHECK(today.exit_code == 3);
  CHECK_THAT(today.err, Catch::Contains("--today"));
  auto mixed = akte({"followup", "list", "--customer", "10001", "--today", "2024-03-06"});
  CHECK(mixed.exit_code == 3);
  auto none = akte.Ok({"followup", "list", "--customer", "10001"});
  CHECK_THAT(none.out, Catch::Contains("Follow-ups: none"));
}

}  // namespace akte::cli
