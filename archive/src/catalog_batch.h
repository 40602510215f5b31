// Catalog::ImportBatch, shared by the customer and contact imports.
#pragma once

#include "akte/archive/catalog.h"
#include "sqlite_db.h"

namespace akte::archive {

// Inserts each draft inside its own savepoint, so a bad draft is undone
// alone and the rest are still checked; commits only when all succeeded.
template <typename T, typename Draft, typename Insert>
Result<BatchOutcome<T>> Catalog::ImportBatch(std::vector<Draft> drafts, bool dry_run,
                                             const Insert& insert) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  BatchOutcome<T> outcome;
  std::vector<T> created;
  for (std::size_t i = 0; i < drafts.size(); ++i) {
    AKTE_RETURN_IF_ERROR(conn.Execute("SAVEPOINT draft"));
    Result<T> stored = insert(conn, std::move(drafts[i]));
    if (stored.ok()) {
      created.push_back(std::move(stored).value());
      AKTE_RETURN_IF_ERROR(conn.Execute("RELEASE draft"));
      continue;
    }
    const StatusCode code = stored.status().code();
    if (code != StatusCode::kInvalidArgument && code != StatusCode::kAlreadyExists &&
        code != StatusCode::kNotFound) {
      return stored.status();  // the catalog itself failed: abort, roll back
    }
    outcome.problems.emplace_back(i, stored.status());
    AKTE_RETURN_IF_ERROR(conn.Execute("ROLLBACK TO draft; RELEASE draft"));
  }
  if (outcome.problems.empty() && !dry_run) {
    AKTE_RETURN_IF_ERROR(tx.Commit());
    outcome.created = std::move(created);
  }
  return outcome;
}

}  // namespace akte::archive
