// Appointments ("Termine") over HTTP: adding them to a customer file,
// editing and cancelling with versions, a user's day (GET /agenda) judged
// in the firm's time zone, and bad input with the field named.
#include <catch2/catch.hpp>

#include "api_server.h"

namespace akte::test {
namespace {

using nlohmann::json;

std::vector<std::string> Titles(const json& list) {
  std::vector<std::string> titles;
  for (const auto& a : list) titles.push_back(a["title"].get<std::string>());
  return titles;
}

// Customers 1 (10001) and 2 (10002, a prospect).
void SeedCustomers(ApiServer& api) {
  SendJson(api, "POST", "/api/v1/customers", {{"number", "10001"}, {"company", "Müller GmbH"}},
           201);
  SendJson(api, "POST", "/api/v1/customers",
           {{"number", "10002"}, {"kind", "prospect"}, {"last_name", "Schmidt"}}, 201);
}

json Appointment(const std::string& title, const std::string& starts, const std::string& ends,
                 const std::vector<std::string>& participants) {
  return {
      {"title", title}, {"starts_at", starts}, {"ends_at", ends}, {"participants", participants}};
}

}  // namespace

TEST_CASE("appointments are added to a file, listed by start and shown on the day's agenda",
          "[http][appointments]") {
  ApiServer api;
  SeedCustomers(api);
  json contact =
      SendJson(api, "POST", "/api/v1/customers/1/contacts", {{"last_name", "Weber"}}, 201);
  json body = Appointment("Wartung besprechen", "2024-03-06T09:00:00+01:00", "06.03.2024 10:30",
                          {"staff", "admin"});
  body["place"] = "beim Kunden, Halle 2";
  body["text"] = "Angebot mitbringen";
  body["contact_id"] = contact["id"];
  auto client = api.Client();
  auto answer = client.Post("/api/v1/customers/1/appointments", api.As("staff"), body.dump(),
                            "application/json");
  REQUIRE(answer);
  INFO(answer->body);
  REQUIRE(answer->status == 201);
  json created = Json(answer);
  CHECK(answer->get_header_value("Location") ==
        "/api/v1/appointments/" + std::to_string(created["id"].get<int>()));
  CHECK(answer->get_header_value("ETag") == "\"1\"");
  CHECK(created["customer_id"] == 1);
  CHECK(created["customer_number"] == "10001");
  CHECK(created["customer_name"] == "Müller GmbH");
  CHECK(created["contact_id"] == contact["id"]);
  CHECK(created["document_id"].is_null());
  CHECK(created["title"] == "Wartung besprechen");
  CHECK(created["text"] == "Angebot mitbringen");
  CHECK(created["place"] == "beim Kunden, Halle 2");
  CHECK(created["starts_at"] == "2024-03-06T08:00:00Z");  // stored in UTC
  CHECK(created["ends_at"].get<std::string>().rfind("2024-03-06T", 0) == 0);
  CHECK(created["participants"] == json::array({"staff", "admin"}));  // in their order
  CHECK(created["created_by"] == "staff");
  CHECK(created["cancelled_at"] == "");
  CHECK(created["version"] == 1);

  // Late on the 6th in Berlin, but the 7th there from half past midnight
  // (still the 6th in UTC); and one of the admin's alone.
  SendJson(api, "POST", "/api/v1/customers/2/appointments",
           Appointment("Abendtermin", "2024-03-06T22:30:00Z", "2024-03-06T22:45:00Z", {"staff"}),
           201);
  SendJson(api, "POST", "/api/v1/customers/2/appointments",
           Appointment("Frühtermin", "2024-03-06T23:30:00Z", "2024-03-07T00:30:00Z", {"staff"}),
           201);
  SendJson(api, "POST", "/api/v1/customers/1/appointments",
           Appointment("Chefsache", "2024-03-06T07:00:00Z", "2024-03-06T07:30:00Z", {"admin"}), 201,
           "admin");
  SendJson(api, "POST", "/api/v1/customers/1/tasks",
           {{"title", "Bericht schreiben"}, {"due_date", "2024-03-06"}}, 201);
  SendJson(api, "POST", "/api/v1/customers/1/tasks",
           {{"title", "Rechnung prüfen"}, {"due_date", "2024-03-04"}}, 201);
  SendJson(api, "POST", "/api/v1/customers/1/tasks",
           {{"title", "Später"}, {"due_date", "2024-03-08"}}, 201);

  CHECK(Titles(GetJson(api, "/api/v1/customers/1/appointments", "readonly")["items"]) ==
        std::vector<std::string>{"Chefsache", "Wartung besprechen"});
  CHECK(GetJson(api, "/api/v1/appointments/" + std::to_string(created["id"].get<int>()),
                "readonly") == created);
  json file = GetJson(api, "/api/v1/customers/1/file", "readonly");
  CHECK(Titles(file["appointments"]) ==
        std::vector<std::string>{"Chefsache", "Wartung besprechen"});
  CHECK(file["tasks"].size() == 3);

  json day = GetJson(api, "/api/v1/agenda?today=2024-03-06");  // the caller's: staff
  CHECK(day["today"] == "2024-03-06");
  CHECK(Titles(day["appointments"]) ==
        std::vector<std::string>{"Wartung besprechen", "Abendtermin"});
  CHECK(Titles(day["tasks_today"]) == std::vector<std::string>{"Bericht schreiben"});
  CHECK(Titles(day["overdue_tasks"]) == std::vector<std::string>{"Rechnung prüfen"});
  json next_day = GetJson(api, "/api/v1/agenda?user=staff&today=2024-03-07", "readonly");
  CHECK(Titles(next_day["appointments"]) == std::vector<std::string>{"Frühtermin"});
  CHECK(next_day["tasks_today"].empty());
  CHECK(next_day["overdue_tasks"].size() == 2);
  json admins = GetJson(api, "/api/v1/agenda?user=admin&today=2024-03-06", "readonly");
  CHECK(Titles(admins["appointments"]) ==
        std::vector<std::string>{"Chefsache", "Wartung besprechen"});
  CHECK(admins["tasks_today"].empty());

  // Without ?today the firm's day counts.
  CHECK(GetJson(api, "/api/v1/agenda")["today"] == api.dir().catalog().FirmToday().value());
}

TEST_CASE("an appointment is edited and cancelled with its version and stays in the file",
          "[http][appointments]") {
  ApiServer api;
  SeedCustomers(api);
  json created = SendJson(
      api, "POST", "/api/v1/customers/1/appointments",
      Appointment("Wartung besprechen", "2024-03-06T09:00:00Z", "2024-03-06T10:00:00Z", {"staff"}),
      201);
  const std::string path = "/api/v1/appointments/" + std::to_string(created["id"].get<int>());
  auto client = api.Client();

  json change = {{"starts_at", "2024-03-07T13:00:00Z"},
                 {"ends_at", "2024-03-07T14:00:00Z"},
                 {"place", "Videokonferenz"},
                 {"participants", {"staff", "admin"}}};
  RequireError(client.Put(path, api.As("staff"), change.dump(), "application/json"), 428,
               "If-Match");
  auto conflict = client.Put(path, WithVersion(api, 3), change.dump(), "application/json");
  REQUIRE(conflict);
  CHECK(conflict->status == 412);
  CHECK(Json(conflict)["current"]["starts_at"] == "2024-03-06T09:00:00Z");
  json whole = created;
  whole.update(change);
  auto moved = client.Put(path, WithVersion(api, 1), whole.dump(), "application/json");
  REQUIRE(moved);
  INFO(moved->body);
  REQUIRE(moved->status == 200);
  CHECK(moved->get_header_value("ETag") == "\"2\"");
  CHECK(Json(moved)["starts_at"] == "2024-03-07T13:00:00Z");
  CHECK(Json(moved)["place"] == "Videokonferenz");
  CHECK(Json(moved)["participants"].size() == 2);
  CHECK(Json(moved)["title"] == "Wartung besprechen");
  CHECK(Json(moved)["version"] == 2);
  RequireError(client.Put(path, WithVersion(api, 2), R"({"ends_at":"2024-03-07T12:00:00Z"})",
                          "application/json"),
               400, "ends_at");
  RequireError(client.Put(path, WithVersion(api, 2), R"({"starts_at":"bald"})", "application/json"),
               400, "starts_at");
  RequireError(client.Put(path, WithVersion(api, 2), R"({"customer_id":2,"farbe":"rot"})",
                          "application/json"),
               400, "farbe");
  CHECK(GetJson(api, path)["version"] == 2);
  CHECK(Titles(GetJson(api, "/api/v1/agenda?user=admin&today=2024-03-07")["appointments"]) ==
        std::vector<std::string>{"Wartung besprechen"});

  const std::string cancel = path + "/cancel";
  RequireError(client.Post(cancel, api.As("staff"), "", "application/json"), 428, "If-Match");
  auto stale = client.Post(cancel, WithVersion(api, 1), "", "application/json");
  REQUIRE(stale);
  CHECK(stale->status == 412);
  CHECK(Json(stale)["current"]["cancelled_at"] == "");
  RequireError(client.Post(cancel, WithVersion(api, 2, "readonly"), "", "application/json"), 403,
               "");
  auto cancelled = client.Post(cancel, WithVersion(api, 2), "", "application/json");
  REQUIRE(cancelled);
  INFO(cancelled->body);
  REQUIRE(cancelled->status == 200);
  json now = Json(cancelled);
  CHECK_FALSE(now["cancelled_at"].get<std::string>().empty());
  CHECK(now["version"].get<int>() > 2);
  const int version = now["version"].get<int>();
  RequireError(client.Post(cancel, WithVersion(api, version), "", "application/json"), 409, "");
  auto edit_cancelled =
      client.Put(path, WithVersion(api, version), R"({"place":"Büro"})", "application/json");
  RequireError(edit_cancelled, 409, "");
  CHECK_THAT(Json(edit_cancelled)["error"]["message"].get<std::string>(),
             Catch::Contains("cancelled"));

  // Off the agenda, still in the file, marked.
  CHECK(GetJson(api, "/api/v1/agenda?user=admin&today=2024-03-07")["appointments"].empty());
  json listed = GetJson(api, "/api/v1/customers/1/appointments")["items"];
  REQUIRE(listed.size() == 1);
  CHECK(listed[0]["cancelled_at"] == now["cancelled_at"]);
  CHECK(listed[0]["place"] == "Videokonferenz");
}

TEST_CASE("appointments and the agenda refuse bad input with the field named, and readers",
          "[http][appointments]") {
  ApiServer api;
  SeedCustomers(api);
  json other_contact =
      SendJson(api, "POST", "/api/v1/customers/2/contacts", {{"last_name", "Fremd"}}, 201);
  auto client = api.Client();
  auto post = [&](const json& body, const std::string& role = "staff") {
    return client.Post("/api/v1/customers/1/appointments", api.As(role), body.dump(),
                       "application/json");
  };
  const json good =
      Appointment("Termin", "2024-03-06T09:00:00Z", "2024-03-06T10:00:00Z", {"staff"});
  auto with = [&](const json& change) {
    json body = good;
    body.update(change);
    return body;
  };
  json untitled = good;
  untitled.erase("title");
  RequireError(post(untitled), 400, "title");
  RequireError(post(with({{"starts_at", "morgen früh"}})), 400, "starts_at");
  RequireError(post(with({{"ends_at", "31.02.2024 10:00"}})), 400, "ends_at");
  RequireError(post(with({{"ends_at", "2024-03-06T08:59:00Z"}})), 400, "ends_at");
  RequireError(post(with({{"participants", {"staff", "niemand"}}})), 400, "participants");
  RequireError(post(with({{"participants", "staff"}})), 400, "participants");
  RequireError(post(with({{"contact_id", other_contact["id"]}})), 400, "contact_id");
  RequireError(post(with({{"document_id", 4711}})), 400, "document_id");
  RequireError(post(with({{"ort", "Büro"}})), 400, "ort");
  RequireError(post(good, "readonly"), 403, "");
  CHECK(GetJson(api, "/api/v1/customers/1/appointments")["items"].empty());

  RequireError(client.Post("/api/v1/customers/99/appointments", api.As("staff"), good.dump(),
                           "application/json"),
               404, "");
  RequireError(client.Get("/api/v1/customers/99/appointments", api.As("staff")), 404, "");
  RequireError(client.Get("/api/v1/appointments/99", api.As("staff")), 404, "");
  RequireError(
      client.Put("/api/v1/appointments/99", WithVersion(api, 1), good.dump(), "application/json"),
      404, "");
  RequireError(
      client.Post("/api/v1/appointments/99/cancel", WithVersion(api, 1), "", "application/json"),
      404, "");
  RequireError(client.Get("/api/v1/agenda?user=niemand", api.As("staff")), 400, "user");
  RequireError(client.Get("/api/v1/agenda?today=morgen", api.As("staff")), 400, "today");

  json created = SendJson(api, "POST", "/api/v1/customers/1/appointments", good, 201);
  const std::string path = "/api/v1/appointments/" + std::to_string(created["id"].get<int>());
  RequireError(
      client.Put(path, WithVersion(api, 1, "readonly"), R"({"place":"Büro"})", "application/json"),
      403, "");
  CHECK(GetJson(api, path)["place"] == "");
}

}  // namespace akte::test
