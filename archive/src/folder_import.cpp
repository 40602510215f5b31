#include "akte/archive/folder_import.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>

#include "unique_fd.h"

namespace akte::archive {
namespace {

namespace fs = std::filesystem;

// Files operating systems leave in folders, never documents of the firm.
constexpr std::array<std::string_view, 4> kSystemFiles = {".DS_Store", "Thumbs.db", "desktop.ini",
                                                          ".directory"};

bool IsSystemFile(const fs::path& path) {
  const std::string name = path.filename().string();
  return name.starts_with("._") || name.starts_with("~$") ||
         std::find(kSystemFiles.begin(), kSystemFiles.end(), name) != kSystemFiles.end();
}

}  // namespace

Result<StoredDocument> StoreFile(DataDir& dir, const Actor& by, Document draft,
                                 const fs::path& file) {
  UniqueFd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (fd.get() < 0) return Status::FromErrno(errno, "open " + file.string());
  if (draft.filename.empty()) draft.filename = file.filename().string();
  auto stored =
      dir.StoreDocument(by, std::move(draft), [&fd](std::span<char> buffer) -> Result<std::size_t> {
        for (;;) {
          ssize_t n = ::read(fd.get(), buffer.data(), buffer.size());
          if (n >= 0) return static_cast<std::size_t>(n);
          if (errno != EINTR) return Status::FromErrno(errno, "read");
        }
      });
  if (!stored.ok()) return stored.status().WithContext(file.string());
  return stored;
}

Result<FolderImportReport> ImportFolder(DataDir& dir, const Actor& by, Id customer_id,
                                        const fs::path& source, const std::string& type,
                                        const FileProgress& progress) {
  FolderImportReport report;
  std::vector<fs::path> files;
  std::error_code ec;
  if (fs::is_directory(source, ec)) {
    for (auto it = fs::recursive_directory_iterator(source, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      if (it->is_symlink(ec)) {
        ++report.skipped;  // never followed: it may lead outside the folder
        continue;
      }
      if (!it->is_regular_file(ec)) continue;
      if (IsSystemFile(it->path())) {
        ++report.skipped;
        continue;
      }
      files.push_back(it->path());
    }
    if (ec) return Status::FromErrno(ec.value(), "read folder " + source.string());
    std::sort(files.begin(), files.end());
  } else if (fs::is_regular_file(source, ec)) {
    files.push_back(source);
  } else {
    return Status::NotFound(source.string() + " is neither a folder nor a file");
  }

  for (std::size_t i = 0; i < files.size(); ++i) {
    const fs::path& file = files[i];
    Document draft;
    draft.customer_id = customer_id;
    draft.type = type;
    // Remember where the file sat, so a folder structure stays findable.
    if (file != source) draft.path_in_parent = fs::relative(file, source, ec).string();
    AKTE_ASSIGN_OR_RETURN(auto stored, StoreFile(dir, by, std::move(draft), file));
    (stored.already_stored ? report.already_stored : report.stored) += 1;
    if (progress) progress(i + 1, files.size(), file);
  }
  return report;
}

}  // namespace akte::archive
