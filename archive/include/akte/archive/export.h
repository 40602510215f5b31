// Handing contact persons to the tools people already use: vCard files for
// address books, phones and mail programs.
#pragma once

#include <string>
#include <vector>

#include "akte/archive/catalog.h"
#include "akte/archive/records.h"
#include "akte/archive/status.h"

namespace akte::archive {

enum class VcardVersion { k30, k40 };  // RFC 2426 (older clients), RFC 6350

// A contact with the customer it belongs to (its ORG).
struct ContactCard {
  Contact contact;
  std::string organisation;
};

// The contacts of one customer, or of every customer not archived, each
// with its customer's company (or name) as organisation.
Result<std::vector<ContactCard>> ContactCards(Catalog& catalog, std::optional<Id> customer_id);

// The contacts as one vCard file: CRLF line ends, lines folded at 75
// octets without splitting a character, text escaped. Each card carries
// FN, N (with the title as prefix), ORG (customer; department), TITLE
// (role), EMAIL, TEL (phone, mobile as cell, fax), BDAY, NOTE (remarks),
// REV and a UID stable per contact; 4.0 cards also KIND and GENDER (from
// the salutation). ImportContactsVcf reads it back to the same contacts.
std::string ExportContactsVcf(const std::vector<ContactCard>& cards, VcardVersion version);

}  // namespace akte::archive
