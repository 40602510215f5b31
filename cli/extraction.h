// Running the extraction pipeline from the command line.
#pragma once

#include "akte/archive/data_dir.h"
#include "akte/indexer/pipeline.h"

namespace akte::cli {

// This executable as the sandboxed worker, and the limits from the settings.
Result<indexer::PipelineOptions> PipelineOptionsFor(archive::DataDir& dir);

// Extracts every pending document with a progress display, indexes what it
// extracts (unless another process owns the index), prints a summary and
// returns the exit code (0 also when documents ended failed: that is
// their state, not an error of the command).
// With `more_coming`, also extracts what is filed meanwhile, while it
// returns true. Without `index`, indexing is left to the next search (or
// `akte reindex`).
int ExtractAndReport(archive::DataDir& dir, const std::function<bool()>& more_coming = {},
                     bool index = true);

}  // namespace akte::cli
