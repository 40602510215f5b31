// Date filters in queries, private to search/: "2024", "2024-03",
// "2024-03-05", "05.03.2024", and ranges "2024-01..2024-06".
#pragma once

#include <string>
#include <string_view>

#include "akte/archive/status.h"

namespace akte::search {

// Inclusive, as "YYYYMMDD" (the date value slot's form).
struct DateRange {
  std::string from;
  std::string to;
};

// True for a bare token that is meant as a date filter: a year
// (1900-2199), an ISO month or day, or a range of those.
bool LooksLikeDateFilter(std::string_view token);

// InvalidArgument (field "date") naming what is wrong.
Result<DateRange> ParseDateRange(std::string_view text);

// True when "YYYYMMDD" is the last day of its month.
bool IsMonthEnd(const std::string& yyyymmdd);

}  // namespace akte::search
