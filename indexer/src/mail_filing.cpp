#include "mail_filing.h"

#include <algorithm>
#include <array>
#include <set>

namespace akte::indexer {
namespace {

// Mailbox providers shared by many people: a domain match there says
// nothing about the customer.
constexpr std::array<std::string_view, 24> kSharedDomains = {
    "gmail.com", "googlemail.com", "web.de",      "gmx.de",      "gmx.net",     "gmx.at",
    "gmx.ch",    "t-online.de",    "outlook.com", "outlook.de",  "hotmail.com", "hotmail.de",
    "live.com",  "live.de",        "yahoo.com",   "yahoo.de",    "icloud.com",  "me.com",
    "aol.com",   "freenet.de",     "posteo.de",   "mailbox.org", "bluewin.ch",  "aon.at",
};

bool IsAddressChar(char c) {
  return !(c == ' ' || c == '<' || c == '>' || c == ',' || c == ';' || c == '"' || c == '(' ||
           c == ')' || c == '\t' || c == '\n' || c == '\r' || c == '[' || c == ']' || c == ':');
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

std::string DomainOf(const std::string& address) { return address.substr(address.find('@') + 1); }

bool IsFirmAddress(const std::string& address, const std::vector<std::string>& firm) {
  return std::any_of(firm.begin(), firm.end(), [&](const std::string& entry) {
    return entry.starts_with("@") ? "@" + DomainOf(address) == entry : entry == address;
  });
}

std::string JoinNumbers(archive::Catalog& catalog, const std::vector<archive::Id>& ids) {
  std::string out;
  for (auto id : ids) {
    auto customer = catalog.GetCustomer(id);
    out += (out.empty() ? "" : ", ") + (customer.ok() ? customer->number : std::to_string(id));
  }
  return out;
}

}  // namespace

std::vector<std::string> AddressesIn(std::string_view header) {
  std::vector<std::string> addresses;
  for (std::size_t at = header.find('@'); at != std::string_view::npos;
       at = header.find('@', at + 1)) {
    std::size_t start = at, end = at + 1;
    while (start > 0 && IsAddressChar(header[start - 1])) --start;
    while (end < header.size() && IsAddressChar(header[end])) ++end;
    if (start == at || end == at + 1) continue;
    std::string address = Lower(std::string(header.substr(start, end - start)));
    if (address.find('.', address.find('@')) == std::string::npos) continue;
    if (std::find(addresses.begin(), addresses.end(), address) == addresses.end()) {
      addresses.push_back(address);
    }
  }
  return addresses;
}

Result<MailFiling> FileMail(archive::Catalog& catalog, const Metadata& mail,
                            std::string_view firm_addresses) {
  std::vector<std::string> firm;
  for (const auto& entry : AddressesIn(std::string(firm_addresses))) firm.push_back(entry);
  // "@domain" entries have no local part, so AddressesIn skips them.
  std::string list(firm_addresses);
  for (std::size_t pos = list.find('@'); pos != std::string::npos; pos = list.find('@', pos + 1)) {
    if (pos == 0 || !IsAddressChar(list[pos - 1])) {
      std::size_t end = pos + 1;
      while (end < list.size() && IsAddressChar(list[end])) ++end;
      firm.push_back(Lower(list.substr(pos, end - pos)));
    }
  }

  MailFiling filing;
  const auto senders = AddressesIn(mail.from);
  const bool outgoing = !senders.empty() && IsFirmAddress(senders.front(), firm);
  filing.event_type = outgoing ? "E-Mail ausgehend" : "E-Mail eingehend";

  std::vector<std::string> others;
  for (const auto& header : {mail.from, mail.to, mail.cc}) {
    for (const auto& address : AddressesIn(header)) {
      if (!IsFirmAddress(address, firm)) others.push_back(address);
    }
  }
  if (others.empty()) {
    filing.inbox_reason = "the email names no address outside the firm";
    return filing;
  }

  std::set<archive::Id> exact;
  for (const auto& address : others) {
    AKTE_ASSIGN_OR_RETURN(auto ids, catalog.CustomersWithEmail(address));
    exact.insert(ids.begin(), ids.end());
  }
  if (exact.size() == 1) {
    filing.customer_id = *exact.begin();
    return filing;
  }
  if (exact.size() > 1) {
    filing.inbox_reason = "its addresses belong to several customers (" +
                          JoinNumbers(catalog, {exact.begin(), exact.end()}) + ")";
    return filing;
  }

  std::set<archive::Id> by_domain;
  std::set<std::string> domains;
  for (const auto& address : others) {
    const std::string domain = DomainOf(address);
    if (std::find(kSharedDomains.begin(), kSharedDomains.end(), domain) != kSharedDomains.end()) {
      continue;
    }
    domains.insert(domain);
    AKTE_ASSIGN_OR_RETURN(auto ids, catalog.CustomersWithEmailDomain(domain));
    by_domain.insert(ids.begin(), ids.end());
  }
  if (by_domain.size() == 1) {
    filing.customer_id = *by_domain.begin();
    return filing;
  }
  if (by_domain.size() > 1) {
    filing.inbox_reason = "its domain belongs to several customers (" +
                          JoinNumbers(catalog, {by_domain.begin(), by_domain.end()}) + ")";
    return filing;
  }
  std::string listed;
  for (const auto& address : others) listed += (listed.empty() ? "" : ", ") + address;
  filing.inbox_reason = "no customer or contact has the address " + listed;
  return filing;
}

archive::Event MailEvent(const Metadata& mail, const std::string& event_type,
                         const std::string& body) {
  archive::Event event;
  event.type = event_type;
  event.subject = mail.title.empty() ? "(ohne Betreff)" : mail.title;
  if (event.subject.size() > 400) event.subject.resize(400);
  // The history shows the opening of the message; the document holds it all.
  std::string text = body.substr(0, 2000);
  while (!text.empty() && (static_cast<unsigned char>(text.back()) & 0xC0) == 0x80) text.pop_back();
  if (!text.empty() && static_cast<unsigned char>(text.back()) >= 0xC0) text.pop_back();
  event.text = text;
  event.occurred_at = mail.date;
  return event;
}

}  // namespace akte::indexer
