// Hydrating search hits from the catalog, private to search/: the index
// only says which item matched; title, dates, customer and the text for the
// snippet come from the catalog as it is now.
#pragma once

#include <xapian.h>

#include <list>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "akte/archive/catalog.h"
#include "akte/search/analysis.h"
#include "akte/search/passages.h"
#include "akte/search/searcher.h"

namespace akte::search {

// Not thread-safe (it caches texts); one per Searcher.
class HitBuilder {
 public:
  HitBuilder(archive::Catalog& catalog, const Analyzer& analyzer)
      : catalog_(catalog), analyzer_(analyzer) {}

  // The hit for one matching Xapian document, its snippet cut by the
  // search's `snippets`. nullopt when the catalog no longer has the item:
  // the index has not caught up with a deletion yet, and a ghost is never
  // shown.
  Result<std::optional<Hit>> Build(const Xapian::Document& doc, double score, int percent,
                                   SnippetCutter& snippets);

  // The customer as the catalog has it (its hits share it); nullopt when
  // deleted meanwhile.
  Result<std::optional<archive::Customer>> Customer(archive::Id id);
  // Call at the start of every search: forgets the customers read when the
  // catalog has changed since, so a rename shows at once.
  Status StartSearch();

 private:
  // A document's extracted text and its passages, decompressed and cut
  // once and kept while recent.
  struct DocumentText {
    std::string text;
    std::vector<Passage> passages;
  };
  Result<std::shared_ptr<const DocumentText>> TextOf(archive::Id document_id, std::int64_t version);
  Status AddCustomer(Hit& hit, std::optional<archive::Id> customer_id);

  archive::Catalog& catalog_;
  const Analyzer& analyzer_;
  struct CachedText {
    std::int64_t version;
    std::shared_ptr<const DocumentText> text;
  };
  std::unordered_map<archive::Id, CachedText> texts_;
  std::unordered_map<archive::Id, std::optional<archive::Customer>> customers_;
  std::int64_t customers_as_of_ = -1;  // the catalog's latest change when read
  std::list<archive::Id> recent_;      // most recent first
  std::size_t cached_bytes_ = 0;
};

}  // namespace akte::search
