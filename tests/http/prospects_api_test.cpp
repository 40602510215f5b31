// Prospects over HTTP: the pipeline status with versions, the conversion to
// a customer, the list filter, search by status, and renaming types.
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>

#include "api_server.h"

namespace akte::test {
namespace {

using nlohmann::json;

httplib::Headers WithVersion(ApiServer& api, const std::string& role, int version) {
  httplib::Headers headers = api.As(role);
  headers.emplace("If-Match", "\"" + std::to_string(version) + "\"");
  return headers;
}

httplib::Result Post(ApiServer& api, const std::string& path, const json& body,
                     const httplib::Headers& headers) {
  auto client = api.Client();
  return client.Post(path, headers, body.dump(), "application/json");
}

json Created(ApiServer& api, const json& body) {
  auto answer = Post(api, "/api/v1/customers", body, api.As("staff"));
  REQUIRE(answer);
  INFO(answer->body);
  REQUIRE(answer->status == 201);
  return Json(answer);
}

json Get(ApiServer& api, const std::string& path) {
  auto client = api.Client();
  auto answer = client.Get(path, api.As("readonly"));
  REQUIRE(answer);
  INFO(answer->body);
  REQUIRE(answer->status == 200);
  return Json(answer);
}

std::vector<std::string> Numbers(const json& items) {
  std::vector<std::string> numbers;
  for (const auto& c : items) numbers.push_back(c["number"].get<std::string>());
  return numbers;
}

// The search's hits for `q` once it finds `want` of them (the index
// catches up in the background), polled for up to 20 s.
json SearchUntil(ApiServer& api, const std::string& q, std::size_t want) {
  json hits;
  for (int i = 0; i < 200; ++i) {
    hits = Get(api, "/api/v1/search?q=" + q)["hits"];
    if (hits.size() == want) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return hits;
}

}  // namespace

TEST_CASE("a prospect moves through the pipeline and is converted over the API",
          "[http][prospects]") {
  ApiServer api;
  json prospect = Created(api, {{"number", "I-7"}, {"kind", "prospect"}, {"last_name", "Schmidt"}});
  CHECK(prospect["pipeline_status"] == "new");
  CHECK(prospect["converted_at"] == "");
  json offered = Created(api, {{"number", "I-8"},
                               {"kind", "prospect"},
                               {"last_name", "Weber"},
                               {"pipeline_status", "offer_sent"}});
  CHECK(offered["pipeline_status"] == "offer_sent");
  json customer = Created(api, {{"number", "10001"}, {"company", "Müller GmbH"}});
  CHECK(customer["pipeline_status"] == "");
  const std::string path = "/api/v1/customers/" + std::to_string(prospect["id"].get<int>());

  auto moved = Post(api, path + "/pipeline", {{"status", "Angebot gesendet"}, {"remark", "A-17"}},
                    WithVersion(api, "staff", 1));
  REQUIRE(moved);
  INFO(moved->body);
  REQUIRE(moved->status == 200);
  CHECK(Json(moved)["pipeline_status"] == "offer_sent");
  CHECK(moved->get_header_value("ETag") == "\"2\"");

  json listed = Get(api, "/api/v1/customers?kind=prospect&pipeline_status=offer_sent");
  CHECK(Numbers(listed["items"]) == std::vector<std::string>{"I-7", "I-8"});
  CHECK(Get(api, "/api/v1/customers?pipeline_status=lost")["items"].empty());
  auto client = api.Client();
  RequireError(client.Get("/api/v1/customers?pipeline_status=vielleicht", api.As("readonly")), 400,
               "pipeline_status");

  // The search finds prospects by their status.
  json hits = SearchUntil(api, "status:angebot", 2);
  CHECK(hits.size() == 2);

  auto converted =
      Post(api, path + "/convert", {{"number", "10050"}}, WithVersion(api, "staff", 2));
  REQUIRE(converted);
  INFO(converted->body);
  REQUIRE(converted->status == 200);
  json now = Json(converted);
  CHECK(now["id"] == prospect["id"]);
  CHECK(now["kind"] == "customer");
  CHECK(now["number"] == "10050");
  CHECK(now["pipeline_status"] == "won");
  CHECK(now["converted_at"] != "");

  json events = Get(api, path + "/file?kind=event")["items"];
  REQUIRE(events.size() == 2);
  const std::string newest =
      events[0]["title"].get<std::string>() + " " + events[0]["detail"].get<std::string>();
  CHECK(newest.find("In Kunden umgewandelt (Kundennummer 10050)") != std::string::npos);

  // Now a customer: no pipeline, no second conversion (409, not a stale 412).
  RequireError(Post(api, path + "/pipeline", {{"status", "lost"}}, WithVersion(api, "staff", 3)),
               409, "");
  RequireError(Post(api, path + "/convert", json::object(), WithVersion(api, "staff", 3)), 409, "");
}

TEST_CASE("the pipeline routes refuse bad input, stale versions and readers", "[http][prospects]") {
  ApiServer api;
  json prospect = Created(api, {{"number", "I-7"}, {"kind", "prospect"}, {"last_name", "Schmidt"}});
  Created(api, {{"number", "10001"}, {"company", "Müller GmbH"}});
  RequireError(Post(api, "/api/v1/customers",
                    {{"number", "I-9"},
                     {"kind", "prospect"},
                     {"last_name", "Roth"},
                     {"pipeline_status", "maybe"}},
                    api.As("staff")),
               400, "pipeline_status");
  const std::string path = "/api/v1/customers/" + std::to_string(prospect["id"].get<int>());

  RequireError(Post(api, path + "/pipeline", {{"status", "maybe"}}, WithVersion(api, "staff", 1)),
               400, "status");
  RequireError(Post(api, path + "/pipeline", json::object(), WithVersion(api, "staff", 1)), 400,
               "status");
  RequireError(Post(api, path + "/pipeline", {{"status", "won"}, {"colour", "red"}},
                    WithVersion(api, "staff", 1)),
               400, "colour");
  RequireError(Post(api, path + "/pipeline", {{"status", "new"}}, WithVersion(api, "staff", 1)),
               400, "pipeline_status");
  RequireError(Post(api, path + "/pipeline", {{"status", "won"}}, api.As("staff")), 428,
               "If-Match");
  auto stale = Post(api, path + "/pipeline", {{"status", "won"}}, WithVersion(api, "staff", 5));
  REQUIRE(stale);
  CHECK(stale->status == 412);
  CHECK(Json(stale)["current"]["version"] == 1);
  RequireError(Post(api, path + "/pipeline", {{"status", "won"}}, WithVersion(api, "readonly", 1)),
               403, "");
  RequireError(
      Post(api, "/api/v1/customers/99/pipeline", {{"status", "won"}}, WithVersion(api, "staff", 1)),
      404, "");

  RequireError(Post(api, path + "/convert", {{"number", "10001"}}, WithVersion(api, "staff", 1)),
               409, "number");
  auto stale_convert = Post(api, path + "/convert", json::object(), WithVersion(api, "staff", 9));
  REQUIRE(stale_convert);
  CHECK(stale_convert->status == 412);
  // An edit of the master data does not move the status.
  auto client = api.Client();
  RequireError(client.Patch(path.c_str(), WithVersion(api, "staff", 1),
                            json{{"pipeline_status", "won"}}.dump(), "application/json"),
               400, "pipeline_status");
  json stored = Get(api, path);
  CHECK(stored["version"] == 1);
  CHECK(stored["kind"] == "prospect");
  CHECK(stored["pipeline_status"] == "new");
}

TEST_CASE("admins rename a type over the API; the records show the new name",
          "[http][prospects][types]") {
  ApiServer api;
  json customer = Created(api, {{"number", "10001"}, {"company", "Müller GmbH"}});
  const std::string events =
      "/api/v1/customers/" + std::to_string(customer["id"].get<int>()) + "/events";
  auto logged = Post(api, events, {{"type", "Rückruf"}, {"subject", "Ruft wegen Wartung zurück"}},
                     api.As("staff"));
  REQUIRE(logged);
  REQUIRE(logged->status == 201);

  auto client = api.Client();
  auto renamed = client.Put("/api/v1/event-types/R%C3%BCckruf", api.As("admin"),
                            json{{"name", "Rückrufbitte"}}.dump(), "application/json");
  REQUIRE(renamed);
  INFO(renamed->body);
  REQUIRE(renamed->status == 200);
  CHECK(Json(renamed)["name"] == "Rückrufbitte");
  json types = Get(api, "/api/v1/event-types")["items"];
  CHECK(std::find(types.begin(), types.end(), "Rückrufbitte") != types.end());
  CHECK(std::find(types.begin(), types.end(), "Rückruf") == types.end());
  json event = Get(api, "/api/v1/events/" + std::to_string(Json(logged)["id"].get<int>()));
  CHECK(event["type"] == "Rückrufbitte");

  RequireError(client.Put("/api/v1/event-types/Mailing", api.As("staff"),
                          json{{"name", "Serienbrief"}}.dump(), "application/json"),
               403, "");
  RequireError(client.Put("/api/v1/event-types/Mailing", api.As("admin"),
                          json{{"name", "newsletter"}}.dump(), "application/json"),
               409, "name");
  RequireError(client.Put("/api/v1/event-types/Fax", api.As("admin"),
                          json{{"name", "Telefax"}}.dump(), "application/json"),
               404, "");
  RequireError(client.Put("/api/v1/document-types/Sonstiges", api.As("admin"),
                          json{{"name", "Anderes"}}.dump(), "application/json"),
               409, "");
  RequireError(client.Put("/api/v1/document-types/Memo", api.As("admin"), json{{"nam", "x"}}.dump(),
                          "application/json"),
               400, "nam");
}

}  // namespace akte::test
