#include "planning_rows.h"

#include <algorithm>
#include <map>

#include "akte/archive/time.h"
#include "catalog_rows.h"
#include "validation.h"

namespace akte::archive::planning {
namespace {

constexpr std::size_t kMaxTitle = 200;  // characters (code points)

std::size_t CodePoints(std::string_view s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

Task ReadTask(const sql::Statement& stmt) {
  Task t;
  t.id = stmt.Int(0);
  t.customer_id = stmt.Int(1);
  t.customer_number = stmt.Text(2);
  t.customer_name = stmt.Text(3);
  t.contact_id = stmt.OptionalInt(4);
  t.document_id = stmt.OptionalInt(5);
  t.title = stmt.Text(6);
  t.text = stmt.Text(7);
  t.due_date = stmt.Text(8);
  t.assignee = stmt.Text(9);
  t.created_by = stmt.Text(10);
  t.created_at = stmt.Text(11);
  t.updated_at = stmt.Text(12);
  t.done_at = stmt.Text(13);
  t.done_by = stmt.Text(14);
  t.done_event_id = stmt.OptionalInt(15);
  t.version = stmt.Int(16);
  return t;
}

Appointment ReadAppointment(const sql::Statement& stmt) {
  Appointment a;
  a.id = stmt.Int(0);
  a.customer_id = stmt.Int(1);
  a.customer_number = stmt.Text(2);
  a.customer_name = stmt.Text(3);
  a.contact_id = stmt.OptionalInt(4);
  a.document_id = stmt.OptionalInt(5);
  a.title = stmt.Text(6);
  a.text = stmt.Text(7);
  a.starts_at = stmt.Text(8);
  a.ends_at = stmt.Text(9);
  a.place = stmt.Text(10);
  a.created_by = stmt.Text(11);
  a.created_at = stmt.Text(12);
  a.updated_at = stmt.Text(13);
  a.cancelled_at = stmt.Text(14);
  a.version = stmt.Int(15);
  return a;
}

Result<std::vector<std::string>> Participants(sql::Connection& conn, Id appointment_id) {
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn.Prepare("SELECT u.username FROM appointment_participants p "
                                                "JOIN users u ON u.id = p.user_id "
                                                "WHERE p.appointment_id = ? ORDER BY p.position"));
  stmt.Bind(appointment_id);
  std::vector<std::string> names;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    names.push_back(stmt.Text(0));
  }
  return names;
}

// Display names by username (the username when a user has none).
Result<std::map<std::string, std::string>> DisplayNames(sql::Connection& conn) {
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn.Prepare("SELECT username, CASE WHEN display_name <> '' "
                                                "THEN display_name ELSE username END FROM users"));
  std::map<std::string, std::string> names;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    names[stmt.Text(0)] = stmt.Text(1);
  }
  return names;
}

std::string Joined(const std::vector<std::string>& parts, std::string_view separator) {
  std::string joined;
  for (const auto& part : parts) {
    if (part.empty()) continue;
    if (!joined.empty()) joined += separator;
    joined += part;
  }
  return joined;
}

// "offen · fällig 12.03.2024 · für bernd" or "erledigt 12.03.2024 14:05 von bernd".
std::string TaskDetail(const Task& t) {
  if (!t.done_at.empty()) return "erledigt " + FormatLocalGerman(t.done_at) + " von " + t.done_by;
  return Joined({"offen", t.due_date.empty() ? "" : "fällig " + FormatDateGerman(t.due_date),
                 t.assignee.empty() ? "" : "für " + t.assignee},
                " · ");
}

// "bis 14.03.2024 15:00 · Besprechungsraum · anna, bernd", "abgesagt · ..." first.
std::string AppointmentDetail(const Appointment& a) {
  return Joined({a.cancelled_at.empty() ? "" : "abgesagt", "bis " + FormatLocalGerman(a.ends_at),
                 a.place, Joined(a.participants, ", ")},
                " · ");
}

}  // namespace

