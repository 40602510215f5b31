// Catalog: follow-ups ("Wiedervorlage") on customers and their documents,
// notes and events, and the lists of what is due.
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "akte/archive/catalog.h"
#include "catalog_rows.h"
#include "json_codec.h"
#include "sqlite_db.h"
#include "validation.h"

namespace akte::archive {
namespace {

// Characters (code points): "Wiedervorlage erledigt: " and the reason must
// fit the 500 bytes of an event's subject.
constexpr std::size_t kMaxReason = 100;
constexpr std::string_view kFollowUpEventType = "Wiedervorlage";

// The columns ReadFollowUp expects, in its order; a query appends its WHERE
// and ORDER BY.
constexpr std::string_view kFollowUpColumns =
    "SELECT f.id, f.customer_id, c.number, CASE WHEN c.company <> '' THEN c.company ELSE "
    "trim(c.first_name || ' ' || c.last_name) END, f.entity, f.entity_id, f.due_date, "
    "a.username, f.reason, b.username, f.created_at, f.done_at, coalesce(d.username, ''), "
    "f.done_event_id, f.version FROM follow_ups f JOIN customers c ON c.id = f.customer_id "
    "JOIN users a ON a.id = f.assignee_id JOIN users b ON b.id = f.created_by "
    "LEFT JOIN users d ON d.id = f.done_by ";

FollowUp ReadFollowUp(const sql::Statement& stmt) {
  FollowUp f;
  f.id = stmt.Int(0);
  f.customer_id = stmt.Int(1);
  f.customer_number = stmt.Text(2);
  f.customer_name = stmt.Text(3);
  f.entity = stmt.Text(4);
  f.entity_id = stmt.Int(5);
  f.due_date = stmt.Text(6);
  f.assignee = stmt.Text(7);
  f.reason = stmt.Text(8);
  f.created_by = stmt.Text(9);
  f.created_at = stmt.Text(10);
  f.done_at = stmt.Text(11);
  f.done_by = stmt.Text(12);
  f.done_event_id = stmt.OptionalInt(13);
  f.version = stmt.Int(14);
  return f;
}

Result<std::vector<FollowUp>> QueryFollowUps(sql::Statement& stmt) {
  std::vector<FollowUp> found;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    found.push_back(ReadFollowUp(stmt));
  }
  return found;
}

Result<FollowUp> LoadFollowUp(sql::Connection& conn, Id id) {
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn.Prepare(std::string(kFollowUpColumns) + "WHERE f.id = ?"));
  stmt.Bind(id);
  AKTE_ASSIGN_OR_RETURN(auto found, QueryFollowUps(stmt));
  if (found.empty()) return Status::NotFound("there is no follow-up " + std::to_string(id));
  return found.front();
}

// The id of the user named `username` (any case); only enabled users may be
// given new follow-ups, while lists may ask for anyone's.
Result<Id> UserIdNamed(sql::Connection& conn, std::string_view username, bool enabled_only) {
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn.Prepare("SELECT id, disabled FROM users "
                                                "WHERE username = ? COLLATE NOCASE"));
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(username).Step());
  if (!row) {
    return Status::InvalidArgument("there is no user '" + std::string(username) + "'", "assignee");
  }
  if (enabled_only && stmt.Int(1) != 0) {
    return Status::InvalidArgument(
        "the user '" + std::string(username) + "' is disabled; choose an active colleague",
        "assignee");
  }
  return stmt.Int(0);
}

// Checks the item a follow-up is set on: it must exist and belong to the
// follow-up's customer. For the customer itself, entity_id is its id.
Status CheckFollowUpItem(sql::Connection& conn, FollowUp& f) {
  if (f.entity.empty() || f.entity == kFollowUpOnCustomer) {
    f.entity = kFollowUpOnCustomer;
    f.entity_id = f.customer_id;
    return Status::Ok();
  }
  std::optional<Id> owner;
  Status loaded = Status::Ok();
  if (f.entity == kFollowUpOnDocument) {
    auto document = rows::LoadDocument(conn, f.entity_id);
    loaded = document.status();
    if (document.ok()) owner = document->customer_id;
  } else if (f.entity == kFollowUpOnNote) {
    auto note = rows::LoadNote(conn, f.entity_id);
    loaded = note.status();
    if (note.ok()) owner = note->customer_id;
  } else if (f.entity == kFollowUpOnEvent) {
    auto event = rows::LoadEvent(conn, f.entity_id);
    loaded = event.status();
    if (event.ok()) owner = event->customer_id;
  } else {
    return Status::InvalidArgument(
        "a follow-up is set on a customer, document, note or event, not on '" + f.entity + "'",
        "entity");
  }
  const std::string item = f.entity + " " + std::to_string(f.entity_id);
  if (loaded.code() == StatusCode::kNotFound) {
    return Status::InvalidArgument("there is no " + item, "entity_id");
  }
  AKTE_RETURN_IF_ERROR(loaded);
  if (owner != f.customer_id) {
    return Status::InvalidArgument(item + " belongs to another customer", "entity_id");
  }
  return Status::Ok();
}

