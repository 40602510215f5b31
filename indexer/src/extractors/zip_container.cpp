#include "zip_container.h"

#include <archive.h>
#include <archive_entry.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <set>

namespace akte::indexer {
namespace {

struct ArchiveFree {
  void operator()(::archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<::archive, ArchiveFree>;

struct FileClose {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

std::string LibarchiveError(::archive* a) {
  const char* message = archive_error_string(a);
  return message ? message : "unknown libarchive error";
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) {
    return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
  });
  return out;
}

// Only the seekable zip reader, which works from the central directory: a
// zip without one is truncated, and the streaming reader would have to
// decompress every skipped member of such a file to find the next one.
Result<ArchivePtr> OpenZip(const std::filesystem::path& file) {
  ArchivePtr a(archive_read_new());
  if (!a) return Status::Internal("libarchive: cannot allocate a reader");
  archive_read_support_format_zip_seekable(a.get());
  if (archive_read_open_filename(a.get(), file.c_str(), 64 * 1024) != ARCHIVE_OK) {
    const int err = archive_errno(a.get());
    if (err == ENOENT || err == EACCES || err == EIO) return Status::FromErrno(err, file.string());
    return Status::Corruption(
        "corrupt or truncated: not a zip file, or its central directory is "
        "missing (" +
        LibarchiveError(a.get()) + ")");
  }
  return a;
}

bool IsRegularFile(::archive_entry* entry) {
  const char* path = archive_entry_pathname(entry);
  if (path == nullptr || *path == '\0' || path[std::char_traits<char>::length(path) - 1] == '/') {
    return false;
  }
  return archive_entry_filetype(entry) == AE_IFREG;
}

}  // namespace

// Receives the data of one member at a time during Scan.
struct ZipContainer::Sink {
  virtual ~Sink() = default;
  virtual std::uint64_t max_bytes() const = 0;
  virtual Status Begin(const std::string& name, std::uint64_t declared_size) = 0;
  virtual Status Write(const char* data, std::size_t size) = 0;
};

namespace {

class StringSink final : public ZipContainer::Sink {
 public:
  explicit StringSink(std::uint64_t max) : max_(max) {}
  std::uint64_t max_bytes() const override { return max_; }
  Status Begin(const std::string& name, std::uint64_t declared_size) override {
    current_ = &out_[name];
    // Trust the declared size only as far as a modest allocation goes.
    current_->reserve(static_cast<std::size_t>(std::min<std::uint64_t>(declared_size, 4 << 20)));
    return Status::Ok();
  }
  Status Write(const char* data, std::size_t size) override {
    current_->append(data, size);
    return Status::Ok();
  }
  std::map<std::string, std::string>& out() { return out_; }

 private:
  std::uint64_t max_;
  std::map<std::string, std::string> out_;
  std::string* current_ = nullptr;
};

class FileSink final : public ZipContainer::Sink {
 public:
  FileSink(std::filesystem::path target, std::uint64_t max)
      : target_(std::move(target)), max_(max) {}
  std::uint64_t max_bytes() const override { return max_; }
  Status Begin(const std::string&, std::uint64_t) override {
    file_.reset(std::fopen(target_.c_str(), "wbx"));
    if (!file_) return Status::FromErrno(errno, "cannot create " + target_.string());
    return Status::Ok();
  }
  Status Write(const char* data, std::size_t size) override {
    if (std::fwrite(data, 1, size, file_.get()) != size) {
      return Status::FromErrno(errno, "cannot write " + target_.string());
    }
    return Status::Ok();
  }
  Status Close() {
    if (file_ && std::fclose(file_.release()) != 0) {
      return Status::FromErrno(errno, "cannot write " + target_.string());
    }
    return Status::Ok();
  }
  bool began() const { return file_ != nullptr; }

