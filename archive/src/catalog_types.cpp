// Catalog: the configurable lists of document and event types, which admins
// extend, rename and retire. A type row is never deleted: documents and
// events refer to it by id and keep it when it is renamed or retired.
#include <algorithm>
#include <array>
#include <string>

#include "akte/archive/catalog.h"
#include "encoding.h"
#include "json_codec.h"
#include "sqlite_db.h"
#include "validation.h"

namespace akte::archive {
namespace {

constexpr std::size_t kMaxTypeName = 60;  // characters (code points)

// What differs between the two lists. The table is chosen from this fixed
// set, never built from input.
struct ListInfo {
  std::string_view table;
  std::string_view entity;  // in the audit log
  std::string_view what;    // in messages
  // The records of that type: their table and their kind in the change feed.
  std::string_view items;
  std::string_view item_entity;
  // The types akte gives records itself (a document without a type, a
  // mail and its history entries, a follow-up or task done, a prospect's
  // status change): they must stay choosable under their name. An empty
  // name fills a list that has fewer.
  std::array<std::string_view, 5> built_in;
};

constexpr ListInfo kDocumentTypes = {"document_types", "document_type", "document type",
                                     "documents",      "document",      {"Sonstiges", "E-Mail"}};
constexpr ListInfo kEventTypes = {
    "event_types",
    "event_type",
    "event type",
    "events",
    "event",
    {"E-Mail eingehend", "E-Mail ausgehend", "Wiedervorlage", "Statuswechsel", "Aufgabe"}};

const ListInfo& InfoFor(TypeList list) {
  return list == TypeList::kDocument ? kDocumentTypes : kEventTypes;
}

// A stored type: its row, its name as stored, whether it is retired.
struct TypeRow {
  Id id = 0;
  std::string name;
  bool retired = false;
};

Result<std::optional<TypeRow>> FindType(sql::Connection& conn, const ListInfo& info,
                                        std::string_view name) {
  AKTE_ASSIGN_OR_RETURN(auto stmt,
                        conn.Prepare("SELECT id, name, retired FROM " + std::string(info.table) +
                                     " WHERE name = ? COLLATE NOCASE"));
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(name).Step());
  if (!row) return std::optional<TypeRow>();
  return std::optional<TypeRow>(TypeRow{stmt.Int(0), stmt.Text(1), stmt.Int(2) != 0});
}

std::size_t CodePoints(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }));
}

Status ValidateTypeName(const ListInfo& info, std::string& name) {
  name = Trim(name);
  const std::string what(info.what);
  if (name.empty()) return Status::InvalidArgument("a " + what + " needs a name", "name");
  if (!IsValidUtf8(name) || std::any_of(name.begin(), name.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
      })) {
    return Status::InvalidArgument("a " + what + " name must be text without control characters",
                                   "name");
  }
  // A type is addressed by its name as one segment of an API path, where
  // even an encoded '/' is read as a separator.
  if (name.find('/') != std::string::npos) {
    return Status::InvalidArgument("a " + what + " name cannot contain '/'", "name");
  }
  if (CodePoints(name) > kMaxTypeName) {
    return Status::InvalidArgument(
        "a " + what + " name has at most " + std::to_string(kMaxTypeName) + " characters", "name");
  }
  return Status::Ok();
}

std::string TypeJson(const TypeRow& type) {
  return nlohmann::json{{"name", type.name}, {"retired", type.retired}}.dump();
}

// FailedPrecondition for a type akte gives records itself.
Status CheckNotBuiltIn(const ListInfo& info, const TypeRow& type, std::string_view what_happens) {
  for (std::string_view built_in : info.built_in) {
    if (!built_in.empty() && type.name == built_in) {
      return Status::FailedPrecondition("akte itself gives records the " + std::string(info.what) +
                                        " '" + type.name + "'; it cannot be " +
                                        std::string(what_happens));
    }
  }
  return Status::Ok();
}

Status SetRetired(sql::Connection& conn, const ListInfo& info, Id id, bool retired) {
  AKTE_ASSIGN_OR_RETURN(auto update, conn.Prepare("UPDATE " + std::string(info.table) +
                                                  " SET retired = ? WHERE id = ?"));
  return update.Bind(retired ? 1 : 0, id).Run();
}

}  // namespace

