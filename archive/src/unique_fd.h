// Small POSIX file helpers private to archive/: an owning descriptor and the
// fsync and write loops that durability depends on.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string_view>
#include <utility>

#include "akte/archive/status.h"

namespace akte::archive {

class UniqueFd {
 public:
  UniqueFd() = default;
  explicit UniqueFd(int fd) : fd_(fd) {}
  UniqueFd(UniqueFd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  UniqueFd& operator=(UniqueFd&& other) noexcept {
    if (this != &other) {
      Reset();
      fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
  }
  UniqueFd(const UniqueFd&) = delete;
  UniqueFd& operator=(const UniqueFd&) = delete;
  ~UniqueFd() { Reset(); }

  int get() const { return fd_; }
  int Release() { return std::exchange(fd_, -1); }
  void Reset() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
  }

 private:
  int fd_ = -1;
};

// Writes all of `bytes`, retrying on EINTR and short writes.
Status WriteAll(int fd, std::string_view bytes, std::string_view what);

// fsyncs a directory so that a rename or create inside it is durable.
Status FsyncDirectory(const std::filesystem::path& dir);

// Creates `dir` and any missing parents, fsyncing each parent whose entry list
// changed, so the new directories survive a crash.
Status CreateDirectoriesDurably(const std::filesystem::path& dir);

}  // namespace akte::archive
