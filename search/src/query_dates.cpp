#include "query_dates.h"

#include <chrono>
#include <cstdio>
#include <optional>

namespace akte::search {
namespace {

using namespace std::chrono;

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int Number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

std::string Format(int y, unsigned m, unsigned d) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d%02u%02u", y, m, d);
  return buffer;
}

unsigned LastDay(int y, unsigned m) {
  return static_cast<unsigned>(year_month_day_last{year{y} / month{m} / last}.day());
}

// One side of a range: its first and last day.
std::optional<DateRange> ParseOne(std::string_view s) {
  int y = 0;
  unsigned m = 0, d = 0;
  if (s.size() == 4 && AllDigits(s)) {
    y = Number(s);
  } else if (s.size() == 7 && s[4] == '-' && AllDigits(s.substr(0, 4)) && AllDigits(s.substr(5))) {
    y = Number(s.substr(0, 4));
    m = static_cast<unsigned>(Number(s.substr(5)));
  } else if (s.size() == 10 && s[4] == '-' && s[7] == '-' && AllDigits(s.substr(0, 4)) &&
             AllDigits(s.substr(5, 2)) && AllDigits(s.substr(8))) {
    y = Number(s.substr(0, 4));
    m = static_cast<unsigned>(Number(s.substr(5, 2)));
    d = static_cast<unsigned>(Number(s.substr(8)));
  } else {
    // German order: D.M.YYYY or M.YYYY
    auto first = s.find('.');
    if (first == std::string_view::npos) return std::nullopt;
    auto second = s.find('.', first + 1);
    if (second == std::string_view::npos) {
      if (!AllDigits(s.substr(0, first)) || !AllDigits(s.substr(first + 1))) return std::nullopt;
      m = static_cast<unsigned>(Number(s.substr(0, first)));
      y = Number(s.substr(first + 1));
    } else {
      if (!AllDigits(s.substr(0, first)) || !AllDigits(s.substr(first + 1, second - first - 1)) ||
          !AllDigits(s.substr(second + 1))) {
        return std::nullopt;
      }
      d = static_cast<unsigned>(Number(s.substr(0, first)));
      m = static_cast<unsigned>(Number(s.substr(first + 1, second - first - 1)));
      y = Number(s.substr(second + 1));
    }
    if (y < 1000) return std::nullopt;
  }
  if (y < 1000 || y > 9999 || m > 12) return std::nullopt;
  if (m == 0) return DateRange{Format(y, 1, 1), Format(y, 12, 31)};
  if (d == 0) return DateRange{Format(y, m, 1), Format(y, m, LastDay(y, m))};
  if (!year_month_day{year{y}, month{m}, day{d}}.ok()) return std::nullopt;
  return DateRange{Format(y, m, d), Format(y, m, d)};
}

bool IsIsoDateLike(std::string_view s) {
  if (s.size() == 4) return AllDigits(s) && Number(s) >= 1900 && Number(s) <= 2199;
  if (s.size() == 7) return s[4] == '-' && AllDigits(s.substr(0, 4)) && AllDigits(s.substr(5));
  if (s.size() == 10) {
    return s[4] == '-' && s[7] == '-' && AllDigits(s.substr(0, 4)) && AllDigits(s.substr(5, 2)) &&
           AllDigits(s.substr(8));
  }
  return false;
}

}  // namespace

bool LooksLikeDateFilter(std::string_view token) {
  auto dots = token.find("..");
  if (dots != std::string_view::npos) {
    auto from = token.substr(0, dots), to = token.substr(dots + 2);
    return ParseOne(from).has_value() || ParseOne(to).has_value() || IsIsoDateLike(from) ||
           IsIsoDateLike(to);
  }
  return IsIsoDateLike(token);
}

Result<DateRange> ParseDateRange(std::string_view text) {
  auto invalid = [&] {
    return Status::InvalidArgument(
        "'" + std::string(text) +
            "' is not a date or date range (use 2024, 2024-03, 2024-03-05, 05.03.2024 or "
            "2024-01..2024-06)",
        "date");
  };
  auto dots = text.find("..");
  if (dots == std::string_view::npos) {
    auto one = ParseOne(text);
    if (!one) return invalid();
    return *one;
  }
  const auto from_text = text.substr(0, dots), to_text = text.substr(dots + 2);
  std::optional<DateRange> from =
      from_text.empty() ? DateRange{"00000000", "00000000"} : ParseOne(from_text);
  std::optional<DateRange> to =
      to_text.empty() ? DateRange{"99991231", "99991231"} : ParseOne(to_text);
  if (!from || !to) return invalid();
  if (from->from > to->to) {
    return Status::InvalidArgument(
        "the date range '" + std::string(text) + "' ends before it begins", "date");
  }
  return DateRange{from->from, to->to};
}

bool IsMonthEnd(const std::string& yyyymmdd) {
  if (yyyymmdd.size() != 8) return false;
  const int y = std::stoi(yyyymmdd.substr(0, 4));
  const unsigned m = static_cast<unsigned>(std::stoi(yyyymmdd.substr(4, 2)));
  const unsigned d = static_cast<unsigned>(std::stoi(yyyymmdd.substr(6, 2)));
  return m >= 1 && m <= 12 && d == LastDay(y, m);
}

}  // namespace akte::search
