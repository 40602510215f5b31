// akte import-samples, akte demo: the bundled sample firm.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

#include "akte/indexer/firm_import.h"
#include "context.h"
#include "extraction.h"
#include "serving.h"

namespace akte::cli {
namespace {

namespace fs = std::filesystem;
using archive::DataDir;

// The login `akte demo` made, kept in the data directory (readable by its
// owner only) so that every later run can show it again.
constexpr const char* kDemoLoginFile = "demo-login.txt";

fs::path DefaultSamples() {
  // Generated at build time by samples/generate.py (see samples/README.md).
  return AKTE_SAMPLES_DIR;
}

Result<fs::path> ManifestIn(const fs::path& samples) {
  const fs::path manifest = samples / "manifest.json";
  std::error_code ec;
  if (!fs::exists(manifest, ec)) {
    return Status::NotFound("no sample firm at " + samples.string() +
                            " (generate it with `python3 samples/generate.py " + samples.string() +
                            "`, or pass --from)");
  }
  return manifest;
}

void PrintReport(const indexer::FirmImportReport& r) {
  std::cout << "Loaded " << r.customers << " customers and prospects, " << r.contacts
            << " contacts, " << r.records << " business records and payments, " << r.conditions
            << " conditions, " << r.documents << " documents, " << r.mail_messages << " emails, "
            << r.notes << " notes and " << r.events << " history events; " << r.users
            << " users added.\n";
}

// Loads the samples into `dir` and extracts and indexes everything.
int LoadSamples(DataDir& dir, const archive::Actor& actor, const fs::path& manifest) {
  auto options = PipelineOptionsFor(dir);
  if (!options.ok()) return Fail(options.status());
  auto report = indexer::ImportFirm(dir, actor, manifest, *options);
  if (!report.ok()) return Fail(report.status());
  PrintReport(*report);
  return ExtractAndReport(dir);
}

void AddImportSamples(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "import-samples", "Load the sample firm into a data directory that has no customers yet");
  auto from = std::make_shared<std::string>(DefaultSamples());
  cmd->add_option("--from", *from, "The generated samples (a folder with manifest.json)");
  OnRunAs(cmd, ctx, [from](DataDir& dir, const archive::Actor& actor) {
    auto manifest = ManifestIn(*from);
    if (!manifest.ok()) return Fail(manifest.status());
    return LoadSamples(dir, actor, *manifest);
  });
}

// A new data directory at `root` with the samples loaded, made beside it
// and renamed into place when complete: an interrupted first run leaves no
// half-loaded directory behind, and the next run starts over.
Status CreateDemo(const fs::path& root, const fs::path& manifest_path) {
  std::ifstream in(manifest_path);
  nlohmann::json manifest = nlohmann::json::parse(in, nullptr, false);
  archive::User admin;
  for (const auto& user : manifest.value("users", nlohmann::json::array())) {
    if (user.value("role", "") == archive::kRoleAdmin) {
      admin.username = user.value("username", "");
      admin.display_name = user.value("display_name", "");
      break;
    }
  }
  if (admin.username.empty()) {
    return Status::InvalidArgument(manifest_path.string() + " names no admin user");
  }
  const fs::path loading = root.string() + ".loading";
  std::error_code ec;
  fs::remove_all(loading, ec);
  {
    AKTE_ASSIGN_OR_RETURN(auto dir, DataDir::Initialize(loading, admin));
    AKTE_ASSIGN_OR_RETURN(auto actor, dir->catalog().ActorFor(admin.username));
    const std::string password = archive::Catalog::GeneratePassword();
    AKTE_RETURN_IF_ERROR(dir->catalog().SetPassword(std::nullopt, actor.user_id, password));
    const fs::path login = loading / kDemoLoginFile;
    {
      std::ofstream out(login);
      out << admin.username << "\n" << password << "\n";
      if (!out.flush()) return Status::IoError("cannot write " + login.string());
    }
    fs::permissions(login, fs::perms::owner_read | fs::perms::owner_write, ec);
    if (int code = LoadSamples(*dir, actor, manifest_path); code != kExitOk) {
      return Status::Internal("loading the samples failed (see above); nothing was kept");
    }
  }
  fs::rename(loading, root, ec);
  if (ec)
    return Status::FromErrno(ec.value(), "rename " + loading.string() + " to " + root.string());
  return Status::Ok();
}

void PrintWelcome(const fs::path& root, const std::string& url, const fs::path& manifest_path) {
  std::ifstream login(root / kDemoLoginFile);
  std::string username, password;
  std::getline(login, username);
  std::getline(login, password);
  std::cout << "\nakte demo: the sample firm in " << root.string() << "\n"
            << "  Open      " << url << "\n";
  if (!username.empty()) {
    std::cout << "  Log in as " << username << " / " << password << "\n";
  }
  std::ifstream in(manifest_path);
  nlohmann::json manifest = nlohmann::json::parse(in, nullptr, false);
  if (manifest.is_object() && manifest.contains("expected")) {
    std::cout << "  Try these searches:\n";
    for (const auto& search : manifest["expected"].value("searches", nlohmann::json::array())) {
      std::cout << "    " << search.value("query", "") << "\n";
    }
  }
  std::cout << std::endl;
}

void AddDemo(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "demo", "Load the sample firm into a new data directory (once) and serve it");
  auto flags = std::make_shared<ServeFlags>();
  auto from = std::make_shared<std::string>(DefaultSamples());
  AddServeFlags(cmd, *flags);
  cmd->add_option("--from", *from, "The generated samples (a folder with manifest.json)");
  cmd->callback([&ctx, flags, from] {
    ctx.run = [&ctx, flags, from]() -> int {
      auto manifest = ManifestIn(*from);
      if (!manifest.ok()) return Fail(manifest.status());
      const fs::path root = ctx.data_dir;
      std::error_code ec;
      if (fs::exists(root / "catalog.db", ec)) {
        std::cout << root.string() << " exists; serving it as it is.\n";
      } else if (fs::exists(root, ec) && !fs::is_empty(root, ec)) {
        return Fail(Status::FailedPrecondition(root.string() +
                                               " is not empty and not an akte data directory"));
      } else {
        if (fs::exists(root, ec)) fs::remove(root, ec);  // empty: the rename replaces it
        if (Status made = CreateDemo(root, *manifest); !made.ok()) return Fail(made);
      }
      auto dir = OpenDataDir(ctx);
      if (!dir.ok()) return Fail(dir.status());
      return Serve(**dir, *flags,
                   [&](const std::string& url) { PrintWelcome(root, url, *manifest); });
    };
  });
}

}  // namespace

void AddDemoCommands(CLI::App& app, Context& ctx) {
  AddImportSamples(app, ctx);
  AddDemo(app, ctx);
}

}  // namespace akte::cli
