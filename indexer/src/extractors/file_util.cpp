#include "file_util.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <utility>

#include "charset.h"

namespace akte::indexer {
namespace {

// Long enough for any real name, short enough that "0001-" plus the name
// stays far below NAME_MAX (255 bytes) on every file system.
constexpr std::size_t kMaxNameBytes = 150;
constexpr std::size_t kMaxExtensionBytes = 16;

// The longest prefix of `s` of at most `max` bytes that ends on a UTF-8
// character boundary.
std::string_view Utf8Prefix(std::string_view s, std::size_t max) {
  if (s.size() <= max) return s;
  while (max > 0 && (static_cast<unsigned char>(s[max]) & 0xC0) == 0x80) --max;
  return s.substr(0, max);
}

}  // namespace

Result<std::string> ReadFileHead(const std::filesystem::path& file, std::uint64_t max_bytes,
                                 bool& truncated) {
  truncated = false;
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::FromErrno(errno, "cannot open " + file.string());
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return Status::FromErrno(err, "cannot stat " + file.string());
  }
  const auto size = static_cast<std::uint64_t>(st.st_size);
  truncated = size > max_bytes;
  std::string out;
  out.resize(static_cast<std::size_t>(truncated ? max_bytes : size));
  std::size_t done = 0;
  while (done < out.size()) {
    ssize_t n = ::read(fd, out.data() + done, out.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      return Status::FromErrno(err, "cannot read " + file.string());
    }
    if (n == 0) break;  // shrank meanwhile
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
  out.resize(done);
  return out;
}

std::string SafeFileName(std::string_view name, std::string_view fallback) {
  std::string clean;
  for (char c : SanitizeUtf8(name)) {
    auto u = static_cast<unsigned char>(c);
    if (c == '/' || c == '\\' || u < 0x20 || u == 0x7F) {
      clean.push_back('_');
    } else {
      clean.push_back(c);
    }
  }
  // Trim surrounding blanks and the dots that make "." and ".." (and hidden files).
  auto first = clean.find_first_not_of(" .");
  if (first == std::string::npos) return std::string(fallback);
  auto last = clean.find_last_not_of(' ');
  clean = clean.substr(first, last - first + 1);
  if (clean.size() <= kMaxNameBytes) return clean;

  std::string_view view(clean);
  std::string_view extension;
  auto dot = view.rfind('.');
  if (dot != std::string_view::npos && view.size() - dot <= kMaxExtensionBytes) {
    extension = view.substr(dot);
  }
  std::string out(Utf8Prefix(view, kMaxNameBytes - extension.size()));
  out += extension;
  return out;
}

std::string NumberedFileName(int index, std::string_view safe_name) {
  char prefix[16];
  std::snprintf(prefix, sizeof prefix, "%04d-", index);
  return prefix + std::string(safe_name);
}

Result<ScratchFile> ScratchFile::Create(const std::filesystem::path& dir, std::string_view name) {
  std::filesystem::path path = dir / std::filesystem::path(std::string(name));
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0 && errno == EEXIST) return Status::AlreadyExists(path.string() + " exists");
  if (fd < 0) return Status::FromErrno(errno, "cannot create " + path.string());
  return ScratchFile(fd, std::move(path));
}

ScratchFile::ScratchFile(ScratchFile&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), path_(std::move(other.path_)) {}

ScratchFile& ScratchFile::operator=(ScratchFile&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    path_ = std::move(other.path_);
  }
  return *this;
}

ScratchFile::~ScratchFile() {
  if (fd_ >= 0) ::close(fd_);
}

Status ScratchFile::Write(std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd_, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::FromErrno(errno, "cannot write " + path_.string());
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return Status::Ok();
}

Status ScratchFile::Close() {
  int fd = std::exchange(fd_, -1);
  if (fd >= 0 && ::close(fd) != 0)
    return Status::FromErrno(errno, "cannot write " + path_.string());
  return Status::Ok();
}

}  // namespace akte::indexer
