// Bundles (zip, tar, 7z, rar, cpio) and compressed files (gzip, bzip2, xz,
// lzma, zstd, .Z) through libarchive: every regular member is streamed into
// a flat, numbered file in the scratch directory for the pipeline to extract
// in turn; the bundle's own text is its member list. Hostile bundles are the
// norm here, so limits are checked while data streams (declared sizes lie),
// unsafe paths and device entries refuse the whole bundle, and links are
// never followed or created.
#include <archive.h>
#include <archive_entry.h>
#include <locale.h>

#include <algorithm>
#include <memory>
#include <system_error>
#include <vector>

#include "charset.h"
#include "extractor.h"
#include "file_util.h"
#include "legacy_names.h"

namespace akte::indexer {
namespace {

// The compression ratio is judged only past this much output: small members
// of highly compressible text (Tika's TIKA-216.tgz: 9.5 KB -> 2.6 MB) exceed
// any ratio harmlessly, and a bomb is stopped after a few megabytes.
constexpr std::uint64_t kRatioGraceBytes = std::uint64_t{4} << 20;
constexpr std::size_t kChunkBytes = 64 << 10;
// A zip without entries: just its end-of-central-directory record.
constexpr std::uint64_t kEmptyZipBytes = 22;

struct ArchiveFree {
  void operator()(struct archive* a) const { archive_read_free(a); }
};
using ArchivePtr = std::unique_ptr<struct archive, ArchiveFree>;

// Whether `head` (a file's first bytes) starts a gzip member as libarchive's
// gzip bidder accepts it: magic, deflate, no reserved flags.
bool IsGzip(std::string_view head) {
  return head.size() >= 10 && head.starts_with("\x1F\x8B\x08") &&
         (static_cast<unsigned char>(head[3]) & 0xE0) == 0;
}

// A reader for the formats akte opens, named one by one:
// archive_read_support_format_all would add mtree, whose manifests make
// libarchive read the files they name from our own disk, and
// archive_read_support_filter_all would start external programs.
// `streaming_zip` reads zips front to back by their local headers, for
// zips whose central directory is damaged or misplaced.
//
// gzip is never left to libarchive's filter bidding: on gzip nested in gzip
// (libarchive's own test_read_filter_gzip_recursive.gz) libarchive 3.6
// loops forever while bidding. A gzip file gets exactly one gzip filter
// instead, which turns off bidding; a nested .gz comes out as a member and
// is extracted as a child, one nesting level deeper.
ArchivePtr NewReader(bool streaming_zip, std::string_view head) {
  ArchivePtr a(archive_read_new());
  struct archive* r = a.get();
  if (streaming_zip) {
    archive_read_support_format_zip_streamable(r);
  } else {
    archive_read_support_format_zip(r);
  }
  archive_read_support_format_tar(r);
  archive_read_support_format_gnutar(r);
  archive_read_support_format_7zip(r);
  archive_read_support_format_rar(r);
  archive_read_support_format_rar5(r);
  archive_read_support_format_cpio(r);
  archive_read_support_format_raw(r);  // a single compressed file (.gz, .bz2, …)
  if (IsGzip(head)) {
    archive_read_append_filter(r, ARCHIVE_FILTER_GZIP);
    return a;
  }
  archive_read_support_filter_bzip2(r);
  archive_read_support_filter_xz(r);
  archive_read_support_filter_lzma(r);
  archive_read_support_filter_lzip(r);
  archive_read_support_filter_zstd(r);
  archive_read_support_filter_compress(r);
  return a;
}

// Switches this thread to a UTF-8 locale while it lives. libarchive converts
// names through the locale: in the "C" locale it yields no name at all for
// UTF-8 names (zip's UTF-8 flag, Info-ZIP's 0x7075 field, pax headers); in
// a UTF-8 one those come as UTF-8 and legacy names as their raw bytes.
class ScopedUtf8Locale {
 public:
  ScopedUtf8Locale() : utf8_(newlocale(LC_CTYPE_MASK, "C.UTF-8", locale_t{})) {
    if (utf8_ != locale_t{}) previous_ = uselocale(utf8_);
  }
  ~ScopedUtf8Locale() {
    if (utf8_ == locale_t{}) return;
    uselocale(previous_);
    freelocale(utf8_);
  }
  ScopedUtf8Locale(const ScopedUtf8Locale&) = delete;
  ScopedUtf8Locale& operator=(const ScopedUtf8Locale&) = delete;

