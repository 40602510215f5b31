// Rebuilding the index beside the live one, and checking it against the
// catalog.
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <thread>

#include "akte/indexer/index_writer.h"
#include "akte/search/index_location.h"
#include "akte/search/schema.h"
#include "index_updater.h"

namespace akte::indexer {
namespace {

namespace fs = std::filesystem;
namespace schema = search::schema;

// Newer kinds come last, so the cursor of a rebuild begun by an older akte
// still names its place.
constexpr std::array<std::string_view, 8> kKinds = {
    schema::kCustomer, schema::kContact, schema::kDocument, schema::kNote,
    schema::kEvent,    schema::kRecord,  schema::kTask,     schema::kAppointment};
constexpr std::string_view kCursorKey = "akte.reindex_cursor";  // "document:1234", "" when done
constexpr std::string_view kStartSeqKey = "akte.reindex_seq";
constexpr int kBatchItems = 500;
constexpr std::size_t kQueuedBatches = 4;

// An exclusive lock on index/reindex.lock for as long as it lives.
class ReindexLock {
 public:
  static Result<ReindexLock> Take(const fs::path& index_dir) {
    std::error_code ec;
    fs::create_directories(index_dir, ec);
    const fs::path path = index_dir / "reindex.lock";
    int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd < 0) return Status::FromErrno(errno, "open " + path.string());
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
      ::close(fd);
      return Status::Unavailable("another reindex of this data directory is running");
    }
    return ReindexLock(fd);
  }
  ReindexLock(ReindexLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
  ~ReindexLock() {
    if (fd_ >= 0) ::close(fd_);
  }

 private:
  explicit ReindexLock(int fd) : fd_(fd) {}
  int fd_;
};

// A generation newer than the live one that a rebuild left unfinished.
std::optional<fs::path> UnfinishedRebuild(const search::IndexLocation& location,
                                          const fs::path& live) {
  std::error_code ec;
  std::optional<fs::path> found;
  for (const auto& entry : fs::directory_iterator(location.dir(), ec)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with("gen-") || name <= live.filename().string()) continue;
    try {
      Xapian::Database db(entry.path().string());
      if (!db.get_metadata(std::string(kCursorKey)).empty()) found = entry.path();
    } catch (const Xapian::Error&) {
      fs::remove_all(entry.path(), ec);  // never got far enough to matter
    }
  }
  return found;
}

