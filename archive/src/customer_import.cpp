// CSV import of customers: column names in German or English, all or nothing.
#include <algorithm>
#include <functional>
#include <map>

#include "akte/archive/import.h"
#include "akte/archive/pipeline.h"
#include "csv_import.h"
#include "validation.h"

namespace akte::archive {
namespace {

using Column = CsvColumn<Customer>;
using Setter = Column::Setter;

Status SetKind(Customer& c, const std::string& value) {
  static const std::map<std::string, std::string> kKinds = {
      {"kunde", kKindCustomer},       {"customer", kKindCustomer}, {"k", kKindCustomer},
      {"interessent", kKindProspect}, {"prospect", kKindProspect}, {"i", kKindProspect},
      {"lead", kKindProspect}};
  std::string lower = value;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  if (lower.empty()) return Status::Ok();
  auto it = kKinds.find(lower);
  if (it == kKinds.end()) {
    return Status::InvalidArgument("kind '" + value +
                                       "' is neither Kunde/customer nor "
                                       "Interessent/prospect",
                                   "kind");
  }
  c.kind = it->second;
  return Status::Ok();
}

// "Angebot gesendet", "offer_sent", ...: where a prospect stands; the
// catalog refuses a status on a customer (other than "won").
Status SetPipelineStatus(Customer& c, const std::string& value) {
  if (Trim(value).empty()) return Status::Ok();
  auto status = ParsePipelineStatus(value);
  if (!status) {
    return Status::InvalidArgument("status '" + value +
                                       "' is none of neu, kontaktiert, Angebot gesendet, "
                                       "gewonnen, verloren (new, contacted, offer_sent, won, lost)",
                                   "pipeline_status");
  }
  c.pipeline_status = *status;
  return Status::Ok();
}

// Splits "a@x.de, b@y.de" or "a@x.de; b@y.de" into addresses.
std::vector<std::string> SplitList(const std::string& value) {
  std::vector<std::string> items;
  std::string current;
  for (char ch : value) {
    if (ch == ',' || ch == ';' || ch == '\n') {
      if (!Trim(current).empty()) items.push_back(Trim(current));
      current.clear();
    } else {
      current.push_back(ch);
    }
  }
  if (!Trim(current).empty()) items.push_back(Trim(current));
  return items;
}

Setter Text(std::string Customer::*member) {
  return [member](Customer& c, const std::string& v) {
    c.*member = v;
    return Status::Ok();
  };
}

Setter PhoneOf(std::string kind) {
  return [kind](Customer& c, const std::string& v) {
    if (!Trim(v).empty()) c.phones.push_back(Phone{kind, v});
    return Status::Ok();
  };
}

const std::vector<Column>& Columns() {
  static const std::vector<Column> kColumns = {
      {"number",
       {"Kundennummer", "Kundennr", "Kd-Nr", "KdNr", "Nummer", "Nr", "Customer number",
        "Customer no", "Customer ID", "Number"},
       Text(&Customer::number)},
      {"kind", {"Art", "Typ", "Kundenart", "Kind", "Type"}, SetKind},
      {"pipeline_status",
       {"Status", "Vertriebsstatus", "Pipeline", "Pipeline-Status", "Pipeline status", "Stage"},
       SetPipelineStatus},
      {"company",
       {"Firma", "Firmenname", "Unternehmen", "Name 1", "Company", "Company name", "Organisation",
        "Organization"},
       Text(&Customer::company)},
      {"legal_form", {"Rechtsform", "Legal form"}, Text(&Customer::legal_form)},
      {"salutation", {"Anrede", "Salutation"}, Text(&Customer::salutation)},
      {"first_name", {"Vorname", "First name", "Given name"}, Text(&Customer::first_name)},
      {"last_name",
       {"Nachname", "Name", "Last name", "Surname", "Family name"},
       Text(&Customer::last_name)},
      {"street",
       {"Straße", "Strasse", "Str", "Anschrift", "Street", "Address"},
       Text(&Customer::street)},
      {"postal_code",
       {"PLZ", "Postleitzahl", "Postal code", "Postcode", "ZIP", "ZIP code"},
       Text(&Customer::postal_code)},
      {"city", {"Ort", "Stadt", "Wohnort", "City", "Town"}, Text(&Customer::city)},
      {"country", {"Land", "Country"}, Text(&Customer::country)},
      {"emails",
       {"E-Mail", "Email", "Mail", "E-Mail 2", "E-Mail-Adresse", "Email address"},
       [](Customer& c, const std::string& v) {
         for (auto& email : SplitList(v)) c.emails.push_back(email);
         return Status::Ok();
       }},
      {"phone",
       {"Telefon", "Tel", "Telefon 1", "Telefon 2", "Phone", "Telephone"},
       PhoneOf("phone")},
      {"mobile", {"Mobil", "Mobiltelefon", "Handy", "Mobile", "Cell"}, PhoneOf("mobile")},
      {"fax", {"Fax", "Telefax"}, PhoneOf("fax")},
      {"website",
       {"Internet", "Homepage", "Webseite", "Website", "Web", "URL"},
       Text(&Customer::website)},
      {"birthday",
       {"Geburtstag", "Geburtsdatum", "Birthday", "Date of birth"},
       Text(&Customer::birthday)},
      {"remarks",
       {"Anmerkungen", "Anmerkung", "Notiz", "Bemerkung", "Bemerkungen", "Remarks", "Notes", "Note",
        "Comment"},
       Text(&Customer::remarks)},
  };
  return kColumns;
}

// Maps each header cell to a setter: a known column, a custom field label,
// or "Feld N"/"Field N". Unknown headers are problems: silently dropping a
// column would lose data.
std::vector<Setter> MapHeader(const CsvRow& header,
                              const std::vector<CustomFieldDefinition>& definitions,
                              std::vector<ImportProblem>& problems) {
  std::vector<Setter> setters;
  for (const auto& cell : header.fields) {
    const std::string folded = FoldColumnName(cell);
    Setter setter = FindColumn(Columns(), folded);
    for (const auto& definition : definitions) {
      const std::string slot = std::to_string(definition.slot);
      if (FoldColumnName(definition.label) == folded || folded == "feld" + slot ||
          folded == "field" + slot) {
        setter = [slot = definition.slot](Customer& c, const std::string& v) {
          c.custom_fields[slot] = v;
          return Status::Ok();
        };
      }
    }
    if (!setter && folded.empty()) {
      setter = [](Customer&, const std::string&) { return Status::Ok(); };  // unnamed, ignored
    }
    if (!setter) {
      problems.push_back({header.line, "unknown column '" + cell +
                                           "' (neither a known field nor a custom field label)"});
    }
    setters.push_back(setter);
  }
  return setters;
}

}  // namespace

std::vector<std::pair<std::string, std::vector<std::string>>> CustomerCsvColumns() {
  std::vector<std::pair<std::string, std::vector<std::string>>> out;
  for (const auto& column : Columns()) out.emplace_back(column.field, column.names);
  return out;
}

Result<ImportReport> ImportCustomersCsv(Catalog& catalog, const Actor& by, std::string_view csv,
                                        const ImportOptions& options) {
  ImportReport report;
  const std::vector<CsvRow> rows = ReadImportRows(csv, report);
  if (rows.empty()) return report;
  AKTE_ASSIGN_OR_RETURN(auto definitions, catalog.ListCustomFields());
  const CsvRow& header = rows.front();
  auto setters = MapHeader(header, definitions, report.problems);
  if (!report.problems.empty()) return report;

  std::vector<Customer> drafts;
  std::vector<int> lines;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const CsvRow& row = rows[r];
    if (!HasHeaderWidth(row, setters.size(), report)) continue;
    Customer draft;
    draft.country.clear();
    Status status;
    for (std::size_t i = 0; i < setters.size() && status.ok(); ++i) {
      status = setters[i](draft, row.fields[i]);
    }
    if (!status.ok()) {
      report.problems.push_back({row.line, status.message()});
      continue;
    }
    drafts.push_back(std::move(draft));
    lines.push_back(row.line);
  }
  report.records = rows.size() - 1;
  // Even when some rows could not be read, let the catalog check the others
  // (without storing), so the user learns of every bad row at once.
  const bool dry_run = options.dry_run || !report.problems.empty();
  AKTE_ASSIGN_OR_RETURN(auto outcome, catalog.ImportCustomers(by, std::move(drafts), dry_run));
  AddDraftProblems(outcome.problems, lines, report);
  report.imported = outcome.created.size();
  return report;
}

}  // namespace akte::archive
