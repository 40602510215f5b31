// A customer's figures and account statement, computed from the records.
#include <algorithm>
#include <chrono>

#include "akte/archive/business.h"

namespace akte::archive {
namespace {

std::chrono::sys_days DayOf(std::string_view iso_date) {
  const int year = std::stoi(std::string(iso_date.substr(0, 4)));
  const unsigned month = static_cast<unsigned>(std::stoi(std::string(iso_date.substr(5, 2))));
  const unsigned day = static_cast<unsigned>(std::stoi(std::string(iso_date.substr(8, 2))));
  return std::chrono::sys_days(std::chrono::year{year} / std::chrono::month{month} /
                               std::chrono::day{day});
}

// Same-day order in a statement: what is owed before what settles it.
int KindOrder(std::string_view kind) {
  if (kind == kRecordInvoice) return 0;
  if (kind == "dunning_fee") return 1;
  if (kind == kRecordCreditNote) return 2;
  return 3;  // payment
}

}  // namespace

CustomerStatistics ComputeStatistics(const std::vector<BusinessRecord>& records,
                                     std::string_view today,
                                     std::optional<std::int64_t> open_invoice_limit_cents,
                                     std::string last_contact) {
  CustomerStatistics s;
  s.as_of = std::string(today);
  s.last_contact = std::move(last_contact);
  s.open_invoice_limit_cents = open_invoice_limit_cents;
  long settled = 0;
  long days_to_pay = 0;
  for (const auto& r : records) {
    const int year = std::stoi(r.record_date.substr(0, 4));
    if (r.kind == kRecordOffer) ++s.offers;
    if (r.kind == kRecordOrder) ++s.orders;
    if (r.kind == kRecordDunning) s.open_fees_cents += r.fee_cents;
    if (r.kind == kRecordCreditNote) {
      s.revenue_by_year_cents[year] -= r.net_cents;
      s.revenue_total_cents -= r.net_cents;
    }
    if (r.kind != kRecordInvoice) continue;
    ++s.invoices;
    s.revenue_by_year_cents[year] += r.net_cents;
    s.revenue_total_cents += r.net_cents;
    if (r.outstanding_cents > 0) {
      s.open_cents += r.outstanding_cents;
      if (r.due_date < today) s.overdue_cents += r.outstanding_cents;
    } else if (!r.payments.empty()) {
      // Settled: the last payment (payments come in date order) paid it.
      days_to_pay += (DayOf(r.payments.back().paid_on) - DayOf(r.record_date)).count();
      ++settled;
    }
  }
  if (settled > 0) {
    s.average_days_to_pay = static_cast<double>(days_to_pay) / static_cast<double>(settled);
  }
  s.limit_exceeded = open_invoice_limit_cents && s.open_cents > *open_invoice_limit_cents;
  return s;
}

AccountStatement BuildStatement(const Customer& customer,
                                const std::vector<BusinessRecord>& records) {
  AccountStatement statement;
  statement.customer = customer;
  auto& lines = statement.lines;
  for (const auto& r : records) {
    if (r.kind == kRecordInvoice) {
      lines.push_back({r.record_date, r.kind, r.id, r.number, r.subject, r.gross_cents, 0, 0});
      for (const auto& p : r.payments) {
        lines.push_back({p.paid_on, "payment", r.id, r.number, p.note, 0, p.amount_cents, 0});
      }
    } else if (r.kind == kRecordCreditNote) {
      lines.push_back({r.record_date, r.kind, r.id, r.number, r.subject, 0, r.gross_cents, 0});
    } else if (r.kind == kRecordDunning && r.fee_cents > 0) {
      lines.push_back({r.record_date, "dunning_fee", r.id, r.number,
                       "Mahngebühr Stufe " + std::to_string(r.dunning_level), r.fee_cents, 0, 0});
    }
  }
  std::stable_sort(lines.begin(), lines.end(), [](const StatementLine& a, const StatementLine& b) {
    if (a.date != b.date) return a.date < b.date;
    if (KindOrder(a.kind) != KindOrder(b.kind)) return KindOrder(a.kind) < KindOrder(b.kind);
    return a.record_id < b.record_id;
  });
  std::int64_t balance = 0;
  for (auto& line : lines) {
    balance += line.debit_cents - line.credit_cents;
    line.balance_cents = balance;
  }
  statement.balance_cents = balance;
  return statement;
}

std::string RecordKindLabel(std::string_view kind) {
  if (kind == kRecordOffer) return "Angebot";
  if (kind == kRecordOrder) return "Auftrag";
  if (kind == kRecordDeliveryNote) return "Lieferschein";
  if (kind == kRecordInvoice) return "Rechnung";
  if (kind == kRecordCreditNote) return "Gutschrift";
  if (kind == kRecordDunning) return "Mahnung";
  if (kind == "payment") return "Zahlung";
  if (kind == "dunning_fee") return "Mahngebühr";
  return std::string(kind);
}

std::string FormatEuroGerman(std::int64_t cents) {
  const bool negative = cents < 0;
  const std::uint64_t magnitude =
      negative ? 0 - static_cast<std::uint64_t>(cents) : static_cast<std::uint64_t>(cents);
  std::string euros = std::to_string(magnitude / 100);
  for (int i = static_cast<int>(euros.size()) - 3; i > 0; i -= 3) {
    euros.insert(static_cast<std::size_t>(i), ".");
  }
  const std::uint64_t rest = magnitude % 100;
  return (negative ? "-" : "") + euros + "," + (rest < 10 ? "0" : "") + std::to_string(rest) + " €";
}

}  // namespace akte::archive
