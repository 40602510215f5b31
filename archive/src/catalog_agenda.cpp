// Catalog: a user's appointments from a moment on, and a user's day (tasks
// overdue and due, appointments), judged in the firm's time zone.
#include <chrono>

#include "akte/archive/catalog.h"
#include "planning_rows.h"
#include "sqlite_db.h"
#include "validation.h"

namespace akte::archive {
namespace {

// The appointments a user attends or created, not cancelled, that overlap
// [?2, ?3) (or start at ?2 and take no time), by start. ?1 is the user's id.
constexpr std::string_view kAttendedWhere =
    "WHERE p.cancelled_at = '' AND (p.created_by = ?1 OR EXISTS (SELECT 1 FROM "
    "appointment_participants x WHERE x.appointment_id = p.id AND x.user_id = ?1)) ";

// The first moment (UTC, to the second) whose date in `zone` is `date` or
// later: where a day begins, wherever a DST change puts its midnight (or
// skips it). Every zone's offset lies within ±15 hours of UTC's midnight.
Result<std::string> DayStart(std::string_view date, std::string_view zone) {
  AKTE_ASSIGN_OR_RETURN(auto midnight, ParseUtc(std::string(date) + "T00:00:00Z"));
  using std::chrono::seconds;
  auto low = midnight - std::chrono::hours(15);   // still the day before everywhere
  auto high = midnight + std::chrono::hours(15);  // the day itself or later everywhere
  while (high - low > seconds(1)) {
    const auto middle = low + std::chrono::duration_cast<seconds>(high - low) / 2;
    AKTE_ASSIGN_OR_RETURN(std::string day, DateInTimeZone(middle, zone));
    (day >= date ? high : low) = middle;
  }
  return FormatUtc(high);
}

std::string NextDay(std::string_view date) {
  auto at = ParseUtc(std::string(date) + "T00:00:00Z");
  return FormatUtc(*at + std::chrono::hours(24)).substr(0, 10);
}

}  // namespace

Result<std::vector<Appointment>> Catalog::AppointmentsOf(std::string_view user,
                                                         std::string_view from) {
  std::string since;
  if (!Trim(from).empty()) {
    auto at = NormalizeTimestamp(from);
    if (!at.ok()) return Status::InvalidArgument(at.status().message(), "from");
    since = *at;
  }
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(Id user_id, planning::AnyUserId(*conn, user));
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare(std::string(planning::kAppointmentColumns) +
                                                 std::string(kAttendedWhere) +
                                                 "AND p.ends_at >= ?2 "
                                                 "ORDER BY p.starts_at, p.ends_at, p.id"));
  stmt.Bind(user_id, since);
  return planning::QueryAppointments(*conn, stmt);
}

Result<Agenda> Catalog::DayAgenda(std::string_view user, std::string_view today) {
  Agenda agenda;
  if (Trim(today).empty()) {
    AKTE_ASSIGN_OR_RETURN(agenda.today, FirmToday());
  } else {
    auto normalized = NormalizeDate(today);
    if (!normalized.ok()) return Status::InvalidArgument(normalized.status().message(), "today");
    agenda.today = *normalized;
  }
  AKTE_ASSIGN_OR_RETURN(auto zone, GetSetting(kTimeZoneSetting));
  const std::string_view zone_name = zone ? std::string_view(*zone) : kDefaultTimeZone;
  AKTE_ASSIGN_OR_RETURN(std::string day_start, DayStart(agenda.today, zone_name));
  AKTE_ASSIGN_OR_RETURN(std::string day_end, DayStart(NextDay(agenda.today), zone_name));

  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(Id user_id, planning::AnyUserId(*conn, user));
  {
    AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare(std::string(planning::kTaskColumns) +
                                                   "WHERE t.done_at = '' AND t.assignee_id = ? "
                                                   "AND t.due_date <> '' AND t.due_date <= ? "
                                                   "ORDER BY t.due_date, c.number, t.id"));
    stmt.Bind(user_id, agenda.today);
    AKTE_ASSIGN_OR_RETURN(auto due, planning::QueryTasks(stmt));
    for (auto& t : due) {
      (t.due_date < agenda.today ? agenda.overdue_tasks : agenda.tasks_today)
          .push_back(std::move(t));
    }
  }
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare(std::string(planning::kAppointmentColumns) +
                                                 std::string(kAttendedWhere) +
                                                 "AND p.starts_at < ?3 AND (p.ends_at > ?2 OR "
                                                 "p.starts_at >= ?2) "
                                                 "ORDER BY p.starts_at, p.ends_at, p.id"));
  stmt.Bind(user_id, day_start, day_end);
  AKTE_ASSIGN_OR_RETURN(agenda.appointments, planning::QueryAppointments(*conn, stmt));
  return agenda;
}

}  // namespace akte::archive
