// Reading request bodies into records, strictly: a field of the wrong type
// or one the record does not have is an InvalidArgument naming it, so a
// typo in a script fails loudly instead of being ignored. Fields that are
// absent leave the record as it is (updates send only what changes).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "akte/archive/records.h"
#include "akte/archive/status.h"

namespace akte::http {

// Parses a request body that must be one JSON object.
Result<nlohmann::json> ParseJsonObject(std::string_view body);

class JsonFields {
 public:
  explicit JsonFields(const nlohmann::json& object) : object_(object) {}

  Status Text(const std::string& name, std::string& out);
  Status Integer(const std::string& name, std::int64_t& out);
  Status OptionalInteger(const std::string& name, std::optional<std::int64_t>& out);
  Status Boolean(const std::string& name, bool& out);
  Status Texts(const std::string& name, std::vector<std::string>& out);
  Status Ids(const std::string& name, std::vector<archive::Id>& out);
  // Marks a field as known without reading it (read-only fields such as
  // "id" or "created_at" that clients send back unchanged).
  void Ignore(const std::string& name) { known_.insert(name); }
  bool Has(const std::string& name) const { return object_.contains(name); }
  const nlohmann::json& Raw(const std::string& name);

  // InvalidArgument naming the first field that was never asked for.
  Status RejectUnknown() const;

 private:
  const nlohmann::json* Find(const std::string& name);

  const nlohmann::json& object_;
  std::set<std::string> known_;
};

// Each applies the fields present in `fields` to the record.
Status ReadCustomer(JsonFields& fields, archive::Customer& customer);
Status ReadContact(JsonFields& fields, archive::Contact& contact);
Status ReadConditions(JsonFields& fields, archive::Conditions& conditions);
Status ReadEvent(JsonFields& fields, archive::Event& event);
Status ReadFieldDefinition(JsonFields& fields, archive::CustomFieldDefinition& definition);
Status ReadUser(JsonFields& fields, archive::User& user);
Status ReadBusinessRecord(JsonFields& fields, archive::BusinessRecord& record);
Status ReadPayment(JsonFields& fields, archive::Payment& payment);

}  // namespace akte::http
