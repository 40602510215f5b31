// akte calendar link|revoke|export: the iCalendar feed of the acting user
// (--user), which calendar programs subscribe to through its secret link.
#include <iostream>

#include "akte/archive/calendar_feed.h"
#include "context.h"

namespace akte::cli {
namespace {

using archive::DataDir;

// Where the feeds are served, below the server's address.
constexpr std::string_view kFeedPath = "/api/v1/calendar/";

// "https://akte.example.de/" -> "https://akte.example.de".
std::string TrimSlash(std::string url) {
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

void AddCalendarLink(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand(
      "link", "Make a new secret link to your calendar (the previous link stops working)");
  auto base_url = std::make_shared<std::string>();
  cmd->add_option("--base-url", *base_url,
                  "The server's address as calendar programs reach it "
                  "(https://akte.example.de); without it, the link's path is printed");
  OnRunAs(cmd, ctx, [base_url](DataDir& dir, const archive::Actor& actor) {
    auto secret = dir.catalog().RenewCalendarFeed(actor, actor.username);
    if (!secret.ok()) return Fail(secret.status());
    std::cout << TrimSlash(*base_url) << kFeedPath << *secret << ".ics\n";
    std::cerr << "A new calendar link for " << actor.username
              << "; the previous one no longer works. Anyone who has this link can read the "
                 "calendar: keep it to yourself.\n";
    return kExitOk;
  });
}

void AddCalendarRevoke(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand("revoke", "Stop your calendar link from working");
  OnRunAs(cmd, ctx, [](DataDir& dir, const archive::Actor& actor) {
    Status revoked = dir.catalog().RevokeCalendarFeed(actor, actor.username);
    if (!revoked.ok()) return Fail(revoked);
    std::cout << "The calendar link of " << actor.username << " no longer works.\n";
    return kExitOk;
  });
}

void AddCalendarExport(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand(
      "export", "Write your calendar as an iCalendar file (.ics), as the link serves it");
  struct Values {
    std::string output, base_url;
    bool todos_as_events = false;
  };
  auto v = std::make_shared<Values>();
  cmd->add_option("-o,--output", v->output, "The file to write (default: standard output)");
  cmd->add_option("--base-url", v->base_url,
                  "The web page's address, so that entries link to their customer file");
  cmd->add_flag("--todos-as-events", v->todos_as_events,
                "Tasks and follow-ups as all-day events rather than tasks (VTODO)");
  OnRunAs(cmd, ctx, [v](DataDir& dir, const archive::Actor& actor) {
    auto user = dir.catalog().GetUser(actor.user_id);
    if (!user.ok()) return Fail(user.status());
    archive::CalendarOptions options;
    options.base_url = TrimSlash(v->base_url);
    if (v->todos_as_events) options.todos = archive::CalendarTodos::kEvents;
    auto calendar = archive::CalendarFeed(dir.catalog(), *user, options);
    if (!calendar.ok()) return Fail(calendar.status());
    return WriteOutput(v->output, *calendar);
  });
}

}  // namespace

void AddCalendarCommands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand(
      "calendar", "Your calendar (appointments, tasks, follow-ups, birthdays) as iCalendar");
  group->require_subcommand(1);
  AddCalendarLink(*group, ctx);
  AddCalendarRevoke(*group, ctx);
  AddCalendarExport(*group, ctx);
}

}  // namespace akte::cli
