// vCard import of contact persons (RFC 2426 vCard 3.0, RFC 6350 vCard 4.0,
// and the 2.1 dialect older Outlook versions write).
//
// Written here rather than taken from a library: Debian's only C/C++ vCard
// reader (libvformat) predates vCard 4 and is unmaintained, and the content
// line grammar is small.
#include <algorithm>
#include <map>

#include "akte/archive/import.h"
#include "encoding.h"
#include "validation.h"

namespace akte::archive {
namespace {

struct Property {
  int line = 0;
  std::string name;                                // upper case, group removed
  std::multimap<std::string, std::string> params;  // upper-case keys
  std::string value;                               // raw (escapes intact)
};

struct Card {
  int line = 0;
  std::vector<Property> properties;
};

std::string Upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return s;
}

// Joins folded lines (a line break followed by a space or tab continues the
// previous line) and remembers where each logical line started.
std::vector<std::pair<int, std::string>> Unfold(const std::string& text) {
  std::vector<std::pair<int, std::string>> lines;
  int number = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    ++number;
    if (!line.empty() && (line[0] == ' ' || line[0] == '\t') && !lines.empty()) {
      lines.back().second += line.substr(1);
    } else if (!lines.empty() && lines.back().second.ends_with('=') &&
               lines.back().second.find("QUOTED-PRINTABLE") != std::string::npos) {
      // vCard 2.1 quoted-printable soft line break.
      lines.back().second.pop_back();
      lines.back().second += line;
    } else {
      lines.emplace_back(number, line);
    }
    pos = end + 1;
  }
  return lines;
}

Property ParseLine(int number, const std::string& line) {
  Property p;
  p.line = number;
  // The value starts at the first ':' outside a quoted parameter value.
  bool quoted = false;
  std::size_t colon = std::string::npos;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '"') quoted = !quoted;
    if (line[i] == ':' && !quoted) {
      colon = i;
      break;
    }
  }
  std::string head = line.substr(0, colon);
  p.value = colon == std::string::npos ? "" : line.substr(colon + 1);
  std::vector<std::string> parts;
  std::string current;
  quoted = false;
  for (char c : head) {
    if (c == '"') quoted = !quoted;
    if (c == ';' && !quoted) {
      parts.push_back(current);
      current.clear();
    } else {
      current.push_back(c);
    }
  }
  parts.push_back(current);
  p.name = Upper(parts[0]);
  if (auto dot = p.name.find('.'); dot != std::string::npos) p.name = p.name.substr(dot + 1);
  for (std::size_t i = 1; i < parts.size(); ++i) {
    auto eq = parts[i].find('=');
    if (eq == std::string::npos) {  // vCard 2.1: bare type ("TEL;CELL:")
      p.params.emplace("TYPE", Upper(parts[i]));
      continue;
    }
    std::string key = Upper(parts[i].substr(0, eq));
    std::string value = parts[i].substr(eq + 1);
    std::erase(value, '"');
    // TYPE=work,voice holds several values.
    std::size_t start = 0;
    while (start <= value.size()) {
      std::size_t comma = value.find(',', start);
      if (comma == std::string::npos) comma = value.size();
      p.params.emplace(key, Upper(value.substr(start, comma - start)));
      start = comma + 1;
    }
  }
  return p;
}

bool HasParam(const Property& p, const std::string& key, const std::string& value) {
  auto [begin, end] = p.params.equal_range(key);
  return std::any_of(begin, end, [&](const auto& kv) { return kv.second == value; });
}

std::string DecodeQuotedPrintable(const std::string& in) {
  std::string out;
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '=' && i + 2 < in.size() && std::isxdigit(static_cast<unsigned char>(in[i + 1])) &&
        std::isxdigit(static_cast<unsigned char>(in[i + 2]))) {
      out.push_back(static_cast<char>(std::stoi(in.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(in[i]);
    }
  }
  return out;
}

// Splits a structured value at unescaped `separator` and unescapes each part.
std::vector<std::string> SplitValue(const std::string& raw, char separator) {
  std::vector<std::string> parts(1);
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (c == '\\' && i + 1 < raw.size()) {
      char next = raw[++i];
      parts.back().push_back(next == 'n' || next == 'N' ? '\n' : next);
    } else if (c == separator) {
      parts.emplace_back();
    } else {
      parts.back().push_back(c);
    }
  }
  return parts;
}

std::string Unescape(const std::string& raw) { return SplitValue(raw, '\0')[0]; }

Result<std::string> PropertyValue(const Property& p) {
  std::string value = p.value;
  if (HasParam(p, "ENCODING", "QUOTED-PRINTABLE")) value = DecodeQuotedPrintable(value);
  auto charset = p.params.find("CHARSET");
  if (charset != p.params.end() && charset->second != "UTF-8" && !IsValidUtf8(value)) {
    return ConvertToUtf8(value, charset->second.c_str());
  }
  if (!IsValidUtf8(value)) return ConvertToUtf8(value, "WINDOWS-1252");
  return value;
}

// "19780512", "1978-05-12", "--0512" (no year: not storable as a date).
std::string BirthdayFrom(const std::string& value) {
  std::string digits;
  for (char c : value.substr(0, value.find('T'))) {
    if (std::isdigit(static_cast<unsigned char>(c))) digits.push_back(c);
  }
  if (digits.size() != 8 || value.starts_with("--")) return "";
  return digits.substr(0, 4) + "-" + digits.substr(4, 2) + "-" + digits.substr(6, 2);
}

