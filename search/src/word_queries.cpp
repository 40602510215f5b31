#include "word_queries.h"

#include <algorithm>
#include <vector>

#include "folding.h"
#include "stemming.h"

namespace akte::search {
namespace {

Xapian::Query Combine(Xapian::Query::op op, const std::vector<Xapian::Query>& queries) {
  if (queries.empty()) return Xapian::Query();
  if (queries.size() == 1) return queries.front();
  return Xapian::Query(op, queries.begin(), queries.end());
}

std::string_view Slice(std::string_view text, const Span& span) {
  return text.substr(span.begin, span.size());
}

}  // namespace

std::string QueryBuilder::Term(std::string_view folded) const {
  return std::string(prefix_).append(folded);
}

Xapian::Query QueryBuilder::Word(std::string_view input) { return Words(input, true); }

Xapian::Query QueryBuilder::Words(std::string_view input, bool translate) {
  Tokenizer tokenizer(input);
  Token token;
  std::vector<Xapian::Query> queries;
  std::vector<std::string> ideographs;
  std::string lower;  // the words, for a multi-word glossary entry
  bool only_ideographs = true;
  while (tokenizer.Next(&token)) {
    if (token.kind == TokenKind::kIdeograph) {
      ideographs.push_back(Term(FoldWord(Slice(input, token.span))));
    } else {
      only_ideographs = false;
    }
    if (token.kind == TokenKind::kWord) {
      if (!lower.empty()) lower.push_back(' ');
      AppendLowercase(Slice(input, token.span), &lower);
    }
    queries.push_back(TokenQuery(input, token, translate));
  }
  // Han and Kana have no spaces: a typed "word" of them is a run of
  // single-character terms that must stand together.
  if (only_ideographs && ideographs.size() > 1) {
    return Xapian::Query(Xapian::Query::OP_PHRASE, ideographs.begin(), ideographs.end(),
                         static_cast<Xapian::termcount>(ideographs.size()));
  }
  if (queries.size() <= 1 || !translate) return Combine(Xapian::Query::OP_AND, queries);
  std::vector<Xapian::Query> alternatives = {Combine(Xapian::Query::OP_AND, queries)};
  for (std::string_view translation : glossary_.Translate(lower)) {
    alternatives.push_back(Words(translation, false));
  }
  return Combine(Xapian::Query::OP_OR, alternatives);
}

Xapian::Query QueryBuilder::TokenQuery(std::string_view text, const Token& token, bool translate) {
  switch (token.kind) {
    case TokenKind::kWord:
      return PlainWord(Slice(text, token.span), translate);
    case TokenKind::kIdeograph:
      return Xapian::Query(Term(FoldWord(Slice(text, token.span))));
    case TokenKind::kHyphenated: {
      std::string joined;
      std::vector<Xapian::Query> parts;
      for (const Span& part : token.parts) {
        joined.append(Slice(text, part));
        parts.push_back(PlainWord(Slice(text, part), translate));
      }
      return Xapian::Query(Xapian::Query::OP_OR, PlainWord(joined, translate),
                           Combine(Xapian::Query::OP_AND, parts));
    }
    case TokenKind::kIdentifier: {
      // The whole as typed, or its pieces in a row ("RE 2024 0042"), never
      // the pieces scattered: RE-2024-0043 must not find RE-2024-0042.
      std::string joined;
      for (const Span& part : token.parts) AppendFolded(Slice(text, part), &joined);
      return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(Term(joined)),
                           PartsPhrase(text, token));
    }
    case TokenKind::kEmail:
    case TokenKind::kDomain:
      return Xapian::Query(Term(token.whole));
    case TokenKind::kPhone:
      return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(Term(token.whole)),
                           PartsPhrase(text, token));
  }
  return Xapian::Query();
}

constexpr std::size_t kMinTranslationStem = 5;

