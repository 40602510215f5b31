// The admin's lists of document and event types, and the firm's time zone
// setting, through the REST API.
#include <catch2/catch.hpp>

#include "api_server.h"

namespace akte::test {
namespace {

using nlohmann::json;

httplib::Headers With(httplib::Headers headers, const std::string& name, const std::string& value) {
  headers.emplace(name, value);
  return headers;
}

void RequireError(const httplib::Result& result, int status, const std::string& code,
                  const std::string& field) {
  REQUIRE(result);
  INFO(result->body);
  CHECK(result->status == status);
  json body = Json(result);
  REQUIRE(body.contains("error"));
  CHECK(body["error"]["code"] == code);
  CHECK(!body["error"]["message"].get<std::string>().empty());
  if (field.empty()) {
    CHECK(body["error"]["field"].is_null());
  } else {
    CHECK(body["error"]["field"] == field);
  }
}

std::vector<std::string> Listed(ApiServer& api, const std::string& path) {
  auto client = api.Client();
  auto result = client.Get(path.c_str(), api.As("readonly"));
  REQUIRE(result);
  REQUIRE(result->status == 200);
  return Json(result)["items"].get<std::vector<std::string>>();
}

bool Has(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

TEST_CASE("an admin adds a document type, which uploads may then carry", "[http][types]") {
  ApiServer api;
  auto client = api.Client();
  auto added = client.Post("/api/v1/document-types", api.As("admin"),
                           R"({"name":"  Wartungsbericht "})", "application/json");
  REQUIRE(added);
  INFO(added->body);
  CHECK(added->status == 201);
  CHECK(Json(added)["name"] == "Wartungsbericht");
  CHECK(added->get_header_value("Location") == "/api/v1/document-types/Wartungsbericht");
  auto types = Listed(api, "/api/v1/document-types");
  CHECK(types.back() == "Wartungsbericht");
  CHECK_FALSE(Has(Listed(api, "/api/v1/event-types"), "Wartungsbericht"));

  auto customer = client.Post("/api/v1/customers", api.As("staff"),
                              R"({"number":"10001","company":"Müller GmbH"})", "application/json");
  REQUIRE(customer->status == 201);
  auto uploaded =
      client.Put("/api/v1/documents?customer_id=1&filename=bericht.txt&type=Wartungsbericht",
                 api.As("staff"), "Bericht", "text/plain");
  REQUIRE(uploaded);
  INFO(uploaded->body);
  CHECK(uploaded->status == 201);
}

TEST_CASE("adding a type: only admins, no duplicates, a name is required", "[http][types]") {
  ApiServer api;
  auto client = api.Client();
  const char* path = "/api/v1/event-types";
  auto staff =
      client.Post(path, api.As("staff"), R"({"name":"Videokonferenz"})", "application/json");
  RequireError(staff, 403, "forbidden", "");
  CHECK_FALSE(Has(Listed(api, path), "Videokonferenz"));
  RequireError(client.Post(path, api.As("admin"), R"({"name":"rückruf"})", "application/json"), 409,
               "already_exists", "name");
  RequireError(client.Post(path, api.As("admin"), R"({"name":"  "})", "application/json"), 400,
               "invalid_argument", "name");
  RequireError(client.Post(path, api.As("admin"), R"({})", "application/json"), 400,
               "invalid_argument", "name");
  RequireError(
      client.Post(path, api.As("admin"), R"({"name":"x","colour":"red"})", "application/json"), 400,
      "invalid_argument", "colour");
  RequireError(client.Post(path, api.As("admin"), json{{"name", std::string(61, 'x')}}.dump(),
                           "application/json"),
               400, "invalid_argument", "name");
}

TEST_CASE("retiring a type by its percent-encoded name, and adding it back", "[http][types]") {
  ApiServer api;
  auto client = api.Client();
  // "Bonitätsprüfung" in another case, encoded as encodeURIComponent does.
  const std::string path = "/api/v1/event-types/bonit%C3%A4tspr%C3%BCfung";
  CHECK(client.Delete(path.c_str(), api.As("staff"))->status == 403);
  CHECK(Has(Listed(api, "/api/v1/event-types"), "Bonitätsprüfung"));
  auto retired = client.Delete(path.c_str(), api.As("admin"));
  REQUIRE(retired);
  INFO(retired->body);
  CHECK(retired->status == 204);
  CHECK_FALSE(Has(Listed(api, "/api/v1/event-types"), "Bonitätsprüfung"));
  RequireError(client.Delete(path.c_str(), api.As("admin")), 404, "not_found", "");
  RequireError(client.Delete("/api/v1/event-types/Gibt%20es%20nicht", api.As("admin")), 404,
               "not_found", "");

  // Retired: no new event may carry it.
  REQUIRE(client
              .Post("/api/v1/customers", api.As("staff"),
                    R"({"number":"10001","company":"Müller GmbH"})", "application/json")
              ->status == 201);
  RequireError(
      client.Post("/api/v1/customers/1/events", api.As("staff"),
                  R"({"type":"Bonitätsprüfung","subject":"Auskunft"})", "application/json"),
      400, "invalid_argument", "type");

  auto back = client.Post("/api/v1/event-types", api.As("admin"), R"({"name":"bonitätsprüfung"})",
                          "application/json");
  REQUIRE(back);
  INFO(back->body);
  CHECK(back->status == 201);
  CHECK(Json(back)["name"] == "Bonitätsprüfung");
  CHECK(Has(Listed(api, "/api/v1/event-types"), "Bonitätsprüfung"));
}

TEST_CASE("a retired type added again comes back with its stored spelling", "[http][types]") {
  ApiServer api;
  auto client = api.Client();
  REQUIRE(client.Delete("/api/v1/document-types/Memo", api.As("admin"))->status == 204);
  auto back = client.Post("/api/v1/document-types", api.As("admin"), R"({"name":"memo"})",
                          "application/json");
  REQUIRE(back);
  CHECK(back->status == 201);
  CHECK(Json(back)["name"] == "Memo");
  auto types = Listed(api, "/api/v1/document-types");
  CHECK(std::count(types.begin(), types.end(), "Memo") == 1);
}

TEST_CASE("the types akte gives records itself cannot be retired", "[http][types]") {
  ApiServer api;
  auto client = api.Client();
  RequireError(client.Delete("/api/v1/document-types/Sonstiges", api.As("admin")), 409, "conflict",
               "");
  RequireError(client.Delete("/api/v1/event-types/E-Mail%20eingehend", api.As("admin")), 409,
               "conflict", "");
  CHECK(Has(Listed(api, "/api/v1/document-types"), "Sonstiges"));
}

TEST_CASE("firm.timezone takes only IANA time zones and names itself when refused",
          "[http][settings]") {
  ApiServer api;
  auto client = api.Client();
  const char* path = "/api/v1/settings/firm.timezone";
  RequireError(client.Get(path, api.As("readonly")), 404, "not_found", "");
  CHECK(client.Put(path, api.As("staff"), R"({"value":"America/New_York"})", "application/json")
            ->status == 403);
  for (const char* bad :
       {"Europe/Atlantis", "../../../etc/passwd", "/etc/localtime", "", "zone.tab"}) {
    INFO("'" << bad << "'");
    RequireError(client.Put(path, api.As("admin"), json{{"value", bad}}.dump(), "application/json"),
                 400, "invalid_argument", "firm.timezone");
  }
  auto created =
      client.Put(path, api.As("admin"), R"({"value":"America/New_York"})", "application/json");
  REQUIRE(created);
  CHECK(created->status == 201);
  CHECK(created->get_header_value("ETag") == "\"1\"");
  // A bad value is named as such, even before the missing If-Match.
  RequireError(
      client.Put(path, api.As("admin"), R"({"value":"Mars/Olympus_Mons"})", "application/json"),
      400, "invalid_argument", "firm.timezone");
  auto changed = client.Put(path, With(api.As("admin"), "If-Match", "\"1\""),
                            R"({"value":"Europe/Vienna"})", "application/json");
  REQUIRE(changed);
  CHECK(changed->status == 200);
  json stored = Json(client.Get(path, api.As("readonly")));
  CHECK(stored["value"] == "Europe/Vienna");
  CHECK(stored["version"] == 2);
}

}  // namespace akte::test
