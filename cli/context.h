// What every `akte` subcommand shares: the global options, opening the data
// directory, who is acting, and turning a Status into a message and an exit
// code (the one place that maps codes to exit statuses; see README).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <iostream>
#include <memory>
#include <string>

#include "akte/archive/data_dir.h"
#include "akte/archive/import.h"
#include "akte/archive/json.h"

namespace akte::cli {

struct Context {
  std::string data_dir = "./akte-data";
  std::string user;  // empty: AKTE_USER, else the first admin
  // Set by the chosen subcommand's callback; run after parsing.
  std::function<int()> run;
};

// Exit codes, documented in README.md.
inline constexpr int kExitOk = 0;
inline constexpr int kExitInternal = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInvalidInput = 3;
inline constexpr int kExitNotFound = 4;
inline constexpr int kExitConflict = 5;
inline constexpr int kExitDamaged = 6;
inline constexpr int kExitIo = 7;
inline constexpr int kExitDenied = 8;
inline constexpr int kExitBusy = 9;

int ExitCodeFor(StatusCode code);

// Prints "akte: <message>" to stderr and returns the exit code for `status`.
int Fail(const Status& status);

Result<std::unique_ptr<archive::DataDir>> OpenDataDir(const Context& ctx);

// The acting user: --user, else $AKTE_USER, else the data dir's first admin.
Result<archive::Actor> ResolveActor(archive::DataDir& dir, const Context& ctx);

// Finds a customer by its number. NotFound names the number.
Result<archive::Customer> CustomerByNumber(archive::DataDir& dir, const std::string& number);

// Today in the local time zone (TZ), as YYYY-MM-DD.
std::string LocalToday();

// Writes `bytes` to the file `path` (replacing it), or to standard output
// when `path` is empty; the exit code, after a message naming the problem.
int WriteOutput(const std::string& path, std::string_view bytes);

// Reads a whole (small) file such as a CSV or vCard to import.
Result<std::string> ReadWholeFile(const std::string& path);

using DirBody = std::function<int(archive::DataDir& dir)>;
using ActorBody = std::function<int(archive::DataDir& dir, const archive::Actor& actor)>;

// Makes `cmd` run `body` on the opened data directory when it is chosen.
void OnRun(CLI::App* cmd, Context& ctx, DirBody body);
// Same, also resolving the acting user first (for commands that change data).
void OnRunAs(CLI::App* cmd, Context& ctx, ActorBody body);

// Adds `NAME CUSTOMER [--json]`, showing what `load(dir, customer_id)`
// reads: as JSON (archive::ToJson), or through `print(std::cout, value)`.
template <typename Load, typename Print>
void AddCustomerView(CLI::App& parent, Context& ctx, const std::string& name,
                     const std::string& description, Load load, Print print) {
  auto* cmd = parent.add_subcommand(name, description);
  auto number = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("customer", *number, "Customer number")->required();
  cmd->add_flag("--json", *json, "Print JSON");
  OnRun(cmd, ctx, [number, json, load, print](archive::DataDir& dir) {
    auto customer = CustomerByNumber(dir, *number);
    if (!customer.ok()) return Fail(customer.status());
    auto value = load(dir, customer->id);
    if (!value.ok()) return Fail(value.status());
    if (*json) {
      std::cout << archive::ToJson(*value, 2) << "\n";
    } else {
      print(std::cout, *value);
    }
    return kExitOk;
  });
}

// Adds `NAME FILE [--dry-run]` reading a file with `import`, which
// stores all its rows or none, and printing its report on `what` ("customers").
using CsvImporter = Result<archive::ImportReport> (*)(archive::Catalog&, const archive::Actor&,
                                                      std::string_view,
                                                      const archive::ImportOptions&);
void AddCsvImport(CLI::App& parent, Context& ctx, const std::string& name,
                  const std::string& description, const std::string& what, CsvImporter import);

// Registers the subcommands of each group on `app`.
void AddAdminCommands(CLI::App& app, Context& ctx);
void AddCustomerCommands(CLI::App& app, Context& ctx);
void AddContactCommands(CLI::App& app, Context& ctx);
void AddItemCommands(CLI::App& app, Context& ctx);
void AddLogCommand(CLI::App& app, Context& ctx);
void AddExtractionCommands(CLI::App& app, Context& ctx);
void AddDocImportCommand(CLI::App& doc, Context& ctx);
void AddSearchCommands(CLI::App& app, Context& ctx);
void AddSimilarCommand(CLI::App& doc, Context& ctx);
void AddSuggestCommand(CLI::App& inbox, Context& ctx);
void AddServeCommand(CLI::App& app, Context& ctx);
void AddDemoCommands(CLI::App& app, Context& ctx);
void AddTypeCommands(CLI::App& app, Context& ctx);
void AddRecordCommands(CLI::App& app, Context& ctx);
void AddFollowUpCommands(CLI::App& app, Context& ctx);
void AddTaskCommands(CLI::App& app, Context& ctx);
// `akte appointment ...` and `akte agenda`.
void AddAppointmentCommands(CLI::App& app, Context& ctx);
void AddCalendarCommands(CLI::App& app, Context& ctx);
void AddProspectCommands(CLI::App& app, Context& ctx);
void AddMailCommands(CLI::App& app, Context& ctx);
void AddImportCommands(CLI::App& app, Context& ctx);

}  // namespace akte::cli
