#include "akte/indexer/index_writer.h"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "akte/search/index_location.h"
#include "akte/search/schema.h"
#include "index_updater.h"

namespace akte::indexer {

struct IndexWriter::State {
  archive::DataDir& dir;
  IndexWriterOptions options;
  search::IndexLocation location;
  std::string generation;
  std::unique_ptr<Xapian::WritableDatabase> db;

  std::atomic<std::int64_t> indexed_seq{0};
  std::thread thread;
  mutable std::mutex mu;
  std::condition_variable wake;
  bool stopping = false;
  bool notified = false;
  Status last_error;

  State(archive::DataDir& d, IndexWriterOptions o) : dir(d), options(o), location(d.index_path()) {}

  // Opens the live generation, or reopens it when a rebuild has switched it.
  Status OpenLive() {
    AKTE_ASSIGN_OR_RETURN(std::string name, location.CurrentName());
    if (db && name == generation) return Status::Ok();
    return GuardXapian("open the search index", [&] {
      if (db) db->close();
      db.reset();
      std::error_code ec;
      std::filesystem::create_directories(location.dir(), ec);
      db = std::make_unique<Xapian::WritableDatabase>((location.dir() / name).string(),
                                                      Xapian::DB_CREATE_OR_OPEN);
      generation = name;
      const std::string built_by = db->get_metadata(std::string(search::schema::kSchemaKey));
      if (!built_by.empty() && built_by != search::schema::kSchemaVersion) {
        db.reset();
        return Status::FailedPrecondition(
            "the search index was built by another version of akte; rebuild it with "
            "`akte reindex`");
      }
      indexed_seq = IndexUpdater(dir.catalog(), *db).IndexedSeq();
      // Naming the first generation live makes it what readers open.
      if (!std::filesystem::exists(location.dir() / "CURRENT")) {
        return location.Switch(location.dir() / name);
      }
      return Status::Ok();
    });
  }

  Result<CatchUpReport> CatchUp(const IndexProgress& progress) {
    AKTE_RETURN_IF_ERROR(OpenLive());
    Result<CatchUpReport> report = CatchUpReport{};
    Status status = GuardXapian("update the search index", [&] {
      IndexUpdater updater(dir.catalog(), *db);
      report = updater.CatchUp(options.batch_changes, progress);
      return report.status();
    });
    if (!status.ok()) return status;
    indexed_seq = report->seq;
    return report;
  }

  void Run() {
    std::unique_lock lock(mu);
    while (!stopping) {
      notified = false;
      lock.unlock();
      Status status = CatchUp({}).status();
      lock.lock();
      last_error = status;
      wake.wait_for(lock, options.poll_interval, [this] { return stopping || notified; });
    }
  }
};

IndexWriter::IndexWriter(std::unique_ptr<State> state) : state_(std::move(state)) {}

IndexWriter::~IndexWriter() {
  Stop();
  if (state_->db) {
    (void)GuardXapian("close the search index", [&] {
      state_->db->close();
      return Status::Ok();
    });
  }
}

Result<std::unique_ptr<IndexWriter>> IndexWriter::Open(archive::DataDir& dir,
                                                       IndexWriterOptions options) {
  auto state = std::make_unique<State>(dir, options);
  AKTE_RETURN_IF_ERROR(state->OpenLive());
  return std::unique_ptr<IndexWriter>(new IndexWriter(std::move(state)));
}

Result<CatchUpReport> IndexWriter::CatchUp(const IndexProgress& progress) {
  return state_->CatchUp(progress);
}

void IndexWriter::Start() {
  std::lock_guard lock(state_->mu);
  if (state_->thread.joinable()) return;
  state_->stopping = false;
  state_->thread = std::thread([state = state_.get()] { state->Run(); });
}

void IndexWriter::Notify() {
  std::lock_guard lock(state_->mu);
  state_->notified = true;
  state_->wake.notify_one();
}

void IndexWriter::Stop() {
  {
    std::lock_guard lock(state_->mu);
    state_->stopping = true;
    state_->wake.notify_one();
  }
  if (state_->thread.joinable()) state_->thread.join();
}

Status IndexWriter::last_error() const {
  std::lock_guard lock(state_->mu);
  return state_->last_error;
}

std::int64_t IndexWriter::IndexedSeq() const { return state_->indexed_seq; }

}  // namespace akte::indexer
