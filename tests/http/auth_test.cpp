// Logging in and out, session cookies and CSRF, API tokens, roles, login
// throttling, and the OpenAPI document against the real routes.
#include <algorithm>
#include <catch2/catch.hpp>
#include <set>
#include <thread>

#include "api_server.h"

namespace akte::test {
namespace {

using nlohmann::json;

struct Login {
  std::string cookie;  // "akte_session=…"
  std::string set_cookie;
  std::string csrf;
};

Login LogIn(ApiServer& api, const std::string& username, const std::string& password) {
  auto client = api.Client();
  auto result =
      client.Post("/api/v1/session", json{{"username", username}, {"password", password}}.dump(),
                  "application/json");
  REQUIRE(result);
  INFO(result->body);
  REQUIRE(result->status == 201);
  Login login;
  login.set_cookie = result->get_header_value("Set-Cookie");
  login.cookie = login.set_cookie.substr(0, login.set_cookie.find(';'));
  login.csrf = Json(result)["csrf_token"];
  return login;
}

// The path of a route with its {…} filled in: record 1 of each kind, the
// caller's own user (others' records are hidden from non-admins), a set
// setting; and the search's required query.
std::string Concrete(std::string path, archive::Id own_user) {
  const std::string users = "/api/v1/users/{id}";
  if (path.rfind(users, 0) == 0)
    path.replace(0, users.size(), "/api/v1/users/" + std::to_string(own_user));
  for (auto open = path.find('{'); open != std::string::npos; open = path.find('{')) {
    const auto close = path.find('}', open);
    const std::string name = path.substr(open + 1, close - open - 1);
    path.replace(open, close - open + 1, name == "key" ? "firm.email_addresses" : "1");
  }
  if (path == "/api/v1/search") path += "?q=Erste";
  return path;
}

// Record 1 of every kind the routes name, an indexed document included.
void SeedRecordOne(ApiServer& api) {
  auto& catalog = api.dir().catalog();
  auto admin = catalog.ActorFor("admin");
  REQUIRE(admin.ok());
  archive::Customer customer;
  customer.number = "1";
  customer.company = "Erste Kundin GmbH";
  REQUIRE(catalog.CreateCustomer(*admin, customer).ok());
  archive::Contact contact;
  contact.customer_id = 1;
  contact.last_name = "Erste";
  REQUIRE(catalog.CreateContact(*admin, contact).ok());
  archive::Conditions conditions;
  conditions.customer_id = 1;
  REQUIRE(catalog.SetConditions(*admin, conditions).ok());
  REQUIRE(catalog.AddNote(*admin, 1, std::nullopt, "Erste Notiz").ok());
  archive::Event event;
  event.customer_id = 1;
  event.type = "Anruf eingehend";
  event.subject = "Erster Anruf";
  REQUIRE(catalog.AddEvent(*admin, event).ok());
  REQUIRE(catalog.SetSetting(*admin, "firm.email_addresses", "info@firma.de").ok());
  archive::BusinessRecord invoice;
  invoice.customer_id = 1;
  invoice.kind = archive::kRecordInvoice;
  invoice.number = "RE-1";
  invoice.record_date = "2024-01-10";
  invoice.net_cents = 10000;
  invoice.tax_cents = 1900;
  REQUIRE(catalog.AddBusinessRecord(*admin, invoice).ok());
  archive::Task task;
  task.customer_id = 1;
  task.title = "Erste Aufgabe";
  task.due_date = "2024-01-15";
  REQUIRE(catalog.AddTask(*admin, task).ok());
  archive::Appointment appointment;
  appointment.customer_id = 1;
  appointment.title = "Erster Termin";
  appointment.starts_at = "2024-01-15T09:00:00Z";
  appointment.ends_at = "2024-01-15T10:00:00Z";
  REQUIRE(catalog.AddAppointment(*admin, appointment).ok());
  auto client = api.Client();
  auto uploaded = client.Put("/api/v1/documents?customer_id=1&filename=erste.txt", api.As("staff"),
                             "Erstes Dokument", "text/plain");
  REQUIRE(uploaded);
  REQUIRE(uploaded->status == 201);
  for (int i = 0; i < 600 && !Json(client.Get("/api/v1/documents/1", api.As("staff")))["done"];
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
}

httplib::Result Send(httplib::Client& client, const std::string& method, const std::string& path,
                     const httplib::Headers& headers, const std::string& body = "{}") {
  if (method == "GET") return client.Get(path.c_str(), headers);
  if (method == "POST") return client.Post(path.c_str(), headers, body, "application/json");
  if (method == "PUT") return client.Put(path.c_str(), headers, body, "application/json");
  if (method == "PATCH") return client.Patch(path.c_str(), headers, body, "application/json");
  return client.Delete(path.c_str(), headers, body, "application/json");
}

}  // namespace

TEST_CASE("a browser session: HttpOnly SameSite cookie, CSRF token on changes, logout", "[http]") {
  ApiServer api;
  Login login = LogIn(api, "staff", kPassword);
  CHECK(login.set_cookie.find("HttpOnly") != std::string::npos);
  CHECK(login.set_cookie.find("SameSite=Strict") != std::string::npos);
  CHECK(login.set_cookie.find("Secure") == std::string::npos);  // plain HTTP here
  CHECK(login.csrf.size() >= 32);

  auto client = api.Client();
  httplib::Headers cookie{{"Cookie", login.cookie}};
  auto me = client.Get("/api/v1/session", cookie);
  REQUIRE(me);
  CHECK(me->status == 200);
  CHECK(Json(me)["user"]["username"] == "staff");
  CHECK(Json(me)["csrf_token"] == login.csrf);

  const std::string customer = R"({"number":"1","company":"Gärtnerei Blum"})";
  auto forged = client.Post("/api/v1/customers", cookie, customer, "application/json");
  REQUIRE(forged);
  CHECK(forged->status == 403);
  httplib::Headers wrong = cookie;
  wrong.emplace("X-CSRF-Token", std::string(login.csrf.size(), 'A'));
  CHECK(client.Post("/api/v1/customers", wrong, customer, "application/json")->status == 403);
  httplib::Headers with_token = cookie;
  with_token.emplace("X-CSRF-Token", login.csrf);
  CHECK(client.Post("/api/v1/customers", with_token, customer, "application/json")->status == 201);

  auto out = client.Delete("/api/v1/session", with_token);
  REQUIRE(out);
  CHECK(out->status == 204);
  CHECK(out->get_header_value("Set-Cookie").find("Max-Age=0") != std::string::npos);
  auto after = client.Get("/api/v1/customers", cookie);
  REQUIRE(after);
  CHECK(after->status == 401);
  CHECK(Json(after)["error"]["code"] == "unauthenticated");
}

TEST_CASE("wrong passwords get one message and are throttled per user and address", "[http]") {
  http::ServerOptions options;
  options.login_attempts = 3;
  ApiServer api(options);
  auto client = api.Client();
  auto attempt = [&](const std::string& username, const std::string& password) {
    auto r =
        client.Post("/api/v1/session", json{{"username", username}, {"password", password}}.dump(),
                    "application/json");
    REQUIRE(r);
    return r;
  };
  auto unknown = attempt("nobody", "whatever-it-is");
  auto wrong = attempt("staff", "falsches-passwort");
  CHECK(unknown->status == 401);
  CHECK(wrong->status == 401);
  CHECK(Json(unknown)["error"]["message"] == Json(wrong)["error"]["message"]);
  attempt("staff", "noch-ein-falsches");
  attempt("staff", "und-noch-eins-dazu");
  // Three failures for this user: even the right password must wait now.
  auto blocked = attempt("staff", kPassword);
  CHECK(blocked->status == 429);
  CHECK(std::stoi(blocked->get_header_value("Retry-After")) > 0);
  // The address has failed four times, so other users are held up too.
  CHECK(attempt("admin", kPassword)->status == 429);
  CHECK(attempt("", kPassword)->status == 400);
}

TEST_CASE("API tokens authenticate scripts until they are revoked", "[http]") {
  ApiServer api;
  auto client = api.Client();
  const std::string tokens = "/api/v1/users/" + std::to_string(api.user_id("readonly")) + "/tokens";
  auto created =
      client.Post(tokens.c_str(), api.As("readonly"), R"({"name":"Export"})", "application/json");
  REQUIRE(created);
  REQUIRE(created->status == 201);
  const std::string secret = Json(created)["secret"];
  httplib::Headers bearer{{"Authorization", "Bearer " + secret}};
  CHECK(client.Get("/api/v1/customers", bearer)->status == 200);
  auto listed = Json(client.Get(tokens.c_str(), api.As("readonly")));
  CHECK(listed.dump().find(secret) == std::string::npos);  // never shown again

  // Other users' tokens are out of reach for non-admins.
  const std::string staff_tokens =
      "/api/v1/users/" + std::to_string(api.user_id("staff")) + "/tokens";
  CHECK(client.Get(staff_tokens.c_str(), api.As("readonly"))->status == 404);

  const std::string revoke = "/api/v1/tokens/" + std::to_string(Json(created)["id"].get<int>());
  CHECK(client.Delete(revoke.c_str(), api.As("readonly"))->status == 204);
  auto revoked = client.Get("/api/v1/customers", bearer);
  CHECK(revoked->status == 401);
  CHECK(revoked->get_header_value("WWW-Authenticate").find("Bearer") != std::string::npos);
  CHECK(client.Get("/api/v1/customers", {{"Authorization", "Basic YWRtaW46eA=="}})->status == 401);
}

TEST_CASE("users: admins add them with a one-time password, others change only their own",
          "[http]") {
  ApiServer api;
  auto client = api.Client();
  auto added = client.Post("/api/v1/users", api.As("admin"),
                           R"({"username":"tobias","display_name":"Tobias Brandt","role":"staff"})",
                           "application/json");
  REQUIRE(added);
  REQUIRE(added->status == 201);
  const std::string initial = Json(added)["initial_password"];
  LogIn(api, "tobias", initial);
  CHECK(client.Post("/api/v1/users", api.As("staff"), R"({"username":"x"})", "application/json")
            ->status == 403);

  const std::string own = "/api/v1/users/" + std::to_string(api.user_id("staff")) + "/password";
  auto without_current = client.Put(own.c_str(), api.As("staff"),
                                    R"({"password":"ein-neues-passwort"})", "application/json");
  CHECK(without_current->status == 400);
  CHECK(Json(without_current)["error"]["field"] == "current_password");
  auto changed =
      client.Put(own.c_str(), api.As("staff"),
                 json{{"current_password", kPassword}, {"password", "ein-neues-passwort"}}.dump(),
                 "application/json");
  CHECK(changed->status == 204);
  LogIn(api, "staff", "ein-neues-passwort");
  const std::string other = "/api/v1/users/" + std::to_string(api.user_id("admin")) + "/password";
  CHECK(client
            .Put(other.c_str(), api.As("staff"), R"({"password":"uebernahme-versuch"})",
                 "application/json")
            ->status == 404);
  auto demote = client.Patch(("/api/v1/users/" + std::to_string(api.user_id("admin"))).c_str(),
                             api.As("admin"), R"({"role":"staff"})", "application/json");
  CHECK(demote->status == 409);  // the last admin stays
}

TEST_CASE("the OpenAPI document lists exactly the server's routes", "[http]") {
  ApiServer api;
  auto client = api.Client();
  auto result = client.Get("/api/v1/openapi.json", api.As("readonly"));
  REQUIRE(result);
  REQUIRE(result->status == 200);
  json document = Json(result);
  REQUIRE(document["openapi"].get<std::string>().rfind("3.", 0) == 0);
  std::set<std::string> documented;
  for (const auto& [path, operations] : document["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      std::string upper = method;
      for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      documented.insert(upper + " " + path + " " + operation["x-akte-access"].get<std::string>());
    }
  }
  std::set<std::string> served;
  for (const auto& route : api.server().Routes()) {
    served.insert(route.method + " " + route.path + " " + route.access);
  }
  CHECK(documented == served);
}

TEST_CASE("every route answers 401 without credentials, 403 below its role and 2xx to reads",
          "[http]") {
  ApiServer api;
  SeedRecordOne(api);
  auto client = api.Client();
  const std::map<std::string, int> rank = {{"read", 1}, {"write", 2}, {"admin", 3}};
  const std::map<std::string, int> role_rank = {{"readonly", 1}, {"staff", 2}, {"admin", 3}};
  auto routes = api.server().Routes();
  // Logging out and revoking tokens end credentials the walk still needs.
  std::stable_partition(routes.begin(), routes.end(),
                        [](const http::RouteInfo& r) { return r.method != "DELETE"; });
  for (const auto& route : routes) {
    INFO(route.method << " " << route.path);
    auto anonymous = Send(client, route.method, Concrete(route.path, 0), {});
    REQUIRE(anonymous);
    if (route.access == "public") {
      CHECK(anonymous->status != 401);
      continue;
    }
    CHECK(anonymous->status == 401);
    CHECK(Json(anonymous)["error"]["code"] == "unauthenticated");
    for (const auto& [role, level] : role_rank) {
      INFO(role);
      auto result =
          Send(client, route.method, Concrete(route.path, api.user_id(role)), api.As(role));
      REQUIRE(result);
      INFO(result->body.substr(0, 300));
      if (level < rank.at(route.access)) {
        CHECK(result->status == 403);
      } else if (route.method == "GET") {
        CHECK(result->status / 100 == 2);
      } else {
        // Allowed: the change runs and judges its (empty) body itself.
        CHECK(result->status != 401);
        CHECK(result->status != 403);
        CHECK(result->status < 500);
      }
    }
  }
}

TEST_CASE("every request is logged with method, path, status, duration and user", "[http]") {
  ApiServer api;
  auto client = api.Client();
  client.Get("/api/v1/customers", api.As("staff"));
  client.Get("/healthz");
  const std::string log = api.StopAndReadLog();
  CHECK(log.find("staff GET /api/v1/customers 200 ") != std::string::npos);
  CHECK(log.find("- GET /healthz 200 ") != std::string::npos);
  CHECK(log.find("ms\n") != std::string::npos);
}

TEST_CASE("/metrics counts requests by route and status, with latencies and backlogs", "[http]") {
  ApiServer api;
  SeedRecordOne(api);
  auto client = api.Client();
  client.Get("/api/v1/customers/1", api.As("staff"));
  client.Get("/api/v1/customers/2", api.As("staff"));
  client.Get("/api/v1/customers/3", api.As("staff"));
  client.Get("/nowhere", api.As("staff"));
  CHECK(client.Get("/metrics")->status == 401);
  // A request is counted once its answer is written, a moment after the
  // client has read it: ask until the last one shows.
  auto result = client.Get("/metrics", api.As("readonly"));
  for (int attempt = 0; attempt < 100; ++attempt) {
    REQUIRE(result);
    if (result->body.find("route=\"GET /api/v1/customers/{id}\"} 3\n") != std::string::npos) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    result = client.Get("/metrics", api.As("readonly"));
  }
  REQUIRE(result);
  REQUIRE(result->status == 200);
  CHECK(result->get_header_value("Content-Type").rfind("text/plain; version=0.0.4", 0) == 0);
  const std::string& text = result->body;
  INFO(text);
  // Ids do not make series of their own: one per route template.
  CHECK(text.find(
            "akte_http_requests_total{route=\"GET /api/v1/customers/{id}\",status=\"200\"} 1\n") !=
        std::string::npos);
  CHECK(text.find(
            "akte_http_requests_total{route=\"GET /api/v1/customers/{id}\",status=\"404\"} 2\n") !=
        std::string::npos);
  CHECK(text.find("akte_http_requests_total{route=\"unmatched\",status=\"404\"} 1\n") !=
        std::string::npos);
  CHECK(text.find(
            "akte_http_request_duration_seconds_count{route=\"GET /api/v1/customers/{id}\"} 3\n") !=
        std::string::npos);
  CHECK(text.find("akte_http_request_duration_seconds_bucket{route=\"GET "
                  "/api/v1/customers/{id}\",le=\"+Inf\"} 3\n") != std::string::npos);
  CHECK(text.find("akte_documents{state=\"extracted\"} 1\n") != std::string::npos);
  CHECK(text.find("akte_index_queue_length ") != std::string::npos);
}

}  // namespace akte::test
