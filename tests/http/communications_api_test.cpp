// POST /communications: a telephone system's call, a script's SMS, and an
// email sent with its file, each recorded in one request; bad requests.
#include <catch2/catch.hpp>

#include "api_server.h"

namespace akte::test {
namespace {

using nlohmann::json;

// Customer 1 (10001) with a phone number, and its contact 1, Thomas Weber, with
// a mobile and an email address.
void SeedCustomer(ApiServer& api) {
  auto client = api.Client();
  auto customer = client.Post(
      "/api/v1/customers", api.As("staff"),
      R"({"number":"10001","company":"Müller Maschinenbau","phones":[{"kind":"phone","number":"089 123456"}]})",
      "application/json");
  REQUIRE(customer);
  REQUIRE(customer->status == 201);
  auto contact = client.Post(
      "/api/v1/customers/1/contacts", api.As("staff"),
      R"({"first_name":"Thomas","last_name":"Weber","emails":["t.weber@mueller.de"],"phones":[{"kind":"mobile","number":"0171 9876543"}]})",
      "application/json");
  REQUIRE(contact);
  REQUIRE(contact->status == 201);
}

json Log(ApiServer& api, const json& body) {
  auto client = api.Client();
  auto logged =
      client.Post("/api/v1/communications", api.As("staff"), body.dump(), "application/json");
  REQUIRE(logged);
  INFO(logged->body);
  REQUIRE(logged->status == 201);
  return Json(logged);
}

}  // namespace

TEST_CASE("a call and an SMS are recorded by the other side's number", "[http][communication]") {
  ApiServer api;
  SeedCustomer(api);
  json call = Log(api, {{"channel", "call"},
                        {"direction", "in"},
                        {"counterpart", "+49 89 123456"},
                        {"text", "Fragt nach dem Liefertermin"}});
  CHECK(call["type"] == "Anruf eingehend");
  CHECK(call["customer_id"] == 1);
  CHECK(call["contact_id"].is_null());
  CHECK(call["subject"] == "Anruf von +49 89 123456");
  CHECK(call["author"] == "staff");

  json sms = Log(api, {{"channel", "sms"},
                       {"counterpart", "+49 171 9876543"},
                       {"subject", "Termin bestätigt"},
                       {"occurred_at", "2024-03-04T09:30:00+01:00"}});
  CHECK(sms["type"] == "SMS ausgehend");
  CHECK(sms["contact_id"] == 1);
  CHECK(sms["occurred_at"] == "2024-03-04T08:30:00Z");

  auto client = api.Client();
  auto events = client.Get("/api/v1/customers/1/events", api.As("readonly"));
  REQUIRE(events);
  CHECK(Json(events)["items"].size() == 2);
}

TEST_CASE("an email sent with its file is filed, linked, and recorded once",
          "[http][communication]") {
  ApiServer api;
  SeedCustomer(api);
  const std::string message =
      "From: Büro <buero@example.de>\r\nTo: Thomas Weber <t.weber@mueller.de>\r\n"
      "Subject: Angebot Wartungsvertrag\r\nDate: Mon, 4 Mar 2024 10:00:00 +0100\r\n"
      "Message-ID: <angebot-1@example.de>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
      "Sehr geehrter Herr Weber, anbei unser Angebot.\r\n";
  auto client = api.Client();
  auto logged = client.Post(
      "/api/v1/communications?counterpart=t.weber%40mueller.de&subject=Angebot%20verschickt"
      "&filename=angebot.eml",
      api.As("staff"), message, "message/rfc822");
  REQUIRE(logged);
  INFO(logged->body);
  REQUIRE(logged->status == 201);
  json event = Json(logged);
  CHECK(event["type"] == "E-Mail ausgehend");
  CHECK(event["contact_id"] == 1);
  REQUIRE(event["document_ids"].size() == 1);
  json document = PollUntilDone(api, event["document_ids"][0]);
  CHECK(document["customer_id"] == 1);
  CHECK(document["type"] == "E-Mail");
  CHECK(document["state"] == "extracted");

  auto events = client.Get("/api/v1/customers/1/events", api.As("readonly"));
  REQUIRE(events);
  json items = Json(events)["items"];
  REQUIRE(items.size() == 1);  // extraction added no second entry
  CHECK(items[0]["subject"] == "Angebot verschickt");
}

TEST_CASE("bad communications get a 4xx naming the problem and store nothing",
          "[http][communication]") {
  ApiServer api;
  SeedCustomer(api);
  auto client = api.Client();
  auto post = [&](const std::string& body) {
    return client.Post("/api/v1/communications", api.As("staff"), body, "application/json");
  };
  RequireError(post(R"({"channel":"fax","customer_id":1})"), 400, "channel");
  RequireError(post(R"({"channel":"call","direction":"sideways","customer_id":1})"), 400,
               "direction");
  RequireError(post(R"({"channel":"call"})"), 400, "counterpart");
  RequireError(post(R"({"channel":"call","counterpart":"040 555555"})"), 404, "");
  RequireError(post(R"({"channel":"call","customer_id":1,"colour":"blau"})"), 400, "colour");
  RequireError(client.Post("/api/v1/communications?channel=sms&customer_id=1", api.As("staff"),
                           "hallo", "text/plain"),
               400, "channel");
  RequireError(client.Post("/api/v1/communications?counterpart=niemand%40example.org",
                           api.As("staff"), "From: x\r\n\r\nx", "message/rfc822"),
               404, "");
  RequireError(client.Post("/api/v1/communications", api.As("readonly"),
                           R"({"channel":"call","customer_id":1})", "application/json"),
               403, "");
  auto events = client.Get("/api/v1/customers/1/events", api.As("readonly"));
  REQUIRE(events);
  CHECK(Json(events)["items"].empty());
  auto documents = client.Get("/api/v1/customers/1/documents", api.As("readonly"));
  REQUIRE(documents);
  CHECK(Json(documents)["items"].empty());
}

}  // namespace akte::test
