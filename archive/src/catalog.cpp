// Catalog: opening, users, settings, custom fields, audit, change feed and
// integrity checks. Customers, contacts, the file's items, credentials and
// the configurable lists of types live in catalog_customers.cpp,
// catalog_contacts.cpp, catalog_items.cpp, catalog_credentials.cpp and
// catalog_types.cpp.
#include "akte/archive/catalog.h"

#include <sstream>

#include "akte/archive/mail_sending.h"
#include "catalog_rows.h"
#include "json_codec.h"
#include "schema.h"
#include "sqlite_db.h"
#include "validation.h"

namespace akte::archive {
namespace {

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

std::string JoinLines(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& line : lines) out += line + "\n";
  return out;
}

}  // namespace

std::string Customer::DisplayName() const {
  if (!company.empty()) return legal_form.empty() ? company : company + " " + legal_form;
  return first_name.empty() ? last_name : first_name + " " + last_name;
}

std::string JoinNonEmpty(const std::vector<std::string>& parts, std::string_view separator) {
  std::string out;
  for (const auto& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += separator;
    out += part;
  }
  return out;
}

std::vector<std::string> DescribeCustomFields(
    const Customer& customer, const std::vector<CustomFieldDefinition>& definitions) {
  std::vector<std::string> lines;
  for (const auto& [slot, value] : customer.custom_fields) {
    for (const auto& definition : definitions) {
      if (definition.slot != slot) continue;
      if (definition.type != "bool") {
        lines.push_back(definition.label + ": " + value);
      } else if (value == "true") {
        lines.push_back(definition.label);
      }
    }
  }
  return lines;
}

std::string Contact::DisplayName() const {
  std::string name = title.empty() ? "" : title + " ";
  return name + (first_name.empty() ? last_name : first_name + " " + last_name);
}

Catalog::Catalog(std::unique_ptr<sql::Database> db, const Clock& clock)
    : db_(std::move(db)), clock_(clock) {}

Catalog::~Catalog() = default;

Result<std::unique_ptr<Catalog>> Catalog::Open(const std::filesystem::path& file,
                                               const Clock& clock) {
  AKTE_ASSIGN_OR_RETURN(auto db, sql::Database::Open(file));
  {
    AKTE_ASSIGN_OR_RETURN(auto conn, db->Acquire());
    AKTE_RETURN_IF_ERROR(Migrate(*conn).WithContext("open catalog " + file.string()));
  }
  return std::unique_ptr<Catalog>(new Catalog(std::move(db), clock));
}

std::string Catalog::Now() const { return FormatUtc(clock_.Now()); }

Result<int> Catalog::SchemaVersion() {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare("PRAGMA user_version"));
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? static_cast<int>(stmt.Int(0)) : 0;
}

Status Catalog::WriteAudit(sql::Connection& conn, const Actor& by, std::string_view action,
                           std::string_view entity, Id entity_id, const std::string& before,
                           const std::string& after) {
  AKTE_ASSIGN_OR_RETURN(
      auto stmt, conn.Prepare("INSERT INTO audit_log(at, user_id, action, entity, entity_id, "
                              "before, after) VALUES (?, ?, ?, ?, ?, ?, ?)"));
  std::optional<Id> user_id = by.user_id > 0 ? std::optional<Id>(by.user_id) : std::nullopt;
  return stmt.Bind(Now(), user_id, action, entity, entity_id, before, after).Run();
}

Result<User> Catalog::AddUser(const std::optional<Actor>& by, User draft) {
  AKTE_RETURN_IF_ERROR(ValidateUser(draft));
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  {
    AKTE_ASSIGN_OR_RETURN(auto exists, conn.Prepare("SELECT 1 FROM users WHERE username = ?"));
    AKTE_ASSIGN_OR_RETURN(bool taken, exists.Bind(draft.username).Step());
    if (taken) {
      return Status(StatusCode::kAlreadyExists, "the username '" + draft.username + "' is taken",
                    "username");
    }
  }
  draft.created_at = Now();
  {
    AKTE_ASSIGN_OR_RETURN(auto insert,
                          conn.Prepare("INSERT INTO users(username, display_name, role, "
                                       "created_at, disabled) VALUES (?, ?, ?, ?, ?)"));
    AKTE_RETURN_IF_ERROR(insert
                             .Bind(draft.username, draft.display_name, draft.role, draft.created_at,
                                   draft.disabled ? 1 : 0)
                             .Run());
  }
  draft.id = conn.LastInsertId();
  Actor actor = by ? *by : Actor{draft.id, draft.username};
  AKTE_RETURN_IF_ERROR(
      WriteAudit(conn, actor, "create", "user", draft.id, "", nlohmann::json(draft).dump()));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return draft;
}

