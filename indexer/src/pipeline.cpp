#include "akte/indexer/pipeline.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <set>
#include <thread>

#include "mail_filing.h"
#include "sandbox.h"
#include "worker_protocol.h"

namespace akte::indexer {
namespace {

namespace fs = std::filesystem;
using archive::Actor;
using archive::Document;
using archive::Id;

// Extraction writes as akte itself; the audit shows no user for it.
const Actor kSystem{0, "akte"};

constexpr std::string_view kScratchPrefix = "extract-";

// A scratch directory under the data directory's tmp/ for the files a
// worker finds inside documents; emptied between documents (reused, since
// creating a directory per document costs more than the small ones take to
// extract) and removed on scope exit.
class Scratch {
 public:
  static Result<Scratch> Create(const fs::path& tmp) {
    std::string pattern =
        (tmp / (std::string(kScratchPrefix) + std::to_string(getpid()) + "-XXXXXX")).string();
    if (!mkdtemp(pattern.data())) return Status::FromErrno(errno, "create " + pattern);
    return Scratch(pattern);
  }
  Scratch(Scratch&& other) noexcept : path_(std::exchange(other.path_, {})) {}
  Scratch(const Scratch&) = delete;
  ~Scratch() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  void Empty() const {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(path_, ec)) fs::remove_all(entry.path(), ec);
  }

 private:
  explicit Scratch(fs::path path) : path_(std::move(path)) {}
  fs::path path_;
};

// Removes scratch directories left by pipelines whose process has died.
void RemoveStaleScratch(const fs::path& tmp) {
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(tmp, ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(kScratchPrefix)) continue;
    const pid_t pid = static_cast<pid_t>(std::atol(name.c_str() + kScratchPrefix.size()));
    if (pid > 0 && kill(pid, 0) != 0 && errno == ESRCH) fs::remove_all(entry.path(), ec);
  }
}

// Stores a child file the worker wrote, refusing anything that is not a
// regular file inside the scratch directory.
Result<archive::BlobInfo> StoreChildFile(const archive::BlobStore& blobs, const fs::path& scratch,
                                         const fs::path& file) {
  std::error_code ec;
  const fs::path canonical = fs::weakly_canonical(file, ec);
  const fs::path root = fs::weakly_canonical(scratch, ec);
  auto [root_end, ignored] = std::mismatch(root.begin(), root.end(), canonical.begin());
  if (ec || root_end != root.end()) {
    return Status::InvalidArgument("a reader named a file outside its scratch directory");
  }
  int fd = ::open(canonical.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return Status::FromErrno(errno, "open extracted file");
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return Status::InvalidArgument("an extracted member is not a regular file");
  }
  auto info = blobs.PutFromFd(fd);
  ::close(fd);
  return info;
}

std::string BodyOf(const std::string& text) {
  auto blank = text.find("\n\n");
  return blank == std::string::npos ? text : text.substr(blank + 2);
}

bool IsMail(const std::string& mime) { return mime == "message/rfc822"; }

}  // namespace

ExtractionPipeline::ExtractionPipeline(archive::DataDir& dir, PipelineOptions options)
    : dir_(dir), options_(std::move(options)) {
  if (options_.workers <= 0) {
    options_.workers = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }
}

