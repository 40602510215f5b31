// Bringing customers and contacts in from other software: CSV exports of
// customer lists and vCard files of contacts. Imports are all or nothing:
// either every row is stored or none is, and every bad row is reported with
// its line number and the reason.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "akte/archive/catalog.h"
#include "akte/archive/records.h"
#include "akte/archive/status.h"

namespace akte::archive {

struct ImportProblem {
  int line = 0;  // 1-based line in the file where the record starts
  std::string message;
};

struct ImportReport {
  std::size_t records = 0;   // records found in the file
  std::size_t imported = 0;  // records stored (0 on a dry run or any problem)
  std::string encoding;      // what the file was decoded from
  std::vector<ImportProblem> problems;
  bool ok() const { return problems.empty(); }
};

struct ImportOptions {
  bool dry_run = false;  // check everything, store nothing
};

// Imports customers from CSV bytes. The first row names the columns, in
// German or English ("Kundennummer"/"Customer number", "Firma"/"Company",
// "PLZ"/"Postal code", ...; custom fields by their label); separators `;`,
// `,` or tab; UTF-8, UTF-16 with BOM or Windows-1252; quoted fields may hold
// separators and line breaks. The accepted column names are listed in
// README.md. Returns an error Status only when the catalog fails; problems
// with the file are in the report.
Result<ImportReport> ImportCustomersCsv(Catalog& catalog, const Actor& by, std::string_view csv,
                                        const ImportOptions& options = {});

// Imports contact persons from vCard 2.1, 3.0 or 4.0 bytes. Each card goes
// to `customer_number` if given, else to the customer whose company name
// equals the card's ORG.
Result<ImportReport> ImportContactsVcf(Catalog& catalog, const Actor& by, std::string_view vcf,
                                       std::string_view customer_number,
                                       const ImportOptions& options = {});

// Imports business records and payments from CSV bytes (encodings and
// separators as for customers), one per line, each naming its customer by
// number: Kundennummer, Art (Angebot, Auftrag, Lieferschein, Rechnung,
// Gutschrift, Mahnung or Zahlung; or offer, order, delivery note, invoice,
// credit note, dunning, payment), Nummer, Datum, Bezug (the number of the
// record it follows; a payment's invoice), Betreff, Netto, Steuer, Brutto
// (a payment's amount), Fällig, Lieferdatum, Mahnstufe, Gebühr; English
// names work too (BusinessRecordCsvColumns). Amounts as "1.234,56" or
// "1,234.56". A line may refer to a record of an earlier line.
Result<ImportReport> ImportBusinessRecordsCsv(Catalog& catalog, const Actor& by,
                                              std::string_view csv,
                                              const ImportOptions& options = {});

// Carries notes or history events over from other software: CSV (column
// names as for customers: Kundennummer, Zeitpunkt, Typ, Autor, Betreff,
// Text, Ansprechpartner, Betrag, Nummer, Status, or their English names) or
// JSON Lines (one object a line with the keys customer_number, at, type,
// author, subject, text, contact, amount, number, status), told apart by
// the first character. Each keeps its time and author (see
// Catalog::ImportHistory); amount, number and status become lines of the
// text. All lines or none, problems by line.
enum class HistoryKind { kNotes, kEvents };
Result<ImportReport> ImportHistoryFile(Catalog& catalog, const Actor& by, std::string_view bytes,
                                       HistoryKind kind, const ImportOptions& options = {});

// The column names ImportBusinessRecordsCsv accepts for each field.
std::vector<std::pair<std::string, std::vector<std::string>>> BusinessRecordCsvColumns();

// The column names ImportCustomersCsv accepts for each field, for help texts.
std::vector<std::pair<std::string, std::vector<std::string>>> CustomerCsvColumns();

}  // namespace akte::archive
