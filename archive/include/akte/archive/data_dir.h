// A data directory: the catalog, the blob store and the place of the index,
// opened together. Implements the write path for documents (bytes first,
// durably; then one catalog transaction) and the integrity check (fsck).
//
//   <root>/catalog.db                  SQLite catalog (source of truth)
//   <root>/blobs/sha256/ab/cd/<hex>    stored files
//   <root>/index/                      search index (derived, rebuildable)
//   <root>/tmp/                        staging for atomic renames
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "akte/archive/blob_store.h"
#include "akte/archive/catalog.h"
#include "akte/archive/records.h"
#include "akte/archive/status.h"
#include "akte/archive/time.h"

namespace akte::archive {

struct DataDirOptions {
  BlobStoreOptions blobs;
  const Clock* clock = &SystemClock::Instance();
};

struct StoredDocument {
  Document document;
  bool already_stored = false;  // the same bytes were already filed there
};

// What fsck found. Clean when every list is empty.
struct FsckReport {
  std::size_t blobs_checked = 0;
  std::size_t references_checked = 0;
  std::vector<std::string> corrupt;  // "<sha256> (documents 3, 9): <reason>"
  std::vector<std::string> missing;  // "<sha256> (documents 4)"
  std::vector<std::string> orphans;  // blobs no document refers to
  std::vector<std::string> catalog_problems;
  bool clean() const {
    return corrupt.empty() && missing.empty() && orphans.empty() && catalog_problems.empty();
  }
};

// Thread-safe (its parts are).
class DataDir {
 public:
  // Creates a new data directory (or completes a half-made one) with its
  // first user, an admin. AlreadyExists when `root` already holds a catalog
  // with users.
  static Result<std::unique_ptr<DataDir>> Initialize(const std::filesystem::path& root,
                                                     const User& first_admin,
                                                     DataDirOptions options = {});
  // Opens an existing data directory; NotFound (with a hint to run
  // `akte init`) when there is none at `root`.
  static Result<std::unique_ptr<DataDir>> Open(const std::filesystem::path& root,
                                               DataDirOptions options = {});

  Catalog& catalog() { return *catalog_; }
  const BlobStore& blobs() const { return blobs_; }
  const std::filesystem::path& root() const { return root_; }
  std::filesystem::path index_path() const { return root_ / "index"; }
  std::filesystem::path tmp_path() const { return root_ / "tmp"; }

  // The write path: streams `content` into the blob store (durable before
  // anything refers to it), then records `draft` (with the blob's digest
  // and size) in one catalog transaction. If the same bytes are already
  // filed for the same customer (or in the inbox), returns that document
  // with already_stored set and records nothing new.
  Result<StoredDocument> StoreDocument(const Actor& by, Document draft,
                                       const StreamReader& content);

  // The second half of StoreDocument, for bytes already stored (by a
  // BlobWriter, say): records `draft` with `blob`'s digest and size, or
  // returns the document already filed with these bytes for the same
  // customer (or in the inbox) with already_stored set. NotFound when the
  // blob is not in the store; the catalog's errors otherwise.
  Result<StoredDocument> RecordDocument(const Actor& by, Document draft, const BlobInfo& blob);

  // Rehashes every blob, checks that every document's blob exists and that
  // every blob is referenced, and runs the catalog's own integrity checks.
  Result<FsckReport> Check();

 private:
  DataDir(std::filesystem::path root, BlobStore blobs, std::unique_ptr<Catalog> catalog)
      : root_(std::move(root)), blobs_(std::move(blobs)), catalog_(std::move(catalog)) {}

  std::filesystem::path root_;
  BlobStore blobs_;
  std::unique_ptr<Catalog> catalog_;
};

}  // namespace akte::archive
