// CSV import of business records and payments: column names in German or
// English, amounts in German or English notation, all or nothing.
#include <algorithm>
#include <functional>
#include <map>

#include "akte/archive/business.h"
#include "akte/archive/import.h"
#include "csv_import.h"
#include "validation.h"

namespace akte::archive {
namespace {

using Column = CsvColumn<BusinessImportLine>;
using Setter = Column::Setter;

Status SetKind(BusinessImportLine& line, const std::string& value) {
  const std::string kind = RecordKindNamed(value);
  if (kind.empty()) {
    return Status::InvalidArgument(
        "kind '" + value +
        "' is none of Angebot, Auftrag, Lieferschein, Rechnung, Gutschrift, Mahnung, Zahlung "
        "(offer, order, delivery note, invoice, credit note, dunning, payment)");
  }
  if (kind == kPaymentKind) {
    line.payment = Payment{};
  } else {
    line.record.kind = kind;
  }
  return Status::Ok();
}

Setter Text(std::string BusinessRecord::*member) {
  return [member](BusinessImportLine& line, const std::string& v) {
    line.record.*member = v;
    return Status::Ok();
  };
}

Setter Amount(std::int64_t BusinessRecord::*member, const char* what) {
  return [member, what](BusinessImportLine& line, const std::string& v) {
    auto cents = ParseEuroAmount(v);
    if (!cents.ok())
      return Status::InvalidArgument(std::string(what) + ": " + cents.status().message());
    line.record.*member = *cents;
    return Status::Ok();
  };
}

const std::vector<Column>& Columns() {
  static const std::vector<Column> kColumns = {
      {"customer_number",
       {"Kundennummer", "Kundennr", "Kd-Nr", "KdNr", "Customer number", "Customer no", "Customer"},
       [](BusinessImportLine& line, const std::string& v) {
         line.customer_number = v;
         return Status::Ok();
       }},
      {"kind", {"Art", "Belegart", "Typ", "Kind", "Type"}, SetKind},
      {"number",
       {"Nummer", "Belegnummer", "Beleg-Nr", "Nr", "Number", "Document number"},
       Text(&BusinessRecord::number)},
      {"record_date",
       {"Datum", "Belegdatum", "Date", "Zahlungsdatum", "Paid on"},
       Text(&BusinessRecord::record_date)},
      {"previous_number",
       {"Bezug", "Vorgänger", "Zu Beleg", "Refers to", "Previous", "Previous number"},
       [](BusinessImportLine& line, const std::string& v) {
         line.previous_number = Trim(v);
         return Status::Ok();
       }},
      {"subject",
       {"Betreff", "Text", "Bezeichnung", "Verwendungszweck", "Subject", "Description"},
       Text(&BusinessRecord::subject)},
      {"net_cents",
       {"Netto", "Nettobetrag", "Net", "Net amount"},
       Amount(&BusinessRecord::net_cents, "net")},
      {"tax_cents",
       {"Steuer", "MwSt", "USt", "Umsatzsteuer", "Tax", "VAT"},
       Amount(&BusinessRecord::tax_cents, "tax")},
      {"gross_cents",
       {"Brutto", "Bruttobetrag", "Betrag", "Gross", "Gross amount", "Amount"},
       Amount(&BusinessRecord::gross_cents, "gross")},
      {"due_date",
       {"Fällig", "Fällig am", "Fälligkeit", "Due", "Due date"},
       Text(&BusinessRecord::due_date)},
      {"delivery_date", {"Lieferdatum", "Delivery date"}, Text(&BusinessRecord::delivery_date)},
      {"dunning_level",
       {"Mahnstufe", "Stufe", "Dunning level", "Level"},
       [](BusinessImportLine& line, const std::string& v) {
         const std::string level = Trim(v);
         if (level.empty()) return Status::Ok();
         if (level.size() != 1 || level[0] < '1' || level[0] > '3') {
           return Status::InvalidArgument("dunning level '" + level + "' is not 1, 2 or 3");
         }
         line.record.dunning_level = level[0] - '0';
         return Status::Ok();
       }},
      {"fee_cents", {"Gebühr", "Mahngebühr", "Fee"}, Amount(&BusinessRecord::fee_cents, "fee")},
      {"document",
       {"Dokument", "Datei", "Dateiname", "PDF", "Document", "File", "File name"},
       [](BusinessImportLine& line, const std::string& v) {
         line.document = Trim(v);
         return Status::Ok();
       }},
  };
  return kColumns;
}

// Maps each header cell to a setter; an unknown header is a problem, as
// silently dropping a column would lose data.
std::vector<Setter> MapHeader(const CsvRow& header, ImportReport& report) {
  std::vector<Setter> setters;
  for (const auto& cell : header.fields) {
    const std::string folded = FoldColumnName(cell);
    Setter setter = FindColumn(Columns(), folded);
    if (!setter && folded.empty()) {
      setter = [](BusinessImportLine&, const std::string&) { return Status::Ok(); };
    }
    if (!setter) report.problems.push_back({header.line, "unknown column '" + cell + "'"});
    setters.push_back(setter);
  }
  return setters;
}

// A payment line's date, amount and text become the payment's.
void MovePaymentFields(BusinessImportLine& line) {
  Payment& p = *line.payment;
  p.paid_on = line.record.record_date;
  p.amount_cents = line.record.gross_cents;
  p.note = line.record.subject;
}

}  // namespace

std::vector<std::pair<std::string, std::vector<std::string>>> BusinessRecordCsvColumns() {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const auto& column : Columns()) out.emplace_back(column.field, column.names);
  return out;
}

Result<ImportReport> ImportBusinessRecordsCsv(Catalog& catalog, const Actor& by,
                                              std::string_view csv, const ImportOptions& options) {
  ImportReport report;
  const std::vector<CsvRow> rows = ReadImportRows(csv, report);
  if (rows.empty()) return report;
  auto setters = MapHeader(rows.front(), report);
  if (!report.problems.empty()) return report;

  std::vector<BusinessImportLine> drafts;
  std::vector<int> lines;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    if (!HasHeaderWidth(row, setters.size(), report)) continue;
    BusinessImportLine draft;
    Status status;
    for (std::size_t i = 0; i < setters.size() && status.ok(); ++i) {
      status = setters[i](draft, row.fields[i]);
    }
    if (status.ok() && draft.record.kind.empty() && !draft.payment) {
      status = Status::InvalidArgument("the kind (Art) is missing");
    }
    if (!status.ok()) {
      report.problems.push_back({row.line, status.message()});
      continue;
    }
    if (draft.payment) MovePaymentFields(draft);
    drafts.push_back(std::move(draft));
    lines.push_back(row.line);
  }
  report.records = rows.size() - 1;
  // Let the catalog check the readable lines too, so every problem is
  // reported at once; nothing is stored when any line has one.
  const bool dry_run = options.dry_run || !report.problems.empty();
  AKTE_ASSIGN_OR_RETURN(auto outcome,
                        catalog.ImportBusinessRecords(by, std::move(drafts), dry_run));
  AddDraftProblems(outcome.problems, lines, report);
  report.imported = outcome.created.size();
  return report;
}

}  // namespace akte::archive
