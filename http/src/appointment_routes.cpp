// Appointments ("Termine"): added to a customer file, edited and cancelled
// with versions; and a user's day (the dashboard's agenda): the
// appointments of the day and the tasks overdue or due then.
#include "route_helpers.h"

namespace akte::http {
namespace {

using archive::Appointment;

constexpr const char* kReadOnlyFields[] = {
    "id",         "customer_id", "customer_number", "customer_name", "created_by",
    "created_at", "updated_at",  "cancelled_at",    "version"};

// Applies the editable fields of a body to an appointment.
Status ReadAppointment(JsonFields& fields, Appointment& appointment) {
  AKTE_RETURN_IF_ERROR(fields.Text("title", appointment.title));
  AKTE_RETURN_IF_ERROR(fields.Text("text", appointment.text));
  AKTE_RETURN_IF_ERROR(fields.Text("starts_at", appointment.starts_at));
  AKTE_RETURN_IF_ERROR(fields.Text("ends_at", appointment.ends_at));
  AKTE_RETURN_IF_ERROR(fields.Text("place", appointment.place));
  AKTE_RETURN_IF_ERROR(fields.Texts("participants", appointment.participants));
  AKTE_RETURN_IF_ERROR(fields.OptionalInteger("contact_id", appointment.contact_id));
  return fields.OptionalInteger("document_id", appointment.document_id);
}

// A catalog answer about an unknown user named in the query: the query
// parameter `name` is at fault (400), not a missing record (404).
template <typename T>
Result<T> UserInQuery(Result<T> result, const char* name) {
  if (!result.ok() && result.status().code() == StatusCode::kNotFound) {
    return Status::InvalidArgument(result.status().message(), name);
  }
  return result;
}

// A cancelled appointment is changed no more, whatever version is sent.
Status RefuseCancelled(const Appointment& appointment) {
  if (appointment.cancelled_at.empty()) return Status::Ok();
  return Status::FailedPrecondition("appointment " + std::to_string(appointment.id) +
                                    " is cancelled; a cancelled appointment is not changed");
}

Status ListForCustomer(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto appointments, call.services.catalog().ListAppointments(id));
  call.Reply(200, {{"items", AsJsonArray(appointments)}});
  return Status::Ok();
}

Status Create(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto customer_id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  JsonFields fields(body);
  Appointment draft;
  draft.customer_id = customer_id;
  AKTE_RETURN_IF_ERROR(ReadAppointment(fields, draft));
  AKTE_RETURN_IF_ERROR(fields.RejectUnknown());
  AKTE_ASSIGN_OR_RETURN(Appointment created,
                        call.services.catalog().AddAppointment(call.caller().actor(), draft));
  ReplyCreated(call, "appointments", created);
  return Status::Ok();
}

Status GetOne(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(Appointment appointment, call.services.catalog().GetAppointment(id));
  ReplyRecord(call, appointment);
  return Status::Ok();
}

// Edits every field but the customer; read-only fields sent back are ignored.
Status Update(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  auto& catalog = call.services.catalog();
  AKTE_ASSIGN_OR_RETURN(Appointment current, catalog.GetAppointment(id));
  AKTE_RETURN_IF_ERROR(RefuseCancelled(current));
  return EditVersioned(
      call, current,
      [&](Appointment& edited) {
        JsonFields fields(body);
        for (const char* name : kReadOnlyFields) fields.Ignore(name);
        AKTE_RETURN_IF_ERROR(ReadAppointment(fields, edited));
        return fields.RejectUnknown();
      },
      [&](const Appointment& edited) {
        return catalog.UpdateAppointment(call.caller().actor(), edited);
      },
      [&] { return catalog.GetAppointment(id); });
}

// Cancels the version named in If-Match; it stays in the file, marked.
Status Cancel(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  auto& catalog = call.services.catalog();
  AKTE_ASSIGN_OR_RETURN(Appointment current, catalog.GetAppointment(id));
  AKTE_RETURN_IF_ERROR(RefuseCancelled(current));
  return EditVersioned(
      call, current, [](Appointment&) { return Status::Ok(); },
      [&](const Appointment& edited) {
        return catalog.CancelAppointment(call.caller().actor(), id, edited.version);
      },
      [&] { return catalog.GetAppointment(id); });
}

// ?user=USERNAME (default: the caller) and ?today=YYYY-MM-DD (default:
// today in the firm's time zone).
Status GetAgenda(Call& call) {
  const std::string user = call.Query("user", call.caller().user.username);
  AKTE_ASSIGN_OR_RETURN(
      auto agenda,
      UserInQuery(call.services.catalog().DayAgenda(user, call.Query("today")), "user"));
  call.Reply(200, AsJson(agenda));
  return Status::Ok();
}

}  // namespace

void AddAppointmentRoutes(Router& router) {
  router.Add("GET", "/api/v1/customers/{id}/appointments", Access::kRead, ListForCustomer);
  router.Add("POST", "/api/v1/customers/{id}/appointments", Access::kWrite, Create);
  router.Add("GET", "/api/v1/appointments/{id}", Access::kRead, GetOne);
  router.Add("PUT", "/api/v1/appointments/{id}", Access::kWrite, Update);
  router.Add("POST", "/api/v1/appointments/{id}/cancel", Access::kWrite, Cancel);
  router.Add("GET", "/api/v1/agenda", Access::kRead, GetAgenda);
}

}  // namespace akte::http
