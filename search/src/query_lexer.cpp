#include "query_lexer.h"

#include <cctype>

namespace akte::search {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
bool Ends(char c) { return IsSpace(c) || c == '(' || c == ')'; }

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsFieldName(std::string_view name) {
  if (name.empty() || name.size() > 12) return false;
  for (char c : name) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace

bool QueryLexer::ConsumeOpening(std::span<const std::string_view> openings) {
  std::size_t start = pos_;
  while (start < text_.size() && IsSpace(text_[start])) ++start;
  const std::string rest = Lower(text_.substr(start));
  for (std::string_view opening : openings) {
    if (rest.starts_with(opening) &&
        (rest.size() == opening.size() || IsSpace(rest[opening.size()]))) {
      pos_ = start + opening.size();
      return true;
    }
  }
  return false;
}

Result<QueryToken> QueryLexer::Next() {
  while (pos_ < text_.size() && IsSpace(text_[pos_])) ++pos_;
  QueryToken token;
  token.offset = pos_;
  if (pos_ >= text_.size()) return token;
  const char c = text_[pos_];
  auto quoted = [&](std::size_t quote) -> Result<std::string> {
    std::size_t close = text_.find('"', quote + 1);
    if (close == std::string_view::npos) {
      return Status::InvalidArgument(
          "the quote at position " + std::to_string(quote + 1) + " is never closed", "quote");
    }
    pos_ = close + 1;
    return std::string(text_.substr(quote + 1, close - quote - 1));
  };
  if (c == '(' || c == ')') {
    token.kind = c == '(' ? QueryToken::kLeftParen : QueryToken::kRightParen;
    token.text = std::string(1, c);
    ++pos_;
    return token;
  }
  if (c == '"') {
    token.kind = QueryToken::kPhrase;
    AKTE_ASSIGN_OR_RETURN(token.text, quoted(pos_));
    return token;
  }
  if ((c == '-' || c == '+') && pos_ + 1 < text_.size() && !Ends(text_[pos_ + 1])) {
    ++pos_;
    if (c == '+') return Next();  // "must contain": every word must already
    token.kind = QueryToken::kNot;
    token.text = "-";
    return token;
  }
  std::size_t end = pos_;
  while (end < text_.size() && !Ends(text_[end])) {
    if (text_[end] == ':' && end + 1 < text_.size() && text_[end + 1] == '"' &&
        IsFieldName(text_.substr(pos_, end - pos_))) {
      token.kind = QueryToken::kField;
      token.field = Lower(text_.substr(pos_, end - pos_));
      AKTE_ASSIGN_OR_RETURN(token.text, quoted(end + 1));
      return token;
    }
    ++end;
  }
  const std::string word(text_.substr(pos_, end - pos_));
  pos_ = end;
  token.text = word;
  if (word == "OR" || word == "ODER" || word == "|") {
    token.kind = QueryToken::kOr;
  } else if (word == "AND" || word == "UND" || word == "&") {
    token.kind = QueryToken::kAnd;
  } else if (word == "NOT" || word == "NICHT") {
    token.kind = QueryToken::kNot;
  } else if (auto colon = word.find(':');
             colon != std::string::npos && IsFieldName(std::string_view(word).substr(0, colon))) {
    token.kind = QueryToken::kField;
    token.field = Lower(word.substr(0, colon));
    token.text = word.substr(colon + 1);
  } else if (word.size() > 1 && word.back() == '*') {
    token.kind = QueryToken::kWildcard;
    token.text = word.substr(0, word.size() - 1);
  } else {
    token.kind = QueryToken::kWord;
  }
  return token;
}

}  // namespace akte::search
