#include "extraction.h"

#include <filesystem>
#include <iostream>

#include "akte/indexer/index_writer.h"
#include "akte/indexer/limits.h"
#include "context.h"
#include "progress.h"

namespace akte::cli {

Result<indexer::PipelineOptions> PipelineOptionsFor(archive::DataDir& dir) {
  indexer::PipelineOptions options;
  std::error_code ec;
  options.worker_executable = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (ec) return Status::Internal("cannot find the akte executable: " + ec.message());
  AKTE_ASSIGN_OR_RETURN(options.limits, indexer::LoadLimits(dir.catalog()));
  return options;
}

constexpr std::size_t kCompactAfterDocuments = 200;

int ExtractAndReport(archive::DataDir& dir, const std::function<bool()>& more_coming, bool index) {
  auto options = PipelineOptionsFor(dir);
  if (!options.ok()) return Fail(options.status());
  indexer::ExtractionPipeline pipeline(dir, *options);
  // Index what is extracted while the rest is extracted, unless the server
  // owns the index (it follows the catalog itself). Frequent commits keep
  // the writer abreast of the workers: a lagging writer would leave most of
  // the indexing until after the last extraction.
  auto writer = index ? indexer::IndexWriter::Open(dir)
                      : Result<std::unique_ptr<indexer::IndexWriter>>(
                            Status::Unavailable("indexing left for later"));
  if (writer.ok()) (*writer)->Start();
  Progress progress("Extracting");
  auto summary = pipeline.ExtractPending(
      [&progress](const indexer::ExtractionProgress& p) {
        std::string item;
        if (p.document) {
          item = "#" + std::to_string(p.document->id) + " " + p.document->filename + ": " +
                 p.document->extraction_state;
        }
        progress.Update(p.done, p.queued, item);
      },
      more_coming);
  progress.Finish();
  if (writer.ok()) {
    (*writer)->Stop();
    auto indexed = (*writer)->CatchUp();
    if (!indexed.ok()) return Fail(indexed.status());
    writer->reset();  // closes the index, so it can be compacted
    // Indexing alongside the workers commits often, which leaves the index
    // two to three times its compact size after a large import.
    if (summary.ok() && summary->documents >= kCompactAfterDocuments) {
      if (Status s = indexer::CompactLiveIndex(dir); !s.ok()) return Fail(s);
    }
  }
  if (!summary.ok()) return Fail(summary.status());
  if (summary->documents == 0) return kExitOk;
  std::cout << "Extracted " << summary->documents << " documents:";
  for (const auto& [state, count] : summary->by_state) std::cout << " " << count << " " << state;
  std::cout << ".\n";
  return kExitOk;
}

}  // namespace akte::cli
