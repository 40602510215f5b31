// akte calendar link|revoke|export as a user runs them.
#include <catch2/catch.hpp>
#include <fstream>
#include <sstream>

#include "akte/archive/data_dir.h"
#include "akte_process.h"

namespace akte::cli {
namespace {

using test::InitializedAkte;

// A customer with a birthday (10001), a colleague (bernd), and a follow-up
// each for the first admin ("admin") and for bernd.
struct CalendarAkte : InitializedAkte {
  CalendarAkte() {
    Ok({"customer", "add", "10001", "--first-name", "Jürgen", "--last-name", "Größer", "--birthday",
        "1988-02-29"});
    Ok({"user", "add", "bernd", "--role", "staff", "--name", "Bernd Berger"});
    Ok({"followup", "add", "10001", "2030-05-02", "Angebot prüfen"});
    Ok({"followup", "add", "10001", "2030-05-03", "Berndsache", "--assignee", "bernd"});
  }

  // The user whose feed `secret` opens, as the server would find them.
  std::string FeedOwner(const std::string& secret) const {
    auto dir = archive::DataDir::Open(data);
    REQUIRE(dir.ok());
    auto user = (*dir)->catalog().CalendarFeedUser(secret);
    return user.ok() ? user->username : "";
  }
};

// "cal_…" from ".../api/v1/calendar/cal_….ics\n".
std::string SecretOf(const std::string& printed) {
  const std::string marker = "/api/v1/calendar/";
  const auto start = printed.find(marker);
  REQUIRE(start != std::string::npos);
  const auto end = printed.find(".ics", start);
  REQUIRE(end != std::string::npos);
  return printed.substr(start + marker.size(), end - start - marker.size());
}

}  // namespace

TEST_CASE("akte calendar export writes the acting user's calendar", "[cli][calendar]") {
  CalendarAkte akte;
  const std::string out = akte.Ok({"calendar", "export"}).out;
  INFO(out);
  CHECK(out.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
  CHECK(out.find("X-WR-CALNAME:akte – ") != std::string::npos);
  CHECK(out.find("SUMMARY:Wiedervorlage: Angebot prüfen – Jürgen Größer\r\n") != std::string::npos);
  CHECK(out.find("Berndsache") == std::string::npos);
  CHECK(out.find("SUMMARY:Geburtstag: Jürgen Größer\r\n") != std::string::npos);
  CHECK(out.find("RRULE:FREQ=YEARLY;BYMONTHDAY=-1;BYMONTH=2\r\n") != std::string::npos);
  CHECK(out.find("END:VCALENDAR\r\n") != std::string::npos);

  const std::string file = (akte.dir / "bernd.ics").string();
  akte.Ok({"calendar", "export", "--user", "bernd", "-o", file, "--todos-as-events", "--base-url",
           "https://akte.example.de/"});
  std::ifstream in(file, std::ios::binary);
  std::stringstream written;
  written << in.rdbuf();
  INFO(written.str());
  CHECK(written.str().find("X-WR-CALNAME:akte – Bernd Berger\r\n") != std::string::npos);
  CHECK(written.str().find("Berndsache") != std::string::npos);
  CHECK(written.str().find("Angebot prüfen") == std::string::npos);
  CHECK(written.str().find("BEGIN:VTODO") == std::string::npos);
  CHECK(written.str().find("URL:https://akte.example.de/#/customers/1\r\n") != std::string::npos);

  auto unknown = akte({"calendar", "export", "--user", "niemand"});
  CHECK(unknown.exit_code == 4);
  CHECK(unknown.err.find("niemand") != std::string::npos);
}

TEST_CASE("akte calendar link makes a new secret link and revoke ends it", "[cli][calendar]") {
  CalendarAkte akte;
  const auto first = akte.Ok({"calendar", "link"});
  INFO(first.out);
  CHECK(first.out.rfind("/api/v1/calendar/cal_", 0) == 0);
  CHECK(first.err.find("previous one no longer works") != std::string::npos);
  const std::string first_secret = SecretOf(first.out);
  CHECK(akte.FeedOwner(first_secret) == "admin");

  const auto second = akte.Ok({"calendar", "link", "--base-url", "https://akte.example.de/"});
  CHECK(second.out.rfind("https://akte.example.de/api/v1/calendar/cal_", 0) == 0);
  const std::string second_secret = SecretOf(second.out);
  CHECK(second_secret != first_secret);
  CHECK(akte.FeedOwner(first_secret).empty());
  CHECK(akte.FeedOwner(second_secret) == "admin");

  const std::string bernds = SecretOf(akte.Ok({"calendar", "link", "--user", "bernd"}).out);
  CHECK(akte.FeedOwner(bernds) == "bernd");

  CHECK(akte.Ok({"calendar", "revoke"}).out.find("no longer works") != std::string::npos);
  CHECK(akte.FeedOwner(second_secret).empty());
  CHECK(akte.FeedOwner(bernds) == "bernd");
  auto again = akte({"calendar", "revoke"});
  CHECK(again.exit_code == 4);
  CHECK(again.err.find("no calendar link") != std::string::npos);
  CHECK(akte({"calendar"}).exit_code == 2);
}

}  // namespace akte::cli
