// akte init, user add|list, fsck, gc.
#include <iostream>

#include "akte/archive/json.h"
#include "akte/indexer/index_writer.h"
#include "context.h"
#include "printer.h"

namespace akte::cli {
namespace {

using archive::DataDir;

void AddInit(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("init", "Create a new data directory with its first admin");
  auto admin = std::make_shared<archive::User>();
  admin->username = "admin";
  cmd->add_option("--admin", admin->username, "Username of the first admin");
  cmd->add_option("--display-name", admin->display_name, "The admin's full name");
  cmd->callback([&ctx, admin] {
    ctx.run = [&ctx, admin]() -> int {
      auto dir = DataDir::Initialize(ctx.data_dir, *admin);
      if (!dir.ok()) return Fail(dir.status());
      std::cout << "Created the akte data directory " << ctx.data_dir << " with admin user '"
                << admin->username << "'.\n";
      return kExitOk;
    };
  });
}

void AddUserCommands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("user", "Users who work with akte");
  group->require_subcommand(1);
  auto* add = group->add_subcommand("add", "Add a user");
  auto user = std::make_shared<archive::User>();
  add->add_option("username", user->username, "Login name")->required();
  add->add_option("--name", user->display_name, "Full name");
  add->add_option("--role", user->role, "admin, staff or readonly")
      ->check(CLI::IsMember({"admin", "staff", "readonly"}));
  OnRunAs(add, ctx, [user](DataDir& dir, const archive::Actor& actor) {
    auto created = dir.catalog().AddUser(actor, *user);
    if (!created.ok()) return Fail(created.status());
    std::cout << "Added user '" << created->username << "' (" << created->role << ").\n";
    return kExitOk;
  });
  auto* list = group->add_subcommand("list", "List users");
  OnRun(list, ctx, [](DataDir& dir) {
    auto users = dir.catalog().ListUsers();
    if (!users.ok()) return Fail(users.status());
    for (const auto& u : *users) {
      std::cout << u.username << "\t" << u.display_name << "\t" << u.role
                << (u.disabled ? "\tdisabled" : "") << "\n";
    }
    return kExitOk;
  });
}

void AddFsck(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "fsck",
      "Check every stored file against its hash, every catalog reference, and the search index");
  auto repair = std::make_shared<bool>(false);
  cmd->add_flag("--repair", *repair, "Bring the search index in line with the catalog");
  OnRun(cmd, ctx, [repair](DataDir& dir) {
    auto report = dir.Check();
    if (!report.ok()) return Fail(report.status());
    int files = PrintFsckReport(std::cout, *report);
    auto index = indexer::CheckIndex(dir, *repair);
    if (!index.ok()) return Fail(index.status());
    int checked = PrintIndexCheck(std::cout, *index);
    return files != kExitOk ? files : checked;
  });
}

void AddGc(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("gc", "Remove stored files that no document refers to");
  auto min_age = std::make_shared<int>(3600);
  cmd->add_option("--min-age", *min_age,
                  "Keep unreferenced files younger than this many seconds (they may belong to "
                  "an upload in progress)")
      ->check(CLI::NonNegativeNumber);
  OnRun(cmd, ctx, [min_age](DataDir& dir) {
    auto references = dir.catalog().BlobReferences();
    if (!references.ok()) return Fail(references.status());
    std::unordered_set<std::string> referenced;
    for (const auto& ref : *references) referenced.insert(ref.sha256);
    auto report = dir.blobs().CollectGarbage(referenced, std::chrono::seconds(*min_age));
    if (!report.ok()) return Fail(report.status());
    std::cout << "Removed " << report->removed << " unreferenced files (" << report->bytes_freed
              << " bytes).\n";
    return kExitOk;
  });
}

}  // namespace

void AddAdminCommands(CLI::App& app, Context& ctx) {
  AddInit(app, ctx);
  AddUserCommands(app, ctx);
  AddFsck(app, ctx);
  AddGc(app, ctx);
}

}  // namespace akte::cli
