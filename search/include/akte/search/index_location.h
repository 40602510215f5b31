// Where the live search index is. The data directory's index/ holds
// generations (index/gen-000001, gen-000002, ...) and a file CURRENT naming
// the live one. A rebuilt index becomes live by rewriting CURRENT with an
// atomic rename, so readers always open a complete index and searches go on
// while a new one is built.
#pragma once

#include <filesystem>
#include <string>

#include "akte/archive/status.h"

namespace akte::search {

class IndexLocation {
 public:
  explicit IndexLocation(std::filesystem::path index_dir) : dir_(std::move(index_dir)) {}

  // The live generation's directory; names gen-000001 live when nothing is
  // yet (the directory itself is created by the index writer).
  Result<std::filesystem::path> Current() const;
  // The name CURRENT holds ("gen-000003"), for noticing a switch cheaply.
  Result<std::string> CurrentName() const;
  // A fresh generation directory name after the highest existing one.
  Result<std::filesystem::path> NextGeneration() const;
  // Makes `generation` live (atomically, durably).
  Status Switch(const std::filesystem::path& generation) const;
  // Removes generations other than the live one and the one before it
  // (which searchers still holding it may read until they reopen).
  Status RemoveOldGenerations() const;

  const std::filesystem::path& dir() const { return dir_; }

 private:
  std::filesystem::path dir_;
};

}  // namespace akte::search
