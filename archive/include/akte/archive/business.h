// A customer's figures ("Statistik") and account statement ("Kontoauszug"),
// computed from the business records every time they are asked for, so no
// stored total can drift from the records it sums.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "akte/archive/records.h"
#include "akte/archive/status.h"

namespace akte::archive {

struct CustomerStatistics {
  std::string as_of;  // YYYY-MM-DD: "overdue" means due before this day
  int offers = 0;
  int orders = 0;
  int invoices = 0;
  // Net revenue: invoices' net less credit notes' net, by the year of the
  // paper's date, and in total.
  std::map<int, std::int64_t> revenue_by_year_cents;
  std::int64_t revenue_total_cents = 0;
  std::int64_t open_cents = 0;       // what the customer's invoices still owe
  std::int64_t overdue_cents = 0;    // the part of it past its due date
  std::int64_t open_fees_cents = 0;  // dunning fees charged (not part of open_cents)
  // Days from invoice date to the payment that settled it, averaged over
  // the invoices settled by payments; empty when there is none.
  std::optional<double> average_days_to_pay;
  std::string last_contact;  // UTC time of the newest history event up to now; "" if none
  std::optional<std::int64_t> open_invoice_limit_cents;  // from the conditions
  bool limit_exceeded = false;                           // open_cents above that limit
};

// Computes the figures from `records` (one customer's, with their payments
// and derived payment states as the catalog returns them), as of the day
// `today` (YYYY-MM-DD).
CustomerStatistics ComputeStatistics(const std::vector<BusinessRecord>& records,
                                     std::string_view today,
                                     std::optional<std::int64_t> open_invoice_limit_cents,
                                     std::string last_contact);

// One line of an account statement. Amounts the customer owes are debits
// (invoices, dunning fees), amounts in his favour credits (payments, credit
// notes); the balance is what he owes after the line.
struct StatementLine {
  std::string date;  // YYYY-MM-DD
  std::string kind;  // invoice, payment, credit_note, dunning_fee
  Id record_id = 0;
  std::string number;  // the record's number (a payment: its invoice's)
  std::string text;    // the subject, or a payment's note
  std::int64_t debit_cents = 0;
  std::int64_t credit_cents = 0;
  std::int64_t balance_cents = 0;
};

struct AccountStatement {
  Customer customer;
  std::vector<StatementLine> lines;  // in date order, with a running balance
  std::int64_t balance_cents = 0;    // after the last line
};

// Every invoice, payment, credit note and dunning fee in `records` in date
// order (same day: invoices, fees, credit notes, payments; then by id).
AccountStatement BuildStatement(const Customer& customer,
                                const std::vector<BusinessRecord>& records);

// The statement as CSV for spreadsheets (semicolon-separated, German
// decimal commas, with a header row; UTF-8 with BOM so Excel reads the
// umlauts) and as a printable German HTML page (self-contained, all text
// escaped).
std::string StatementCsv(const AccountStatement& statement);
std::string StatementHtml(const AccountStatement& statement, std::string_view firm_name);

// The kind a person means by `name`, in German or English, any case:
// "Rechnung"/"invoice" → "invoice", "Lieferschein"/"delivery note" →
// "delivery_note", ...; "Zahlung"/"payment" → kPaymentKind; "" when unknown.
inline constexpr const char* kPaymentKind = "payment";
std::string RecordKindNamed(std::string_view name);

// The kinds a record of `kind` may follow (an order an offer; a delivery
// note an order; an invoice an offer, order or delivery note; a credit note
// or dunning letter an invoice, which they must follow), and whether it must.
struct Predecessors {
  bool required = false;
  std::vector<std::string_view> kinds;
};
Predecessors PredecessorsOf(std::string_view kind);

// The German name of a record kind ("Rechnung"), for lists and statements.
std::string RecordKindLabel(std::string_view kind);

// Cents from an amount as people type it: "1.234,56", "1234,56",
// "1,234.56", "1234.56" or "1234", with an optional "€" or "EUR" and a
// leading minus; the last separator followed by one or two digits is the
// decimal one, any other groups thousands. InvalidArgument otherwise.
Result<std::int64_t> ParseEuroAmount(std::string_view text);

// "1.234,56 €" from 123456 cents.
std::string FormatEuroGerman(std::int64_t cents);

}  // namespace akte::archive
