// Catalog: appointments ("Termine") with customers, optionally with one of
// their contacts or about one of their documents, and the firm's people
// who attend them.
#include <algorithm>

#include "akte/archive/catalog.h"
#include "catalog_rows.h"
#include "json_codec.h"
#include "planning_rows.h"
#include "sqlite_db.h"
#include "validation.h"

namespace akte::archive {
namespace {

constexpr std::size_t kMaxText = 100'000;  // bytes, as a note
constexpr std::size_t kMaxPlace = 500;     // bytes
constexpr std::size_t kMaxParticipants = 50;

Status CheckMoment(std::string& value, const std::string& field, std::string_view what) {
  if (Trim(value).empty()) {
    return Status::InvalidArgument("the " + std::string(what) + " is missing", field);
  }
  auto at = NormalizeTimestamp(value);
  if (!at.ok()) return Status::InvalidArgument(at.status().message(), field);
  value = *at;
  return Status::Ok();
}

// Normalises an appointment's fields and returns its participants' ids in
// their order (each once; their usernames as stored).
Result<std::vector<Id>> CheckAppointment(sql::Connection& conn, Appointment& a) {
  AKTE_RETURN_IF_ERROR(planning::CheckTitle(a.title));
  AKTE_RETURN_IF_ERROR(planning::CheckLength(a.text, "text", kMaxText));
  AKTE_RETURN_IF_ERROR(planning::CheckLength(a.place, "place", kMaxPlace));
  AKTE_RETURN_IF_ERROR(CheckMoment(a.starts_at, "starts_at", "start"));
  AKTE_RETURN_IF_ERROR(CheckMoment(a.ends_at, "ends_at", "end"));
  // Both are UTC in one format now, so the text compares as the time does.
  if (a.ends_at < a.starts_at) {
    return Status::InvalidArgument("the end (" + FormatLocalGerman(a.ends_at) +
                                       ") lies before the start (" +
                                       FormatLocalGerman(a.starts_at) + ")",
                                   "ends_at");
  }
  AKTE_RETURN_IF_ERROR(planning::CheckLinks(conn, a.customer_id, a.contact_id, a.document_id));
  std::vector<Id> ids;
  std::vector<std::string> names;
  for (std::string name : a.participants) {
    if (Trim(name).empty()) continue;
    AKTE_ASSIGN_OR_RETURN(Id id, planning::ActiveUserId(conn, name, "participants"));
    if (std::find(ids.begin(), ids.end(), id) != ids.end()) continue;
    ids.push_back(id);
    names.push_back(std::move(name));
  }
  if (ids.size() > kMaxParticipants) {
    return Status::InvalidArgument(
        "an appointment has at most " + std::to_string(kMaxParticipants) + " participants",
        "participants");
  }
  a.participants = std::move(names);
  return ids;
}

Status SaveParticipants(sql::Connection& conn, Id appointment_id, const std::vector<Id>& users) {
  {
    AKTE_ASSIGN_OR_RETURN(auto clear, conn.Prepare("DELETE FROM appointment_participants "
                                                   "WHERE appointment_id = ?"));
    AKTE_RETURN_IF_ERROR(clear.Bind(appointment_id).Run());
  }
  AKTE_ASSIGN_OR_RETURN(auto insert,
                        conn.Prepare("INSERT INTO appointment_participants(appointment_id, "
                                     "user_id, position) VALUES (?, ?, ?)"));
  for (std::size_t i = 0; i < users.size(); ++i) {
    AKTE_RETURN_IF_ERROR(insert.Bind(appointment_id, users[i], static_cast<std::int64_t>(i)).Run());
  }
  return Status::Ok();
}

}  // namespace

Result<Appointment> Catalog::AddAppointment(const Actor& by, Appointment draft) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(Customer customer, rows::LoadCustomer(conn, draft.customer_id));
  AKTE_ASSIGN_OR_RETURN(auto participant_ids, CheckAppointment(conn, draft));
  const std::string now = Now();
  {
    AKTE_ASSIGN_OR_RETURN(
        auto insert,
        conn.Prepare("INSERT INTO appointments(customer_id, contact_id, document_id, title, text, "
                     "starts_at, ends_at, place, created_by, created_at, updated_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    AKTE_RETURN_IF_ERROR(insert
                             .Bind(customer.id, draft.contact_id, draft.document_id, draft.title,
                                   draft.text, draft.starts_at, draft.ends_at, draft.place,
                                   by.user_id, now, now)
                             .Run());
  }
  const Id id = conn.LastInsertId();
  AKTE_RETURN_IF_ERROR(SaveParticipants(conn, id, participant_ids));
  AKTE_ASSIGN_OR_RETURN(Appointment stored, planning::LoadAppointment(conn, id));
  AKTE_RETURN_IF_ERROR(
      WriteAudit(conn, by, "create", "appointment", id, "", nlohmann::json(stored).dump()));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return stored;
}

Result<Appointment> Catalog::GetAppointment(Id id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  return planning::LoadAppointment(*conn, id);
}

Result<std::vector<Appointment>> Catalog::ListAppointments(Id customer_id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(Customer customer, rows::LoadCustomer(*conn, customer_id));
  return planning::CustomerAppointments(*conn, customer.id);
}

Result<Appointment> Catalog::UpdateAppointment(const Actor& by, const Appointment& edited) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(Appointment before, planning::LoadAppointment(conn, edited.id));
  if (before.version != edited.version) {
    return StaleVersion("appointment " + std::to_string(edited.id), before.version, edited.version);
  }
  if (!before.cancelled_at.empty()) {
    return Status::FailedPrecondition("appointment " + std::to_string(edited.id) +
                                      " is cancelled; add a new one instead");
  }
  Appointment after = edited;
  after.customer_id = before.customer_id;  // an appointment stays with its customer
  AKTE_ASSIGN_OR_RETURN(auto participant_ids, CheckAppointment(conn, after));
  {
    AKTE_ASSIGN_OR_RETURN(
        auto update,
        conn.Prepare("UPDATE appointments SET contact_id = ?, document_id = ?, title = ?, "
                     "text = ?, starts_at = ?, ends_at = ?, place = ?, updated_at = ?, "
                     "version = version + 1 WHERE id = ?"));
    AKTE_RETURN_IF_ERROR(update
                             .Bind(after.contact_id, after.document_id, after.title, after.text,
                                   after.starts_at, after.ends_at, after.place, Now(), before.id)
                             .Run());
  }
  AKTE_RETURN_IF_ERROR(SaveParticipants(conn, before.id, participant_ids));
  AKTE_ASSIGN_OR_RETURN(after, planning::LoadAppointment(conn, before.id));
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, "update", "appointment", after.id,
                                  nlohmann::json(before).dump(), nlohmann::json(after).dump()));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return after;
}

Result<Appointment> Catalog::CancelAppointment(const Actor& by, Id id,
                                               std::int64_t expected_version) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(Appointment before, planning::LoadAppointment(conn, id));
  if (before.version != expected_version) {
    return StaleVersion("appointment " + std::to_string(id), before.version, expected_version);
  }
  if (!before.cancelled_at.empty()) {
    return Status::FailedPrecondition("appointment " + std::to_string(id) +
                                      " was cancelled already (" +
                                      FormatLocalGerman(before.cancelled_at) + ")");
  }
  const std::string now = Now();
  {
    AKTE_ASSIGN_OR_RETURN(auto update,
                          conn.Prepare("UPDATE appointments SET cancelled_at = ?, updated_at = ?, "
                                       "version = version + 1 WHERE id = ?"));
    AKTE_RETURN_IF_ERROR(update.Bind(now, now, id).Run());
  }
  AKTE_ASSIGN_OR_RETURN(Appointment after, planning::LoadAppointment(conn, id));
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, "cancel", "appointment", id,
                                  nlohmann::json(before).dump(), nlohmann::json(after).dump()));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return after;
}

}  // namespace akte::archive
