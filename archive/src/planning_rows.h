// Tasks and appointments as catalog rows, private to archive/: reading them,
// the checks both share, and their place in a customer's file. Each function
// works inside the caller's connection (and so its transaction).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "akte/archive/records.h"
#include "akte/archive/status.h"
#include "sqlite_db.h"

namespace akte::archive::planning {

// The columns ReadTask expects, in its order; a query appends its WHERE and
// ORDER BY.
extern const std::string_view kTaskColumns;
// The columns ReadAppointment expects (its participants are loaded apart).
extern const std::string_view kAppointmentColumns;

// Every task a statement selects with kTaskColumns.
Result<std::vector<Task>> QueryTasks(sql::Statement& stmt);
Result<Task> LoadTask(sql::Connection& conn, Id id);
// A customer's tasks: open ones by due date (none last), then done ones,
// most recently done first.
Result<std::vector<Task>> CustomerTasks(sql::Connection& conn, Id customer_id);

// Every appointment a statement selects with kAppointmentColumns, with its
// participants.
Result<std::vector<Appointment>> QueryAppointments(sql::Connection& conn, sql::Statement& stmt);
Result<Appointment> LoadAppointment(sql::Connection& conn, Id id);
// A customer's appointments by start.
Result<std::vector<Appointment>> CustomerAppointments(sql::Connection& conn, Id customer_id);

// Trims a title and checks it is one line of 1 to 200 characters.
Status CheckTitle(std::string& title);
// Trims `value` (field `field`) and checks it holds at most `max_bytes`.
Status CheckLength(std::string& value, std::string_view field, std::size_t max_bytes);
// Contact and document, when set, must exist and belong to `customer_id`.
// InvalidArgument with field "contact_id" or "document_id".
Status CheckLinks(sql::Connection& conn, Id customer_id, std::optional<Id> contact_id,
                  std::optional<Id> document_id);
// The id of the enabled user named `username` (any case), and its stored
// spelling through `username`. InvalidArgument naming `field` for an
// unknown or disabled user.
Result<Id> ActiveUserId(sql::Connection& conn, std::string& username, std::string_view field);
// The id of any user named `username` (any case); NotFound when there is none.
Result<Id> AnyUserId(sql::Connection& conn, std::string_view username);

// Fills `file.tasks` and `file.appointments` and adds each to its timeline
// (kinds "task", at its creation, and "appointment", at its start). The
// timeline is left unsorted.
Status AddToFile(sql::Connection& conn, CustomerFile& file);

}  // namespace akte::archive::planning
