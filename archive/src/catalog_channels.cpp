// Catalog: whose email address or phone number something is.
#include <algorithm>

#include "akte/archive/catalog.h"
#include "sqlite_db.h"

namespace akte::archive {
namespace {

// A phone number's digits in national form, so that the spellings of one
// number compare equal: "+49 (0)30 123 45-67", "0049 30 1234567" and
// "030/1234567" all give "0301234567"; other countries keep their code
// ("+43 1 234" and "0043 1 234" give "+431234"). Empty for text with
// fewer than five digits, which is no phone number.
std::string PhoneKey(std::string_view spelled) {
  std::string text(spelled);
  if (auto zero = text.find("(0)"); zero != std::string::npos) text.erase(zero, 3);
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') digits += c;
  }
  if (digits.size() < 5) return "";
  const std::size_t first = text.find_first_not_of(" \t");
  const bool international = first != std::string::npos && text[first] == '+';
  if (!international && digits.starts_with("00"))
    digits = digits.substr(2);
  else if (!international)
    return digits;
  return digits.starts_with("49") ? "0" + digits.substr(2) : "+" + digits;
}

}  // namespace

Result<std::vector<ChannelOwner>> Catalog::FindChannelOwners(std::string_view phone_or_email) {
  const bool email = phone_or_email.find('@') != std::string_view::npos;
  const std::string wanted = email ? std::string(phone_or_email) : PhoneKey(phone_or_email);
  if (wanted.empty()) {
    return Status::InvalidArgument(
        "'" + std::string(phone_or_email) + "' is neither an email address nor a phone number",
        "counterpart");
  }
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  // Emails use the channels' index; phone numbers are compared by their key,
  // which SQL cannot compute, over the firm's (few thousand) numbers.
  AKTE_ASSIGN_OR_RETURN(
      auto stmt,
      conn->Prepare("SELECT coalesce(ch.customer_id, p.customer_id), c.number, ch.contact_id, "
                    "ch.value FROM channels ch LEFT JOIN contacts p ON p.id = ch.contact_id "
                    "JOIN customers c ON c.id = coalesce(ch.customer_id, p.customer_id) "
                    "WHERE c.archived_at = '' AND (?1 = 1 AND ch.kind = 'email' AND "
                    "ch.value = ?2 COLLATE NOCASE OR ?1 = 0 AND ch.kind <> 'email') "
                    "ORDER BY c.number, ch.contact_id"));
  stmt.Bind(std::int64_t{email}, wanted);
  std::vector<ChannelOwner> owners;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    if (!email && PhoneKey(stmt.Text(3)) != wanted) continue;
    ChannelOwner owner{stmt.Int(0), stmt.Text(1), stmt.OptionalInt(2)};
    if (std::find(owners.begin(), owners.end(), owner) == owners.end()) owners.push_back(owner);
  }
  return owners;
}

}  // namespace akte::archive
