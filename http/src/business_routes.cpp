// Business records, payments, a customer's figures and account statement.
#include <chrono>

#include "akte/archive/business.h"
#include "akte/archive/import.h"
#include "akte/archive/time.h"
#include "route_helpers.h"

namespace akte::http {
namespace {

using archive::BusinessRecord;

// A CSV export of a firm's whole bookkeeping history stays far below this.
constexpr std::size_t kMaxImportBody = 32 * 1024 * 1024;

Status ListRecords(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto records, call.services.catalog().ListBusinessRecords(id));
  call.Reply(200, {{"items", AsJsonArray(records)}});
  return Status::Ok();
}

Status CreateRecord(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto customer_id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  BusinessRecord draft;
  JsonFields fields(body);
  AKTE_RETURN_IF_ERROR(ReadBusinessRecord(fields, draft));
  draft.customer_id = customer_id;
  AKTE_ASSIGN_OR_RETURN(BusinessRecord created, call.services.catalog().AddBusinessRecord(
                                                    call.caller().actor(), std::move(draft)));
  call.response.set_header("Location", "/api/v1/records/" + std::to_string(created.id));
  call.Reply(201, AsJson(created));
  return Status::Ok();
}

Status GetRecord(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(BusinessRecord record, call.services.catalog().GetBusinessRecord(id));
  call.Reply(200, AsJson(record));
  return Status::Ok();
}

Status AddPayment(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  archive::Payment draft;
  JsonFields fields(body);
  AKTE_RETURN_IF_ERROR(ReadPayment(fields, draft));
  draft.record_id = id;
  AKTE_ASSIGN_OR_RETURN(BusinessRecord invoice,
                        call.services.catalog().AddPayment(call.caller().actor(), draft));
  call.Reply(201, AsJson(invoice));
  return Status::Ok();
}

// CSV in the body; all lines are stored or none. 200 with the report when
// stored (or checked, with ?dry_run=true), 422 with it when a line is bad.
Status ImportRecords(Call& call) {
  AKTE_ASSIGN_OR_RETURN(bool dry_run, call.QueryBool("dry_run", false));
  AKTE_ASSIGN_OR_RETURN(std::string csv, call.Body(kMaxImportBody));
  AKTE_ASSIGN_OR_RETURN(
      auto report, archive::ImportBusinessRecordsCsv(call.services.catalog(), call.caller().actor(),
                                                     csv, {dry_run}));
  nlohmann::json problems = nlohmann::json::array();
  for (const auto& p : report.problems) {
    problems.push_back({{"line", p.line}, {"message", p.message}});
  }
  call.Reply(report.ok() ? 200 : 422, {{"records", report.records},
                                       {"imported", report.imported},
                                       {"encoding", report.encoding},
                                       {"dry_run", dry_run},
                                       {"problems", problems}});
  return Status::Ok();
}

// ?as_of=YYYY-MM-DD: the day "overdue" is judged on (default: today, UTC).
Result<std::string> AsOf(const Call& call) {
  const std::string as_of = call.Query("as_of");
  if (as_of.empty()) return FormatUtc(std::chrono::system_clock::now()).substr(0, 10);
  auto date = NormalizeDate(as_of);
  if (!date.ok() || *date != as_of) {
    return Status::InvalidArgument("'as_of' must be a date as YYYY-MM-DD", "as_of");
  }
  return *date;
}

Status GetStatistics(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(std::string as_of, AsOf(call));
  auto& catalog = call.services.catalog();
  AKTE_ASSIGN_OR_RETURN(auto records, catalog.ListBusinessRecords(id));
  AKTE_ASSIGN_OR_RETURN(auto conditions, catalog.GetConditions(id));
  AKTE_ASSIGN_OR_RETURN(std::string last_contact, catalog.LastContact(id));
  const auto statistics = archive::ComputeStatistics(
      records, as_of, conditions ? conditions->open_invoice_limit_cents : std::nullopt,
      std::move(last_contact));
  call.Reply(200, nlohmann::json::parse(archive::ToJson(statistics)));
  return Status::Ok();
}

// "Kontoauszug-10042.csv"; characters a file name should not carry become _.
std::string StatementFileName(const std::string& number, const char* extension) {
  std::string name = "Kontoauszug-" + number;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
  }
  return name + extension;
}

Status GetStatement(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  const std::string format = call.Query("format", "json");
  if (format != "json" && format != "csv" && format != "html") {
    return Status::InvalidArgument("'format' must be json, csv or html", "format");
  }
  auto& catalog = call.services.catalog();
  AKTE_ASSIGN_OR_RETURN(auto customer, catalog.GetCustomer(id));
  AKTE_ASSIGN_OR_RETURN(auto records, catalog.ListBusinessRecords(id));
  const auto statement = archive::BuildStatement(customer, records);
  if (format == "json") {
    call.Reply(200, nlohmann::json::parse(archive::ToJson(statement)));
  } else if (format == "csv") {
    call.response.set_header(
        "Content-Disposition",
        "attachment; filename=\"" + StatementFileName(customer.number, ".csv") + "\"");
    call.response.set_content(archive::StatementCsv(statement), "text/csv; charset=utf-8");
  } else {
    AKTE_ASSIGN_OR_RETURN(auto firm, catalog.GetSetting(archive::kFirmNameSetting));
    call.response.set_content(archive::StatementHtml(statement, firm.value_or("")),
                              "text/html; charset=utf-8");
  }
  return Status::Ok();
}

}  // namespace

void AddBusinessRoutes(Router& router) {
  router.Add("GET", "/api/v1/customers/{id}/records", Access::kRead, ListRecords);
  router.Add("POST", "/api/v1/customers/{id}/records", Access::kWrite, CreateRecord);
  router.Add("GET", "/api/v1/records/{id}", Access::kRead, GetRecord);
  router.Add("POST", "/api/v1/records/{id}/payments", Access::kWrite, AddPayment);
  router.Add("POST", "/api/v1/records/import", Access::kWrite, ImportRecords);
  router.Add("GET", "/api/v1/customers/{id}/statistics", Access::kRead, GetStatistics);
  router.Add("GET", "/api/v1/customers/{id}/statement", Access::kRead, GetStatement);
}

}  // namespace akte::http
