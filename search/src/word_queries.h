// The query side of analysis: what a typed word, a quoted phrase or a
// prefix wildcard matches (see Analyzer::WordQuery and friends).
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

#include "compounds.h"
#include "glossary.h"
#include "tokenizer.h"
#include "word_list.h"

namespace akte::search {

// Builds the queries of one call; holds a compound memo, so one builder
// serves one thread.
class QueryBuilder {
 public:
  QueryBuilder(const WordSet& words, const Glossary& glossary, const Xapian::Database* vocabulary,
               std::string_view prefix)
      : glossary_(glossary),
        vocabulary_(vocabulary),
        splitter_(words, vocabulary),
        prefix_(prefix) {}

  // OR of the spellings of each word of `input` (SYNONYM of the folded
  // word and its German and English stems), its compound parts (AND) and
  // its glossary translations; identifiers, addresses and phone numbers as
  // their whole terms. Several words: AND of each. Empty for no words.
  Xapian::Query Word(std::string_view input);

  // The folded words of `input` in order and adjacent; identifiers,
  // addresses and phone numbers as their parts.
  Xapian::Query Phrase(std::string_view input);

  // Every term starting with the folded `input`, the `max_expansion` most
  // frequent. With a vocabulary they are listed in the query (so snippets
  // can highlight them); without, Xapian expands them when matching.
  Xapian::Query Wildcard(std::string_view input, Xapian::termcount max_expansion);

 private:
  Xapian::Query Words(std::string_view input, bool translate);
  Xapian::Query TokenQuery(std::string_view text, const Token& token, bool translate);
  Xapian::Query PlainWord(std::string_view raw, bool translate);
  Xapian::Query PartsPhrase(std::string_view text, const Token& token) const;
  std::string Term(std::string_view folded) const;

  const Glossary& glossary_;
  const Xapian::Database* vocabulary_;
  CompoundSplitter splitter_;
  std::string prefix_;
};

}  // namespace akte::search