// Normalises due date and reason and finds the assignee's id.
Result<Id> CheckFollowUp(sql::Connection& conn, FollowUp& f) {
  if (Trim(f.due_date).empty()) {
    return Status::InvalidArgument("the due date is missing", "due_date");
  }
  auto due = NormalizeDate(f.due_date);
  if (!due.ok()) return Status::InvalidArgument(due.status().message(), "due_date");
  f.due_date = *due;
  f.reason = Trim(f.reason);
  if (f.reason.empty()) {
    return Status::InvalidArgument("a follow-up needs a reason", "reason");
  }
  const auto characters = std::count_if(f.reason.begin(), f.reason.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  });
  if (static_cast<std::size_t>(characters) > kMaxReason) {
    return Status::InvalidArgument(
        "the reason has at most " + std::to_string(kMaxReason) + " characters", "reason");
  }
  return UserIdNamed(conn, Trim(f.assignee), true);
}

std::optional<std::chrono::sys_days> ParseDay(std::string_view iso) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (std::sscanf(std::string(iso).c_str(), "%d-%u-%u", &y, &m, &d) != 3) return std::nullopt;
  const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{m},
                                         std::chrono::day{d}};
  if (!date.ok()) return std::nullopt;
  return std::chrono::sys_days{date};
}

std::string FormatDay(std::chrono::sys_days day) {
  const std::chrono::year_month_day date{day};
  char text[16];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(date.year()),
                static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()));
  return text;
}

}  // namespace

Result<FollowUp> Catalog::AddFollowUp(const Actor& by, FollowUp draft) {
  if (Trim(draft.assignee).empty()) draft.assignee = by.username;
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(Customer customer, rows::LoadCustomer(conn, draft.customer_id));
  AKTE_RETURN_IF_ERROR(CheckFollowUpItem(conn, draft));
  AKTE_ASSIGN_OR_RETURN(Id assignee_id, CheckFollowUp(conn, draft));
  {
    AKTE_ASSIGN_OR_RETURN(auto insert,
                          conn.Prepare("INSERT INTO follow_ups(customer_id, entity, entity_id, "
                                       "due_date, assignee_id, reason, created_by, created_at) "
                                       "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    AKTE_RETURN_IF_ERROR(insert
                             .Bind(customer.id, draft.entity, draft.entity_id, draft.due_date,
                                   assignee_id, draft.reason, by.user_id, Now())
                             .Run());
  }
  AKTE_ASSIGN_OR_RETURN(FollowUp stored, LoadFollowUp(conn, conn.LastInsertId()));
  AKTE_RETURN_IF_ERROR(
      WriteAudit(conn, by, "create", "follow_up", stored.id, "", nlohmann::json(stored).dump()));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return stored;
}

Result<FollowUp> Catalog::GetFollowUp(Id id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  return LoadFollowUp(*conn, id);
}

Result<std::vector<FollowUp>> Catalog::ListFollowUps(Id customer_id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(Customer customer, rows::LoadCustomer(*conn, customer_id));
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare(std::string(kFollowUpColumns) +
                                                 "WHERE f.customer_id = ? ORDER BY "
                                                 "f.done_at <> '', CASE WHEN f.done_at = '' "
                                                 "THEN f.due_date END, f.done_at DESC, f.id"));
  stmt.Bind(customer.id);
  return QueryFollowUps(stmt);
}

Result<FollowUp> Catalog::UpdateFollowUp(const Actor& by, const FollowUp& edited) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(FollowUp before, LoadFollowUp(conn, edited.id));
  if (before.version != edited.version) {
    return StaleVersion("follow-up " + std::to_string(edited.id), before.version, edited.version);
  }
  if (!before.done_at.empty()) {
    return Status::FailedPrecondition("follow-up " + std::to_string(edited.id) +
                                      " is done; set a new one instead");
  }
  FollowUp after = before;
  after.due_date = edited.due_date;
  after.assignee = edited.assignee;
  after.reason = edited.reason;
  AKTE_ASSIGN_OR_RETURN(Id assignee_id, CheckFollowUp(conn, after));
  {
    AKTE_ASSIGN_OR_RETURN(auto update,
                          conn.Prepare("UPDATE follow_ups SET due_date = ?, assignee_id = ?, "
                                       "reason = ?, version = version + 1 WHERE id = ?"));
    AKTE_RETURN_IF_ERROR(update.Bind(after.due_date, assignee_id, after.reason, after.id).Run());
  }
  AKTE_ASSIGN_OR_RETURN(after, LoadFollowUp(conn, after.id));
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, "update", "follow_up", after.id,
                                  nlohmann::json(before).dump(), nlohmann::json(after).dump()));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return after;
}

