#include "json_input.h"

namespace akte::http {
namespace {

Status WrongType(const std::string& name, std::string_view expected) {
  return Status::InvalidArgument("the field '" + name + "' must be " + std::string(expected), name);
}

// Read-only fields of every record: sent back unchanged by clients that
// edit what they fetched, and never taken from the request.
void IgnoreServerFields(JsonFields& fields) {
  for (const char* name : {"id", "created_at", "updated_at", "archived_at", "version",
                           "display_name", "author", "edited_at"}) {
    fields.Ignore(name);
  }
}

Status ReadPhones(JsonFields& fields, std::vector<archive::Phone>& phones) {
  if (!fields.Has("phones")) return Status::Ok();
  const auto& raw = fields.Raw("phones");
  if (!raw.is_array()) return WrongType("phones", "an array of {kind, number}");
  phones.clear();
  for (const auto& item : raw) {
    archive::Phone phone;
    if (item.is_string()) {
      phone.number = item.get<std::string>();
    } else if (item.is_object()) {
      JsonFields phone_fields(item);
      AKTE_RETURN_IF_ERROR(phone_fields.Text("kind", phone.kind));
      AKTE_RETURN_IF_ERROR(phone_fields.Text("number", phone.number));
      if (Status s = phone_fields.RejectUnknown(); !s.ok()) {
        return Status::InvalidArgument("phones: " + s.message(), "phones");
      }
    } else {
      return WrongType("phones", "an array of {kind, number}");
    }
    phones.push_back(std::move(phone));
  }
  return Status::Ok();
}

Status ReadCustomFields(JsonFields& fields, std::map<int, std::string>& values) {
  if (!fields.Has("custom_fields")) return Status::Ok();
  const auto& raw = fields.Raw("custom_fields");
  if (!raw.is_object()) return WrongType("custom_fields", "an object of slot: value");
  for (const auto& [key, value] : raw.items()) {
    int slot = 0;
    try {
      std::size_t used = 0;
      slot = std::stoi(key, &used);
      if (used != key.size()) slot = 0;
    } catch (const std::exception&) {
      slot = 0;
    }
    if (slot < 1 || slot > archive::kCustomFieldSlots) {
      return Status::InvalidArgument("custom_fields: '" + key + "' is not a slot from 1 to 20",
                                     "custom_fields");
    }
    if (value.is_null()) {
      values.erase(slot);
    } else if (value.is_string()) {
      values[slot] = value.get<std::string>();
    } else if (value.is_boolean()) {
      values[slot] = value.get<bool>() ? "true" : "false";
    } else if (value.is_number()) {
      values[slot] = value.dump();
    } else {
      return WrongType("custom_fields", "an object of slot: value (text, number or yes/no)");
    }
  }
  return Status::Ok();
}

}  // namespace

Result<nlohmann::json> ParseJsonObject(std::string_view body) {
  auto parsed = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) {
    return Status::InvalidArgument("the request body is not valid JSON", "body");
  }
  if (!parsed.is_object())
    return Status::InvalidArgument("the request body must be a JSON object", "body");
  return parsed;
}

const nlohmann::json* JsonFields::Find(const std::string& name) {
  known_.insert(name);
  auto it = object_.find(name);
  return it == object_.end() ? nullptr : &*it;
}

const nlohmann::json& JsonFields::Raw(const std::string& name) { return *Find(name); }

Status JsonFields::Text(const std::string& name, std::string& out) {
  const auto* value = Find(name);
  if (!value) return Status::Ok();
  if (value->is_null()) {
    out.clear();
    return Status::Ok();
  }
  if (!value->is_string()) return WrongType(name, "text");
  out = value->get<std::string>();
  return Status::Ok();
}

Status JsonFields::Integer(const std::string& name, std::int64_t& out) {
  const auto* value = Find(name);
  if (!value) return Status::Ok();
  if (!value->is_number_integer()) return WrongType(name, "a whole number");
  out = value->get<std::int64_t>();
  return Status::Ok();
}

Status JsonFields::OptionalInteger(const std::string& name, std::optional<std::int64_t>& out) {
  const auto* value = Find(name);
  if (!value) return Status::Ok();
  if (value->is_null()) {
    out.reset();
    return Status::Ok();
  }
  if (!value->is_number_integer()) return WrongType(name, "a whole number or null");
  out = value->get<std::int64_t>();
  return Status::Ok();
}

