// Applying catalog items to one open WritableDatabase, private to indexer/:
// shared by the live writer, the rebuild and the repair of the index.
// Not thread-safe; the caller owns the database.
#pragma once

#include <xapian.h>

#include <map>
#include <string>

#include "akte/archive/catalog.h"
#include "akte/indexer/index_writer.h"
#include "item_index.h"

namespace akte::indexer {

// Runs `body`, turning Xapian's exceptions into a Status that names `what`.
Status GuardXapian(std::string_view what, const std::function<Status()>& body);

class IndexUpdater {
 public:
  IndexUpdater(archive::Catalog& catalog, Xapian::WritableDatabase& db);

  // (Re)indexes one item, or removes it when the catalog no longer has it.
  // A customer whose name or number changed brings all its items along.
  Status Apply(std::string_view entity, archive::Id id);
  // Adds an item known not to be in the index yet (a fresh rebuild).
  Status Add(std::string_view entity, archive::Id id);
  // The same for an item built elsewhere (by an ItemIndexer of another
  // thread); nullopt when the catalog no longer had it.
  Status AddBuilt(std::optional<IndexedItem> item, std::string_view entity, archive::Id id);

  // Applies the changes after the index's feed position, committing every
  // `batch` changes with the new position. Returns what was done.
  Result<CatchUpReport> CatchUp(std::size_t batch, const IndexProgress& progress);

  // Adds the spelling words gathered so far, records `seq` as the feed
  // position (when >= 0) and commits.
  Status Commit(std::int64_t seq);

  std::int64_t IndexedSeq() const;
  std::size_t documents_added() const { return documents_added_; }

 private:
  Status Store(std::optional<IndexedItem> item, std::string_view entity, archive::Id id,
               bool replace);

  archive::Catalog& catalog_;
  Xapian::WritableDatabase& db_;
  ItemIndexer items_;
  std::map<std::string, Xapian::termcount> spelling_;
  std::size_t documents_added_ = 0;
};

}  // namespace akte::indexer
