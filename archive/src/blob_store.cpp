#include "akte/archive/blob_store.h"

#include <dirent.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <vector>

#include "sha256.h"
#include "unique_fd.h"

namespace akte::archive {
namespace {

namespace fs = std::filesystem;

constexpr std::size_t kChunkSize = 256 * 1024;
constexpr std::string_view kTempPrefix = "blob-";

bool IsHex(std::string_view s) {
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

fs::path BlobPath(const fs::path& root, std::string_view sha256) {
  return root / "blobs" / "sha256" / std::string(sha256.substr(0, 2)) /
         std::string(sha256.substr(2, 2)) / std::string(sha256);
}

}  // namespace

Status ValidateDigest(std::string_view hex) {
  if (hex.size() != 64 || !IsHex(hex)) {
    return Status::InvalidArgument("not a SHA-256 digest (64 lowercase hex characters): '" +
                                   std::string(hex.substr(0, 80)) + "'");
  }
  return Status::Ok();
}

BlobReader::BlobReader(BlobReader&& other) noexcept
    : fd_(std::exchange(other.fd_, -1)), size_(other.size_) {}

BlobReader& BlobReader::operator=(BlobReader&& other) noexcept {
  if (this != &other) {
    if (fd_ >= 0) ::close(fd_);
    fd_ = std::exchange(other.fd_, -1);
    size_ = other.size_;
  }
  return *this;
}

BlobReader::~BlobReader() {
  if (fd_ >= 0) ::close(fd_);
}

Result<std::size_t> BlobReader::Read(std::span<char> buffer) {
  for (;;) {
    ssize_t n = ::read(fd_, buffer.data(), buffer.size());
    if (n >= 0) return static_cast<std::size_t>(n);
    if (errno != EINTR) return Status::FromErrno(errno, "read blob");
  }
}

Status BlobReader::Seek(std::uint64_t offset) {
  if (::lseek(fd_, static_cast<off_t>(offset), SEEK_SET) < 0) {
    return Status::FromErrno(errno, "seek blob");
  }
  return Status::Ok();
}

Result<BlobStore> BlobStore::Open(const fs::path& root, BlobStoreOptions options) {
  AKTE_RETURN_IF_ERROR(CreateDirectoriesDurably(root / "blobs" / "sha256"));
  AKTE_RETURN_IF_ERROR(CreateDirectoriesDurably(root / "tmp"));
  BlobStore store(root, options);
  AKTE_RETURN_IF_ERROR(store.RemoveOrphanedTempFiles());
  return store;
}

Status BlobStore::RemoveOrphanedTempFiles() const {
  const fs::path tmp = root_ / "tmp";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(tmp, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(kTempPrefix)) continue;
    UniqueFd fd(::open(entry.path().c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
    if (fd.get() < 0) continue;  // renamed or removed by its writer meanwhile
    // A live writer holds LOCK_EX until it has renamed or removed its file.
    if (::flock(fd.get(), LOCK_EX | LOCK_NB) == 0) ::unlink(entry.path().c_str());
  }
  if (ec) return Status::FromErrno(ec.value(), "list " + tmp.string());
  return Status::Ok();
}

fs::path BlobStore::PathFor(std::string_view sha256) const { return BlobPath(root_, sha256); }

// The temporary file of one put. Its lock tells RemoveOrphanedTempFiles
// that a live writer owns it; the file is unlinked (before the descriptor,
// and so the lock, goes) unless the blob was committed.
struct BlobWriter::State {
  fs::path root;
  std::uint64_t max_size = 0;
  std::string tmp_path;
  UniqueFd fd;
  Sha256 hasher;
  std::uint64_t size = 0;
  bool done = false;  // committed, failed or abandoned: the temp file is gone

  ~State() { Discard(); }
  void Discard() {
    if (!done) ::unlink(tmp_path.c_str());
    done = true;
    fd.Reset();
  }
  Result<BlobInfo> Commit();
};

Result<BlobInfo> BlobWriter::State::Commit() {
  if (::fsync(fd.get()) != 0) return Status::FromErrno(errno, "fsync blob");
  const std::string sha256 = hasher.FinishHex();
  const fs::path target = BlobPath(root, sha256);
  AKTE_RETURN_IF_ERROR(CreateDirectoriesDurably(target.parent_path()));
  BlobInfo info{sha256, size, false};
  if (::access(target.c_str(), F_OK) == 0) {
    // Identical content is already stored. Refresh its time so garbage
    // collection's grace period also protects this new reference.
    ::utimensat(AT_FDCWD, target.c_str(), nullptr, 0);
    Discard();
    return info;
  }
  if (::fchmod(fd.get(), 0444) != 0) return Status::FromErrno(errno, "make blob read-only");
  if (::rename(tmp_path.c_str(), target.c_str()) != 0) {
    return Status::FromErrno(errno, "rename blob into place");
  }
  done = true;  // the temp name is free again: never unlink it now
  fd.Reset();
  AKTE_RETURN_IF_ERROR(FsyncDirectory(target.parent_path()));
  info.newly_stored = true;
  return info;
}

BlobWriter::BlobWriter(std::unique_ptr<State> state) : state_(std::move(state)) {}
BlobWriter::BlobWriter(BlobWriter&& other) noexcept = default;
BlobWriter& BlobWriter::operator=(BlobWriter&& other) noexcept = default;
BlobWriter::~BlobWriter() = default;

std::uint64_t BlobWriter::size() const { return state_ ? state_->size : 0; }

Status BlobWriter::Write(std::string_view bytes) {
  if (!state_ || state_->done) {
    return Status::FailedPrecondition("blob writer used after it finished or failed");
  }
  State& s = *state_;
  if (bytes.size() > s.max_size - s.size) {
    s.Discard();
    return Status::TooLarge("file exceeds the maximum size of " + std::to_string(s.max_size) +
                            " bytes");
  }
  s.size += bytes.size();
  s.hasher.Update(bytes.data(), bytes.size());
  Status written = WriteAll(s.fd.get(), bytes, "write blob");
  if (!written.ok()) s.Discard();
  return written;
}

Result<BlobInfo> BlobWriter::Finish() {
  if (!state_ || state_->done) {
    return Status::FailedPrecondition("blob writer used after it finished or failed");
  }
  auto info = state_->Commit();
  if (!info.ok()) state_->Discard();
  return info;
}

Result<BlobWriter> BlobStore::BeginPut() const {
  auto state = std::make_unique<BlobWriter::State>();
  state->root = root_;
  state->max_size = options_.max_blob_size;
  state->tmp_path = (root_ / "tmp" / kTempPrefix).string() + "XXXXXX";
  state->fd = UniqueFd(::mkostemp(state->tmp_path.data(), O_CLOEXEC));
  if (state->fd.get() < 0) {
    state->done = true;  // nothing was created
    return Status::FromErrno(errno, "create temporary file in " + (root_ / "tmp").string());
  }
  if (::flock(state->fd.get(), LOCK_EX) != 0) {
    return Status::FromErrno(errno, "lock temporary file");
  }
  return BlobWriter(std::move(state));
}

Result<BlobInfo> BlobStore::Put(const StreamReader& reader) const {
  AKTE_ASSIGN_OR_RETURN(BlobWriter writer, BeginPut());
  std::vector<char> buffer(kChunkSize);
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(std::size_t n, reader(std::span<char>(buffer)));
    if (n == 0) break;
    AKTE_RETURN_IF_ERROR(writer.Write(std::string_view(buffer.data(), n)));
  }
  return writer.Finish();
}

Result<BlobInfo> BlobStore::PutFromFd(int fd) const {
  return Put([fd](std::span<char> buffer) -> Result<std::size_t> {
    for (;;) {
      ssize_t n = ::read(fd, buffer.data(), buffer.size());
      if (n >= 0) return static_cast<std::size_t>(n);
      if (errno != EINTR) return Status::FromErrno(errno, "read input");
    }
  });
}

Result<BlobInfo> BlobStore::PutBytes(std::string_view bytes) const {
  return Put([&bytes](std::span<char> buffer) -> Result<std::size_t> {
    std::size_t n = std::min(buffer.size(), bytes.size());
    std::copy_n(bytes.data(), n, buffer.data());
    bytes.remove_prefix(n);
    return n;
  });
}

Result<BlobReader> BlobStore::OpenReader(std::string_view sha256) const {
  AKTE_RETURN_IF_ERROR(ValidateDigest(sha256));
  const fs::path path = PathFor(sha256);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) return Status::NotFound("blob " + std::string(sha256) + " is missing");
    return Status::FromErrno(errno, "open blob " + std::string(sha256));
  }
  struct stat st;
  if (::fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return Status::FromErrno(err, "stat blob");
  }
  return BlobReader(fd, static_cast<std::uint64_t>(st.st_size));
}

