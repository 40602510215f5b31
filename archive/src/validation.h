// Rules every stored record obeys, shared by all ways in (CLI, HTTP, import).
// Each function normalises its record in place (trims, canonical dates and
// country codes) and returns InvalidArgument naming the field at fault.
#pragma once

#include <string>
#include <string_view>

#include "akte/archive/records.h"
#include "akte/archive/status.h"

namespace akte::archive {

std::string Trim(std::string_view s);

Status ValidateCustomer(Customer& customer);

// The message for an edit based on a version that is no longer stored:
// "task 7 was changed meanwhile (now version 3, the edit was based on
// version 2); reload it and apply the change again".
Status StaleVersion(std::string_view what, std::int64_t stored, std::int64_t expected);
Status ValidateContact(Contact& contact);
Status ValidateConditions(Conditions& conditions);
Status ValidateUser(User& user);
Status ValidateEmail(std::string_view email, const std::string& field);

// Normalises `value` for a custom field of `definition`'s type: numbers with
// a decimal point, dates as YYYY-MM-DD, yes/no as "true"/"false", choices
// exactly as defined.
Status NormalizeCustomValue(const CustomFieldDefinition& definition, std::string& value);

}  // namespace akte::archive
