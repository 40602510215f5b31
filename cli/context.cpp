#include "context.h"

#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include "printer.h"

namespace akte::cli {

int ExitCodeFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return kExitOk;
    case StatusCode::kInvalidArgument:
    case StatusCode::kUnsupportedFormat:
    case StatusCode::kTooLarge:
      return kExitInvalidInput;
    case StatusCode::kNotFound:
      return kExitNotFound;
    case StatusCode::kAlreadyExists:
    case StatusCode::kFailedPrecondition:
      return kExitConflict;
    case StatusCode::kCorruption:
      return kExitDamaged;
    case StatusCode::kIoError:
    case StatusCode::kNoSpace:
      return kExitIo;
    case StatusCode::kPermissionDenied:
    case StatusCode::kUnauthenticated:
      return kExitDenied;
    case StatusCode::kUnavailable:
      return kExitBusy;
    case StatusCode::kInternal:
      return kExitInternal;
  }
  return kExitInternal;
}

int Fail(const Status& status) {
  std::cerr << "akte: " << status.message() << "\n";
  return ExitCodeFor(status.code());
}

Result<std::unique_ptr<archive::DataDir>> OpenDataDir(const Context& ctx) {
  return archive::DataDir::Open(ctx.data_dir);
}

Result<archive::Actor> ResolveActor(archive::DataDir& dir, const Context& ctx) {
  std::string name = ctx.user;
  if (name.empty()) {
    if (const char* env = std::getenv("AKTE_USER"); env && *env) name = env;
  }
  if (!name.empty()) return dir.catalog().ActorFor(name);
  AKTE_ASSIGN_OR_RETURN(auto users, dir.catalog().ListUsers());
  for (const auto& user : users) {
    if (user.role == archive::kRoleAdmin && !user.disabled) {
      return archive::Actor{user.id, user.username};
    }
  }
  return Status::NotFound("no active admin user; name one with --user");
}

Result<archive::Customer> CustomerByNumber(archive::DataDir& dir, const std::string& number) {
  return dir.catalog().FindCustomerByNumber(number);
}

Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  if (in.bad()) return Status::IoError("cannot read " + path);
  return buffer.str();
}

void OnRun(CLI::App* cmd, Context& ctx, DirBody body) {
  cmd->callback([&ctx, body = std::move(body)] {
    // CLI11 calls a subcommand's callback before its group's: a group that
    // also runs alone (`akte inbox`) must not replace the subcommand.
    if (ctx.run) return;
    ctx.run = [&ctx, body]() -> int {
      auto dir = OpenDataDir(ctx);
      if (!dir.ok()) return Fail(dir.status());
      return body(**dir);
    };
  });
}

std::string LocalToday() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char day[32];
  std::strftime(day, sizeof day, "%Y-%m-%d", &local);
  return day;
}

int WriteOutput(const std::string& path, std::string_view bytes) {
  if (path.empty()) {
    std::cout << bytes;
    std::cout.flush();
    return std::cout ? kExitOk : Fail(Status::IoError("cannot write to standard output"));
  }
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  file.close();
  if (!file) return Fail(Status::FromErrno(errno, "cannot write " + path));
  return kExitOk;
}

void AddCsvImport(CLI::App& parent, Context& ctx, const std::string& name,
                  const std::string& description, const std::string& what, CsvImporter import) {
  auto* cmd = parent.add_subcommand(name, description);
  auto path = std::make_shared<std::string>();
  auto dry_run = std::make_shared<bool>(false);
  cmd->add_option("file", *path, "The file to import")->required();
  cmd->add_flag("--dry-run", *dry_run, "Check the file, import nothing");
  OnRunAs(cmd, ctx,
          [path, dry_run, what, import](archive::DataDir& dir, const archive::Actor& actor) {
            auto bytes = ReadWholeFile(*path);
            if (!bytes.ok()) return Fail(bytes.status());
            auto report = import(dir.catalog(), actor, *bytes, {*dry_run});
            if (!report.ok()) return Fail(report.status());
            return PrintImportReport(*report, *dry_run, what.c_str());
          });
}

void OnRunAs(CLI::App* cmd, Context& ctx, ActorBody body) {
  OnRun(cmd, ctx, [&ctx, body = std::move(body)](archive::DataDir& dir) -> int {
    auto actor = ResolveActor(dir, ctx);
    if (!actor.ok()) return Fail(actor.status());
    return body(dir, *actor);
  });
}

}  // namespace akte::cli
