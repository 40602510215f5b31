#include "akte/archive/json.h"

#include "json_codec.h"

namespace akte::archive {
namespace {

template <typename T>
std::string Dump(const T& value, int indent) {
  // Replace rather than throw on invalid UTF-8 that slipped into old data.
  return nlohmann::json(value).dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

std::string ToJson(const Customer& v, int indent) { return Dump(v, indent); }
std::string ToJson(const std::vector<Customer>& v, int indent) { return Dump(v, indent); }
std::string ToJson(const Contact& v, int indent) { return Dump(v, indent); }
std::string ToJson(const std::vector<Contact>& v, int indent) { return Dump(v, indent); }
std::string ToJson(const Document& v, int indent) { return Dump(v, indent); }
std::string ToJson(const Note& v, int indent) { return Dump(v, indent); }
std::string ToJson(const Event& v, int indent) { return Dump(v, indent); }
std::string ToJson(const Conditions& v, int indent) { return Dump(v, indent); }
std::string ToJson(const User& v, int indent) { return Dump(v, indent); }
std::string ToJson(const std::vector<User>& v, int indent) { return Dump(v, indent); }
std::string ToJson(const ApiToken& v, int indent) { return Dump(v, indent); }
std::string ToJson(const std::vector<ApiToken>& v, int indent) { return Dump(v, indent); }
std::string ToJson(const CustomFieldDefinition& v, int indent) { return Dump(v, indent); }
std::string ToJson(const CustomerFile& v, int indent) { return Dump(v, indent); }
std::string ToJson(const BusinessRecord& v, int indent) { return Dump(v, indent); }
std::string ToJson(const std::vector<BusinessRecord>& v, int indent) { return Dump(v, indent); }
std::string ToJson(const CustomerStatistics& v, int indent) { return Dump(v, indent); }
std::string ToJson(const AccountStatement& v, int indent) { return Dump(v, indent); }
std::string ToJson(const FollowUp& v, int indent) { return Dump(v, indent); }
std::string ToJson(const std::vector<FollowUp>& v, int indent) { return Dump(v, indent); }
std::string ToJson(const FollowUpsDue& v, int indent) { return Dump(v, indent); }
std::string ToJson(const Task& v, int indent) { return Dump(v, indent); }
std::string ToJson(const std::vector<Task>& v, int indent) { return Dump(v, indent); }
std::string ToJson(const Appointment& v, int indent) { return Dump(v, indent); }
std::string ToJson(const std::vector<Appointment>& v, int indent) { return Dump(v, indent); }
std::string ToJson(const Agenda& v, int indent) { return Dump(v, indent); }
std::string ToJson(const std::vector<UpcomingBirthday>& v, int indent) { return Dump(v, indent); }

}  // namespace akte::archive
