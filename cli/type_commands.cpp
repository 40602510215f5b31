// akte type list|add|rename|retire: the document and event types to choose from.
#include <iostream>
#include <nlohmann/json.hpp>

#include "context.h"

namespace akte::cli {
namespace {

using archive::DataDir;
using archive::TypeList;

struct Kind {
  const char* word;  // as typed: "document", "event"
  TypeList list;
};
constexpr Kind kKinds[] = {{"document", TypeList::kDocument}, {"event", TypeList::kEvent}};

const Kind& KindNamed(const std::string& word) { return word == "event" ? kKinds[1] : kKinds[0]; }

// The positional "document|event" argument every subcommand takes.
CLI::Option* AddKindOption(CLI::App* cmd, std::string& kind) {
  return cmd->add_option("kind", kind, "document or event")
      ->check(CLI::IsMember({"document", "event"}));
}

void AddTypeList(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand(
      "list", "List the types that can be chosen (both lists, one type a line, without a kind)");
  auto kind = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  AddKindOption(cmd, *kind);
  cmd->add_flag("--json", *json, "Print JSON");
  OnRun(cmd, ctx, [=](DataDir& dir) {
    nlohmann::json lists = nlohmann::json::object();
    for (const Kind& k : kKinds) {
      if (!kind->empty() && *kind != k.word) continue;
      auto types = dir.catalog().Types(k.list);
      if (!types.ok()) return Fail(types.status());
      lists[k.word] = *types;
      if (*json) continue;
      for (const auto& name : *types) {
        if (kind->empty()) std::cout << k.word << "\t";
        std::cout << name << "\n";
      }
    }
    if (*json) std::cout << (kind->empty() ? lists : lists[*kind]).dump(2) << "\n";
    return kExitOk;
  });
}

void AddTypeAdd(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand(
      "add", "Add a type, or bring back a retired one (1-60 characters, no '/')");
  auto kind = std::make_shared<std::string>();
  auto name = std::make_shared<std::string>();
  AddKindOption(cmd, *kind)->required();
  cmd->add_option("name", *name, "The type's name, e.g. Wartungsbericht")->required();
  OnRunAs(cmd, ctx, [=](DataDir& dir, const archive::Actor& actor) {
    const Kind& k = KindNamed(*kind);
    auto stored = dir.catalog().AddType(actor, k.list, *name);
    if (!stored.ok()) return Fail(stored.status());
    std::cout << "Added " << k.word << " type '" << *stored << "'.\n";
    return kExitOk;
  });
}

void AddTypeRetire(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand(
      "retire", "Retire a type: records keep it, but it can no longer be chosen");
  auto kind = std::make_shared<std::string>();
  auto name = std::make_shared<std::string>();
  AddKindOption(cmd, *kind)->required();
  cmd->add_option("name", *name, "The type's name (any case)")->required();
  OnRunAs(cmd, ctx, [=](DataDir& dir, const archive::Actor& actor) {
    const Kind& k = KindNamed(*kind);
    if (Status retired = dir.catalog().RetireType(actor, k.list, *name); !retired.ok()) {
      return Fail(retired);
    }
    std::cout << "Retired " << k.word << " type '" << *name << "'; " << k.word
              << "s that have it keep it.\n";
    return kExitOk;
  });
}

void AddTypeRename(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand(
      "rename", "Rename a type: every document or event of that type keeps it under the new name");
  auto kind = std::make_shared<std::string>();
  auto from = std::make_shared<std::string>();
  auto to = std::make_shared<std::string>();
  AddKindOption(cmd, *kind)->required();
  cmd->add_option("old", *from, "The type's name now (any case)")->required();
  cmd->add_option("new", *to, "Its new name (1-60 characters, no '/')")->required();
  OnRunAs(cmd, ctx, [=](DataDir& dir, const archive::Actor& actor) {
    const Kind& k = KindNamed(*kind);
    auto stored = dir.catalog().RenameType(actor, k.list, *from, *to);
    if (!stored.ok()) return Fail(stored.status());
    std::cout << "Renamed " << k.word << " type '" << *from << "' to '" << *stored << "'; "
              << k.word << "s that have it keep it under the new name.\n";
    return kExitOk;
  });
}

}  // namespace

void AddTypeCommands(CLI::App& app, Context& ctx) {
  auto* group =
      app.add_subcommand("type", "Document and event types (Dokumentarten, Ereignisarten)");
  group->require_subcommand(1);
  AddTypeList(*group, ctx);
  AddTypeAdd(*group, ctx);
  AddTypeRename(*group, ctx);
  AddTypeRetire(*group, ctx);
}

}  // namespace akte::cli
