// The query language people type into akte's search box, parsed into a
// Xapian query. Plain words as people type them (all must match; when none
// of the results has them all, any may), "phrases in quotes", OR/ODER,
// NOT/NICHT or a leading minus, parentheses, prefix wildcards (migra*), and
// field filters with German and English names:
//
//   kunde:/customer:   a customer's number or name      kunde:10042  kunde:Müller
//   typ:/type:         document or event type           typ:Vertrag  typ:"Anruf eingehend"
//   art:/kind:         kind of item                     art:notiz  kind:document  art:beleg
//   von:/author:       who wrote or filed it            von:tobias
//   datum:/date:       a year, month, day or range      2024  2024-03  2024-01..2024-06
//   seit:/since:, bis:/until:                           seit:2024-01-01  bis:31.12.2024
//   betrag:/amount:    a business record's gross euros  betrag:>1000  betrag:1.000..5.000,50
//
// A bare year, month or range is a date filter. Questions that begin
// "welcher Kunde …" or "which customer …" ask for customer mode.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>
#include <vector>

#include "akte/archive/status.h"
#include "akte/search/analysis.h"

namespace akte::search {

struct ParsedQuery {
  // What the words ask for (empty when the query holds only filters).
  Xapian::Query text;
  // The same words with any-of-them instead of all-of-them, for when the
  // strict query finds nothing (empty when there is nothing to relax).
  Xapian::Query relaxed;
  // Boolean restrictions (kind, customer, type, author, dates); empty: none.
  Xapian::Query filter;
  bool customer_mode = false;  // the query asked "which customer …"
  // The plain words as typed, with their byte offsets in the query, for
  // spelling suggestions.
  struct Word {
    std::string text;
    std::size_t offset = 0;
  };
  std::vector<Word> words;
};

// Parses `query`. InvalidArgument with a message a person can act on (in
// English; `field()` names the problem: "parenthesis", "quote", "date",
// "kind", a field name such as "betrag") for a malformed query; never throws.
// `vocabulary` (the index) helps split compounds and expand wildcards.
Result<ParsedQuery> ParseQuery(std::string_view query, const Analyzer& analyzer,
                               const Xapian::Database* vocabulary = nullptr);

}  // namespace akte::search