 private:
  locale_t utf8_;
  locale_t previous_ = locale_t{};
};

std::string ArchiveError(struct archive* a) {
  const char* message = archive_error_string(a);
  return message != nullptr ? SanitizeUtf8(message) : "unknown error";
}

// A member path as stored, and whether it is known to be UTF-8.
struct EntryName {
  std::string bytes;
  bool utf8 = false;
};

EntryName ReadEntryName(struct archive_entry* entry) {
  if (const char* utf8 = archive_entry_pathname_utf8(entry); utf8 && IsValidUtf8(utf8)) {
    return {utf8, true};
  }
  if (const char* raw = archive_entry_pathname(entry)) return {raw, IsValidUtf8(raw)};
  EntryName name{"", true};
  if (const wchar_t* wide = archive_entry_pathname_w(entry)) {
    for (; *wide != L'\0'; ++wide) AppendUtf8(name.bytes, static_cast<char32_t>(*wide));
  }
  return name;
}

// Absolute paths (also "C:" and "\\server"), and ".." steps in either slash.
bool IsUnsafePath(std::string_view path) {
  if (path.starts_with('/') || path.starts_with('\\')) return true;
  if (path.size() >= 2 && path[1] == ':' && std::isalpha(static_cast<unsigned char>(path[0]))) {
    return true;
  }
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find_first_of("/\\", start);
    if (end == std::string_view::npos) end = path.size();
    if (path.substr(start, end - start) == "..") return true;
    start = end + 1;
  }
  return false;
}

std::string BaseName(std::string_view path) {
  while (!path.empty() && (path.back() == '/' || path.back() == '\\')) path.remove_suffix(1);
  auto slash = path.find_last_of("/\\");
  return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

// The name of a compressed file's content: "bericht.txt.gz" -> "bericht.txt".
std::string DecompressedName(std::string_view filename) {
  static constexpr std::pair<std::string_view, std::string_view> kSuffixes[] = {
      {".tgz", ".tar"}, {".tbz2", ".tar"}, {".tbz", ".tar"}, {".txz", ".tar"},
      {".taz", ".tar"}, {".gz", ""},       {".bz2", ""},     {".xz", ""},
      {".lzma", ""},    {".lz", ""},       {".zst", ""},     {".z", ""}};
  std::string name = BaseName(filename);
  std::string lower = name;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const auto& [suffix, replacement] : kSuffixes) {
    if (lower.size() > suffix.size() && lower.ends_with(suffix)) {
      return name.substr(0, name.size() - suffix.size()) + std::string(replacement);
    }
  }
  return name.empty() ? "data" : name + ".data";
}

struct Member {
  EntryName path;
  std::string file_name;  // in the scratch directory
};

class BundleReader {
 public:
  BundleReader(const ExtractionInput& input, std::uint64_t compressed_bytes, std::string_view head,
               bool streaming_zip)
      : input_(input),
        limits_(input.limits),
        compressed_bytes_(compressed_bytes),
        archive_(NewReader(streaming_zip, head)) {}

  Result<Extraction> Read();
  bool IsZip() const {
    return (archive_format(archive_.get()) & ARCHIVE_FORMAT_BASE_MASK) == ARCHIVE_FORMAT_ZIP;
  }
  // Removes the files written so far (after a failed Read).
  void RemoveFiles();
  int entries() const { return entries_; }

 private:
  // Handles one entry; sets `stop` when the archive cannot be read further.
  Status ReadEntry(struct archive_entry* entry, bool& stop);
  // Streams the current entry's data into `file`; `read_error` gets
  // libarchive's code when the data cannot be read (0 otherwise).
  Status CopyData(ScratchFile& file, int& read_error);
  Status CheckTotals() const;
  Extraction Finish();
  // The names of the members, legacy-encoded ones converted together.
  std::vector<std::string> MemberPaths() const;
  // What was skipped, for Extraction::error ("" when nothing was).
  std::string SkippedNote() const;

