// Content-addressed, immutable file storage: every stored file is named by the
// SHA-256 of its bytes under <root>/blobs/sha256/ab/cd/<64 hex>, so identical
// content is stored once. Writes stream through <root>/tmp on the same
// filesystem and become visible only by an atomic rename after fsync.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>

#include "akte/archive/status.h"

namespace akte::archive {

// Pulls the next bytes of a stream into `buffer`; returns how many were
// written (0 at the end of the stream) or an error, which aborts the put.
using StreamReader = std::function<Result<std::size_t>(std::span<char> buffer)>;

// A lowercase hex SHA-256 digest, validated on construction by ParseDigest.
struct BlobInfo {
  std::string sha256;         // 64 lowercase hex characters
  std::uint64_t size = 0;     // bytes
  bool newly_stored = false;  // false when identical content was already there
};

// Returns ok when `hex` is 64 lowercase hex characters, else InvalidArgument.
// Every digest that reaches a path goes through this check.
Status ValidateDigest(std::string_view hex);

// Reads one stored blob. Move-only; closes its descriptor on destruction.
class BlobReader {
 public:
  BlobReader(BlobReader&& other) noexcept;
  BlobReader& operator=(BlobReader&& other) noexcept;
  BlobReader(const BlobReader&) = delete;
  BlobReader& operator=(const BlobReader&) = delete;
  ~BlobReader();

  // Reads up to buffer.size() bytes; returns 0 at the end.
  Result<std::size_t> Read(std::span<char> buffer);
  // Positions the next Read at `offset` from the start (for Range requests).
  Status Seek(std::uint64_t offset);
  std::uint64_t size() const { return size_; }
  // The descriptor, for sendfile-like use; owned by this reader.
  int fd() const { return fd_; }

 private:
  friend class BlobStore;
  BlobReader(int fd, std::uint64_t size) : fd_(fd), size_(size) {}
  int fd_ = -1;
  std::uint64_t size_ = 0;
};

// Receives one blob's bytes pushed in pieces, for sources that call back
// with data (an HTTP body) rather than being read from. Bytes are hashed and
// written to a locked temporary file under <root>/tmp as they arrive;
// Finish makes the blob durable and visible. Made by BlobStore::BeginPut.
//
// Move-only; one thread at a time. Destroying a writer that was not
// finished (or whose Write failed) removes its temporary file, so an
// abandoned upload leaves nothing behind.
class BlobWriter {
 public:
  BlobWriter(BlobWriter&& other) noexcept;
  BlobWriter& operator=(BlobWriter&& other) noexcept;
  BlobWriter(const BlobWriter&) = delete;
  BlobWriter& operator=(const BlobWriter&) = delete;
  ~BlobWriter();

  // Appends `bytes`. Errors: TooLarge once the total would pass the store's
  // max_blob_size (nothing of it is written), NoSpace, IoError. After an
  // error the temporary file is already gone and every further call fails
  // with FailedPrecondition.
  Status Write(std::string_view bytes);

  // fsyncs the file, names it by its SHA-256 and renames it into place (or
  // drops it when identical content is already stored), fsyncing the
  // directory. Call once; afterwards the writer is spent. Errors: NoSpace,
  // IoError, FailedPrecondition after an earlier error or Finish.
  Result<BlobInfo> Finish();

  // Bytes written so far.
  std::uint64_t size() const;

 private:
  friend class BlobStore;
  struct State;
  explicit BlobWriter(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

struct BlobStoreOptions {
  // Largest blob accepted by Put and BlobWriter; larger streams fail with
  // TooLarge and leave nothing.
  std::uint64_t max_blob_size = std::uint64_t{4} << 30;
};

struct GarbageReport {
  std::size_t removed = 0;
  std::uint64_t bytes_freed = 0;
};

// Thread-safe: any number of threads may Put (or BeginPut), Open and Verify concurrently, and
// several processes may share one root.
class BlobStore {
 public:
  // Opens (creating if needed) the store under `root`, and removes temporary
  // files left behind by writers that died (a crash mid-put): a live writer
  // holds a lock on its temp file, so only orphans are removed.
  static Result<BlobStore> Open(const std::filesystem::path& root, BlobStoreOptions options = {});

  // Starts a blob whose bytes are pushed into the returned writer. Errors:
  // NoSpace, IoError (the temporary file could not be made).
  Result<BlobWriter> BeginPut() const;

  // Streams all bytes from `reader` into the store while hashing them. On
  // success the blob is durable (file and directory fsynced). Errors:
  // TooLarge past max_blob_size, NoSpace, IoError, or the reader's own error;
  // in every error case nothing is left behind.
  Result<BlobInfo> Put(const StreamReader& reader) const;
  // Same as Put, reading `fd` until its end. Does not close `fd`.
  Result<BlobInfo> PutFromFd(int fd) const;
  Result<BlobInfo> PutBytes(std::string_view bytes) const;

  // Opens a stored blob for reading. NotFound when absent.
  Result<BlobReader> OpenReader(std::string_view sha256) const;
  bool Contains(std::string_view sha256) const;

  // Rehashes one blob: ok when its bytes still hash to its name, Corruption
  // when they do not, NotFound when it is missing.
  Status Verify(std::string_view sha256) const;

  // Calls `visit` with the digest of every stored blob, in no order.
  Status ForEach(const std::function<void(const std::string& sha256)>& visit) const;

  // Removes every blob whose digest is not in `referenced` and which is older
  // than `min_age` (protecting blobs a concurrent writer put but has not yet
  // recorded in the catalog).
  Result<GarbageReport> CollectGarbage(const std::unordered_set<std::string>& referenced,
                                       std::chrono::seconds min_age) const;

  // Where a digest lives (whether or not it exists). Precondition: a valid digest.
  std::filesystem::path PathFor(std::string_view sha256) const;
  const std::filesystem::path& root() const { return root_; }

 private:
  BlobStore(std::filesystem::path root, BlobStoreOptions options)
      : root_(std::move(root)), options_(options) {}
  Status RemoveOrphanedTempFiles() const;

  std::filesystem::path root_;
  BlobStoreOptions options_;
};

}  // namespace akte::archive
