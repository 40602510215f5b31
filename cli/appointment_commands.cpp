// akte appointment add|list|edit|cancel: appointments ("Termine") with
// customers; akte agenda: a user's day.
#include "context.h"
#include "planning_options.h"
#include "printer.h"

namespace akte::cli {
namespace {

using archive::Appointment;
using archive::DataDir;

constexpr long kDefaultMinutes = 60;

void PrintStored(const Appointment& a, bool json, const std::string& what) {
  if (json) {
    std::cout << archive::ToJson(a, 2) << "\n";
    return;
  }
  std::cout << what << " " << a.id << ": " << a.customer_number << " " << a.customer_name << ", "
            << a.title << ", " << a.starts_at << " to " << a.ends_at;
  if (!a.place.empty()) std::cout << ", " << a.place;
  if (!a.cancelled_at.empty()) std::cout << " (cancelled)";
  std::cout << "\n";
}

// The options `add` and `edit` share; `edit` changes only those given.
struct AppointmentOptions {
  std::string end, text, place, contact, document;
  long minutes = 0;
  std::vector<std::string> with;
  CLI::Option* end_option = nullptr;
  CLI::Option* minutes_option = nullptr;
  CLI::Option* text_option = nullptr;
  CLI::Option* place_option = nullptr;
  CLI::Option* with_option = nullptr;
  CLI::Option* contact_option = nullptr;
  CLI::Option* document_option = nullptr;
  bool json = false;

  void AddTo(CLI::App* cmd) {
    end_option = cmd->add_option("--end", end, "When it ends (12.03.2024 11:30)");
    minutes_option = cmd->add_option("--minutes", minutes, "How long it takes (default: 60)")
                         ->check(CLI::Range(0L, 60L * 24 * 366))
                         ->excludes(end_option);
    text_option = cmd->add_option("--text", text, "Details, agenda");
    place_option = cmd->add_option("--place", place, "Where");
    with_option = cmd->add_option("--with", with,
                                  "Username of a colleague attending (repeat for more; "
                                  "\"\" alone: no one)");
    contact_option = cmd->add_option("--contact", contact, "With this contact (id; none: no one)");
    document_option =
        cmd->add_option("--document", document, "About this document (id; none: no document)");
    cmd->add_flag("--json", json, "Print the stored appointment as JSON");
  }

