// Tasks ("Aufgaben") over HTTP: adding them to a customer file, the open
// ones per user, editing with versions, done (once, into the history), and
// bad input with the field named.
#include <catch2/catch.hpp>

#include "api_server.h"

namespace akte::test {
namespace {

using nlohmann::json;

std::vector<std::string> Titles(const json& list) {
  std::vector<std::string> titles;
  for (const auto& t : list) titles.push_back(t["title"].get<std::string>());
  return titles;
}

// Customers 1 (10001) and 2 (10002, a prospect).
void SeedCustomers(ApiServer& api) {
  SendJson(api, "POST", "/api/v1/customers", {{"number", "10001"}, {"company", "Müller GmbH"}},
           201);
  SendJson(api, "POST", "/api/v1/customers",
           {{"number", "10002"}, {"kind", "prospect"}, {"last_name", "Schmidt"}}, 201);
}

}  // namespace

TEST_CASE("tasks are added to a file, listed per customer and open per user over the API",
          "[http][tasks]") {
  ApiServer api;
  SeedCustomers(api);
  json contact =
      SendJson(api, "POST", "/api/v1/customers/1/contacts", {{"last_name", "Weber"}}, 201);
  auto client = api.Client();
  auto answer = client.Post("/api/v1/customers/1/tasks", api.As("staff"),
                            json{{"title", "Angebot schreiben"},
                                 {"text", "Drei Maschinen, mit Wartung"},
                                 {"due_date", "06.03.2024"},
                                 {"contact_id", contact["id"]}}
                                .dump(),
                            "application/json");
  REQUIRE(answer);
  INFO(answer->body);
  REQUIRE(answer->status == 201);
  json created = Json(answer);
  CHECK(answer->get_header_value("Location") ==
        "/api/v1/tasks/" + std::to_string(created["id"].get<int>()));
  CHECK(answer->get_header_value("ETag") == "\"1\"");
  CHECK(created["customer_id"] == 1);
  CHECK(created["customer_number"] == "10001");
  CHECK(created["customer_name"] == "Müller GmbH");
  CHECK(created["contact_id"] == contact["id"]);
  CHECK(created["document_id"].is_null());
  CHECK(created["title"] == "Angebot schreiben");
  CHECK(created["text"] == "Drei Maschinen, mit Wartung");
  CHECK(created["due_date"] == "2024-03-06");
  CHECK(created["assignee"] == "staff");  // the caller
  CHECK(created["created_by"] == "staff");
  CHECK(created["done_at"] == "");
  CHECK(created["done_by"] == "");
  CHECK(created["done_event_id"].is_null());
  CHECK(created["version"] == 1);

  SendJson(api, "POST", "/api/v1/customers/1/tasks",
           {{"title", "Unterlagen sortieren"}, {"assignee", ""}}, 201);  // nobody, no date
  json admins = SendJson(
      api, "POST", "/api/v1/customers/1/tasks",
      {{"title", "Vertrag prüfen"}, {"due_date", "2024-03-04"}, {"assignee", "admin"}}, 201);
  CHECK(admins["assignee"] == "admin");
  SendJson(api, "POST", "/api/v1/customers/2/tasks",
           {{"title", "Interessentin anrufen"}, {"due_date", "2024-03-10"}}, 201);

  // Open ones by due date, the one without a date last.
  json items = GetJson(api, "/api/v1/customers/1/tasks", "readonly")["items"];
  CHECK(Titles(items) ==
        std::vector<std::string>{"Vertrag prüfen", "Angebot schreiben", "Unterlagen sortieren"});
  CHECK(GetJson(api, "/api/v1/customers/2/tasks")["items"].size() == 1);

  // The caller's own open tasks by default, another's by name, or all that
  // have a due date.
  CHECK(Titles(GetJson(api, "/api/v1/tasks")["items"]) ==
        std::vector<std::string>{"Angebot schreiben", "Interessentin anrufen"});
  CHECK(Titles(GetJson(api, "/api/v1/tasks?assignee=admin", "readonly")["items"]) ==
        std::vector<std::string>{"Vertrag prüfen"});
  CHECK(Titles(GetJson(api, "/api/v1/tasks?assignee=all")["items"]) ==
        std::vector<std::string>{"Vertrag prüfen", "Angebot schreiben", "Interessentin anrufen"});
  CHECK(GetJson(api, "/api/v1/tasks", "readonly")["items"].empty());

  auto one =
      client.Get("/api/v1/tasks/" + std::to_string(created["id"].get<int>()), api.As("readonly"));
  REQUIRE(one);
  REQUIRE(one->status == 200);
  CHECK(Json(one) == created);
  CHECK(one->get_header_value("ETag") == "\"1\"");

  // The customer file carries its tasks.
  json file = GetJson(api, "/api/v1/customers/1/file", "readonly");
  CHECK(Titles(file["tasks"]) == Titles(items));
  CHECK(file["appointments"].empty());
}

TEST_CASE("a task is edited with its version and done once, into the history", "[http][tasks]") {
  ApiServer api;
  SeedCustomers(api);
  auto client = api.Client();
  auto upload = client.Put("/api/v1/documents?filename=Angebot.txt&customer_id=1", api.As("staff"),
                           "Angebot über drei Maschinen", "text/plain");
  REQUIRE(upload);
  INFO(upload->body);
  REQUIRE(upload->status == 201);
  const json document_id = Json(upload)["items"][0]["id"];
  json created = SendJson(
      api, "POST", "/api/v1/customers/1/tasks",
      {{"title", "Angebot nachfassen"}, {"due_date", "2024-03-06"}, {"document_id", document_id}},
      201);
  CHECK(created["document_id"] == document_id);
  const std::string path = "/api/v1/tasks/" + std::to_string(created["id"].get<int>());

  json change = {{"due_date", "13.03.2024"}, {"assignee", "admin"}, {"text", "mit Rabatt"}};
  auto missing = client.Put(path, api.As("staff"), change.dump(), "application/json");
  RequireError(missing, 428, "If-Match");
  auto conflict = client.Put(path, WithVersion(api, 7), change.dump(), "application/json");
  REQUIRE(conflict);
  CHECK(conflict->status == 412);
  CHECK(Json(conflict)["current"]["version"] == 1);
  CHECK(Json(conflict)["current"]["due_date"] == "2024-03-06");

  // A client may send back the whole task it read, changed.
  json whole = created;
  whole.update(change);
  auto moved = client.Put(path, WithVersion(api, 1), whole.dump(), "application/json");
  REQUIRE(moved);
  INFO(moved->body);
  REQUIRE(moved->status == 200);
  CHECK(moved->get_header_value("ETag") == "\"2\"");
  CHECK(Json(moved)["due_date"] == "2024-03-13");
  CHECK(Json(moved)["assignee"] == "admin");
  CHECK(Json(moved)["text"] == "mit Rabatt");
  CHECK(Json(moved)["title"] == "Angebot nachfassen");
  CHECK(Json(moved)["document_id"] == document_id);
  CHECK(Json(moved)["version"] == 2);
  RequireError(client.Put(path, WithVersion(api, 2), R"({"due_date":"nie"})", "application/json"),
               400, "due_date");
  RequireError(client.Put(path, WithVersion(api, 2), R"({"title":" "})", "application/json"), 400,
               "title");
  RequireError(
      client.Put(path, WithVersion(api, 2), R"({"done_at":"x","farbe":"rot"})", "application/json"),
      400, "farbe");
  CHECK(GetJson(api, path)["version"] == 2);  // nothing of the refused edits was stored

  json done = SendJson(api, "POST", path + "/done", json::object(), 200);
  CHECK(done["done_by"] == "staff");
  CHECK_FALSE(done["done_at"].get<std::string>().empty());
  REQUIRE(done["done_event_id"].is_number_integer());
  auto event = client.Get("/api/v1/events/" + std::to_string(done["done_event_id"].get<int>()),
                          api.As("readonly"));
  REQUIRE(event);
  REQUIRE(event->status == 200);
  CHECK(Json(event)["type"] == "Aufgabe");
  CHECK(Json(event)["customer_id"] == 1);
  CHECK_THAT(Json(event)["subject"].get<std::string>(), Catch::Contains("Angebot nachfassen"));

  auto again = client.Post(path + "/done", api.As("staff"), "", "application/json");
  RequireError(again, 409, "");
  auto edit_done = client.Put(path, WithVersion(api, done["version"].get<int>()),
                              R"({"title":"Zu spät"})", "application/json");
  RequireError(edit_done, 409, "");
  CHECK_THAT(Json(edit_done)["error"]["message"].get<std::string>(), Catch::Contains("done"));
  CHECK(GetJson(api, "/api/v1/tasks?assignee=admin")["items"].empty());
  json listed = GetJson(api, "/api/v1/customers/1/tasks")["items"];
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["done_by"] == "staff");
  CHECK(listed[0]["title"] == "Angebot nachfassen");
}

