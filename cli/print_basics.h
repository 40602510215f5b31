// The building blocks of the CLI's human-readable output (printer.h): the
// user's language, labels, dates and aligned tables.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace akte::cli {

// Whether the user reads German (LC_ALL, LC_MESSAGES or LANG start with "de").
bool German();
// The label for `key` in the user's language (`key` itself when unknown).
std::string L(const std::string& key);
// A UTC time in the local zone ("31.12.2024 14:05" in German), a date
// ("31.12.2024" in German).
std::string Time(const std::string& utc);
std::string Date(const std::string& iso);
// Display width of UTF-8 text: one column per code point.
std::size_t Width(const std::string& s);
std::string Pad(const std::string& s, std::size_t width);
// Rows as aligned columns, the first row being the header.
void PrintTable(std::ostream& out, const std::vector<std::vector<std::string>>& rows);
// "  label               value", skipped when the value is empty.
void Line(std::ostream& out, const std::string& label, const std::string& value);

}  // namespace akte::cli
