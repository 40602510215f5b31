// akte log call|sms|email as a telephone system's script runs it.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "akte_process.h"

namespace akte::cli {
namespace {

using test::InitializedAkte;

nlohmann::json Events(const InitializedAkte& akte) {
  return nlohmann::json::parse(akte.Ok({"customer", "show", "10001", "--json"}).out)["events"];
}

}  // namespace

TEST_CASE("akte log records a call by the caller's number and an email with its file",
          "[cli][communication]") {
  InitializedAkte akte;
  akte.Ok(
      {"customer", "add", "10001", "--company", "Müller Maschinenbau", "--phone", "089 123456"});
  akte.Ok({"contact", "add", "10001", "--first-name", "Thomas", "--last-name", "Weber", "--email",
           "t.weber@mueller.de"});

  auto call = akte.Ok({"log", "call", "--incoming", "--with", "+49 (0)89 12 34 56", "--text",
                       "Fragt nach dem Liefertermin"});
  CHECK_THAT(call.out, Catch::Contains("Anruf eingehend: Anruf von +49 (0)89 12 34 56"));

  const std::string eml = (akte.dir / "angebot.eml").string();
  std::ofstream(eml) << "From: buero@example.de\r\nTo: t.weber@mueller.de\r\n"
                        "Subject: Angebot Wartungsvertrag\r\n"
                        "Content-Type: text/plain; charset=utf-8\r\n\r\nAnbei das Angebot.\r\n";
  auto mail = akte.Ok({"log", "email", "--with", "T.Weber@mueller.de", "--subject",
                       "Angebot verschickt", "--file", eml});
  CHECK_THAT(mail.out, Catch::Contains("E-Mail ausgehend: Angebot verschickt"));
  CHECK_THAT(mail.out, Catch::Contains("Extracted 1 documents: 1 extracted"));

  auto events = Events(akte);
  REQUIRE(events.size() == 2);  // the extracted email added no entry of its own
  const auto& logged = events[0]["type"] == "E-Mail ausgehend" ? events[0] : events[1];
  REQUIRE(logged["document_ids"].size() == 1);
  CHECK(logged["contact_id"].is_number());
  auto search = akte.Ok({"search", "Wartungsvertrag", "--json"});
  CHECK_THAT(search.out, Catch::Contains("Angebot"));
}

TEST_CASE("akte log refuses an unknown number or a file for a call and stores nothing",
          "[cli][communication]") {
  InitializedAkte akte;
  akte.Ok({"customer", "add", "10001", "--company", "Müller Maschinenbau"});
  auto unknown = akte({"log", "call", "--with", "040 555555"});
  CHECK(unknown.exit_code == 4);
  CHECK_THAT(unknown.err, Catch::Contains("no customer or contact has 040 555555"));
  auto nobody = akte({"log", "sms"});
  CHECK(nobody.exit_code == 3);
  CHECK_THAT(nobody.err, Catch::Contains("name the customer"));
  const std::string note = (akte.dir / "notiz.txt").string();
  std::ofstream(note) << "x";
  auto file_for_call = akte({"log", "call", "--customer", "10001", "--file", note});
  CHECK(file_for_call.exit_code == 3);
  CHECK_THAT(file_for_call.err, Catch::Contains("--file is for emails only"));
  CHECK(Events(akte).empty());
}

}  // namespace akte::cli