Result<User> Catalog::FindUser(std::string_view username) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(auto stmt,
                        conn->Prepare(std::string(rows::kUserColumns) + "WHERE username = ?"));
  stmt.Bind(username);
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return Status::NotFound("there is no user '" + std::string(username) + "'");
  return rows::ReadUser(stmt);
}

Result<std::vector<User>> Catalog::ListUsers() {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare(std::string(rows::kUserColumns) + "ORDER BY id"));
  std::vector<User> users;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    users.push_back(rows::ReadUser(stmt));
  }
  return users;
}

Result<Actor> Catalog::ActorFor(std::string_view username) {
  AKTE_ASSIGN_OR_RETURN(User user, FindUser(username));
  if (user.disabled) return Status::NotFound("the user '" + user.username + "' is disabled");
  return Actor{user.id, user.username};
}

Result<User> Catalog::GetUser(Id id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  return rows::LoadUser(*conn, id);
}

Result<User> Catalog::UpdateUser(const Actor& by, const User& edited) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(User before, rows::LoadUser(conn, edited.id));
  User user = before;  // the username and creation time stay
  user.display_name = edited.display_name;
  user.role = edited.role;
  user.disabled = edited.disabled;
  AKTE_RETURN_IF_ERROR(ValidateUser(user));
  {
    AKTE_ASSIGN_OR_RETURN(
        auto update,
        conn.Prepare("UPDATE users SET display_name = ?, role = ?, disabled = ? WHERE id = ?"));
    AKTE_RETURN_IF_ERROR(
        update.Bind(user.display_name, user.role, user.disabled ? 1 : 0, user.id).Run());
  }
  auto enabled_admin = [](const User& u) { return u.role == kRoleAdmin && !u.disabled; };
  if (enabled_admin(before) && !enabled_admin(user)) {
    // Counted after the change, inside the (immediate) transaction, so that
    // two concurrent demotions cannot both pass.
    AKTE_ASSIGN_OR_RETURN(auto admins, conn.Prepare("SELECT count(*) FROM users WHERE role = ? "
                                                    "AND disabled = 0"));
    AKTE_ASSIGN_OR_RETURN(bool row, admins.Bind(kRoleAdmin).Step());
    if (!row || admins.Int(0) == 0) {
      return Status::FailedPrecondition("'" + user.username +
                                        "' is the last enabled admin; make another user an "
                                        "admin first");
    }
  }
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, "update", "user", user.id,
                                  nlohmann::json(before).dump(), nlohmann::json(user).dump()));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return user;
}

Status CheckSetting(std::string_view key, std::string_view value) {
  if (key == kTimeZoneSetting) return CheckTimeZoneName(value, std::string(key));
  if (key.starts_with("smtp.") || key.starts_with("history.")) return CheckMailSetting(key, value);
  return Status::Ok();
}

Status Catalog::SetSetting(const Actor& by, std::string_view key, std::string_view value) {
  return UpdateSetting(by, key, value, std::nullopt).status();
}

Result<Setting> Catalog::UpdateSetting(const Actor& by, std::string_view key,
                                       std::string_view value,
                                       std::optional<std::int64_t> expected_version) {
  AKTE_RETURN_IF_ERROR(CheckSetting(key, value));
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  std::string before;
  std::int64_t version = 0;
  {
    AKTE_ASSIGN_OR_RETURN(auto read,
                          conn.Prepare("SELECT value, version FROM settings WHERE key = ?"));
    AKTE_ASSIGN_OR_RETURN(bool row, read.Bind(key).Step());
    if (row) {
      // A secret (smtp.password) is audited only as changed, never in clear.
      before = nlohmann::json{{std::string(key), IsSecretSetting(key) ? "(secret)" : read.Text(0)}}
                   .dump();
      version = read.Int(1);
    }
  }
  if (expected_version && *expected_version != version) {
    return Status::FailedPrecondition("the setting " + std::string(key) +
                                      " was changed meanwhile (now version " +
                                      std::to_string(version) + ")");
  }
  {
    AKTE_ASSIGN_OR_RETURN(
        auto upsert, conn.Prepare("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) "
                                  "DO UPDATE SET value = excluded.value, version = version + 1"));
    AKTE_RETURN_IF_ERROR(upsert.Bind(key, value).Run());
  }
  const std::string audited = IsSecretSetting(key) ? "(secret)" : std::string(value);
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, "update", "setting", 0, before,
                                  nlohmann::json{{std::string(key), audited}}.dump()));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return Setting{std::string(key), std::string(value), version + 1};
}

