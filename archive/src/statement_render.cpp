// An account statement as CSV and as a printable HTML page.
#include <string>

#include "akte/archive/business.h"
#include "akte/archive/time.h"

namespace akte::archive {
namespace {

// "1234,56" (no thousands separator: spreadsheets read it as a number).
std::string CsvAmount(std::int64_t cents) {
  if (cents == 0) return "";
  std::string text = FormatEuroGerman(cents);
  text.resize(text.size() - std::string_view(" €").size());
  std::erase(text, '.');
  return text;
}

std::string CsvField(const std::string& value) {
  // Quote always; a leading = + - @ would make a spreadsheet run a formula.
  std::string quoted = "\"";
  if (!value.empty() && std::string_view("=+-@").find(value.front()) != std::string_view::npos) {
    quoted += '\'';
  }
  for (char ch : value) {
    if (ch == '"') quoted += '"';
    quoted += ch;
  }
  return quoted + "\"";
}

std::string Html(std::string_view text) {
  std::string escaped;
  for (char ch : text) {
    switch (ch) {
      case '&':
        escaped += "&amp;";
        break;
      case '<':
        escaped += "&lt;";
        break;
      case '>':
        escaped += "&gt;";
        break;
      case '"':
        escaped += "&quot;";
        break;
      case '\'':
        escaped += "&#39;";
        break;
      default:
        escaped += ch;
    }
  }
  return escaped;
}

std::string HtmlAmount(std::int64_t cents) { return cents == 0 ? "" : FormatEuroGerman(cents); }

}  // namespace

std::string StatementCsv(const AccountStatement& statement) {
  std::string csv = "\xEF\xBB\xBF";  // BOM: Excel reads UTF-8 with it
  csv += "Datum;Art;Nummer;Text;Soll;Haben;Saldo\r\n";
  for (const auto& line : statement.lines) {
    csv += CsvField(FormatDateGerman(line.date)) + ";" + CsvField(RecordKindLabel(line.kind)) +
           ";" + CsvField(line.number) + ";" + CsvField(line.text) + ";" +
           CsvAmount(line.debit_cents) + ";" + CsvAmount(line.credit_cents) + ";" +
           (line.balance_cents == 0 ? "0,00" : CsvAmount(line.balance_cents)) + "\r\n";
  }
  return csv;
}

std::string StatementHtml(const AccountStatement& statement, std::string_view firm_name) {
  const Customer& c = statement.customer;
  std::string html =
      "<!doctype html>\n<html lang=\"de\"><head><meta charset=\"utf-8\">"
      "<title>Kontoauszug " +
      Html(c.number) +
      "</title><style>"
      "body{font-family:sans-serif;margin:2em;color:#000}"
      "table{border-collapse:collapse;width:100%}"
      "th,td{border-bottom:1px solid #999;padding:.3em .5em;text-align:left}"
      "td.amount,th.amount{text-align:right;white-space:nowrap}"
      "tfoot td{font-weight:bold;border-bottom:none}"
      "@media print{body{margin:0}}</style></head><body>\n";
  if (!firm_name.empty()) html += "<p>" + Html(firm_name) + "</p>\n";
  html +=
      "<h1>Kontoauszug</h1>\n<p>" + Html(c.DisplayName()) + "<br>Kundennummer " + Html(c.number);
  if (!c.street.empty()) html += "<br>" + Html(c.street);
  if (!c.city.empty()) html += "<br>" + Html(c.postal_code + " " + c.city);
  html +=
      "</p>\n<table><thead><tr><th>Datum</th><th>Art</th><th>Nummer</th><th>Text</th>"
      "<th class=\"amount\">Soll</th><th class=\"amount\">Haben</th>"
      "<th class=\"amount\">Saldo</th></tr></thead><tbody>\n";
  for (const auto& line : statement.lines) {
    html += "<tr><td>" + FormatDateGerman(line.date) + "</td><td>" +
            Html(RecordKindLabel(line.kind)) + "</td><td>" + Html(line.number) + "</td><td>" +
            Html(line.text) + "</td><td class=\"amount\">" + HtmlAmount(line.debit_cents) +
            "</td><td class=\"amount\">" + HtmlAmount(line.credit_cents) +
            "</td><td class=\"amount\">" + FormatEuroGerman(line.balance_cents) + "</td></tr>\n";
  }
  if (statement.lines.empty()) {
    html += "<tr><td colspan=\"7\">Keine Rechnungen, Zahlungen oder Gutschriften.</td></tr>\n";
  }
  html += "</tbody><tfoot><tr><td colspan=\"6\">Saldo</td><td class=\"amount\">" +
          FormatEuroGerman(statement.balance_cents) +
          "</td></tr></tfoot></table>\n</body></html>\n";
  return html;
}

}  // namespace akte::archive
