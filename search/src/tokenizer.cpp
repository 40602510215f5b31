#include "tokenizer.h"

#include "identifiers.h"
#include "phone.h"
#include "utf8.h"

namespace akte::search {
namespace {

bool StartsWord(CharClass c) { return c == CharClass::kLetter || c == CharClass::kDigit; }

// Whether the character before text[pos] is a letter or digit.
bool FollowsWordChar(std::string_view text, std::size_t pos) {
  if (pos == 0) return false;
  std::size_t start = pos - 1;
  while (start > 0 && pos - start < 4 && !IsUtf8Boundary(text, start)) --start;
  return StartsWord(Classify(DecodeUtf8(text, start).value));
}

}  // namespace

bool Tokenizer::Next(Token* token) {
  if (pending_next_ < pending_.size()) {
    std::swap(*token, pending_[pending_next_++]);
    return true;
  }
  while (pos_ < text_.size()) {
    const CodePoint cp = DecodeUtf8(text_, pos_);
    const CharClass cls = Classify(cp.value);
    if (cls == CharClass::kIdeograph) {
      token->kind = TokenKind::kIdeograph;
      token->span = {pos_, pos_ + cp.length};
      token->parts.assign(1, token->span);
      token->whole.clear();
      pos_ += cp.length;
      return true;
    }
    if ((cp.value == '+' || cp.value == '(' || cp.value == '0') && !FollowsWordChar(text_, pos_) &&
        MatchPhone(text_, pos_, token)) {
      pos_ = token->span.end;
      return true;
    }
    if (StartsWord(cls)) return NextChunk(token);
    pos_ += cp.length;
  }
  return false;
}

bool Tokenizer::NextChunk(Token* token) {
  ScanChunk(pos_);
  pos_ = pieces_.back().end;
  if (pieces_.size() == 1) {
    token->kind = TokenKind::kWord;
    token->span = pieces_[0];
    token->parts.assign(1, pieces_[0]);
    token->whole.clear();
    return true;
  }
  pending_.clear();
  pending_next_ = 0;
  ClassifyChunk(text_, pieces_, connectors_, &pending_);
  // A chunk always makes at least one token.
  std::swap(*token, pending_[pending_next_++]);
  return true;
}

// Reads pieces of letters and digits (with marks, soft hyphens and inner
// apostrophes) joined by single connectors, from `begin` on.
void Tokenizer::ScanChunk(std::size_t begin) {
  pieces_.clear();
  connectors_.clear();
  std::size_t i = begin;
  std::size_t piece_begin = begin;
  char32_t connector = 0;
  while (true) {
    while (i < text_.size()) {
      const CodePoint cp = DecodeUtf8(text_, i);
      if (IsWordClass(Classify(cp.value))) {
        i += cp.length;
        continue;
      }
      if (IsApostrophe(cp.value) && i > piece_begin && i + cp.length < text_.size() &&
          Classify(DecodeUtf8(text_, i + cp.length).value) == CharClass::kLetter) {
        i += cp.length;
        continue;
      }
      break;
    }
    pieces_.push_back({piece_begin, i});
    connectors_.push_back(connector);
    if (i >= text_.size()) return;
    const CodePoint cp = DecodeUtf8(text_, i);
    if (!IsConnector(cp.value) || i + cp.length >= text_.size()) return;
    if (!StartsWord(Classify(DecodeUtf8(text_, i + cp.length).value))) return;
    connector = cp.value;
    i += cp.length;
    piece_begin = i;
  }
}

}  // namespace akte::search