Result<FollowUp> Catalog::CompleteFollowUp(const Actor& by, Id id) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(FollowUp before, LoadFollowUp(conn, id));
  if (!before.done_at.empty()) {
    return Status::FailedPrecondition("follow-up " + std::to_string(id) + " was done already (" +
                                      FormatLocalGerman(before.done_at) + " by " + before.done_by +
                                      ")");
  }
  Event event;
  event.customer_id = before.customer_id;
  event.type = kFollowUpEventType;
  event.subject = "Wiedervorlage erledigt: " + before.reason;
  event.text = "Fällig am " + FormatDateGerman(before.due_date) + ", für " + before.assignee;
  if (before.entity == kFollowUpOnDocument) event.document_ids = {before.entity_id};
  AKTE_ASSIGN_OR_RETURN(Event recorded, InsertEvent(conn, by, std::move(event), by, "create"));
  {
    AKTE_ASSIGN_OR_RETURN(auto update, conn.Prepare("UPDATE follow_ups SET done_at = ?, "
                                                    "done_by = ?, done_event_id = ?, "
                                                    "version = version + 1 WHERE id = ?"));
    AKTE_RETURN_IF_ERROR(update.Bind(recorded.created_at, by.user_id, recorded.id, id).Run());
  }
  AKTE_ASSIGN_OR_RETURN(FollowUp after, LoadFollowUp(conn, id));
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, "done", "follow_up", id, nlohmann::json(before).dump(),
                                  nlohmann::json(after).dump()));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return after;
}

Result<FollowUpsDue> Catalog::DueFollowUps(std::string_view assignee, std::string_view today) {
  FollowUpsDue due;
  if (today.empty()) {
    AKTE_ASSIGN_OR_RETURN(due.today, FirmToday());
  } else {
    auto normalized = NormalizeDate(today);
    if (!normalized.ok()) return Status::InvalidArgument(normalized.status().message(), "today");
    due.today = *normalized;
  }
  const auto day = ParseDay(due.today);
  if (!day) return Status::InvalidArgument("'today' must be a date", "today");
  // ISO weeks run Monday (1) to Sunday (7).
  const unsigned weekday = std::chrono::weekday{*day}.iso_encoding();
  const std::string sunday = FormatDay(*day + std::chrono::days{7 - weekday});

  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  std::optional<Id> assignee_id;
  if (!assignee.empty()) {
    AKTE_ASSIGN_OR_RETURN(assignee_id, UserIdNamed(*conn, assignee, false));
  }
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare(std::string(kFollowUpColumns) +
                                                 "WHERE f.done_at = '' AND f.due_date <= ?1 "
                                                 "AND (?2 IS NULL OR f.assignee_id = ?2) "
                                                 "ORDER BY f.due_date, c.number, f.id"));
  stmt.Bind(sunday, assignee_id);
  AKTE_ASSIGN_OR_RETURN(auto open, QueryFollowUps(stmt));
  for (auto& f : open) {
    auto& list = f.due_date < due.today    ? due.overdue
                 : f.due_date == due.today ? due.due_today
                                           : due.this_week;
    list.push_back(std::move(f));
  }
  return due;
}

Result<std::vector<FollowUp>> Catalog::OpenFollowUpsOf(std::string_view assignee) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  auto assignee_id = UserIdNamed(*conn, assignee, false);
  if (!assignee_id.ok() && assignee_id.status().code() == StatusCode::kInvalidArgument) {
    return Status::NotFound(assignee_id.status().message());
  }
  AKTE_RETURN_IF_ERROR(assignee_id.status());
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare(std::string(kFollowUpColumns) +
                                                 "WHERE f.done_at = '' AND f.assignee_id = ? "
                                                 "ORDER BY f.due_date, c.number, f.id"));
  stmt.Bind(*assignee_id);
  return QueryFollowUps(stmt);
}

Result<std::string> Catalog::FirmToday() {
  AKTE_ASSIGN_OR_RETURN(auto zone, GetSetting(kTimeZoneSetting));
  return DateInTimeZone(clock_.Now(), zone ? *zone : kDefaultTimeZone);
}

}  // namespace akte::archive