const std::string_view kTaskColumns =
    "SELECT t.id, t.customer_id, c.number, CASE WHEN c.company <> '' THEN c.company ELSE "
    "trim(c.first_name || ' ' || c.last_name) END, t.contact_id, t.document_id, t.title, t.text, "
    "t.due_date, coalesce(a.username, ''), b.username, t.created_at, t.updated_at, t.done_at, "
    "coalesce(d.username, ''), t.done_event_id, t.version FROM tasks t "
    "JOIN customers c ON c.id = t.customer_id LEFT JOIN users a ON a.id = t.assignee_id "
    "JOIN users b ON b.id = t.created_by LEFT JOIN users d ON d.id = t.done_by ";

const std::string_view kAppointmentColumns =
    "SELECT p.id, p.customer_id, c.number, CASE WHEN c.company <> '' THEN c.company ELSE "
    "trim(c.first_name || ' ' || c.last_name) END, p.contact_id, p.document_id, p.title, p.text, "
    "p.starts_at, p.ends_at, p.place, b.username, p.created_at, p.updated_at, p.cancelled_at, "
    "p.version FROM appointments p JOIN customers c ON c.id = p.customer_id "
    "JOIN users b ON b.id = p.created_by ";

Result<std::vector<Task>> QueryTasks(sql::Statement& stmt) {
  std::vector<Task> found;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    found.push_back(ReadTask(stmt));
  }
  return found;
}

Result<Task> LoadTask(sql::Connection& conn, Id id) {
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn.Prepare(std::string(kTaskColumns) + "WHERE t.id = ?"));
  stmt.Bind(id);
  AKTE_ASSIGN_OR_RETURN(auto found, QueryTasks(stmt));
  if (found.empty()) return Status::NotFound("there is no task " + std::to_string(id));
  return found.front();
}

Result<std::vector<Task>> CustomerTasks(sql::Connection& conn, Id customer_id) {
  AKTE_ASSIGN_OR_RETURN(
      auto stmt,
      conn.Prepare(std::string(kTaskColumns) + "WHERE t.customer_id = ? ORDER BY t.done_at <> '', "
                                               "CASE WHEN t.done_at = '' THEN t.due_date = '' END, "
                                               "CASE WHEN t.done_at = '' THEN t.due_date END, "
                                               "t.done_at DESC, t.id"));
  stmt.Bind(customer_id);
  return QueryTasks(stmt);
}

Result<std::vector<Appointment>> QueryAppointments(sql::Connection& conn, sql::Statement& stmt) {
  std::vector<Appointment> found;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    found.push_back(ReadAppointment(stmt));
  }
  for (auto& a : found) {
    AKTE_ASSIGN_OR_RETURN(a.participants, Participants(conn, a.id));
  }
  return found;
}

Result<Appointment> LoadAppointment(sql::Connection& conn, Id id) {
  AKTE_ASSIGN_OR_RETURN(auto stmt,
                        conn.Prepare(std::string(kAppointmentColumns) + "WHERE p.id = ?"));
  stmt.Bind(id);
  AKTE_ASSIGN_OR_RETURN(auto found, QueryAppointments(conn, stmt));
  if (found.empty()) return Status::NotFound("there is no appointment " + std::to_string(id));
  return found.front();
}

Result<std::vector<Appointment>> CustomerAppointments(sql::Connection& conn, Id customer_id) {
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn.Prepare(std::string(kAppointmentColumns) +
                                                "WHERE p.customer_id = ? "
                                                "ORDER BY p.starts_at, p.ends_at, p.id"));
  stmt.Bind(customer_id);
  return QueryAppointments(conn, stmt);
}

