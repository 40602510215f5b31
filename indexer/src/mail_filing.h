// Deciding where an email belongs, private to indexer/: whether the firm
// sent or received it, and which customer it concerns by the addresses in
// From, To and Cc — exact address first, then domain. An email that matches
// no customer or several stays in the inbox with the reason; akte never
// guesses silently.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "akte/archive/catalog.h"
#include "extractor.h"

namespace akte::indexer {

// The setting naming the firm's own addresses: a list of addresses and
// "@domain" entries, separated by commas or spaces.
inline constexpr const char* kFirmAddressesSetting = "firm.email_addresses";

struct MailFiling {
  std::string event_type;  // "E-Mail eingehend" or "E-Mail ausgehend"
  std::optional<archive::Id> customer_id;
  std::string inbox_reason;  // when customer_id is empty
};

// Every email address in a header value such as
// "\"Müller, Anna\" <anna@x.de>, bob@y.de" (lowercased).
std::vector<std::string> AddressesIn(std::string_view header);

// Files an email by its headers. `firm_addresses` is the setting's value.
Result<MailFiling> FileMail(archive::Catalog& catalog, const Metadata& mail,
                            std::string_view firm_addresses);

// The history event for an email filed under a customer.
archive::Event MailEvent(const Metadata& mail, const std::string& event_type,
                         const std::string& body);

}  // namespace akte::indexer
