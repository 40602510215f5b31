// POST /customers/{id}/emails and GET /history-settings against a real SMTP
// server on 127.0.0.1 (tests/support/smtp_sink.py): what arrives, what is
// filed, the history settings, the hidden password and every failure.
#include <catch2/catch.hpp>

#include "api_server.h"
#include "smtp_sink.h"

namespace akte::test {
namespace {

using nlohmann::json;

// Customer 1 (10001) with an address, and its contact 1, Thomas Weber.
void SeedCustomer(ApiServer& api) {
  auto client = api.Client();
  auto customer = client.Post(
      "/api/v1/customers", api.As("staff"),
      R"({"number":"10001","company":"Müller Maschinenbau","emails":["info@mueller.de"]})",
      "application/json");
  REQUIRE(customer);
  REQUIRE(customer->status == 201);
  auto contact =
      client.Post("/api/v1/customers/1/contacts", api.As("staff"),
                  R"({"first_name":"Thomas","last_name":"Weber","emails":["t.weber@mueller.de"]})",
                  "application/json");
  REQUIRE(contact);
  REQUIRE(contact->status == 201);
}

// Sets a setting through the API as the admin; returns the answer's body.
json PutSetting(ApiServer& api, const std::string& key, const std::string& value) {
  auto client = api.Client();
  auto current = client.Get(("/api/v1/settings/" + key).c_str(), api.As("admin"));
  REQUIRE(current);
  httplib::Headers headers = api.As("admin");
  if (current->status == 200) headers.emplace("If-Match", current->get_header_value("ETag"));
  auto put = client.Put(("/api/v1/settings/" + key).c_str(), headers, json{{"value", value}}.dump(),
                        "application/json");
  REQUIRE(put);
  INFO(put->body);
  REQUIRE(put->status / 100 == 2);
  return Json(put);
}

void UseSink(ApiServer& api, int port, const std::string& security = "none") {
  PutSetting(api, "smtp.host", "127.0.0.1");
  PutSetting(api, "smtp.port", std::to_string(port));
  PutSetting(api, "smtp.security", security);
  PutSetting(api, "smtp.from", "buero@kanzlei-beispiel.de");
  PutSetting(api, "firm.name", "Kanzlei Beispiel");
}

httplib::Result SendMail(ApiServer& api, const json& body, const std::string& role = "staff") {
  auto client = api.Client();
  return client.Post("/api/v1/customers/1/emails", api.As(role), body.dump(), "application/json");
}

std::string UnixLines(const std::string& text) {
  std::string out;
  for (char c : text) {
    if (c != '\r') out += c;
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

std::size_t DocumentCount(ApiServer& api) {
  auto client = api.Client();
  auto listed = client.Get("/api/v1/customers/1/documents", api.As("readonly"));
  REQUIRE(listed);
  REQUIRE(listed->status == 200);
  json body = Json(listed);
  return body.contains("items") ? body["items"].size() : body.size();
}

}  // namespace

TEST_CASE("an email written from the customer file arrives and is filed as sent", "[http][mail]") {
  ApiServer api;
  SeedCustomer(api);
  SmtpSink sink;
  UseSink(api, sink.port());
  auto sent = SendMail(api, {{"contact_id", 1},
                             {"subject", "Grüße aus München"},
                             {"text", "Hallo Herr Weber,\n\nbis Montag – schöne Grüße.\n"}});
  REQUIRE(sent);
  INFO(sent->body);
  REQUIRE(sent->status == 201);
  json body = Json(sent);
  CHECK(body["to"] == "t.weber@mueller.de");
  CHECK(body["history"] == "auto");
  CHECK(body["document"]["type"] == "E-Mail");
  CHECK(body["document"]["contact_id"] == 1);
  CHECK(body["event"]["type"] == "E-Mail ausgehend");
  CHECK(body["event"]["document_ids"] == json::array({body["document"]["id"]}));
  CHECK(sent->get_header_value("Location") ==
        "/api/v1/documents/" + std::to_string(body["document"]["id"].get<int>()));

  auto received = sink.Received();
  REQUIRE(received.size() == 1);
  CHECK(received[0].recipients == std::vector<std::string>{"t.weber@mueller.de"});
  ParsedMail mail = ParseMail(received[0].data);
  CHECK(mail.subject == "Grüße aus München");
  CHECK(mail.from == "Kanzlei Beispiel <buero@kanzlei-beispiel.de>");
  CHECK(mail.to == "Thomas Weber <t.weber@mueller.de>");
  CHECK(mail.message_id == "<" + body["message_id"].get<std::string>() + ">");
  CHECK(mail.body == "Hallo Herr Weber,\n\nbis Montag – schöne Grüße.\n");

  auto client = api.Client();
  const std::string content =
      "/api/v1/documents/" + std::to_string(body["document"]["id"].get<int>()) + "/content";
  auto file = client.Get(content.c_str(), api.As("readonly"));
  REQUIRE(file);
  REQUIRE(file->status == 200);
  CHECK(UnixLines(file->body) == UnixLines(received[0].data));
}

TEST_CASE("the history settings say whether an email is recorded, and how", "[http][mail]") {
  ApiServer api;
  SeedCustomer(api);
  SmtpSink sink;
  UseSink(api, sink.port());
  auto client = api.Client();
  auto defaults = client.Get("/api/v1/history-settings", api.As("readonly"));
  REQUIRE(defaults);
  REQUIRE(defaults->status == 200);
  CHECK(Json(defaults) == json{{"email", "auto"}, {"sms", "auto"}, {"call", "auto"}});

  PutSetting(api, "history.email", "ask");
  PutSetting(api, "history.call", "none");
  auto now = client.Get("/api/v1/history-settings", api.As("staff"));
  REQUIRE(now);
  CHECK(Json(now) == json{{"email", "ask"}, {"sms", "auto"}, {"call", "none"}});

  auto asked = SendMail(api, {{"to", "info@mueller.de"},
                              {"subject", "Rechnung 2024-17"},
                              {"text", "Anbei die Rechnung."},
                              {"remarks", "Rechnung nach Rückfrage erneut geschickt"}});
  REQUIRE(asked);
  INFO(asked->body);
  REQUIRE(asked->status == 201);
  CHECK(Json(asked)["history"] == "ask");
  CHECK(Json(asked)["event"]["text"] == "Rechnung nach Rückfrage erneut geschickt");

  PutSetting(api, "history.email", "none");
  auto silent = SendMail(api, {{"subject", "Kurze Info"}, {"text", "Nur zur Info."}});
  REQUIRE(silent);
  REQUIRE(silent->status == 201);
  CHECK(Json(silent)["event"].is_null());
  CHECK(Json(silent)["history"] == "none");
  CHECK(DocumentCount(api) == 2);
  CHECK(sink.Received().size() == 2);

  auto bad = client.Put("/api/v1/settings/history.sms", api.As("admin"), R"({"value":"manchmal"})",
                        "application/json");
  RequireError(bad, 400, "history.sms");
}

TEST_CASE("the SMTP password is never shown by the settings routes", "[http][mail]") {
  ApiServer api;
  json stored = PutSetting(api, "smtp.password", "Streng-Geheim-99");
  CHECK(stored["value"] == "");
  CHECK(stored["secret"] == true);
  auto client = api.Client();
  auto listed = client.Get("/api/v1/settings", api.As("admin"));
  REQUIRE(listed);
  CHECK(listed->body.find("Streng-Geheim-99") == std::string::npos);
  auto one = client.Get("/api/v1/settings/smtp.password", api.As("admin"));
  REQUIRE(one);
  REQUIRE(one->status == 200);
  CHECK(Json(one)["value"] == "");
  CHECK(Json(one)["secret"] == true);
  RequireError(client.Put("/api/v1/settings/smtp.security", api.As("admin"), R"({"value":"ssl"})",
                          "application/json"),
               400, "smtp.security");
}

TEST_CASE("sending fails clearly: 502 from the mail server, 409 without settings, 400, 403",
          "[http][mail]") {
  ApiServer api;
  SeedCustomer(api);
  auto unset = SendMail(api, {{"subject", "Hallo"}});
  RequireError(unset, 409, "");
  CHECK(Json(unset)["error"]["message"].get<std::string>().starts_with("smtp.host is not set"));

  SmtpSink sink;
  UseSink(api, sink.port(), "starttls");
  auto no_tls = SendMail(api, {{"subject", "Hallo"}});
  RequireError(no_tls, 502, "");
  CHECK(Json(no_tls)["error"]["code"] == "smtp_error");
  CHECK(Json(no_tls)["error"]["message"].get<std::string>().find("does not offer STARTTLS") !=
        std::string::npos);

  PutSetting(api, "smtp.security", "none");
  auto refused = SendMail(api, {{"to", "refused@mueller.de"}, {"subject", "Hallo"}});
  RequireError(refused, 502, "");
  CHECK(Json(refused)["error"]["message"].get<std::string>().find("550") != std::string::npos);
  CHECK(DocumentCount(api) == 0);
  CHECK(sink.Received().empty());

  RequireError(SendMail(api, {{"subject", ""}}), 400, "subject");
  RequireError(SendMail(api, {{"subject", "Hallo"}, {"to", "kein-at"}}), 400, "to");
  RequireError(SendMail(api, {{"subject", "Hallo"}, {"contact_id", 7}}), 404, "");
  RequireError(SendMail(api, {{"subject", "Hallo"}, {"cc", "x@y.de"}}), 400, "cc");
  auto client = api.Client();
  RequireError(client.Post("/api/v1/customers/99/emails", api.As("staff"), R"({"subject":"Hallo"})",
                           "application/json"),
               404, "");
  RequireError(SendMail(api, {{"subject", "Hallo"}}, "readonly"), 403, "");
  CHECK(sink.Received().empty());
}

}  // namespace akte::test
