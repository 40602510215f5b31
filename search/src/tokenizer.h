// Splits text into tokens: words, ideographs, hyphenated words,
// identifiers (RE-2024-0042, 1.234,56), email addresses, domains and phone
// numbers. Every user of analysis (index, queries, snippets) reads text
// through this one tokenizer, so they agree on what a word is.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace akte::search {

enum class TokenKind {
  kWord,        // letters and digits: "Müller", "2024", "don't"
  kIdeograph,   // one Han or Kana character
  kHyphenated,  // words joined by hyphens: "ERP-Migration"
  kIdentifier,  // pieces with digits joined by - / . , _: "RE-2024-0042"
  kEmail,       // "info@mueller-maschinenbau.de"
  kDomain,      // "www.mueller-maschinenbau.de"
  kPhone,       // "+49 30 1234567", "(030) 123 45 67"
};

struct Span {
  std::size_t begin = 0;  // byte offsets into the text
  std::size_t end = 0;
  std::size_t size() const { return end - begin; }
};

struct Token {
  TokenKind kind = TokenKind::kWord;
  Span span;                // the whole token
  std::vector<Span> parts;  // its words in order; one for kWord and kIdeograph
  // kEmail, kDomain: the lowercase address or domain; kPhone: "tel:" and the
  // digits in national form ("tel:0301234567", "tel:+4312345678").
  std::string whole;
};

// Reads the tokens of a text in order. The text must outlive the tokenizer.
class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text) {}

  // Fills *token with the next token; false at the end of the text. Reuses
  // the token's storage, so plain words cost no allocation.
  bool Next(Token* token);

 private:
  bool NextChunk(Token* token);
  void ScanChunk(std::size_t begin);

  std::string_view text_;
  std::size_t pos_ = 0;
  // The pieces of the current chunk and the connector before each.
  std::vector<Span> pieces_;
  std::vector<char32_t> connectors_;
  // Tokens of a chunk that made more than one ("Müller/Meier").
  std::vector<Token> pending_;
  std::size_t pending_next_ = 0;
};

}  // namespace akte::search
