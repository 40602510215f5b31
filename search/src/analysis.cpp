// The Analyzer facade: owns the word list and the glossary, and hands each
// call to the unit that does the work (text_indexer, word_queries,
// snippet, language).
#include "akte/search/analysis.h"

#include "compounds.h"
#include "folding.h"
#include "glossary.h"
#include "language.h"
#include "snippet.h"
#include "text_indexer.h"
#include "tokenizer.h"
#include "utf8.h"
#include "word_list.h"
#include "word_queries.h"

namespace akte::search {
namespace {

constexpr std::size_t kMinSpellingChars = 3;
constexpr std::size_t kMaxSpellingChars = 40;

// Letters only (no digits, apostrophes or marks), 3 to 40 of them.
bool IsSpellingWord(std::string_view piece) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < piece.size();) {
    const CodePoint cp = DecodeUtf8(piece, i);
    if (Classify(cp.value) != CharClass::kLetter) return false;
    i += cp.length;
    ++chars;
  }
  return chars >= kMinSpellingChars && chars <= kMaxSpellingChars;
}

}  // namespace

struct Analyzer::Impl {
  Impl() : glossary(GlossaryPairs()) {}
  WordSet words;
  Glossary glossary;
};

Analyzer::Analyzer(const std::filesystem::path& word_list) : impl_(std::make_unique<Impl>()) {
  // A missing list is allowed by contract: compounds then split against
  // the index's vocabulary alone.
  LoadWordList(word_list, &impl_->words);
}

Analyzer::~Analyzer() = default;

const Analyzer& Analyzer::Default() {
  static const Analyzer analyzer;  // thread-safe lazy initialisation
  return analyzer;
}

Language Analyzer::DetectLanguage(std::string_view text) const { return DetectTextLanguage(text); }

std::string Analyzer::Fold(std::string_view word) const { return FoldWord(word); }

void Analyzer::IndexText(Xapian::Document& doc, std::string_view text, Language language,
                         Xapian::termpos* position, Xapian::termcount weight,
                         std::string_view prefix, const Xapian::Database* vocabulary) const {
  const IndexOptions options{language, weight, prefix, vocabulary};
  IndexTerms(impl_->words, text, options, &doc, position);
}

void Analyzer::IndexText(Xapian::Document& doc, std::string_view text, Language language,
                         Xapian::termpos* position, Xapian::termcount weight,
                         std::string_view prefix, IndexingSession& session) const {
  IndexOptions options{language, weight, prefix, nullptr};
  options.splitter = session.splitter_.get();
  IndexTerms(impl_->words, text, options, &doc, position);
  session.splitter_->Trim();
}

std::unique_ptr<IndexingSession> Analyzer::StartIndexing(const Xapian::Database* vocabulary) const {
  return std::unique_ptr<IndexingSession>(
      new IndexingSession(std::make_unique<CompoundSplitter>(impl_->words, vocabulary)));
}

IndexingSession::IndexingSession(std::unique_ptr<CompoundSplitter> splitter)
    : splitter_(std::move(splitter)) {}

IndexingSession::~IndexingSession() = default;

Xapian::Query Analyzer::WordQuery(std::string_view word, std::string_view prefix,
                                  const Xapian::Database* vocabulary) const {
  return QueryBuilder(impl_->words, impl_->glossary, vocabulary, prefix).Word(word);
}

Xapian::Query Analyzer::PhraseQuery(std::string_view phrase, std::string_view prefix) const {
  return QueryBuilder(impl_->words, impl_->glossary, nullptr, prefix).Phrase(phrase);
}

Xapian::Query Analyzer::WildcardQuery(std::string_view prefix_word, std::string_view prefix,
                                      Xapian::termcount max_expansion,
                                      const Xapian::Database* vocabulary) const {
  return QueryBuilder(impl_->words, impl_->glossary, vocabulary, prefix)
      .Wildcard(prefix_word, max_expansion);
}

std::vector<std::string> Analyzer::SpellingWords(std::string_view text) const {
  std::vector<std::string> words;
  Tokenizer tokenizer(text);
  Token token;
  while (tokenizer.Next(&token)) {
    if (token.kind != TokenKind::kWord && token.kind != TokenKind::kHyphenated) continue;
    for (const Span& part : token.parts) {
      const std::string_view piece = text.substr(part.begin, part.size());
      if (!IsSpellingWord(piece)) continue;
      AppendLowercase(piece, &words.emplace_back());
    }
  }
  return words;
}

Snippet Analyzer::MakeSnippet(std::string_view text, const std::vector<std::string>& terms,
                              std::size_t length) const {
  return Snippets(terms).Cut(text, length);
}

SnippetCutter Analyzer::Snippets(const std::vector<std::string>& terms) const {
  return SnippetCutter(std::make_unique<TermMatcher>(impl_->words, terms));
}

SnippetCutter::SnippetCutter(std::unique_ptr<TermMatcher> matcher) : matcher_(std::move(matcher)) {}
SnippetCutter::~SnippetCutter() = default;
SnippetCutter::SnippetCutter(SnippetCutter&&) noexcept = default;
SnippetCutter& SnippetCutter::operator=(SnippetCutter&&) noexcept = default;

Snippet SnippetCutter::Cut(std::string_view text, std::size_t length) {
  return MakeTextSnippet(*matcher_, text, length);
}

}  // namespace akte::search
