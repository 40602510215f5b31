// Test helpers: a temporary directory removed at the end of a test, file
// reading and writing, a fixed clock, and the peak-RSS probe.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

#include "akte/archive/time.h"

namespace akte::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

std::string ReadFile(const std::filesystem::path& path);
void WriteFile(const std::filesystem::path& path, std::string_view bytes);
// Number of regular files below `dir` (recursively).
std::size_t CountFiles(const std::filesystem::path& dir);

// A clock that returns what it is set to.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(std::string_view utc);
  std::chrono::system_clock::time_point Now() const override { return now_; }
  void Advance(std::chrono::seconds by) { now_ += by; }

 private:
  std::chrono::system_clock::time_point now_;
};

// Resets this process's peak resident set size (Linux clear_refs "5").
void ResetPeakRss();
// Peak resident set size (VmHWM) in bytes.
std::uint64_t PeakRssBytes();

// ../shared, where the shared corpus lives.
std::filesystem::path SharedDir();
std::filesystem::path SourceDir();

}  // namespace akte::test
