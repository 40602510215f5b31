// How tasks ("Aufgaben") and appointments ("Termine") read to search:
// shared by the index writer, which indexes these words, and the hits,
// which show them, so an item is shown by the words it was found by.
#pragma once

#include <string>

#include "akte/archive/records.h"

namespace akte::search {

// The words a task is found by besides its title and text, one line each
// in German and English: its kind ("Aufgabe · task"), its state ("offen ·
// open" or "erledigt · done"), its due date ("fällig 12.03.2024") and its
// assignee ("für bernd").
std::string TaskWords(const archive::Task& task);
// "Aufgabe · offen · fällig 12.03.2024 · für bernd": a task's hit detail.
std::string TaskDetail(const archive::Task& task);

// The words an appointment is found by besides its title and text: its
// kind ("Termin · appointment"), "abgesagt · cancelled" when it is, its
// place and its participants.
std::string AppointmentWords(const archive::Appointment& appointment);
// "Termin · Halle 2 · anna, bernd" ("Termin abgesagt · ..."): an
// appointment's hit detail; its start is the hit's date.
std::string AppointmentDetail(const archive::Appointment& appointment);

}  // namespace akte::search
