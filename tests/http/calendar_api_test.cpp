// The iCalendar feed over HTTP: a secret link that needs no other
// credentials, made by the user themself or an admin, renewed and revoked;
// unknown secrets get one 404; the access log never shows a secret.
#include <catch2/catch.hpp>

#include "api_server.h"

namespace akte::test {
namespace {

using nlohmann::json;

// Makes a new link for the user `whose` as `role`; returns the answer.
json NewLink(ApiServer& api, const std::string& whose, const std::string& role,
             const httplib::Headers& extra = {}) {
  auto client = api.Client();
  httplib::Headers headers = api.As(role);
  headers.insert(extra.begin(), extra.end());
  auto answer = client.Post(
      ("/api/v1/users/" + std::to_string(api.user_id(whose)) + "/calendar-feed").c_str(), headers,
      "", "application/json");
  REQUIRE(answer);
  INFO(answer->body);
  REQUIRE(answer->status == 201);
  CHECK(answer->get_header_value("Cache-Control") == "no-store");
  return Json(answer);
}

// The feed at `path`, fetched as a calendar program does: no credentials.
httplib::Result Fetch(ApiServer& api, const std::string& path) {
  auto client = api.Client();
  return client.Get(path.c_str());
}

void AddFollowUp(ApiServer& api, const std::string& assignee, const std::string& reason) {
  auto& catalog = api.dir().catalog();
  auto admin = catalog.ActorFor("admin");
  REQUIRE(admin.ok());
  auto customers = catalog.ListCustomers();
  REQUIRE(customers.ok());
  archive::Id customer_id = 0;
  if (customers->empty()) {
    archive::Customer customer;
    customer.number = "10001";
    customer.company = "Müller Maschinenbau";
    auto created = catalog.CreateCustomer(*admin, customer);
    REQUIRE(created.ok());
    customer_id = created->id;
  } else {
    customer_id = customers->front().id;
  }
  archive::FollowUp draft;
  draft.customer_id = customer_id;
  draft.due_date = "2030-05-02";
  draft.reason = reason;
  draft.assignee = assignee;
  REQUIRE(catalog.AddFollowUp(*admin, draft).ok());
}

}  // namespace

TEST_CASE("a calendar link serves its user's feed to a caller without credentials",
          "[http][calendar]") {
  ApiServer api;
  AddFollowUp(api, "staff", "Angebot prüfen");
  AddFollowUp(api, "admin", "Sache der Chefin");
  json link = NewLink(api, "staff", "staff");
  const std::string path = link["path"];
  CHECK(path.rfind("/api/v1/calendar/cal_", 0) == 0);
  CHECK(path.size() == std::string("/api/v1/calendar/cal_").size() + 43 + 4);
  CHECK(path.substr(path.size() - 4) == ".ics");
  CHECK(link["url"] == "http://127.0.0.1:" + std::to_string(api.port()) + path);

  auto feed = Fetch(api, path);
  REQUIRE(feed);
  INFO(feed->body);
  REQUIRE(feed->status == 200);
  CHECK(feed->get_header_value("Content-Type") == "text/calendar; charset=utf-8");
  CHECK(feed->get_header_value("Cache-Control") == "no-store");
  CHECK(feed->body.rfind("BEGIN:VCALENDAR\r\n", 0) == 0);
  CHECK(feed->body.find("BEGIN:VTODO\r\n") != std::string::npos);
  CHECK(feed->body.find("SUMMARY:Wiedervorlage: Angebot prüfen – Müller Maschinenbau\r\n") !=
        std::string::npos);
  CHECK(feed->body.find("Sache der Chefin") == std::string::npos);
  // Entries link to their customer file at the address the request used.
  CHECK(feed->body.find("URL:http://127.0.0.1:" + std::to_string(api.port()) +
                        "/#/customers/1\r\n") != std::string::npos);

  auto events = Fetch(api, path + "?todos=events");
  REQUIRE(events);
  REQUIRE(events->status == 200);
  CHECK(events->body.find("BEGIN:VTODO") == std::string::npos);
  CHECK(events->body.find("DTSTART;VALUE=DATE:20300502\r\n") != std::string::npos);
  RequireError(Fetch(api, path + "?todos=some"), 400, "todos");
}

TEST_CASE("unknown, renewed and revoked calendar secrets all get the same 404",
          "[http][calendar]") {
  ApiServer api;
  const std::string first = NewLink(api, "staff", "staff")["path"];
  const std::string second = NewLink(api, "staff", "staff")["path"];
  CHECK(first != second);
  auto renewed = Fetch(api, first);
  REQUIRE(renewed);
  CHECK(renewed->status == 404);
  REQUIRE(Fetch(api, second)->status == 200);

  const std::string secret = second.substr(std::string("/api/v1/calendar/").size(), 47);
  for (const std::string& wrong : {std::string("/api/v1/calendar/cal_nichtda.ics"),
                                   "/api/v1/calendar/" + secret.substr(0, 46) + ".ics",
                                   "/api/v1/calendar/" + secret.substr(4) + ".ics"}) {
    INFO(wrong);
    auto answer = Fetch(api, wrong);
    REQUIRE(answer);
    CHECK(answer->status == 404);
    CHECK(answer->body == renewed->body);  // no hint which
  }
  // A valid API token is no calendar secret, nor the other way round.
  auto with_token = api.Client().Get(second.c_str(), api.As("admin"));
  REQUIRE(with_token);
  CHECK(with_token->status == 200);
  auto as_bearer = api.Client().Get("/api/v1/customers",
                                    httplib::Headers{{"Authorization", "Bearer " + secret}});
  REQUIRE(as_bearer);
  CHECK(as_bearer->status == 401);

  auto client = api.Client();
  const std::string feed =
      "/api/v1/users/" + std::to_string(api.user_id("staff")) + "/calendar-feed";
  auto revoked = client.Delete(feed.c_str(), api.As("staff"));
  REQUIRE(revoked);
  CHECK(revoked->status == 204);
  auto gone = Fetch(api, second);
  REQUIRE(gone);
  CHECK(gone->status == 404);
  CHECK(gone->body == renewed->body);
  RequireError(client.Delete(feed.c_str(), api.As("staff")), 404, "");
}

TEST_CASE("users make their own calendar link; admins anyone's", "[http][calendar]") {
  ApiServer api;
  auto client = api.Client();
  const std::string staff_feed =
      "/api/v1/users/" + std::to_string(api.user_id("staff")) + "/calendar-feed";
  json own = NewLink(api, "readonly", "readonly");
  REQUIRE(Fetch(api, own["path"])->status == 200);
  // Someone else's link: not even whether that user exists is told.
  RequireError(client.Post(staff_feed.c_str(), api.As("readonly"), "", "application/json"), 404,
               "");
  RequireError(
      client.Post("/api/v1/users/999/calendar-feed", api.As("readonly"), "", "application/json"),
      404, "");
  json staffs = NewLink(api, "staff", "admin");
  REQUIRE(Fetch(api, staffs["path"])->status == 200);
  RequireError(client.Delete(staff_feed.c_str(), api.As("readonly")), 404, "");
  REQUIRE(Fetch(api, staffs["path"])->status == 200);
  auto by_admin = client.Delete(staff_feed.c_str(), api.As("admin"));
  REQUIRE(by_admin);
  CHECK(by_admin->status == 204);
  CHECK(Fetch(api, staffs["path"])->status == 404);
  RequireError(
      client.Post("/api/v1/users/999/calendar-feed", api.As("admin"), "", "application/json"), 404,
      "");

  auto anonymous = client.Post(staff_feed.c_str(), "", "application/json");
  REQUIRE(anonymous);
  CHECK(anonymous->status == 401);
}

TEST_CASE("a calendar link names the address a proxy gives", "[http][calendar]") {
  ApiServer api;
  json link =
      NewLink(api, "staff", "staff", {{"Host", "akte.example.de"}, {"X-Forwarded-Proto", "https"}});
  CHECK(link["url"] == "https://akte.example.de" + link["path"].get<std::string>());
  json odd = NewLink(api, "staff", "staff", {{"Host", "akte.example.de/evil?"}});
  CHECK(odd["url"] == odd["path"]);  // a Host that is no host name: the path alone
}

TEST_CASE("the access log leaves out calendar secrets", "[http][calendar]") {
  ApiServer api;
  const std::string path = NewLink(api, "staff", "staff")["path"];
  REQUIRE(Fetch(api, path)->status == 200);
  const std::string secret = path.substr(std::string("/api/v1/calendar/").size(), 47);
  const std::string log = api.StopAndReadLog();
  INFO(log);
  CHECK(log.find("GET /api/v1/calendar/….ics 200") != std::string::npos);
  CHECK(log.find(secret) == std::string::npos);
  CHECK(log.find(secret.substr(4, 20)) == std::string::npos);
}

}  // namespace akte::test