Xapian::Query QueryBuilder::PlainWord(std::string_view raw, bool translate) {
  const std::string folded = FoldWord(raw);
  if (folded.empty()) return Xapian::Query();
  std::string lower;
  AppendLowercase(raw, &lower);
  std::vector<std::string> stems;
  AppendStems(lower, kStemGerman | kStemEnglish, &stems);
  std::vector<std::string> spellings = {Term(folded)};
  for (const std::string& stem : stems) {
    // A glossary translation (translate is false then) is stemmed in both
    // languages without knowing its own, so a short stem may be another
    // word's: English "offer" stems to German "off", as "offen" does.
    if (!translate && stem.size() < kMinTranslationStem) continue;
    spellings.push_back("Z" + prefix_ + stem);
    // A word that is its own stem is indexed without a stem term, so the
    // stem is also looked for as a word ("Verträge" finds "Vertrag").
    if (stem != folded) spellings.push_back(Term(stem));
  }
  std::sort(spellings.begin() + 1, spellings.end());
  spellings.erase(std::unique(spellings.begin() + 1, spellings.end()), spellings.end());
  // One word, several spellings: SYNONYM makes BM25 weigh them as one term.
  std::vector<Xapian::Query> alternatives;
  if (spellings.size() == 1) {
    alternatives.emplace_back(spellings.front());
  } else {
    alternatives.emplace_back(Xapian::Query::OP_SYNONYM, spellings.begin(), spellings.end());
  }
  const std::vector<std::string> parts = splitter_.Split(folded);
  if (!parts.empty()) {
    std::vector<Xapian::Query> part_queries;
    for (const std::string& part : parts) part_queries.push_back(PlainWord(part, translate));
    alternatives.push_back(Combine(Xapian::Query::OP_AND, part_queries));
  }
  if (translate) {
    for (std::string_view translation : glossary_.Translate(lower)) {
      if (FoldWord(translation) == folded) continue;
      alternatives.push_back(Words(translation, false));
    }
  }
  return Combine(Xapian::Query::OP_OR, alternatives);
}

Xapian::Query QueryBuilder::PartsPhrase(std::string_view text, const Token& token) const {
  std::vector<std::string> terms;
  for (const Span& part : token.parts) terms.push_back(Term(FoldWord(Slice(text, part))));
  if (terms.size() == 1) return Xapian::Query(terms.front());
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                       static_cast<Xapian::termcount>(terms.size()));
}

Xapian::Query QueryBuilder::Phrase(std::string_view input) {
  Tokenizer tokenizer(input);
  Token token;
  std::vector<std::string> terms;
  while (tokenizer.Next(&token)) {
    for (const Span& part : token.parts) {
      std::string folded = FoldWord(Slice(input, part));
      if (!folded.empty()) terms.push_back(Term(folded));
    }
  }
  if (terms.empty()) return Xapian::Query();
  if (terms.size() == 1) return Xapian::Query(terms.front());
  return Xapian::Query(Xapian::Query::OP_PHRASE, terms.begin(), terms.end(),
                       static_cast<Xapian::termcount>(terms.size()));
}

Xapian::Query QueryBuilder::Wildcard(std::string_view input, Xapian::termcount max_expansion) {
  while (!input.empty() && (input.back() == '*' || input.back() == ' ')) input.remove_suffix(1);
  Tokenizer tokenizer(input);
  Token token;
  std::string folded;
  while (tokenizer.Next(&token)) {
    for (const Span& part : token.parts) AppendFolded(Slice(input, part), &folded);
  }
  if (folded.empty()) return Xapian::Query();
  const std::string start = Term(folded);
  const Xapian::Query unexpanded(Xapian::Query::OP_WILDCARD, start, max_expansion,
                                 Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
  if (!vocabulary_) return unexpanded;
  std::vector<std::pair<Xapian::doccount, std::string>> found;
  for (auto it = vocabulary_->allterms_begin(start); it != vocabulary_->allterms_end(start); ++it) {
    found.emplace_back(it.get_termfreq(), *it);
  }
  if (found.empty()) return unexpanded;  // matches nothing, as Xapian would
  if (found.size() > max_expansion) {
    const auto cut = found.begin() + static_cast<std::ptrdiff_t>(max_expansion);
    std::partial_sort(found.begin(), cut, found.end(),
                      [](const auto& a, const auto& b) { return a.first > b.first; });
    found.erase(cut, found.end());
  }
  std::vector<std::string> terms;
  for (auto& [frequency, term] : found) terms.push_back(std::move(term));
  return Xapian::Query(Xapian::Query::OP_SYNONYM, terms.begin(), terms.end());
}

}  // namespace akte::search
