// JSON of tasks ("Aufgaben"), appointments ("Termine") and a user's day.
#include "json_codec.h"

namespace akte::archive {
namespace {

nlohmann::json OptionalId(const std::optional<Id>& id) {
  return id ? nlohmann::json(*id) : nlohmann::json(nullptr);
}

}  // namespace

void to_json(nlohmann::json& j, const Task& t) {
  j = {{"id", t.id},
       {"customer_id", t.customer_id},
       {"customer_number", t.customer_number},
       {"customer_name", t.customer_name},
       {"contact_id", OptionalId(t.contact_id)},
       {"document_id", OptionalId(t.document_id)},
       {"title", t.title},
       {"text", t.text},
       {"due_date", t.due_date},
       {"assignee", t.assignee},
       {"created_by", t.created_by},
       {"created_at", t.created_at},
       {"updated_at", t.updated_at},
       {"done_at", t.done_at},
       {"done_by", t.done_by},
       {"done_event_id", OptionalId(t.done_event_id)},
       {"version", t.version}};
}

void to_json(nlohmann::json& j, const Appointment& a) {
  j = {{"id", a.id},
       {"customer_id", a.customer_id},
       {"customer_number", a.customer_number},
       {"customer_name", a.customer_name},
       {"contact_id", OptionalId(a.contact_id)},
       {"document_id", OptionalId(a.document_id)},
       {"title", a.title},
       {"text", a.text},
       {"starts_at", a.starts_at},
       {"ends_at", a.ends_at},
       {"place", a.place},
       {"participants", a.participants},
       {"created_by", a.created_by},
       {"created_at", a.created_at},
       {"updated_at", a.updated_at},
       {"cancelled_at", a.cancelled_at},
       {"version", a.version}};
}

void to_json(nlohmann::json& j, const Agenda& a) {
  j = {{"today", a.today},
       {"overdue_tasks", a.overdue_tasks},
       {"tasks_today", a.tasks_today},
       {"appointments", a.appointments}};
}

}  // namespace akte::archive
