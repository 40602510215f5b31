// Catalog: what extraction found in documents, and the inbox of documents
// that wait for a person to choose their customer.
#include <string>

#include "akte/archive/catalog.h"
#include "catalog_rows.h"
#include "json_codec.h"
#include "sqlite_db.h"
#include "text_codec.h"

namespace akte::archive {
namespace {

std::string Json(const Document& d) { return nlohmann::json(d).dump(); }

Result<Actor> UploaderOf(sql::Connection& conn, Id document_id) {
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn.Prepare("SELECT u.id, u.username FROM documents d "
                                                "JOIN users u ON u.id = d.uploaded_by "
                                                "WHERE d.id = ?"));
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(document_id).Step());
  if (!row) return Status::NotFound("document " + std::to_string(document_id) + " does not exist");
  return Actor{stmt.Int(0), stmt.Text(1)};
}

Status SaveText(sql::Connection& conn, Id document_id, const ExtractionRecord& record,
                const std::string& now) {
  AKTE_ASSIGN_OR_RETURN(
      auto upsert,
      conn.Prepare("INSERT INTO document_texts(document_id, compressed, size, truncated, metadata, "
                   "extracted_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(document_id) DO UPDATE "
                   "SET compressed = excluded.compressed, size = excluded.size, "
                   "truncated = excluded.truncated, metadata = excluded.metadata, "
                   "extracted_at = excluded.extracted_at"));
  const std::string compressed = CompressText(record.text);
  return upsert
      .Bind(document_id, sql::BlobArg{compressed}, static_cast<std::int64_t>(record.text.size()),
            record.text_truncated ? 1 : 0, record.metadata_json, now)
      .Run();
}

// Files a document and everything found inside it under `customer_id`.
Status FileTree(sql::Connection& conn, Id document_id, Id customer_id) {
  AKTE_ASSIGN_OR_RETURN(
      auto update,
      conn.Prepare("WITH RECURSIVE tree(id) AS (SELECT ?1 UNION ALL SELECT d.id FROM documents d "
                   "JOIN tree t ON d.parent_id = t.id) UPDATE documents SET customer_id = ?2, "
                   "inbox_reason = '', version = version + 1 WHERE id IN (SELECT id FROM tree)"));
  return update.Bind(document_id, customer_id).Run();
}

}  // namespace

