// Catalog: the coming birthdays of customers and contact persons.
#include <algorithm>
#include <chrono>
#include <cstdio>

#include "akte/archive/catalog.h"
#include "sqlite_db.h"

namespace akte::archive {
namespace {

using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

std::optional<year_month_day> ParseDay(std::string_view iso) {
  auto normalized = NormalizeDate(iso);
  if (!normalized.ok() || *normalized != iso) return std::nullopt;
  return year_month_day{year{std::stoi(std::string(iso.substr(0, 4)))},
                        month{static_cast<unsigned>(std::stoi(std::string(iso.substr(5, 2))))},
                        day{static_cast<unsigned>(std::stoi(std::string(iso.substr(8, 2))))}};
}

std::string Format(year_month_day d) {
  char text[32];
  std::snprintf(text, sizeof text, "%04d-%02u-%02u", static_cast<int>(d.year()),
                static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
  return text;
}

// The birthday of someone born on `born` in `in_year`; 29 February falls on
// 28 February in other years, as German law counts it.
year_month_day BirthdayIn(year_month_day born, year in_year) {
  year_month_day date{in_year, born.month(), born.day()};
  if (!date.ok()) date = year_month_day{in_year, born.month(), day{28}};
  return date;
}

}  // namespace

Result<std::vector<UpcomingBirthday>> Catalog::UpcomingBirthdays(std::string_view from, int days) {
  const auto start = ParseDay(from);
  if (!start) return Status::InvalidArgument("the first day must be a date as YYYY-MM-DD", "from");
  if (days < 0 || days > 366) {
    return Status::InvalidArgument("look ahead between 0 and 366 days", "days");
  }
  const std::chrono::sys_days first{*start};
  const std::chrono::sys_days last = first + std::chrono::days{days};
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(
      auto stmt,
      conn->Prepare("SELECT c.id, c.number, CASE WHEN c.company <> '' THEN c.company ELSE "
                    "trim(c.first_name || ' ' || c.last_name) END, NULL, "
                    "trim(c.first_name || ' ' || c.last_name), c.birthday "
                    "FROM customers c WHERE c.archived_at = '' AND c.birthday <> '' "
                    "UNION ALL "
                    "SELECT c.id, c.number, CASE WHEN c.company <> '' THEN c.company ELSE "
                    "trim(c.first_name || ' ' || c.last_name) END, p.id, "
                    "trim(p.first_name || ' ' || p.last_name), p.birthday "
                    "FROM contacts p JOIN customers c ON c.id = p.customer_id "
                    "WHERE c.archived_at = '' AND p.birthday <> ''"));
  std::vector<UpcomingBirthday> coming;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    const auto born = ParseDay(stmt.Text(5));
    if (!born) continue;  // stored dates are normalised; skip anything else
    // This year's birthday, else next year's (the window spans a new year).
    for (year y : {start->year(), start->year() + std::chrono::years{1}}) {
      const year_month_day date = BirthdayIn(*born, y);
      const std::chrono::sys_days when{date};
      if (when < first || when > last || date.year() <= born->year()) continue;
      coming.push_back({Format(date),
                        static_cast<int>(date.year()) - static_cast<int>(born->year()), stmt.Int(0),
                        stmt.Text(1), stmt.Text(2), stmt.OptionalInt(3), stmt.Text(4)});
      break;
    }
  }
  std::stable_sort(coming.begin(), coming.end(), [](const auto& a, const auto& b) {
    return a.date != b.date ? a.date < b.date : a.name < b.name;
  });
  return coming;
}

}  // namespace akte::archive