Result<ExtractionSummary> ExtractionPipeline::ExtractPending(
    const ProgressCallback& progress, const std::function<bool()>& more_coming) {
  RemoveStaleScratch(dir_.tmp_path());
  constexpr int kAllPending = 1'000'000'000;
  AKTE_ASSIGN_OR_RETURN(auto pending,
                        dir_.catalog().DocumentsInState(archive::kStatePending, kAllPending));
  AKTE_ASSIGN_OR_RETURN(auto firm_setting, dir_.catalog().GetSetting(kFirmAddressesSetting));
  const std::string firm_addresses = firm_setting.value_or("");

  std::mutex mu;
  std::condition_variable changed;
  std::deque<Id> queue(pending.begin(), pending.end());
  std::set<Id> seen(pending.begin(), pending.end());
  int busy = 0;
  ExtractionSummary summary;
  ExtractionProgress shown;
  shown.queued = queue.size();
  Status first_error;

  auto process = [&](SandboxedWorker& worker, const Scratch& scratch,
                     Id id) -> Result<std::vector<Document>> {
    AKTE_ASSIGN_OR_RETURN(Document doc, dir_.catalog().GetDocument(id));
    AKTE_ASSIGN_OR_RETURN(int depth, dir_.catalog().DocumentDepth(id));
    struct Cleanup {
      const Scratch& scratch;
      ~Cleanup() { scratch.Empty(); }
    } cleanup{scratch};
    WorkerRequest request{dir_.blobs().PathFor(doc.sha256).string(), doc.filename,
                          scratch.path().string(), depth, options_.limits};
    Extraction extraction = worker.Run(request);

    archive::ExtractionRecord record;
    record.state = extraction.state;
    record.error = extraction.error;
    record.mime_type = extraction.mime_type;
    record.text = std::move(extraction.text);
    record.text_truncated = extraction.text_truncated;
    record.metadata_json = MetadataJson(extraction.metadata);

    std::vector<Document> children;
    for (const auto& child : extraction.children) {
      auto blob = StoreChildFile(dir_.blobs(), scratch.path(), child.file);
      if (!blob.ok()) {
        record.state = kFailed;
        record.error = blob.status().message();
        children.clear();
        break;
      }
      Document draft;
      draft.filename = child.name.empty() ? child.file.filename().string() : child.name;
      draft.path_in_parent = child.path_in_parent;
      draft.sha256 = blob->sha256;
      draft.size = blob->size;
      children.push_back(std::move(draft));
    }

    if (IsMail(record.mime_type) && record.state == kExtracted) {
      AKTE_ASSIGN_OR_RETURN(
          Document parent_or_self,
          doc.parent_id ? dir_.catalog().GetDocument(*doc.parent_id) : Result<Document>(doc));
      // A message forwarded inside another message is part of that one's history.
      const bool forwarded = doc.parent_id && IsMail(parent_or_self.mime_type);
      if (!forwarded) {
        AKTE_ASSIGN_OR_RETURN(MailFiling filing,
                              FileMail(dir_.catalog(), extraction.metadata, firm_addresses));
        if (!doc.customer_id) {
          record.customer_id = filing.customer_id;
          record.inbox_reason = filing.inbox_reason;
        }
        record.event = MailEvent(extraction.metadata, filing.event_type, BodyOf(record.text));
      }
      if (doc.title == fs::path(doc.filename).stem().string() &&
          !extraction.metadata.title.empty()) {
        record.title = extraction.metadata.title;
      }
      if (doc.document_date.empty()) record.document_date = extraction.metadata.date.substr(0, 10);
    }
    return dir_.catalog().RecordExtraction(kSystem, id, record, std::move(children));
  };

  // Queues documents filed since the start. Called with `mu` held.
  auto refill = [&] {
    auto ids = dir_.catalog().DocumentsInState(archive::kStatePending, kAllPending);
    if (!ids.ok()) {
      if (first_error.ok()) first_error = ids.status();
      return;
    }
    for (Id id : *ids) {
      if (seen.insert(id).second) queue.push_back(id);
    }
    shown.queued = seen.size();
  };

  auto run_worker = [&] {
    SandboxedWorker worker({options_.worker_executable, options_.limits.address_space});
    auto scratch = Scratch::Create(dir_.tmp_path());
    std::unique_lock lock(mu);
    if (!scratch.ok()) {
      if (first_error.ok()) first_error = scratch.status();
      return;
    }
    for (;;) {
      if (queue.empty() && more_coming && more_coming()) refill();
      if (queue.empty()) {
        if (busy == 0 && !(more_coming && more_coming())) {
          refill();                  // whatever was filed just before the end
          if (queue.empty()) break;  // nobody busy, nothing queued: done
        } else {
          changed.wait_for(lock, std::chrono::milliseconds(50));
          continue;
        }
      }
      const Id id = queue.front();
      queue.pop_front();
      ++busy;
      lock.unlock();
      auto children = process(worker, *scratch, id);
      auto document = dir_.catalog().GetDocument(id);
      lock.lock();
      --busy;
      ++summary.documents;
      if (children.ok()) {
        for (const auto& child : *children) {
          if (seen.insert(child.id).second) queue.push_back(child.id);
        }
        if (document.ok()) ++summary.by_state[document->extraction_state];
      } else if (children.status().code() == StatusCode::kFailedPrecondition) {
        ++summary.skipped;
      } else if (first_error.ok()) {
        first_error = children.status().WithContext("document " + std::to_string(id));
      }
      shown.done = summary.documents;
      shown.queued = seen.size();
      shown.document = document.ok() ? &*document : nullptr;
      if (progress) progress(shown);
      shown.document = nullptr;
      changed.notify_all();
    }
  };

  std::vector<std::thread> threads;
  for (int i = 0; i < options_.workers; ++i) threads.emplace_back(run_worker);
  for (auto& thread : threads) thread.join();
  if (!first_error.ok()) return first_error;
  return summary;
}

