// Follow-ups ("Wiedervorlage") over HTTP: setting them, the due lists per
// user, rescheduling with versions, done (once) and bad input.
#include <catch2/catch.hpp>

#include "api_server.h"

namespace akte::test {
namespace {

using nlohmann::json;

std::vector<std::string> Reasons(const json& list) {
  std::vector<std::string> reasons;
  for (const auto& f : list) reasons.push_back(f["reason"].get<std::string>());
  return reasons;
}

// Customers 1 (10001) and 2 (10002).
void SeedCustomers(ApiServer& api) {
  SendJson(api, "POST", "/api/v1/customers", {{"number", "10001"}, {"company", "Müller GmbH"}},
           201);
  SendJson(api, "POST", "/api/v1/customers",
           {{"number", "10002"}, {"kind", "prospect"}, {"last_name", "Schmidt"}}, 201);
}

}  // namespace

TEST_CASE("follow-ups are set, listed per customer and due per user over the API",
          "[http][follow-ups]") {
  ApiServer api;
  SeedCustomers(api);
  json created = SendJson(api, "POST", "/api/v1/customers/1/follow-ups",
                          {{"due_date", "06.03.2024"}, {"reason", "Angebot nachfassen"}}, 201);
  CHECK(created["customer_id"] == 1);
  CHECK(created["customer_number"] == "10001");
  CHECK(created["customer_name"] == "Müller GmbH");
  CHECK(created["entity"] == "customer");
  CHECK(created["entity_id"] == 1);
  CHECK(created["due_date"] == "2024-03-06");
  CHECK(created["assignee"] == "staff");  // the caller
  CHECK(created["created_by"] == "staff");
  CHECK(created["done_at"] == "");
  CHECK(created["done_by"] == "");
  CHECK(created["version"] == 1);

  json note = SendJson(api, "POST", "/api/v1/customers/1/notes", {{"text", "Ruft zurück"}}, 201);
  json on_note = SendJson(api, "POST", "/api/v1/customers/1/follow-ups",
                          {{"due_date", "2024-03-05"},
                           {"reason", "Rückruf abwarten"},
                           {"assignee", "admin"},
                           {"entity", "note"},
                           {"entity_id", note["id"]}},
                          201);
  CHECK(on_note["entity"] == "note");
  CHECK(on_note["entity_id"] == note["id"]);
  SendJson(api, "POST", "/api/v1/customers/2/follow-ups",
           {{"due_date", "2024-03-10"}, {"reason", "Interessentin anrufen"}}, 201);
  SendJson(api, "POST", "/api/v1/customers/1/follow-ups",
           {{"due_date", "2024-03-11"}, {"reason", "Nächste Woche"}}, 201);

  json items = GetJson(api, "/api/v1/customers/1/follow-ups", "readonly")["items"];
  CHECK(Reasons(items) ==
        std::vector<std::string>{"Rückruf abwarten", "Angebot nachfassen", "Nächste Woche"});

  // Wednesday 6 March 2024: the caller's own by default.
  json mine = GetJson(api, "/api/v1/follow-ups?today=2024-03-06");
  CHECK(mine["today"] == "2024-03-06");
  CHECK(mine["overdue"].empty());
  CHECK(Reasons(mine["due_today"]) == std::vector<std::string>{"Angebot nachfassen"});
  CHECK(Reasons(mine["this_week"]) == std::vector<std::string>{"Interessentin anrufen"});
  json admins = GetJson(api, "/api/v1/follow-ups?assignee=admin&today=2024-03-06", "readonly");
  CHECK(Reasons(admins["overdue"]) == std::vector<std::string>{"Rückruf abwarten"});
  CHECK(admins["due_today"].empty());
  json everyone = GetJson(api, "/api/v1/follow-ups?assignee=all&today=2024-03-10");
  CHECK(everyone["overdue"].size() == 2);
  CHECK(Reasons(everyone["due_today"]) == std::vector<std::string>{"Interessentin anrufen"});
  CHECK(everyone["this_week"].empty());  // Sunday: the week is over

  // Without ?today the firm's day counts.
  json now = GetJson(api, "/api/v1/follow-ups");
  CHECK(now["today"] == api.dir().catalog().FirmToday().value());
}

TEST_CASE("a follow-up is rescheduled with its version and done once, into the history",
          "[http][follow-ups]") {
  ApiServer api;
  SeedCustomers(api);
  auto client = api.Client();
  auto upload = client.Put("/api/v1/documents?filename=Angebot.txt&customer_id=1", api.As("staff"),
                           "Angebot über drei Maschinen", "text/plain");
  REQUIRE(upload);
  INFO(upload->body);
  REQUIRE(upload->status == 201);
  const json document_id = Json(upload)["items"][0]["id"];
  json created = SendJson(api, "POST", "/api/v1/customers/1/follow-ups",
                          {{"due_date", "2024-03-06"},
                           {"reason", "Angebot nachfassen"},
                           {"entity", "document"},
                           {"entity_id", document_id}},
                          201);
  const std::string path = "/api/v1/follow-ups/" + std::to_string(created["id"].get<int>());

  json change = {{"due_date", "13.03.2024"}, {"assignee", "admin"}};
  auto missing = client.Put(path, api.As("staff"), change.dump(), "application/json");
  REQUIRE(missing);
  CHECK(missing->status == 428);
  httplib::Headers stale = api.As("staff");
  stale.emplace("If-Match", "\"7\"");
  auto conflict = client.Put(path, stale, change.dump(), "application/json");
  REQUIRE(conflict);
  CHECK(conflict->status == 412);
  httplib::Headers current = api.As("staff");
  current.emplace("If-Match", "\"1\"");
  auto moved = client.Put(path, current, change.dump(), "application/json");
  REQUIRE(moved);
  INFO(moved->body);
  REQUIRE(moved->status == 200);
  CHECK(Json(moved)["due_date"] == "2024-03-13");
  CHECK(Json(moved)["assignee"] == "admin");
  CHECK(Json(moved)["reason"] == "Angebot nachfassen");
  CHECK(Json(moved)["version"] == 2);
  httplib::Headers next = api.As("staff");
  next.emplace("If-Match", "\"2\"");
  RequireError(client.Put(path, next, R"({"due_date":"nie"})", "application/json"), 400,
               "due_date");
  RequireError(client.Put(path, next, R"({"reason":""})", "application/json"), 400, "reason");

  json done = SendJson(api, "POST", path + "/done", json::object(), 200);
  CHECK(done["done_by"] == "staff");
  CHECK_FALSE(done["done_at"].get<std::string>().empty());
  auto event = client.Get("/api/v1/events/" + std::to_string(done["done_event_id"].get<int>()),
                          api.As("readonly"));
  REQUIRE(event);
  REQUIRE(event->status == 200);
  CHECK(Json(event)["type"] == "Wiedervorlage");
  CHECK(Json(event)["subject"] == "Wiedervorlage erledigt: Angebot nachfassen");
  CHECK(Json(event)["document_ids"] == json::array({document_id}));
  auto again = client.Post(path + "/done", api.As("staff"), "", "application/json");
  RequireError(again, 409, "");
  CHECK_THAT(Json(again)["error"]["message"].get<std::string>(), Catch::Contains("done already"));
  json listed = GetJson(api, "/api/v1/customers/1/follow-ups")["items"];
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["done_by"] == "staff");
  CHECK(GetJson(api, "/api/v1/follow-ups?assignee=all&today=2024-03-13")["due_today"].empty());
}

