// The steps every CSV import shares, private to archive/: decoding and
// splitting the file, matching column names, collecting problems by line.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "akte/archive/import.h"
#include "csv_reader.h"

namespace akte::archive {

// Lowercase, umlauts and ß spelt out, everything but letters and digits
// dropped, so "E-Mail", "e_mail" and "EMAIL" are one name, as are "Straße"
// and "Strasse".
std::string FoldColumnName(std::string_view name);

// A column an import knows: its field, the names people give it (compared
// folded), and how a cell's value goes into the draft.
template <typename Draft>
struct CsvColumn {
  using Setter = std::function<Status(Draft&, const std::string&)>;
  std::string field;
  std::vector<std::string> names;
  Setter set;
};

// The setter of the column whose name folds to `folded`; empty when none.
template <typename Draft>
typename CsvColumn<Draft>::Setter FindColumn(const std::vector<CsvColumn<Draft>>& columns,
                                             const std::string& folded) {
  for (const auto& column : columns) {
    for (const auto& name : column.names) {
      if (FoldColumnName(name) == folded) return column.set;
    }
  }
  return {};
}

// The rows of a CSV file in any encoding DecodeToUtf8 knows, the header
// first; records the encoding in `report`. Empty, with the reason in
// `report.problems`, when the file cannot be read or is empty.
std::vector<CsvRow> ReadImportRows(std::string_view bytes, ImportReport& report);

// Whether `row` has as many fields as the header has columns; a problem
// naming both counts otherwise.
bool HasHeaderWidth(const CsvRow& row, std::size_t columns, ImportReport& report);

// Adds the catalog's problems (by index of the draft, whose line is
// `lines[index]`) to the report and sorts all problems by line.
void AddDraftProblems(const std::vector<std::pair<std::size_t, Status>>& problems,
                      const std::vector<int>& lines, ImportReport& report);

}  // namespace akte::archive
