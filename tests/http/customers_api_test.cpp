// The REST API's records: customers, contacts, conditions, notes, events,
// the file timeline; versions and If-Match; the error shape for bad input.
#include <catch2/catch.hpp>

#include "api_server.h"

namespace akte::test {
namespace {

using nlohmann::json;

httplib::Headers With(httplib::Headers headers, const std::string& name, const std::string& value) {
  headers.emplace(name, value);
  return headers;
}

json CreateCustomer(ApiServer& api, const json& customer) {
  auto client = api.Client();
  auto created =
      client.Post("/api/v1/customers", api.As("staff"), customer.dump(), "application/json");
  REQUIRE(created);
  INFO(created->body);
  REQUIRE(created->status == 201);
  return Json(created);
}

}  // namespace

TEST_CASE("a customer is created, read, listed and found by filter", "[http]") {
  ApiServer api;
  json created =
      CreateCustomer(api, {{"number", "10001"},
                           {"company", "Müller Maschinenbau"},
                           {"legal_form", "GmbH"},
                           {"city", "München"},
                           {"emails", {"info@mueller.de"}},
                           {"phones", {{{"kind", "mobile"}, {"number", "+49 170 1234567"}}}}});
  CHECK(created["number"] == "10001");
  CHECK(created["version"] == 1);
  CreateCustomer(api, {{"number", "10002"}, {"company", "Bäckerei Schmidt"}, {"city", "Köln"}});

  auto client = api.Client();
  const std::string id = std::to_string(created["id"].get<int>());
  auto read = client.Get("/api/v1/customers/" + id, api.As("readonly"));
  REQUIRE(read);
  CHECK(read->status == 200);
  CHECK(read->get_header_value("ETag") == "\"1\"");
  CHECK(Json(read)["phones"][0]["kind"] == "mobile");

  auto list = client.Get("/api/v1/customers?filter=m%C3%BCnchen", api.As("readonly"));
  REQUIRE(list);
  json page = Json(list);
  REQUIRE(page["total"] == 1);
  CHECK(page["items"][0]["company"] == "Müller Maschinenbau");

  auto sorted = Json(client.Get("/api/v1/customers?sort=name&order=desc&limit=1", api.As("staff")));
  CHECK(sorted["total"] == 2);
  REQUIRE(sorted["items"].size() == 1);
  CHECK(sorted["items"][0]["company"] == "Müller Maschinenbau");
}

TEST_CASE(
    "an edit needs the version it was based on and a stale one gets 412 with the current state",
    "[http]") {
  ApiServer api;
  json customer = CreateCustomer(api, {{"number", "10001"}, {"company", "Krüger Logistik"}});
  const std::string path = "/api/v1/customers/" + std::to_string(customer["id"].get<int>());
  auto client = api.Client();

  auto without =
      client.Patch(path.c_str(), api.As("staff"), R"({"city":"Hamburg"})", "application/json");
  RequireError(without, 428, "If-Match");

  auto first = client.Patch(path.c_str(), With(api.As("staff"), "If-Match", "\"1\""),
                            R"({"city":"Hamburg"})", "application/json");
  REQUIRE(first);
  REQUIRE(first->status == 200);
  CHECK(first->get_header_value("ETag") == "\"2\"");
  CHECK(Json(first)["company"] == "Krüger Logistik");  // fields not sent stay

  // A second person still holds version 1.
  auto stale = client.Patch(path.c_str(), With(api.As("admin"), "If-Match", "\"1\""),
                            R"({"city":"Bremen"})", "application/json");
  REQUIRE(stale);
  CHECK(stale->status == 412);
  json conflict = Json(stale);
  CHECK(conflict["error"]["code"] == "version_mismatch");
  CHECK(conflict["current"]["city"] == "Hamburg");
  CHECK(conflict["current"]["version"] == 2);
  CHECK(Json(client.Get(path, api.As("staff")))["city"] == "Hamburg");
}

TEST_CASE("bad JSON, unknown fields and wrong types get a 400 naming the problem", "[http]") {
  ApiServer api;
  auto client = api.Client();
  RequireError(
      client.Post("/api/v1/customers", api.As("staff"), "{\"number\": ", "application/json"), 400,
      "body");
  RequireError(client.Post("/api/v1/customers", api.As("staff"), "[1, 2]", "application/json"), 400,
               "body");
  RequireError(client.Post("/api/v1/customers", api.As("staff"),
                           R"({"number":"1","company":"A","colour":"red"})", "application/json"),
               400, "colour");
  RequireError(client.Post("/api/v1/customers", api.As("staff"),
                           R"({"number":"1","company":"A","emails":"a@b.de"})", "application/json"),
               400, "emails");
  RequireError(client.Post("/api/v1/customers", api.As("staff"), R"({"number":1,"company":"A"})",
                           "application/json"),
               400, "number");
  RequireError(client.Post("/api/v1/customers", api.As("staff"),
                           R"({"number":"1","company":"A","emails":["not-an-address"]})",
                           "application/json"),
               400, "emails");
  // The catalog's rules name their field too.
  RequireError(
      client.Post("/api/v1/customers", api.As("staff"), R"({"company":"A"})", "application/json"),
      400, "number");
  CreateCustomer(api, {{"number", "7"}, {"company", "A"}});
  RequireError(client.Post("/api/v1/customers", api.As("staff"), R"({"number":"7","company":"B"})",
                           "application/json"),
               409, "number");
  // More than 1 MiB of JSON is refused.
  const std::string huge =
      R"({"number":"8","company":"B","remarks":")" + std::string(1100 * 1024, 'x') + "\"}";
  auto large = client.Post("/api/v1/customers", api.As("staff"), huge, "application/json");
  REQUIRE(large);
  CHECK(large->status == 413);
}

