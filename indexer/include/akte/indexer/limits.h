// Resource limits for text extraction, configurable with sensible defaults
// (README.md, "Extraction limits"). A document that exceeds one ends in state
// `failed` with the limit named; the stored original is never touched.
#pragma once

#include <cstdint>
#include <string_view>

#include "akte/archive/catalog.h"

namespace akte::indexer {

struct ExtractionLimits {
  // Per document, enforced on the sandboxed worker process.
  int cpu_seconds = 60;                                    // RLIMIT_CPU
  int wall_seconds = 120;                                  // killed after this
  std::uint64_t address_space = std::uint64_t{2} << 30;    // RLIMIT_AS, bytes
  std::uint64_t max_text_bytes = std::uint64_t{32} << 20;  // longer text is cut

  // Bundles (zip, tar, 7z) and containers (office files, emails).
  int max_members = 10'000;                                   // entries per bundle
  std::uint64_t max_member_bytes = std::uint64_t{512} << 20;  // one entry, uncompressed
  std::uint64_t max_total_bytes = std::uint64_t{1} << 30;     // all entries, uncompressed
  double max_compression_ratio = 200.0;                       // uncompressed / compressed
  int max_depth = 5;  // nesting of bundles in bundles (and mails in mails)
  // XML parts of office files, uncompressed.
  std::uint64_t max_xml_bytes = std::uint64_t{256} << 20;
};

// The limits as configured in the catalog's settings ("extract.cpu_seconds",
// "extract.wall_seconds", "extract.memory_mb", "extract.max_text_mb",
// "extract.max_members", "extract.max_member_mb", "extract.max_total_mb",
// "extract.max_ratio", "extract.max_depth"), defaults for the rest.
Result<ExtractionLimits> LoadLimits(archive::Catalog& catalog);

// Ok when `key` is not a limit, or when `value` is a valid value for it;
// InvalidArgument naming the key and the allowed range otherwise.
Status CheckLimitSetting(std::string_view key, std::string_view value);

}  // namespace akte::indexer
