// Firm-wide settings, custom field definitions and the configurable lists.
#include "akte/archive/mail_sending.h"
#include "akte/indexer/limits.h"
#include "route_helpers.h"

namespace akte::http {
namespace {

// A secret (smtp.password) is never shown: its value is "" and "secret"
// says whether one is set.
nlohmann::json SettingJson(const archive::Setting& setting) {
  if (archive::IsSecretSetting(setting.key)) {
    return {{"key", setting.key},
            {"value", ""},
            {"version", setting.version},
            {"secret", !setting.value.empty()}};
  }
  return {{"key", setting.key}, {"value", setting.value}, {"version", setting.version}};
}

// Setting names are dotted lowercase words ("firm.email_addresses").
Result<std::string> SettingKey(const Call& call) {
  std::string key = call.PathText(1);
  const bool valid =
      !key.empty() && key.size() <= 100 &&
      key.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789._") == std::string::npos;
  if (!valid) {
    return Status::InvalidArgument("a setting name has lowercase letters, digits, '.' and '_'",
                                   "key");
  }
  return key;
}

Result<std::optional<archive::Setting>> FindSetting(archive::Catalog& catalog,
                                                    const std::string& key) {
  AKTE_ASSIGN_OR_RETURN(auto settings, catalog.ListSettings());
  for (auto& setting : settings) {
    if (setting.key == key) return std::optional<archive::Setting>(std::move(setting));
  }
  return std::optional<archive::Setting>();
}

Status ListSettings(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto settings, call.services.catalog().ListSettings());
  nlohmann::json items = nlohmann::json::array();
  for (const auto& setting : settings) items.push_back(SettingJson(setting));
  call.Reply(200, {{"items", items}});
  return Status::Ok();
}

Status GetSetting(Call& call) {
  AKTE_ASSIGN_OR_RETURN(std::string key, SettingKey(call));
  AKTE_ASSIGN_OR_RETURN(auto setting, FindSetting(call.services.catalog(), key));
  if (!setting) return Status::NotFound("the setting " + key + " is not set");
  call.ReplyVersioned(200, SettingJson(*setting), setting->version);
  return Status::Ok();
}

// Sets a setting: a new one without If-Match, an existing one with the
// version it was read at.
Status PutSetting(Call& call) {
  AKTE_ASSIGN_OR_RETURN(std::string key, SettingKey(call));
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  JsonFields fields(body);
  fields.Ignore("key");
  fields.Ignore("version");
  std::string value;
  AKTE_RETURN_IF_ERROR(fields.Text("value", value));
  AKTE_RETURN_IF_ERROR(fields.RejectUnknown());
  // Checked before the version, so that a bad value is named whatever the
  // If-Match (the catalog checks it again when storing).
  AKTE_RETURN_IF_ERROR(indexer::CheckLimitSetting(key, value));
  AKTE_RETURN_IF_ERROR(archive::CheckSetting(key, value));
  AKTE_ASSIGN_OR_RETURN(auto expected, call.IfMatchVersion());
  auto& catalog = call.services.catalog();
  AKTE_ASSIGN_OR_RETURN(auto current, FindSetting(catalog, key));
  if (current && !expected) {
    ReplyError(call.response, 428, "precondition_required",
               "send the ETag of the version you edited in the If-Match header", "If-Match");
    return Status::Ok();
  }
  auto stored = catalog.UpdateSetting(call.caller().actor(), key, value, expected.value_or(0));
  if (!stored.ok() && stored.status().code() == StatusCode::kFailedPrecondition) {
    AKTE_ASSIGN_OR_RETURN(auto now, FindSetting(catalog, key));
    if (!now) return stored.status();
    call.ReplyStale(SettingJson(*now), now->version);
    return Status::Ok();
  }
  if (!stored.ok()) return stored.status();
  call.ReplyVersioned(current ? 200 : 201, SettingJson(*stored), stored->version);
  return Status::Ok();
}

Status ListFields(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto definitions, call.services.catalog().ListCustomFields());
  call.Reply(200, {{"items", AsJsonArray(definitions)}});
  return Status::Ok();
}

