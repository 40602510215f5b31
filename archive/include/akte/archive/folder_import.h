// Filing many files at once: every regular file of a folder (recursively),
// or a single file such as a zip bundle, for one customer. Sources are only
// read, never changed; a rerun skips files already filed for the customer
// (the same bytes are recognised by their SHA-256).
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>

#include "akte/archive/data_dir.h"

namespace akte::archive {

struct FolderImportReport {
  std::size_t stored = 0;
  std::size_t already_stored = 0;
  std::size_t skipped = 0;  // symbolic links and system files (.DS_Store, Thumbs.db)
};

using FileProgress =
    std::function<void(std::size_t done, std::size_t total, const std::filesystem::path& file)>;

// Files one file as `draft` (its customer, type, title, ...); the file
// name is the file's own unless the draft names one.
Result<StoredDocument> StoreFile(DataDir& dir, const Actor& by, Document draft,
                                 const std::filesystem::path& file);

// Files `source` (a folder or one file) for `customer_id` with document type
// `type` ("" for Sonstiges). Stops at the first file that cannot be stored
// and names it; what was filed before stays filed (each file is a complete
// write of its own).
Result<FolderImportReport> ImportFolder(DataDir& dir, const Actor& by, Id customer_id,
                                        const std::filesystem::path& source,
                                        const std::string& type, const FileProgress& progress = {});

}  // namespace akte::archive