Result<std::vector<Id>> ExtractionPipeline::ImportMailbox(const Actor& by, const fs::path& mbox) {
  std::vector<fs::path> messages;
  std::optional<Scratch> scratch;
  std::error_code ec;
  if (fs::is_directory(mbox, ec)) {
    // Maildir: one message per file in cur/ and new/.
    for (const char* sub : {"cur", "new"}) {
      for (const auto& entry : fs::directory_iterator(mbox / sub, ec)) {
        if (entry.is_regular_file()) messages.push_back(entry.path());
      }
    }
    if (messages.empty()) {
      return Status::InvalidArgument(mbox.string() +
                                     " is neither an mbox file nor a Maildir "
                                     "(no messages in cur/ or new/)");
    }
    std::sort(messages.begin(), messages.end());
  } else {
    AKTE_ASSIGN_OR_RETURN(Scratch split, Scratch::Create(dir_.tmp_path()));
    SandboxedWorker worker({options_.worker_executable, options_.limits.address_space});
    Extraction extraction = worker.Run(
        {mbox.string(), mbox.filename().string(), split.path().string(), 0, options_.limits});
    if (extraction.state != kExtracted) {
      return Status::InvalidArgument(
          "cannot read " + mbox.string() +
          " as a mailbox: " + (extraction.error.empty() ? extraction.state : extraction.error));
    }
    if (extraction.mime_type != "application/mbox") {
      return Status::InvalidArgument(mbox.string() + " is not an mbox file (it is " +
                                     extraction.mime_type + ")");
    }
    for (const auto& child : extraction.children) messages.push_back(child.file);
    scratch.emplace(std::move(split));
  }

  std::vector<Id> ids;
  for (const auto& message : messages) {
    int fd = ::open(message.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return Status::FromErrno(errno, "open " + message.string());
    AKTE_ASSIGN_OR_RETURN(archive::BlobInfo blob, dir_.blobs().PutFromFd(fd));
    ::close(fd);
    AKTE_ASSIGN_OR_RETURN(auto existing, dir_.catalog().FindDocumentAnywhere(blob.sha256));
    if (existing) continue;
    Document draft;
    draft.filename = message.filename().string();
    if (!draft.filename.ends_with(".eml")) draft.filename += ".eml";
    draft.type = "E-Mail";
    draft.sha256 = blob.sha256;
    draft.size = blob.size;
    draft.inbox_reason = "waiting for its addresses to be read";
    AKTE_ASSIGN_OR_RETURN(Document stored, dir_.catalog().AddDocument(by, std::move(draft)));
    ids.push_back(stored.id);
  }
  return ids;
}

Result<Document> AssignFromInbox(archive::DataDir& dir, const Actor& by, Id document_id,
                                 Id customer_id) {
  AKTE_ASSIGN_OR_RETURN(Document doc, dir.catalog().GetDocument(document_id));
  std::optional<archive::Event> event;
  if (IsMail(doc.mime_type)) {
    AKTE_ASSIGN_OR_RETURN(auto text, dir.catalog().GetText(document_id));
    AKTE_ASSIGN_OR_RETURN(auto firm, dir.catalog().GetSetting(kFirmAddressesSetting));
    if (text) {
      auto metadata = DecodeMetadata(text->metadata_json);
      AKTE_ASSIGN_OR_RETURN(MailFiling filing,
                            FileMail(dir.catalog(), metadata, firm.value_or("")));
      event = MailEvent(metadata, filing.event_type, BodyOf(text->text));
    }
  }
  return dir.catalog().AssignDocument(by, document_id, customer_id, std::move(event));
}

}  // namespace akte::indexer
