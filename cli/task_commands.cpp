// akte task add|list|edit|done: tasks ("Aufgaben") on customer files.
#include "context.h"
#include "planning_options.h"
#include "printer.h"

namespace akte::cli {
namespace {

using archive::DataDir;
using archive::Task;

void PrintStored(const Task& t, bool json, const std::string& what) {
  if (json) {
    std::cout << archive::ToJson(t, 2) << "\n";
    return;
  }
  std::cout << what << " " << t.id << ": " << t.customer_number << " " << t.customer_name << ", "
            << t.title;
  if (!t.due_date.empty()) std::cout << ", due " << t.due_date;
  if (!t.assignee.empty()) std::cout << ", for " << t.assignee;
  std::cout << "\n";
}

// The options `add` and `edit` share; `edit` changes only those given.
struct TaskOptions {
  std::string title, text, due, assignee, contact, document;
  CLI::Option* text_option = nullptr;
  CLI::Option* due_option = nullptr;
  CLI::Option* assignee_option = nullptr;
  CLI::Option* contact_option = nullptr;
  CLI::Option* document_option = nullptr;
  bool json = false;

  void AddTo(CLI::App* cmd) {
    text_option = cmd->add_option("--text", text, "Details");
    due_option = cmd->add_option("--due", due, "Due date (31.12.2024 or 2024-12-31; \"\": none)");
    assignee_option = cmd->add_option(
        "--assignee", assignee, "Username of who does it (add: default you; \"\": nobody yet)");
    contact_option = cmd->add_option("--contact", contact, "About this contact (id; none: no one)");
    document_option =
        cmd->add_option("--document", document, "About this document (id; none: no document)");
    cmd->add_flag("--json", json, "Print the stored task as JSON");
  }

  // Copies the options given onto `task`.
  Status ApplyTo(Task& task) const {
    if (text_option->count() > 0) task.text = text;
    if (due_option->count() > 0) task.due_date = due;
    if (assignee_option->count() > 0) task.assignee = assignee;
    if (contact_option->count() > 0) {
      AKTE_ASSIGN_OR_RETURN(task.contact_id, ParseLink(contact, "--contact"));
    }
    if (document_option->count() > 0) {
      AKTE_ASSIGN_OR_RETURN(task.document_id, ParseLink(document, "--document"));
    }
    return Status::Ok();
  }
};

void AddTaskAdd(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand("add", "Add a task to a customer file");
  auto customer = std::make_shared<std::string>();
  auto v = std::make_shared<TaskOptions>();
  cmd->add_option("customer", *customer, "Customer number")->required();
  cmd->add_option("title", v->title, "What is to be done (1-200 characters)")->required();
  v->AddTo(cmd);
  OnRunAs(cmd, ctx, [customer, v](DataDir& dir, const archive::Actor& actor) {
    auto found = CustomerByNumber(dir, *customer);
    if (!found.ok()) return Fail(found.status());
    Task draft;
    draft.customer_id = found->id;
    draft.title = v->title;
    draft.assignee = actor.username;  // unless --assignee says otherwise ("": nobody)
    if (Status applied = v->ApplyTo(draft); !applied.ok()) return Fail(applied);
    auto stored = dir.catalog().AddTask(actor, draft);
    if (!stored.ok()) return Fail(stored.status());
    PrintStored(*stored, v->json, "Task");
    return kExitOk;
  });
}

void AddTaskList(CLI::App& group, Context& ctx) {
  auto* cmd =
      group.add_subcommand("list", "Open tasks of a user, by due date; or all of one customer");
  struct Values {
    std::string customer, assignee;
    bool json = false;
  };
  auto v = std::make_shared<Values>();
  cmd->add_option("--customer", v->customer, "List this customer's tasks, open and done");
  cmd->add_option("--assignee", v->assignee,
                  "Whose open tasks: a username, or all (every task with a due date; "
                  "default: you)");
  cmd->add_flag("--json", v->json, "Print JSON");
  OnRunAs(cmd, ctx, [v](DataDir& dir, const archive::Actor& actor) {
    Result<std::vector<Task>> tasks = std::vector<Task>();
    if (!v->customer.empty()) {
      if (!v->assignee.empty()) {
        return Fail(Status::InvalidArgument(
            "--customer lists all of a customer's tasks; leave out --assignee"));
      }
      auto customer = CustomerByNumber(dir, v->customer);
      if (!customer.ok()) return Fail(customer.status());
      tasks = dir.catalog().ListTasks(customer->id);
    } else {
      std::string assignee = v->assignee.empty() ? actor.username : v->assignee;
      if (assignee == "all") assignee.clear();
      tasks = dir.catalog().OpenTasksOf(assignee);
    }
    if (!tasks.ok()) return Fail(tasks.status());
    if (v->json) {
      std::cout << archive::ToJson(*tasks, 2) << "\n";
    } else {
      PrintTasks(std::cout, *tasks);
    }
    return kExitOk;
  });
}

void AddTaskEdit(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand("edit", "Change an open task: only the options given");
  auto id = std::make_shared<std::string>();
  auto title = std::make_shared<std::string>();
  auto v = std::make_shared<TaskOptions>();
  cmd->add_option("id", *id, "The task's number")->required();
  auto* title_option = cmd->add_option("--title", *title, "What is to be done");
  v->AddTo(cmd);
  OnRunAs(cmd, ctx, [id, title, title_option, v](DataDir& dir, const archive::Actor& actor) {
    auto parsed = ParsePlanningId(*id, "the task's number");
    if (!parsed.ok()) return Fail(parsed.status());
    auto current = dir.catalog().GetTask(*parsed);
    if (!current.ok()) return Fail(current.status());
    Task edited = *current;
    if (title_option->count() > 0) edited.title = *title;
    if (Status applied = v->ApplyTo(edited); !applied.ok()) return Fail(applied);
    auto stored = dir.catalog().UpdateTask(actor, edited);
    if (!stored.ok()) return Fail(stored.status());
    PrintStored(*stored, v->json, "Task");
    return kExitOk;
  });
}

void AddTaskDone(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand("done", "Mark a task done (recorded in the history)");
  auto id = std::make_shared<std::string>();
  cmd->add_option("id", *id, "The task's number")->required();
  OnRunAs(cmd, ctx, [id](DataDir& dir, const archive::Actor& actor) {
    auto parsed = ParsePlanningId(*id, "the task's number");
    if (!parsed.ok()) return Fail(parsed.status());
    auto done = dir.catalog().CompleteTask(actor, *parsed);
    if (!done.ok()) return Fail(done.status());
    std::cout << "Task " << done->id << " done; recorded in the history of "
              << done->customer_number << " " << done->customer_name << ".\n";
    return kExitOk;
  });
}

}  // namespace

void AddTaskCommands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("task", "Tasks (Aufgaben) on customer files");
  group->require_subcommand(1);
  AddTaskAdd(*group, ctx);
  AddTaskList(*group, ctx);
  AddTaskEdit(*group, ctx);
  AddTaskDone(*group, ctx);
}

}  // namespace akte::cli
