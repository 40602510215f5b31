// Catalog: contact persons (Ansprechpartner).
#include <string>

#include "akte/archive/catalog.h"
#include "catalog_batch.h"
#include "catalog_rows.h"
#include "json_codec.h"
#include "sqlite_db.h"
#include "validation.h"

namespace akte::archive {

Result<Contact> Catalog::InsertContact(sql::Connection& conn, const Actor& by, Contact c,
                                       std::string_view action) {
  AKTE_RETURN_IF_ERROR(ValidateContact(c));
  AKTE_ASSIGN_OR_RETURN(Customer customer, rows::LoadCustomer(conn, c.customer_id));
  (void)customer;
  c.created_at = c.updated_at = Now();
  c.version = 1;
  {
    AKTE_ASSIGN_OR_RETURN(
        auto insert,
        conn.Prepare("INSERT INTO contacts(customer_id, salutation, title, first_name, "
                     "last_name, role, department, birthday, remarks, created_at, updated_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    AKTE_RETURN_IF_ERROR(insert
                             .Bind(c.customer_id, c.salutation, c.title, c.first_name, c.last_name,
                                   c.role, c.department, c.birthday, c.remarks, c.created_at,
                                   c.updated_at)
                             .Run());
  }
  c.id = conn.LastInsertId();
  AKTE_RETURN_IF_ERROR(rows::SaveChannels(conn, rows::Owner::kContact, c.id, c.emails, c.phones));
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, action, "contact", c.id, "", nlohmann::json(c).dump()));
  return c;
}

Result<Contact> Catalog::CreateContact(const Actor& by, Contact draft) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  AKTE_ASSIGN_OR_RETURN(Contact created, InsertContact(tx.conn(), by, std::move(draft), "create"));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return created;
}

Result<BatchOutcome<Contact>> Catalog::ImportContacts(const Actor& by, std::vector<Contact> drafts,
                                                      bool dry_run) {
  return ImportBatch<Contact>(std::move(drafts), dry_run,
                              [&](sql::Connection& conn, Contact draft) {
                                return InsertContact(conn, by, std::move(draft), "import");
                              });
}

Result<Contact> Catalog::UpdateContact(const Actor& by, const Contact& edited) {
  Contact c = edited;
  AKTE_RETURN_IF_ERROR(ValidateContact(c));
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(Contact before, rows::LoadContact(conn, c.id));
  if (before.version != c.version) {
    return Status::FailedPrecondition("contact " + before.DisplayName() +
                                      " was changed meanwhile (now version " +
                                      std::to_string(before.version) + "); reload it");
  }
  if (c.customer_id != before.customer_id) {
    return Status::InvalidArgument("a contact cannot move to another customer", "customer_id");
  }
  {
    AKTE_ASSIGN_OR_RETURN(
        auto update,
        conn.Prepare("UPDATE contacts SET salutation = ?, title = ?, first_name = ?, "
                     "last_name = ?, role = ?, department = ?, birthday = ?, remarks = ?, "
                     "updated_at = ?, version = version + 1 WHERE id = ?"));
    AKTE_RETURN_IF_ERROR(update
                             .Bind(c.salutation, c.title, c.first_name, c.last_name, c.role,
                                   c.department, c.birthday, c.remarks, Now(), c.id)
                             .Run());
  }
  AKTE_RETURN_IF_ERROR(rows::SaveChannels(conn, rows::Owner::kContact, c.id, c.emails, c.phones));
  AKTE_ASSIGN_OR_RETURN(Contact after, rows::LoadContact(conn, c.id));
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, "update", "contact", c.id,
                                  nlohmann::json(before).dump(), nlohmann::json(after).dump()));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return after;
}

Result<Contact> Catalog::GetContact(Id id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  return rows::LoadContact(*conn, id);
}

Result<std::vector<Contact>> Catalog::ListContacts(Id customer_id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(Customer customer, rows::LoadCustomer(*conn, customer_id));
  (void)customer;
  AKTE_ASSIGN_OR_RETURN(auto ids, rows::IdsOf(*conn,
                                              "SELECT id FROM contacts WHERE customer_id = ? "
                                              "ORDER BY lower(last_name), lower(first_name), id",
                                              customer_id));
  std::vector<Contact> contacts;
  for (Id id : ids) {
    AKTE_ASSIGN_OR_RETURN(Contact c, rows::LoadContact(*conn, id));
    contacts.push_back(std::move(c));
  }
  return contacts;
}

}  // namespace akte::archive
