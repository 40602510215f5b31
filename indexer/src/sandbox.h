// The parent side of the extraction sandbox, private to indexer/: starts an
// `extract-worker` process, hands it one document at a time, and enforces
// the wall-clock and memory limits from outside. A worker that crashes,
// hangs or outgrows its limits is killed and replaced; the document it was
// working on gets state `failed` with the reason. Starting a worker makes
// the process ignore SIGPIPE, so that a worker dying cannot kill its parent.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <string>

#include "worker_protocol.h"

namespace akte::indexer {

struct WorkerCommand {
  std::filesystem::path executable;  // run as `<executable> extract-worker --memory N`
  std::uint64_t memory_limit = std::uint64_t{2} << 30;
};

// Not thread-safe: one thread drives one worker.
class SandboxedWorker {
 public:
  explicit SandboxedWorker(WorkerCommand command) : command_(std::move(command)) {}
  ~SandboxedWorker();
  SandboxedWorker(const SandboxedWorker&) = delete;
  SandboxedWorker& operator=(const SandboxedWorker&) = delete;

  // Extracts one document. Never fails: a worker that cannot start, crashes,
  // times out or exceeds a limit comes back as an Extraction in state
  // `failed` whose error says which.
  Extraction Run(const WorkerRequest& request);

  pid_t pid() const { return pid_; }

 private:
  Status Start();
  // Ends the worker (if still running) and returns its wait status.
  int Stop();
  // One attempt: sends `request`, waits for the answer. Sets `quit` when the
  // worker ended normally without answering (it had already been told to
  // stop, or died between requests), which deserves one retry.
  Extraction Exchange(const WorkerRequest& request, bool& quit);
  // Why the worker ended, from its wait status.
  std::string DescribeEnd(int wait_status, const ExtractionLimits& limits) const;

  WorkerCommand command_;
  pid_t pid_ = -1;
  int to_worker_ = -1;
  int from_worker_ = -1;
  int requests_served_ = 0;
};

}  // namespace akte::indexer
