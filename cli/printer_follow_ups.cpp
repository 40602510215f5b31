// Human-readable follow-ups ("Wiedervorlagen").
#include "print_basics.h"
#include "printer.h"

namespace akte::cli {
namespace {

// "Notiz 12" for a follow-up on an item; nothing for one on the customer.
std::string Item(const archive::FollowUp& f) {
  if (f.entity == archive::kFollowUpOnCustomer) return "";
  return L(f.entity) + " " + std::to_string(f.entity_id);
}

void PrintRows(std::ostream& out, const std::vector<archive::FollowUp>& follow_ups) {
  std::vector<std::vector<std::string>> rows = {
      {"#", L("due_date"), L("customer"), L("assignee"), L("on"), L("reason")}};
  for (const auto& f : follow_ups) {
    rows.push_back({std::to_string(f.id), Date(f.due_date),
                    f.customer_number + " " + f.customer_name, f.assignee, Item(f),
                    f.reason + (f.done_at.empty() ? ""
                                                  : " (" + L("done") + " " + Time(f.done_at) +
                                                        ", " + f.done_by + ")")});
  }
  PrintTable(out, rows);
}

}  // namespace

void PrintFollowUps(std::ostream& out, const std::vector<archive::FollowUp>& follow_ups) {
  if (follow_ups.empty()) {
    out << L("follow_ups") << ": " << L("none") << "\n";
    return;
  }
  PrintRows(out, follow_ups);
}

void PrintDueFollowUps(std::ostream& out, const archive::FollowUpsDue& due) {
  const std::pair<const char*, const std::vector<archive::FollowUp>*> groups[] = {
      {"overdue_group", &due.overdue},
      {"today_group", &due.due_today},
      {"this_week_group", &due.this_week}};
  for (const auto& [label, list] : groups) {
    out << L(label) << (label == std::string("today_group") ? " (" + Date(due.today) + ")" : "")
        << ":\n";
    if (list->empty()) {
      out << "  " << L("none") << "\n";
    } else {
      PrintRows(out, *list);
    }
  }
}

}  // namespace akte::cli