TEST_CASE("follow-ups refuse bad input with the field named", "[http][follow-ups]") {
  ApiServer api;
  SeedCustomers(api);
  json other_note = SendJson(api, "POST", "/api/v1/customers/2/notes", {{"text", "Notiz"}}, 201);
  auto client = api.Client();
  auto post = [&](const json& body, const std::string& role = "staff") {
    return client.Post("/api/v1/customers/1/follow-ups", api.As(role), body.dump(),
                       "application/json");
  };
  const json good = {{"due_date", "2024-03-06"}, {"reason", "Nachfassen"}};
  auto with = [&](const json& change) {
    json body = good;
    body.update(change);
    return body;
  };
  RequireError(post(with({{"due_date", "31.02.2024"}})), 400, "due_date");
  RequireError(post(json{{"reason", "Nachfassen"}}), 400, "due_date");
  RequireError(post(with({{"reason", " "}})), 400, "reason");
  RequireError(post(with({{"assignee", "niemand"}})), 400, "assignee");
  RequireError(post(with({{"entity", "contact"}, {"entity_id", 1}})), 400, "entity");
  RequireError(post(with({{"entity", "note"}, {"entity_id", other_note["id"]}})), 400, "entity_id");
  RequireError(post(with({{"color", "rot"}})), 400, "color");
  RequireError(post(good, "readonly"), 403, "");
  RequireError(client.Post("/api/v1/customers/99/follow-ups", api.As("staff"), good.dump(),
                           "application/json"),
               404, "");
  RequireError(client.Get("/api/v1/customers/99/follow-ups", api.As("staff")), 404, "");
  RequireError(client.Post("/api/v1/follow-ups/99/done", api.As("staff"), "", "application/json"),
               404, "");
  RequireError(client.Get("/api/v1/follow-ups?assignee=niemand", api.As("staff")), 400, "assignee");
  RequireError(client.Get("/api/v1/follow-ups?today=morgen", api.As("staff")), 400, "today");
}

}  // namespace akte::test
