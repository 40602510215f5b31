// Catalog: the items of a customer file (documents, notes, history events)
// and the file as a whole.
#include <algorithm>
#include <string>

#include "akte/archive/blob_store.h"
#include "akte/archive/business.h"
#include "akte/archive/catalog.h"
#include "catalog_rows.h"
#include "json_codec.h"
#include "planning_rows.h"
#include "sqlite_db.h"
#include "validation.h"

namespace akte::archive {
namespace {

constexpr std::size_t kMaxNoteLength = 100'000;

// A contact, when given, must belong to the item's customer.
Status CheckContact(sql::Connection& conn, std::optional<Id> contact_id, Id customer_id) {
  if (!contact_id) return Status::Ok();
  AKTE_ASSIGN_OR_RETURN(Contact contact, rows::LoadContact(conn, *contact_id));
  if (contact.customer_id != customer_id) {
    return Status::InvalidArgument(
        "contact " + std::to_string(*contact_id) + " belongs to another customer", "contact_id");
  }
  return Status::Ok();
}

// Keeps the author's line breaks, but not blank lines around the text.
Status NormalizeNoteText(std::string& text) {
  text = Trim(text);
  if (text.empty()) return Status::InvalidArgument("a note needs some text", "text");
  if (text.size() > kMaxNoteLength) {
    return Status::InvalidArgument("a note is limited to 100,000 characters", "text");
  }
  return Status::Ok();
}

// The last path component, so a client cannot smuggle directories in.
std::string BaseName(std::string_view filename) {
  auto slash = filename.find_last_of("/\\");
  return Trim(slash == std::string_view::npos ? filename : filename.substr(slash + 1));
}

std::string StripExtension(const std::string& filename) {
  auto dot = filename.rfind('.');
  return dot == std::string::npos || dot == 0 ? filename : filename.substr(0, dot);
}

std::string FirstLine(const std::string& text, std::size_t max) {
  std::string line = text.substr(0, text.find('\n'));
  if (line.size() > max) {
    line.resize(max);
    // Do not cut a UTF-8 sequence in half.
    while (!line.empty() && (static_cast<unsigned char>(line.back()) & 0xC0) == 0x80)
      line.pop_back();
    if (!line.empty() && static_cast<unsigned char>(line.back()) >= 0xC0) line.pop_back();
    line += "…";
  }
  return line;
}

}  // namespace

Result<Document> Catalog::InsertDocument(sql::Connection& conn, Id uploader, Document d) {
  AKTE_RETURN_IF_ERROR(ValidateDigest(d.sha256));
  d.filename = BaseName(d.filename);
  if (d.filename.empty()) return Status::InvalidArgument("the file name is missing", "filename");
  d.title = Trim(d.title);
  if (d.title.empty()) d.title = StripExtension(d.filename);
  if (d.type.empty()) d.type = "Sonstiges";
  if (!d.document_date.empty()) {
    auto date = NormalizeDate(d.document_date);
    if (!date.ok()) return Status::InvalidArgument(date.status().message(), "document_date");
    d.document_date = *date;
  }
  if (d.customer_id) {
    AKTE_ASSIGN_OR_RETURN(Customer customer, rows::LoadCustomer(conn, *d.customer_id));
    AKTE_RETURN_IF_ERROR(CheckContact(conn, d.contact_id, customer.id));
  } else if (d.contact_id) {
    return Status::InvalidArgument("a document with a contact needs its customer", "contact_id");
  }
  if (d.parent_id) {
    AKTE_ASSIGN_OR_RETURN(Document parent, rows::LoadDocument(conn, *d.parent_id));
    (void)parent;
  }
  AKTE_ASSIGN_OR_RETURN(Id type_id, rows::DocumentTypeId(conn, d.type));
  d.uploaded_at = Now();
  {
    AKTE_ASSIGN_OR_RETURN(
        auto insert,
        conn.Prepare("INSERT INTO documents(customer_id, contact_id, parent_id, title, type_id, "
                     "document_date, filename, path_in_parent, mime_type, size, sha256, "
                     "uploaded_by, uploaded_at, extraction_state, extraction_error, inbox_reason) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    AKTE_RETURN_IF_ERROR(insert
                             .Bind(d.customer_id, d.contact_id, d.parent_id, d.title, type_id,
                                   d.document_date, d.filename, d.path_in_parent, d.mime_type,
                                   static_cast<std::int64_t>(d.size), d.sha256, uploader,
                                   d.uploaded_at, d.extraction_state, d.extraction_error,
                                   d.inbox_reason)
                             .Run());
  }
  return rows::LoadDocument(conn, conn.LastInsertId());
}

Result<Document> Catalog::AddDocument(const Actor& by, Document draft) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(Document stored, InsertDocument(conn, by.user_id, std::move(draft)));
  AKTE_RETURN_IF_ERROR(
      WriteAudit(conn, by, "create", "document", stored.id, "", nlohmann::json(stored).dump()));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return stored;
}

Result<Document> Catalog::GetDocument(Id id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  return rows::LoadDocument(*conn, id);
}

Result<std::vector<Document>> Catalog::ListDocuments(Id customer_id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(Customer customer, rows::LoadCustomer(*conn, customer_id));
  (void)customer;
  AKTE_ASSIGN_OR_RETURN(auto ids, rows::IdsOf(*conn,
                                              "SELECT id FROM documents WHERE customer_id = ? "
                                              "ORDER BY uploaded_at DESC, id DESC",
                                              customer_id));
  std::vector<Document> documents;
  for (Id id : ids) {
    AKTE_ASSIGN_OR_RETURN(Document d, rows::LoadDocument(*conn, id));
    documents.push_back(std::move(d));
  }
  return documents;
}

Result<std::optional<Document>> Catalog::FindDocument(std::optional<Id> customer_id,
                                                      std::string_view sha256) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  std::optional<Id> id;
  {
    AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare("SELECT id FROM documents WHERE sha256 = ? "
                                                   "AND customer_id IS ? AND parent_id IS NULL "
                                                   "ORDER BY id LIMIT 1"));
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Bind(sha256, customer_id).Step());
    if (row) id = stmt.Int(0);
  }
  if (!id) return std::optional<Document>();
  AKTE_ASSIGN_OR_RETURN(Document d, rows::LoadDocument(*conn, *id));
  return std::optional<Document>(std::move(d));
}

