#include "catalog_rows.h"

#include <string>

namespace akte::archive::rows {
namespace {

Status LoadChannels(sql::Connection& conn, Owner owner, Id id, std::vector<std::string>& emails,
                    std::vector<Phone>& phones) {
  AKTE_ASSIGN_OR_RETURN(auto stmt,
                        conn.Prepare(owner == Owner::kCustomer
                                         ? "SELECT kind, value FROM channels WHERE customer_id = ? "
                                           "ORDER BY position"
                                         : "SELECT kind, value FROM channels WHERE contact_id = ? "
                                           "ORDER BY position"));
  stmt.Bind(id);
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    std::string kind = stmt.Text(0);
    if (kind == "email") {
      emails.push_back(stmt.Text(1));
    } else {
      phones.push_back(Phone{kind, stmt.Text(1)});
    }
  }
  return Status::Ok();
}

Status NotFoundUnlessRow(bool row, std::string_view what, Id id) {
  if (!row)
    return Status::NotFound(std::string(what) + " " + std::to_string(id) + " does not exist");
  return Status::Ok();
}

Result<Id> TypeId(sql::Connection& conn, std::string_view sql, std::string_view name,
                  std::string_view what) {
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn.Prepare(sql));
  stmt.Bind(name);
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) {
    return Status::InvalidArgument(
        std::string(what) + " '" + std::string(name) + "' is not defined", "type");
  }
  return stmt.Int(0);
}

}  // namespace

User ReadUser(const sql::Statement& stmt) {
  return User{stmt.Int(0),  stmt.Text(1), stmt.Text(2),
              stmt.Text(3), stmt.Text(4), stmt.Int(5) != 0};
}

Result<User> LoadUser(sql::Connection& conn, Id id) {
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn.Prepare(std::string(kUserColumns) + "WHERE id = ?"));
  stmt.Bind(id);
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  AKTE_RETURN_IF_ERROR(NotFoundUnlessRow(row, "user", id));
  return ReadUser(stmt);
}

Result<Customer> LoadCustomer(sql::Connection& conn, Id id) {
  Customer c;
  {
    AKTE_ASSIGN_OR_RETURN(
        auto stmt,
        conn.Prepare("SELECT id, number, kind, company, legal_form, salutation, first_name, "
                     "last_name, street, postal_code, city, country, website, birthday, remarks, "
                     "created_at, updated_at, archived_at, version, pipeline_status, converted_at "
                     "FROM customers WHERE id = ?"));
    stmt.Bind(id);
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    AKTE_RETURN_IF_ERROR(NotFoundUnlessRow(row, "customer", id));
    c.id = stmt.Int(0);
    c.number = stmt.Text(1);
    c.kind = stmt.Text(2);
    c.company = stmt.Text(3);
    c.legal_form = stmt.Text(4);
    c.salutation = stmt.Text(5);
    c.first_name = stmt.Text(6);
    c.last_name = stmt.Text(7);
    c.street = stmt.Text(8);
    c.postal_code = stmt.Text(9);
    c.city = stmt.Text(10);
    c.country = stmt.Text(11);
    c.website = stmt.Text(12);
    c.birthday = stmt.Text(13);
    c.remarks = stmt.Text(14);
    c.created_at = stmt.Text(15);
    c.updated_at = stmt.Text(16);
    c.archived_at = stmt.Text(17);
    c.version = stmt.Int(18);
    c.pipeline_status = stmt.Text(19);
    c.converted_at = stmt.Text(20);
  }
  AKTE_RETURN_IF_ERROR(LoadChannels(conn, Owner::kCustomer, id, c.emails, c.phones));
  AKTE_ASSIGN_OR_RETURN(
      auto stmt, conn.Prepare("SELECT slot, value FROM customer_fields WHERE customer_id = ?"));
  stmt.Bind(id);
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    c.custom_fields[static_cast<int>(stmt.Int(0))] = stmt.Text(1);
  }
  return c;
}

