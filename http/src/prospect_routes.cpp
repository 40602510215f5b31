// Prospects ("Interessenten"): moving one through the sales pipeline and
// converting it to a customer, both edits of the customer's version.
#include "akte/archive/pipeline.h"
#include "route_helpers.h"

namespace akte::http {
namespace {

using archive::Customer;

constexpr std::size_t kMaxConvertBody = 64 * 1024;  // {"number": "..."}

// The stored prospect `id`; a customer that is no prospect is a conflict
// of its own, not a stale version.
Result<Customer> CurrentProspect(Call& call, archive::Id id) {
  AKTE_ASSIGN_OR_RETURN(Customer current, call.services.catalog().GetCustomer(id));
  if (current.kind != archive::kKindProspect) {
    return Status::FailedPrecondition("customer " + current.number +
                                      " is no prospect; only prospects move through the sales "
                                      "pipeline and can be converted");
  }
  return current;
}

// {"status": "offer_sent", "remark": "..."}: the status as stored or as a
// person writes it ("Angebot gesendet").
Status SetStatus(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  JsonFields fields(body);
  std::string status, remark;
  AKTE_RETURN_IF_ERROR(fields.Text("status", status));
  AKTE_RETURN_IF_ERROR(fields.Text("remark", remark));
  AKTE_RETURN_IF_ERROR(fields.RejectUnknown());
  if (status.empty()) return Status::InvalidArgument("'status' is missing", "status");
  if (auto parsed = archive::ParsePipelineStatus(status)) status = *parsed;
  if (!archive::IsPipelineStatus(status)) {
    return Status::InvalidArgument(
        "'" + status + "' is no pipeline status; use new, contacted, offer_sent, won or lost",
        "status");
  }
  auto& catalog = call.services.catalog();
  AKTE_ASSIGN_OR_RETURN(Customer current, CurrentProspect(call, id));
  return EditVersioned(
      call, current, [](Customer&) { return Status::Ok(); },
      [&](const Customer& edited) {
        return catalog.SetPipelineStatus(call.caller().actor(), id, edited.version, status, remark);
      },
      [&] { return catalog.GetCustomer(id); });
}

// {"number": "10050"} (optional, as is the whole body): the customer
// number it gets.
Status Convert(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(std::string raw, call.Body(kMaxConvertBody));
  nlohmann::json body = nlohmann::json::object();
  if (raw.find_first_not_of(" \t\r\n") != std::string::npos) {
    AKTE_ASSIGN_OR_RETURN(body, ParseJsonObject(raw));
  }
  JsonFields fields(body);
  std::string number;
  AKTE_RETURN_IF_ERROR(fields.Text("number", number));
  AKTE_RETURN_IF_ERROR(fields.RejectUnknown());
  auto& catalog = call.services.catalog();
  AKTE_ASSIGN_OR_RETURN(Customer current, CurrentProspect(call, id));
  return EditVersioned(
      call, current, [](Customer&) { return Status::Ok(); },
      [&](const Customer& edited) {
        return catalog.ConvertProspect(call.caller().actor(), id, edited.version, number);
      },
      [&] { return catalog.GetCustomer(id); });
}

}  // namespace

void AddProspectRoutes(Router& router) {
  router.Add("POST", "/api/v1/customers/{id}/pipeline", Access::kWrite, SetStatus);
  router.Add("POST", "/api/v1/customers/{id}/convert", Access::kWrite, Convert);
}

}  // namespace akte::http
