// Catalog: business records of a customer (offers to dunning letters) and
// the payments of invoices.
#include <algorithm>
#include <array>
#include <string>

#include "akte/archive/business.h"
#include "akte/archive/catalog.h"
#include "catalog_batch.h"
#include "catalog_rows.h"
#include "json_codec.h"
#include "sqlite_db.h"
#include "validation.h"

namespace akte::archive {
namespace {

constexpr std::size_t kMaxNumberLength = 60;
constexpr std::size_t kMaxSubjectLength = 500;

bool IsKind(std::string_view kind) {
  static constexpr std::array<std::string_view, 6> kKinds = {kRecordOffer,        kRecordOrder,
                                                             kRecordDeliveryNote, kRecordInvoice,
                                                             kRecordCreditNote,   kRecordDunning};
  return std::find(kKinds.begin(), kKinds.end(), kind) != kKinds.end();
}

bool CarriesAmounts(std::string_view kind) {
  return kind != kRecordDeliveryNote && kind != kRecordDunning;
}

Status NormalizeDateField(std::string& value, const char* field) {
  auto date = NormalizeDate(value);
  if (!date.ok()) return Status::InvalidArgument(date.status().message(), field);
  value = *date;
  return Status::Ok();
}

Status CheckAmounts(BusinessRecord& r) {
  if (!CarriesAmounts(r.kind)) {
    if (r.net_cents != 0 || r.tax_cents != 0 || r.gross_cents != 0) {
      return Status::InvalidArgument(
          "a " + RecordKindLabel(r.kind) + " carries no amounts" +
              (r.kind == kRecordDunning ? "; its fee goes into fee_cents" : ""),
          "net_cents");
    }
    return Status::Ok();
  }
  if (r.net_cents < 0) return Status::InvalidArgument("the net amount is negative", "net_cents");
  if (r.tax_cents < 0) return Status::InvalidArgument("the tax amount is negative", "tax_cents");
  if (r.gross_cents == 0) r.gross_cents = r.net_cents + r.tax_cents;
  if (r.gross_cents != r.net_cents + r.tax_cents) {
    return Status::InvalidArgument("gross " + FormatEuroGerman(r.gross_cents) +
                                       " is not net plus tax (" +
                                       FormatEuroGerman(r.net_cents + r.tax_cents) + ")",
                                   "gross_cents");
  }
  return Status::Ok();
}

// The rules that need no database: kind, number, dates, amounts, dunning.
Status ValidateRecord(BusinessRecord& r) {
  if (!IsKind(r.kind)) {
    return Status::InvalidArgument("kind '" + r.kind +
                                       "' is none of offer, order, delivery_note, invoice, "
                                       "credit_note, dunning",
                                   "kind");
  }
  r.number = Trim(r.number);
  r.subject = Trim(r.subject);
  if (r.number.size() > kMaxNumberLength) {
    return Status::InvalidArgument("the number is longer than 60 characters", "number");
  }
  if (r.subject.size() > kMaxSubjectLength) {
    return Status::InvalidArgument("the subject is longer than 500 characters", "subject");
  }
  AKTE_RETURN_IF_ERROR(NormalizeDateField(r.record_date, "record_date"));
  AKTE_RETURN_IF_ERROR(CheckAmounts(r));
  if (r.kind == kRecordInvoice) {
    if (r.due_date.empty()) r.due_date = r.record_date;
    AKTE_RETURN_IF_ERROR(NormalizeDateField(r.due_date, "due_date"));
    if (r.due_date < r.record_date) {
      return Status::InvalidArgument("the due date lies before the invoice date", "due_date");
    }
  } else if (!r.due_date.empty()) {
    return Status::InvalidArgument("only invoices have a due date", "due_date");
  }
  if (r.kind == kRecordDeliveryNote) {
    if (r.delivery_date.empty()) r.delivery_date = r.record_date;
    AKTE_RETURN_IF_ERROR(NormalizeDateField(r.delivery_date, "delivery_date"));
  } else if (!r.delivery_date.empty()) {
    return Status::InvalidArgument("only delivery notes have a delivery date", "delivery_date");
  }
  if (r.kind == kRecordDunning) {
    if (r.dunning_level < 1 || r.dunning_level > 3) {
      return Status::InvalidArgument("a dunning letter's level is 1, 2 or 3", "dunning_level");
    }
    if (r.fee_cents < 0) return Status::InvalidArgument("the fee is negative", "fee_cents");
  } else if (r.dunning_level != 0 || r.fee_cents != 0) {
    return Status::InvalidArgument("only dunning letters have a level and a fee",
                                   r.dunning_level != 0 ? "dunning_level" : "fee_cents");
  }
  if (r.number.empty() && r.kind != kRecordDunning) {
    return Status::InvalidArgument("a " + RecordKindLabel(r.kind) + " needs its number", "number");
  }
  return Status::Ok();
}

Status CheckPrevious(sql::Connection& conn, BusinessRecord& r) {
  const Predecessors allowed = PredecessorsOf(r.kind);
  if (!r.previous_id) {
    if (!allowed.required) return Status::Ok();
    return Status::InvalidArgument("a " + RecordKindLabel(r.kind) + " refers to its invoice",
                                   "previous_id");
  }
  auto previous = rows::LoadBusinessRecord(conn, *r.previous_id);
  if (!previous.ok()) {
    if (previous.status().code() != StatusCode::kNotFound) return previous.status();
    return Status::InvalidArgument("there is no record " + std::to_string(*r.previous_id),
                                   "previous_id");
  }
  if (previous->customer_id != r.customer_id) {
    return Status::InvalidArgument("record " + previous->number + " belongs to another customer",
                                   "previous_id");
  }
  if (std::find(allowed.kinds.begin(), allowed.kinds.end(), previous->kind) ==
      allowed.kinds.end()) {
    return Status::InvalidArgument(
        "a " + RecordKindLabel(r.kind) + " cannot follow a " + RecordKindLabel(previous->kind),
        "previous_id");
  }
  if (r.kind == kRecordDunning && r.number.empty()) {
    r.number = previous->number + "/M" + std::to_string(r.dunning_level);
  }
  if (r.kind == kRecordCreditNote && r.gross_cents > previous->outstanding_cents) {
    return Status::InvalidArgument("the credit note's " + FormatEuroGerman(r.gross_cents) +
                                       " exceed what invoice " + previous->number +
                                       " still owes (" +
                                       FormatEuroGerman(previous->outstanding_cents) + ")",
                                   "gross_cents");
  }
  return Status::Ok();
}

Status CheckDocument(sql::Connection& conn, const BusinessRecord& r) {
  if (!r.document_id) return Status::Ok();
  auto document = rows::LoadDocument(conn, *r.document_id);
  if (!document.ok()) {
    if (document.status().code() != StatusCode::kNotFound) return document.status();
    return Status::InvalidArgument("there is no document " + std::to_string(*r.document_id),
                                   "document_id");
  }
  if (document->customer_id != r.customer_id) {
    return Status::InvalidArgument(
        "document " + std::to_string(*r.document_id) + " belongs to another customer",
        "document_id");
  }
  return Status::Ok();
}

// The record of one of `kinds` numbered `number`: InvalidArgument naming
// `field` when there is none, or more than one.
Result<Id> RecordByNumber(sql::Connection& conn, const std::vector<std::string_view>& kinds,
                          const std::string& number, Id customer_id, const char* field) {
  if (kinds.empty()) {
    return Status::InvalidArgument("a record of this kind follows no other record", field);
  }
  std::vector<Id> found;
  AKTE_ASSIGN_OR_RETURN(auto stmt,
                        conn.Prepare("SELECT id FROM business_records WHERE kind = ? AND "
                                     "number = ? AND customer_id = ?"));
  for (std::string_view kind : kinds) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(kind, number, customer_id).Step());
    if (row) found.push_back(stmt.Int(0));
  }
  if (found.size() == 1) return found.front();
  std::string names;
  for (std::string_view kind : kinds) {
    names += (names.empty() ? "" : " or ") + RecordKindLabel(kind);
  }
  if (found.empty()) {
    return Status::InvalidArgument("this customer has no " + names + " numbered " + number, field);
  }
  return Status::InvalidArgument("several records are numbered " + number, field);
}

}  // namespace

