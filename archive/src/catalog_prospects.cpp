// Catalog: the sales pipeline of prospects and their conversion to
// customers. A prospect keeps its id when it becomes a customer, so its
// documents, notes, events, records and follow-ups simply stay with it;
// every move leaves a "Statuswechsel" event in its history.
#include <string>

#include "akte/archive/catalog.h"
#include "akte/archive/pipeline.h"
#include "catalog_rows.h"
#include "json_codec.h"
#include "sqlite_db.h"
#include "validation.h"

namespace akte::archive {
namespace {

constexpr std::string_view kStatusEventType = "Statuswechsel";
constexpr std::size_t kMaxRemark = 2000;  // bytes: a remark, not a letter

std::string Json(const Customer& c) { return nlohmann::json(c).dump(); }

// The stored prospect `id` at `expected_version`, else FailedPrecondition.
Result<Customer> LoadProspect(sql::Connection& conn, Id id, std::int64_t expected_version) {
  AKTE_ASSIGN_OR_RETURN(Customer c, rows::LoadCustomer(conn, id));
  if (c.kind != kKindProspect) {
    return Status::FailedPrecondition("customer " + c.number +
                                      " is no prospect; only prospects move through the sales "
                                      "pipeline and can be converted");
  }
  if (c.version != expected_version)
    return StaleVersion("customer " + c.number, c.version, expected_version);
  return c;
}

}  // namespace

Status Catalog::RecordPipelineEvent(sql::Connection& conn, const Actor& by, const Customer& before,
                                    const Customer& after, std::string_view remark) {
  Event event;
  event.customer_id = after.id;
  event.type = kStatusEventType;
  const std::string move = "Interessent: " + PipelineStatusGerman(before.pipeline_status) + " → " +
                           PipelineStatusGerman(after.pipeline_status);
  std::string text(Trim(remark));
  if (after.kind == kKindCustomer && before.kind == kKindProspect) {
    event.subject = "In Kunden umgewandelt (Kundennummer " + after.number + ")";
    std::string details = move;
    if (after.number != before.number) details += "\nbisherige Nummer " + before.number;
    text = text.empty() ? details : details + "\n" + text;
  } else if (after.kind == kKindProspect && before.kind == kKindCustomer) {
    event.subject =
        "Wieder als Interessent geführt: " + PipelineStatusGerman(after.pipeline_status);
  } else {
    event.subject = move;
  }
  event.text = std::move(text);
  AKTE_ASSIGN_OR_RETURN(Event recorded, InsertEvent(conn, by, std::move(event), by, "create"));
  (void)recorded;
  return Status::Ok();
}

Result<Customer> Catalog::SetPipelineStatus(const Actor& by, Id id, std::int64_t expected_version,
                                            std::string_view status, std::string_view remark) {
  if (!IsPipelineStatus(status)) {
    return Status::InvalidArgument("'" + std::string(status) +
                                       "' is no pipeline status; use new, contacted, offer_sent, "
                                       "won or lost",
                                   "pipeline_status");
  }
  if (remark.size() > kMaxRemark) {
    return Status::InvalidArgument(
        "the remark has at most " + std::to_string(kMaxRemark) + " bytes", "remark");
  }
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(Customer before, LoadProspect(conn, id, expected_version));
  if (before.pipeline_status == status) {
    return Status::InvalidArgument(
        "prospect " + before.number + " is at '" + PipelineStatusGerman(status) + "' already",
        "pipeline_status");
  }
  {
    AKTE_ASSIGN_OR_RETURN(auto update,
                          conn.Prepare("UPDATE customers SET pipeline_status = ?, updated_at = ?, "
                                       "version = version + 1 WHERE id = ?"));
    AKTE_RETURN_IF_ERROR(update.Bind(status, Now(), id).Run());
  }
  AKTE_ASSIGN_OR_RETURN(Customer after, rows::LoadCustomer(conn, id));
  AKTE_RETURN_IF_ERROR(RecordPipelineEvent(conn, by, before, after, remark));
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, "pipeline", "customer", id, Json(before), Json(after)));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return after;
}

Result<Customer> Catalog::ConvertProspect(const Actor& by, Id id, std::int64_t expected_version,
                                          std::string new_number) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  auto loaded = LoadProspect(conn, id, expected_version);
  if (!loaded.ok()) {
    auto stored = rows::LoadCustomer(conn, id);
    if (stored.ok() && stored->kind == kKindCustomer) {
      return Status::FailedPrecondition(
          "customer " + stored->number + " is a customer already" +
          (stored->converted_at.empty()
               ? std::string()
               : " (converted " + FormatLocalGerman(stored->converted_at) + ")"));
    }
    return loaded.status();
  }
  const Customer before = *std::move(loaded);
  Customer c = before;
  c.kind = kKindCustomer;
  if (!Trim(new_number).empty()) c.number = Trim(new_number);
  AKTE_RETURN_IF_ERROR(ValidateCustomer(c));  // the number's rules
  if (c.number != before.number) {
    AKTE_ASSIGN_OR_RETURN(auto exists, conn.Prepare("SELECT 1 FROM customers WHERE number = ?"));
    AKTE_ASSIGN_OR_RETURN(bool taken, exists.Bind(c.number).Step());
    if (taken) {
      return Status(StatusCode::kAlreadyExists, "customer number " + c.number + " is already taken",
                    "number");
    }
  }
  {
    const std::string now = Now();
    AKTE_ASSIGN_OR_RETURN(
        auto update, conn.Prepare("UPDATE customers SET number = ?, kind = ?, pipeline_status = ?, "
                                  "converted_at = ?, updated_at = ?, version = version + 1 "
                                  "WHERE id = ?"));
    AKTE_RETURN_IF_ERROR(update.Bind(c.number, kKindCustomer, kPipelineWon, now, now, id).Run());
  }
  AKTE_ASSIGN_OR_RETURN(Customer after, rows::LoadCustomer(conn, id));
  AKTE_RETURN_IF_ERROR(RecordPipelineEvent(conn, by, before, after, ""));
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, "convert", "customer", id, Json(before), Json(after)));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return after;
}

}  // namespace akte::archive