TEST_CASE("ids in paths must be positive numbers; traversal attempts get 400 or 404", "[http]") {
  ApiServer api;
  auto client = api.Client();
  for (const char* path :
       {"/api/v1/customers/abc", "/api/v1/customers/-1", "/api/v1/customers/0",
        "/api/v1/customers/1e3", "/api/v1/documents/..%2F..%2Fetc%2Fpasswd/content",
        "/api/v1/documents/1%00/content", "/api/v1/notes/99999999999999999999999"}) {
    INFO(path);
    auto result = client.Get(path, api.As("admin"));
    REQUIRE(result);
    CHECK((result->status == 400 || result->status == 404));
    CHECK(Json(result).contains("error"));
    CHECK(result->body.find("/etc") == std::string::npos);
  }
  for (const char* path : {"/api/v1/customers/../users", "/api/v1/../../etc/passwd",
                           "/api/v1/customers/1/../../users"}) {
    INFO(path);
    auto result = client.Get(path, api.As("staff"));
    REQUIRE(result);
    CHECK((result->status == 400 || result->status == 404));
  }
  RequireError(client.Get("/api/v1/customers/424242", api.As("staff")), 404, "");
}

TEST_CASE("contacts, conditions, notes and events belong to their customer and its file",
          "[http]") {
  ApiServer api;
  json customer = CreateCustomer(api, {{"number", "10001"}, {"company", "Weber & Söhne KG"}});
  const std::string base = "/api/v1/customers/" + std::to_string(customer["id"].get<int>());
  auto client = api.Client();

  auto contact = client.Post((base + "/contacts").c_str(), api.As("staff"),
                             R"({"first_name":"Anna","last_name":"Weber","role":"Einkauf"})",
                             "application/json");
  REQUIRE(contact);
  REQUIRE(contact->status == 201);
  const std::string contact_path = contact->get_header_value("Location");
  auto renamed = client.Patch(contact_path.c_str(), With(api.As("staff"), "If-Match", "\"1\""),
                              R"({"role":"Geschäftsführung"})", "application/json");
  REQUIRE(renamed);
  CHECK(renamed->status == 200);
  CHECK(Json(renamed)["role"] == "Geschäftsführung");

  RequireError(client.Get((base + "/conditions").c_str(), api.As("staff")), 404, "");
  auto conditions = client.Put((base + "/conditions").c_str(), api.As("staff"),
                               R"({"discount_basis_points":250,"payment_terms":"14 Tage netto"})",
                               "application/json");
  REQUIRE(conditions);
  CHECK(conditions->status == 201);
  auto stale =
      client.Put((base + "/conditions").c_str(), With(api.As("staff"), "If-Match", "\"9\""),
                 R"({"discount_basis_points":300})", "application/json");
  REQUIRE(stale);
  CHECK(stale->status == 412);
  CHECK(Json(stale)["current"]["discount_basis_points"] == 250);

  // The author and time of a note come from the caller, not the request.
  auto note =
      client.Post((base + "/notes").c_str(), api.As("staff"),
                  R"({"text":"Rückruf wegen Wartungsvertrag vereinbart"})", "application/json");
  REQUIRE(note);
  REQUIRE(note->status == 201);
  CHECK(Json(note)["author"] == "staff");
  RequireError(client.Post((base + "/notes").c_str(), api.As("staff"),
                           R"({"text":"x","author":"admin"})", "application/json"),
               400, "author");
  const std::string note_path = note->get_header_value("Location");
  auto edited = client.Patch(note_path.c_str(), With(api.As("admin"), "If-Match", "\"1\""),
                             R"({"text":"Rückruf am Montag"})", "application/json");
  REQUIRE(edited);
  CHECK(edited->status == 200);
  CHECK(Json(edited)["text"] == "Rückruf am Montag");
  CHECK(Json(edited)["author"] == "staff");

  auto event = client.Post(
      (base + "/events").c_str(), api.As("admin"),
      R"({"type":"Anruf eingehend","subject":"Preisanfrage","occurred_at":"2024-03-05T09:30:00Z"})",
      "application/json");
  REQUIRE(event);
  INFO(event->body);
  REQUIRE(event->status == 201);

  json file = Json(client.Get((base + "/file").c_str(), api.As("readonly")));
  CHECK(file["total"] == 2);
  json events = Json(client.Get((base + "/file?kind=event").c_str(), api.As("readonly")));
  REQUIRE(events["total"] == 1);
  CHECK(events["items"][0]["title"].get<std::string>().find("Preisanfrage") != std::string::npos);
  CHECK(events["items"][0]["author"] == "admin");
  CHECK(events["items"][0]["author_name"] == "Jana Schreiber");
  json old = Json(client.Get((base + "/file?until=2024-12-31").c_str(), api.As("readonly")));
  CHECK(old["total"] == 1);
  // A day in the firm's zone: the event at 09:30 UTC is 10:30 in Berlin on
  // 5 March; ending 5 March at 10:00 Berlin time (09:00 UTC) leaves it out.
  auto period = [&](const std::string& query) {
    return Json(client.Get((base + "/file?kind=event&" + query).c_str(), api.As("readonly")));
  };
  CHECK(period("since=2024-03-05T00:00:00%2B01:00&until=2024-03-05T23:59:59%2B01:00")["total"] ==
        1);
  CHECK(period("until=2024-03-05T10:00:00%2B01:00")["total"] == 0);
  CHECK(period("since=2024-03-05T10:30:00%2B01:00")["total"] == 1);
  RequireError(client.Get((base + "/file?since=2024-03-05T10:00:00").c_str(), api.As("readonly")),
               400, "since");
  RequireError(client.Get((base + "/file?until=2024-02-30").c_str(), api.As("readonly")), 400,
               "until");
  RequireError(client.Get((base + "/file?kind=invoice").c_str(), api.As("readonly")), 400, "kind");
}