std::vector<Card> SplitCards(const std::string& text, std::vector<ImportProblem>& problems) {
  std::vector<Card> cards;
  bool inside = false;
  for (const auto& [number, line] : Unfold(text)) {
    if (line.empty()) continue;
    Property p = ParseLine(number, line);
    if (p.name == "BEGIN" && Upper(p.value) == "VCARD") {
      if (inside) problems.push_back({cards.back().line, "card is not closed by END:VCARD"});
      cards.push_back(Card{number, {}});
      inside = true;
    } else if (p.name == "END" && Upper(p.value) == "VCARD") {
      if (!inside) problems.push_back({number, "END:VCARD without BEGIN:VCARD"});
      inside = false;
    } else if (inside) {
      cards.back().properties.push_back(std::move(p));
    } else {
      problems.push_back({number, "text outside BEGIN:VCARD ... END:VCARD"});
    }
  }
  if (inside) problems.push_back({cards.back().line, "card is not closed by END:VCARD"});
  return cards;
}

// Fills a contact from a card; returns the card's organisation name.
Result<std::string> ContactFromCard(const Card& card, Contact& contact) {
  std::string organisation, formatted_name;
  for (const auto& p : card.properties) {
    AKTE_ASSIGN_OR_RETURN(std::string value, PropertyValue(p));
    if (p.name == "N") {
      auto parts = SplitValue(value, ';');
      parts.resize(5);
      contact.last_name = parts[0];
      contact.first_name = parts[1];
      contact.title = parts[3];
    } else if (p.name == "FN") {
      formatted_name = Unescape(value);
    } else if (p.name == "ORG") {
      auto parts = SplitValue(value, ';');
      organisation = parts[0];
      if (parts.size() > 1) contact.department = parts[1];
    } else if (p.name == "TITLE" || p.name == "ROLE") {
      if (contact.role.empty()) contact.role = Unescape(value);
    } else if (p.name == "EMAIL") {
      contact.emails.push_back(Trim(value));
    } else if (p.name == "TEL") {
      std::string number = value.starts_with("tel:") ? value.substr(4) : value;
      std::string kind = HasParam(p, "TYPE", "FAX")    ? "fax"
                         : HasParam(p, "TYPE", "CELL") ? "mobile"
                                                       : "phone";
      contact.phones.push_back(Phone{kind, Trim(number)});
    } else if (p.name == "BDAY") {
      contact.birthday = BirthdayFrom(value);
    } else if (p.name == "NOTE") {
      contact.remarks = Unescape(value);
    } else if (p.name == "X-GENDER" || p.name == "GENDER") {
      continue;
    }
  }
  if (contact.last_name.empty() && !formatted_name.empty()) {
    auto space = formatted_name.rfind(' ');
    contact.last_name =
        space == std::string::npos ? formatted_name : formatted_name.substr(space + 1);
    if (space != std::string::npos) contact.first_name = formatted_name.substr(0, space);
  }
  return organisation;
}

}  // namespace

Result<ImportReport> ImportContactsVcf(Catalog& catalog, const Actor& by, std::string_view vcf,
                                       std::string_view customer_number,
                                       const ImportOptions& options) {
  ImportReport report;
  auto decoded = DecodeToUtf8(vcf);
  if (!decoded.ok()) {
    report.problems.push_back({0, decoded.status().message()});
    return report;
  }
  report.encoding = decoded->encoding;
  auto cards = SplitCards(decoded->text, report.problems);
  report.records = cards.size();
  if (cards.empty() && report.problems.empty()) {
    report.problems.push_back({1, "no vCard found (expected BEGIN:VCARD)"});
  }
  std::optional<Id> fixed_customer;
  if (!customer_number.empty()) {
    AKTE_ASSIGN_OR_RETURN(Customer customer, catalog.FindCustomerByNumber(customer_number));
    fixed_customer = customer.id;
  }
  CustomerListOptions everyone;
  everyone.include_archived = true;
  AKTE_ASSIGN_OR_RETURN(auto customers, catalog.ListCustomers(everyone));

  std::vector<Contact> drafts;
  std::vector<int> lines;
  for (const auto& card : cards) {
    Contact contact;
    auto organisation = ContactFromCard(card, contact);
    if (!organisation.ok()) {
      report.problems.push_back({card.line, organisation.status().message()});
      continue;
    }
    if (fixed_customer) {
      contact.customer_id = *fixed_customer;
    } else {
      auto match = std::find_if(customers.begin(), customers.end(), [&](const Customer& c) {
        return !c.company.empty() &&
               (c.company == *organisation || c.DisplayName() == *organisation);
      });
      if (match == customers.end()) {
        report.problems.push_back(
            {card.line, organisation->empty()
                            ? "the card names no organisation (ORG); choose the customer with "
                              "--customer"
                            : "no customer is named '" + *organisation +
                                  "'; choose the customer with --customer"});
        continue;
      }
      contact.customer_id = match->id;
    }
    drafts.push_back(std::move(contact));
    lines.push_back(card.line);
  }
  if (!report.problems.empty()) return report;
  AKTE_ASSIGN_OR_RETURN(auto outcome,
                        catalog.ImportContacts(by, std::move(drafts), options.dry_run));
  for (const auto& [index, status] : outcome.problems) {
    report.problems.push_back({lines[index], status.message()});
  }
  report.imported = outcome.created.size();
  return report;
}

}  // namespace akte::archive