Status JsonFields::Boolean(const std::string& name, bool& out) {
  const auto* value = Find(name);
  if (!value) return Status::Ok();
  if (!value->is_boolean()) return WrongType(name, "true or false");
  out = value->get<bool>();
  return Status::Ok();
}

Status JsonFields::Texts(const std::string& name, std::vector<std::string>& out) {
  const auto* value = Find(name);
  if (!value) return Status::Ok();
  if (!value->is_array()) return WrongType(name, "an array of texts");
  std::vector<std::string> texts;
  for (const auto& item : *value) {
    if (!item.is_string()) return WrongType(name, "an array of texts");
    texts.push_back(item.get<std::string>());
  }
  out = std::move(texts);
  return Status::Ok();
}

Status JsonFields::Ids(const std::string& name, std::vector<archive::Id>& out) {
  const auto* value = Find(name);
  if (!value) return Status::Ok();
  if (!value->is_array()) return WrongType(name, "an array of ids");
  std::vector<archive::Id> ids;
  for (const auto& item : *value) {
    if (!item.is_number_integer()) return WrongType(name, "an array of ids");
    ids.push_back(item.get<archive::Id>());
  }
  out = std::move(ids);
  return Status::Ok();
}

Status JsonFields::RejectUnknown() const {
  for (const auto& [name, value] : object_.items()) {
    if (!known_.contains(name)) {
      return Status::InvalidArgument("unknown field '" + name + "'", name);
    }
  }
  return Status::Ok();
}

Status ReadCustomer(JsonFields& fields, archive::Customer& c) {
  IgnoreServerFields(fields);
  for (auto [name, member] :
       std::initializer_list<std::pair<const char*, std::string archive::Customer::*>>{
           {"number", &archive::Customer::number},
           {"kind", &archive::Customer::kind},
           {"company", &archive::Customer::company},
           {"legal_form", &archive::Customer::legal_form},
           {"salutation", &archive::Customer::salutation},
           {"first_name", &archive::Customer::first_name},
           {"last_name", &archive::Customer::last_name},
           {"street", &archive::Customer::street},
           {"postal_code", &archive::Customer::postal_code},
           {"city", &archive::Customer::city},
           {"country", &archive::Customer::country},
           {"website", &archive::Customer::website},
           {"birthday", &archive::Customer::birthday},
           {"remarks", &archive::Customer::remarks},
           // A new prospect may start further on; an edit must leave it
           // (POST .../pipeline moves it).
           {"pipeline_status", &archive::Customer::pipeline_status}}) {
    AKTE_RETURN_IF_ERROR(fields.Text(name, c.*member));
  }
  fields.Ignore("converted_at");  // set by akte
  AKTE_RETURN_IF_ERROR(fields.Texts("emails", c.emails));
  AKTE_RETURN_IF_ERROR(ReadPhones(fields, c.phones));
  AKTE_RETURN_IF_ERROR(ReadCustomFields(fields, c.custom_fields));
  return fields.RejectUnknown();
}

Status ReadContact(JsonFields& fields, archive::Contact& c) {
  IgnoreServerFields(fields);
  fields.Ignore("customer_id");  // from the path
  for (auto [name, member] :
       std::initializer_list<std::pair<const char*, std::string archive::Contact::*>>{
           {"salutation", &archive::Contact::salutation},
           {"title", &archive::Contact::title},
           {"first_name", &archive::Contact::first_name},
           {"last_name", &archive::Contact::last_name},
           {"role", &archive::Contact::role},
           {"department", &archive::Contact::department},
           {"birthday", &archive::Contact::birthday},
           {"remarks", &archive::Contact::remarks}}) {
    AKTE_RETURN_IF_ERROR(fields.Text(name, c.*member));
  }
  AKTE_RETURN_IF_ERROR(fields.Texts("emails", c.emails));
  AKTE_RETURN_IF_ERROR(ReadPhones(fields, c.phones));
  return fields.RejectUnknown();
}

Status ReadConditions(JsonFields& fields, archive::Conditions& c) {
  IgnoreServerFields(fields);
  fields.Ignore("customer_id");
  AKTE_RETURN_IF_ERROR(fields.Text("price_list", c.price_list));
  AKTE_RETURN_IF_ERROR(fields.Integer("discount_basis_points", c.discount_basis_points));
  AKTE_RETURN_IF_ERROR(fields.Text("delivery_terms", c.delivery_terms));
  AKTE_RETURN_IF_ERROR(fields.Text("payment_terms", c.payment_terms));
  AKTE_RETURN_IF_ERROR(
      fields.OptionalInteger("open_invoice_limit_cents", c.open_invoice_limit_cents));
  return fields.RejectUnknown();
}

