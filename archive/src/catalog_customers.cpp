// Catalog: customers, prospects and their conditions.
#include <string>

#include "akte/archive/catalog.h"
#include "akte/archive/pipeline.h"
#include "catalog_batch.h"
#include "catalog_rows.h"
#include "json_codec.h"
#include "sqlite_db.h"
#include "validation.h"

namespace akte::archive {
namespace {

std::string Json(const auto& record) { return nlohmann::json(record).dump(); }

// ORDER BY clauses for the sort keys a list may ask for; the SQL is chosen
// from this fixed set, never built from input.
std::string_view OrderBy(const std::string& sort, bool descending) {
  struct Key {
    std::string_view name, asc, desc;
  };
  static constexpr Key kKeys[] = {
      {"number", "number ASC", "number DESC"},
      {"name",
       "lower(CASE company WHEN '' THEN last_name || ' ' || first_name ELSE company END) "
       "ASC, number",
       "lower(CASE company WHEN '' THEN last_name || ' ' || first_name ELSE company END) "
       "DESC, number"},
      {"city", "lower(city) ASC, number", "lower(city) DESC, number"},
      {"created_at", "created_at ASC, id", "created_at DESC, id DESC"},
      {"updated_at", "updated_at ASC, id", "updated_at DESC, id DESC"},
  };
  for (const auto& key : kKeys) {
    if (key.name == sort) return descending ? key.desc : key.asc;
  }
  return {};
}

// A new prospect starts at "new" unless it names another status; a new
// customer has none, or "won" when it was won elsewhere.
Status CheckNewPipelineStatus(Customer& c) {
  c.converted_at.clear();
  if (c.kind == kKindProspect) {
    if (c.pipeline_status.empty()) c.pipeline_status = kPipelineNew;
    if (!IsPipelineStatus(c.pipeline_status)) {
      return Status::InvalidArgument("'" + c.pipeline_status +
                                         "' is no pipeline status; use new, contacted, "
                                         "offer_sent, won or lost",
                                     "pipeline_status");
    }
  } else if (!c.pipeline_status.empty() && c.pipeline_status != kPipelineWon) {
    return Status::InvalidArgument(
        "only prospects have a pipeline status (a customer has none, or won)", "pipeline_status");
  }
  return Status::Ok();
}

// What an edit does to the pipeline: a change of kind from prospect to
// customer is the conversion, back to prospect starts over at "new";
// otherwise the status stays (it moves with SetPipelineStatus only).
Status ApplyKindChange(const Customer& before, Customer& c, const std::string& now) {
  c.converted_at = before.converted_at;
  if (c.kind == before.kind) {
    if (c.pipeline_status != before.pipeline_status) {
      return Status::InvalidArgument(
          "the pipeline status is not changed with an edit of the master data; set it on its "
          "own (akte prospect status, or the status of the customer file)",
          "pipeline_status");
    }
    return Status::Ok();
  }
  if (c.kind == kKindCustomer) {
    c.pipeline_status = kPipelineWon;
    c.converted_at = now;
  } else {
    c.pipeline_status = kPipelineNew;
    c.converted_at.clear();
  }
  return Status::Ok();
}

}  // namespace

Result<Customer> Catalog::InsertCustomer(sql::Connection& conn, const Actor& by, Customer c,
                                         std::string_view action) {
  AKTE_RETURN_IF_ERROR(ValidateCustomer(c));
  AKTE_RETURN_IF_ERROR(CheckNewPipelineStatus(c));
  AKTE_RETURN_IF_ERROR(ValidateCustomFields(conn, c));
  {
    AKTE_ASSIGN_OR_RETURN(auto exists, conn.Prepare("SELECT 1 FROM customers WHERE number = ?"));
    AKTE_ASSIGN_OR_RETURN(bool taken, exists.Bind(c.number).Step());
    if (taken) {
      return Status(StatusCode::kAlreadyExists, "customer number " + c.number + " is already taken",
                    "number");
    }
  }
  c.created_at = c.updated_at = Now();
  c.archived_at.clear();
  c.version = 1;
  {
    AKTE_ASSIGN_OR_RETURN(
        auto insert,
        conn.Prepare("INSERT INTO customers(number, kind, company, legal_form, salutation, "
                     "first_name, last_name, street, postal_code, city, country, website, "
                     "birthday, remarks, created_at, updated_at, pipeline_status) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    AKTE_RETURN_IF_ERROR(insert
                             .Bind(c.number, c.kind, c.company, c.legal_form, c.salutation,
                                   c.first_name, c.last_name, c.street, c.postal_code, c.city,
                                   c.country, c.website, c.birthday, c.remarks, c.created_at,
                                   c.updated_at, c.pipeline_status)
                             .Run());
  }
  c.id = conn.LastInsertId();
  AKTE_RETURN_IF_ERROR(rows::SaveChannels(conn, rows::Owner::kCustomer, c.id, c.emails, c.phones));
  AKTE_RETURN_IF_ERROR(rows::SaveCustomFields(conn, c.id, c.custom_fields));
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, action, "customer", c.id, "", Json(c)));
  return c;
}

