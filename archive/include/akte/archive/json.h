// JSON renderings of the catalog's records, shared by `akte --json` and the
// HTTP API so that both speak the same shapes. Field names are snake_case;
// ids are numbers; absent optional ids are null.
#pragma once

#include <string>
#include <vector>

#include "akte/archive/business.h"
#include "akte/archive/records.h"

namespace akte::archive {

// Each returns compact JSON, or indented by `indent` spaces when >= 0.
std::string ToJson(const Customer& customer, int indent = -1);
std::string ToJson(const std::vector<Customer>& customers, int indent = -1);
std::string ToJson(const Contact& contact, int indent = -1);
std::string ToJson(const std::vector<Contact>& contacts, int indent = -1);
std::string ToJson(const Document& document, int indent = -1);
std::string ToJson(const Note& note, int indent = -1);
std::string ToJson(const Event& event, int indent = -1);
std::string ToJson(const Conditions& conditions, int indent = -1);
// Users and tokens carry no password hash and no secret, so none is rendered.
std::string ToJson(const User& user, int indent = -1);
std::string ToJson(const std::vector<User>& users, int indent = -1);
std::string ToJson(const ApiToken& token, int indent = -1);
std::string ToJson(const std::vector<ApiToken>& tokens, int indent = -1);
std::string ToJson(const CustomFieldDefinition& definition, int indent = -1);
std::string ToJson(const CustomerFile& file, int indent = -1);
std::string ToJson(const BusinessRecord& record, int indent = -1);
std::string ToJson(const std::vector<BusinessRecord>& records, int indent = -1);
std::string ToJson(const CustomerStatistics& statistics, int indent = -1);
std::string ToJson(const AccountStatement& statement, int indent = -1);
std::string ToJson(const FollowUp& follow_up, int indent = -1);
std::string ToJson(const std::vector<FollowUp>& follow_ups, int indent = -1);
std::string ToJson(const FollowUpsDue& due, int indent = -1);
std::string ToJson(const Task& task, int indent = -1);
std::string ToJson(const std::vector<Task>& tasks, int indent = -1);
std::string ToJson(const Appointment& appointment, int indent = -1);
std::string ToJson(const std::vector<Appointment>& appointments, int indent = -1);
std::string ToJson(const Agenda& agenda, int indent = -1);
std::string ToJson(const std::vector<UpcomingBirthday>& birthdays, int indent = -1);

}  // namespace akte::archive