  // Copies the options given onto `a`; `old_start` is where it began before
  // an edit moved its start (a moved appointment keeps its length).
  Status ApplyTo(Appointment& a, const std::string& old_start) const {
    if (end_option->count() > 0) {
      a.ends_at = end;
    } else if (minutes_option->count() > 0) {
      a.ends_at = MinutesAfter(a.starts_at, minutes);
    } else if (old_start.empty()) {
      a.ends_at = MinutesAfter(a.starts_at, kDefaultMinutes);
    } else if (old_start != a.starts_at) {
      auto before = ParseUtc(old_start), after = ParseUtc(a.ends_at);
      if (before.ok() && after.ok()) {
        const auto length = std::chrono::duration_cast<std::chrono::minutes>(*after - *before);
        a.ends_at = MinutesAfter(a.starts_at, static_cast<long>(length.count()));
      }
    }
    if (text_option->count() > 0) a.text = text;
    if (place_option->count() > 0) a.place = place;
    if (with_option->count() > 0) a.participants = with;
    if (contact_option->count() > 0) {
      AKTE_ASSIGN_OR_RETURN(a.contact_id, ParseLink(contact, "--contact"));
    }
    if (document_option->count() > 0) {
      AKTE_ASSIGN_OR_RETURN(a.document_id, ParseLink(document, "--document"));
    }
    return Status::Ok();
  }
};

void AddAppointmentAdd(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand("add", "Add an appointment with a customer");
  struct Values {
    std::string customer, title, start;
  };
  auto v = std::make_shared<Values>();
  auto options = std::make_shared<AppointmentOptions>();
  cmd->add_option("customer", v->customer, "Customer number")->required();
  cmd->add_option("title", v->title, "What it is about (1-200 characters)")->required();
  cmd->add_option("start", v->start, "When it begins (12.03.2024 10:00, 2024-03-12T10:00+01:00)")
      ->required();
  options->AddTo(cmd);
  OnRunAs(cmd, ctx, [v, options](DataDir& dir, const archive::Actor& actor) {
    auto customer = CustomerByNumber(dir, v->customer);
    if (!customer.ok()) return Fail(customer.status());
    Appointment draft;
    draft.customer_id = customer->id;
    draft.title = v->title;
    draft.starts_at = v->start;
    if (Status applied = options->ApplyTo(draft, ""); !applied.ok()) return Fail(applied);
    auto stored = dir.catalog().AddAppointment(actor, draft);
    if (!stored.ok()) return Fail(stored.status());
    PrintStored(*stored, options->json, "Appointment");
    return kExitOk;
  });
}

void AddAppointmentList(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand(
      "list", "Your coming appointments (--user: someone else's); or a customer's");
  struct Values {
    std::string customer, from;
    bool json = false;
  };
  auto v = std::make_shared<Values>();
  // Whose: the acting user (the global --user).
  cmd->add_option("--customer", v->customer, "List this customer's appointments, by start");
  cmd->add_option("--from", v->from, "Those ending at or after this time (default: now)");
  cmd->add_flag("--json", v->json, "Print JSON");
  OnRunAs(cmd, ctx, [v](DataDir& dir, const archive::Actor& actor) {
    Result<std::vector<Appointment>> found = std::vector<Appointment>();
    if (!v->customer.empty()) {
      if (!v->from.empty()) {
        return Fail(Status::InvalidArgument(
            "--customer lists all of a customer's appointments; leave out --from"));
      }
      auto customer = CustomerByNumber(dir, v->customer);
      if (!customer.ok()) return Fail(customer.status());
      found = dir.catalog().ListAppointments(customer->id);
    } else {
      const std::string from =
          v->from.empty() ? FormatUtc(std::chrono::system_clock::now()) : v->from;
      found = dir.catalog().AppointmentsOf(actor.username, from);
      if (!found.ok() && found.status().field() == "from") {
        return Fail(found.status().WithContext("--from"));
      }
    }
    if (!found.ok()) return Fail(found.status());
    if (v->json) {
      std::cout << archive::ToJson(*found, 2) << "\n";
    } else {
      PrintAppointments(std::cout, *found);
    }
    return kExitOk;
  });
}

void AddAppointmentEdit(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand(
      "edit", "Change an appointment: only the options given (a new start keeps its length)");
  struct Values {
    std::string id, title, start;
  };
  auto v = std::make_shared<Values>();
  auto options = std::make_shared<AppointmentOptions>();
  cmd->add_option("id", v->id, "The appointment's number")->required();
  auto* title_option = cmd->add_option("--title", v->title, "What it is about");
  auto* start_option = cmd->add_option("--start", v->start, "When it begins");
  options->AddTo(cmd);
  OnRunAs(cmd, ctx,
          [v, options, title_option, start_option](DataDir& dir, const archive::Actor& actor) {
            auto id = ParsePlanningId(v->id, "the appointment's number");
            if (!id.ok()) return Fail(id.status());
            auto current = dir.catalog().GetAppointment(*id);
            if (!current.ok()) return Fail(current.status());
            Appointment edited = *current;
            if (title_option->count() > 0) edited.title = v->title;
            if (start_option->count() > 0) edited.starts_at = v->start;
            if (Status applied = options->ApplyTo(edited, current->starts_at); !applied.ok()) {
              return Fail(applied);
            }
            auto stored = dir.catalog().UpdateAppointment(actor, edited);
            if (!stored.ok()) return Fail(stored.status());
            PrintStored(*stored, options->json, "Appointment");
            return kExitOk;
          });
}

void AddAppointmentCancel(CLI::App& group, Context& ctx) {
  auto* cmd =
      group.add_subcommand("cancel", "Cancel an appointment (it stays in the file, marked)");
  auto id = std::make_shared<std::string>();
  cmd->add_option("id", *id, "The appointment's number")->required();
  OnRunAs(cmd, ctx, [id](DataDir& dir, const archive::Actor& actor) {
    auto parsed = ParsePlanningId(*id, "the appointment's number");
    if (!parsed.ok()) return Fail(parsed.status());
    auto current = dir.catalog().GetAppointment(*parsed);
    if (!current.ok()) return Fail(current.status());
    auto cancelled = dir.catalog().CancelAppointment(actor, current->id, current->version);
    if (!cancelled.ok()) return Fail(cancelled.status());
    std::cout << "Appointment " << cancelled->id << " cancelled (" << cancelled->title << ", "
              << cancelled->customer_number << " " << cancelled->customer_name << ").\n";
    return kExitOk;
  });
}

void AddAgendaCommand(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "agenda", "Your day (--user: someone else's): overdue tasks, tasks due, appointments");
  struct Values {
    std::string date;
    bool json = false;
  };
  auto v = std::make_shared<Values>();
  // Whose day: the acting user (the global --user).
  cmd->add_option("--date", v->date, "Which day (default: today in the firm's time zone)");
  cmd->add_flag("--json", v->json, "Print JSON");
  OnRunAs(cmd, ctx, [v](DataDir& dir, const archive::Actor& actor) {
    auto agenda = dir.catalog().DayAgenda(actor.username, v->date);
    if (!agenda.ok()) {
      const Status& problem = agenda.status();
      return Fail(problem.field() == "today" ? problem.WithContext("--date") : problem);
    }
    if (v->json) {
      std::cout << archive::ToJson(*agenda, 2) << "\n";
    } else {
      PrintAgenda(std::cout, actor.username, *agenda);
    }
    return kExitOk;
  });
}

}  // namespace

void AddAppointmentCommands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("appointment", "Appointments (Termine) with customers");
  group->require_subcommand(1);
  AddAppointmentAdd(*group, ctx);
  AddAppointmentList(*group, ctx);
  AddAppointmentEdit(*group, ctx);
  AddAppointmentCancel(*group, ctx);
  AddAgendaCommand(app, ctx);
}

}  // namespace akte::cli