Result<std::vector<BlobReference>> Catalog::BlobReferences() {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn->Prepare("SELECT id, sha256 FROM documents ORDER BY id"));
  std::vector<BlobReference> references;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(bool row, stmt.Step());
    if (!row) break;
    references.push_back(BlobReference{stmt.Int(0), stmt.Text(1)});
  }
  return references;
}

Result<Note> Catalog::InsertNote(sql::Connection& conn, const Actor& author, Id customer_id,
                                 std::optional<Id> contact_id, std::string text,
                                 std::string_view written_at, const Actor& auditor,
                                 std::string_view action) {
  AKTE_RETURN_IF_ERROR(NormalizeNoteText(text));
  std::string created_at = Now();
  if (!written_at.empty()) {
    auto at = NormalizeTimestamp(written_at);
    if (!at.ok()) return Status::InvalidArgument(at.status().message(), "created_at");
    if (*at > created_at) {
      return Status::InvalidArgument("a note cannot be written in the future", "created_at");
    }
    created_at = *at;
  }
  AKTE_ASSIGN_OR_RETURN(Customer customer, rows::LoadCustomer(conn, customer_id));
  AKTE_RETURN_IF_ERROR(CheckContact(conn, contact_id, customer.id));
  {
    AKTE_ASSIGN_OR_RETURN(auto insert,
                          conn.Prepare("INSERT INTO notes(customer_id, contact_id, text, "
                                       "author_id, created_at) VALUES (?, ?, ?, ?, ?)"));
    AKTE_RETURN_IF_ERROR(
        insert.Bind(customer_id, contact_id, text, author.user_id, created_at).Run());
  }
  AKTE_ASSIGN_OR_RETURN(Note note, rows::LoadNote(conn, conn.LastInsertId()));
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, auditor, std::string(action), "note", note.id, "",
                                  nlohmann::json(note).dump()));
  return note;
}

Result<Note> Catalog::AddNote(const Actor& by, Id customer_id, std::optional<Id> contact_id,
                              std::string text, std::string_view written_at) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  AKTE_ASSIGN_OR_RETURN(Note note, InsertNote(tx.conn(), by, customer_id, contact_id,
                                              std::move(text), written_at, by, "create"));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return note;
}

