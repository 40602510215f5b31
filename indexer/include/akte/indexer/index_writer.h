// The index writer: the one owner of the Xapian WritableDatabase. It follows
// the catalog's change feed and brings the index up to date in batches,
// committing the feed position with each batch, so a crash at any moment
// loses nothing and leaves no ghost hits: on the next start it catches up
// from where the last commit ended. Also: rebuilding the index from the
// catalog next to the live one (reindex) and checking it against the
// catalog (fsck).
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "akte/archive/data_dir.h"

namespace akte::indexer {

struct IndexWriterOptions {
  std::size_t batch_changes = 1000;  // commit after this many changes
  // How often the thread looks for changes (and commits what it found)
  // unless notified.
  std::chrono::milliseconds poll_interval{500};
};

struct CatchUpReport {
  std::size_t changes = 0;  // change-feed entries applied
  std::size_t items = 0;    // distinct items (re)indexed or removed
  std::int64_t seq = 0;     // the feed position the index now stands at
};

// (done, total) while catching up or rebuilding.
using IndexProgress = std::function<void(std::size_t done, std::size_t total)>;

class IndexWriter {
 public:
  // Opens the live index of `dir` for writing, creating it if needed.
  // Unavailable when another process (the server) is writing it.
  static Result<std::unique_ptr<IndexWriter>> Open(archive::DataDir& dir,
                                                   IndexWriterOptions options = {});
  ~IndexWriter();  // stops the thread and commits
  IndexWriter(const IndexWriter&) = delete;
  IndexWriter& operator=(const IndexWriter&) = delete;

  // Applies every catalog change not yet indexed, in the calling thread.
  // Not to be mixed with Start().
  Result<CatchUpReport> CatchUp(const IndexProgress& progress = {});

  // Runs the writer in a thread of its own that catches up whenever Notify()
  // is called or poll_interval passes, until Stop(). Thread-safe.
  void Start();
  void Notify();
  void Stop();
  // The last error the thread met (ok when none); it keeps retrying.
  Status last_error() const;

  // The change-feed position the index stands at. Thread-safe.
  std::int64_t IndexedSeq() const;

 private:
  struct State;
  explicit IndexWriter(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

struct ReindexReport {
  std::size_t items = 0;
  std::size_t documents = 0;  // Xapian documents (passages)
  bool resumed = false;
  std::string generation;
};

struct ReindexOptions {
  // Commit (and so record where to resume) after this many index entries,
  // or after `commit_interval`: often enough to bound memory and lost work,
  // rarely enough that commits do not dominate (each rewrites the blocks
  // of every term it touched).
  std::size_t commit_documents = 20000;
  std::chrono::seconds commit_interval{30};
};

// Builds a fresh index from the catalog and the stored text (no extraction)
// in a new generation beside the live one, then makes it live atomically;
// searches keep using the old one meanwhile. Memory stays bounded (batches);
// an interrupted rebuild resumes where its last commit ended.
Result<ReindexReport> Reindex(archive::DataDir& dir, const IndexProgress& progress = {},
                              const ReindexOptions& options = {});

// Rewrites the live index compactly into a new generation and makes that
// live (after a bulk import: an index grown by many small commits has
// half-empty blocks and is two to three times its compact size). Needs
// the index to itself: kUnavailable while another process writes it.
Status CompactLiveIndex(archive::DataDir& dir);

struct IndexCheckReport {
  std::size_t items_checked = 0;
  std::vector<std::string> missing;  // in the catalog, not in the index ("document:12")
  std::vector<std::string> stale;    // indexed at an older version
  std::vector<std::string> extra;    // in the index, no longer in the catalog
  std::int64_t index_seq = 0;
  std::int64_t catalog_seq = 0;
  bool repaired = false;
  bool clean() const { return missing.empty() && stale.empty() && extra.empty(); }
};

// Reconciles the index with the catalog: every catalog item must be in the
// index at its current version and the index must hold nothing else. With
// `repair`, fixes what it finds (needs the write lock).
Result<IndexCheckReport> CheckIndex(archive::DataDir& dir, bool repair);

}  // namespace akte::indexer