Result<std::vector<Document>> Catalog::RecordExtraction(const Actor& by, Id document_id,
                                                        const ExtractionRecord& record,
                                                        std::vector<Document> children) {
  // Everything recorded here is derived from the stored original: should a
  // crash lose this commit, the document is simply pending again.
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_, sql::Durability::kRelaxed));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(Document before, rows::LoadDocument(conn, document_id));
  if (before.extraction_state != kStatePending) {
    return Status::FailedPrecondition("document " + std::to_string(document_id) +
                                      " is no longer pending (state " + before.extraction_state +
                                      ")");
  }
  AKTE_ASSIGN_OR_RETURN(Actor uploader, UploaderOf(conn, document_id));
  std::optional<Id> customer_id = before.customer_id;
  if (!customer_id && record.customer_id) {
    AKTE_ASSIGN_OR_RETURN(Customer customer, rows::LoadCustomer(conn, *record.customer_id));
    customer_id = customer.id;
    AKTE_RETURN_IF_ERROR(FileTree(conn, document_id, customer.id));
  }
  {
    AKTE_ASSIGN_OR_RETURN(
        auto update,
        conn.Prepare("UPDATE documents SET extraction_state = ?1, extraction_error = ?2, "
                     "mime_type = CASE ?3 WHEN '' THEN mime_type ELSE ?3 END, "
                     "title = CASE ?4 WHEN '' THEN title ELSE ?4 END, inbox_reason = ?5, "
                     "document_date = CASE document_date WHEN '' THEN ?7 ELSE document_date END, "
                     "version = version + 1 WHERE id = ?6"));
    AKTE_RETURN_IF_ERROR(update
                             .Bind(record.state, record.error, record.mime_type, record.title,
                                   customer_id ? "" : record.inbox_reason, document_id,
                                   record.document_date)
                             .Run());
  }
  const std::string now = Now();
  AKTE_RETURN_IF_ERROR(SaveText(conn, document_id, record, now));

  std::vector<Document> stored_children;
  for (auto& child : children) {
    child.parent_id = document_id;
    child.customer_id = customer_id;
    child.contact_id = before.contact_id;
    child.extraction_state = kStatePending;
    if (child.document_date.empty()) {
      child.document_date =
          before.document_date.empty() ? record.document_date : before.document_date;
    }
    AKTE_ASSIGN_OR_RETURN(Document stored,
                          InsertDocument(conn, uploader.user_id, std::move(child)));
    AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, "create", "document", stored.id, "", Json(stored)));
    stored_children.push_back(std::move(stored));
  }
  // An email logged by hand with its file (akte log email) has its history
  // event already; the message gets no second one.
  AKTE_ASSIGN_OR_RETURN(
      auto logged,
      rows::IdsOf(conn, "SELECT event_id FROM event_documents WHERE document_id = ?", document_id));
  if (record.event && customer_id && logged.empty()) {
    Event event = *record.event;
    event.customer_id = *customer_id;
    event.document_ids = {document_id};
    AKTE_ASSIGN_OR_RETURN(Event stored,
                          InsertEvent(conn, uploader, std::move(event), uploader, "create"));
    (void)stored;
  }
  AKTE_ASSIGN_OR_RETURN(Document after, rows::LoadDocument(conn, document_id));
  AKTE_RETURN_IF_ERROR(
      WriteAudit(conn, by, "extract", "document", document_id, Json(before), Json(after)));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return stored_children;
}

Result<std::optional<StoredText>> Catalog::GetText(Id document_id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare("SELECT compressed, size, truncated, metadata, "
                                                 "extracted_at FROM document_texts "
                                                 "WHERE document_id = ?"));
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(document_id).Step());
  if (!row) return std::optional<StoredText>();
  AKTE_ASSIGN_OR_RETURN(std::string text,
                        DecompressText(stmt.Blob(0), static_cast<std::size_t>(stmt.Int(1))));
  return std::optional<StoredText>(
      StoredText{std::move(text), stmt.Int(2) != 0, stmt.Text(3), stmt.Text(4)});
}

Result<std::vector<Id>> Catalog::DocumentsInState(std::string_view state, int limit) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare("SELECT id FROM documents WHERE "
                                                 "extraction_state = ? ORDER BY id LIMIT ?"));
  stmt.Bind(state, limit);
  std::vector<Id> ids;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    ids.push_back(stmt.Int(0));
  }
  return ids;
}

Result<int> Catalog::ResetFailed(const Actor& by) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(
      auto ids,
      rows::IdsOf(conn, "SELECT id FROM documents WHERE extraction_state = 'failed' ORDER BY id"));
  AKTE_ASSIGN_OR_RETURN(auto update,
                        conn.Prepare("UPDATE documents SET extraction_state = 'pending', "
                                     "extraction_error = '', version = version + 1 WHERE id = ?"));
  for (Id id : ids) {
    AKTE_ASSIGN_OR_RETURN(Document before, rows::LoadDocument(conn, id));
    AKTE_RETURN_IF_ERROR(update.Bind(id).Run());
    AKTE_ASSIGN_OR_RETURN(Document after, rows::LoadDocument(conn, id));
    AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, "retry", "document", id, Json(before), Json(after)));
  }
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return static_cast<int>(ids.size());
}

Result<std::vector<Document>> Catalog::Inbox() {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(auto ids,
                        rows::IdsOf(*conn,
                                    "SELECT id FROM documents WHERE customer_id IS NULL AND "
                                    "parent_id IS NULL ORDER BY id"));
  std::vector<Document> documents;
  for (Id id : ids) {
    AKTE_ASSIGN_OR_RETURN(Document d, rows::LoadDocument(*conn, id));
    documents.push_back(std::move(d));
  }
  return documents;
}

