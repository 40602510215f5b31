// akte extract, extract-worker, doc import, mail import, inbox, settings.
#include <unistd.h>

#include <atomic>
#include <iostream>
#include <thread>

#include "akte/archive/folder_import.h"
#include "akte/archive/mail_sending.h"
#include "akte/indexer/extract_worker.h"
#include "akte/indexer/pipeline.h"
#include "context.h"
#include "extraction.h"
#include "printer.h"

namespace akte::cli {
namespace {

using archive::DataDir;

void AddExtract(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("extract", "Extract the text of every pending document");
  auto retry = std::make_shared<bool>(false);
  cmd->add_flag("--retry-failed", *retry, "Try documents whose extraction failed again");
  OnRunAs(cmd, ctx, [retry](DataDir& dir, const archive::Actor& actor) {
    if (*retry) {
      auto reset = dir.catalog().ResetFailed(actor);
      if (!reset.ok()) return Fail(reset.status());
      std::cout << *reset << " failed documents will be tried again.\n";
    }
    return ExtractAndReport(dir);
  });
}

void AddExtractWorker(CLI::App& app, Context& ctx) {
  // Internal: the sandboxed process the pipeline starts; not for people.
  auto* cmd = app.add_subcommand("extract-worker", "");
  cmd->group("");
  auto memory = std::make_shared<std::uint64_t>(0);
  cmd->add_option("--memory", *memory, "Address space limit in bytes");
  cmd->callback([&ctx, memory] {
    ctx.run = [memory] { return indexer::RunExtractWorker(STDIN_FILENO, STDOUT_FILENO, *memory); };
  });
}

void AddDocImport(CLI::App& parent, Context& ctx) {
  auto* cmd = parent.add_subcommand(
      "import", "File every document of a folder (recursively) or a zip for a customer");
  auto customer = std::make_shared<std::string>();
  auto source = std::make_shared<std::string>();
  auto type = std::make_shared<std::string>();
  cmd->add_option("customer", *customer, "Customer number")->required();
  cmd->add_option("source", *source, "Folder, or a zip/tar bundle")
      ->required()
      ->check(CLI::ExistingPath);
  cmd->add_option("--type", *type, "Document type for all of them (default Sonstiges)");
  auto no_index = std::make_shared<bool>(false);
  cmd->add_flag("--no-index", *no_index,
                "Extract now, index at the next search (or with `akte reindex`)");
  OnRunAs(cmd, ctx, [=](DataDir& dir, const archive::Actor& actor) {
    auto target = CustomerByNumber(dir, *customer);
    if (!target.ok()) return Fail(target.status());
    // File in this thread while the pipeline extracts what is already filed.
    std::atomic<bool> filing{true};
    int extracted = kExitOk;
    std::thread extraction([&] {
      extracted = ExtractAndReport(
          dir, [&] { return filing.load(); }, !*no_index);
    });
    auto imported = archive::ImportFolder(dir, actor, target->id, *source, *type);
    filing = false;
    extraction.join();
    if (!imported.ok()) return Fail(imported.status());
    std::cout << "Filed " << imported->stored << " new documents for " << target->number << " ("
              << imported->already_stored << " were already there";
    if (imported->skipped) {
      std::cout << ", " << imported->skipped << " links or system files skipped";
    }
    std::cout << ").\n";
    return extracted;
  });
}

void AddMailImport(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("mail", "Emails");
  group->require_subcommand(1);
  auto* cmd = group->add_subcommand(
      "import", "File every message of an mbox file or Maildir, by the customers' addresses");
  auto source = std::make_shared<std::string>();
  cmd->add_option("source", *source, "mbox file or Maildir folder")
      ->required()
      ->check(CLI::ExistingPath);
  OnRunAs(cmd, ctx, [source](DataDir& dir, const archive::Actor& actor) {
    auto options = PipelineOptionsFor(dir);
    if (!options.ok()) return Fail(options.status());
    indexer::ExtractionPipeline pipeline(dir, *options);
    auto ids = pipeline.ImportMailbox(actor, *source);
    if (!ids.ok()) return Fail(ids.status());
    std::cout << "Stored " << ids->size() << " new messages.\n";
    int code = ExtractAndReport(dir);
    auto inbox = dir.catalog().Inbox();
    if (inbox.ok() && !inbox->empty()) {
      std::cout << inbox->size() << " documents wait in the inbox for a customer: akte inbox\n";
    }
    return code;
  });
}

void AddInbox(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("inbox", "Documents and emails not yet filed under a customer");
  auto* list = group->add_subcommand("list", "List the inbox (the default)");
  auto show = [](DataDir& dir) {
    auto inbox = dir.catalog().Inbox();
    if (!inbox.ok()) return Fail(inbox.status());
    PrintInbox(std::cout, *inbox);
    return kExitOk;
  };
  OnRun(list, ctx, show);
  OnRun(group, ctx, show);
  AddSuggestCommand(*group, ctx);
  auto* assign = group->add_subcommand("assign", "File an inbox document under a customer");
  auto document = std::make_shared<archive::Id>(0);
  auto customer = std::make_shared<std::string>();
  assign->add_option("document", *document, "Document id")->required();
  assign->add_option("customer", *customer, "Customer number")->required();
  OnRunAs(assign, ctx, [=](DataDir& dir, const archive::Actor& actor) {
    auto target = CustomerByNumber(dir, *customer);
    if (!target.ok()) return Fail(target.status());
    auto filed = indexer::AssignFromInbox(dir, actor, *document, target->id);
    if (!filed.ok()) return Fail(filed.status());
    std::cout << "Filed document " << filed->id << " under " << target->number << ".\n";
    return kExitOk;
  });
}

void AddSettings(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("settings", "Firm-wide settings");
  group->require_subcommand(1);
  auto* set = group->add_subcommand("set", "Set a setting (see README for the keys)");
  auto key = std::make_shared<std::string>();
  auto value = std::make_shared<std::string>();
  set->add_option("key", *key, "Setting name")->required();
  set->add_option("value", *value, "New value")->required();
  OnRunAs(set, ctx, [=](DataDir& dir, const archive::Actor& actor) {
    if (Status valid = indexer::CheckLimitSetting(*key, *value); !valid.ok()) return Fail(valid);
    if (Status stored = dir.catalog().SetSetting(actor, *key, *value); !stored.ok()) {
      return Fail(stored);
    }
    std::cout << *key << " = " << (archive::IsSecretSetting(*key) ? "(secret)" : *value) << "\n";
    return kExitOk;
  });
  auto* get = group->add_subcommand("get", "Show a setting");
  auto get_key = std::make_shared<std::string>();
  get->add_option("key", *get_key, "Setting name")->required();
  OnRun(get, ctx, [get_key](DataDir& dir) {
    auto value = dir.catalog().GetSetting(*get_key);
    if (!value.ok()) return Fail(value.status());
    if (!*value) return Fail(Status::NotFound(*get_key + " is not set"));
    std::cout << **value << "\n";
    return kExitOk;
  });
}

}  // namespace

void AddExtractionCommands(CLI::App& app, Context& ctx) {
  AddExtract(app, ctx);
  AddExtractWorker(app, ctx);
  AddMailImport(app, ctx);
  AddInbox(app, ctx);
  AddSettings(app, ctx);
}

void AddDocImportCommand(CLI::App& doc, Context& ctx) { AddDocImport(doc, ctx); }

}  // namespace akte::cli
