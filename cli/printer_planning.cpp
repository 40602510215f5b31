// Human-readable tasks ("Aufgaben"), appointments ("Termine") and a user's day.
#include "print_basics.h"
#include "printer.h"

namespace akte::cli {
namespace {

// "12.03.2024 10:00 – 11:30", or both ends in full when they differ in date.
std::string Span(const archive::Appointment& a) {
  const std::string start = Time(a.starts_at);
  const std::string end = Time(a.ends_at);
  if (end == start) return start;
  const bool same_day =
      start.size() > 11 && end.size() > 11 && start.substr(0, 10) == end.substr(0, 10);
  return start + " – " + (same_day ? end.substr(11) : end);
}

std::string Customer(const std::string& number, const std::string& name) {
  return number + " " + name;
}

void PrintTaskRows(std::ostream& out, const std::vector<archive::Task>& tasks) {
  std::vector<std::vector<std::string>> rows = {
      {"#", L("due_date"), L("customer"), L("assignee"), L("title")}};
  for (const auto& t : tasks) {
    rows.push_back({std::to_string(t.id), t.due_date.empty() ? "-" : Date(t.due_date),
                    Customer(t.customer_number, t.customer_name), t.assignee,
                    t.title + (t.done_at.empty() ? ""
                                                 : " (" + L("done") + " " + Time(t.done_at) + ", " +
                                                       t.done_by + ")")});
  }
  PrintTable(out, rows);
}

void PrintAppointmentRows(std::ostream& out, const std::vector<archive::Appointment>& list) {
  std::vector<std::vector<std::string>> rows = {
      {"#", L("when"), L("customer"), L("place"), L("participants"), L("title")}};
  for (const auto& a : list) {
    rows.push_back({std::to_string(a.id), Span(a), Customer(a.customer_number, a.customer_name),
                    a.place, archive::JoinNonEmpty(a.participants, ", "),
                    a.title + (a.cancelled_at.empty() ? "" : " (" + L("cancelled") + ")")});
  }
  PrintTable(out, rows);
}

}  // namespace

void PrintTasks(std::ostream& out, const std::vector<archive::Task>& tasks) {
  if (tasks.empty()) {
    out << L("tasks") << ": " << L("none") << "\n";
    return;
  }
  PrintTaskRows(out, tasks);
}

void PrintAppointments(std::ostream& out, const std::vector<archive::Appointment>& appointments) {
  if (appointments.empty()) {
    out << L("appointments") << ": " << L("none") << "\n";
    return;
  }
  PrintAppointmentRows(out, appointments);
}

void PrintAgenda(std::ostream& out, const std::string& user, const archive::Agenda& agenda) {
  out << L("agenda_of") << " " << user << ": " << Date(agenda.today) << "\n";
  const std::pair<const char*, const std::vector<archive::Task>*> groups[] = {
      {"overdue_tasks", &agenda.overdue_tasks}, {"tasks_today", &agenda.tasks_today}};
  for (const auto& [label, list] : groups) {
    out << "\n" << L(label) << ":\n";
    if (list->empty()) {
      out << "  " << L("none") << "\n";
    } else {
      PrintTaskRows(out, *list);
    }
  }
  out << "\n" << L("appointments_today") << ":\n";
  if (agenda.appointments.empty()) {
    out << "  " << L("none") << "\n";
  } else {
    PrintAppointmentRows(out, agenda.appointments);
  }
}

}  // namespace akte::cli