Result<Customer> Catalog::CreateCustomer(const Actor& by, Customer draft) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  AKTE_ASSIGN_OR_RETURN(Customer created,
                        InsertCustomer(tx.conn(), by, std::move(draft), "create"));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return created;
}

Result<BatchOutcome<Customer>> Catalog::ImportCustomers(const Actor& by,
                                                        std::vector<Customer> drafts,
                                                        bool dry_run) {
  return ImportBatch<Customer>(std::move(drafts), dry_run,
                               [&](sql::Connection& conn, Customer draft) {
                                 return InsertCustomer(conn, by, std::move(draft), "import");
                               });
}

Result<Customer> Catalog::UpdateCustomer(const Actor& by, const Customer& edited) {
  Customer c = edited;
  AKTE_RETURN_IF_ERROR(ValidateCustomer(c));
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_RETURN_IF_ERROR(ValidateCustomFields(conn, c));
  AKTE_ASSIGN_OR_RETURN(Customer before, rows::LoadCustomer(conn, c.id));
  if (before.version != c.version) {
    return StaleVersion("customer " + before.number, before.version, c.version);
  }
  const std::string now = Now();
  AKTE_RETURN_IF_ERROR(ApplyKindChange(before, c, now));
  if (c.number != before.number) {
    AKTE_ASSIGN_OR_RETURN(auto exists, conn.Prepare("SELECT 1 FROM customers WHERE number = ?"));
    AKTE_ASSIGN_OR_RETURN(bool taken, exists.Bind(c.number).Step());
    if (taken) {
      return Status(StatusCode::kAlreadyExists, "customer number " + c.number + " is already taken",
                    "number");
    }
  }
  {
    AKTE_ASSIGN_OR_RETURN(
        auto update,
        conn.Prepare("UPDATE customers SET number = ?, kind = ?, company = ?, legal_form = ?, "
                     "salutation = ?, first_name = ?, last_name = ?, street = ?, "
                     "postal_code = ?, city = ?, country = ?, website = ?, birthday = ?, "
                     "remarks = ?, updated_at = ?, pipeline_status = ?, converted_at = ?, "
                     "version = version + 1 WHERE id = ?"));
    AKTE_RETURN_IF_ERROR(update
                             .Bind(c.number, c.kind, c.company, c.legal_form, c.salutation,
                                   c.first_name, c.last_name, c.street, c.postal_code, c.city,
                                   c.country, c.website, c.birthday, c.remarks, now,
                                   c.pipeline_status, c.converted_at, c.id)
                             .Run());
  }
  AKTE_RETURN_IF_ERROR(rows::SaveChannels(conn, rows::Owner::kCustomer, c.id, c.emails, c.phones));
  AKTE_RETURN_IF_ERROR(rows::SaveCustomFields(conn, c.id, c.custom_fields));
  AKTE_ASSIGN_OR_RETURN(Customer after, rows::LoadCustomer(conn, c.id));
  if (after.kind != before.kind) {
    AKTE_RETURN_IF_ERROR(RecordPipelineEvent(conn, by, before, after, ""));
  }
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, "update", "customer", c.id, Json(before), Json(after)));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return after;
}

Result<Customer> Catalog::ArchiveCustomer(const Actor& by, Id id, std::int64_t expected_version) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(Customer before, rows::LoadCustomer(conn, id));
  if (before.version != expected_version) {
    return Status::FailedPrecondition("customer " + before.number +
                                      " was changed meanwhile; reload it before archiving");
  }
  {
    AKTE_ASSIGN_OR_RETURN(auto update,
                          conn.Prepare("UPDATE customers SET archived_at = ?, updated_at = ?, "
                                       "version = version + 1 WHERE id = ?"));
    const std::string now = Now();
    AKTE_RETURN_IF_ERROR(update.Bind(now, now, id).Run());
  }
  AKTE_ASSIGN_OR_RETURN(Customer after, rows::LoadCustomer(conn, id));
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, "archive", "customer", id, Json(before), Json(after)));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return after;
}

Result<Customer> Catalog::GetCustomer(Id id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  return rows::LoadCustomer(*conn, id);
}

Result<Customer> Catalog::FindCustomerByNumber(std::string_view number) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  Id id = 0;
  {
    AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare("SELECT id FROM customers WHERE number = ?"));
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(Trim(number)).Step());
    if (!row)
      return Status::NotFound("there is no customer with number '" + std::string(number) + "'");
    id = stmt.Int(0);
  }
  return rows::LoadCustomer(*conn, id);
}

