// A user's calendar as iCalendar, built with libical's component API (which
// escapes text, folds lines and writes CRLF), and gathered from the catalog.
#include "akte/archive/calendar_feed.h"

#include <libical/ical.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>

#include "secrets.h"

namespace akte::archive {
namespace {

constexpr const char* kProductId = "-//akte//Kundenakte//DE";
// What the feed suggests to calendar programs: fetch again after an hour
// (REFRESH-INTERVAL of RFC 7986; X-PUBLISHED-TTL for Outlook).
constexpr int kRefreshSeconds = 3600;
constexpr const char* kDash = " \xE2\x80\x93 ";  // " – "

struct ComponentFree {
  void operator()(icalcomponent* component) const { icalcomponent_free(component); }
};
using Component = std::unique_ptr<icalcomponent, ComponentFree>;

// A time of day in UTC ("...Z" on output) from a stored UTC timestamp.
Result<icaltimetype> UtcTime(std::string_view utc, std::string_view what) {
  auto parsed = ParseUtc(utc);
  if (!parsed.ok()) {
    return Status::Corruption(std::string(what) + " holds a malformed time '" + std::string(utc) +
                              "'");
  }
  const std::time_t seconds = std::chrono::system_clock::to_time_t(*parsed);
  return icaltime_from_timet_with_zone(seconds, 0, icaltimezone_get_utc_timezone());
}

icaltimetype UtcTime(std::chrono::system_clock::time_point time) {
  return icaltime_from_timet_with_zone(std::chrono::system_clock::to_time_t(time), 0,
                                       icaltimezone_get_utc_timezone());
}

// A day ("2024-03-05") as an iCalendar DATE, which libical writes with
// VALUE=DATE where the property's default is a date-time.
Result<icaltimetype> Day(std::string_view iso, std::string_view what) {
  int y = 0, m = 0, d = 0;
  char rest = 0;
  if (iso.size() != 10 ||
      std::sscanf(std::string(iso).c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &rest) != 3) {
    return Status::Corruption(std::string(what) + " holds a malformed date '" + std::string(iso) +
                              "'");
  }
  icaltimetype day = icaltime_null_date();
  day.year = y;
  day.month = m;
  day.day = d;
  return day;
}

icaltimetype NextDay(icaltimetype day) {
  icaltime_adjust(&day, 1, 0, 0, 0);
  return day;
}

// `text` as RFC 5545 allows it in a TEXT value: line breaks as "\n" (CR LF
// and a lone CR too, which libical would drop), no other control characters
// but tab. libical escapes the rest.
std::string Clean(std::string_view text) {
  std::string clean;
  clean.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == '\r') {
      clean += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else if (c >= 0x20 || c == '\n' || c == '\t') {
      if (c != 0x7f) clean += static_cast<char>(c);
    }
  }
  return clean;
}

void AddX(icalcomponent* component, const char* name, const std::string& value) {
  icalproperty* property = icalproperty_new_x(value.c_str());
  icalproperty_set_x_name(property, name);
  icalcomponent_add_property(component, property);
}

void AddText(icalcomponent* component, icalproperty* (*make)(const char*),
             const std::string& value) {
  if (!value.empty()) icalcomponent_add_property(component, make(Clean(value).c_str()));
}

// The properties every entry has: UID, DTSTAMP, SUMMARY and, when known, its
// customer file's URL and the SEQUENCE of its version (versions start at 1,
// sequences at 0).
void AddCommon(icalcomponent* component, const std::string& uid, const std::string& summary,
               const CalendarOptions& options, Id customer_id, std::int64_t version) {
  icalcomponent_add_property(component, icalproperty_new_uid(uid.c_str()));
  icalcomponent_add_property(component, icalproperty_new_dtstamp(UtcTime(options.now)));
  icalcomponent_add_property(component, icalproperty_new_summary(Clean(summary).c_str()));
  if (version > 0) {
    icalcomponent_add_property(component, icalproperty_new_sequence(static_cast<int>(version - 1)));
  }
  if (!options.base_url.empty() && customer_id > 0) {
    const std::string url = options.base_url + "/#/customers/" + std::to_string(customer_id);
    icalcomponent_add_property(component, icalproperty_new_url(url.c_str()));
  }
}

Status AddCreatedModified(icalcomponent* component, const std::string& created,
                          const std::string& modified, std::string_view what) {
  if (!created.empty()) {
    AKTE_ASSIGN_OR_RETURN(icaltimetype at, UtcTime(created, what));
    icalcomponent_add_property(component, icalproperty_new_created(at));
  }
  if (!modified.empty()) {
    AKTE_ASSIGN_OR_RETURN(icaltimetype at, UtcTime(modified, what));
    icalcomponent_add_property(component, icalproperty_new_lastmodified(at));
  }
  return Status::Ok();
}

std::string Uid(std::string_view kind, Id id, const CalendarOptions& options) {
  return std::string(kind) + "-" + std::to_string(id) + "@" +
         (options.uid_domain.empty() ? std::string("akte") : options.uid_domain);
}

std::string CustomerLine(const std::string& number, const std::string& name) {
  return "Kunde: " + number + " " + name;
}

Result<Component> AppointmentEvent(const Appointment& a, const CalendarOptions& options) {
  const std::string what = "appointment " + std::to_string(a.id);
  Component event(icalcomponent_new(ICAL_VEVENT_COMPONENT));
  AddCommon(event.get(), Uid("appointment", a.id, options), a.title + kDash + a.customer_name,
            options, a.customer_id, a.version);
  AKTE_ASSIGN_OR_RETURN(icaltimetype start, UtcTime(a.starts_at, what));
  AKTE_ASSIGN_OR_RETURN(icaltimetype end, UtcTime(a.ends_at, what));
  icalcomponent_add_property(event.get(), icalproperty_new_dtstart(start));
  icalcomponent_add_property(event.get(), icalproperty_new_dtend(end));
  AddText(event.get(), icalproperty_new_location, a.place);
  std::string description = a.text.empty() ? "" : a.text + "\n\n";
  description += CustomerLine(a.customer_number, a.customer_name);
  if (!a.participants.empty()) {
    description += "\nTeilnehmer: ";
    for (std::size_t i = 0; i < a.participants.size(); ++i) {
      description += (i ? ", " : "") + a.participants[i];
    }
  }
  AddText(event.get(), icalproperty_new_description, description);
  icalcomponent_add_property(
      event.get(), icalproperty_new_status(a.cancelled_at.empty() ? ICAL_STATUS_CONFIRMED
                                                                  : ICAL_STATUS_CANCELLED));
  AKTE_RETURN_IF_ERROR(AddCreatedModified(event.get(), a.created_at, a.updated_at, what));
  return event;
}

// Something to do by a day: a VTODO due then, or an all-day event that day.
struct DueItem {
  std::string uid;
  std::string summary;
  std::string description;
  std::string due_date;
  Id customer_id = 0;
  std::int64_t version = 0;
  std::string created_at;
  std::string updated_at;
  std::string what;  // for messages: "task 7"
};

Result<Component> DueComponent(const DueItem& item, const CalendarOptions& options) {
  AKTE_ASSIGN_OR_RETURN(icaltimetype due, Day(item.due_date, item.what));
  const bool todo = options.todos == CalendarTodos::kTodos;
  Component component(icalcomponent_new(todo ? ICAL_VTODO_COMPONENT : ICAL_VEVENT_COMPONENT));
  AddCommon(component.get(), item.uid, item.summary, options, item.customer_id, item.version);
  if (todo) {
    icalcomponent_add_property(component.get(), icalproperty_new_due(due));
    icalcomponent_add_property(component.get(), icalproperty_new_status(ICAL_STATUS_NEEDSACTION));
  } else {
    icalcomponent_add_property(component.get(), icalproperty_new_dtstart(due));
    icalcomponent_add_property(component.get(), icalproperty_new_dtend(NextDay(due)));
    icalcomponent_add_property(component.get(), icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
  }
  AddText(component.get(), icalproperty_new_description, item.description);
  AKTE_RETURN_IF_ERROR(
      AddCreatedModified(component.get(), item.created_at, item.updated_at, item.what));
  return component;
}

DueItem TaskItem(const Task& t, const CalendarOptions& options) {
  const bool todo = options.todos == CalendarTodos::kTodos;
  std::string description = t.text.empty() ? "" : t.text + "\n\n";
  description += CustomerLine(t.customer_number, t.customer_name);
  return {Uid("task", t.id, options),
          (todo ? "" : "Aufgabe: ") + t.title + kDash + t.customer_name,
          description,
          t.due_date,
          t.customer_id,
          t.version,
          t.created_at,
          t.updated_at,
          "task " + std::to_string(t.id)};
}

DueItem FollowUpItem(const FollowUp& f, const CalendarOptions& options) {
  return {Uid("follow-up", f.id, options),
          "Wiedervorlage: " + f.reason + kDash + f.customer_name,
          CustomerLine(f.customer_number, f.customer_name),
          f.due_date,
          f.customer_id,
          f.version,
          f.created_at,
          "",
          "follow-up " + std::to_string(f.id)};
}

Result<Component> BirthdayEvent(const BirthDate& b, const CalendarOptions& options) {
  const std::string kind = b.contact_id ? "birthday-contact" : "birthday-customer";
  const Id id = b.contact_id ? *b.contact_id : b.customer_id;
  AKTE_ASSIGN_OR_RETURN(icaltimetype born, Day(b.born, kind + " " + std::to_string(id)));
  std::string summary = "Geburtstag: " + b.name;
  if (b.contact_id) summary += kDash + b.customer_name;
  Component event(icalcomponent_new(ICAL_VEVENT_COMPONENT));
  AddCommon(event.get(), Uid(kind, id, options), summary, options, b.customer_id, 0);
  icalcomponent_add_property(event.get(), icalproperty_new_dtstart(born));
  icalcomponent_add_property(event.get(), icalproperty_new_dtend(NextDay(born)));
  // See the header on 29 February.
  const bool leap_day = born.month == 2 && born.day == 29;
  icalcomponent_add_property(
      event.get(), icalproperty_new_rrule(icalrecurrencetype_from_string(
                       leap_day ? "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1" : "FREQ=YEARLY")));
  icalcomponent_add_property(event.get(), icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
  icalcomponent_add_property(event.get(), icalproperty_new_categories("Geburtstag"));
  AddText(event.get(), icalproperty_new_description,
          "Geboren am " + FormatDateGerman(b.born) + "\n" +
              CustomerLine(b.customer_number, b.customer_name));
  return event;
}

Component CalendarHeader(const CalendarContent& content) {
  Component calendar(icalcomponent_new(ICAL_VCALENDAR_COMPONENT));
  icalcomponent* c = calendar.get();
  icalcomponent_add_property(c, icalproperty_new_prodid(kProductId));
  icalcomponent_add_property(c, icalproperty_new_version("2.0"));
  icalcomponent_add_property(c, icalproperty_new_calscale("GREGORIAN"));
  const std::string owner =
      content.user.display_name.empty() ? content.user.username : content.user.display_name;
  const std::string name = std::string("akte") + kDash + owner;
  // NAME (RFC 7986) is escaped text; programs read X-WR-CALNAME as it is.
  icalcomponent_add_property(c, icalproperty_new_name(Clean(name).c_str()));
  AddX(c, "X-WR-CALNAME", Clean(name));
  AddX(c, "X-WR-TIMEZONE",
       content.time_zone.empty() ? std::string(kDefaultTimeZone) : content.time_zone);
  icalproperty* refresh =
      icalproperty_new_refreshinterval(icaldurationtype_from_int(kRefreshSeconds));
  icalproperty_add_parameter(refresh, icalparameter_new_value(ICAL_VALUE_DURATION));
  icalcomponent_add_property(c, refresh);
  AddX(c, "X-PUBLISHED-TTL", "PT1H");
  return calendar;
}

// The catalog's UID domain: made at random on its first calendar and kept
// as a setting, so that two firms' entries never share a UID.
Result<std::string> CatalogUidDomain(Catalog& catalog, const User& user) {
  AKTE_ASSIGN_OR_RETURN(auto stored, catalog.GetSetting(kCalendarUidSetting));
  if (stored) return *stored;
  AKTE_ASSIGN_OR_RETURN(std::string bytes, RandomBytes(8));
  static constexpr char kHex[] = "0123456789abcdef";
  std::string domain = "akte-";
  for (unsigned char byte : bytes) {
    domain += kHex[byte >> 4];
    domain += kHex[byte & 0xF];
  }
  auto made = catalog.UpdateSetting(Actor{user.id, user.username}, kCalendarUidSetting, domain, 0);
  if (made.ok()) return domain;
  if (made.status().code() != StatusCode::kFailedPrecondition) return made.status();
  // Another request made it first: use theirs.
  AKTE_ASSIGN_OR_RETURN(stored, catalog.GetSetting(kCalendarUidSetting));
  if (!stored) return Status::Internal("the calendar's UID domain vanished");
  return *stored;
}

}  // namespace

Result<std::string> RenderCalendar(const CalendarContent& content, const CalendarOptions& options) {
  Component calendar = CalendarHeader(content);
  auto add = [&](Result<Component> component) -> Status {
    AKTE_RETURN_IF_ERROR(component.status());
    icalcomponent_add_component(calendar.get(), component->release());
    return Status::Ok();
  };
  for (const auto& appointment : content.appointments) {
    AKTE_RETURN_IF_ERROR(add(AppointmentEvent(appointment, options)));
  }
  for (const auto& task : content.tasks) {
    if (!task.done_at.empty() || task.due_date.empty()) continue;
    AKTE_RETURN_IF_ERROR(add(DueComponent(TaskItem(task, options), options)));
  }
  for (const auto& follow_up : content.follow_ups) {
    if (!follow_up.done_at.empty()) continue;
    AKTE_RETURN_IF_ERROR(add(DueComponent(FollowUpItem(follow_up, options), options)));
  }
  for (const auto& birthday : content.birthdays) {
    AKTE_RETURN_IF_ERROR(add(BirthdayEvent(birthday, options)));
  }
  char* text = icalcomponent_as_ical_string_r(calendar.get());
  if (!text) return Status::Internal("libical could not write the calendar");
  std::string rendered(text);
  icalmemory_free_buffer(text);
  return rendered;
}

Result<std::string> CalendarFeed(Catalog& catalog, const User& user, CalendarOptions options) {
  CalendarContent content;
  content.user = user;
  AKTE_ASSIGN_OR_RETURN(auto zone, catalog.GetSetting(kTimeZoneSetting));
  content.time_zone = zone ? *zone : std::string(kDefaultTimeZone);
  if (options.uid_domain.empty()) {
    AKTE_ASSIGN_OR_RETURN(options.uid_domain, CatalogUidDomain(catalog, user));
  }
  const std::string from =
      FormatUtc(options.now - std::chrono::duration_cast<std::chrono::seconds>(kCalendarFeedPast));
  AKTE_ASSIGN_OR_RETURN(content.appointments, catalog.AppointmentsOf(user.username, from));
  AKTE_ASSIGN_OR_RETURN(content.tasks, catalog.OpenTasksOf(user.username));
  AKTE_ASSIGN_OR_RETURN(content.follow_ups, catalog.OpenFollowUpsOf(user.username));
  AKTE_ASSIGN_OR_RETURN(content.birthdays, catalog.BirthDates());
  return RenderCalendar(content, options);
}

}  // namespace akte::archive
