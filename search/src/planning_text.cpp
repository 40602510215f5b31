#include "akte/search/planning_text.h"

#include <vector>

#include "akte/archive/time.h"

namespace akte::search {
namespace {

std::string Participants(const archive::Appointment& a) {
  return archive::JoinNonEmpty(a.participants, ", ");
}

}  // namespace

std::string TaskWords(const archive::Task& t) {
  return archive::JoinNonEmpty(
      {"Aufgabe · task · to-do", t.done_at.empty() ? "offen · open" : "erledigt · done",
       t.due_date.empty() ? "" : "fällig " + FormatDateGerman(t.due_date) + " · due " + t.due_date,
       t.assignee.empty() ? "" : "für " + t.assignee},
      "\n");
}

std::string TaskDetail(const archive::Task& t) {
  return archive::JoinNonEmpty({"Aufgabe", t.done_at.empty() ? "offen" : "erledigt",
                                t.due_date.empty() ? "" : "fällig " + FormatDateGerman(t.due_date),
                                t.assignee.empty() ? "" : "für " + t.assignee},
                               " · ");
}

std::string AppointmentWords(const archive::Appointment& a) {
  return archive::JoinNonEmpty(
      {"Termin · appointment · meeting", a.cancelled_at.empty() ? "" : "abgesagt · cancelled",
       a.place, Participants(a)},
      "\n");
}

std::string AppointmentDetail(const archive::Appointment& a) {
  return archive::JoinNonEmpty(
      {a.cancelled_at.empty() ? "Termin" : "Termin abgesagt", a.place, Participants(a)}, " · ");
}

}  // namespace akte::search