Status CheckTitle(std::string& title) {
  title = Trim(title);
  if (title.empty()) return Status::InvalidArgument("a title is needed", "title");
  if (CodePoints(title) > kMaxTitle) {
    return Status::InvalidArgument(
        "the title has at most " + std::to_string(kMaxTitle) + " characters", "title");
  }
  if (std::any_of(title.begin(), title.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; })) {
    return Status::InvalidArgument("the title is one line without control characters", "title");
  }
  return Status::Ok();
}

Status CheckLength(std::string& value, std::string_view field, std::size_t max_bytes) {
  value = Trim(value);
  if (value.size() > max_bytes) {
    return Status::InvalidArgument(
        "the " + std::string(field) + " is limited to " + std::to_string(max_bytes) + " bytes",
        std::string(field));
  }
  return Status::Ok();
}

Status CheckLinks(sql::Connection& conn, Id customer_id, std::optional<Id> contact_id,
                  std::optional<Id> document_id) {
  if (contact_id) {
    auto contact = rows::LoadContact(conn, *contact_id);
    if (contact.status().code() == StatusCode::kNotFound) {
      return Status::InvalidArgument("there is no contact " + std::to_string(*contact_id),
                                     "contact_id");
    }
    AKTE_RETURN_IF_ERROR(contact.status());
    if (contact->customer_id != customer_id) {
      return Status::InvalidArgument(
          "contact " + std::to_string(*contact_id) + " belongs to another customer", "contact_id");
    }
  }
  if (document_id) {
    auto document = rows::LoadDocument(conn, *document_id);
    if (document.status().code() == StatusCode::kNotFound) {
      return Status::InvalidArgument("there is no document " + std::to_string(*document_id),
                                     "document_id");
    }
    AKTE_RETURN_IF_ERROR(document.status());
    if (document->customer_id != customer_id) {
      return Status::InvalidArgument(
          "document " + std::to_string(*document_id) + " belongs to another customer (or to none)",
          "document_id");
    }
  }
  return Status::Ok();
}

Result<Id> ActiveUserId(sql::Connection& conn, std::string& username, std::string_view field) {
  username = Trim(username);
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn.Prepare("SELECT id, disabled, username FROM users "
                                                "WHERE username = ? COLLATE NOCASE"));
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(username).Step());
  if (!row) {
    return Status::InvalidArgument("there is no user '" + username + "'", std::string(field));
  }
  if (stmt.Int(1) != 0) {
    return Status::InvalidArgument(
        "the user '" + username + "' is disabled; choose an active colleague", std::string(field));
  }
  username = stmt.Text(2);
  return stmt.Int(0);
}

Result<Id> AnyUserId(sql::Connection& conn, std::string_view username) {
  AKTE_ASSIGN_OR_RETURN(auto stmt,
                        conn.Prepare("SELECT id FROM users WHERE username = ? COLLATE NOCASE"));
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(username).Step());
  if (!row) return Status::NotFound("there is no user '" + std::string(username) + "'");
  return stmt.Int(0);
}

Status AddToFile(sql::Connection& conn, CustomerFile& file) {
  AKTE_ASSIGN_OR_RETURN(file.tasks, CustomerTasks(conn, file.customer.id));
  AKTE_ASSIGN_OR_RETURN(file.appointments, CustomerAppointments(conn, file.customer.id));
  AKTE_ASSIGN_OR_RETURN(auto names, DisplayNames(conn));
  auto name_of = [&](const std::string& username) {
    auto it = names.find(username);
    return it == names.end() ? username : it->second;
  };
  for (const auto& t : file.tasks) {
    file.timeline.push_back(TimelineEntry{"task", t.id, t.created_at, t.title, TaskDetail(t),
                                          t.created_by, name_of(t.created_by)});
  }
  for (const auto& a : file.appointments) {
    file.timeline.push_back(TimelineEntry{"appointment", a.id, a.starts_at, a.title,
                                          AppointmentDetail(a), a.created_by,
                                          name_of(a.created_by)});
  }
  return Status::Ok();
}

}  // namespace akte::archive::planning
