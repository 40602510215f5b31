// akte followup add|list|done|move: follow-ups ("Wiedervorlage") on customer
// files and what is due.
#include <charconv>

#include "context.h"
#include "printer.h"

namespace akte::cli {
namespace {

using archive::DataDir;
using archive::FollowUp;

// A follow-up's id from the command line; InvalidArgument naming `what`.
Result<archive::Id> ParseId(const std::string& text, const std::string& what) {
  archive::Id id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) {
    return Status::InvalidArgument(what + " must be a positive number, not '" + text + "'");
  }
  return id;
}

void PrintStored(const FollowUp& f, bool json, const std::string& what) {
  if (json) {
    std::cout << archive::ToJson(f, 2) << "\n";
  } else {
    std::cout << what << " " << f.id << ": " << f.customer_number << " " << f.customer_name << ", "
              << f.due_date << ", " << f.assignee << ", " << f.reason << "\n";
  }
}

void AddFollowUpAdd(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand("add", "Set a follow-up on a customer file");
  struct Values {
    std::string customer, date, reason, assignee;
    std::vector<std::string> on;
    bool json = false;
  };
  auto v = std::make_shared<Values>();
  cmd->add_option("customer", v->customer, "Customer number")->required();
  cmd->add_option("date", v->date, "Due date (31.12.2024 or 2024-12-31)")->required();
  cmd->add_option("reason", v->reason, "What to take up again")->required();
  cmd->add_option("--assignee", v->assignee, "Username of who follows up (default: you)");
  cmd->add_option("--on", v->on, "An item of the file to follow up on: document|note|event ID")
      ->expected(2);
  cmd->add_flag("--json", v->json, "Print the stored follow-up as JSON");
  OnRunAs(cmd, ctx, [v](DataDir& dir, const archive::Actor& actor) {
    auto customer = CustomerByNumber(dir, v->customer);
    if (!customer.ok()) return Fail(customer.status());
    FollowUp draft;
    draft.customer_id = customer->id;
    draft.due_date = v->date;
    draft.reason = v->reason;
    draft.assignee = v->assignee;
    if (!v->on.empty()) {
      auto id = ParseId(v->on[1], "--on's id");
      if (!id.ok()) return Fail(id.status());
      draft.entity = v->on[0];
      draft.entity_id = *id;
    }
    auto stored = dir.catalog().AddFollowUp(actor, draft);
    if (!stored.ok()) return Fail(stored.status());
    PrintStored(*stored, v->json, "Follow-up");
    return kExitOk;
  });
}

void AddFollowUpList(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand(
      "list", "What is overdue, due today and this week; or all follow-ups of one customer");
  struct Values {
    std::string customer, assignee, today;
    bool json = false;
  };
  auto v = std::make_shared<Values>();
  cmd->add_option("--customer", v->customer, "List this customer's follow-ups, open and done");
  cmd->add_option("--assignee", v->assignee, "Whose follow-ups: a username or all (default: you)");
  cmd->add_option("--today", v->today, "Count from this day (default: today in the firm's zone)");
  cmd->add_flag("--json", v->json, "Print JSON");
  OnRunAs(cmd, ctx, [v](DataDir& dir, const archive::Actor& actor) {
    if (!v->customer.empty()) {
      if (!v->assignee.empty() || !v->today.empty()) {
        return Fail(Status::InvalidArgument(
            "--customer lists all of a customer's follow-ups; leave out --assignee and --today"));
      }
      auto customer = CustomerByNumber(dir, v->customer);
      if (!customer.ok()) return Fail(customer.status());
      auto all = dir.catalog().ListFollowUps(customer->id);
      if (!all.ok()) return Fail(all.status());
      if (v->json) {
        std::cout << archive::ToJson(*all, 2) << "\n";
      } else {
        PrintFollowUps(std::cout, *all);
      }
      return kExitOk;
    }
    std::string assignee = v->assignee.empty() ? actor.username : v->assignee;
    if (assignee == "all") assignee.clear();
    auto due = dir.catalog().DueFollowUps(assignee, v->today);
    if (!due.ok()) {
      const Status& problem = due.status();
      return Fail(problem.field() == "today" ? problem.WithContext("--today") : problem);
    }
    if (v->json) {
      std::cout << archive::ToJson(*due, 2) << "\n";
    } else {
      PrintDueFollowUps(std::cout, *due);
    }
    return kExitOk;
  });
}

void AddFollowUpDone(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand("done", "Mark a follow-up done (recorded in the history)");
  auto id = std::make_shared<std::string>();
  cmd->add_option("id", *id, "The follow-up's number")->required();
  OnRunAs(cmd, ctx, [id](DataDir& dir, const archive::Actor& actor) {
    auto parsed = ParseId(*id, "the follow-up's number");
    if (!parsed.ok()) return Fail(parsed.status());
    auto done = dir.catalog().CompleteFollowUp(actor, *parsed);
    if (!done.ok()) return Fail(done.status());
    std::cout << "Follow-up " << done->id << " done; recorded in the history of "
              << done->customer_number << " " << done->customer_name << ".\n";
    return kExitOk;
  });
}

void AddFollowUpMove(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand("move", "Reschedule a follow-up, or hand it to someone else");
  struct Values {
    std::string id, date, assignee;
    bool json = false;
  };
  auto v = std::make_shared<Values>();
  cmd->add_option("id", v->id, "The follow-up's number")->required();
  cmd->add_option("date", v->date, "The new due date")->required();
  cmd->add_option("--assignee", v->assignee, "Username of who follows up now");
  cmd->add_flag("--json", v->json, "Print the stored follow-up as JSON");
  OnRunAs(cmd, ctx, [v](DataDir& dir, const archive::Actor& actor) {
    auto id = ParseId(v->id, "the follow-up's number");
    if (!id.ok()) return Fail(id.status());
    auto current = dir.catalog().GetFollowUp(*id);
    if (!current.ok()) return Fail(current.status());
    FollowUp edited = *current;
    edited.due_date = v->date;
    if (!v->assignee.empty()) edited.assignee = v->assignee;
    auto stored = dir.catalog().UpdateFollowUp(actor, edited);
    if (!stored.ok()) return Fail(stored.status());
    PrintStored(*stored, v->json, "Follow-up");
    return kExitOk;
  });
}

}  // namespace

void AddFollowUpCommands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("followup", "Follow-ups (Wiedervorlage) and what is due");
  group->require_subcommand(1);
  AddFollowUpAdd(*group, ctx);
  AddFollowUpList(*group, ctx);
  AddFollowUpDone(*group, ctx);
  AddFollowUpMove(*group, ctx);
}

}  // namespace akte::cli
