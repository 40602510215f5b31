// Catalog: an email akte sent, filed and recorded in one transaction.
#include <string>

#include "akte/archive/catalog.h"
#include "catalog_rows.h"
#include "json_codec.h"
#include "sqlite_db.h"
#include "text_codec.h"

namespace akte::archive {

Result<std::pair<Document, std::optional<Event>>> Catalog::RecordSentEmail(
    const Actor& by, Document draft, const ExtractionRecord& text, std::optional<Event> event) {
  if (!draft.customer_id) {
    return Status::InvalidArgument("a sent email is filed for a customer", "customer_id");
  }
  draft.extraction_state = kStateExtracted;
  draft.parent_id.reset();
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(Document document, InsertDocument(conn, by.user_id, std::move(draft)));
  {
    AKTE_ASSIGN_OR_RETURN(
        auto insert, conn.Prepare("INSERT INTO document_texts(document_id, compressed, size, "
                                  "truncated, metadata, extracted_at) VALUES (?, ?, ?, ?, ?, ?)"));
    const std::string compressed = CompressText(text.text);
    AKTE_RETURN_IF_ERROR(insert
                             .Bind(document.id, sql::BlobArg{compressed},
                                   static_cast<std::int64_t>(text.text.size()),
                                   text.text_truncated ? 1 : 0, text.metadata_json, Now())
                             .Run());
  }
  AKTE_RETURN_IF_ERROR(
      WriteAudit(conn, by, "create", "document", document.id, "", nlohmann::json(document).dump()));
  std::optional<Event> stored;
  if (event) {
    event->customer_id = *document.customer_id;
    event->document_ids = {document.id};
    AKTE_ASSIGN_OR_RETURN(stored, InsertEvent(conn, by, std::move(*event), by, "create"));
  }
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return std::make_pair(std::move(document), std::move(stored));
}

}  // namespace akte::archive