Result<std::vector<Customer>> Catalog::ListCustomers(const CustomerListOptions& options) {
  const std::string_view order = OrderBy(options.sort, options.descending);
  if (order.empty()) {
    return Status::InvalidArgument(
        "cannot sort by '" + options.sort + "'; use number, name, city, created_at or updated_at",
        "sort");
  }
  if (!options.kind.empty() && options.kind != kKindCustomer && options.kind != kKindProspect) {
    return Status::InvalidArgument("kind must be customer or prospect", "kind");
  }
  if (!options.pipeline_status.empty() && !IsPipelineStatus(options.pipeline_status)) {
    return Status::InvalidArgument("'" + options.pipeline_status +
                                       "' is no pipeline status; use new, contacted, offer_sent, "
                                       "won or lost",
                                   "pipeline_status");
  }
  if (options.limit < 0 || options.offset < 0) {
    return Status::InvalidArgument("limit and offset cannot be negative", "limit");
  }
  const std::string sql =
      "SELECT id FROM customers WHERE (?1 = '' OR kind = ?1) AND (?2 OR archived_at = '') "
      "AND (?3 = '' OR number LIKE '%' || ?3 || '%' OR company LIKE '%' || ?3 || '%' "
      "OR last_name LIKE '%' || ?3 || '%' OR first_name LIKE '%' || ?3 || '%' "
      "OR city LIKE '%' || ?3 || '%') AND (?6 = '' OR pipeline_status = ?6) ORDER BY " +
      std::string(order) + " LIMIT ?4 OFFSET ?5";
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  std::vector<Id> ids;
  {
    AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare(sql));
    stmt.Bind(options.kind, options.include_archived ? 1 : 0, Trim(options.filter),
              options.limit > 0 ? options.limit : -1, options.offset, options.pipeline_status);
    for (;;) {
      AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      ids.push_back(stmt.Int(0));
    }
  }
  std::vector<Customer> customers;
  customers.reserve(ids.size());
  for (Id id : ids) {
    AKTE_ASSIGN_OR_RETURN(Customer c, rows::LoadCustomer(*conn, id));
    customers.push_back(std::move(c));
  }
  return customers;
}

Result<std::vector<Id>> Catalog::CustomersWithEmail(std::string_view email) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(
      auto stmt,
      conn->Prepare("SELECT DISTINCT coalesce(ch.customer_id, co.customer_id) FROM channels ch "
                    "LEFT JOIN contacts co ON co.id = ch.contact_id "
                    "WHERE ch.kind = 'email' AND ch.value = ? COLLATE NOCASE ORDER BY 1"));
  stmt.Bind(Trim(email));
  std::vector<Id> ids;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    ids.push_back(stmt.Int(0));
  }
  return ids;
}

Result<std::vector<Id>> Catalog::CustomersWithEmailDomain(std::string_view domain) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(
      auto stmt,
      conn->Prepare("SELECT DISTINCT coalesce(ch.customer_id, co.customer_id) FROM channels ch "
                    "LEFT JOIN contacts co ON co.id = ch.contact_id WHERE ch.kind = 'email' "
                    "AND lower(substr(ch.value, instr(ch.value, '@') + 1)) = lower(?) ORDER BY 1"));
  stmt.Bind(Trim(domain));
  std::vector<Id> ids;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    ids.push_back(stmt.Int(0));
  }
  return ids;
}

Result<Conditions> Catalog::SetConditions(const Actor& by, const Conditions& conditions) {
  Conditions c = conditions;
  AKTE_RETURN_IF_ERROR(ValidateConditions(c));
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(Customer customer, rows::LoadCustomer(conn, c.customer_id));
  AKTE_ASSIGN_OR_RETURN(auto before, rows::LoadConditions(conn, c.customer_id));
  const std::int64_t current = before ? before->version : 0;
  if (current != c.version) {
    return Status::FailedPrecondition("the conditions of customer " + customer.number +
                                      " were changed meanwhile (now version " +
                                      std::to_string(current) + "); reload them");
  }
  {
    AKTE_ASSIGN_OR_RETURN(
        auto upsert,
        conn.Prepare("INSERT INTO conditions(customer_id, price_list, discount_basis_points, "
                     "delivery_terms, payment_terms, open_invoice_limit_cents) "
                     "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(customer_id) DO UPDATE SET "
                     "price_list = excluded.price_list, discount_basis_points = "
                     "excluded.discount_basis_points, delivery_terms = excluded.delivery_terms, "
                     "payment_terms = excluded.payment_terms, open_invoice_limit_cents = "
                     "excluded.open_invoice_limit_cents, version = version + 1"));
    AKTE_RETURN_IF_ERROR(upsert
                             .Bind(c.customer_id, c.price_list, c.discount_basis_points,
                                   c.delivery_terms, c.payment_terms, c.open_invoice_limit_cents)
                             .Run());
  }
  AKTE_ASSIGN_OR_RETURN(auto after, rows::LoadConditions(conn, c.customer_id));
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, before ? "update" : "create", "conditions",
                                  c.customer_id, before ? Json(*before) : "", Json(*after)));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return *after;
}

Result<std::optional<Conditions>> Catalog::GetConditions(Id customer_id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(Customer customer, rows::LoadCustomer(*conn, customer_id));
  (void)customer;
  return rows::LoadConditions(*conn, customer_id);
}

}  // namespace akte::archive
