// "Kalender abonnieren" in the settings: a read-only user, who has no
// settings tab, reaches it through their name, makes their calendar link,
// copies it (also as all-day events, and as webcal://) and revokes it.
#include <catch2/catch.hpp>

#include "web_fixture.h"

namespace akte::test {
namespace {

// "cal_…" from ".../api/v1/calendar/cal_….ics[?todos=events]".
std::string SecretOf(const std::string& url) {
  const std::string marker = "/api/v1/calendar/";
  const auto start = url.find(marker);
  REQUIRE(start != std::string::npos);
  const auto end = url.find(".ics", start);
  REQUIRE(end != std::string::npos);
  return url.substr(start + marker.size(), end - start - marker.size());
}

}  // namespace

TEST_CASE("a user makes, copies and revokes their calendar link in the settings",
          "[web][calendar]") {
  WebTest web;
  auto& b = web.browser();
  web.LogIn("readonly");
  b.Click(b.Find("#user-name"));
  b.Click(b.Find("#calendar-renew"));
  auto url = b.WaitFor("#calendar-url", [](Browser& browser, const Browser::Element& element) {
    return browser.Property(element, "value").get<std::string>().find("/api/v1/calendar/cal_") !=
           std::string::npos;
  });
  REQUIRE(url);
  const std::string first = b.Property(*url, "value").get<std::string>();
  CHECK(first.rfind(web.Url().substr(0, web.Url().find('/', 8)), 0) == 0);  // this origin
  auto& catalog = web.api().dir().catalog();
  auto owner = catalog.CalendarFeedUser(SecretOf(first));
  REQUIRE(owner.ok());
  CHECK(owner->username == "readonly");
  // The link works without credentials, as a calendar program fetches it.
  auto fetched = web.api().Client().Get(first.substr(first.find("/api/v1/")).c_str());
  REQUIRE(fetched);
  CHECK(fetched->status == 200);
  CHECK(fetched->body.rfind("BEGIN:VCALENDAR", 0) == 0);

  b.Click(b.Find("#calendar-as-events"));
  CHECK(b.Property(b.Find("#calendar-url"), "value").get<std::string>() == first + "?todos=events");
  const auto webcal = b.Attribute(b.Find("#calendar-webcal"), "href");
  REQUIRE(webcal);
  CHECK(webcal->rfind("webcal://", 0) == 0);
  CHECK(webcal->find(SecretOf(first) + ".ics?todos=events") != std::string::npos);

  // A new link ends the old one.
  b.Click(b.Find("#calendar-renew"));
  REQUIRE(b.WaitFor("#calendar-url", [&](Browser& browser, const Browser::Element& element) {
    const std::string value = browser.Property(element, "value").get<std::string>();
    return value.find("/api/v1/calendar/cal_") != std::string::npos && value != first;
  }));
  const std::string second = b.Property(b.Find("#calendar-url"), "value").get<std::string>();
  CHECK_FALSE(catalog.CalendarFeedUser(SecretOf(first)).ok());
  CHECK(catalog.CalendarFeedUser(SecretOf(second)).ok());

  b.ExecuteScript("window.confirm = () => true; return 0;");
  b.Click(b.Find("#calendar-revoke"));
  CHECK(b.WaitUntil([&] { return b.FindAll("#calendar-url").empty(); }));
  CHECK_FALSE(b.Text(b.Find("#calendar-status")).empty());
  CHECK_FALSE(catalog.CalendarFeedUser(SecretOf(second)).ok());
}

}  // namespace akte::test
