// The messages between the pipeline and its sandboxed extraction worker,
// private to indexer/. Requests are one JSON line; answers are a decimal
// byte count, a newline, then that many bytes: a JSON line with everything
// but the text, then the text itself.
#pragma once

#include <string>

#include "akte/archive/status.h"
#include "extractor.h"

namespace akte::indexer {

struct WorkerRequest {
  std::string file;      // path of the input (a stored blob, read-only)
  std::string filename;  // original name, a MIME tie-breaker
  std::string scratch_dir;
  int depth = 0;
  ExtractionLimits limits;
};

std::string EncodeRequest(const WorkerRequest& request);
Result<WorkerRequest> DecodeRequest(std::string_view line);

std::string EncodeExtraction(const Extraction& extraction);
Result<Extraction> DecodeExtraction(std::string_view json);

// The extractor's metadata as the JSON object the catalog stores, and back.
std::string MetadataJson(const Metadata& metadata);
Metadata DecodeMetadata(std::string_view json);

}  // namespace akte::indexer