Result<std::optional<std::string>> Catalog::GetSetting(std::string_view key) {
  AKTE_ASSIGN_OR_RETURN(auto all, ListSettings());
  for (auto& setting : all) {
    if (setting.key == key) return std::optional<std::string>(std::move(setting.value));
  }
  return std::optional<std::string>();
}

Result<std::vector<Setting>> Catalog::ListSettings() {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(auto stmt,
                        conn->Prepare("SELECT key, value, version FROM settings ORDER BY key"));
  std::vector<Setting> settings;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    settings.push_back(Setting{stmt.Text(0), stmt.Text(1), stmt.Int(2)});
  }
  return settings;
}

Result<std::vector<CustomFieldDefinition>> Catalog::LoadCustomFields(sql::Connection& conn) {
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn.Prepare("SELECT slot, label, type, choices, version FROM "
                                                "custom_field_definitions ORDER BY slot"));
  std::vector<CustomFieldDefinition> definitions;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    definitions.push_back(CustomFieldDefinition{static_cast<int>(stmt.Int(0)), stmt.Text(1),
                                                stmt.Text(2), SplitLines(stmt.Text(3)),
                                                stmt.Int(4)});
  }
  return definitions;
}

Result<std::vector<CustomFieldDefinition>> Catalog::ListCustomFields() {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  return LoadCustomFields(*conn);
}

Result<CustomFieldDefinition> Catalog::DefineCustomField(const Actor& by,
                                                         CustomFieldDefinition definition) {
  if (definition.slot < 1 || definition.slot > kCustomFieldSlots) {
    return Status::InvalidArgument("custom field slots are numbered 1 to 20", "slot");
  }
  definition.label = Trim(definition.label);
  if (definition.label.empty() || definition.label.size() > 100) {
    return Status::InvalidArgument("a custom field needs a label of up to 100 characters", "label");
  }
  const auto& t = definition.type;
  if (t != "text" && t != "number" && t != "date" && t != "bool" && t != "choice") {
    return Status::InvalidArgument(
        "the field type must be text, number, date, bool or choice, not '" + t + "'", "type");
  }
  for (auto& choice : definition.choices) choice = Trim(choice);
  std::erase_if(definition.choices, [](const std::string& c) { return c.empty(); });
  if (t == "choice" && definition.choices.empty()) {
    return Status::InvalidArgument("a choice field needs at least one choice", "choices");
  }
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(auto before_all, LoadCustomFields(conn));
  std::string before;
  for (const auto& d : before_all) {
    if (d.slot == definition.slot) before = nlohmann::json(d).dump();
  }
  {
    AKTE_ASSIGN_OR_RETURN(
        auto upsert,
        conn.Prepare("INSERT INTO custom_field_definitions(slot, label, type, choices) "
                     "VALUES (?, ?, ?, ?) ON CONFLICT(slot) DO UPDATE SET label = excluded.label, "
                     "type = excluded.type, choices = excluded.choices, version = version + 1"));
    AKTE_RETURN_IF_ERROR(
        upsert
            .Bind(definition.slot, definition.label, definition.type, JoinLines(definition.choices))
            .Run());
  }
  AKTE_ASSIGN_OR_RETURN(auto after_all, LoadCustomFields(conn));
  for (const auto& d : after_all) {
    if (d.slot == definition.slot) definition = d;
  }
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, before.empty() ? "create" : "update", "custom_field",
                                  definition.slot, before, nlohmann::json(definition).dump()));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return definition;
}

Status Catalog::ValidateCustomFields(sql::Connection& conn, Customer& customer) {
  if (customer.custom_fields.empty()) return Status::Ok();
  AKTE_ASSIGN_OR_RETURN(auto definitions, LoadCustomFields(conn));
  for (auto& [slot, value] : customer.custom_fields) {
    auto it = std::find_if(definitions.begin(), definitions.end(),
                           [slot = slot](const auto& d) { return d.slot == slot; });
    if (it == definitions.end()) {
      if (Trim(value).empty()) continue;
      return Status::InvalidArgument("custom field " + std::to_string(slot) +
                                         " is not defined; define it first (akte field define)",
                                     "custom_fields");
    }
    AKTE_RETURN_IF_ERROR(NormalizeCustomValue(*it, value));
  }
  std::erase_if(customer.custom_fields, [](const auto& kv) { return kv.second.empty(); });
  return Status::Ok();
}

