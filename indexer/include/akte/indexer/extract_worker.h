// The sandboxed extraction worker's entry point, run as `akte extract-worker`
// in a process of its own: format libraries that crash, hang or exhaust
// memory on a hostile file take only this process down, never the caller
// that owns the catalog and the index.
#pragma once

#include <cstdint>

namespace akte::indexer {

// Answers extraction requests read from `in_fd` on `out_fd` until `in_fd`
// ends, then returns 0. Caps its own address space at `memory_limit` bytes
// (not in AddressSanitizer builds, whose shadow memory needs terabytes of
// address space; the pipeline then watches resident memory instead), and
// its CPU time per request as each request says.
int RunExtractWorker(int in_fd, int out_fd, std::uint64_t memory_limit);

}  // namespace akte::indexer