 private:
  std::filesystem::path target_;
  std::uint64_t max_;
  std::unique_ptr<std::FILE, FileClose> file_;
};

}  // namespace

Result<ZipContainer> ZipContainer::Open(const std::filesystem::path& file,
                                        const ExtractionLimits& limits) {
  std::error_code ec;
  const std::uint64_t file_size = std::filesystem::file_size(file, ec);
  if (ec) return Status::FromErrno(ec.value(), "cannot read " + file.string());
  ZipContainer zip(file, limits);
  zip.file_size_ = file_size;
  AKTE_ASSIGN_OR_RETURN(ArchivePtr a, OpenZip(file));

  std::uint64_t declared_total = 0;
  int entries = 0;
  ::archive_entry* entry = nullptr;
  for (;;) {
    const int r = archive_read_next_header(a.get(), &entry);
    if (r == ARCHIVE_EOF) break;
    if (r < ARCHIVE_WARN) {
      return Status::Corruption("corrupt or truncated: zip directory: " + LibarchiveError(a.get()));
    }
    if (++entries > limits.max_members) {
      return Status::TooLarge("archive limits exceeded: more than " +
                              std::to_string(limits.max_members) + " entries");
    }
    if (!IsRegularFile(entry)) continue;
    ZipMember member;
    member.name = archive_entry_pathname(entry);
    if (archive_entry_size_is_set(entry) && archive_entry_size(entry) > 0) {
      member.size = static_cast<std::uint64_t>(archive_entry_size(entry));
    }
    member.encrypted = archive_entry_is_data_encrypted(entry) != 0;
    declared_total += std::min<std::uint64_t>(member.size, std::uint64_t{1} << 62);
    declared_total = std::min<std::uint64_t>(declared_total, std::uint64_t{1} << 62);
    zip.by_name_.emplace(member.name, zip.members_.size());
    zip.by_lower_name_.emplace(AsciiLower(member.name), zip.members_.size());
    zip.members_.push_back(std::move(member));
  }
  if (declared_total > limits.max_total_bytes) {
    return Status::TooLarge("archive limits exceeded: members declare " +
                            std::to_string(declared_total) + " bytes uncompressed (limit " +
                            std::to_string(limits.max_total_bytes) + ")");
  }
  if (static_cast<double>(declared_total) >
      limits.max_compression_ratio * static_cast<double>(std::max<std::uint64_t>(file_size, 1))) {
    return Status::TooLarge("archive limits exceeded: compression ratio over " +
                            std::to_string(static_cast<int>(limits.max_compression_ratio)) +
                            " (declared sizes)");
  }
  return zip;
}

const ZipMember* ZipContainer::Find(std::string_view name) const {
  if (auto it = by_name_.find(name); it != by_name_.end()) return &members_[it->second];
  if (auto it = by_lower_name_.find(AsciiLower(name)); it != by_lower_name_.end()) {
    return &members_[it->second];
  }
  return nullptr;
}

bool ZipContainer::HasEncryptedMembers() const {
  return std::any_of(members_.begin(), members_.end(),
                     [](const ZipMember& m) { return m.encrypted; });
}

Status ZipContainer::Scan(const std::map<std::string, std::string, std::less<>>& wanted,
                          Sink& sink) {
  if (wanted.empty()) return Status::Ok();
  AKTE_ASSIGN_OR_RETURN(ArchivePtr a, OpenZip(file_));
  std::set<std::string, std::less<>> done;
  std::vector<char> buffer(64 * 1024);
  ::archive_entry* entry = nullptr;
  while (done.size() < wanted.size()) {
    const int r = archive_read_next_header(a.get(), &entry);
    if (r == ARCHIVE_EOF) break;
    if (r < ARCHIVE_WARN) {
      return Status::Corruption("corrupt or truncated: zip directory: " + LibarchiveError(a.get()));
    }
    if (!IsRegularFile(entry)) continue;
    const std::string stored = archive_entry_pathname(entry);
    auto it = wanted.find(stored);
    // A name stored twice: the first one counts, as in Find().
    if (it == wanted.end() || !done.insert(stored).second) continue;
    if (archive_entry_is_data_encrypted(entry)) continue;
    const std::string& name = it->second;
    const std::uint64_t declared = archive_entry_size_is_set(entry) && archive_entry_size(entry) > 0
                                       ? static_cast<std::uint64_t>(archive_entry_size(entry))
                                       : 0;
    const auto too_large = [&] {
      return Status::TooLarge("archive limits exceeded: " + name + " is larger than " +
                              std::to_string(sink.max_bytes()) + " bytes uncompressed");
    };
    if (declared > sink.max_bytes()) return too_large();
    AKTE_RETURN_IF_ERROR(sink.Begin(name, declared));
    std::uint64_t member_bytes = 0;
    for (;;) {
      const la_ssize_t n = archive_read_data(a.get(), buffer.data(), buffer.size());
      if (n == 0) break;
      if (n < 0) {
        return Status::Corruption("corrupt or truncated: " + name + ": " +
                                  LibarchiveError(a.get()));
      }
      member_bytes += static_cast<std::uint64_t>(n);
      bytes_read_ += static_cast<std::uint64_t>(n);
      if (member_bytes > sink.max_bytes()) return too_large();
      if (bytes_read_ > limits_.max_total_bytes) {
        return Status::TooLarge("archive limits exceeded: more than " +
                                std::to_string(limits_.max_total_bytes) +
                                " bytes uncompressed in total");
      }
      if (static_cast<double>(bytes_read_) >
          limits_.max_compression_ratio *
              static_cast<double>(std::max<std::uint64_t>(file_size_, 1))) {
        return Status::TooLarge("archive limits exceeded: compression ratio over " +
                                std::to_string(static_cast<int>(limits_.max_compression_ratio)));
      }
      AKTE_RETURN_IF_ERROR(sink.Write(buffer.data(), static_cast<std::size_t>(n)));
    }
  }
  return Status::Ok();
}

Result<std::map<std::string, std::string>> ZipContainer::ReadAll(
    const std::vector<std::string>& names) {
  std::map<std::string, std::string, std::less<>> wanted;  // stored name -> asked name
  for (const std::string& name : names) {
    if (const ZipMember* m = Find(name)) wanted.emplace(m->name, name);
  }
  StringSink sink(limits_.max_xml_bytes);
  AKTE_RETURN_IF_ERROR(Scan(wanted, sink));
  return std::move(sink.out());
}

Result<std::string> ZipContainer::Read(std::string_view name) {
  AKTE_ASSIGN_OR_RETURN(auto parts, ReadAll({std::string(name)}));
  auto it = parts.find(std::string(name));
  if (it == parts.end()) return Status::NotFound("no member " + std::string(name) + " in the zip");
  return std::move(it->second);
}

Status ZipContainer::CopyTo(std::string_view name, const std::filesystem::path& target) {
  const ZipMember* m = Find(name);
  if (m == nullptr) return Status::NotFound("no member " + std::string(name) + " in the zip");
  FileSink sink(target, limits_.max_member_bytes);
  Status status = Scan({{m->name, std::string(name)}}, sink);
  const bool began = sink.began();
  if (status.ok()) status = sink.Close();
  if (!status.ok() || !began) {
    std::error_code ignored;
    std::filesystem::remove(target, ignored);
  }
  if (status.ok() && !began) return Status::NotFound(std::string(name) + " is encrypted");
  return status;
}

}  // namespace akte::indexer
