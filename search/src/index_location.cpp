#include "akte/search/index_location.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fstream>
#include <vector>

namespace akte::search {
namespace {

namespace fs = std::filesystem;

constexpr std::string_view kGenerationPrefix = "gen-";

int GenerationNumber(const std::string& name) {
  if (!name.starts_with(kGenerationPrefix) || name.size() != kGenerationPrefix.size() + 6) return 0;
  return std::atoi(name.c_str() + kGenerationPrefix.size());
}

std::string GenerationName(int number) {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "gen-%06d", number);
  return buffer;
}

Status SyncPath(const fs::path& path, int flags) {
  int fd = ::open(path.c_str(), flags | O_CLOEXEC);
  if (fd < 0) return Status::FromErrno(errno, "open " + path.string());
  int rc = ::fsync(fd);
  int err = errno;
  ::close(fd);
  if (rc != 0) return Status::FromErrno(err, "fsync " + path.string());
  return Status::Ok();
}

}  // namespace

Result<std::string> IndexLocation::CurrentName() const {
  std::ifstream in(dir_ / "CURRENT");
  std::string name;
  if (in) std::getline(in, name);
  if (name.empty()) return GenerationName(1);
  if (GenerationNumber(name) == 0) {
    return Status::Corruption((dir_ / "CURRENT").string() + " does not name an index generation");
  }
  return name;
}

Result<fs::path> IndexLocation::Current() const {
  AKTE_ASSIGN_OR_RETURN(std::string name, CurrentName());
  return dir_ / name;
}

Result<fs::path> IndexLocation::NextGeneration() const {
  int highest = 0;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    highest = std::max(highest, GenerationNumber(entry.path().filename().string()));
  }
  AKTE_ASSIGN_OR_RETURN(std::string current, CurrentName());
  highest = std::max(highest, GenerationNumber(current));
  return dir_ / GenerationName(highest + 1);
}

Status IndexLocation::Switch(const fs::path& generation) const {
  const fs::path tmp = dir_ / "CURRENT.tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << generation.filename().string() << "\n";
    if (!out) return Status::IoError("cannot write " + tmp.string());
  }
  AKTE_RETURN_IF_ERROR(SyncPath(tmp, O_RDONLY));
  if (std::rename(tmp.c_str(), (dir_ / "CURRENT").c_str()) != 0) {
    return Status::FromErrno(errno, "make " + generation.string() + " the live index");
  }
  return SyncPath(dir_, O_RDONLY | O_DIRECTORY);
}

Status IndexLocation::RemoveOldGenerations() const {
  AKTE_ASSIGN_OR_RETURN(std::string current, CurrentName());
  const int live = GenerationNumber(current);
  std::error_code ec;
  std::vector<fs::path> old;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    const int number = GenerationNumber(entry.path().filename().string());
    if (number > 0 && number < live - 1) old.push_back(entry.path());
  }
  for (const auto& path : old) fs::remove_all(path, ec);
  return Status::Ok();
}

}  // namespace akte::search