Result<std::vector<std::string>> Catalog::Types(TypeList list) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(auto stmt,
                        conn->Prepare("SELECT name FROM " + std::string(InfoFor(list).table) +
                                      " WHERE retired = 0 ORDER BY id"));
  std::vector<std::string> names;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    names.push_back(stmt.Text(0));
  }
  return names;
}

Result<std::vector<std::string>> Catalog::DocumentTypes() { return Types(TypeList::kDocument); }

Result<std::vector<std::string>> Catalog::EventTypes() { return Types(TypeList::kEvent); }

Result<std::string> Catalog::AddType(const Actor& by, TypeList list, std::string name) {
  const ListInfo& info = InfoFor(list);
  AKTE_RETURN_IF_ERROR(ValidateTypeName(info, name));
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(auto existing, FindType(conn, info, name));
  TypeRow stored;
  if (!existing) {
    AKTE_ASSIGN_OR_RETURN(
        auto insert, conn.Prepare("INSERT INTO " + std::string(info.table) + "(name) VALUES (?)"));
    AKTE_RETURN_IF_ERROR(insert.Bind(name).Run());
    stored = TypeRow{conn.LastInsertId(), name, false};
    AKTE_RETURN_IF_ERROR(
        WriteAudit(conn, by, "create", info.entity, stored.id, "", TypeJson(stored)));
  } else if (existing->retired) {
    AKTE_RETURN_IF_ERROR(SetRetired(conn, info, existing->id, false));
    stored = TypeRow{existing->id, existing->name, false};
    AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, "restore", info.entity, stored.id,
                                    TypeJson(*existing), TypeJson(stored)));
  } else {
    return Status(StatusCode::kAlreadyExists,
                  "the " + std::string(info.what) + " '" + existing->name + "' exists already",
                  "name");
  }
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return stored.name;
}

Status Catalog::RetireType(const Actor& by, TypeList list, std::string_view name) {
  const ListInfo& info = InfoFor(list);
  const std::string trimmed = Trim(name);
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(auto existing, FindType(conn, info, trimmed));
  if (!existing || existing->retired) {
    return Status::NotFound("there is no " + std::string(info.what) + " '" + trimmed + "'");
  }
  AKTE_RETURN_IF_ERROR(CheckNotBuiltIn(info, *existing, "retired"));
  AKTE_RETURN_IF_ERROR(SetRetired(conn, info, existing->id, true));
  TypeRow retired = *existing;
  retired.retired = true;
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, "retire", info.entity, retired.id, TypeJson(*existing),
                                  TypeJson(retired)));
  return tx.Commit();
}

Result<std::string> Catalog::RenameType(const Actor& by, TypeList list, std::string_view from,
                                        std::string to) {
  const ListInfo& info = InfoFor(list);
  const std::string old_name = Trim(from);
  AKTE_RETURN_IF_ERROR(ValidateTypeName(info, to));
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(auto existing, FindType(conn, info, old_name));
  if (!existing) {
    return Status::NotFound("there is no " + std::string(info.what) + " '" + old_name + "'");
  }
  AKTE_RETURN_IF_ERROR(CheckNotBuiltIn(info, *existing, "renamed"));
  AKTE_ASSIGN_OR_RETURN(auto clash, FindType(conn, info, to));
  if (clash && clash->id != existing->id) {
    return Status(StatusCode::kAlreadyExists,
                  "the " + std::string(info.what) + " '" + clash->name + "' exists already" +
                      (clash->retired ? " (retired)" : ""),
                  "name");
  }
  if (to == existing->name) return existing->name;
  {
    AKTE_ASSIGN_OR_RETURN(auto update, conn.Prepare("UPDATE " + std::string(info.table) +
                                                    " SET name = ? WHERE id = ?"));
    AKTE_RETURN_IF_ERROR(update.Bind(to, existing->id).Run());
  }
  // The records keep their type by id; their index entries carry the name,
  // so the index writer must build them again.
  {
    AKTE_ASSIGN_OR_RETURN(auto reindex,
                          conn.Prepare("INSERT INTO changes(entity, entity_id) SELECT ?, id FROM " +
                                       std::string(info.items) + " WHERE type_id = ? ORDER BY id"));
    AKTE_RETURN_IF_ERROR(reindex.Bind(info.item_entity, existing->id).Run());
  }
  TypeRow renamed = *existing;
  renamed.name = to;
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, "rename", info.entity, renamed.id, TypeJson(*existing),
                                  TypeJson(renamed)));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return renamed.name;
}

}  // namespace akte::archive