bool BlobStore::Contains(std::string_view sha256) const {
  return ValidateDigest(sha256).ok() && ::access(PathFor(sha256).c_str(), F_OK) == 0;
}

Status BlobStore::Verify(std::string_view sha256) const {
  AKTE_ASSIGN_OR_RETURN(BlobReader reader, OpenReader(sha256));
  Sha256 hasher;
  std::vector<char> buffer(kChunkSize);
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(std::size_t n, reader.Read(std::span<char>(buffer)));
    if (n == 0) break;
    hasher.Update(buffer.data(), n);
  }
  std::string actual = hasher.FinishHex();
  if (actual != sha256) {
    return Status::Corruption("blob " + std::string(sha256) +
                              " is damaged: its content now hashes to " + actual);
  }
  return Status::Ok();
}

Status BlobStore::ForEach(const std::function<void(const std::string&)>& visit) const {
  std::error_code ec;
  const fs::path base = root_ / "blobs" / "sha256";
  for (auto it = fs::recursive_directory_iterator(base, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (it.depth() != 2 || !it->is_regular_file(ec)) continue;
    std::string name = it->path().filename().string();
    if (ValidateDigest(name).ok()) visit(name);
  }
  if (ec) return Status::FromErrno(ec.value(), "list blobs under " + base.string());
  return Status::Ok();
}

Result<GarbageReport> BlobStore::CollectGarbage(const std::unordered_set<std::string>& referenced,
                                                std::chrono::seconds min_age) const {
  std::vector<std::string> unreferenced;
  AKTE_RETURN_IF_ERROR(ForEach([&](const std::string& sha256) {
    if (!referenced.contains(sha256)) unreferenced.push_back(sha256);
  }));
  GarbageReport report;
  const auto cutoff = std::chrono::system_clock::now() - min_age;
  for (const auto& sha256 : unreferenced) {
    const fs::path path = PathFor(sha256);
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) continue;
    auto mtime = std::chrono::system_clock::from_time_t(st.st_mtim.tv_sec);
    if (mtime > cutoff) continue;
    if (::unlink(path.c_str()) != 0) return Status::FromErrno(errno, "remove blob " + sha256);
    AKTE_RETURN_IF_ERROR(FsyncDirectory(path.parent_path()));
    ++report.removed;
    report.bytes_freed += static_cast<std::uint64_t>(st.st_size);
  }
  return report;
}

}  // namespace akte::archive
