// Catalog: notes and history events carried over from other software.
#include <algorithm>

#include "akte/archive/catalog.h"
#include "catalog_batch.h"
#include "catalog_rows.h"
#include "sqlite_db.h"
#include "validation.h"

namespace akte::archive {
namespace {

// The akte user a line names by username or display name (any case).
Result<Actor> AuthorNamed(sql::Connection& conn, const std::string& name) {
  const std::string trimmed = Trim(name);
  if (trimmed.empty()) return Status::InvalidArgument("the author is missing", "author");
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn.Prepare("SELECT id, username FROM users WHERE "
                                                "username = ?1 COLLATE NOCASE OR "
                                                "display_name = ?1 COLLATE NOCASE ORDER BY id"));
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(trimmed).Step());
  if (!row) {
    return Status::InvalidArgument("there is no user '" + trimmed +
                                       "'; add former colleagues with `akte user add` and "
                                       "disable them, so their history keeps their name",
                                   "author");
  }
  return Actor{stmt.Int(0), stmt.Text(1)};
}

// The contact of `customer_id` named "First Last", "Last, First" or "Last".
Result<std::optional<Id>> ContactNamed(sql::Connection& conn, Id customer_id,
                                       const std::string& name) {
  const std::string wanted = Trim(name);
  if (wanted.empty()) return std::optional<Id>();
  AKTE_ASSIGN_OR_RETURN(
      auto ids, rows::IdsOf(conn, "SELECT id FROM contacts WHERE customer_id = ?", customer_id));
  std::vector<Id> found;
  for (Id id : ids) {
    AKTE_ASSIGN_OR_RETURN(Contact c, rows::LoadContact(conn, id));
    const std::vector<std::string> spellings = {JoinNonEmpty({c.first_name, c.last_name}, " "),
                                                c.last_name + ", " + c.first_name, c.last_name,
                                                c.DisplayName()};
    if (std::find(spellings.begin(), spellings.end(), wanted) != spellings.end()) {
      found.push_back(id);
    }
  }
  if (found.size() == 1) return std::optional<Id>(found.front());
  return Status::InvalidArgument(
      (found.empty() ? "the customer has no contact named '" : "several contacts are named '") +
          wanted + "'",
      "contact");
}

}  // namespace

Result<BatchOutcome<Id>> Catalog::ImportHistory(const Actor& by,
                                                std::vector<HistoryImportLine> lines,
                                                bool dry_run) {
  return ImportBatch<Id>(
      std::move(lines), dry_run, [&](sql::Connection& conn, HistoryImportLine line) -> Result<Id> {
        AKTE_ASSIGN_OR_RETURN(Id customer_id, rows::CustomerIdByNumber(conn, line.customer_number));
        AKTE_ASSIGN_OR_RETURN(Actor author, AuthorNamed(conn, line.author));
        AKTE_ASSIGN_OR_RETURN(auto contact_id, ContactNamed(conn, customer_id, line.contact_name));
        if (Trim(line.at).empty()) {
          return Status::InvalidArgument("the time is missing; an import keeps the original one",
                                         "at");
        }
        if (line.is_note) {
          AKTE_ASSIGN_OR_RETURN(Note note, InsertNote(conn, author, customer_id, contact_id,
                                                      line.text, line.at, by, "import"));
          return note.id;
        }
        Event event;
        event.customer_id = customer_id;
        event.contact_id = contact_id;
        event.type = line.type;
        event.subject = line.subject;
        event.text = line.text;
        event.occurred_at = line.at;
        AKTE_ASSIGN_OR_RETURN(Event stored,
                              InsertEvent(conn, author, std::move(event), by, "import"));
        return stored.id;
      });
}

}  // namespace akte::archive
