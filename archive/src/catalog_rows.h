// Reading and writing catalog rows as records, private to archive/. Each
// function works inside the caller's connection (and so its transaction).
#pragma once

#include <string_view>

#include "akte/archive/records.h"
#include "akte/archive/status.h"
#include "sqlite_db.h"

namespace akte::archive::rows {

// Which table owns a set of channels.
enum class Owner { kCustomer, kContact };

// The columns ReadUser expects, in its order; a query appends its WHERE or
// ORDER BY. The password hash is never among them.
inline constexpr std::string_view kUserColumns =
    "SELECT id, username, display_name, role, created_at, disabled FROM users ";
// The user in the first six columns of the current row (kUserColumns' order).
User ReadUser(const sql::Statement& stmt);
Result<User> LoadUser(sql::Connection& conn, Id id);

Result<Customer> LoadCustomer(sql::Connection& conn, Id id);
Result<Contact> LoadContact(sql::Connection& conn, Id id);
Result<Document> LoadDocument(sql::Connection& conn, Id id);
Result<Note> LoadNote(sql::Connection& conn, Id id);
Result<Event> LoadEvent(sql::Connection& conn, Id id);
Result<std::optional<Conditions>> LoadConditions(sql::Connection& conn, Id customer_id);
// A business record with its payments and, for an invoice, what was paid,
// credited and is still owed (business_rows.cpp).
Result<BusinessRecord> LoadBusinessRecord(sql::Connection& conn, Id id);
Result<std::vector<BusinessRecord>> LoadBusinessRecords(sql::Connection& conn, Id customer_id);
// The id of the customer numbered `number`; InvalidArgument (field
// "customer_number") when there is none.
Result<Id> CustomerIdByNumber(sql::Connection& conn, std::string_view number);

// Replaces the emails and phones of one customer or contact.
Status SaveChannels(sql::Connection& conn, Owner owner, Id id,
                    const std::vector<std::string>& emails, const std::vector<Phone>& phones);
// Replaces a customer's custom field values.
Status SaveCustomFields(sql::Connection& conn, Id customer_id,
                        const std::map<int, std::string>& values);

// The id of an active document or event type by name (case-insensitive).
Result<Id> DocumentTypeId(sql::Connection& conn, std::string_view name);
Result<Id> EventTypeId(sql::Connection& conn, std::string_view name);

// The ids a query selects in its first column, with `key` bound to its one
// parameter (or none).
Result<std::vector<Id>> IdsOf(sql::Connection& conn, std::string_view sql, Id key);
Result<std::vector<Id>> IdsOf(sql::Connection& conn, std::string_view sql);

}  // namespace akte::archive::rows
