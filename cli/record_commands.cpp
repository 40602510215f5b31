// akte record add|list|pay|import, stats, statement: business records.
#include <ctime>
#include <iostream>
#include <sstream>

#include "akte/archive/business.h"
#include "akte/archive/import.h"
#include "akte/archive/json.h"
#include "context.h"
#include "printer.h"

namespace akte::cli {
namespace {

using archive::BusinessRecord;
using archive::DataDir;

// Cents from an amount option; InvalidArgument naming the option.
Result<std::int64_t> Cents(const std::string& text, const char* option) {
  auto cents = archive::ParseEuroAmount(text);
  if (!cents.ok()) return Status::InvalidArgument(option + (": " + cents.status().message()));
  return cents;
}

// The record of one of a kind's predecessors numbered `number`.
Result<archive::Id> PreviousRecord(DataDir& dir, const std::string& kind,
                                   const std::string& number) {
  for (std::string_view candidate : archive::PredecessorsOf(kind).kinds) {
    auto found = dir.catalog().FindBusinessRecord(candidate, number);
    if (found.ok()) return found->id;
    if (found.status().code() != StatusCode::kNotFound) return found.status();
  }
  return Status::NotFound("no record numbered " + number + " may precede a " +
                          archive::RecordKindLabel(kind));
}

void AddRecordAdd(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand("add",
                                   "Record an offer, order, delivery note, invoice, "
                                   "credit note or dunning letter");
  struct Values {
    std::string customer, kind, number, date, subject, net, tax, gross, due, delivery, previous,
        fee;
    int level = 0;
    archive::Id document = 0;
    bool json = false;
  };
  auto v = std::make_shared<Values>();
  cmd->add_option("customer", v->customer, "Customer number")->required();
  cmd->add_option("kind", v->kind,
                  "Angebot, Auftrag, Lieferschein, Rechnung, Gutschrift, Mahnung (or offer, "
                  "order, delivery_note, invoice, credit_note, dunning)")
      ->required();
  cmd->add_option("number", v->number,
                  "Its number (a dunning letter's defaults to its invoice's number and level)");
  cmd->add_option("--date", v->date, "The date it bears (default: today)");
  cmd->add_option("--subject", v->subject, "Subject");
  cmd->add_option("--net", v->net, "Net amount in euros (1.234,56 or 1234.56)");
  cmd->add_option("--tax", v->tax, "Tax amount in euros");
  cmd->add_option("--gross", v->gross, "Gross amount in euros (default: net + tax)");
  cmd->add_option("--due", v->due, "Invoices: due date (default: the invoice date)");
  cmd->add_option("--delivery-date", v->delivery, "Delivery notes: the delivery date");
  cmd->add_option("--previous", v->previous,
                  "Number of the record it follows (an order's offer, an invoice's order or "
                  "delivery note; a credit note's or dunning letter's invoice)");
  cmd->add_option("--level", v->level, "Dunning letters: level 1, 2 or 3");
  cmd->add_option("--fee", v->fee, "Dunning letters: the fee in euros");
  auto* document = cmd->add_option("--document", v->document, "Id of the filed paper (PDF)");
  cmd->add_flag("--json", v->json, "Print the stored record as JSON");
  OnRunAs(cmd, ctx, [v, document](DataDir& dir, const archive::Actor& actor) {
    auto customer = CustomerByNumber(dir, v->customer);
    if (!customer.ok()) return Fail(customer.status());
    BusinessRecord draft;
    draft.customer_id = customer->id;
    draft.kind = archive::RecordKindNamed(v->kind);
    if (draft.kind.empty() || draft.kind == archive::kPaymentKind) {
      return Fail(Status::InvalidArgument(
          "'" + v->kind + "' is no kind of record" +
          (draft.kind.empty() ? "" : "; record a payment with `akte record pay`")));
    }
    draft.number = v->number;
    draft.record_date = v->date.empty() ? LocalToday() : v->date;
    draft.subject = v->subject;
    draft.due_date = v->due;
    draft.delivery_date = v->delivery;
    draft.dunning_level = v->level;
    if (document->count()) draft.document_id = v->document;
    for (auto [text, member, option] : {std::tuple{&v->net, &BusinessRecord::net_cents, "--net"},
                                        {&v->tax, &BusinessRecord::tax_cents, "--tax"},
                                        {&v->gross, &BusinessRecord::gross_cents, "--gross"},
                                        {&v->fee, &BusinessRecord::fee_cents, "--fee"}}) {
      auto cents = Cents(*text, option);
      if (!cents.ok()) return Fail(cents.status());
      draft.*member = *cents;
    }
    if (!v->previous.empty()) {
      auto previous = PreviousRecord(dir, draft.kind, v->previous);
      if (!previous.ok()) return Fail(previous.status());
      draft.previous_id = *previous;
    }
    auto stored = dir.catalog().AddBusinessRecord(actor, draft);
    if (!stored.ok()) return Fail(stored.status());
    if (v->json) {
      std::cout << archive::ToJson(*stored, 2) << "\n";
    } else {
      std::cout << "Recorded " << archive::RecordKindLabel(stored->kind) << " " << stored->number
                << " (record " << stored->id << ").\n";
    }
    return kExitOk;
  });
}

void AddRecordPay(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand("pay", "Record a payment of an invoice");
  struct Values {
    std::string invoice, amount, date, note;
  };
  auto v = std::make_shared<Values>();
  cmd->add_option("invoice", v->invoice, "The invoice's number")->required();
  cmd->add_option("--amount", v->amount, "Amount in euros (default: all that is still owed)");
  cmd->add_option("--date", v->date, "When it was paid (default: today)");
  cmd->add_option("--note", v->note, "A note (Verwendungszweck, bank, ...)");
  OnRunAs(cmd, ctx, [v](DataDir& dir, const archive::Actor& actor) {
    auto invoice = dir.catalog().FindBusinessRecord(archive::kRecordInvoice, v->invoice);
    if (!invoice.ok()) return Fail(invoice.status());
    archive::Payment draft;
    draft.record_id = invoice->id;
    draft.paid_on = v->date.empty() ? LocalToday() : v->date;
    draft.note = v->note;
    draft.amount_cents = invoice->outstanding_cents;
    if (!v->amount.empty()) {
      auto cents = Cents(v->amount, "--amount");
      if (!cents.ok()) return Fail(cents.status());
      draft.amount_cents = *cents;
    }
    auto paid = dir.catalog().AddPayment(actor, draft);
    if (!paid.ok()) return Fail(paid.status());
    std::cout << "Recorded " << FormatMoney(draft.amount_cents) << " for invoice " << paid->number
              << "; " << FormatMoney(paid->outstanding_cents) << " still owed.\n";
    return kExitOk;
  });
}

void AddStats(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("stats", "A customer's figures (Statistik)");
  struct Values {
    std::string customer, as_of;
    bool json = false;
  };
  auto v = std::make_shared<Values>();
  cmd->add_option("customer", v->customer, "Customer number")->required();
  cmd->add_option("--as-of", v->as_of, "Judge overdue invoices on this day (default: today)");
  cmd->add_flag("--json", v->json, "Print JSON");
  OnRun(cmd, ctx, [v](DataDir& dir) {
    auto customer = CustomerByNumber(dir, v->customer);
    if (!customer.ok()) return Fail(customer.status());
    std::string as_of = LocalToday();
    if (!v->as_of.empty()) {
      auto date = NormalizeDate(v->as_of);
      if (!date.ok()) return Fail(date.status().WithContext("--as-of"));
      as_of = *date;
    }
    auto& catalog = dir.catalog();
    auto records = catalog.ListBusinessRecords(customer->id);
    if (!records.ok()) return Fail(records.status());
    auto conditions = catalog.GetConditions(customer->id);
    if (!conditions.ok()) return Fail(conditions.status());
    auto last_contact = catalog.LastContact(customer->id);
    if (!last_contact.ok()) return Fail(last_contact.status());
    const auto statistics = archive::ComputeStatistics(
        *records, as_of, *conditions ? (*conditions)->open_invoice_limit_cents : std::nullopt,
        *last_contact);
    if (v->json) {
      std::cout << archive::ToJson(statistics, 2) << "\n";
    } else {
      PrintStatistics(std::cout, statistics);
    }
    return kExitOk;
  });
}

void AddStatement(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("statement", "A customer's account statement (Kontoauszug)");
  struct Values {
    std::string customer, format = "text", output;
  };
  auto v = std::make_shared<Values>();
  cmd->add_option("customer", v->customer, "Customer number")->required();
  cmd->add_option("--format", v->format, "text, json, csv or html (printable)")
      ->check(CLI::IsMember({"text", "json", "csv", "html"}));
  cmd->add_option("-o,--output", v->output, "Write to this file (default: standard output)");
  OnRun(cmd, ctx, [v](DataDir& dir) {
    auto customer = CustomerByNumber(dir, v->customer);
    if (!customer.ok()) return Fail(customer.status());
    auto records = dir.catalog().ListBusinessRecords(customer->id);
    if (!records.ok()) return Fail(records.status());
    const auto statement = archive::BuildStatement(*customer, *records);
    std::ostringstream out;
    if (v->format == "json") {
      out << archive::ToJson(statement, 2) << "\n";
    } else if (v->format == "csv") {
      out << archive::StatementCsv(statement);
    } else if (v->format == "html") {
      auto firm = dir.catalog().GetSetting(archive::kFirmNameSetting);
      if (!firm.ok()) return Fail(firm.status());
      out << archive::StatementHtml(statement, firm->value_or(""));
    } else {
      PrintStatement(out, statement);
    }
    return WriteOutput(v->output, out.str());
  });
}

}  // namespace

void AddRecordCommands(CLI::App& app, Context& ctx) {
  auto* group =
      app.add_subcommand("record", "Business records: offers to dunning letters (Belege)");
  group->require_subcommand(1);
  AddRecordAdd(*group, ctx);
  AddCustomerView(
      *group, ctx, "list", "List a customer's business records, oldest first",
      [](DataDir& dir, archive::Id id) { return dir.catalog().ListBusinessRecords(id); },
      [](std::ostream& out, const std::vector<BusinessRecord>& records) {
        PrintRecordTable(out, records, LocalToday());
      });
  AddRecordPay(*group, ctx);
  AddCsvImport(
      *group, ctx, "import",
      "Import business records and payments from CSV (columns: see README; all lines or none)",
      "records", archive::ImportBusinessRecordsCsv);
  AddStats(app, ctx);
  AddStatement(app, ctx);
}

}  // namespace akte::cli