Result<Note> Catalog::GetNote(Id id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  return rows::LoadNote(*conn, id);
}

Result<Note> Catalog::UpdateNote(const Actor& by, Id id, std::string text,
                                 std::int64_t expected_version) {
  AKTE_RETURN_IF_ERROR(NormalizeNoteText(text));
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  auto& conn = tx.conn();
  AKTE_ASSIGN_OR_RETURN(Note before, rows::LoadNote(conn, id));
  if (before.version != expected_version) {
    return StaleVersion("note " + std::to_string(id), before.version, expected_version);
  }
  {
    AKTE_ASSIGN_OR_RETURN(auto update, conn.Prepare("UPDATE notes SET text = ?, edited_at = ?, "
                                                    "version = version + 1 WHERE id = ?"));
    AKTE_RETURN_IF_ERROR(update.Bind(text, Now(), id).Run());
  }
  AKTE_ASSIGN_OR_RETURN(Note after, rows::LoadNote(conn, id));
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, by, "update", "note", id, nlohmann::json(before).dump(),
                                  nlohmann::json(after).dump()));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return after;
}

Result<Event> Catalog::InsertEvent(sql::Connection& conn, const Actor& author, Event e,
                                   const Actor& auditor, std::string_view action) {
  e.subject = Trim(e.subject);
  e.text = Trim(e.text);
  if (e.subject.empty() && e.text.empty()) {
    return Status::InvalidArgument("an event needs a subject or a text", "subject");
  }
  if (e.subject.size() > 500) return Status::InvalidArgument("the subject is too long", "subject");
  if (e.occurred_at.empty()) {
    e.occurred_at = Now();
  } else {
    auto at = NormalizeTimestamp(e.occurred_at);
    if (!at.ok()) return Status::InvalidArgument(at.status().message(), "occurred_at");
    e.occurred_at = *at;
  }
  AKTE_ASSIGN_OR_RETURN(Customer customer, rows::LoadCustomer(conn, e.customer_id));
  AKTE_RETURN_IF_ERROR(CheckContact(conn, e.contact_id, customer.id));
  AKTE_ASSIGN_OR_RETURN(Id type_id, rows::EventTypeId(conn, e.type));
  for (Id document_id : e.document_ids) {
    AKTE_ASSIGN_OR_RETURN(Document d, rows::LoadDocument(conn, document_id));
    if (d.customer_id != customer.id) {
      return Status::InvalidArgument(
          "document " + std::to_string(document_id) + " belongs to another customer",
          "document_ids");
    }
  }
  {
    AKTE_ASSIGN_OR_RETURN(auto insert, conn.Prepare("INSERT INTO events(customer_id, contact_id, "
                                                    "type_id, subject, text, occurred_at, "
                                                    "author_id, created_at) "
                                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"));
    AKTE_RETURN_IF_ERROR(insert
                             .Bind(e.customer_id, e.contact_id, type_id, e.subject, e.text,
                                   e.occurred_at, author.user_id, Now())
                             .Run());
  }
  const Id event_id = conn.LastInsertId();
  {
    AKTE_ASSIGN_OR_RETURN(auto link, conn.Prepare("INSERT OR IGNORE INTO event_documents(event_id, "
                                                  "document_id) VALUES (?, ?)"));
    for (Id document_id : e.document_ids) {
      AKTE_RETURN_IF_ERROR(link.Bind(event_id, document_id).Run());
    }
  }
  AKTE_ASSIGN_OR_RETURN(Event stored, rows::LoadEvent(conn, event_id));
  AKTE_RETURN_IF_ERROR(WriteAudit(conn, auditor, std::string(action), "event", stored.id, "",
                                  nlohmann::json(stored).dump()));
  return stored;
}

Result<Event> Catalog::AddEvent(const Actor& by, Event draft) {
  AKTE_ASSIGN_OR_RETURN(auto tx, sql::Transaction::Begin(*db_));
  AKTE_ASSIGN_OR_RETURN(Event stored, InsertEvent(tx.conn(), by, std::move(draft), by, "create"));
  AKTE_RETURN_IF_ERROR(tx.Commit());
  return stored;
}

Result<Event> Catalog::GetEvent(Id id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  return rows::LoadEvent(*conn, id);
}

Result<CustomerFile> Catalog::GetCustomerFile(Id customer_id) {
  AKTE_ASSIGN_OR_RETURN(auto conn, db_->Acquire());
  CustomerFile file;
  AKTE_ASSIGN_OR_RETURN(file.customer, rows::LoadCustomer(*conn, customer_id));
  AKTE_ASSIGN_OR_RETURN(file.conditions, rows::LoadConditions(*conn, customer_id));
  AKTE_ASSIGN_OR_RETURN(file.field_definitions, LoadCustomFields(*conn));

  AKTE_ASSIGN_OR_RETURN(auto contact_ids,
                        rows::IdsOf(*conn,
                                    "SELECT id FROM contacts WHERE customer_id = ? "
                                    "ORDER BY lower(last_name), lower(first_name), id",
                                    customer_id));
  for (Id id : contact_ids) {
    AKTE_ASSIGN_OR_RETURN(Contact c, rows::LoadContact(*conn, id));
    file.contacts.push_back(std::move(c));
  }
  AKTE_ASSIGN_OR_RETURN(auto document_ids,
                        rows::IdsOf(*conn,
                                    "SELECT id FROM documents WHERE customer_id = ? "
                                    "ORDER BY uploaded_at DESC, id DESC",
                                    customer_id));
  for (Id id : document_ids) {
    AKTE_ASSIGN_OR_RETURN(Document d, rows::LoadDocument(*conn, id));
    if (!d.parent_id) {
      // A filed document sits in the timeline at the date it bears, if any.
      std::string at = d.document_date.empty() ? d.uploaded_at : d.document_date + "T00:00:00Z";
      file.timeline.push_back(TimelineEntry{"document", d.id, at, d.title,
                                            d.type + " · " + d.filename, d.uploaded_by,
                                            d.uploaded_by_name});
    }
    file.documents.push_back(std::move(d));
  }
  AKTE_ASSIGN_OR_RETURN(auto note_ids, rows::IdsOf(*conn,
                                                   "SELECT id FROM notes WHERE customer_id = ? "
                                                   "ORDER BY created_at DESC, id DESC",
                                                   customer_id));
  for (Id id : note_ids) {
    AKTE_ASSIGN_OR_RETURN(Note n, rows::LoadNote(*conn, id));
    file.timeline.push_back(TimelineEntry{"note", n.id, n.created_at, FirstLine(n.text, 80), n.text,
                                          n.author, n.author_name});
    file.notes.push_back(std::move(n));
  }
  AKTE_ASSIGN_OR_RETURN(auto event_ids, rows::IdsOf(*conn,
                                                    "SELECT id FROM events WHERE customer_id = ? "
                                                    "ORDER BY occurred_at DESC, id DESC",
                                                    customer_id));
  for (Id id : event_ids) {
    AKTE_ASSIGN_OR_RETURN(Event e, rows::LoadEvent(*conn, id));
    file.timeline.push_back(TimelineEntry{"event", e.id, e.occurred_at,
                                          e.type + (e.subject.empty() ? "" : ": " + e.subject),
                                          e.text, e.author, e.author_name});
    file.events.push_back(std::move(e));
  }
  AKTE_ASSIGN_OR_RETURN(file.records, rows::LoadBusinessRecords(*conn, customer_id));
  for (const auto& r : file.records) {
    const std::string day = "T00:00:00Z";
    std::string detail = r.subject;
    if (r.gross_cents != 0) {
      detail += (detail.empty() ? "" : " · ") + FormatEuroGerman(r.gross_cents);
    }
    file.timeline.push_back(TimelineEntry{"record", r.id, r.record_date + day,
                                          RecordKindLabel(r.kind) + " " + r.number, detail,
                                          r.author, r.author_name});
    for (const auto& p : r.payments) {
      file.timeline.push_back(
          TimelineEntry{"payment", p.id, p.paid_on + day,
                        "Zahlung " + FormatEuroGerman(p.amount_cents) + " zu " + r.number, p.note,
                        p.author, p.author});
    }
  }
  AKTE_RETURN_IF_ERROR(planning::AddToFile(*conn, file));
  std::stable_sort(file.timeline.begin(), file.timeline.end(),
                   [](const TimelineEntry& a, const TimelineEntry& b) { return a.at > b.at; });
  return file;
}

}  // namespace akte::archive
