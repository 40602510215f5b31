#include "identifiers.h"

#include <algorithm>
#include <iterator>

#include "folding.h"
#include "utf8.h"

namespace akte::search {
namespace {

// Top-level domains that make "a.b" a domain outside an email address. A
// closed list, because text with a missing space after a full stop
// ("Ende.Der") must stay two words.
constexpr std::string_view kTopLevelDomains[] = {
    "de",   "at",  "ch",  "li",    "lu",   "com",    "net",    "org",     "eu",    "info",
    "biz",  "io",  "co",  "uk",    "fr",   "it",     "nl",     "be",      "dk",    "se",
    "no",   "fi",  "pl",  "cz",    "es",   "pt",     "us",     "gov",     "edu",   "online",
    "shop", "app", "dev", "cloud", "gmbh", "berlin", "bayern", "hamburg", "koeln", "email"};

class ChunkClassifier {
 public:
  ChunkClassifier(std::string_view text, const std::vector<Span>& pieces,
                  const std::vector<char32_t>& connectors, std::vector<Token>* out)
      : text_(text), pieces_(pieces), connectors_(connectors), out_(out) {}

  void Run() {
    std::size_t lo = 0;
    const std::size_t hi = pieces_.size();
    while (lo < hi) {
      std::size_t special_begin = hi;
      std::size_t special_end = hi;
      TokenKind kind = TokenKind::kWord;
      if (!FindEmail(lo, hi, &special_begin, &special_end)) {
        if (FindDomain(lo, hi, &special_begin, &special_end)) kind = TokenKind::kDomain;
      } else {
        kind = TokenKind::kEmail;
      }
      ClassifyPlain(lo, special_begin);
      if (special_begin == hi) break;
      Emit(kind, special_begin, special_end);
      lo = special_end;
    }
  }

 private:
  bool IsLabelJoin(std::size_t i) const {
    return connectors_[i] == '.' || IsHyphen(connectors_[i]);
  }

  bool HasDigit(std::size_t i) const {
    const std::string_view piece = Text(i, i + 1);
    return std::any_of(piece.begin(), piece.end(), [](char c) { return c >= '0' && c <= '9'; });
  }

  std::string_view Text(std::size_t first, std::size_t last) const {
    return text_.substr(pieces_[first].begin, pieces_[last - 1].end - pieces_[first].begin);
  }

  // pieces [first, last) joined by dots and hyphens: at least two labels,
  // the last one letters only (and a known top-level domain unless in an
  // email address), not all digits.
  bool IsDomain(std::size_t first, std::size_t last, bool any_tld) const {
    std::size_t dots = 0;
    bool letters = false;
    for (std::size_t i = first; i < last; ++i) {
      if (i > first && connectors_[i] == '.') ++dots;
      if (!HasDigit(i)) letters = true;
    }
    if (dots == 0 || !letters || IsHyphen(connectors_[last - 1])) return false;
    const std::string_view tld = Text(last - 1, last);
    if (tld.size() < 2 || tld.size() > 24 || HasDigit(last - 1)) return false;
    std::string lower;
    AppendLowercase(tld, &lower);
    if (any_tld) return true;
    return std::find(std::begin(kTopLevelDomains), std::end(kTopLevelDomains), lower) !=
           std::end(kTopLevelDomains);
  }

  bool FindEmail(std::size_t lo, std::size_t hi, std::size_t* begin, std::size_t* end) const {
    for (std::size_t at = lo + 1; at < hi; ++at) {
      if (connectors_[at] != '@') continue;
      std::size_t first = at - 1;
      while (first > lo && (IsLabelJoin(first) || connectors_[first] == '_')) --first;
      std::size_t last = at + 1;
      while (last < hi && IsLabelJoin(last)) ++last;
      // Back off trailing labels until a valid domain remains ("a@b.de-x").
      while (last > at + 1 && !IsDomain(at, last, /*any_tld=*/true)) --last;
      if (last > at + 1) {
        *begin = first;
        *end = last;
        return true;
      }
    }
    return false;
  }

  bool FindDomain(std::size_t lo, std::size_t hi, std::size_t* begin, std::size_t* end) const {
    for (std::size_t first = lo; first < hi;) {
      std::size_t last = first + 1;
      while (last < hi && IsLabelJoin(last)) ++last;
      for (std::size_t candidate = last; candidate > first + 1; --candidate) {
        if (IsDomain(first, candidate, /*any_tld=*/false)) {
          *begin = first;
          *end = candidate;
          return true;
        }
      }
      first = last;
    }
    return false;
  }

  // Pieces without email or domain: an identifier when any has digits,
  // else words, hyphenated where hyphens join them.
  void ClassifyPlain(std::size_t lo, std::size_t hi) {
    if (lo >= hi) return;
    bool digits = false;
    for (std::size_t i = lo; i < hi && !digits; ++i) digits = HasDigit(i);
    if (digits) {
      Emit(hi - lo == 1 ? TokenKind::kWord : TokenKind::kIdentifier, lo, hi);
      return;
    }
    std::size_t group = lo;
    for (std::size_t i = lo + 1; i <= hi; ++i) {
      if (i < hi && IsHyphen(connectors_[i])) continue;
      Emit(i - group == 1 ? TokenKind::kWord : TokenKind::kHyphenated, group, i);
      group = i;
    }
  }

  void Emit(TokenKind kind, std::size_t first, std::size_t last) {
    Token& token = out_->emplace_back();
    token.kind = kind;
    token.span = {pieces_[first].begin, pieces_[last - 1].end};
    token.parts.assign(pieces_.begin() + static_cast<std::ptrdiff_t>(first),
                       pieces_.begin() + static_cast<std::ptrdiff_t>(last));
    if (kind == TokenKind::kEmail || kind == TokenKind::kDomain) {
      AppendLowercase(Text(first, last), &token.whole);
    }
  }

  std::string_view text_;
  const std::vector<Span>& pieces_;
  const std::vector<char32_t>& connectors_;
  std::vector<Token>* out_;
};

}  // namespace

bool IsHyphen(char32_t c) { return c == '-' || c == 0x2010 || c == 0x2011; }

bool IsConnector(char32_t c) {
  return IsHyphen(c) || c == '/' || c == '.' || c == ',' || c == '_' || c == '@';
}

void ClassifyChunk(std::string_view text, const std::vector<Span>& pieces,
                   const std::vector<char32_t>& connectors, std::vector<Token>* out) {
  ChunkClassifier(text, pieces, connectors, out).Run();
}

}  // namespace akte::search