Status ReadEvent(JsonFields& fields, archive::Event& e) {
  IgnoreServerFields(fields);
  fields.Ignore("customer_id");
  AKTE_RETURN_IF_ERROR(fields.OptionalInteger("contact_id", e.contact_id));
  AKTE_RETURN_IF_ERROR(fields.Text("type", e.type));
  AKTE_RETURN_IF_ERROR(fields.Text("subject", e.subject));
  AKTE_RETURN_IF_ERROR(fields.Text("text", e.text));
  AKTE_RETURN_IF_ERROR(fields.Text("occurred_at", e.occurred_at));
  AKTE_RETURN_IF_ERROR(fields.Ids("document_ids", e.document_ids));
  return fields.RejectUnknown();
}

Status ReadBusinessRecord(JsonFields& fields, archive::BusinessRecord& r) {
  IgnoreServerFields(fields);
  fields.Ignore("customer_id");  // from the path
  fields.Ignore("author_name");
  for (const char* derived :
       {"payments", "paid_cents", "credited_cents", "outstanding_cents", "payment_status"}) {
    fields.Ignore(derived);
  }
  for (auto [name, member] : {std::pair{"kind", &archive::BusinessRecord::kind},
                              {"number", &archive::BusinessRecord::number},
                              {"record_date", &archive::BusinessRecord::record_date},
                              {"subject", &archive::BusinessRecord::subject},
                              {"due_date", &archive::BusinessRecord::due_date},
                              {"delivery_date", &archive::BusinessRecord::delivery_date}}) {
    AKTE_RETURN_IF_ERROR(fields.Text(name, r.*member));
  }
  for (auto [name, member] : {std::pair{"net_cents", &archive::BusinessRecord::net_cents},
                              {"tax_cents", &archive::BusinessRecord::tax_cents},
                              {"gross_cents", &archive::BusinessRecord::gross_cents},
                              {"fee_cents", &archive::BusinessRecord::fee_cents}}) {
    AKTE_RETURN_IF_ERROR(fields.Integer(name, r.*member));
  }
  std::int64_t level = r.dunning_level;
  AKTE_RETURN_IF_ERROR(fields.Integer("dunning_level", level));
  if (level < 0 || level > 3) {
    return Status::InvalidArgument("a dunning letter's level is 1, 2 or 3", "dunning_level");
  }
  r.dunning_level = static_cast<int>(level);
  AKTE_RETURN_IF_ERROR(fields.OptionalInteger("previous_id", r.previous_id));
  AKTE_RETURN_IF_ERROR(fields.OptionalInteger("document_id", r.document_id));
  return fields.RejectUnknown();
}

Status ReadPayment(JsonFields& fields, archive::Payment& p) {
  fields.Ignore("id");
  fields.Ignore("record_id");  // from the path
  AKTE_RETURN_IF_ERROR(fields.Text("paid_on", p.paid_on));
  AKTE_RETURN_IF_ERROR(fields.Integer("amount_cents", p.amount_cents));
  AKTE_RETURN_IF_ERROR(fields.Text("note", p.note));
  return fields.RejectUnknown();
}

Status ReadFieldDefinition(JsonFields& fields, archive::CustomFieldDefinition& d) {
  IgnoreServerFields(fields);
  fields.Ignore("slot");  // from the path
  AKTE_RETURN_IF_ERROR(fields.Text("label", d.label));
  AKTE_RETURN_IF_ERROR(fields.Text("type", d.type));
  AKTE_RETURN_IF_ERROR(fields.Texts("choices", d.choices));
  return fields.RejectUnknown();
}

Status ReadUser(JsonFields& fields, archive::User& u) {
  IgnoreServerFields(fields);
  AKTE_RETURN_IF_ERROR(fields.Text("display_name", u.display_name));
  AKTE_RETURN_IF_ERROR(fields.Text("role", u.role));
  AKTE_RETURN_IF_ERROR(fields.Boolean("disabled", u.disabled));
  return fields.RejectUnknown();
}

}  // namespace akte::http
