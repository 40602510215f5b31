// The catalog's schema and its migrations (PRAGMA user_version).
#pragma once

#include "akte/archive/status.h"
#include "sqlite_db.h"

namespace akte::archive {

// The schema version this build writes.
int LatestSchemaVersion();

// Brings the catalog to LatestSchemaVersion(), one transaction per step; a
// no-op when it is current. FailedPrecondition for a catalog from a newer akte.
Status Migrate(sql::Connection& conn);

}  // namespace akte::archive
