// The extraction pipeline: every pending document of a data directory goes
// through a pool of sandboxed worker processes; what they find (text,
// metadata, files inside) is recorded in the catalog, files found inside
// become pending child documents and are extracted in turn, and emails are
// filed under the customer their addresses name (or left in the inbox).
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <map>
#include <string>

#include "akte/archive/data_dir.h"
#include "akte/indexer/limits.h"

namespace akte::indexer {

struct PipelineOptions {
  // The akte executable, run as `<it> extract-worker` for each worker.
  std::filesystem::path worker_executable;
  int workers = 0;  // 0: one per CPU core
  ExtractionLimits limits;
};

struct ExtractionProgress {
  std::size_t done = 0;
  std::size_t queued = 0;                       // grows as files are found inside documents
  const archive::Document* document = nullptr;  // the one just finished
};
using ProgressCallback = std::function<void(const ExtractionProgress&)>;

struct ExtractionSummary {
  std::size_t documents = 0;
  std::map<std::string, std::size_t> by_state;  // "extracted" -> 12, "failed" -> 1, ...
  std::size_t skipped = 0;                      // extracted meanwhile by another process
};

// One pipeline per data directory and thread of control; its methods are
// not meant to be called concurrently.
class ExtractionPipeline {
 public:
  ExtractionPipeline(archive::DataDir& dir, PipelineOptions options);

  // Extracts every pending document, including the children found along the
  // way, until none is pending; `progress` is called after each document
  // (from the pipeline's threads, one at a time). While `more_coming`
  // returns true, documents filed meanwhile (by another thread or process)
  // are picked up too, so that filing and extraction overlap.
  Result<ExtractionSummary> ExtractPending(const ProgressCallback& progress = {},
                                           const std::function<bool()>& more_coming = {});

  // Splits a mailbox file (mbox) into its messages in the sandbox and files
  // each as a document of its own, assigned by address; messages already
  // stored anywhere are skipped. Returns the new documents' ids (pending).
  Result<std::vector<archive::Id>> ImportMailbox(const archive::Actor& by,
                                                 const std::filesystem::path& mbox);

 private:
  archive::DataDir& dir_;
  PipelineOptions options_;
};

// Files an inbox document under a customer; an email also gets its history
// entry (incoming or outgoing by the firm's addresses), as if it had been
// filed automatically.
Result<archive::Document> AssignFromInbox(archive::DataDir& dir, const archive::Actor& by,
                                          archive::Id document_id, archive::Id customer_id);

}  // namespace akte::indexer
