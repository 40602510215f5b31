// Splitting a typed query into tokens, private to search/.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "akte/archive/status.h"

namespace akte::search {

struct QueryToken {
  enum Kind { kEnd, kWord, kPhrase, kWildcard, kField, kLeftParen, kRightParen, kAnd, kOr, kNot };
  Kind kind = kEnd;
  std::string text;        // the word, phrase, wildcard prefix or field value
  std::string field;       // lowercase field name, for kField
  std::size_t offset = 0;  // byte offset in the query
};

class QueryLexer {
 public:
  explicit QueryLexer(std::string_view text) : text_(text) {}

  // Skips one of `openings` (compared case-insensitively, then followed by
  // a space or the end) at the start; true when one was there.
  bool ConsumeOpening(std::span<const std::string_view> openings);

  // The next token. InvalidArgument for a quote that is never closed.
  Result<QueryToken> Next();

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

}  // namespace akte::search
