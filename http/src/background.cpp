#include "background.h"

namespace akte::http {

Result<std::unique_ptr<Background>> Background::Open(archive::DataDir& dir,
                                                     indexer::PipelineOptions pipeline,
                                                     std::ostream* log) {
  AKTE_ASSIGN_OR_RETURN(auto writer, indexer::IndexWriter::Open(dir));
  return std::unique_ptr<Background>(
      new Background(dir, std::move(writer), std::move(pipeline), log));
}

Background::Background(archive::DataDir& dir, std::unique_ptr<indexer::IndexWriter> writer,
                       indexer::PipelineOptions pipeline, std::ostream* log)
    : dir_(dir), writer_(std::move(writer)), pipeline_(std::move(pipeline)), log_(log) {}

Background::~Background() { Stop(); }

void Background::Start() {
  writer_->Start();
  if (!extractor_.joinable()) extractor_ = std::thread([this] { ExtractLoop(); });
}

void Background::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (extractor_.joinable()) extractor_.join();
  writer_->Stop();
}

void Background::Notify() {
  {
    std::lock_guard lock(mutex_);
    work_ = true;
  }
  wake_.notify_all();
  writer_->Notify();
}

void Background::ExtractLoop() {
  indexer::ExtractionPipeline pipeline(dir_, pipeline_);
  for (;;) {
    {
      std::unique_lock lock(mutex_);
      // Also look now and then: another process (`akte doc import`) may
      // have filed documents the server was not told about.
      wake_.wait_for(lock, std::chrono::seconds(5), [this] { return work_ || stopping_; });
      if (stopping_) return;
      work_ = false;
    }
    auto summary = pipeline.ExtractPending(
        [this](const indexer::ExtractionProgress& progress) {
          backlog_ = progress.queued > progress.done ? progress.queued - progress.done : 0;
          writer_->Notify();
        },
        // Documents uploaded meanwhile join this run.
        [this] {
          std::lock_guard lock(mutex_);
          if (!work_ || stopping_) return false;
          work_ = false;
          return true;
        });
    backlog_ = 0;
    if (!summary.ok() && log_) {
      *log_ << "akte serve: extraction: " << summary.status().ToString() << "\n";
    }
    writer_->Notify();
  }
}

}  // namespace akte::http
