#include "akte/archive/data_dir.h"

#include <map>
#include <unordered_set>

#include "unique_fd.h"

namespace akte::archive {
namespace {

namespace fs = std::filesystem;

std::string DocumentList(const std::vector<Id>& ids) {
  std::string out = ids.size() == 1 ? "document " : "documents ";
  for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? ", " : "") + std::to_string(ids[i]);
  return out;
}

}  // namespace

Result<std::unique_ptr<DataDir>> DataDir::Initialize(const fs::path& root, const User& first_admin,
                                                     DataDirOptions options) {
  AKTE_RETURN_IF_ERROR(CreateDirectoriesDurably(root / "index"));
  AKTE_ASSIGN_OR_RETURN(BlobStore blobs, BlobStore::Open(root, options.blobs));
  AKTE_ASSIGN_OR_RETURN(auto catalog, Catalog::Open(root / "catalog.db", *options.clock));
  AKTE_ASSIGN_OR_RETURN(auto users, catalog->ListUsers());
  if (!users.empty()) {
    return Status::AlreadyExists(root.string() + " is already an akte data directory");
  }
  User admin = first_admin;
  admin.role = kRoleAdmin;
  AKTE_ASSIGN_OR_RETURN(User created, catalog->AddUser(std::nullopt, admin));
  (void)created;
  return std::unique_ptr<DataDir>(new DataDir(root, std::move(blobs), std::move(catalog)));
}

Result<std::unique_ptr<DataDir>> DataDir::Open(const fs::path& root, DataDirOptions options) {
  std::error_code ec;
  if (!fs::exists(root / "catalog.db", ec)) {
    return Status::NotFound("no akte data directory at " + root.string() +
                            " (create one with: akte init --data-dir " + root.string() + ")");
  }
  AKTE_ASSIGN_OR_RETURN(BlobStore blobs, BlobStore::Open(root, options.blobs));
  AKTE_ASSIGN_OR_RETURN(auto catalog, Catalog::Open(root / "catalog.db", *options.clock));
  return std::unique_ptr<DataDir>(new DataDir(root, std::move(blobs), std::move(catalog)));
}

Result<StoredDocument> DataDir::StoreDocument(const Actor& by, Document draft,
                                              const StreamReader& content) {
  AKTE_ASSIGN_OR_RETURN(BlobInfo blob, blobs_.Put(content));
  return RecordDocument(by, std::move(draft), blob);
}

Result<StoredDocument> DataDir::RecordDocument(const Actor& by, Document draft,
                                               const BlobInfo& blob) {
  AKTE_RETURN_IF_ERROR(ValidateDigest(blob.sha256));
  if (!blobs_.Contains(blob.sha256)) {
    return Status::NotFound("blob " + blob.sha256 + " is not in the store; store its bytes first");
  }
  if (!draft.parent_id) {
    AKTE_ASSIGN_OR_RETURN(auto existing, catalog_->FindDocument(draft.customer_id, blob.sha256));
    if (existing) return StoredDocument{std::move(*existing), true};
  }
  draft.sha256 = blob.sha256;
  draft.size = blob.size;
  // A failure here leaves an unreferenced blob, which collect_garbage
  // removes later; nothing refers to it, so nothing is half-written.
  AKTE_ASSIGN_OR_RETURN(Document stored, catalog_->AddDocument(by, std::move(draft)));
  return StoredDocument{std::move(stored), false};
}

Result<FsckReport> DataDir::Check() {
  FsckReport report;
  AKTE_ASSIGN_OR_RETURN(report.catalog_problems, catalog_->CheckIntegrity());
  AKTE_ASSIGN_OR_RETURN(auto references, catalog_->BlobReferences());
  std::map<std::string, std::vector<Id>> documents_by_blob;
  for (const auto& ref : references) documents_by_blob[ref.sha256].push_back(ref.document_id);
  report.references_checked = references.size();

  std::unordered_set<std::string> stored;
  AKTE_RETURN_IF_ERROR(blobs_.ForEach([&](const std::string& sha256) { stored.insert(sha256); }));
  for (const auto& sha256 : stored) {
    ++report.blobs_checked;
    auto it = documents_by_blob.find(sha256);
    if (it == documents_by_blob.end()) {
      report.orphans.push_back(sha256);
      continue;
    }
    Status verified = blobs_.Verify(sha256);
    if (!verified.ok()) {
      report.corrupt.push_back(sha256 + " (" + DocumentList(it->second) +
                               "): " + verified.message());
    }
  }
  for (const auto& [sha256, ids] : documents_by_blob) {
    if (!stored.contains(sha256)) report.missing.push_back(sha256 + " (" + DocumentList(ids) + ")");
  }
  std::sort(report.orphans.begin(), report.orphans.end());
  std::sort(report.corrupt.begin(), report.corrupt.end());
  return report;
}

}  // namespace akte::archive
