// File access shared by the handlers: reading an input with a size cap, and
// creating the files that container handlers (email, mbox, bundles) write
// into their scratch directory. Private to indexer/.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "akte/archive/status.h"

namespace akte::indexer {

// At most `max_bytes` of the start of `file`; `truncated` tells whether the
// file was longer. Errors: IoError when the file cannot be read.
Result<std::string> ReadFileHead(const std::filesystem::path& file, std::uint64_t max_bytes,
                                 bool& truncated);

// `name` (a member path's last component, an attachment's file name) as one
// safe file name: valid UTF-8, no '/', '\\' or control characters, not "."
// or "..", at most about 150 bytes with its extension kept. Returns
// `fallback` when nothing usable is left.
std::string SafeFileName(std::string_view name, std::string_view fallback);

// "0007-name": a flat, unique file name for the index-th child.
std::string NumberedFileName(int index, std::string_view safe_name);

// A file created exclusively in a scratch directory, never through a
// symlink. Owns its descriptor; not thread-safe.
class ScratchFile {
 public:
  // Creates `dir`/`name` (`name` must be a SafeFileName). Errors: IoError,
  // NoSpace, AlreadyExists when the name is taken.
  static Result<ScratchFile> Create(const std::filesystem::path& dir, std::string_view name);

  ScratchFile(ScratchFile&& other) noexcept;
  ScratchFile& operator=(ScratchFile&& other) noexcept;
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  ~ScratchFile();

  int fd() const { return fd_; }
  const std::filesystem::path& path() const { return path_; }

  // Writes all of `bytes`. Errors: IoError, NoSpace.
  Status Write(std::string_view bytes);
  // Closes the file, reporting a failed write-back. Errors: IoError, NoSpace.
  Status Close();

 private:
  ScratchFile(int fd, std::filesystem::path path) : fd_(fd), path_(std::move(path)) {}
  int fd_ = -1;
  std::filesystem::path path_;
};

}  // namespace akte::indexer