Result<Contact> LoadContact(sql::Connection& conn, Id id) {
  Contact c;
  {
    AKTE_ASSIGN_OR_RETURN(
        auto stmt,
        conn.Prepare("SELECT id, customer_id, salutation, title, first_name, last_name, role, "
                     "department, birthday, remarks, created_at, updated_at, version "
                     "FROM contacts WHERE id = ?"));
    stmt.Bind(id);
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    AKTE_RETURN_IF_ERROR(NotFoundUnlessRow(row, "contact", id));
    c.id = stmt.Int(0);
    c.customer_id = stmt.Int(1);
    c.salutation = stmt.Text(2);
    c.title = stmt.Text(3);
    c.first_name = stmt.Text(4);
    c.last_name = stmt.Text(5);
    c.role = stmt.Text(6);
    c.department = stmt.Text(7);
    c.birthday = stmt.Text(8);
    c.remarks = stmt.Text(9);
    c.created_at = stmt.Text(10);
    c.updated_at = stmt.Text(11);
    c.version = stmt.Int(12);
  }
  AKTE_RETURN_IF_ERROR(LoadChannels(conn, Owner::kContact, id, c.emails, c.phones));
  return c;
}

Result<Document> LoadDocument(sql::Connection& conn, Id id) {
  AKTE_ASSIGN_OR_RETURN(
      auto stmt,
      conn.Prepare("SELECT d.id, d.customer_id, d.contact_id, d.parent_id, d.title, t.name, "
                   "d.document_date, d.filename, d.path_in_parent, d.mime_type, d.size, d.sha256, "
                   "u.username, d.uploaded_at, d.extraction_state, d.extraction_error, d.version, "
                   "d.inbox_reason, COALESCE(NULLIF(u.display_name, ''), u.username) "
                   "FROM documents d JOIN document_types t ON t.id = d.type_id "
                   "JOIN users u ON u.id = d.uploaded_by WHERE d.id = ?"));
  stmt.Bind(id);
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  AKTE_RETURN_IF_ERROR(NotFoundUnlessRow(row, "document", id));
  Document d;
  d.id = stmt.Int(0);
  d.customer_id = stmt.OptionalInt(1);
  d.contact_id = stmt.OptionalInt(2);
  d.parent_id = stmt.OptionalInt(3);
  d.title = stmt.Text(4);
  d.type = stmt.Text(5);
  d.document_date = stmt.Text(6);
  d.filename = stmt.Text(7);
  d.path_in_parent = stmt.Text(8);
  d.mime_type = stmt.Text(9);
  d.size = static_cast<std::uint64_t>(stmt.Int(10));
  d.sha256 = stmt.Text(11);
  d.uploaded_by = stmt.Text(12);
  d.uploaded_at = stmt.Text(13);
  d.extraction_state = stmt.Text(14);
  d.extraction_error = stmt.Text(15);
  d.version = stmt.Int(16);
  d.inbox_reason = stmt.Text(17);
  d.uploaded_by_name = stmt.Text(18);
  return d;
}

Result<Note> LoadNote(sql::Connection& conn, Id id) {
  AKTE_ASSIGN_OR_RETURN(
      auto stmt, conn.Prepare("SELECT n.id, n.customer_id, n.contact_id, n.text, u.username, "
                              "n.created_at, n.edited_at, n.version, "
                              "COALESCE(NULLIF(u.display_name, ''), u.username) FROM notes n "
                              "JOIN users u ON u.id = n.author_id WHERE n.id = ?"));
  stmt.Bind(id);
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  AKTE_RETURN_IF_ERROR(NotFoundUnlessRow(row, "note", id));
  Note n;
  n.id = stmt.Int(0);
  n.customer_id = stmt.Int(1);
  n.contact_id = stmt.OptionalInt(2);
  n.text = stmt.Text(3);
  n.author = stmt.Text(4);
  n.created_at = stmt.Text(5);
  n.edited_at = stmt.Text(6);
  n.version = stmt.Int(7);
  n.author_name = stmt.Text(8);
  return n;
}

Result<Event> LoadEvent(sql::Connection& conn, Id id) {
  Event e;
  {
    AKTE_ASSIGN_OR_RETURN(
        auto stmt,
        conn.Prepare("SELECT e.id, e.customer_id, e.contact_id, t.name, e.subject, e.text, "
                     "e.occurred_at, u.username, e.created_at, e.version, "
                     "COALESCE(NULLIF(u.display_name, ''), u.username) FROM events e "
                     "JOIN event_types t ON t.id = e.type_id JOIN users u ON u.id = e.author_id "
                     "WHERE e.id = ?"));
    stmt.Bind(id);
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    AKTE_RETURN_IF_ERROR(NotFoundUnlessRow(row, "event", id));
    e.id = stmt.Int(0);
    e.customer_id = stmt.Int(1);
    e.contact_id = stmt.OptionalInt(2);
    e.type = stmt.Text(3);
    e.subject = stmt.Text(4);
    e.text = stmt.Text(5);
    e.occurred_at = stmt.Text(6);
    e.author = stmt.Text(7);
    e.created_at = stmt.Text(8);
    e.version = stmt.Int(9);
    e.author_name = stmt.Text(10);
  }
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn.Prepare("SELECT document_id FROM event_documents "
                                                "WHERE event_id = ? ORDER BY document_id"));
  stmt.Bind(id);
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    e.document_ids.push_back(stmt.Int(0));
  }
  return e;
}