Status DefineField(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto slot, call.PathId(1, "slot"));
  if (slot > archive::kCustomFieldSlots) {
    return Status::InvalidArgument("'slot' must be from 1 to 20", "slot");
  }
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  archive::CustomFieldDefinition definition;
  definition.slot = static_cast<int>(slot);
  JsonFields fields(body);
  AKTE_RETURN_IF_ERROR(ReadFieldDefinition(fields, definition));
  AKTE_ASSIGN_OR_RETURN(
      auto stored, call.services.catalog().DefineCustomField(call.caller().actor(), definition));
  ReplyRecord(call, stored);
  return Status::Ok();
}

// The routes of one list of types, at /api/v1/<collection>.
struct TypeRoutes {
  archive::TypeList list;
  std::string collection;  // "document-types"

  Status List(Call& call) const {
    AKTE_ASSIGN_OR_RETURN(auto types, call.services.catalog().Types(list));
    call.Reply(200, {{"items", types}});
    return Status::Ok();
  }

  // {"name": "..."}: adds the type, or puts a retired one back.
  Status Add(Call& call) const {
    AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
    JsonFields fields(body);
    std::string name;
    AKTE_RETURN_IF_ERROR(fields.Text("name", name));
    AKTE_RETURN_IF_ERROR(fields.RejectUnknown());
    AKTE_ASSIGN_OR_RETURN(auto stored,
                          call.services.catalog().AddType(call.caller().actor(), list, name));
    call.response.set_header(
        "Location", "/api/v1/" + collection + "/" + httplib::detail::encode_query_param(stored));
    call.Reply(201, {{"name", stored}});
    return Status::Ok();
  }

  // The name is the path's last segment, percent-decoded by httplib.
  Status Retire(Call& call) const {
    AKTE_RETURN_IF_ERROR(
        call.services.catalog().RetireType(call.caller().actor(), list, call.PathText(1)));
    call.response.status = 204;
    return Status::Ok();
  }

  // {"name": "new name"}: renames the type named by the path's last
  // segment; its documents or events keep it under the new name.
  Status Rename(Call& call) const {
    AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
    JsonFields fields(body);
    std::string name;
    AKTE_RETURN_IF_ERROR(fields.Text("name", name));
    AKTE_RETURN_IF_ERROR(fields.RejectUnknown());
    AKTE_ASSIGN_OR_RETURN(auto stored, call.services.catalog().RenameType(
                                           call.caller().actor(), list, call.PathText(1), name));
    call.services.background->Notify();
    call.response.set_header(
        "Location", "/api/v1/" + collection + "/" + httplib::detail::encode_query_param(stored));
    call.Reply(200, {{"name", stored}});
    return Status::Ok();
  }

  void Register(Router& router) const {
    const std::string path = "/api/v1/" + collection;
    router.Add("GET", path, Access::kRead, [self = *this](Call& call) { return self.List(call); });
    router.Add("POST", path, Access::kAdmin, [self = *this](Call& call) { return self.Add(call); });
    router.Add("PUT", path + "/{name}", Access::kAdmin,
               [self = *this](Call& call) { return self.Rename(call); });
    router.Add("DELETE", path + "/{name}", Access::kAdmin,
               [self = *this](Call& call) { return self.Retire(call); });
  }
};

}  // namespace

void AddSettingsRoutes(Router& router) {
  router.Add("GET", "/api/v1/settings", Access::kRead, ListSettings);
  router.Add("GET", "/api/v1/settings/{key}", Access::kRead, GetSetting);
  router.Add("PUT", "/api/v1/settings/{key}", Access::kAdmin, PutSetting);
  router.Add("GET", "/api/v1/fields", Access::kRead, ListFields);
  router.Add("PUT", "/api/v1/fields/{slot}", Access::kAdmin, DefineField);
  TypeRoutes{archive::TypeList::kDocument, "document-types"}.Register(router);
  TypeRoutes{archive::TypeList::kEvent, "event-types"}.Register(router);
}

}  // namespace akte::http
