// Catalog: tasks ("Aufgaben") on customers, optionally about one of their
// contacts or documents; done, a task leaves an "Aufgabe" history event.
#include "akte/archive/catalog.h"
#include "catalog_rows.h"
#include "json_codec.h"
#include "planning_rows.h"
#include "sqlite_db.h"
#include "validation.h"

namespace akte::archive {
namespace {

constexpr std::size_t kMaxText = 100'000;  // bytes, as a note
constexpr std::size_t kMaxSubject = 500;   // bytes of an event's subject
constexpr std::string_view kTaskEventType = "Aufgabe";

// Normalises a task's fields and finds its assignee's id (none when empty).
Result<std::optional<Id>> CheckTask(sql::Connection& conn, Task& t) {
  AKTE_RETURN_IF_ERROR(planning::CheckTitle(t.title));
  AKTE_RETURN_IF_ERROR(planning::CheckLength(t.text, "text", kMaxText));
  if (!Trim(t.due_date).empty()) {
    auto due = NormalizeDate(t.due_date);
    if (!due.ok()) return Status::InvalidArgument(due.status().message(), "due_date");
    t.due_date = *due;
  } else {
    t.due_date.clear();
  }
  AKTE_RETURN_IF_ERROR(planning::CheckLinks(conn, t.customer_id, t.contact_id, t.document_id));
  if (Trim(t.assignee).empty()) {
    t.assignee.clear();
    return std::optional<Id>();
  }
  AKTE_ASSIGN_OR_RETURN(Id assignee_id, planning::ActiveUserId(conn, t.assignee, "assignee"));
  return std::optional<Id>(assignee_id);
}

// `prefix` and as much of `title` as fits `max` bytes, cut between characters.
std::string Subject(std::string_view prefix, std::string_view title, std::size_t max) {
  std::string subject(prefix);
  if (subject.size() + title.size() <= max) return subject.append(title);
  const std::string_view ellipsis = "…";
  std::size_t cut = max - subject.size() - ellipsis.size();
  while (cut > 0 && (static_cast<unsigned char>(title[cut]) & 0xC0) == 0x80) --cut;
  return subject.append(title.substr(0, cut)).append(ellipsis);
}

}  // namespace

Result<Task> Catalog::AddTask(const Actor& by, Task draft) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(Customer customer, rows::LoadCustomer(conn, draft.customer_id));
  AKTE_ASSIGN_OR_RETURN(auto assignee_id, CheckTask(conn, draft));
  const std::string now = Now();
  {
    AKTE_ASSIGN_OR_RETURN(auto insert,
                          conn.Prepare("INSERT INTO tasks(customer_id, contact_id, document_id, "
                                       "title, text, due_date, assignee_id, created_by, "
                                       "created_at, updated_at) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    AKTE_RETURN_IF_ERROR(insert
                             .Bind(customer.id, draft.contact_id, draft.document_id, draft.title,
                                   draft.text, draft.due_date, assignee_id, by.user_id, now, now)
                             .Run());
  }
  AKTE_ASSIGN_OR_RETURN(Task stored, planning::LoadTask(conn, conn.LastInsertId()));
  AKTE_RETURN_IF_ERROR(
      WriteAudit(conn, by, "create", "task", stored.id, "", nlohmann::json(stored).dump()));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return stored;
}

Result<Task> Catalog::GetTask(Id id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  return planning::LoadTask(*conn, id);
}

Result<std::vector<Task>> Catalog::ListTasks(Id customer_id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(Customer customer, rows::LoadCustomer(*conn, customer_id));
  return planning::CustomerTasks(*conn, customer.id);
}

Result<Task> Catalog::UpdateTask(const Actor& by, const Task& edited) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(Task before, planning::LoadTask(conn, edited.id));
  if (before.version != edited.version) {
    return StaleVersion("task " + std::to_string(edited.id), before.version, edited.version);
  }
  if (!before.done_at.empty()) {
    return Status::FailedPrecondition("task " + std::to_string(edited.id) +
                                      " is done; add a new one instead");
  }
  Task after = before;
  after.title = edited.title;
  after.text = edited.text;
  after.due_date = edited.due_date;
  after.assignee = edited.assignee;
  after.contact_id = edited.contact_id;
  after.document_id = edited.document_id;
  AKTE_ASSIGN_OR_RETURN(auto assignee_id, CheckTask(conn, after));
  {
    AKTE_ASSIGN_OR_RETURN(auto update,
                          conn.Prepare("UPDATE tasks SET title = ?, text = ?, due_date = ?, "
                                       "assignee_id = ?, contact_id = ?, document_id = ?, "
                                       "updated_at = ?, version = version + 1 WHERE id = ?"));
    AKTE_RETURN_IF_ERROR(update
                             .Bind(after.title, after.text, after.due_date, assignee_id,
                                   after.contact_id, after.document_id, Now(), after.id)
                             .Run());
  }
  AKTE_ASSIGN_OR_RETURN(after, planning::LoadTask(conn, after.id));
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, "update", "task", after.id,
                                  nlohmann::json(before).dump(), nlohmann::json(after).dump()));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return after;
}

Result<Task> Catalog::CompleteTask(const Actor& by, Id id) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(Task before, planning::LoadTask(conn, id));
  if (!before.done_at.empty()) {
    return Status::FailedPrecondition("task " + std::to_string(id) + " was done already (" +
                                      FormatLocalGerman(before.done_at) + " by " + before.done_by +
                                      ")");
  }
  Event event;
  event.customer_id = before.customer_id;
  event.contact_id = before.contact_id;
  event.type = kTaskEventType;
  event.subject = Subject("Aufgabe erledigt: ", before.title, kMaxSubject);
  std::string about;
  if (!before.due_date.empty()) about = "Fällig am " + FormatDateGerman(before.due_date);
  if (!before.assignee.empty()) about += (about.empty() ? "Für " : ", für ") + before.assignee;
  event.text = about.empty() ? before.text : about + "\n" + before.text;
  if (before.document_id) event.document_ids = {*before.document_id};
  AKTE_ASSIGN_OR_RETURN(Event recorded, InsertEvent(conn, by, std::move(event), by, "create"));
  {
    AKTE_ASSIGN_OR_RETURN(auto update, conn.Prepare("UPDATE tasks SET done_at = ?, done_by = ?, "
                                                    "done_event_id = ?, updated_at = ?, "
                                                    "version = version + 1 WHERE id = ?"));
    AKTE_RETURN_IF_ERROR(
        update.Bind(recorded.created_at, by.user_id, recorded.id, recorded.created_at, id).Run());
  }
  AKTE_ASSIGN_OR_RETURN(Task after, planning::LoadTask(conn, id));
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, "done", "task", id, nlohmann::json(before).dump(),
                                  nlohmann::json(after).dump()));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return after;
}

Result<std::vector<Task>> Catalog::OpenTasksOf(std::string_view assignee) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  std::optional<Id> assignee_id;
  if (!assignee.empty()) {
    AKTE_ASSIGN_OR_RETURN(assignee_id, planning::AnyUserId(*conn, assignee));
  }
  // Everyone's list holds only what is due some day; a user's also what is not.
  AKTE_ASSIGN_OR_RETURN(auto stmt,
                        conn->Prepare(std::string(planning::kTaskColumns) +
                                      "WHERE t.done_at = '' AND (?1 IS NULL AND t.due_date <> '' "
                                      "OR t.assignee_id = ?1) "
                                      "ORDER BY t.due_date = '', t.due_date, c.number, t.id"));
  stmt.Bind(assignee_id);
  return planning::QueryTasks(stmt);
}

}  // namespace akte::archive
