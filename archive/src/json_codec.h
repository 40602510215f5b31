// nlohmann::json conversions of the catalog's records, private to archive/
// (the public face is akte/archive/json.h, which speaks std::string).
#pragma once

#include <nlohmann/json.hpp>

#include "akte/archive/business.h"
#include "akte/archive/records.h"

namespace akte::archive {

void to_json(nlohmann::json& j, const Phone& p);
void to_json(nlohmann::json& j, const User& u);
void to_json(nlohmann::json& j, const ApiToken& t);
void to_json(nlohmann::json& j, const Customer& c);
void to_json(nlohmann::json& j, const CustomFieldDefinition& d);
void to_json(nlohmann::json& j, const Conditions& c);
void to_json(nlohmann::json& j, const Contact& c);
void to_json(nlohmann::json& j, const Document& d);
void to_json(nlohmann::json& j, const Note& n);
void to_json(nlohmann::json& j, const Event& e);
void to_json(nlohmann::json& j, const Payment& p);
void to_json(nlohmann::json& j, const BusinessRecord& r);
void to_json(nlohmann::json& j, const CustomerStatistics& s);
void to_json(nlohmann::json& j, const StatementLine& l);
void to_json(nlohmann::json& j, const AccountStatement& s);
void to_json(nlohmann::json& j, const AuditEntry& a);
void to_json(nlohmann::json& j, const UpcomingBirthday& b);
void to_json(nlohmann::json& j, const FollowUp& f);
void to_json(nlohmann::json& j, const FollowUpsDue& d);
void to_json(nlohmann::json& j, const Task& t);
void to_json(nlohmann::json& j, const Appointment& a);
void to_json(nlohmann::json& j, const Agenda& a);
void to_json(nlohmann::json& j, const TimelineEntry& t);
void to_json(nlohmann::json& j, const CustomerFile& f);

}  // namespace akte::archive