Result<std::vector<AuditEntry>> Catalog::AuditTrail(std::string_view entity, Id entity_id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(
      auto stmt,
      conn->Prepare("SELECT a.id, a.at, coalesce(u.username, ''), a.action, a.entity, "
                    "a.entity_id, a.before, a.after FROM audit_log a LEFT JOIN users u "
                    "ON u.id = a.user_id WHERE a.entity = ? AND a.entity_id = ? ORDER BY a.id"));
  stmt.Bind(entity, entity_id);
  std::vector<AuditEntry> entries;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    entries.push_back(AuditEntry{stmt.Int(0), stmt.Text(1), stmt.Text(2), stmt.Text(3),
                                 stmt.Text(4), stmt.Int(5), stmt.Text(6), stmt.Text(7)});
  }
  return entries;
}

Result<std::vector<Change>> Catalog::ChangesSince(std::int64_t after_seq, int limit) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare("SELECT seq, entity, entity_id FROM changes "
                                                 "WHERE seq > ? ORDER BY seq LIMIT ?"));
  stmt.Bind(after_seq, limit);
  std::vector<Change> changes;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    changes.push_back(Change{stmt.Int(0), stmt.Text(1), stmt.Int(2)});
  }
  return changes;
}

Result<std::int64_t> Catalog::LatestChange() {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare("SELECT coalesce(max(seq), 0) FROM changes"));
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? stmt.Int(0) : 0;
}

Result<std::vector<std::pair<Id, std::int64_t>>> Catalog::ItemVersions(std::string_view entity,
                                                                       Id after_id, int limit) {
  // The table is chosen from this fixed set, never built from input.
  static constexpr std::pair<std::string_view, std::string_view> kQueries[] = {
      {"customer", "SELECT id, version FROM customers WHERE id > ? ORDER BY id LIMIT ?"},
      {"contact", "SELECT id, version FROM contacts WHERE id > ? ORDER BY id LIMIT ?"},
      {"document", "SELECT id, version FROM documents WHERE id > ? ORDER BY id LIMIT ?"},
      {"note", "SELECT id, version FROM notes WHERE id > ? ORDER BY id LIMIT ?"},
      {"event", "SELECT id, version FROM events WHERE id > ? ORDER BY id LIMIT ?"},
      // A record is never edited; its version counts what changed its
      // payment state (see BusinessRecord::version).
      {"record",
       "SELECT r.id, 1 + (SELECT count(*) FROM payments p WHERE p.record_id = r.id) + "
       "(SELECT count(*) FROM business_records c WHERE c.previous_id = r.id AND "
       "c.kind = 'credit_note') FROM business_records r WHERE r.id > ? ORDER BY r.id LIMIT ?"},
      {"task", "SELECT id, version FROM tasks WHERE id > ? ORDER BY id LIMIT ?"},
      {"appointment", "SELECT id, version FROM appointments WHERE id > ? ORDER BY id LIMIT ?"},
  };
  std::string_view sql;
  for (const auto& [name, query] : kQueries) {
    if (name == entity) sql = query;
  }
  if (sql.empty()) return Status::InvalidArgument("no such kind of record: " + std::string(entity));
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare(sql));
  stmt.Bind(after_id, limit);
  std::vector<std::pair<Id, std::int64_t>> items;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    items.emplace_back(stmt.Int(0), stmt.Int(1));
  }
  return items;
}

Result<std::vector<std::string>> Catalog::CheckIntegrity() {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  std::vector<std::string> problems;
  {
    AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare("PRAGMA integrity_check"));
    for (;;) {
      AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      if (stmt.Text(0) != "ok") problems.push_back("catalog: " + stmt.Text(0));
    }
  }
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare("PRAGMA foreign_key_check"));
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    problems.push_back("catalog: row " + std::to_string(stmt.Int(1)) + " of table " + stmt.Text(0) +
                       " refers to a missing row of " + stmt.Text(2));
  }
  return problems;
}

}  // namespace akte::archive