TEST_CASE("settings carry a version and only admins change them", "[http]") {
  ApiServer api;
  auto client = api.Client();
  const char* path = "/api/v1/settings/extract.cpu_seconds";
  RequireError(client.Get(path, api.As("readonly")), 404, "");
  CHECK(client.Put(path, api.As("staff"), R"({"value":"30"})", "application/json")->status == 403);
  RequireError(client.Put(path, api.As("admin"), R"({"value":"-4"})", "application/json"), 400,
               "extract.cpu_seconds");
  auto created = client.Put(path, api.As("admin"), R"({"value":"30"})", "application/json");
  REQUIRE(created);
  CHECK(created->status == 201);
  CHECK(created->get_header_value("ETag") == "\"1\"");
  RequireError(client.Put(path, api.As("admin"), R"({"value":"40"})", "application/json"), 428,
               "If-Match");
  auto changed = client.Put(path, With(api.As("admin"), "If-Match", "\"1\""), R"({"value":"40"})",
                            "application/json");
  CHECK(changed->status == 200);
  auto stale = client.Put(path, With(api.As("admin"), "If-Match", "\"1\""), R"({"value":"50"})",
                          "application/json");
  REQUIRE(stale);
  CHECK(stale->status == 412);
  CHECK(Json(stale)["current"]["value"] == "40");
  auto listed = Json(client.Get("/api/v1/settings", api.As("readonly")));
  REQUIRE(listed["items"].size() == 1);
  CHECK(listed["items"][0]["value"] == "40");
  RequireError(client.Get("/api/v1/settings/Bad%20Key", api.As("admin")), 400, "key");
  RequireError(client.Get("/api/v1/settings/..%2Fcatalog.db", api.As("admin")), 404, "");
}

