// Human-readable business records, figures and account statements.
#include <algorithm>
#include <cstdio>

#include "print_basics.h"
#include "printer.h"

namespace akte::cli {

void PrintRecordTable(std::ostream& out, const std::vector<archive::BusinessRecord>& records,
                      const std::string& today) {
  if (records.empty()) {
    out << L("records") << ": " << L("none") << "\n";
    return;
  }
  std::vector<std::vector<std::string>> rows = {
      {L("date"), L("kind"), L("number"), L("gross"), L("state"), L("subject")}};
  for (const auto& r : records) {
    std::string kind = L(r.kind);
    if (r.kind == archive::kRecordDunning) kind += " " + std::to_string(r.dunning_level);
    std::string state;
    if (r.kind == archive::kRecordInvoice) {
      state = L(r.payment_status);
      if (r.outstanding_cents > 0) {
        state += ", " + FormatMoney(r.outstanding_cents) + " " + L("open");
        state += r.due_date < today ? " (" + L("overdue") + ")"
                                    : ", " + L("due") + " " + Date(r.due_date);
      }
    }
    const std::int64_t amount = r.kind == archive::kRecordDunning ? r.fee_cents : r.gross_cents;
    rows.push_back(
        {Date(r.record_date), kind, r.number, amount ? FormatMoney(amount) : "", state, r.subject});
  }
  PrintTable(out, rows);
}

void PrintStatistics(std::ostream& out, const archive::CustomerStatistics& s) {
  Line(out, L("offers"), std::to_string(s.offers));
  Line(out, L("orders"), std::to_string(s.orders));
  Line(out, L("invoices"), std::to_string(s.invoices));
  for (const auto& [year, cents] : s.revenue_by_year_cents) {
    Line(out, L("revenue") + " " + std::to_string(year), FormatMoney(cents));
  }
  Line(out, L("revenue") + " " + L("total"), FormatMoney(s.revenue_total_cents));
  Line(out, L("open_items"), FormatMoney(s.open_cents));
  Line(out, L("overdue_items"), FormatMoney(s.overdue_cents));
  if (s.open_fees_cents) Line(out, L("fees"), FormatMoney(s.open_fees_cents));
  if (s.average_days_to_pay) {
    char days[32];
    std::snprintf(days, sizeof days, "%.1f", *s.average_days_to_pay);
    std::string text = days;
    if (German()) std::replace(text.begin(), text.end(), '.', ',');
    Line(out, L("days_to_pay"), text + " " + L("days"));
  }
  Line(out, L("last_contact"), s.last_contact.empty() ? L("none") : Time(s.last_contact));
  if (s.open_invoice_limit_cents) Line(out, L("limit"), FormatMoney(*s.open_invoice_limit_cents));
  if (s.limit_exceeded) {
    out << "\n" << L("limit_exceeded") << " " << FormatMoney(*s.open_invoice_limit_cents) << ".\n";
  }
}

void PrintStatement(std::ostream& out, const archive::AccountStatement& statement) {
  out << L("statement") << " " << statement.customer.number << " "
      << statement.customer.DisplayName() << "\n\n";
  std::vector<std::vector<std::string>> rows = {
      {L("date"), L("kind"), L("number"), L("debit"), L("credit"), L("balance"), L("text")}};
  for (const auto& line : statement.lines) {
    rows.push_back({Date(line.date), L(line.kind), line.number,
                    line.debit_cents ? FormatMoney(line.debit_cents) : "",
                    line.credit_cents ? FormatMoney(line.credit_cents) : "",
                    FormatMoney(line.balance_cents), line.text});
  }
  PrintTable(out, rows);
  out << "\n" << L("balance") << ": " << FormatMoney(statement.balance_cents) << "\n";
}

void PrintBirthdays(std::ostream& out, const std::vector<archive::UpcomingBirthday>& birthdays) {
  if (birthdays.empty()) {
    out << L("no_birthdays") << "\n";
    return;
  }
  std::vector<std::vector<std::string>> rows = {{L("date"), L("name"), L("age"), L("customer")}};
  for (const auto& b : birthdays) {
    rows.push_back(
        {Date(b.date), b.name, std::to_string(b.age), b.customer_number + " " + b.customer_name});
  }
  PrintTable(out, rows);
}

}  // namespace akte::cli
