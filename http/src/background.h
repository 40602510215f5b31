// The server's background work: the index writer thread (the only owner of
// the Xapian WritableDatabase) and one extraction thread that runs the
// sandboxed extraction pipeline over pending documents. Uploads only wake
// them, so an upload is answered as soon as its bytes are durable.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <ostream>
#include <thread>

#include "akte/archive/data_dir.h"
#include "akte/indexer/index_writer.h"
#include "akte/indexer/pipeline.h"

namespace akte::http {

class Background {
 public:
  // Opens the index for writing: Unavailable when another process has it.
  static Result<std::unique_ptr<Background>> Open(archive::DataDir& dir,
                                                  indexer::PipelineOptions pipeline,
                                                  std::ostream* log);
  ~Background();  // Stop()

  void Start();
  // Finishes the document being extracted and the index batch, then ends.
  void Stop();

  // Something changed in the catalog: index it (and extract new documents).
  void Notify();

  // The change-feed position the index stands at.
  std::int64_t IndexedSeq() const { return writer_->IndexedSeq(); }
  // Documents waiting for extraction, as last seen.
  std::size_t ExtractionBacklog() const { return backlog_; }

 private:
  Background(archive::DataDir& dir, std::unique_ptr<indexer::IndexWriter> writer,
             indexer::PipelineOptions pipeline, std::ostream* log);
  void ExtractLoop();

  archive::DataDir& dir_;
  std::unique_ptr<indexer::IndexWriter> writer_;
  indexer::PipelineOptions pipeline_;
  std::ostream* log_;
  std::thread extractor_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  bool work_ = true;  // look for pending documents at start
  std::atomic<std::size_t> backlog_{0};
};

}  // namespace akte::http