  const ExtractionInput& input_;
  const ExtractionLimits& limits_;
  const std::uint64_t compressed_bytes_;
  ArchivePtr archive_;
  std::vector<std::filesystem::path> files_;  // every file created
  std::vector<Member> members_;
  std::vector<std::string> encrypted_, damaged_, links_;
  std::uint64_t total_bytes_ = 0;
  int entries_ = 0;
  bool raw_ = false;
  bool names_encrypted_ = false;  // 7z and rar can encrypt the member list
};

Status BundleReader::CheckTotals() const {
  if (total_bytes_ > limits_.max_total_bytes) {
    return Status::TooLarge("archive limits exceeded (more than " +
                            std::to_string(limits_.max_total_bytes) + " bytes in total)");
  }
  if (total_bytes_ > kRatioGraceBytes &&
      static_cast<double>(total_bytes_) >
          limits_.max_compression_ratio * static_cast<double>(compressed_bytes_)) {
    return Status::TooLarge("archive limits exceeded (compression ratio above " +
                            std::to_string(static_cast<long>(limits_.max_compression_ratio)) + ")");
  }
  return Status::Ok();
}

Status BundleReader::CopyData(ScratchFile& file, int& read_error) {
  std::vector<char> buffer(kChunkBytes);
  std::uint64_t member_bytes = 0;
  for (;;) {
    la_ssize_t n = archive_read_data(archive_.get(), buffer.data(), buffer.size());
    if (n == 0) return Status::Ok();
    if (n < 0) {
      read_error = static_cast<int>(n);
      return Status::Ok();
    }
    member_bytes += static_cast<std::uint64_t>(n);
    total_bytes_ += static_cast<std::uint64_t>(n);
    if (member_bytes > limits_.max_member_bytes) {
      return Status::TooLarge("archive limits exceeded (a member larger than " +
                              std::to_string(limits_.max_member_bytes) + " bytes)");
    }
    AKTE_RETURN_IF_ERROR(CheckTotals());
    AKTE_RETURN_IF_ERROR(file.Write(std::string_view(buffer.data(), static_cast<std::size_t>(n))));
  }
}

Status BundleReader::ReadEntry(struct archive_entry* entry, bool& stop) {
  EntryName path = ReadEntryName(entry);
  if (raw_) {
    // A gzip header may carry the original name; libarchive says "data" otherwise.
    std::string stored = BaseName(path.bytes);
    path = stored.empty() || stored == "data" ? EntryName{DecompressedName(input_.filename), true}
                                              : EntryName{stored, IsValidUtf8(stored)};
  }
  const std::string shown = SanitizeUtf8(path.bytes);
  if (IsUnsafePath(path.bytes)) return Status::InvalidArgument("unsafe entry path: " + shown);
  const auto type = archive_entry_filetype(entry);
  if (type == AE_IFCHR || type == AE_IFBLK || type == AE_IFIFO || type == AE_IFSOCK) {
    return Status::InvalidArgument("unsafe entry path: " + shown + " (device, fifo or socket)");
  }
  if (type == AE_IFLNK || archive_entry_hardlink(entry) != nullptr) {
    links_.push_back(shown);  // never followed, never created
    return Status::Ok();
  }
  if (type != AE_IFREG) return Status::Ok();  // directories and unknown kinds
  if (archive_entry_is_encrypted(entry)) {
    encrypted_.push_back(shown);
    return Status::Ok();
  }
  const int index = static_cast<int>(members_.size()) + 1;
  std::string file_name = NumberedFileName(index, SafeFileName(BaseName(shown), "member"));
  AKTE_ASSIGN_OR_RETURN(ScratchFile file, ScratchFile::Create(input_.scratch_dir, file_name));
  files_.push_back(file.path());
  int read_error = 0;
  AKTE_RETURN_IF_ERROR(CopyData(file, read_error));
  AKTE_RETURN_IF_ERROR(file.Close());
  if (read_error == 0) {
    members_.push_back({std::move(path), std::move(file_name)});
    return Status::Ok();
  }
  std::error_code ignored;
  std::filesystem::remove(file.path(), ignored);
  const bool encrypted = archive_read_has_encrypted_entries(archive_.get()) > 0;
  (encrypted ? encrypted_ : damaged_).push_back(shown);
  // After a fatal error libarchive reads nothing more; earlier members stand
  // when the cause was encryption, else the archive is broken.
  stop = read_error == ARCHIVE_FATAL;
  if (stop && !encrypted) {
    return Status::Corruption("corrupt or truncated archive: " + shown + ": " +
                              ArchiveError(archive_.get()));
  }
  return Status::Ok();
}

Result<Extraction> BundleReader::Read() {
  struct archive* a = archive_.get();
  if (archive_read_open_filename(a, input_.file.c_str(), kChunkBytes) != ARCHIVE_OK) {
    return Status::Corruption("corrupt or truncated archive: " + ArchiveError(a));
  }
  for (bool stop = false; !stop;) {
    struct archive_entry* entry = nullptr;
    const int r = archive_read_next_header(a, &entry);
    if (r == ARCHIVE_EOF) break;
    if (++entries_ > limits_.max_members) {
      return Status::TooLarge("archive limits exceeded (more than " +
                              std::to_string(limits_.max_members) + " members)");
    }
    if (r == ARCHIVE_FATAL) {
      if (archive_read_has_encrypted_entries(a) > 0 && members_.empty()) {
        names_encrypted_ = true;
        break;
      }
      return Status::Corruption("corrupt or truncated archive: " + ArchiveError(a));
    }
    if (r == ARCHIVE_FAILED || r == ARCHIVE_RETRY) continue;  // this entry only
    if (entries_ == 1 && archive_format(a) == ARCHIVE_FORMAT_RAW) {
      // The raw reader takes anything; it is right only behind a decompressor.
      if (archive_filter_count(a) <= 1) {
        return Status::Corruption("corrupt or truncated archive: not a recognised format");
      }
      raw_ = true;
    }
    AKTE_RETURN_IF_ERROR(ReadEntry(entry, stop));
  }
  return Finish();
}

void BundleReader::RemoveFiles() {
  std::error_code ignored;
  for (const auto& file : files_) std::filesystem::remove(file, ignored);
  files_.clear();
}

std::vector<std::string> BundleReader::MemberPaths() const {
  // Legacy names (CP437, GBK, Shift_JIS, CP866 in zips) are detected from all
  // of them together: one name alone is too short for a reliable guess.
  std::string legacy;
  for (const Member& m : members_) {
    if (!m.path.utf8) legacy += m.path.bytes + "\n";
  }
  const std::string charset = legacy.empty() ? "" : LegacyNamesCharset(legacy);
  std::vector<std::string> paths;
  for (const Member& m : members_) {
    paths.push_back(m.path.utf8 ? m.path.bytes : ToUtf8(m.path.bytes, charset));
  }
  return paths;
}

std::string BundleReader::SkippedNote() const {
  std::string note;
  if (!encrypted_.empty()) note = std::to_string(encrypted_.size()) + " encrypted members skipped";
  if (!damaged_.empty()) {
    if (!note.empty()) note += "; ";
    note += std::to_string(damaged_.size()) + " damaged members skipped";
  }
  return note;
}

Extraction BundleReader::Finish() {
  Extraction out;
  out.mime_type = input_.mime_type;
  const std::vector<std::string> paths = MemberPaths();
  std::string text;
  for (std::size_t i = 0; i < members_.size(); ++i) {
    const std::string name = SafeFileName(BaseName(paths[i]), "member");
    std::filesystem::path file = input_.scratch_dir / members_[i].file_name;
    if (!members_[i].path.utf8) {
      // Written under its name as far as it was known; renamed now it is decoded.
      auto renamed = input_.scratch_dir / NumberedFileName(static_cast<int>(i) + 1, name);
      std::error_code ec;
      if (renamed != file) std::filesystem::rename(file, renamed, ec);
      if (!ec) file = renamed;
    }
    out.children.push_back({name, paths[i], file});
    text += paths[i] + "\n";
  }
  for (const std::string& link : links_) text += link + " (link, not followed)\n";
  for (const std::string& name : encrypted_) text += name + " (encrypted)\n";
  AppendLimited(out.text, text, limits_.max_text_bytes, out.text_truncated);
  if (names_encrypted_ || (!encrypted_.empty() && members_.empty())) {
    out.state = kEncrypted;
    out.error = "encrypted, password required";
  } else {
    out.error = SkippedNote();
  }
  return out;
}

class BundleExtractor final : public Extractor {
 public:
  Result<Extraction> Extract(const ExtractionInput& input) const override {
    if (input.depth >= input.limits.max_depth) {
      return Status::TooLarge("archive limits exceeded (nesting depth " +
                              std::to_string(input.limits.max_depth) + " reached)");
    }
    std::error_code ec;
    const std::uint64_t size =
        std::max<std::uint64_t>(std::filesystem::file_size(input.file, ec), 1);
    if (ec) return Status::IoError("cannot read " + input.file.string() + ": " + ec.message());
    bool longer = false;
    AKTE_ASSIGN_OR_RETURN(const std::string head, ReadFileHead(input.file, 16, longer));
    const ScopedUtf8Locale utf8_names;
    BundleReader reader(input, size, head, false);
    Result<Extraction> result = reader.Read();
    if (!result.ok()) reader.RemoveFiles();
    // A damaged central directory reads as an error or as no entries at all;
    // such zips are often readable front to back by their local headers.
    const bool suspect = result.ok() ? reader.entries() == 0 && size > kEmptyZipBytes
                                     : result.status().code() == StatusCode::kCorruption;
    if (!suspect || !reader.IsZip()) return result;
    BundleReader streaming(input, size, head, true);
    Result<Extraction> second = streaming.Read();
    if (!second.ok()) streaming.RemoveFiles();
    return second.ok() || result.ok() ? second : result;
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeBundleExtractor() { return std::make_unique<BundleExtractor>(); }

}  // namespace akte::indexer
