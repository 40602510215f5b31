// German compound splitting: "Migrationsprojekt" is "migration" +
// "projekt", "Wartungsvertragsverlängerung" is "wartungsvertrag" +
// "verlangerung" (and "wartungsvertrag" in turn "wartung" + "vertrag").
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "word_list.h"

namespace akte::search {

// Splits folded words into known parts. Holds a memo, so one splitter
// serves one thread: one text or query, or many texts with Trim between.
class CompoundSplitter {
 public:
  // Shorter words are never split (a folded word is plain ASCII here, so
  // letters and bytes are one).
  static constexpr std::size_t kMinCompoundBytes = 8;

  // `words`: the folded German word list. `index`, when not null, adds
  // the index's own terms (get_termfreq > 0) as known words of 5+ letters.
  CompoundSplitter(const WordSet& words, const Xapian::Database* index)
      : words_(words), index_(index) {}

  // The parts of `folded` (a folded word) in order, or nothing when it is
  // not a compound of known words. Only words of 8 to 40 letters a-z are
  // tried. Of all splits the one with the fewest parts wins, then the one
  // with the largest product of part lengths ("schnitt" + "stelle" beats
  // "schnittst" + "elle"). Parts are at least 3 letters, non-final ones 4
  // with their linking element (-s-, -es-, -n-, -en-, -er-, -e-, -ens-,
  // -ns-), and appear as in the word list ("vertrags" stays, unknown
  // "migrations" becomes "migration", "schul" becomes "schule"). The
  // reference stays valid for the splitter's lifetime.
  const std::vector<std::string>& Split(std::string_view folded);

  // Forgets the memo once it holds more than `max_words` words, keeping
  // memory bounded. Invalidates what Split returned.
  void Trim(std::size_t max_words = 200000);

 private:
  struct Best {
    bool valid = false;
    int parts = 0;
    double score = 0;      // product of chunk lengths: balanced splits win
    std::size_t next = 0;  // where the rest starts
    std::string part;      // this chunk's part in dictionary form
  };

  bool InWordList(std::string_view part) const;
  bool InIndex(const std::string& part);
  bool PartOf(std::string_view chunk, bool use_index, std::string* part);
  const Best& Solve(std::string_view word, std::size_t begin, std::vector<Best>* memo,
                    std::vector<bool>* done);

  const WordSet& words_;
  const Xapian::Database* index_;
  std::unordered_map<std::string, std::vector<std::string>> splits_;
  std::unordered_map<std::string, bool> in_index_;
  std::string scratch_;
  std::string elided_;
};

}  // namespace akte::search
