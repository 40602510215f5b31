#include "csv_reader.h"

#include <csv.h>

#include <memory>

namespace akte::archive {
namespace {

struct ParseState {
  std::vector<CsvRow> rows;
  CsvRow current;
  int line_being_fed = 0;
  int row_start = -1;  // -1: between rows
};

void OnField(void* data, std::size_t size, void* user) {
  auto* state = static_cast<ParseState*>(user);
  state->current.fields.emplace_back(static_cast<const char*>(data), size);
}

void OnRowEnd(int /*terminator*/, void* user) {
  auto* state = static_cast<ParseState*>(user);
  state->current.line = state->row_start > 0 ? state->row_start : state->line_being_fed;
  state->rows.push_back(std::move(state->current));
  state->current = CsvRow{};
  state->row_start = -1;
}

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r\n") == std::string_view::npos;
}

int OnlySpace(unsigned char c) { return c == ' ' ? 1 : 0; }

}  // namespace

char DetectSeparator(std::string_view header_line) {
  int semicolons = 0, commas = 0, tabs = 0;
  bool quoted = false;
  for (char c : header_line) {
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    semicolons += c == ';';
    commas += c == ',';
    tabs += c == '\t';
  }
  if (tabs > semicolons && tabs > commas) return '\t';
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

Result<std::vector<CsvRow>> ReadCsv(std::string_view text, char separator) {
  csv_parser parser;
  if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) {
    return Status::Internal("cannot initialise the CSV parser");
  }
  std::unique_ptr<csv_parser, void (*)(csv_parser*)> guard(&parser, csv_free);
  csv_set_delim(&parser, static_cast<unsigned char>(separator));
  // Only spaces around unquoted fields are insignificant; a tab may be the separator.
  csv_set_space_func(&parser, OnlySpace);

  ParseState state;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    end = end == std::string_view::npos ? text.size() : end + 1;
    std::string_view line = text.substr(pos, end - pos);
    ++state.line_being_fed;
    if (state.row_start < 0 && !IsBlank(line)) state.row_start = state.line_being_fed;
    if (csv_parse(&parser, line.data(), line.size(), OnField, OnRowEnd, &state) != line.size()) {
      return Status::InvalidArgument("line " + std::to_string(state.line_being_fed) +
                                     ": malformed quoting (" + csv_strerror(csv_error(&parser)) +
                                     ")");
    }
    pos = end;
  }
  if (csv_fini(&parser, OnField, OnRowEnd, &state) != 0) {
    return Status::InvalidArgument("line " + std::to_string(state.row_start) +
                                   ": a quoted field is never closed");
  }
  return std::move(state.rows);
}

}  // namespace akte::archive