Result<BusinessRecord> Catalog::InsertBusinessRecord(sql::Connection& conn, const Actor& by,
                                                     BusinessRecord r, std::string_view action) {
  AKTE_RETURN_IF_ERROR(ValidateRecord(r));
  AKTE_ASSIGN_OR_RETURN(Customer customer, rows::LoadCustomer(conn, r.customer_id));
  (void)customer;
  AKTE_RETURN_IF_ERROR(CheckPrevious(conn, r));
  AKTE_RETURN_IF_ERROR(CheckDocument(conn, r));
  {
    AKTE_ASSIGN_OR_RETURN(auto taken, conn.Prepare("SELECT 1 FROM business_records "
                                                   "WHERE kind = ? AND number = ?"));
    AKTE_ASSIGN_OR_RETURN(bool row, taken.Bind(r.kind, r.number).Step());
    if (row) {
      return Status(StatusCode::kAlreadyExists,
                    "there is already a " + RecordKindLabel(r.kind) + " numbered " + r.number,
                    "number");
    }
  }
  {
    AKTE_ASSIGN_OR_RETURN(
        auto insert,
        conn.Prepare("INSERT INTO business_records(customer_id, kind, number, record_date, "
                     "previous_id, document_id, subject, net_cents, tax_cents, gross_cents, "
                     "due_date, delivery_date, dunning_level, fee_cents, author_id, created_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    AKTE_RETURN_IF_ERROR(insert
                             .Bind(r.customer_id, r.kind, r.number, r.record_date, r.previous_id,
                                   r.document_id, r.subject, r.net_cents, r.tax_cents,
                                   r.gross_cents, r.due_date, r.delivery_date, r.dunning_level,
                                   r.fee_cents, by.user_id, Now())
                             .Run());
  }
  AKTE_ASSIGN_OR_RETURN(BusinessRecord stored, rows::LoadBusinessRecord(conn, conn.LastInsertId()));
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, std::string(action), "record", stored.id, "",
                                  nlohmann::json(stored).dump()));
  return stored;
}

