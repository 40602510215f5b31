// Splitting CSV text into rows with the line each starts on, over libcsv;
// private to archive/.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "akte/archive/status.h"

namespace akte::archive {

struct CsvRow {
  int line = 0;  // 1-based line where the row starts
  std::vector<std::string> fields;
};

// The separator the header line uses most: ';', ',' or '\t' (outside quotes).
char DetectSeparator(std::string_view header_line);

// Parses UTF-8 CSV text. Quoted fields may contain separators, doubled
// quotes and line breaks; blank lines are skipped. InvalidArgument names
// the line of a malformed quote.
Result<std::vector<CsvRow>> ReadCsv(std::string_view text, char separator);

}  // namespace akte::archive
