// Snippets: the passage of a text that best shows why it matched, with the
// matching words marked (see Analyzer::MakeSnippet for the contract).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <vector>

#include "akte/search/analysis.h"
#include "compounds.h"
#include "string_hash.h"
#include "word_list.h"

namespace akte::search {

// Which of a search's terms a word of a text makes, if any: the folded word
// at once, the stems and compound parts only when a term could come from
// them. Remembers each word's answer, for every text it is asked about.
class TermMatcher {
 public:
  static constexpr int kNoMatch = -1;

  TermMatcher(const WordSet& words, const std::vector<std::string>& terms);

  std::size_t term_count() const { return term_count_; }
  // The index of `term` among the terms, or kNoMatch.
  int Id(std::string_view term) const;
  // The index of the term the word `raw` (as written) makes, or kNoMatch.
  int MatchWord(std::string_view raw);

 private:
  int Analyze(std::string_view raw);
  int StemId(const std::string& lower);
  int PartId(const std::string& folded);

  std::size_t term_count_;
  // The first letters of the terms and stems. Folding keeps an ASCII
  // letter first (lowercased), and words shorter than a compound are
  // never split into parts, so a short word starting with another ASCII
  // letter makes no term and needs no lookup: most words of a text.
  std::array<bool, 256> initials_{};
  StringMap<int> ids_;
  std::vector<std::string> stem_heads_;  // first letters of the folded stems
  std::vector<std::string> needles_;     // what a compound part could contain
  StringMap<int> seen_;                  // words met so far
  CompoundSplitter splitter_;
  std::vector<std::string> stems_;
};

// Re-reads `text` with the index's tokenizer, folding, stemming and
// compound splitting, marks the words that make one of the matcher's
// terms, and cuts the best window of about `length` bytes. Work per
// distinct word is done once, and stems and compound parts only for words
// that could match, so a megabyte takes a few milliseconds.
Snippet MakeTextSnippet(TermMatcher& matcher, std::string_view text, std::size_t length);

}  // namespace akte::search