Result<BusinessRecord> Catalog::AddBusinessRecord(const Actor& by, BusinessRecord draft) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  AKTE_ASSIGN_OR_RETURN(BusinessRecord stored,
                        InsertBusinessRecord(tx.conn(), by, std::move(draft), "create"));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return stored;
}

Result<BusinessRecord> Catalog::GetBusinessRecord(Id id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  return rows::LoadBusinessRecord(*conn, id);
}

Result<std::vector<BusinessRecord>> Catalog::ListBusinessRecords(Id customer_id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(Customer customer, rows::LoadCustomer(*conn, customer_id));
  (void)customer;
  return rows::LoadBusinessRecords(*conn, customer_id);
}

Result<BusinessRecord> Catalog::FindBusinessRecord(std::string_view kind, std::string_view number) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare("SELECT id FROM business_records "
                                                 "WHERE kind = ? AND number = ?"));
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(kind, number).Step());
  if (!row) {
    return Status::NotFound("there is no " + RecordKindLabel(kind) + " numbered " +
                            std::string(number));
  }
  return rows::LoadBusinessRecord(*conn, stmt.Int(0));
}

Result<BusinessRecord> Catalog::InsertPayment(sql::Connection& conn, const Actor& by, Payment p,
                                              std::string_view action) {
  AKTE_RETURN_IF_ERROR(NormalizeDateField(p.paid_on, "paid_on"));
  p.note = Trim(p.note);
  if (p.note.size() > kMaxSubjectLength) {
    return Status::InvalidArgument("the note is longer than 500 characters", "note");
  }
  auto invoice = rows::LoadBusinessRecord(conn, p.record_id);
  if (!invoice.ok() && invoice.status().code() == StatusCode::kNotFound) {
    return Status::InvalidArgument("there is no record " + std::to_string(p.record_id),
                                   "record_id");
  }
  AKTE_RETURN_IF_ERROR(invoice.status());
  if (invoice->kind != kRecordInvoice) {
    return Status::InvalidArgument("payments are recorded for invoices, and " + invoice->number +
                                       " is a " + RecordKindLabel(invoice->kind),
                                   "record_id");
  }
  if (p.amount_cents <= 0) {
    return Status::InvalidArgument("a payment's amount must be above 0", "amount_cents");
  }
  if (p.amount_cents > invoice->outstanding_cents) {
    return Status::InvalidArgument(
        "the payment of " + FormatEuroGerman(p.amount_cents) + " exceeds what invoice " +
            invoice->number + " still owes (" + FormatEuroGerman(invoice->outstanding_cents) + ")",
        "amount_cents");
  }
  {
    AKTE_ASSIGN_OR_RETURN(auto insert,
                          conn.Prepare("INSERT INTO payments(record_id, paid_on, amount_cents, "
                                       "note, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?)"));
    AKTE_RETURN_IF_ERROR(
        insert.Bind(p.record_id, p.paid_on, p.amount_cents, p.note, by.user_id, Now()).Run());
  }
  const Id payment_id = conn.LastInsertId();
  AKTE_ASSIGN_OR_RETURN(BusinessRecord after, rows::LoadBusinessRecord(conn, p.record_id));
  auto stored = std::find_if(after.payments.begin(), after.payments.end(),
                             [&](const Payment& q) { return q.id == payment_id; });
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, std::string(action), "payment", payment_id, "",
                                  nlohmann::json(*stored).dump()));
  return after;
}

