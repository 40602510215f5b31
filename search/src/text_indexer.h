// The index side of analysis: the terms of a text added to a Xapian
// document (see Analyzer::IndexText for the contract).
#pragma once

#include <xapian.h>

#include <string_view>

#include "akte/search/analysis.h"
#include "compounds.h"
#include "word_list.h"

namespace akte::search {

struct IndexOptions {
  Language language = Language::kUnknown;
  Xapian::termcount weight = 1;
  std::string_view prefix;
  const Xapian::Database* vocabulary = nullptr;  // more known words for compounds
  CompoundSplitter* splitter = nullptr;  // a long-lived one to use instead (its own vocabulary)
};

// Positions left free after each text, so phrases never span two texts.
inline constexpr Xapian::termpos kTextGap = 100;

// Adds the terms of `text` to `doc`. Positional terms are added as they
// come; stems and compound parts, once per distinct word, at the end, with
// their summed within-document frequency, which saves most of the calls
// into Xapian.
void IndexTerms(const WordSet& words, std::string_view text, const IndexOptions& options,
                Xapian::Document* doc, Xapian::termpos* position);

}  // namespace akte::search