Result<std::optional<Conditions>> LoadConditions(sql::Connection& conn, Id customer_id) {
  AKTE_ASSIGN_OR_RETURN(
      auto stmt,
      conn.Prepare("SELECT customer_id, price_list, discount_basis_points, delivery_terms, "
                   "payment_terms, open_invoice_limit_cents, version FROM conditions "
                   "WHERE customer_id = ?"));
  stmt.Bind(customer_id);
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
  if (!row) return std::optional<Conditions>();
  return std::optional<Conditions>(Conditions{stmt.Int(0), stmt.Text(1), stmt.Int(2), stmt.Text(3),
                                              stmt.Text(4), stmt.OptionalInt(5), stmt.Int(6)});
}

Status SaveChannels(sql::Connection& conn, Owner owner, Id id,
                    const std::vector<std::string>& emails, const std::vector<Phone>& phones) {
  const bool customer = owner == Owner::kCustomer;
  {
    AKTE_ASSIGN_OR_RETURN(auto stmt,
                          conn.Prepare(customer ? "DELETE FROM channels WHERE customer_id = ?"
                                                : "DELETE FROM channels WHERE contact_id = ?"));
    AKTE_RETURN_IF_ERROR(stmt.Bind(id).Run());
  }
  AKTE_ASSIGN_OR_RETURN(auto insert,
                        conn.Prepare("INSERT INTO channels(customer_id, contact_id, kind, value, "
                                     "position) VALUES (?, ?, ?, ?, ?)"));
  const std::optional<Id> customer_id = customer ? std::optional<Id>(id) : std::nullopt;
  const std::optional<Id> contact_id = customer ? std::nullopt : std::optional<Id>(id);
  int position = 0;
  for (const auto& email : emails) {
    AKTE_RETURN_IF_ERROR(insert.Bind(customer_id, contact_id, "email", email, position++).Run());
  }
  for (const auto& phone : phones) {
    AKTE_RETURN_IF_ERROR(
        insert.Bind(customer_id, contact_id, phone.kind, phone.number, position++).Run());
  }
  return Status::Ok();
}

Status SaveCustomFields(sql::Connection& conn, Id customer_id,
                        const std::map<int, std::string>& values) {
  {
    AKTE_ASSIGN_OR_RETURN(auto stmt,
                          conn.Prepare("DELETE FROM customer_fields WHERE customer_id = ?"));
    AKTE_RETURN_IF_ERROR(stmt.Bind(customer_id).Run());
  }
  AKTE_ASSIGN_OR_RETURN(
      auto insert,
      conn.Prepare("INSERT INTO customer_fields(customer_id, slot, value) VALUES (?, ?, ?)"));
  for (const auto& [slot, value] : values) {
    if (value.empty()) continue;
    AKTE_RETURN_IF_ERROR(insert.Bind(customer_id, slot, value).Run());
  }
  return Status::Ok();
}

Result<Id> DocumentTypeId(sql::Connection& conn, std::string_view name) {
  return TypeId(conn, "SELECT id FROM document_types WHERE name = ? COLLATE NOCASE AND retired = 0",
                name, "document type");
}

Result<Id> EventTypeId(sql::Connection& conn, std::string_view name) {
  return TypeId(conn, "SELECT id FROM event_types WHERE name = ? COLLATE NOCASE AND retired = 0",
                name, "event type");
}

namespace {

Result<std::vector<Id>> CollectIds(sql::Statement& stmt) {
  std::vector<Id> ids;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    ids.push_back(stmt.Int(0));
  }
  return ids;
}

}  // namespace

Result<std::vector<Id>> IdsOf(sql::Connection& conn, std::string_view sql) {
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn.Prepare(sql));
  return CollectIds(stmt);
}

Result<std::vector<Id>> IdsOf(sql::Connection& conn, std::string_view sql, Id key) {
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn.Prepare(sql));
  stmt.Bind(key);
  return CollectIds(stmt);
}

}  // namespace akte::archive::rows