namespace {

// The document an import line names: its id, or the file name of exactly
// one of the customer's documents.
Result<Id> DocumentNamed(sql::Connection& conn, Id customer_id, const std::string& reference) {
  if (std::all_of(reference.begin(), reference.end(),
                  [](char c) { return c >= '0' && c <= '9'; }) &&
      reference.size() < 19) {
    return static_cast<Id>(std::stoll(reference));
  }
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn.Prepare("SELECT id FROM documents WHERE customer_id = ? "
                                                "AND filename = ? COLLATE NOCASE LIMIT 2"));
  stmt.Bind(customer_id, reference);
  std::vector<Id> found;
  while (true) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    found.push_back(stmt.Int(0));
  }
  if (found.size() == 1) return found.front();
  if (found.empty()) {
    return Status::InvalidArgument("the customer has no document named '" + reference + "'",
                                   "document");
  }
  return Status::InvalidArgument("the customer has several documents named '" + reference +
                                     "'; give the document's id instead",
                                 "document");
}

}  // namespace

Result<BusinessRecord> Catalog::AddPayment(const Actor& by, Payment draft) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  AKTE_ASSIGN_OR_RETURN(BusinessRecord invoice,
                        InsertPayment(tx.conn(), by, std::move(draft), "create"));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return invoice;
}

Result<BatchOutcome<BusinessRecord>> Catalog::ImportBusinessRecords(
    const Actor& by, std::vector<BusinessImportLine> lines, bool dry_run) {
  return ImportBatch<BusinessRecord>(
      std::move(lines), dry_run,
      [&](sql::Connection& conn, BusinessImportLine line) -> Result<BusinessRecord> {
        AKTE_ASSIGN_OR_RETURN(Id customer_id, rows::CustomerIdByNumber(conn, line.customer_number));
        if (line.payment) {
          if (!line.document.empty()) {
            return Status::InvalidArgument("a payment has no document of its own", "document");
          }
          if (line.previous_number.empty()) {
            return Status::InvalidArgument("a payment names its invoice's number",
                                           "previous_number");
          }
          AKTE_ASSIGN_OR_RETURN(line.payment->record_id,
                                RecordByNumber(conn, {kRecordInvoice}, line.previous_number,
                                               customer_id, "previous_number"));
          return InsertPayment(conn, by, std::move(*line.payment), "import");
        }
        line.record.customer_id = customer_id;
        if (!line.document.empty()) {
          AKTE_ASSIGN_OR_RETURN(line.record.document_id,
                                DocumentNamed(conn, customer_id, line.document));
        }
        if (!line.previous_number.empty()) {
          AKTE_ASSIGN_OR_RETURN(
              line.record.previous_id,
              RecordByNumber(conn, PredecessorsOf(line.record.kind).kinds, line.previous_number,
                             customer_id, "previous_number"));
        }
        return InsertBusinessRecord(conn, by, std::move(line.record), "import");
      });
}

Result<std::string> Catalog::LastContact(Id customer_id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare("SELECT COALESCE(MAX(occurred_at), '') FROM "
                                                 "events WHERE customer_id = ? AND "
                                                 "occurred_at <= ?"));
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(customer_id, Now()).Step());
  return row ? stmt.Text(0) : std::string();
}

}  // namespace akte::archive
