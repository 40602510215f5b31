// Human-readable output of the CLI: tables and the customer file. Labels
// follow the user's language (German when LANG or LC_ALL starts with "de",
// English otherwise); times are shown in the local time zone.
#pragma once

#include <ostream>
#include <vector>

#include "akte/archive/business.h"
#include "akte/archive/data_dir.h"
#include "akte/archive/import.h"
#include "akte/archive/records.h"
#include "akte/indexer/index_writer.h"
#include "akte/search/searcher.h"

namespace akte::cli {

void PrintCustomerTable(std::ostream& out, const std::vector<archive::Customer>& customers);
void PrintContactTable(std::ostream& out, const std::vector<archive::Contact>& contacts);
// A user's API tokens: id, name, when created and last used, and state.
void PrintTokenTable(std::ostream& out, const std::vector<archive::ApiToken>& tokens);
void PrintFieldDefinitions(std::ostream& out,
                           const std::vector<archive::CustomFieldDefinition>& fields);
void PrintCustomerFile(std::ostream& out, const archive::CustomerFile& file);
// A document's details, metadata and the first lines of its text.
void PrintDocument(std::ostream& out, const archive::Document& document,
                   const std::optional<archive::StoredText>& text);
void PrintInbox(std::ostream& out, const std::vector<archive::Document>& documents);
// Prints the outcome of an import; returns the exit code it calls for.
int PrintImportReport(const archive::ImportReport& report, bool dry_run, const char* what);
// Prints what fsck found; returns the exit code (0 only when clean).
int PrintFsckReport(std::ostream& out, const archive::FsckReport& report);

// Search results; highlights in bold on a terminal, «marked» otherwise.
// Customers ranked by evidence (customer-mode search, inbox suggestions).
void PrintCustomerResults(std::ostream& out, const std::vector<search::CustomerResult>& customers,
                          bool terminal);
void PrintSearchResponse(std::ostream& out, const search::SearchResponse& response, bool terminal);
void PrintHits(std::ostream& out, const std::vector<search::Hit>& hits, bool terminal);
// Prints what the index check found; returns the exit code.
int PrintIndexCheck(std::ostream& out, const indexer::IndexCheckReport& report);

// "1.234,56 €" (German) or "€1,234.56" (English).
std::string FormatMoney(std::int64_t cents);

// Business records (printer_business.cpp): a customer's records with their
// payment state, the figures, the account statement.
void PrintRecordTable(std::ostream& out, const std::vector<archive::BusinessRecord>& records,
                      const std::string& today);
void PrintStatistics(std::ostream& out, const archive::CustomerStatistics& statistics);
void PrintStatement(std::ostream& out, const archive::AccountStatement& statement);
// A customer's follow-ups, open and done; the open ones due by the dashboard
// groups (overdue, today, this week).
void PrintFollowUps(std::ostream& out, const std::vector<archive::FollowUp>& follow_ups);
void PrintDueFollowUps(std::ostream& out, const archive::FollowUpsDue& due);
void PrintBirthdays(std::ostream& out, const std::vector<archive::UpcomingBirthday>& birthdays);
// Tasks (open and done) and appointments (cancelled ones marked), as tables;
// a user's day: overdue tasks, tasks due today and the day's appointments
// (printer_planning.cpp).
void PrintTasks(std::ostream& out, const std::vector<archive::Task>& tasks);
void PrintAppointments(std::ostream& out, const std::vector<archive::Appointment>& appointments);
void PrintAgenda(std::ostream& out, const std::string& user, const archive::Agenda& agenda);

}  // namespace akte::cli