Result<std::size_t> CountItems(archive::Catalog& catalog) {
  std::size_t total = 0;
  for (auto kind : kKinds) {
    AKTE_ASSIGN_OR_RETURN(auto items, catalog.ItemVersions(kind, 0, 1'000'000'000));
    total += items.size();
  }
  return total;
}

// Rewrites a finished, not yet live generation compactly (a built index
// has half-full blocks: compacted it is about 20% smaller and reads
// faster). A crash midway leaves the live generation untouched.
//
// Full compaction also splits long entries across blocks wherever that
// saves space (xapian-compact's default): 0.7% smaller on the benchmark
// corpus. The blocks the next updates touch split again, as any block does.
constexpr unsigned kCompaction = Xapian::Compactor::FULL;
Status CompactInPlace(const fs::path& generation) {
  fs::path compacted = generation;
  compacted += ".compact";
  std::error_code ec;
  fs::remove_all(compacted, ec);
  AKTE_RETURN_IF_ERROR(GuardXapian("compact the rebuilt search index", [&]() -> Status {
    Xapian::Database(generation.string()).compact(compacted.string(), kCompaction);
    return Status::Ok();
  }));
  fs::remove_all(generation, ec);
  if (ec) return Status::IoError("cannot replace " + generation.string() + ": " + ec.message());
  fs::rename(compacted, generation, ec);
  if (ec) return Status::IoError("cannot rename " + compacted.string() + ": " + ec.message());
  return Status::Ok();
}

// A batch of items of one kind with their index entries (nullopt for an
// item the catalog no longer has); no items at the end.
struct BuiltBatch {
  std::string_view kind;
  std::vector<std::pair<archive::Id, std::optional<IndexedItem>>> items;
};

// Builds the index entries of every item from a starting point on, on a
// thread of its own with its own catalog connection, while the rebuilding
// thread writes them: the analysis (catalog reads, tokenising, stemming,
// compound splitting) and Xapian's inverter each take about half of a
// rebuild, so on two cores they overlap. Compound parts are checked
// against the live index's terms, since the new generation is being
// written by the other thread; without a readable live index, against the
// word list alone. At most kQueuedBatches wait, which bounds memory.
class ItemBuilder {
 public:
  ItemBuilder(fs::path catalog_file, fs::path live, std::string_view first_kind, archive::Id after)
      : catalog_file_(std::move(catalog_file)),
        live_(std::move(live)),
        first_kind_(first_kind),
        after_(after),
        thread_([this] { Run(); }) {}
  ~ItemBuilder() {
    {
      std::lock_guard lock(mu_);
      stopped_ = true;
    }
    changed_.notify_all();
    thread_.join();
  }
  ItemBuilder(const ItemBuilder&) = delete;
  ItemBuilder& operator=(const ItemBuilder&) = delete;

  // The next batch, in catalog order; one without items at the end.
  Result<BuiltBatch> Next() {
    std::unique_lock lock(mu_);
    changed_.wait(lock, [this] { return !queue_.empty(); });
    Result<BuiltBatch> next = std::move(queue_.front());
    queue_.pop_front();
    changed_.notify_all();
    return next;
  }

 private:
  // False when the rebuild stopped waiting for batches.
  bool Push(Result<BuiltBatch> batch) {
    std::unique_lock lock(mu_);
    changed_.wait(lock, [this] { return stopped_ || queue_.size() < kQueuedBatches; });
    if (stopped_) return false;
    queue_.push_back(std::move(batch));
    changed_.notify_all();
    return true;
  }

  std::optional<Xapian::Database> OpenVocabulary() {
    try {
      return Xapian::Database(live_.string());
    } catch (const Xapian::Error&) {
      return std::nullopt;  // none yet, or damaged: the word list still splits
    }
  }

  Status Build() {
    AKTE_ASSIGN_OR_RETURN(auto catalog, archive::Catalog::Open(catalog_file_));
    std::optional<Xapian::Database> vocabulary = OpenVocabulary();
    ItemIndexer items(*catalog, search::Analyzer::Default(), vocabulary ? &*vocabulary : nullptr);
    auto build = [&](std::string_view kind, archive::Id id) {
      try {
        return items.Build(kind, id);
      } catch (const Xapian::DatabaseModifiedError&) {
        vocabulary->reopen();  // the server committed to the live index meanwhile
        return items.Build(kind, id);
      }
    };
    bool reached = false;
    archive::Id after = after_;
    for (auto kind : kKinds) {
      if (!reached && kind != first_kind_) continue;
      if (reached) after = 0;
      reached = true;
      for (;;) {
        AKTE_ASSIGN_OR_RETURN(auto versions, catalog->ItemVersions(kind, after, kBatchItems));
        if (versions.empty()) break;
        BuiltBatch batch{kind, {}};
        for (const auto& [id, version] : versions) {
          AKTE_ASSIGN_OR_RETURN(auto item, build(kind, id));
          batch.items.emplace_back(id, std::move(item));
        }
        after = versions.back().first;
        if (!Push(std::move(batch))) return Status::Ok();
      }
    }
    return Status::Ok();
  }

  void Run() {
    Status built = GuardXapian("analyse the items to index", [this] { return Build(); });
    Push(built.ok() ? Result<BuiltBatch>(BuiltBatch{}) : Result<BuiltBatch>(built));
  }

  const fs::path catalog_file_;
  const fs::path live_;
  const std::string_view first_kind_;
  const archive::Id after_;
  std::mutex mu_;
  std::condition_variable changed_;
  std::deque<Result<BuiltBatch>> queue_;
  bool stopped_ = false;
  std::thread thread_;  // last: starts once the members above exist
};

}  // namespace

Result<ReindexReport> Reindex(archive::DataDir& dir, const IndexProgress& progress,
                              const ReindexOptions& options) {
  AKTE_ASSIGN_OR_RETURN(ReindexLock lock, ReindexLock::Take(dir.index_path()));
  search::IndexLocation location(dir.index_path());
  AKTE_ASSIGN_OR_RETURN(fs::path live, location.Current());
  ReindexReport report;
  fs::path target;
  if (auto unfinished = UnfinishedRebuild(location, live)) {
    target = *unfinished;
    report.resumed = true;
  } else {
    AKTE_ASSIGN_OR_RETURN(target, location.NextGeneration());
  }
  report.generation = target.filename().string();
  AKTE_ASSIGN_OR_RETURN(std::size_t total, CountItems(dir.catalog()));

  AKTE_RETURN_IF_ERROR(GuardXapian("rebuild the search index", [&]() -> Status {
    Xapian::WritableDatabase db(target.string(), Xapian::DB_CREATE_OR_OPEN);
    IndexUpdater updater(dir.catalog(), db);
    std::string cursor = db.get_metadata(std::string(kCursorKey));
    if (!report.resumed) {
      // Changes from here on are caught up after the rebuild.
      AKTE_ASSIGN_OR_RETURN(std::int64_t start, dir.catalog().LatestChange());
      db.set_metadata(std::string(kStartSeqKey), std::to_string(start));
      cursor = std::string(kKinds.front()) + ":0";
    }
    const std::string start_seq = db.get_metadata(std::string(kStartSeqKey));
    const auto colon = cursor.find(':');
    const std::string resume_kind = cursor.substr(0, colon);
    const archive::Id resume_after = std::stoll(cursor.substr(colon + 1));
    // What an earlier run already indexed counts as done.
    std::size_t done = 0;
    const auto first_kind = std::find(kKinds.begin(), kKinds.end(), resume_kind);
    if (first_kind == kKinds.end()) {
      return Status::Corruption("the unfinished rebuild's position '" + cursor +
                                "' names no kind of item; remove " + target.string());
    }
    for (auto kind : kKinds) {
      if (kind == resume_kind && resume_after == 0) break;
      AKTE_ASSIGN_OR_RETURN(auto versions, dir.catalog().ItemVersions(kind, 0, 1'000'000'000));
      if (kind != resume_kind) {
        done += versions.size();
        continue;
      }
      for (const auto& [id, version] : versions) done += id <= resume_after ? 1 : 0;
      break;
    }
    using Clock = std::chrono::steady_clock;
    auto last_commit = Clock::now();
    std::size_t committed_documents = 0;
    ItemBuilder builder(dir.root() / "catalog.db", live, *first_kind, resume_after);
    for (;;) {
      AKTE_ASSIGN_OR_RETURN(BuiltBatch batch, builder.Next());
      if (batch.items.empty()) break;
      for (auto& [id, item] : batch.items) {
        AKTE_RETURN_IF_ERROR(updater.AddBuilt(std::move(item), batch.kind, id));
      }
      const archive::Id after = batch.items.back().first;
      if (updater.documents_added() - committed_documents >= options.commit_documents ||
          Clock::now() - last_commit >= options.commit_interval) {
        db.set_metadata(std::string(kCursorKey),
                        std::string(batch.kind) + ":" + std::to_string(after));
        AKTE_RETURN_IF_ERROR(updater.Commit(-1));
        committed_documents = updater.documents_added();
        last_commit = Clock::now();
      }
      done += batch.items.size();
      report.items += batch.items.size();
      if (progress) progress(std::min(done, total), total);
    }
    // Bring in what changed while rebuilding, then mark the rebuild done.
    AKTE_RETURN_IF_ERROR(updater.Commit(start_seq.empty() ? 0 : std::stoll(start_seq)));
    AKTE_ASSIGN_OR_RETURN(auto caught_up, updater.CatchUp(1000, {}));
    (void)caught_up;
    db.set_metadata(std::string(kCursorKey), "");
    AKTE_RETURN_IF_ERROR(updater.Commit(-1));
    report.documents = db.get_doccount();
    db.close();
    return Status::Ok();
  }));
  AKTE_RETURN_IF_ERROR(CompactInPlace(target));
  AKTE_RETURN_IF_ERROR(location.Switch(target));
  AKTE_RETURN_IF_ERROR(location.RemoveOldGenerations());
  return report;
}

Status CompactLiveIndex(archive::DataDir& dir) {
  AKTE_ASSIGN_OR_RETURN(ReindexLock lock, ReindexLock::Take(dir.index_path()));
  search::IndexLocation location(dir.index_path());
  AKTE_ASSIGN_OR_RETURN(fs::path live, location.Current());
  if (!fs::exists(live)) return Status::Ok();
  AKTE_ASSIGN_OR_RETURN(fs::path next, location.NextGeneration());
  AKTE_RETURN_IF_ERROR(GuardXapian("compact the search index", [&]() -> Status {
    // Held open so no writer changes the index while it is copied.
    Xapian::WritableDatabase writer(live.string(), Xapian::DB_OPEN);
    Xapian::Database(live.string()).compact(next.string(), kCompaction);
    return Status::Ok();
  }));
  AKTE_RETURN_IF_ERROR(location.Switch(next));
  return location.RemoveOldGenerations();
}

Result<IndexCheckReport> CheckIndex(archive::DataDir& dir, bool repair) {
  IndexCheckReport report;
  search::IndexLocation location(dir.index_path());
  AKTE_ASSIGN_OR_RETURN(fs::path live, location.Current());
  AKTE_ASSIGN_OR_RETURN(report.catalog_seq, dir.catalog().LatestChange());

  std::map<std::string, std::int64_t> catalog_items;  // "document:12" -> version
  std::map<std::string, std::pair<std::string_view, archive::Id>> names;
  for (auto kind : kKinds) {
    AKTE_ASSIGN_OR_RETURN(auto items, dir.catalog().ItemVersions(kind, 0, 1'000'000'000));
    for (const auto& [id, version] : items) {
      const std::string key = schema::ItemKey(kind, id);
      catalog_items[key] = version;
      names[key] = {kind, id};
    }
  }
  report.items_checked = catalog_items.size();

  auto compare = [&](Xapian::Database& db) {
    report.missing.clear();
    report.stale.clear();
    report.extra.clear();
    const std::string prefix(schema::kItemPrefix);
    std::map<std::string, std::int64_t> indexed;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
      const std::string key = (*it).substr(prefix.size());
      auto posting = db.postlist_begin(*it);
      auto data = nlohmann::json::parse(db.get_document(*posting).get_data(), nullptr, false);
      indexed[key] = data.is_object() ? data.value("v", std::int64_t{-1}) : -1;
    }
    for (const auto& [key, version] : catalog_items) {
      auto it = indexed.find(key);
      if (it == indexed.end()) {
        report.missing.push_back(key);
      } else if (it->second != version) {
        report.stale.push_back(key);
      }
    }
    for (const auto& [key, version] : indexed) {
      if (!catalog_items.contains(key)) report.extra.push_back(key);
    }
    const std::string seq = db.get_metadata(std::string(schema::kCatalogSeqKey));
    report.index_seq = seq.empty() ? 0 : std::stoll(seq);
  };

  AKTE_RETURN_IF_ERROR(GuardXapian("check the search index", [&]() -> Status {
    if (!repair) {
      if (!fs::exists(live)) {
        for (const auto& [key, version] : catalog_items) report.missing.push_back(key);
        return Status::Ok();
      }
      Xapian::Database db(live.string());
      compare(db);
      return Status::Ok();
    }
    Xapian::WritableDatabase db(live.string(), Xapian::DB_CREATE_OR_OPEN);
    IndexUpdater updater(dir.catalog(), db);
    compare(db);
    if (report.clean()) return Status::Ok();
    for (const auto* list : {&report.missing, &report.stale, &report.extra}) {
      for (const auto& key : *list) {
        auto name = names.find(key);
        if (name != names.end()) {
          AKTE_RETURN_IF_ERROR(updater.Apply(name->second.first, name->second.second));
        } else {
          db.delete_document(std::string(schema::kItemPrefix) + key);
        }
      }
    }
    AKTE_RETURN_IF_ERROR(updater.Commit(report.catalog_seq));
    report.repaired = true;
    return Status::Ok();
  }));
  return report;
}

}  // namespace akte::indexer
