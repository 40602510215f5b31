// Follow-ups ("Wiedervorlage"): set on a customer file, rescheduled, done,
// and the lists of what is due for a user.
#include "route_helpers.h"

namespace akte::http {
namespace {

using archive::FollowUp;

// Applies "due_date", "assignee" and "reason" of a body to a follow-up.
Status ReadSchedule(JsonFields& fields, FollowUp& follow_up) {
  AKTE_RETURN_IF_ERROR(fields.Text("due_date", follow_up.due_date));
  AKTE_RETURN_IF_ERROR(fields.Text("assignee", follow_up.assignee));
  return fields.Text("reason", follow_up.reason);
}

Status ListForCustomer(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto follow_ups, call.services.catalog().ListFollowUps(id));
  call.Reply(200, {{"items", AsJsonArray(follow_ups)}});
  return Status::Ok();
}

// The assignee defaults to the caller; "entity" and "entity_id" name a
// document, note or event of the customer to follow up on.
Status Create(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto customer_id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  JsonFields fields(body);
  FollowUp draft;
  draft.customer_id = customer_id;
  AKTE_RETURN_IF_ERROR(ReadSchedule(fields, draft));
  AKTE_RETURN_IF_ERROR(fields.Text("entity", draft.entity));
  AKTE_RETURN_IF_ERROR(fields.Integer("entity_id", draft.entity_id));
  AKTE_RETURN_IF_ERROR(fields.RejectUnknown());
  AKTE_ASSIGN_OR_RETURN(FollowUp created,
                        call.services.catalog().AddFollowUp(call.caller().actor(), draft));
  call.response.set_header("Location", "/api/v1/follow-ups/" + std::to_string(created.id));
  ReplyRecord(call, created, 201);
  return Status::Ok();
}

// ?assignee=USERNAME|all (default: the caller) and ?today=YYYY-MM-DD
// (default: today in the firm's time zone).
Status ListDue(Call& call) {
  std::string assignee = call.Query("assignee", call.caller().user.username);
  if (assignee == "all") assignee.clear();
  AKTE_ASSIGN_OR_RETURN(auto due,
                        call.services.catalog().DueFollowUps(assignee, call.Query("today")));
  call.Reply(200, AsJson(due));
  return Status::Ok();
}

// Reschedules or reassigns; the read-only fields a client sends back are
// ignored.
Status Update(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  auto& catalog = call.services.catalog();
  AKTE_ASSIGN_OR_RETURN(FollowUp current, catalog.GetFollowUp(id));
  return EditVersioned(
      call, current,
      [&](FollowUp& edited) {
        JsonFields fields(body);
        for (const char* name :
             {"id", "customer_id", "customer_number", "customer_name", "entity", "entity_id",
              "created_by", "created_at", "done_at", "done_by", "done_event_id", "version"}) {
          fields.Ignore(name);
        }
        AKTE_RETURN_IF_ERROR(ReadSchedule(fields, edited));
        return fields.RejectUnknown();
      },
      [&](const FollowUp& edited) { return catalog.UpdateFollowUp(call.caller().actor(), edited); },
      [&] { return catalog.GetFollowUp(id); });
}

// Marks it done; the history event this records is indexed like any other.
Status Done(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(FollowUp done,
                        call.services.catalog().CompleteFollowUp(call.caller().actor(), id));
  call.services.background->Notify();
  ReplyRecord(call, done);
  return Status::Ok();
}

}  // namespace

void AddFollowUpRoutes(Router& router) {
  router.Add("GET", "/api/v1/customers/{id}/follow-ups", Access::kRead, ListForCustomer);
  router.Add("POST", "/api/v1/customers/{id}/follow-ups", Access::kWrite, Create);
  router.Add("GET", "/api/v1/follow-ups", Access::kRead, ListDue);
  router.Add("PUT", "/api/v1/follow-ups/{id}", Access::kWrite, Update);
  router.Add("POST", "/api/v1/follow-ups/{id}/done", Access::kWrite, Done);
}

}  // namespace akte::http
