// Tasks ("Aufgaben"): added to a customer file, edited with versions, done
// (into the history), and the open ones of a user.
#include "route_helpers.h"

namespace akte::http {
namespace {

using archive::Task;

// The fields a client sends back unchanged with a task it read.
constexpr const char* kReadOnlyFields[] = {
    "id",         "customer_id", "customer_number", "customer_name", "created_by", "created_at",
    "updated_at", "done_at",     "done_by",         "done_event_id", "version"};

// Applies the editable fields of a body to a task.
Status ReadTask(JsonFields& fields, Task& task) {
  AKTE_RETURN_IF_ERROR(fields.Text("title", task.title));
  AKTE_RETURN_IF_ERROR(fields.Text("text", task.text));
  AKTE_RETURN_IF_ERROR(fields.Text("due_date", task.due_date));
  AKTE_RETURN_IF_ERROR(fields.Text("assignee", task.assignee));
  AKTE_RETURN_IF_ERROR(fields.OptionalInteger("contact_id", task.contact_id));
  return fields.OptionalInteger("document_id", task.document_id);
}

Status ListForCustomer(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto tasks, call.services.catalog().ListTasks(id));
  call.Reply(200, {{"items", AsJsonArray(tasks)}});
  return Status::Ok();
}

// The assignee defaults to the caller; "" leaves the task to nobody yet.
Status Create(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto customer_id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  JsonFields fields(body);
  Task draft;
  draft.customer_id = customer_id;
  draft.assignee = call.caller().user.username;
  AKTE_RETURN_IF_ERROR(ReadTask(fields, draft));
  AKTE_RETURN_IF_ERROR(fields.RejectUnknown());
  AKTE_ASSIGN_OR_RETURN(Task created,
                        call.services.catalog().AddTask(call.caller().actor(), draft));
  ReplyCreated(call, "tasks", created);
  return Status::Ok();
}

Status GetOne(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(Task task, call.services.catalog().GetTask(id));
  ReplyRecord(call, task);
  return Status::Ok();
}

// ?assignee=USERNAME|all (default: the caller): the open tasks by due date;
// "all" lists every open task that has a due date.
Status ListOpen(Call& call) {
  std::string assignee = call.Query("assignee", call.caller().user.username);
  if (assignee == "all") assignee.clear();
  auto tasks = call.services.catalog().OpenTasksOf(assignee);
  if (!tasks.ok() && tasks.status().code() == StatusCode::kNotFound) {
    return Status::InvalidArgument(tasks.status().message(), "assignee");
  }
  if (!tasks.ok()) return tasks.status();
  call.Reply(200, {{"items", AsJsonArray(*tasks)}});
  return Status::Ok();
}

// Edits an open task; the read-only fields a client sends back are ignored.
Status Update(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  auto& catalog = call.services.catalog();
  AKTE_ASSIGN_OR_RETURN(Task current, catalog.GetTask(id));
  // Not a stale version (which a 412 would tell): no version may edit it.
  if (!current.done_at.empty()) {
    return Status::FailedPrecondition("task " + std::to_string(id) +
                                      " is done already; a done task is not changed");
  }
  return EditVersioned(
      call, current,
      [&](Task& edited) {
        JsonFields fields(body);
        for (const char* name : kReadOnlyFields) fields.Ignore(name);
        AKTE_RETURN_IF_ERROR(ReadTask(fields, edited));
        return fields.RejectUnknown();
      },
      [&](const Task& edited) { return catalog.UpdateTask(call.caller().actor(), edited); },
      [&] { return catalog.GetTask(id); });
}

// Marks it done; the "Aufgabe" history event this records is indexed like
// any other.
Status Done(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(Task done, call.services.catalog().CompleteTask(call.caller().actor(), id));
  call.services.background->Notify();
  ReplyRecord(call, done);
  return Status::Ok();
}

}  // namespace

void AddTaskRoutes(Router& router) {
  router.Add("GET", "/api/v1/customers/{id}/tasks", Access::kRead, ListForCustomer);
  router.Add("POST", "/api/v1/customers/{id}/tasks", Access::kWrite, Create);
  router.Add("GET", "/api/v1/tasks", Access::kRead, ListOpen);
  router.Add("GET", "/api/v1/tasks/{id}", Access::kRead, GetOne);
  router.Add("PUT", "/api/v1/tasks/{id}", Access::kWrite, Update);
  router.Add("POST", "/api/v1/tasks/{id}/done", Access::kWrite, Done);
}

}  // namespace akte::http
