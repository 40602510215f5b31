#include "phone.h"

#include <string>
#include <vector>

#include "utf8.h"

namespace akte::search {
namespace {

constexpr std::size_t kMinDigits = 7;
constexpr std::size_t kMaxDigits = 15;
constexpr std::size_t kMinInternationalDigits = 9;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Separators allowed between two digit groups: " ", "/", "-", " / ",
// ") ", " (", "-" and the like, at most three characters.
bool IsSeparator(char c) { return c == ' ' || c == '/' || c == '-' || c == '(' || c == ')'; }

struct Group {
  Span span;
  bool in_parens = false;  // "(0)" after a country code is a dropped trunk zero
};

struct Scan {
  std::vector<Group> groups;
  std::size_t end = 0;
  bool plus = false;
};

// Reads digit groups from `pos` as long as they are joined by separators.
// A long group (5+ digits) followed only by a space ends the number: that
// space is more likely the end of the number than a "2024" after it.
bool ScanGroups(std::string_view text, std::size_t pos, Scan* scan) {
  std::size_t i = pos;
  int open = 0;
  if (text[i] == '(') {
    open = 1;
    ++i;
  }
  if (i < text.size() && text[i] == '+') {
    scan->plus = true;
    ++i;
  }
  while (i < text.size() && IsDigit(text[i])) {
    Group group;
    group.span.begin = i;
    while (i < text.size() && IsDigit(text[i])) ++i;
    group.span.end = i;
    group.in_parens = open > 0 && i < text.size() && text[i] == ')';
    scan->groups.push_back(group);
    scan->end = i;
    std::size_t j = i;
    bool only_spaces = true;
    int depth = open;
    while (j < text.size() && j - i < 3 && IsSeparator(text[j])) {
      if (text[j] != ' ') only_spaces = false;
      if (text[j] == '(') ++depth;
      if (text[j] == ')' && --depth < 0) return false;
      ++j;
    }
    if (j == i || j >= text.size() || !IsDigit(text[j])) {
      if (open > 0 && i < text.size() && text[i] == ')') scan->end = i + 1;
      break;
    }
    if (only_spaces && group.span.size() >= 5) break;
    open = depth;
    i = j;
  }
  return !scan->groups.empty();
}

// Not glued to letters or to a decimal part: "0301234567abc" and
// "030 1234,56" are not phone numbers.
bool EndsCleanly(std::string_view text, std::size_t end) {
  if (end >= text.size()) return true;
  const CharClass next = Classify(DecodeUtf8(text, end).value);
  if (next == CharClass::kLetter || next == CharClass::kDigit) return false;
  const char c = text[end];
  return !((c == '.' || c == ',') && end + 1 < text.size() && IsDigit(text[end + 1]));
}

bool Normalize(std::string_view text, const Scan& scan, std::string* whole) {
  std::string digits;
  for (std::size_t g = 0; g < scan.groups.size(); ++g) {
    const Group& group = scan.groups[g];
    const std::string_view run = text.substr(group.span.begin, group.span.size());
    const bool trunk_zero = g > 0 && group.in_parens && run == "0";
    if (!trunk_zero) digits.append(run);
  }
  if (digits.size() < kMinDigits || digits.size() > kMaxDigits) return false;
  std::string international;
  if (scan.plus) {
    international = digits;
  } else if (digits.compare(0, 2, "00") == 0) {
    // "0044 0532 0130 00" is an IBAN, not a call to the UK.
    if (digits.size() < 3 || digits[2] == '0') return false;
    if (scan.groups.size() > 1 && text[scan.groups[1].span.begin] == '0' &&
        !scan.groups[1].in_parens) {
      return false;
    }
    international = digits.substr(2);
  } else if (digits[0] == '0') {
    // An area code has at least three digits with its 0: "01/02/2024" is a date.
    if (scan.groups[0].span.size() < 3) return false;
    *whole = "tel:" + digits;
    return true;
  } else {
    return false;
  }
  if (international.size() < kMinInternationalDigits || international[0] == '0') return false;
  if (international.compare(0, 2, "49") == 0) {
    *whole = "tel:0" + international.substr(2);
  } else {
    *whole = "tel:+" + international;
  }
  return true;
}

// "0044 0532 0130 00" inside an IBAN: a number right after another one is
// a continuation, not the start of a phone number.
bool FollowsNumber(std::string_view text, std::size_t pos) {
  while (pos > 0 && (text[pos - 1] == ' ' || text[pos - 1] == '\t')) --pos;
  return pos > 0 && IsDigit(text[pos - 1]);
}

}  // namespace

bool MatchPhone(std::string_view text, std::size_t pos, Token* token) {
  const char first = text[pos];
  if ((first != '+' && first != '(' && first != '0') || FollowsNumber(text, pos)) return false;
  Scan scan;
  if (!ScanGroups(text, pos, &scan) || !EndsCleanly(text, scan.end)) return false;
  std::string whole;
  if (!Normalize(text, scan, &whole)) return false;
  token->kind = TokenKind::kPhone;
  token->span = {pos, scan.end};
  token->parts.clear();
  for (const Group& group : scan.groups) token->parts.push_back(group.span);
  token->whole = std::move(whole);
  return true;
}

}  // namespace akte::search
