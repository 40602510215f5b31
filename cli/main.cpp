// akte: the command line of the electronic customer file.
#include <CLI/CLI.hpp>
#include <clocale>
#include <cstdlib>

#include "context.h"

int main(int argc, char** argv) {
  std::setlocale(LC_ALL, "");
  akte::cli::Context ctx;
  if (const char* env = std::getenv("AKTE_DATA"); env && *env) ctx.data_dir = env;

  CLI::App app{"akte - the electronic customer file (elektronische Kundenakte)"};
  app.set_help_all_flag("--help-all", "Show help for every command");
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the subcommand
  app.option_defaults()->always_capture_default();
  app.add_option("--data-dir", ctx.data_dir, "Data directory (env AKTE_DATA)");
  app.add_option("--user", ctx.user, "Act as this user (env AKTE_USER; default: the first admin)");

  akte::cli::AddAdminCommands(app, ctx);
  akte::cli::AddCustomerCommands(app, ctx);
  akte::cli::AddContactCommands(app, ctx);
  akte::cli::AddItemCommands(app, ctx);
  akte::cli::AddLogCommand(app, ctx);
  akte::cli::AddExtractionCommands(app, ctx);
  akte::cli::AddSearchCommands(app, ctx);
  akte::cli::AddServeCommand(app, ctx);
  akte::cli::AddDemoCommands(app, ctx);
  akte::cli::AddTypeCommands(app, ctx);
  akte::cli::AddRecordCommands(app, ctx);
  akte::cli::AddFollowUpCommands(app, ctx);
  akte::cli::AddTaskCommands(app, ctx);
  akte::cli::AddAppointmentCommands(app, ctx);
  akte::cli::AddCalendarCommands(app, ctx);
  akte::cli::AddProspectCommands(app, ctx);
  akte::cli::AddMailCommands(app, ctx);
  akte::cli::AddImportCommands(app, ctx);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : akte::cli::kExitUsage;
  }
  return ctx.run ? ctx.run() : akte::cli::kExitUsage;
}
