// The iCalendar feed of each user: served to whoever knows its secret URL
// (calendar programs send no credentials), and made, renewed and revoked by
// the user themself or an admin.
#include <algorithm>
#include <cctype>

#include "akte/archive/calendar_feed.h"
#include "route_helpers.h"

namespace akte::http {
namespace {

using archive::User;

constexpr std::string_view kFeedPrefix = "/api/v1/calendar/";
constexpr std::string_view kFeedSuffix = ".ics";

// The user of the path, if the caller may act on them: admins on anyone,
// others on themselves (NotFound otherwise, so ids cannot be probed).
Result<User> PathUser(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  if (!call.caller().is_admin() && id != call.caller().user.id) {
    return Status::NotFound("no user " + std::to_string(id));
  }
  return call.services.catalog().GetUser(id);
}

// "https://akte.example.de" as the client addressed this server (its Host
// header; https behind TLS, or when a proxy says so), or "" when the Host
// header is missing or holds more than a host name and port.
std::string BaseUrl(const Call& call) {
  const std::string host = call.request.get_header_value("Host");
  const bool plain = !host.empty() && std::all_of(host.begin(), host.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' ||
           c == '[' || c == ']';
  });
  if (!plain) return "";
  const std::string forwarded = call.request.get_header_value("X-Forwarded-Proto");
  const bool tls =
      forwarded.empty() ? !call.services.options.tls_cert.empty() : forwarded == "https";
  return (tls ? "https://" : "http://") + host;
}

// GET /api/v1/calendar/{secret}.ics[?todos=events]. The secret is the only
// credential; an unknown, renewed or revoked one gets 404, whichever it was.
Status Feed(Call& call) {
  auto& catalog = call.services.catalog();
  AKTE_ASSIGN_OR_RETURN(User user, catalog.CalendarFeedUser(call.PathText(1)));
  archive::CalendarOptions options;
  options.base_url = BaseUrl(call);
  const std::string todos = call.Query("todos", "todos");
  if (todos == "events") {
    options.todos = archive::CalendarTodos::kEvents;
  } else if (todos != "todos") {
    return Status::InvalidArgument("'todos' must be todos or events", "todos");
  }
  AKTE_ASSIGN_OR_RETURN(std::string calendar, archive::CalendarFeed(catalog, user, options));
  // The feed is the user's own agenda: no cache may keep it, and its URL
  // must not travel on as a referrer.
  call.response.set_header("Cache-Control", "no-store");
  call.response.set_header("Referrer-Policy", "no-referrer");
  call.response.set_header("Content-Disposition", "inline; filename=\"akte.ics\"");
  call.response.set_content(calendar, "text/calendar; charset=utf-8");
  return Status::Ok();
}

// A new secret (the old link stops working); the answer is the only place
// it is ever shown.
Status Renew(Call& call) {
  AKTE_ASSIGN_OR_RETURN(User user, PathUser(call));
  AKTE_ASSIGN_OR_RETURN(std::string secret, call.services.catalog().RenewCalendarFeed(
                                                call.caller().actor(), user.username));
  const std::string path = std::string(kFeedPrefix) + secret + std::string(kFeedSuffix);
  call.response.set_header("Cache-Control", "no-store");
  call.Reply(201, {{"url", BaseUrl(call) + path}, {"path", path}});
  return Status::Ok();
}

Status Revoke(Call& call) {
  AKTE_ASSIGN_OR_RETURN(User user, PathUser(call));
  AKTE_RETURN_IF_ERROR(
      call.services.catalog().RevokeCalendarFeed(call.caller().actor(), user.username));
  call.response.status = 204;
  return Status::Ok();
}

}  // namespace

std::string LoggedPath(const std::string& path) {
  if (path.rfind(kFeedPrefix, 0) != 0) return path;
  return std::string(kFeedPrefix) + "…" + std::string(kFeedSuffix);
}

void AddCalendarRoutes(Router& router) {
  router.Add("GET", "/api/v1/calendar/{secret}.ics", Access::kPublic, Feed);
  router.Add("POST", "/api/v1/users/{id}/calendar-feed", Access::kRead, Renew);
  router.Add("DELETE", "/api/v1/users/{id}/calendar-feed", Access::kRead, Revoke);
}

}  // namespace akte::http
