#include "validation.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <utility>

#include "akte/archive/time.h"

namespace akte::archive {
namespace {

constexpr std::size_t kMaxShortText = 200;
constexpr std::size_t kMaxLongText = 100'000;

bool HasControlCharacters(std::string_view s, bool allow_newlines) {
  return std::any_of(s.begin(), s.end(), [&](char c) {
    auto u = static_cast<unsigned char>(c);
    if (allow_newlines && (c == '\n' || c == '\t' || c == '\r')) return false;
    return u < 0x20 || u == 0x7f;
  });
}

// Single-line fields get line breaks and tabs (from spreadsheet cells) as
// single spaces; other control characters are refused.
std::string CollapseLineBreaks(std::string_view s) {
  std::string out;
  for (char c : s) {
    bool space = c == '\n' || c == '\r' || c == '\t';
    if (!space) {
      out.push_back(c);
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  return out;
}

Status CheckText(std::string& value, const std::string& field, std::size_t max, bool multiline) {
  value = multiline ? value : Trim(CollapseLineBreaks(value));
  if (value.size() > max) {
    return Status::InvalidArgument(field + " is longer than " + std::to_string(max) + " characters",
                                   field);
  }
  if (HasControlCharacters(value, multiline)) {
    return Status::InvalidArgument(field + " contains control characters", field);
  }
  return Status::Ok();
}

Status CheckDate(std::string& value, const std::string& field) {
  value = Trim(value);
  if (value.empty()) return Status::Ok();
  auto normalized = NormalizeDate(value);
  if (!normalized.ok())
    return Status::InvalidArgument(field + ": " + normalized.status().message(), field);
  value = *normalized;
  return Status::Ok();
}

// Lowercases ASCII and the Latin-1 capitals (Ä, Ö, Ü, É, ...) in UTF-8.
std::string Lower(std::string_view s) {
  std::string out(s);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto u = static_cast<unsigned char>(out[i]);
    if (u < 0x80) {
      out[i] = static_cast<char>(std::tolower(u));
    } else if (u == 0xC3 && i + 1 < out.size()) {
      auto next = static_cast<unsigned char>(out[i + 1]);
      if (next >= 0x80 && next <= 0x9E && next != 0x97) out[i + 1] = static_cast<char>(next + 0x20);
      ++i;
    }
  }
  return out;
}

// Country names people type, in German and English, for the neighbours and
// trading partners a German small firm deals with most.
constexpr std::array<std::pair<std::string_view, std::string_view>, 34> kCountryNames = {{
    {"deutschland", "DE"},
    {"germany", "DE"},
    {"brd", "DE"},
    {"österreich", "AT"},
    {"oesterreich", "AT"},
    {"austria", "AT"},
    {"schweiz", "CH"},
    {"switzerland", "CH"},
    {"liechtenstein", "LI"},
    {"luxemburg", "LU"},
    {"luxembourg", "LU"},
    {"niederlande", "NL"},
    {"netherlands", "NL"},
    {"belgien", "BE"},
    {"belgium", "BE"},
    {"frankreich", "FR"},
    {"france", "FR"},
    {"italien", "IT"},
    {"italy", "IT"},
    {"polen", "PL"},
    {"poland", "PL"},
    {"tschechien", "CZ"},
    {"czechia", "CZ"},
    {"dänemark", "DK"},
    {"denmark", "DK"},
    {"spanien", "ES"},
    {"spain", "ES"},
    {"vereinigtes königreich", "GB"},
    {"united kingdom", "GB"},
    {"großbritannien", "GB"},
    {"england", "GB"},
    {"usa", "US"},
    {"vereinigte staaten", "US"},
    {"united states", "US"},
}};

Status NormalizeCountry(std::string& country) {
  country = Trim(country);
  if (country.empty()) {
    country = "DE";
    return Status::Ok();
  }
  const std::string lower = Lower(country);
  for (const auto& [name, code] : kCountryNames) {
    if (lower == name) {
      country = code;
      return Status::Ok();
    }
  }
  if (country.size() == 2 && std::isalpha(static_cast<unsigned char>(country[0])) &&
      std::isalpha(static_cast<unsigned char>(country[1]))) {
    country = {static_cast<char>(std::toupper(static_cast<unsigned char>(country[0]))),
               static_cast<char>(std::toupper(static_cast<unsigned char>(country[1])))};
    return Status::Ok();
  }
  return Status::InvalidArgument(
      "country '" + country + "' is neither a two-letter code (DE, AT, CH) nor a known name",
      "country");
}

Status CheckPhones(std::vector<Phone>& phones, const std::string& field) {
  for (auto& phone : phones) {
    phone.number = Trim(phone.number);
    if (phone.kind != "phone" && phone.kind != "mobile" && phone.kind != "fax") {
      return Status::InvalidArgument(
          field + ": kind must be phone, mobile or fax, not '" + phone.kind + "'", field);
    }
    if (std::none_of(phone.number.begin(), phone.number.end(),
                     [](char c) { return c >= '0' && c <= '9'; })) {
      return Status::InvalidArgument(field + ": '" + phone.number + "' has no digits", field);
    }
    AKTE_RETURN_IF_ERROR(CheckText(phone.number, field, 60, false));
  }
  std::erase_if(phones, [](const Phone& p) { return p.number.empty(); });
  return Status::Ok();
}

Status CheckEmails(std::vector<std::string>& emails, const std::string& field) {
  for (auto& email : emails) {
    email = Trim(email);
    AKTE_RETURN_IF_ERROR(ValidateEmail(email, field));
  }
  return Status::Ok();
}

}  // namespace

std::string Trim(std::string_view s) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return std::string(s);
}

Status ValidateEmail(std::string_view email, const std::string& field) {
  auto at = email.find('@');
  bool ok = at != std::string_view::npos && at > 0 && email.find('@', at + 1) == std::string::npos;
  if (ok) {
    auto domain = email.substr(at + 1);
    ok = domain.find('.') != std::string_view::npos && domain.front() != '.' &&
         domain.back() != '.' && email.size() <= 254;
  }
  ok = ok && std::none_of(email.begin(), email.end(), [](char c) {
         return c == ' ' || c == ',' || c == ';' || c == '<' || c == '>' ||
                static_cast<unsigned char>(c) < 0x20;
       });
  if (!ok) {
    return Status::InvalidArgument(field + ": '" + std::string(email) + "' is not an email address",
                                   field);
  }
  return Status::Ok();
}

Status ValidateCustomer(Customer& c) {
  AKTE_RETURN_IF_ERROR(CheckText(c.number, "number", 40, false));
  if (c.number.empty()) return Status::InvalidArgument("the customer number is missing", "number");
  if (c.kind != kKindCustomer && c.kind != kKindProspect) {
    return Status::InvalidArgument("kind must be customer or prospect, not '" + c.kind + "'",
                                   "kind");
  }
  for (auto [value, field] : {std::pair{&c.company, "company"},
                              {&c.legal_form, "legal_form"},
                              {&c.salutation, "salutation"},
                              {&c.first_name, "first_name"},
                              {&c.last_name, "last_name"},
                              {&c.street, "street"},
                              {&c.postal_code, "postal_code"},
                              {&c.city, "city"},
                              {&c.website, "website"}}) {
    AKTE_RETURN_IF_ERROR(CheckText(*value, field, kMaxShortText, false));
  }
  AKTE_RETURN_IF_ERROR(CheckText(c.remarks, "remarks", kMaxLongText, true));
  if (c.company.empty() && c.last_name.empty()) {
    return Status::InvalidArgument("a customer needs a company name or a last name", "company");
  }
  AKTE_RETURN_IF_ERROR(NormalizeCountry(c.country));
  AKTE_RETURN_IF_ERROR(CheckDate(c.birthday, "birthday"));
  AKTE_RETURN_IF_ERROR(CheckEmails(c.emails, "emails"));
  AKTE_RETURN_IF_ERROR(CheckPhones(c.phones, "phones"));
  for (const auto& [slot, value] : c.custom_fields) {
    if (slot < 1 || slot > kCustomFieldSlots) {
      return Status::InvalidArgument(
          "custom field slot " + std::to_string(slot) + " does not exist (1..20)", "custom_fields");
    }
  }
  return Status::Ok();
}

Status ValidateContact(Contact& c) {
  for (auto [value, field] : {std::pair{&c.salutation, "salutation"},
                              {&c.title, "title"},
                              {&c.first_name, "first_name"},
                              {&c.last_name, "last_name"},
                              {&c.role, "role"},
                              {&c.department, "department"}}) {
    AKTE_RETURN_IF_ERROR(CheckText(*value, field, kMaxShortText, false));
  }
  AKTE_RETURN_IF_ERROR(CheckText(c.remarks, "remarks", kMaxLongText, true));
  if (c.last_name.empty())
    return Status::InvalidArgument("a contact needs a last name", "last_name");
  AKTE_RETURN_IF_ERROR(CheckDate(c.birthday, "birthday"));
  AKTE_RETURN_IF_ERROR(CheckEmails(c.emails, "emails"));
  return CheckPhones(c.phones, "phones");
}

Status ValidateConditions(Conditions& c) {
  for (auto [value, field] : {std::pair{&c.price_list, "price_list"},
                              {&c.delivery_terms, "delivery_terms"},
                              {&c.payment_terms, "payment_terms"}}) {
    AKTE_RETURN_IF_ERROR(CheckText(*value, field, kMaxShortText * 5, true));
  }
  if (c.discount_basis_points < 0 || c.discount_basis_points > 10000) {
    return Status::InvalidArgument("the discount must lie between 0 and 100 percent", "discount");
  }
  if (c.open_invoice_limit_cents && *c.open_invoice_limit_cents < 0) {
    return Status::InvalidArgument("the open-invoice limit cannot be negative",
                                   "open_invoice_limit");
  }
  return Status::Ok();
}

Status ValidateUser(User& u) {
  u.username = Trim(u.username);
  if (u.username.empty() || u.username.size() > 64 ||
      !std::all_of(u.username.begin(), u.username.end(), [](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == '_';
      })) {
    return Status::InvalidArgument(
        "a username is 1 to 64 letters, digits, dots, hyphens or underscores", "username");
  }
  AKTE_RETURN_IF_ERROR(CheckText(u.display_name, "display_name", kMaxShortText, false));
  if (u.display_name.empty()) u.display_name = u.username;
  if (u.role != kRoleAdmin && u.role != kRoleStaff && u.role != kRoleReadOnly) {
    return Status::InvalidArgument("role must be admin, staff or readonly, not '" + u.role + "'",
                                   "role");
  }
  return Status::Ok();
}

Status NormalizeCustomValue(const CustomFieldDefinition& def, std::string& value) {
  value = Trim(value);
  if (value.empty()) return Status::Ok();
  const std::string field = "custom field " + std::to_string(def.slot) + " (" + def.label + ")";
  if (def.type == "text") return CheckText(value, field, kMaxShortText * 10, true);
  if (def.type == "number") {
    std::string canonical;
    bool seen_separator = false, seen_digit = false;
    // Accept German (1.234,56) and international (1,234.56) spellings: the
    // last '.' or ',' is the decimal separator, earlier ones group thousands.
    auto last_separator = value.find_last_of(".,");
    for (std::size_t i = 0; i < value.size(); ++i) {
      char c = value[i];
      if (c >= '0' && c <= '9') {
        canonical.push_back(c);
        seen_digit = true;
      } else if ((c == '-' || c == '+') && i == 0) {
        if (c == '-') canonical.push_back(c);
      } else if ((c == '.' || c == ',') && i == last_separator && !seen_separator) {
        canonical.push_back('.');
        seen_separator = true;
      } else if ((c == '.' || c == ',' || c == ' ') && i != last_separator) {
        continue;
      } else {
        return Status::InvalidArgument(field + ": '" + value + "' is not a number",
                                       "custom_fields");
      }
    }
    if (!seen_digit) {
      return Status::InvalidArgument(field + ": '" + value + "' is not a number", "custom_fields");
    }
    value = canonical;
    return Status::Ok();
  }
  if (def.type == "date") {
    auto normalized = NormalizeDate(value);
    if (!normalized.ok()) {
      return Status::InvalidArgument(field + ": " + normalized.status().message(), "custom_fields");
    }
    value = *normalized;
    return Status::Ok();
  }
  if (def.type == "bool") {
    const std::string lower = Lower(value);
    if (lower == "ja" || lower == "yes" || lower == "true" || lower == "1" || lower == "x" ||
        lower == "wahr") {
      value = "true";
    } else if (lower == "nein" || lower == "no" || lower == "false" || lower == "0" ||
               lower == "falsch") {
      value = "false";
    } else {
      return Status::InvalidArgument(field + ": '" + value + "' is neither yes (ja) nor no (nein)",
                                     "custom_fields");
    }
    return Status::Ok();
  }
  // choice
  for (const auto& choice : def.choices) {
    if (Lower(choice) == Lower(value)) {
      value = choice;
      return Status::Ok();
    }
  }
  std::string allowed;
  for (const auto& choice : def.choices) allowed += (allowed.empty() ? "" : ", ") + choice;
  return Status::InvalidArgument(field + ": '" + value + "' is not one of: " + allowed,
                                 "custom_fields");
}

Status StaleVersion(std::string_view what, std::int64_t stored, std::int64_t expected) {
  return Status::FailedPrecondition(std::string(what) + " was changed meanwhile (now version " +
                                    std::to_string(stored) + ", the edit was based on version " +
                                    std::to_string(expected) +
                                    "); reload it and apply the change again");
}

}  // namespace akte::archive
