// A customer's figures and account statement, computed from the records.
#include <algorithm>
#include <chrono>
#include <map>

#include "akte/archive/business.h"
#include "csv_import.h"
#include "validation.h"

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

Predecessors PredecessorsOf(std::string_view kind) {
  if (kind == kRecordOrder) return {false, {kRecordOffer}};
  if (kind == kRecordDeliveryNote) return {false, {kRecordOrder}};
  if (kind == kRecordInvoice) return {false, {kRecordOffer, kRecordOrder, kRecordDeliveryNote}};
  if (kind == kRecordCreditNote || kind == kRecordDunning) return {true, {kRecordInvoice}};
  return {};  // an offer starts a chain
}

std::string RecordKindNamed(std::string_view name) {
  static const std::map<std::string, std::string, std::less<>> kKinds = {
      {"angebot", kRecordOffer},
      {"offer", kRecordOffer},
      {"quote", kRecordOffer},
      {"auftrag", kRecordOrder},
      {"auftragsbestaetigung", kRecordOrder},
      {"order", kRecordOrder},
      {"lieferschein", kRecordDeliveryNote},
      {"deliverynote", kRecordDeliveryNote},
      {"rechnung", kRecordInvoice},
      {"invoice", kRecordInvoice},
      {"gutschrift", kRecordCreditNote},
      {"creditnote", kRecordCreditNote},
      {"mahnung", kRecordDunning},
      {"dunning", kRecordDunning},
      {"dunningletter", kRecordDunning},
      {"reminder", kRecordDunning},
      {"zahlung", kPaymentKind},
      {"zahlungseingang", kPaymentKind},
      {"payment", kPaymentKind}};
  auto it = kKinds.find(FoldColumnName(name));
  return it == kKinds.end() ? "" : it->second;
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

Result<std::int64_t> ParseEuroAmount(std::string_view text) {
  const auto refused = [&] {
    return Status::InvalidArgument("'" + std::string(text) + "' is not an amount of euros");
  };
  std::string value = Trim(text);
  for (std::string_view unit : {"€", "EUR", "eur"}) {
    if (value.ends_with(unit)) value = Trim(value.substr(0, value.size() - unit.size()));
  }
  if (value.empty()) return std::int64_t{0};
  const bool negative = value.front() == '-';
  if (negative) value.erase(0, 1);
  std::string euros = value;
  std::string cents = "00";
  const auto last = value.find_last_of(",.");
  if (last != std::string::npos && value.size() - last - 1 <= 2) {
    euros = value.substr(0, last);
    cents = value.substr(last + 1);
    if (cents.empty()) return refused();
    if (cents.size() == 1) cents += "0";
  }
  const auto is_digits = [](std::string_view s) {
    return !s.empty() &&
           std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isdigit(c); });
  };
  // Thousands groups: one kind of separator, other than the decimal one,
  // with three digits after each.
  const auto group = euros.find_first_of(",.");
  if (group != std::string::npos) {
    const char separator = euros[group];
    if (last != std::string::npos && euros.size() < value.size() && value[last] == separator) {
      return refused();
    }
    std::string digits;
    std::size_t start = 0;
    for (std::size_t end = group; start <= euros.size(); end = euros.find(separator, start)) {
      if (end == std::string::npos) end = euros.size();
      const std::string_view part = std::string_view(euros).substr(start, end - start);
      if (!is_digits(part) || part.size() > 3 || (start > 0 && part.size() != 3)) {
        return refused();
      }
      digits += part;
      start = end + 1;
    }
    euros = digits;
  }
  if (!is_digits(euros) || !is_digits(cents) || euros.size() > 12) return refused();
  const std::int64_t total = std::stoll(euros) * 100 + std::stoll(cents);
  return negative ? -total : total;
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
