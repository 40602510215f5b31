#include "csv_import.h"

#include <algorithm>
#include <cctype>

#include "encoding.h"

namespace akte::archive {

std::string FoldColumnName(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size(); ++i) {
    auto c = static_cast<unsigned char>(name[i]);
    if (c == 0xC3 && i + 1 < name.size()) {
      switch (static_cast<unsigned char>(name[++i])) {
        case 0x84:  // Ä
        case 0xA4:  // ä
          out += "ae";
          break;
        case 0x96:  // Ö
        case 0xB6:  // ö
          out += "oe";
          break;
        case 0x9C:  // Ü
        case 0xBC:  // ü
          out += "ue";
          break;
        case 0x9F:  // ß
          out += "ss";
          break;
        default:
          break;
      }
    } else if (std::isalnum(c)) {
      out.push_back(static_cast<char>(std::tolower(c)));
    }
  }
  return out;
}

std::vector<CsvRow> ReadImportRows(std::string_view bytes, ImportReport& report) {
  auto decoded = DecodeToUtf8(bytes);
  if (!decoded.ok()) {
    report.problems.push_back({0, decoded.status().message()});
    return {};
  }
  report.encoding = decoded->encoding;
  const std::string& text = decoded->text;
  auto rows = ReadCsv(text, DetectSeparator(text.substr(0, text.find('\n'))));
  if (!rows.ok()) {
    report.problems.push_back({0, rows.status().message()});
    return {};
  }
  if (rows->empty()) {
    report.problems.push_back({1, "the file is empty; the first line must name the columns"});
  }
  return std::move(rows).value();
}

bool HasHeaderWidth(const CsvRow& row, std::size_t columns, ImportReport& report) {
  if (row.fields.size() == columns) return true;
  report.problems.push_back({row.line, "has " + std::to_string(row.fields.size()) +
                                           " fields, but the header names " +
                                           std::to_string(columns) + " columns"});
  return false;
}

void AddDraftProblems(const std::vector<std::pair<std::size_t, Status>>& problems,
                      const std::vector<int>& lines, ImportReport& report) {
  for (const auto& [index, status] : problems) {
    report.problems.push_back({lines[index], status.message()});
  }
  std::stable_sort(report.problems.begin(), report.problems.end(),
                   [](const ImportProblem& a, const ImportProblem& b) { return a.line < b.line; });
}

}  // namespace akte::archive
