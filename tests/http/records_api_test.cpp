// Business records over HTTP: recording a chain, payments, the figures, the
// account statement in its three formats, the CSV import, bad input.
#include <catch2/catch.hpp>

#include "api_server.h"

namespace akte::test {
namespace {

using nlohmann::json;

json Post(ApiServer& api, const std::string& path, const json& body, int status = 201) {
  auto client = api.Client();
  auto answer = client.Post(path, api.As("staff"), body.dump(), "application/json");
  REQUIRE(answer);
  INFO(answer->body);
  REQUIRE(answer->status == status);
  return Json(answer);
}

// Customer 1 with a 500,00 € open-invoice limit.
void SeedCustomer(ApiServer& api) {
  Post(api, "/api/v1/customers", {{"number", "10001"}, {"company", "Gärtnerei Blum"}});
  auto client = api.Client();
  auto limit = client.Put("/api/v1/customers/1/conditions", api.As("staff"),
                          R"({"open_invoice_limit_cents":50000})", "application/json");
  REQUIRE(limit);
  REQUIRE(limit->status == 201);
}

}  // namespace

TEST_CASE("records, payments, figures and statement over the API", "[http][records]") {
  ApiServer api;
  SeedCustomer(api);
  json offer = Post(api, "/api/v1/customers/1/records",
                    {{"kind", "offer"},
                     {"number", "AN-1"},
                     {"record_date", "2024-01-02"},
                     {"net_cents", 100000},
                     {"tax_cents", 19000}});
  CHECK(offer["gross_cents"] == 119000);
  json invoice = Post(api, "/api/v1/customers/1/records",
                      {{"kind", "invoice"},
                       {"number", "RE-2024-0042"},
                       {"record_date", "10.01.2024"},
                       {"due_date", "2024-01-24"},
                       {"net_cents", 100000},
                       {"tax_cents", 19000}});
  CHECK(invoice["payment_status"] == "open");
  const std::string invoice_path = "/api/v1/records/" + std::to_string(invoice["id"].get<int>());
  json paid = Post(api, invoice_path + "/payments",
                   {{"paid_on", "2024-01-20"}, {"amount_cents", 40000}, {"note", "Teilzahlung"}});
  CHECK(paid["payment_status"] == "partly_paid");
  CHECK(paid["outstanding_cents"] == 79000);

  auto client = api.Client();
  auto read = client.Get(invoice_path, api.As("readonly"));
  REQUIRE(read);
  CHECK(Json(read)["payments"].size() == 1);

  auto figures = client.Get("/api/v1/customers/1/statistics?as_of=2024-02-01", api.As("readonly"));
  REQUIRE(figures);
  INFO(figures->body);
  json s = Json(figures);
  CHECK(s["offers"] == 1);
  CHECK(s["invoices"] == 1);
  CHECK(s["revenue_by_year_cents"]["2024"] == 100000);
  CHECK(s["open_cents"] == 79000);
  CHECK(s["overdue_cents"] == 79000);
  CHECK(s["limit_exceeded"] == true);
  CHECK(s["average_days_to_pay"].is_null());

  auto statement = client.Get("/api/v1/customers/1/statement", api.As("readonly"));
  REQUIRE(statement);
  json st = Json(statement);
  REQUIRE(st["lines"].size() == 2);
  CHECK(st["balance_cents"] == 79000);
  auto csv = client.Get("/api/v1/customers/1/statement?format=csv", api.As("readonly"));
  REQUIRE(csv);
  CHECK(csv->get_header_value("Content-Type").rfind("text/csv", 0) == 0);
  CHECK(csv->get_header_value("Content-Disposition") ==
        "attachment; filename=\"Kontoauszug-10001.csv\"");
  CHECK(csv->body.find("\"RE-2024-0042\"") != std::string::npos);
  auto html = client.Get("/api/v1/customers/1/statement?format=html", api.As("readonly"));
  REQUIRE(html);
  CHECK(html->get_header_value("Content-Type").rfind("text/html", 0) == 0);
  CHECK(html->body.find("Gärtnerei Blum") != std::string::npos);
  CHECK(html->body.find("790,00 €") != std::string::npos);

  auto history = client.Get("/api/v1/customers/1/file?kind=payment", api.As("readonly"));
  REQUIRE(history);
  REQUIRE(Json(history)["items"].size() == 1);
  CHECK(Json(history)["items"][0]["title"] == "Zahlung 400,00 € zu RE-2024-0042");
}

TEST_CASE("bad records and payments get the error shape naming the field", "[http][records]") {
  ApiServer api;
  SeedCustomer(api);
  json invoice = Post(api, "/api/v1/customers/1/records",
                      {{"kind", "invoice"},
                       {"number", "RE-1"},
                       {"record_date", "2024-01-10"},
                       {"net_cents", 1000}});
  auto client = api.Client();
  auto post = [&](const std::string& path, const std::string& body) {
    return client.Post(path, api.As("staff"), body, "application/json");
  };
  RequireError(post("/api/v1/customers/1/records",
                    R"({"kind":"invoice","number":"RE-1","record_date":"2024-01-11"})"),
               409, "number");
  RequireError(
      post("/api/v1/customers/1/records",
           R"({"kind":"invoice","number":"RE-2","record_date":"2024-01-11","net_cents":"10"})"),
      400, "net_cents");
  RequireError(post("/api/v1/customers/1/records",
                    R"({"kind":"credit_note","number":"GS-1","record_date":"2024-01-11"})"),
               400, "previous_id");
  RequireError(
      post("/api/v1/customers/1/records",
           R"({"kind":"offer","number":"AN-1","record_date":"2024-01-11","colour":"red"})"),
      400, "colour");
  RequireError(post("/api/v1/customers/99/records",
                    R"({"kind":"offer","number":"AN-1","record_date":"2024-01-11"})"),
               404, "");
  const std::string payments =
      "/api/v1/records/" + std::to_string(invoice["id"].get<int>()) + "/payments";
  RequireError(post(payments, R"({"paid_on":"2024-01-12","amount_cents":1001})"), 400,
               "amount_cents");
  RequireError(post(payments, R"({"paid_on":"31.02.2024","amount_cents":1})"), 400, "paid_on");
  RequireError(client.Get("/api/v1/customers/1/statement?format=pdf", api.As("staff")), 400,
               "format");
  RequireError(client.Get("/api/v1/customers/1/statistics?as_of=gestern", api.As("staff")), 400,
               "as_of");
  RequireError(client.Post(payments, api.As("readonly"),
                           R"({"paid_on":"2024-01-12","amount_cents":1})", "application/json"),
               403, "");
}

TEST_CASE("a CSV import over the API stores all lines or none", "[http][records]") {
  ApiServer api;
  SeedCustomer(api);
  auto client = api.Client();
  const std::string bad =
      "Kundennummer;Art;Nummer;Datum;Netto;Steuer\n"
      "10001;Rechnung;RE-5;10.01.2024;100,00;19,00\n"
      "10001;Rechnung;RE-6;31.02.2024;100,00;19,00\n";
  auto refused = client.Post("/api/v1/records/import", api.As("staff"), bad, "text/csv");
  REQUIRE(refused);
  CHECK(refused->status == 422);
  json report = Json(refused);
  REQUIRE(report["problems"].size() == 1);
  CHECK(report["problems"][0]["line"] == 3);
  CHECK(report["imported"] == 0);
  CHECK(Json(client.Get("/api/v1/customers/1/records", api.As("staff")))["items"].empty());

  const std::string good = bad.substr(0, bad.rfind("10001;Rechnung;RE-6"));
  auto checked =
      client.Post("/api/v1/records/import?dry_run=true", api.As("staff"), good, "text/csv");
  REQUIRE(checked);
  CHECK(checked->status == 200);
  CHECK(Json(checked)["imported"] == 0);
  auto stored = client.Post("/api/v1/records/import", api.As("staff"), good, "text/csv");
  REQUIRE(stored);
  CHECK(stored->status == 200);
  CHECK(Json(stored)["imported"] == 1);
  json records = Json(client.Get("/api/v1/customers/1/records", api.As("staff")));
  REQUIRE(records["items"].size() == 1);
  CHECK(records["items"][0]["gross_cents"] == 11900);
}

}  // namespace akte::test
