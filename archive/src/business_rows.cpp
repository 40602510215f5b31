// Reading business records and their payments (see catalog_rows.h).
#include "catalog_rows.h"
#include "validation.h"

namespace akte::archive::rows {
namespace {

constexpr std::string_view kRecordColumns =
    "SELECT r.id, r.customer_id, r.kind, r.number, r.record_date, r.previous_id, r.document_id, "
    "r.subject, r.net_cents, r.tax_cents, r.gross_cents, r.due_date, r.delivery_date, "
    "r.dunning_level, r.fee_cents, u.username, COALESCE(NULLIF(u.display_name, ''), u.username), "
    "r.created_at FROM business_records r JOIN users u ON u.id = r.author_id ";

BusinessRecord ReadRecord(const sql::Statement& stmt) {
  BusinessRecord r;
  r.id = stmt.Int(0);
  r.customer_id = stmt.Int(1);
  r.kind = stmt.Text(2);
  r.number = stmt.Text(3);
  r.record_date = stmt.Text(4);
  r.previous_id = stmt.OptionalInt(5);
  r.document_id = stmt.OptionalInt(6);
  r.subject = stmt.Text(7);
  r.net_cents = stmt.Int(8);
  r.tax_cents = stmt.Int(9);
  r.gross_cents = stmt.Int(10);
  r.due_date = stmt.Text(11);
  r.delivery_date = stmt.Text(12);
  r.dunning_level = static_cast<int>(stmt.Int(13));
  r.fee_cents = stmt.Int(14);
  r.author = stmt.Text(15);
  r.author_name = stmt.Text(16);
  r.created_at = stmt.Text(17);
  return r;
}

// An invoice's payments, credit notes and what it still owes.
Status AddSettlement(sql::Connection& conn, BusinessRecord& invoice) {
  {
    AKTE_ASSIGN_OR_RETURN(
        auto stmt, conn.Prepare("SELECT p.id, p.record_id, p.paid_on, p.amount_cents, p.note, "
                                "u.username, p.created_at FROM payments p "
                                "JOIN users u ON u.id = p.author_id WHERE p.record_id = ? "
                                "ORDER BY p.paid_on, p.id"));
    stmt.Bind(invoice.id);
    for (;;) {
      AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      Payment p{stmt.Int(0),  stmt.Int(1),  stmt.Text(2), stmt.Int(3),
                stmt.Text(4), stmt.Text(5), stmt.Text(6)};
      invoice.paid_cents += p.amount_cents;
      invoice.payments.push_back(std::move(p));
    }
  }
  AKTE_ASSIGN_OR_RETURN(
      auto credited,
      conn.Prepare("SELECT COALESCE(SUM(gross_cents), 0), count(*) FROM "
                   "business_records WHERE previous_id = ? AND kind = 'credit_note'"));
  AKTE_ASSIGN_OR_RETURN(bool row, credited.Bind(invoice.id).Step());
  invoice.credited_cents = row ? credited.Int(0) : 0;
  const std::int64_t credit_notes = row ? credited.Int(1) : 0;
  invoice.version = 1 + static_cast<std::int64_t>(invoice.payments.size()) + credit_notes;
  invoice.outstanding_cents = invoice.gross_cents - invoice.paid_cents - invoice.credited_cents;
  if (invoice.outstanding_cents <= 0) {
    invoice.payment_status = kPaymentPaid;
  } else if (invoice.paid_cents + invoice.credited_cents > 0) {
    invoice.payment_status = kPaymentPartlyPaid;
  } else {
    invoice.payment_status = kPaymentOpen;
  }
  return Status::Ok();
}

}  // namespace

Result<BusinessRecord> LoadBusinessRecord(sql::Connection& conn, Id id) {
  BusinessRecord r;
  {
    AKTE_ASSIGN_OR_RETURN(auto stmt, conn.Prepare(std::string(kRecordColumns) + "WHERE r.id = ?"));
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(id).Step());
    if (!row) return Status::NotFound("record " + std::to_string(id) + " does not exist");
    r = ReadRecord(stmt);
  }
  if (r.kind == kRecordInvoice) AKTE_RETURN_IF_ERROR(AddSettlement(conn, r));
  return r;
}

Result<std::vector<BusinessRecord>> LoadBusinessRecords(sql::Connection& conn, Id customer_id) {
  std::vector<BusinessRecord> records;
  {
    AKTE_ASSIGN_OR_RETURN(auto stmt,
                          conn.Prepare(std::string(kRecordColumns) +
                                       "WHERE r.customer_id = ? ORDER BY r.record_date, r.id"));
    stmt.Bind(customer_id);
    for (;;) {
      AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
      if (!row) break;
      records.push_back(ReadRecord(stmt));
    }
  }
  for (auto& r : records) {
    if (r.kind == kRecordInvoice) AKTE_RETURN_IF_ERROR(AddSettlement(conn, r));
  }
  return records;
}

Result<Id> CustomerIdByNumber(sql::Connection& conn, std::string_view number) {
  const std::string trimmed = Trim(number);
  if (trimmed.empty()) {
    return Status::InvalidArgument("the customer number is missing", "customer_number");
  }
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn.Prepare("SELECT id FROM customers WHERE number = ?"));
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(trimmed).Step());
  if (!row) {
    return Status::InvalidArgument("there is no customer with number '" + trimmed + "'",
                                   "customer_number");
  }
  return stmt.Int(0);
}

}  // namespace akte::archive::rows
