// akte init, user add|list|edit|passwd, user token create|list|revoke, fsck, gc.
#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "akte/archive/json.h"
#include "akte/indexer/index_writer.h"
#include "context.h"
#include "printer.h"

namespace akte::cli {
namespace {

using archive::DataDir;

// One line from standard input, without its line ending. On a terminal it
// prompts on stderr, does not echo, and asks twice.
Result<std::string> ReadNewPassword(const std::string& username) {
  auto read_line = [](std::string& line) {
    if (!std::getline(std::cin, line)) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
  };
  if (!isatty(STDIN_FILENO)) {
    std::string line;
    if (!read_line(line)) {
      return Status::InvalidArgument(
          "no password on standard input (give one line, or use --generate)", "password");
    }
    return line;
  }
  termios saved{};
  tcgetattr(STDIN_FILENO, &saved);
  termios silent = saved;
  silent.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
  std::string first, second;
  std::cerr << "New password for '" << username << "': " << std::flush;
  bool ok = read_line(first);
  std::cerr << "\nRepeat it: " << std::flush;
  ok = ok && read_line(second);
  std::cerr << "\n";
  tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
  if (!ok) return Status::InvalidArgument("no password given", "password");
  if (first != second) return Status::InvalidArgument("the two passwords differ", "password");
  return first;
}

void AddInit(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "init", "Create a new data directory with its first admin and a one-time password");
  auto admin = std::make_shared<archive::User>();
  admin->username = "admin";
  cmd->add_option("--admin", admin->username, "Username of the first admin");
  cmd->add_option("--display-name", admin->display_name, "The admin's full name");
  cmd->callback([&ctx, admin] {
    ctx.run = [&ctx, admin]() -> int {
      auto dir = DataDir::Initialize(ctx.data_dir, *admin);
      if (!dir.ok()) return Fail(dir.status());
      auto users = (*dir)->catalog().ListUsers();
      if (!users.ok()) return Fail(users.status());
      const archive::User& created = users->front();  // the one user of a new directory
      const std::string password = archive::Catalog::GeneratePassword();
      if (Status set = (*dir)->catalog().SetPassword(std::nullopt, created.id, password);
          !set.ok()) {
        return Fail(set.WithContext("created " + ctx.data_dir + ", but not the admin's password " +
                                    "(set one with `akte user passwd " + created.username +
                                    " --generate`)"));
      }
      std::cout << "Created the akte data directory " << ctx.data_dir << " with admin user '"
                << created.username << "'.\n"
                << "Initial password for '" << created.username << "': " << password
                << " — change it with `akte user passwd " << created.username << "`\n";
      return kExitOk;
    };
  });
}

void AddUserPasswd(CLI::App& group, Context& ctx) {
  auto* cmd =
      group.add_subcommand("passwd", "Set a user's password, read as one line from standard input");
  auto username = std::make_shared<std::string>();
  auto generate = std::make_shared<bool>(false);
  cmd->add_option("username", *username, "Login name")->required();
  cmd->add_flag("--generate", *generate, "Make up a random password and print it");
  OnRunAs(cmd, ctx, [=](DataDir& dir, const archive::Actor& actor) {
    auto user = dir.catalog().FindUser(*username);
    if (!user.ok()) return Fail(user.status());
    auto password = *generate ? Result<std::string>(archive::Catalog::GeneratePassword())
                              : ReadNewPassword(user->username);
    if (!password.ok()) return Fail(password.status());
    if (Status set = dir.catalog().SetPassword(actor, user->id, *password); !set.ok()) {
      return Fail(set);
    }
    if (*generate) {
      std::cout << "New password for '" << user->username << "': " << *password << "\n";
    } else {
      std::cout << "Set the password of '" << user->username << "'.\n";
    }
    return kExitOk;
  });
}

void AddUserEdit(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand("edit", "Change a user's name or role, or disable the user");
  auto username = std::make_shared<std::string>();
  auto changes = std::make_shared<archive::User>();
  auto disabled = std::make_shared<bool>(false);
  auto enabled = std::make_shared<bool>(false);
  cmd->add_option("username", *username, "Login name")->required();
  auto* name = cmd->add_option("--name", changes->display_name, "Full name");
  auto* role = cmd->add_option("--role", changes->role, "admin, staff or readonly")
                   ->check(CLI::IsMember({"admin", "staff", "readonly"}));
  auto* disable = cmd->add_flag("--disable", *disabled, "The user may no longer sign in");
  cmd->add_flag("--enable", *enabled, "The user may sign in again")->excludes(disable);
  OnRunAs(cmd, ctx, [=](DataDir& dir, const archive::Actor& actor) {
    auto user = dir.catalog().FindUser(*username);
    if (!user.ok()) return Fail(user.status());
    if (name->count() > 0) user->display_name = changes->display_name;
    if (role->count() > 0) user->role = changes->role;
    if (*disabled) user->disabled = true;
    if (*enabled) user->disabled = false;
    auto updated = dir.catalog().UpdateUser(actor, *user);
    if (!updated.ok()) return Fail(updated.status());
    std::cout << "Updated user '" << updated->username << "' (" << updated->role
              << (updated->disabled ? ", disabled" : "") << ").\n";
    return kExitOk;
  });
}

void AddTokenCommands(CLI::App& group, Context& ctx) {
  auto* tokens = group.add_subcommand("token", "API tokens of a user, for scripts");
  tokens->require_subcommand(1);

  auto* create = tokens->add_subcommand("create", "Create a token; its secret is shown once");
  auto owner = std::make_shared<std::string>();
  auto label = std::make_shared<std::string>();
  create->add_option("username", *owner, "Whose token it is")->required();
  create->add_option("--label", *label, "What the token is for")->required();
  OnRunAs(create, ctx, [=](DataDir& dir, const archive::Actor& actor) {
    auto user = dir.catalog().FindUser(*owner);
    if (!user.ok()) return Fail(user.status());
    auto issued = dir.catalog().CreateToken(actor, user->id, *label);
    if (!issued.ok()) return Fail(issued.status());
    std::cout << "Created token " << issued->token.id << " for '" << user->username << "' ("
              << issued->token.name << "). Its secret is shown only this once:\n"
              << issued->secret << "\n";
    return kExitOk;
  });

  auto* list = tokens->add_subcommand("list", "List a user's tokens (never their secrets)");
  auto listed = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  list->add_option("username", *listed, "Whose tokens")->required();
  list->add_flag("--json", *json, "Print JSON");
  OnRun(list, ctx, [=](DataDir& dir) {
    auto user = dir.catalog().FindUser(*listed);
    if (!user.ok()) return Fail(user.status());
    auto found = dir.catalog().ListTokens(user->id);
    if (!found.ok()) return Fail(found.status());
    if (*json) {
      std::cout << archive::ToJson(*found, 2) << "\n";
    } else {
      PrintTokenTable(std::cout, *found);
    }
    return kExitOk;
  });

  auto* revoke = tokens->add_subcommand("revoke", "Revoke a token for good");
  auto id = std::make_shared<archive::Id>(0);
  revoke->add_option("id", *id, "Token ID (see `akte user token list`)")->required();
  OnRunAs(revoke, ctx, [=](DataDir& dir, const archive::Actor& actor) {
    if (Status s = dir.catalog().RevokeToken(actor, *id); !s.ok()) return Fail(s);
    std::cout << "Revoked token " << *id << ".\n";
    return kExitOk;
  });
}

void AddUserCommands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("user", "Users who work with akte, their passwords and tokens");
  group->require_subcommand(1);
  auto* add = group->add_subcommand("add", "Add a user");
  auto user = std::make_shared<archive::User>();
  add->add_option("username", user->username, "Login name")->required();
  add->add_option("--name", user->display_name, "Full name");
  add->add_option("--role", user->role, "admin, staff or readonly")
      ->check(CLI::IsMember({"admin", "staff", "readonly"}));
  // Like `init`, a new user gets a one-time password to sign in with.
  OnRunAs(add, ctx, [user](DataDir& dir, const archive::Actor& actor) {
    auto created = dir.catalog().AddUser(actor, *user);
    if (!created.ok()) return Fail(created.status());
    const std::string password = archive::Catalog::GeneratePassword();
    if (Status set = dir.catalog().SetPassword(actor, created->id, password); !set.ok()) {
      return Fail(set.WithContext("added '" + created->username +
                                  "', but not a password (set one with `akte user passwd " +
                                  created->username + " --generate`)"));
    }
    std::cout << "Added user '" << created->username << "' (" << created->role << ").\n"
              << "Initial password for '" << created->username << "': " << password
              << " — change it with `akte user passwd " << created->username << "`\n";
    return kExitOk;
  });
  auto* list = group->add_subcommand("list", "List users");
  auto json = std::make_shared<bool>(false);
  list->add_flag("--json", *json, "Print JSON");
  OnRun(list, ctx, [json](DataDir& dir) {
    auto users = dir.catalog().ListUsers();
    if (!users.ok()) return Fail(users.status());
    if (*json) {
      std::cout << archive::ToJson(*users, 2) << "\n";
      return kExitOk;
    }
    for (const auto& u : *users) {
      std::cout << u.username << "\t" << u.display_name << "\t" << u.role
                << (u.disabled ? "\tdisabled" : "") << "\n";
    }
    return kExitOk;
  });
  AddUserEdit(*group, ctx);
  AddUserPasswd(*group, ctx);
  AddTokenCommands(*group, ctx);
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
