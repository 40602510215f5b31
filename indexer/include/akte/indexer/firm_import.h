// Loading a whole firm prepared elsewhere (the bundled sample firm, or
// records migrated from other software) from a manifest beside its files:
// users, settings, custom fields, customers (CSV), contacts (vCard),
// business records and payments (CSV), conditions, documents, a mailbox,
// notes and history events with their original times. The manifest format
// is described in samples/README.md.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "akte/archive/data_dir.h"
#include "akte/indexer/pipeline.h"

namespace akte::indexer {

struct FirmImportReport {
  std::size_t users = 0;  // added; users that exist already are kept as they are
  std::size_t customers = 0;
  std::size_t contacts = 0;
  std::size_t records = 0;  // business records and payments (lines of records_csv)
  std::size_t conditions = 0;
  std::size_t documents = 0;
  std::size_t mail_messages = 0;
  std::size_t notes = 0;
  std::size_t events = 0;
};

// Loads the firm of `manifest` (a manifest.json) into `dir`, which must not
// hold customers yet, so a firm is never loaded twice. The manifest's
// structure and every file it names are checked before anything is stored,
// the customer CSV before any customer is; a problem is InvalidArgument or
// NotFound naming the entry. The customer, contact and records files are
// stored all or nothing each, and a problem in one is InvalidArgument naming
// the file and its lines. A problem found only while storing (a record the
// catalog refuses, a line of those files) stops the load where it is: load
// into a new data directory, as `akte demo` does, to be able to start over.
// Documents and messages are stored pending: extract and index them
// afterwards.
Result<FirmImportReport> ImportFirm(archive::DataDir& dir, const archive::Actor& by,
                                    const std::filesystem::path& manifest,
                                    const PipelineOptions& options);

}  // namespace akte::indexer