TEST_CASE("tasks refuse bad input with the field named, and readers", "[http][tasks]") {
  ApiServer api;
  SeedCustomers(api);
  json other_contact =
      SendJson(api, "POST", "/api/v1/customers/2/contacts", {{"last_name", "Fremd"}}, 201);
  auto client = api.Client();
  auto post = [&](const json& body, const std::string& role = "staff") {
    return client.Post("/api/v1/customers/1/tasks", api.As(role), body.dump(), "application/json");
  };
  const json good = {{"title", "Nachfassen"}, {"due_date", "2024-03-06"}};
  auto with = [&](const json& change) {
    json body = good;
    body.update(change);
    return body;
  };
  RequireError(post(json{{"due_date", "2024-03-06"}}), 400, "title");
  RequireError(post(with({{"title", "  "}})), 400, "title");
  RequireError(post(with({{"title", 5}})), 400, "title");
  RequireError(post(with({{"due_date", "31.02.2024"}})), 400, "due_date");
  RequireError(post(with({{"assignee", "niemand"}})), 400, "assignee");
  RequireError(post(with({{"contact_id", other_contact["id"]}})), 400, "contact_id");
  RequireError(post(with({{"contact_id", "eins"}})), 400, "contact_id");
  RequireError(post(with({{"document_id", 4711}})), 400, "document_id");
  RequireError(post(with({{"color", "rot"}})), 400, "color");
  RequireError(
      client.Post("/api/v1/customers/1/tasks", api.As("staff"), "[1,2]", "application/json"), 400,
      "body");
  RequireError(post(good, "readonly"), 403, "");
  CHECK(GetJson(api, "/api/v1/customers/1/tasks")["items"].empty());  // none of them was stored

  RequireError(
      client.Post("/api/v1/customers/99/tasks", api.As("staff"), good.dump(), "application/json"),
      404, "");
  RequireError(client.Get("/api/v1/customers/99/tasks", api.As("staff")), 404, "");
  RequireError(client.Get("/api/v1/tasks/99", api.As("staff")), 404, "");
  RequireError(client.Put("/api/v1/tasks/99", WithVersion(api, 1), good.dump(), "application/json"),
               404, "");
  RequireError(client.Post("/api/v1/tasks/99/done", api.As("staff"), "", "application/json"), 404,
               "");
  RequireError(client.Get("/api/v1/tasks/abc", api.As("staff")), 400, "id");
  RequireError(client.Get("/api/v1/tasks?assignee=niemand", api.As("staff")), 400, "assignee");

  json task = SendJson(api, "POST", "/api/v1/customers/1/tasks", good, 201);
  const std::string path = "/api/v1/tasks/" + std::to_string(task["id"].get<int>());
  RequireError(
      client.Put(path, WithVersion(api, 1, "readonly"), R"({"title":"Neu"})", "application/json"),
      403, "");
  RequireError(client.Post(path + "/done", api.As("readonly"), "", "application/json"), 403, "");
  CHECK(GetJson(api, path)["done_at"] == "");
}

}  // namespace akte::test