TEST_CASE("a customer's contacts download as vCards in both versions", "[http]") {
  ApiServer api;
  json customer = CreateCustomer(api, {{"number", "10001"}, {"company", "Müller Maschinenbau"}});
  auto client = api.Client();
  const std::string base = "/api/v1/customers/" + std::to_string(customer["id"].get<int>());
  auto added = client.Post(base + "/contacts", api.As("staff"),
                           R"({"first_name":"Thomas","last_name":"Weber"})", "application/json");
  REQUIRE(added);
  REQUIRE(added->status == 201);
  auto v4 = client.Get(base + "/contacts/vcard", api.As("readonly"));
  REQUIRE(v4);
  CHECK(v4->status == 200);
  CHECK(v4->get_header_value("Content-Type") == "text/vcard; charset=utf-8");
  CHECK(v4->get_header_value("Content-Disposition") ==
        "attachment; filename=\"Ansprechpartner-10001.vcf\"");
  CHECK(v4->body.find("VERSION:4.0\r\n") != std::string::npos);
  CHECK(v4->body.find("FN:Thomas Weber\r\n") != std::string::npos);
  CHECK(v4->body.find("ORG:Müller Maschinenbau\r\n") != std::string::npos);
  auto v3 = client.Get(base + "/contacts/vcard?version=3.0", api.As("readonly"));
  REQUIRE(v3);
  CHECK(v3->body.find("VERSION:3.0\r\n") != std::string::npos);
  RequireError(client.Get(base + "/contacts/vcard?version=2.1", api.As("readonly")), 400,
               "version");
  RequireError(client.Get("/api/v1/customers/99/contacts/vcard", api.As("readonly")), 404, "");
}

TEST_CASE("the coming birthdays list over the API, with a bad window refused", "[http]") {
  ApiServer api;
  json customer = CreateCustomer(api, {{"number", "10001"}, {"company", "Müller Maschinenbau"}});
  auto client = api.Client();
  const std::string base = "/api/v1/customers/" + std::to_string(customer["id"].get<int>());
  auto added = client.Post(base + "/contacts", api.As("staff"),
                           R"({"first_name":"Thomas","last_name":"Weber","birthday":"1975-01-03"})",
                           "application/json");
  REQUIRE(added);
  REQUIRE(added->status == 201);
  auto coming = client.Get("/api/v1/birthdays?from=2025-12-30&days=7", api.As("readonly"));
  REQUIRE(coming);
  INFO(coming->body);
  REQUIRE(coming->status == 200);
  json items = Json(coming)["items"];
  REQUIRE(items.size() == 1);
  CHECK(items[0]["date"] == "2026-01-03");
  CHECK(items[0]["age"] == 51);
  CHECK(items[0]["name"] == "Thomas Weber");
  CHECK(items[0]["customer_number"] == "10001");
  CHECK(items[0]["contact_id"] == Json(added)["id"]);
  auto none = client.Get("/api/v1/birthdays?from=2026-02-01&days=14", api.As("readonly"));
  REQUIRE(none);
  CHECK(Json(none)["items"].empty());
  RequireError(client.Get("/api/v1/birthdays?days=999", api.As("readonly")), 400, "days");
  RequireError(client.Get("/api/v1/birthdays?from=morgen", api.As("readonly")), 400, "from");
}

}  // namespace akte::test