Result<Document> Catalog::AssignDocument(const Actor& by, Id document_id, Id customer_id,
                                         std::optional<Event> event) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(Document before, rows::LoadDocument(conn, document_id));
  if (before.customer_id) {
    return Status::FailedPrecondition("document " + std::to_string(document_id) +
                                      " is already filed under a customer");
  }
  if (before.parent_id) {
    return Status::FailedPrecondition("document " + std::to_string(document_id) +
                                      " sits inside document " + std::to_string(*before.parent_id) +
                                      "; assign that one");
  }
  AKTE_ASSIGN_OR_RETURN(Customer customer, rows::LoadCustomer(conn, customer_id));
  AKTE_RETURN_IF_ERROR(FileTree(conn, document_id, customer.id));
  if (event) {
    event->customer_id = customer.id;
    event->document_ids = {document_id};
    AKTE_ASSIGN_OR_RETURN(Event stored, InsertEvent(conn, by, std::move(*event), by, "create"));
    (void)stored;
  }
  AKTE_ASSIGN_OR_RETURN(Document after, rows::LoadDocument(conn, document_id));
  AKTE_RETURN_IF_ERROR(
      WriteAudit(conn, by, "assign", "document", document_id, Json(before), Json(after)));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return after;
}

Result<std::optional<Document>> Catalog::FindDocumentAnywhere(std::string_view sha256) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  std::optional<Id> id;
  {
    AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare("SELECT id FROM documents WHERE sha256 = ? "
                                                   "AND parent_id IS NULL ORDER BY id LIMIT 1"));
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(sha256).Step());
    if (row) id = stmt.Int(0);
  }
  if (!id) return std::optional<Document>();
  AKTE_ASSIGN_OR_RETURN(Document d, rows::LoadDocument(*conn, *id));
  return std::optional<Document>(std::move(d));
}

Result<int> Catalog::DocumentDepth(Id id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(
      auto stmt, conn->Prepare("WITH RECURSIVE up(id, depth) AS (SELECT parent_id, 0 FROM "
                               "documents WHERE id = ?1 UNION ALL SELECT d.parent_id, up.depth + 1 "
                               "FROM documents d JOIN up ON d.id = up.id WHERE up.depth < 100) "
                               "SELECT count(*) FROM up WHERE id IS NOT NULL"));
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(id).Step());
  return row ? static_cast<int>(stmt.Int(0)) : 0;
}

Result<std::vector<Document>> Catalog::ChildDocuments(Id parent_id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(Document parent, rows::LoadDocument(*conn, parent_id));
  (void)parent;  // NotFound for an unknown parent, not an empty list
  AKTE_ASSIGN_OR_RETURN(
      auto ids,
      rows::IdsOf(*conn, "SELECT id FROM documents WHERE parent_id = ? ORDER BY id", parent_id));
  std::vector<Document> documents;
  for (Id id : ids) {
    AKTE_ASSIGN_OR_RETURN(Document d, rows::LoadDocument(*conn, id));
    documents.push_back(std::move(d));
  }
  return documents;
}

Result<std::int64_t> Catalog::LatestChangeOf(std::string_view entity, Id entity_id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  // Newest first: the records people poll for were changed recently, so the
  // scan from the end of the feed stops early.
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare("SELECT seq FROM changes WHERE entity = ? AND "
                                                 "entity_id = ? ORDER BY seq DESC LIMIT 1"));
  AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(entity, entity_id).Step());
  return row ? stmt.Int(0) : 0;
}

Result<std::map<std::string, std::int64_t>> Catalog::CountDocumentsByState() {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare("SELECT extraction_state, count(*) FROM "
                                                 "documents GROUP BY extraction_state"));
  std::map<std::string, std::int64_t> counts;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    counts[stmt.Text(0)] = stmt.Int(1);
  }
  return counts;
}

}  // namespace akte::archive
