// vCard export of contact persons (RFC 6350 vCard 4.0, RFC 2426 vCard 3.0).
#include <algorithm>
#include <string>

#include "akte/archive/export.h"
#include "akte/archive/time.h"

namespace akte::archive {
namespace {

constexpr std::size_t kMaxLineOctets = 75;

// A text value with \, comma, semicolon and line breaks escaped.
std::string Escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\' || c == ',' || c == ';') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  return out;
}

// Appends a content line, folded so that no line exceeds 75 octets and no
// UTF-8 sequence is split.
void AddLine(std::string& out, const std::string& line) {
  std::size_t start = 0;
  std::size_t limit = kMaxLineOctets;
  while (line.size() - start > limit) {
    std::size_t end = start + limit;
    while (end > start && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) --end;
    out += line.substr(start, end - start) + "\r\n ";
    start = end;
    limit = kMaxLineOctets - 1;  // the continuation's leading space counts
  }
  out += line.substr(start) + "\r\n";
}

std::string Gender(std::string_view salutation) {
  if (salutation == "Herr" || salutation == "Mr" || salutation == "Mr.") return "M";
  if (salutation == "Frau" || salutation == "Mrs" || salutation == "Ms" || salutation == "Mrs." ||
      salutation == "Ms.") {
    return "F";
  }
  return "";
}

std::string TelType(const Phone& phone, VcardVersion version) {
  const bool v4 = version == VcardVersion::k40;
  if (phone.kind == "mobile") return v4 ? "cell" : "CELL";
  if (phone.kind == "fax") return v4 ? "fax" : "FAX";
  return v4 ? "voice" : "VOICE";
}

// "20240305T130500Z" from "2024-03-05T13:05:00Z".
std::string BasicTimestamp(std::string iso) {
  std::erase(iso, '-');
  std::erase(iso, ':');
  return iso;
}

void AddCard(std::string& out, const ContactCard& card, VcardVersion version) {
  const Contact& c = card.contact;
  const bool v4 = version == VcardVersion::k40;
  AddLine(out, "BEGIN:VCARD");
  AddLine(out, v4 ? "VERSION:4.0" : "VERSION:3.0");
  if (v4) AddLine(out, "KIND:individual");
  AddLine(out, "FN:" + Escape(JoinNonEmpty({c.title, c.first_name, c.last_name}, " ")));
  AddLine(out,
          "N:" + Escape(c.last_name) + ";" + Escape(c.first_name) + ";;" + Escape(c.title) + ";");
  if (v4 && !Gender(c.salutation).empty()) AddLine(out, "GENDER:" + Gender(c.salutation));
  if (!card.organisation.empty() || !c.department.empty()) {
    AddLine(out, "ORG:" + Escape(card.organisation) +
                     (c.department.empty() ? "" : ";" + Escape(c.department)));
  }
  if (!c.role.empty()) AddLine(out, "TITLE:" + Escape(c.role));
  for (const auto& email : c.emails) {
    AddLine(out, std::string(v4 ? "EMAIL;TYPE=work:" : "EMAIL;TYPE=INTERNET,WORK:") + email);
  }
  for (const auto& phone : c.phones) {
    // Readers take a number as it stands, so separators become spaces.
    std::string number = phone.number;
    std::replace_if(
        number.begin(), number.end(), [](char ch) { return ch == ',' || ch == ';'; }, ' ');
    AddLine(out, (v4 ? "TEL;VALUE=text;TYPE=work," : "TEL;TYPE=WORK,") + TelType(phone, version) +
                     ":" + number);
  }
  if (!c.birthday.empty()) {
    std::string day = c.birthday;
    if (v4) std::erase(day, '-');  // 4.0 writes dates in the basic format
    AddLine(out, "BDAY:" + day);
  }
  if (!c.remarks.empty()) AddLine(out, "NOTE:" + Escape(c.remarks));
  const std::string uid = "akte-contact-" + std::to_string(c.id);
  AddLine(out, v4 ? "UID;VALUE=text:" + uid : "UID:" + uid);
  if (!c.updated_at.empty()) AddLine(out, "REV:" + BasicTimestamp(c.updated_at));
  AddLine(out, "PRODID:-//akte//Kundenakte//DE");
  AddLine(out, "END:VCARD");
}

}  // namespace

Result<std::vector<ContactCard>> ContactCards(Catalog& catalog, std::optional<Id> customer_id) {
  std::vector<Customer> customers;
  if (customer_id) {
    AKTE_ASSIGN_OR_RETURN(Customer customer, catalog.GetCustomer(*customer_id));
    customers.push_back(std::move(customer));
  } else {
    AKTE_ASSIGN_OR_RETURN(customers, catalog.ListCustomers());
  }
  std::vector<ContactCard> cards;
  for (const auto& customer : customers) {
    AKTE_ASSIGN_OR_RETURN(auto contacts, catalog.ListContacts(customer.id));
    const std::string organisation =
        customer.company.empty() ? customer.DisplayName() : customer.company;
    for (auto& contact : contacts) cards.push_back({std::move(contact), organisation});
  }
  return cards;
}

std::string ExportContactsVcf(const std::vector<ContactCard>& cards, VcardVersion version) {
  std::string out;
  for (const auto& card : cards) AddCard(out, card, version);
  return out;
}

}  // namespace akte::archive
