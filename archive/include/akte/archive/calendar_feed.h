// A user's calendar as iCalendar (RFC 5545): what a calendar program
// (Thunderbird, Outlook, Apple Calendar, a phone) subscribes to through the
// user's secret feed URL, or imports from `akte calendar export`.
//
// The feed holds
//   - the appointments the user attends, as VEVENTs in UTC (a cancelled one
//     with STATUS:CANCELLED);
//   - the user's open tasks that have a due date and their open follow-ups
//     ("Wiedervorlage"), as VTODOs due on a day (DUE;VALUE=DATE) — or as
//     all-day VEVENTs for programs that show no tasks of a subscription;
//   - the birthdays of customers and their contacts, as yearly all-day
//     VEVENTs that do not block time (TRANSP:TRANSPARENT).
// Every entry has a UID that stays the same for as long as the record lives
// ("appointment-42@<domain>"), so a program updates an entry instead of
// adding it twice, and a SEQUENCE that grows with the record's version.
//
// Someone born on 29 February gets RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1:
// the last day of February, so 28 February in common years, as
// Catalog::UpcomingBirthdays counts it too. (A plain yearly rule from a
// 29 February would, by RFC 5545, skip every year but the leap years.)
#pragma once

#include <chrono>
#include <string>
#include <vector>

#include "akte/archive/catalog.h"
#include "akte/archive/records.h"
#include "akte/archive/status.h"

namespace akte::archive {

// What one user's calendar shows.
struct CalendarContent {
  User user;                              // whose calendar (its name)
  std::string time_zone;                  // the firm's, an IANA name (X-WR-TIMEZONE)
  std::vector<Appointment> appointments;  // cancelled ones are marked so
  std::vector<Task> tasks;                // open ones with a due date are shown
  std::vector<FollowUp> follow_ups;       // open ones are shown
  std::vector<BirthDate> birthdays;
};

// How tasks and follow-ups appear.
enum class CalendarTodos {
  kTodos,   // VTODO: Thunderbird and the like list them as tasks
  kEvents,  // all-day VEVENT on the due day: for Outlook, Apple Calendar
            // and Google Calendar, which show no tasks of a subscription
};

struct CalendarOptions {
  // The right-hand side of every UID: names the akte installation, so that
  // two firms' entries never share a UID. Empty: "akte".
  std::string uid_domain;
  // The web page's address ("https://akte.example.de"); when set, each
  // entry links to its customer file (URL).
  std::string base_url;
  CalendarTodos todos = CalendarTodos::kTodos;
  // When the calendar was made (DTSTAMP of every entry).
  std::chrono::system_clock::time_point now = std::chrono::system_clock::now();
};

// How far back the feed shows appointments (older ones drop out of
// subscribed calendars).
inline constexpr std::chrono::days kCalendarFeedPast{365};

// `content` as one VCALENDAR, built with libical: CRLF line ends, lines
// folded at 75 octets without splitting a character, text escaped. Internal
// when libical fails. Thread-safe.
Result<std::string> RenderCalendar(const CalendarContent& content, const CalendarOptions& options);

// The setting that holds the catalog's UID domain ("akte-" and 16 random
// hex digits), made with the first calendar and kept for good.
inline constexpr std::string_view kCalendarUidSetting = "calendar.uid_domain";

// Gathers the calendar of `user` from `catalog` (appointments that ended
// less than kCalendarFeedPast before options.now, open tasks and
// follow-ups, birthdays, the firm's time zone) and renders it. An empty
// options.uid_domain becomes the catalog's own (kCalendarUidSetting,
// stored on first use). The catalog's errors.
Result<std::string> CalendarFeed(Catalog& catalog, const User& user, CalendarOptions options);

}  // namespace akte::archive
