// akte import notes|events: history carried over from other software.
#include "akte/archive/import.h"
#include "context.h"

namespace akte::cli {

void AddImportCommands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand(
      "import", "Carry notes and history events over from other software (CSV or JSON Lines)");
  group->require_subcommand(1);
  AddCsvImport(*group, ctx, "notes",
               "Import notes, keeping their times and authors (all lines or none)", "notes",
               [](archive::Catalog& catalog, const archive::Actor& by, std::string_view bytes,
                  const archive::ImportOptions& options) {
                 return archive::ImportHistoryFile(catalog, by, bytes, archive::HistoryKind::kNotes,
                                                   options);
               });
  AddCsvImport(*group, ctx, "events",
               "Import history events, keeping their times and authors (all lines or none)",
               "events",
               [](archive::Catalog& catalog, const archive::Actor& by, std::string_view bytes,
                  const archive::ImportOptions& options) {
                 return archive::ImportHistoryFile(catalog, by, bytes,
                                                   archive::HistoryKind::kEvents, options);
               });
}

}  // namespace akte::cli
