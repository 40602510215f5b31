// Documents over the API: upload, poll until searchable, search, download
// byte-identical; size limits; the inbox.
#include <catch2/catch.hpp>

#include "api_server.h"
#include "fixtures.h"

namespace akte::test {
namespace {

using nlohmann::json;

std::int64_t NewCustomer(ApiServer& api, const std::string& number, const std::string& company) {
  auto client = api.Client();
  auto created =
      client.Post("/api/v1/customers", api.As("staff"),
                  json{{"number", number}, {"company", company}}.dump(), "application/json");
  REQUIRE(created);
  REQUIRE(created->status == 201);
  return Json(created)["id"];
}

}  // namespace

TEST_CASE("an upload becomes searchable and downloads byte-identical", "[http]") {
  ApiServer api;
  const auto customer = NewCustomer(api, "10001", "Hofmann Elektrotechnik");
  const std::string pdf = MakePdf({"Angebot Migrationsprojekt", "Seite zwei: Zeitplan Umstellung"});
  const std::string note = "Protokoll: Wartungsvertrag für die Klimaanlage verlängert.";
  auto client = api.Client();
  httplib::MultipartFormDataItems parts = {
      {"customer_id", std::to_string(customer), "", ""},
      {"type", "Angebot", "", ""},
      {"file", pdf, "Angebot Müller.pdf", "application/pdf"},
      {"file", note, "protokoll.txt", "text/plain"},
  };
  auto uploaded = client.Post("/api/v1/documents", api.As("staff"), parts);
  REQUIRE(uploaded);
  INFO(uploaded->body);
  REQUIRE(uploaded->status == 201);
  json items = Json(uploaded)["items"];
  REQUIRE(items.size() == 2);
  CHECK(items[0]["filename"] == "Angebot Müller.pdf");
  CHECK(items[0]["customer_id"] == customer);
  CHECK(items[0]["type"] == "Angebot");

  json done = PollUntilDone(api, items[0]["id"]);
  CHECK(done["state"] == "extracted");
  PollUntilDone(api, items[1]["id"]);

  auto found = Json(client.Get("/api/v1/search?q=Migrationsprojekt", api.As("readonly")));
  INFO(found.dump());
  REQUIRE(found["hits"].size() >= 1);
  CHECK(found["hits"][0]["id"] == items[0]["id"]);
  CHECK(found["hits"][0]["customer"]["name"] == "Hofmann Elektrotechnik");
  auto customers = Json(
      client.Get("/api/v1/search?q=welcher%20Kunde%20hat%20einen%20Wartungsvertrag&facets=true",
                 api.As("readonly")));
  CHECK(customers["customer_mode"] == true);
  REQUIRE(customers["customers"].size() >= 1);
  CHECK(customers["facets"].is_object());

  const std::string content =
      "/api/v1/documents/" + std::to_string(items[0]["id"].get<int>()) + "/content";
  auto download = client.Get(content.c_str(), api.As("readonly"));
  REQUIRE(download);
  CHECK(download->status == 200);
  CHECK(download->body == pdf);
  CHECK(download->get_header_value("Content-Type") == "application/pdf");
  // httplib's client percent-decodes header values; transfer_test checks
  // the encoding on the wire.
  CHECK(download->get_header_value("Content-Disposition").find("filename*=UTF-8''") !=
        std::string::npos);
  CHECK(download->get_header_value("ETag") == "\"" + done["sha256"].get<std::string>() + "\"");

  auto text = Json(client.Get(
      ("/api/v1/documents/" + std::to_string(items[0]["id"].get<int>()) + "/text").c_str(),
      api.As("readonly")));
  REQUIRE(text["pages"].size() == 2);
  CHECK(text["pages"][1].get<std::string>().find("Zeitplan") != std::string::npos);

  auto listed =
      Json(client.Get(("/api/v1/customers/" + std::to_string(customer) + "/documents").c_str(),
                      api.As("readonly")));
  CHECK(listed["total"] == 2);
}

TEST_CASE("a raw PUT upload without a customer lands in the inbox, is suggested and assigned",
          "[http]") {
  ApiServer api;
  const auto customer = NewCustomer(api, "10002", "Schulz GmbH");
  NewCustomer(api, "10003", "Berger KG");
  auto client = api.Client();
  auto note = client.Post(
      ("/api/v1/customers/" + std::to_string(customer) + "/notes").c_str(), api.As("staff"),
      json{{"text", "Schulz zieht um: neue Lieferadresse ab Mai."}}.dump(), "application/json");
  REQUIRE(note);
  REQUIRE(note->status == 201);
  auto missing_name = client.Put("/api/v1/documents", api.As("staff"), "Hallo", "text/plain");
  REQUIRE(missing_name);
  CHECK(missing_name->status == 400);
  CHECK(Json(missing_name)["error"]["field"] == "filename");

  auto uploaded = client.Put("/api/v1/documents?filename=Notiz%20%C3%84nderung.txt",
                             api.As("staff"), "Änderung der Lieferadresse", "text/plain");
  REQUIRE(uploaded);
  INFO(uploaded->body);
  REQUIRE(uploaded->status == 201);
  json document = Json(uploaded)["items"][0];
  CHECK(document["customer_id"].is_null());
  CHECK(document["filename"] == "Notiz Änderung.txt");
  auto inbox = Json(client.Get("/api/v1/inbox", api.As("readonly")));
  CHECK(inbox["total"] == 1);

  PollUntilDone(api, document["id"]);
  const std::string suggest =
      "/api/v1/documents/" + std::to_string(document["id"].get<int>()) + "/suggestions?limit=2";
  auto suggestions = Json(client.Get(suggest.c_str(), api.As("readonly")));
  INFO(suggestions.dump());
  REQUIRE(suggestions["items"].size() >= 1);
  CHECK(suggestions["items"].size() <= 2);
  CHECK(suggestions["items"][0]["customer"]["id"] == customer);
  CHECK(suggestions["items"][0]["evidence"][0]["kind"] == "note");
  CHECK(client.Get("/api/v1/documents/424242/suggestions", api.As("readonly"))->status == 404);

  const std::string assign =
      "/api/v1/documents/" + std::to_string(document["id"].get<int>()) + "/assign";
  CHECK(client
            .Post(assign.c_str(), api.As("readonly"), json{{"customer_id", customer}}.dump(),
                  "application/json")
            ->status == 403);
  auto assigned = client.Post(assign.c_str(), api.As("staff"),
                              json{{"customer_id", customer}}.dump(), "application/json");
  REQUIRE(assigned);
  CHECK(assigned->status == 200);
  CHECK(Json(assigned)["customer_id"] == customer);
  CHECK(Json(client.Get("/api/v1/inbox", api.As("readonly")))["total"] == 0);
}

TEST_CASE("an upload over the size limit gets 413 and stores nothing", "[http]") {
  http::ServerOptions options;
  options.max_upload_bytes = 64 * 1024;
  ApiServer api(options);
  auto client = api.Client();
  const std::string big(100 * 1024, 'x');
  auto declared =
      client.Put("/api/v1/documents?filename=big.txt", api.As("staff"), big, "text/plain");
  REQUIRE(declared);
  CHECK(declared->status == 413);
  CHECK(Json(declared)["error"]["code"] == "payload_too_large");

  httplib::MultipartFormDataItems parts = {{"file", big, "big.txt", "text/plain"}};
  auto multipart = client.Post("/api/v1/documents", api.As("staff"), parts);
  REQUIRE(multipart);
  CHECK(multipart->status == 413);
  CHECK(Json(client.Get("/api/v1/inbox", api.As("readonly")))["total"] == 0);
  CHECK(CountFiles(api.dir().root() / "blobs") == 0);
}

TEST_CASE("malformed multipart bodies get 400", "[http]") {
  ApiServer api;
  auto client = api.Client();
  auto broken = client.Post("/api/v1/documents", api.As("staff"),
                            "--xyz\r\nContent-Disposition: form-data; name=\"file\"; "
                            "filename=\"a.txt\"\r\n\r\nabc",  // never closed
                            "multipart/form-data; boundary=xyz");
  REQUIRE(broken);
  CHECK(broken->status == 400);
  CHECK(Json(broken)["error"]["code"] == "invalid_argument");
}

}  // namespace akte::test
