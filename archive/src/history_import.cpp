// Notes and history events from other software, as CSV or JSON Lines.
#include <nlohmann/json.hpp>

#include "akte/archive/import.h"
#include "csv_import.h"
#include "encoding.h"
#include "validation.h"

namespace akte::archive {
namespace {

// What a line carries beyond akte's fields: kept as lines of the text.
struct Extras {
  std::string amount, number, status;
};

struct Draft {
  HistoryImportLine line;
  Extras extras;
};

using Column = CsvColumn<Draft>;

Column::Setter Into(std::string HistoryImportLine::*member) {
  return [member](Draft& d, const std::string& v) {
    d.line.*member = v;
    return Status::Ok();
  };
}

Column::Setter Extra(std::string Extras::*member) {
  return [member](Draft& d, const std::string& v) {
    d.extras.*member = Trim(v);
    return Status::Ok();
  };
}

// The fields, their CSV column names and their JSON Lines keys (first name).
const std::vector<Column>& Columns() {
  static const std::vector<Column> kColumns = {
      {"customer_number",
       {"customer_number", "Kundennummer", "Kundennr", "Kd-Nr", "Customer number", "Customer"},
       Into(&HistoryImportLine::customer_number)},
      {"at",
       {"at", "Zeitpunkt", "Datum", "Zeit", "Erstellt", "Timestamp", "Time", "Date", "Created"},
       Into(&HistoryImportLine::at)},
      {"type", {"type", "Typ", "Art", "Ereignistyp", "Kind"}, Into(&HistoryImportLine::type)},
      {"author",
       {"author", "Autor", "Verfasser", "Bearbeiter", "Benutzer", "User"},
       Into(&HistoryImportLine::author)},
      {"subject", {"subject", "Betreff", "Titel", "Title"}, Into(&HistoryImportLine::subject)},
      {"text",
       {"text", "Notiz", "Inhalt", "Beschreibung", "Note", "Body"},
       Into(&HistoryImportLine::text)},
      {"contact",
       {"contact", "contact_name", "Ansprechpartner", "Kontakt", "Contact name"},
       Into(&HistoryImportLine::contact_name)},
      {"amount", {"amount", "Betrag"}, Extra(&Extras::amount)},
      {"number", {"number", "Nummer", "Belegnummer"}, Extra(&Extras::number)},
      {"status", {"status", "Status", "Zustand"}, Extra(&Extras::status)},
  };
  return kColumns;
}

void AppendExtras(Draft& d) {
  std::string& text = d.line.text;
  for (auto [label, value] : {std::pair{"Betrag", &d.extras.amount},
                              {"Nummer", &d.extras.number},
                              {"Status", &d.extras.status}}) {
    if (!value->empty())
      text += (Trim(text).empty() ? "" : "\n") + std::string(label) + ": " + *value;
  }
}

// One JSON object per line; blank lines are skipped.
std::vector<std::pair<int, Draft>> ReadJsonLines(const std::string& text, ImportReport& report) {
  std::vector<std::pair<int, Draft>> drafts;
  int number = 0;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = Trim(std::string_view(text).substr(start, end - start));
    start = end + 1;
    ++number;
    if (line.empty()) continue;
    ++report.records;
    auto object = nlohmann::json::parse(line, nullptr, false);
    if (!object.is_object()) {
      report.problems.push_back({number, "is not a JSON object"});
      continue;
    }
    Draft draft;
    Status status;
    for (const auto& [key, value] : object.items()) {
      const auto set = FindColumn(Columns(), FoldColumnName(key));
      if (!set) {
        status = Status::InvalidArgument("unknown key '" + key + "'");
      } else if (value.is_string()) {
        status = set(draft, value.get<std::string>());
      } else if (value.is_number()) {
        status = set(draft, value.dump());
      } else if (!value.is_null()) {
        status = Status::InvalidArgument("'" + key + "' must be a string or a number");
      }
      if (!status.ok()) break;
    }
    if (!status.ok()) {
      report.problems.push_back({number, status.message()});
      continue;
    }
    drafts.emplace_back(number, std::move(draft));
  }
  return drafts;
}

std::vector<std::pair<int, Draft>> ReadCsvLines(std::string_view bytes, ImportReport& report) {
  std::vector<std::pair<int, Draft>> drafts;
  const std::vector<CsvRow> rows = ReadImportRows(bytes, report);
  if (rows.empty()) return drafts;
  std::vector<Column::Setter> setters;
  for (const auto& cell : rows.front().fields) {
    auto set = FindColumn(Columns(), FoldColumnName(cell));
    if (!set) report.problems.push_back({rows.front().line, "unknown column '" + cell + "'"});
    setters.push_back(set);
  }
  if (!report.problems.empty()) return drafts;
  report.records = rows.size() - 1;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    if (!HasHeaderWidth(rows[r], setters.size(), report)) continue;
    Draft draft;
    Status status;
    for (std::size_t i = 0; i < setters.size() && status.ok(); ++i) {
      status = setters[i](draft, rows[r].fields[i]);
    }
    if (!status.ok()) {
      report.problems.push_back({rows[r].line, status.message()});
      continue;
    }
    drafts.emplace_back(rows[r].line, std::move(draft));
  }
  return drafts;
}

}  // namespace

Result<ImportReport> ImportHistoryFile(Catalog& catalog, const Actor& by, std::string_view bytes,
                                       HistoryKind kind, const ImportOptions& options) {
  ImportReport report;
  auto decoded = DecodeToUtf8(bytes);
  if (!decoded.ok()) {
    report.problems.push_back({0, decoded.status().message()});
    return report;
  }
  const std::string& text = decoded->text;
  const auto first = text.find_first_not_of(" \t\r\n");
  std::vector<std::pair<int, Draft>> drafts;
  if (first != std::string::npos && text[first] == '{') {
    report.encoding = decoded->encoding + ", JSON Lines";
    drafts = ReadJsonLines(text, report);
  } else {
    drafts = ReadCsvLines(bytes, report);
  }
  std::vector<HistoryImportLine> lines;
  std::vector<int> numbers;
  for (auto& [number, draft] : drafts) {
    AppendExtras(draft);
    draft.line.is_note = kind == HistoryKind::kNotes;
    if (draft.line.is_note && (!draft.line.type.empty() || !draft.line.subject.empty())) {
      report.problems.push_back({number,
                                 "a note has only a text; import events for type and "
                                 "subject"});
      continue;
    }
    lines.push_back(std::move(draft.line));
    numbers.push_back(number);
  }
  if (report.records == 0 && report.problems.empty()) {
    report.problems.push_back({1, "the file holds no notes or events"});
  }
  const bool dry_run = options.dry_run || !report.problems.empty();
  AKTE_ASSIGN_OR_RETURN(auto outcome, catalog.ImportHistory(by, std::move(lines), dry_run));
  AddDraftProblems(outcome.problems, numbers, report);
  report.imported = outcome.created.size();
  return report;
}

}  // namespace akte::archive
