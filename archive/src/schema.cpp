#include "schema.h"

#include <array>
#include <string>

namespace akte::archive {
namespace {

// Each migration moves the schema from version i to i + 1. Append only: a
// released migration is never edited, so every catalog reaches the same shape.
constexpr std::array<std::string_view, 10> kMigrations = {
    R"sql(
CREATE TABLE settings(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE users(
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK(role IN ('admin', 'staff', 'readonly')),
  created_at TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE custom_field_definitions(
  slot INTEGER PRIMARY KEY CHECK(slot BETWEEN 1 AND 20),
  label TEXT NOT NULL,
  type TEXT NOT NULL CHECK(type IN ('text', 'number', 'date', 'bool', 'choice')),
  choices TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE customers(
  id INTEGER PRIMARY KEY,
  number TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK(kind IN ('customer', 'prospect')),
  company TEXT NOT NULL DEFAULT '',
  legal_form TEXT NOT NULL DEFAULT '',
  salutation TEXT NOT NULL DEFAULT '',
  first_name TEXT NOT NULL DEFAULT '',
  last_name TEXT NOT NULL DEFAULT '',
  street TEXT NOT NULL DEFAULT '',
  postal_code TEXT NOT NULL DEFAULT '',
  city TEXT NOT NULL DEFAULT '',
  country TEXT NOT NULL DEFAULT 'DE',
  website TEXT NOT NULL DEFAULT '',
  birthday TEXT NOT NULL DEFAULT '',
  remarks TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  archived_at TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1,
  CHECK(company <> '' OR last_name <> '')
);

CREATE TABLE customer_fields(
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  slot INTEGER NOT NULL CHECK(slot BETWEEN 1 AND 20),
  value TEXT NOT NULL,
  PRIMARY KEY(customer_id, slot)
);

CREATE TABLE conditions(
  customer_id INTEGER PRIMARY KEY REFERENCES customers(id) ON DELETE CASCADE,
  price_list TEXT NOT NULL DEFAULT '',
  discount_basis_points INTEGER NOT NULL DEFAULT 0,
  delivery_terms TEXT NOT NULL DEFAULT '',
  payment_terms TEXT NOT NULL DEFAULT '',
  open_invoice_limit_cents INTEGER,
  version INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE contacts(
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
  salutation TEXT NOT NULL DEFAULT '',
  title TEXT NOT NULL DEFAULT '',
  first_name TEXT NOT NULL DEFAULT '',
  last_name TEXT NOT NULL,
  role TEXT NOT NULL DEFAULT '',
  department TEXT NOT NULL DEFAULT '',
  birthday TEXT NOT NULL DEFAULT '',
  remarks TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX contacts_by_customer ON contacts(customer_id);

-- Email addresses and phone numbers of customers and contacts, in order.
CREATE TABLE channels(
  id INTEGER PRIMARY KEY,
  customer_id INTEGER REFERENCES customers(id) ON DELETE CASCADE,
  contact_id INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK(kind IN ('email', 'phone', 'mobile', 'fax')),
  value TEXT NOT NULL,
  position INTEGER NOT NULL,
  CHECK((customer_id IS NULL) <> (contact_id IS NULL))
);
CREATE INDEX channels_by_customer ON channels(customer_id);
CREATE INDEX channels_by_contact ON channels(contact_id);
CREATE INDEX channels_by_value ON channels(kind, value COLLATE NOCASE);

CREATE TABLE document_types(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  retired INTEGER NOT NULL DEFAULT 0
);
INSERT INTO document_types(name) VALUES ('Vertrag'), ('Kalkulation'), ('Protokoll'), ('Memo'),
  ('Angebot'), ('Auftrag'), ('Lieferschein'), ('Rechnung'), ('Mahnung'), ('Brief'),
  ('E-Mail'), ('Sonstiges');

CREATE TABLE event_types(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE COLLATE NOCASE,
  retired INTEGER NOT NULL DEFAULT 0
);
INSERT INTO event_types(name) VALUES ('E-Mail eingehend'), ('E-Mail ausgehend'),
  ('Anruf eingehend'), ('Anruf ausgehend'), ('Rückruf'), ('Mailing'), ('Newsletter'),
  ('Gesprächsnotiz'), ('Recherche'), ('Bonitätsprüfung'), ('Termin');

CREATE TABLE documents(
  id INTEGER PRIMARY KEY,
  customer_id INTEGER REFERENCES customers(id),
  contact_id INTEGER REFERENCES contacts(id),
  parent_id INTEGER REFERENCES documents(id),
  title TEXT NOT NULL,
  type_id INTEGER NOT NULL REFERENCES document_types(id),
  document_date TEXT NOT NULL DEFAULT '',
  filename TEXT NOT NULL,
  path_in_parent TEXT NOT NULL DEFAULT '',
  mime_type TEXT NOT NULL DEFAULT 'application/octet-stream',
  size INTEGER NOT NULL,
  sha256 TEXT NOT NULL CHECK(length(sha256) = 64),
  uploaded_by INTEGER NOT NULL REFERENCES users(id),
  uploaded_at TEXT NOT NULL,
  extraction_state TEXT NOT NULL DEFAULT 'pending',
  extraction_error TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX documents_by_customer ON documents(customer_id);
CREATE INDEX documents_by_sha256 ON documents(sha256);
CREATE INDEX documents_by_parent ON documents(parent_id);
CREATE INDEX documents_by_state ON documents(extraction_state);

CREATE TABLE notes(
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  contact_id INTEGER REFERENCES contacts(id),
  text TEXT NOT NULL CHECK(text <> ''),
  author_id INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  edited_at TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX notes_by_customer ON notes(customer_id);

CREATE TABLE events(
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  contact_id INTEGER REFERENCES contacts(id),
  type_id INTEGER NOT NULL REFERENCES event_types(id),
  subject TEXT NOT NULL DEFAULT '',
  text TEXT NOT NULL DEFAULT '',
  occurred_at TEXT NOT NULL,
  author_id INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX events_by_customer ON events(customer_id);

CREATE TABLE event_documents(
  event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
  document_id INTEGER NOT NULL REFERENCES documents(id),
  PRIMARY KEY(event_id, document_id)
);

CREATE TABLE audit_log(
  id INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  user_id INTEGER REFERENCES users(id),
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL,
  before TEXT NOT NULL DEFAULT '',
  after TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_by_entity ON audit_log(entity, entity_id);

-- The change feed: every insert, update and delete of a searchable record
-- appends its kind and id here in the same transaction, so the index writer
-- can always catch up from the catalog alone. (Channels and custom field
-- values change only together with their owner's row, which is logged.)
CREATE TABLE changes(
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  entity TEXT NOT NULL,
  entity_id INTEGER NOT NULL
);

CREATE TRIGGER customers_ins AFTER INSERT ON customers BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('customer', NEW.id); END;
CREATE TRIGGER customers_upd AFTER UPDATE ON customers BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('customer', NEW.id); END;
CREATE TRIGGER customers_del AFTER DELETE ON customers BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('customer', OLD.id); END;
CREATE TRIGGER contacts_ins AFTER INSERT ON contacts BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('contact', NEW.id); END;
CREATE TRIGGER contacts_upd AFTER UPDATE ON contacts BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('contact', NEW.id); END;
CREATE TRIGGER contacts_del AFTER DELETE ON contacts BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('contact', OLD.id); END;
CREATE TRIGGER documents_ins AFTER INSERT ON documents BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('document', NEW.id); END;
CREATE TRIGGER documents_upd AFTER UPDATE ON documents BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('document', NEW.id); END;
CREATE TRIGGER documents_del AFTER DELETE ON documents BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('document', OLD.id); END;
CREATE TRIGGER notes_ins AFTER INSERT ON notes BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('note', NEW.id); END;
CREATE TRIGGER notes_upd AFTER UPDATE ON notes BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('note', NEW.id); END;
CREATE TRIGGER notes_del AFTER DELETE ON notes BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('note', OLD.id); END;
CREATE TRIGGER events_ins AFTER INSERT ON events BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('event', NEW.id); END;
CREATE TRIGGER events_upd AFTER UPDATE ON events BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('event', NEW.id); END;
CREATE TRIGGER events_del AFTER DELETE ON events BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('event', OLD.id); END;
)sql",
    // 2: extracted text, kept so that reindexing never extracts again.
    R"sql(
CREATE TABLE document_texts(
  document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
  compressed BLOB NOT NULL,
  size INTEGER NOT NULL,
  truncated INTEGER NOT NULL DEFAULT 0,
  metadata TEXT NOT NULL DEFAULT '{}',
  extracted_at TEXT NOT NULL
);
-- Why a document without a customer sits in the inbox (for the person who
-- decides), e.g. "no customer has the address x@y.de".
ALTER TABLE documents ADD COLUMN inbox_reason TEXT NOT NULL DEFAULT '';
CREATE INDEX documents_in_inbox ON documents(id) WHERE customer_id IS NULL;
)sql",
    // 3: credentials. A password as a self-describing scrypt string ('' when
    // none is set); API tokens and browser sessions by the SHA-256 of their
    // random secret, never the secret itself.
    R"sql(
ALTER TABLE users ADD COLUMN password_hash TEXT NOT NULL DEFAULT '';

CREATE TABLE api_tokens(
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  secret_hash TEXT NOT NULL UNIQUE CHECK(length(secret_hash) = 64),
  created_at TEXT NOT NULL,
  last_used_at TEXT NOT NULL DEFAULT '',
  revoked_at TEXT NOT NULL DEFAULT ''
);
CREATE INDEX api_tokens_by_user ON api_tokens(user_id);

CREATE TABLE sessions(
  secret_hash TEXT PRIMARY KEY CHECK(length(secret_hash) = 64),
  user_id INTEGER NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_by_expiry ON sessions(expires_at);
)sql",
    // 4: business records (offers, orders, delivery notes, invoices, credit
    // notes, dunning letters) and payments of invoices. Never updated: a
    // booking record stays as recorded (GoBD); corrections are new records.
    R"sql(
CREATE TABLE business_records(
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  kind TEXT NOT NULL CHECK(kind IN ('offer', 'order', 'delivery_note', 'invoice',
                                    'credit_note', 'dunning')),
  number TEXT NOT NULL CHECK(number <> ''),
  record_date TEXT NOT NULL,
  previous_id INTEGER REFERENCES business_records(id),
  document_id INTEGER REFERENCES documents(id),
  subject TEXT NOT NULL DEFAULT '',
  net_cents INTEGER NOT NULL DEFAULT 0,
  tax_cents INTEGER NOT NULL DEFAULT 0,
  gross_cents INTEGER NOT NULL DEFAULT 0 CHECK(gross_cents = net_cents + tax_cents),
  due_date TEXT NOT NULL DEFAULT '',
  delivery_date TEXT NOT NULL DEFAULT '',
  dunning_level INTEGER NOT NULL DEFAULT 0 CHECK(dunning_level BETWEEN 0 AND 3),
  fee_cents INTEGER NOT NULL DEFAULT 0 CHECK(fee_cents >= 0),
  author_id INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  UNIQUE(kind, number)
);
CREATE INDEX business_records_by_customer ON business_records(customer_id, record_date);
CREATE INDEX business_records_by_previous ON business_records(previous_id);

CREATE TABLE payments(
  id INTEGER PRIMARY KEY,
  record_id INTEGER NOT NULL REFERENCES business_records(id),
  paid_on TEXT NOT NULL,
  amount_cents INTEGER NOT NULL CHECK(amount_cents > 0),
  note TEXT NOT NULL DEFAULT '',
  author_id INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL
);
CREATE INDEX payments_by_record ON payments(record_id);
)sql",
    // 5: follow-ups ("Wiedervorlage") on a customer or one of its documents,
    // notes or events, and the event type that marks one done in the history.
    R"sql(
CREATE TABLE follow_ups(
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  entity TEXT NOT NULL CHECK(entity IN ('customer', 'document', 'note', 'event')),
  entity_id INTEGER NOT NULL,
  due_date TEXT NOT NULL CHECK(length(due_date) = 10),
  assignee_id INTEGER NOT NULL REFERENCES users(id),
  reason TEXT NOT NULL CHECK(reason <> ''),
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  done_at TEXT NOT NULL DEFAULT '',
  done_by INTEGER REFERENCES users(id),
  done_event_id INTEGER REFERENCES events(id),
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX follow_ups_by_customer ON follow_ups(customer_id);
CREATE INDEX follow_ups_open ON follow_ups(due_date) WHERE done_at = '';
INSERT OR IGNORE INTO event_types(name) VALUES ('Wiedervorlage');
UPDATE event_types SET retired = 0 WHERE name = 'Wiedervorlage';
)sql",
    // 6: business records join the change feed as 'record', so search finds
    // them. A payment or a credit note changes its invoice's payment state,
    // so it logs the invoice. The records already there are logged once.
    R"sql(
CREATE TRIGGER business_records_ins AFTER INSERT ON business_records BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('record', NEW.id);
  INSERT INTO changes(entity, entity_id) SELECT 'record', NEW.previous_id
    WHERE NEW.kind = 'credit_note' AND NEW.previous_id IS NOT NULL; END;
CREATE TRIGGER business_records_upd AFTER UPDATE ON business_records BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('record', NEW.id); END;
CREATE TRIGGER business_records_del AFTER DELETE ON business_records BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('record', OLD.id); END;
CREATE TRIGGER payments_ins AFTER INSERT ON payments BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('record', NEW.record_id); END;
CREATE TRIGGER payments_upd AFTER UPDATE ON payments BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('record', NEW.record_id); END;
CREATE TRIGGER payments_del AFTER DELETE ON payments BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('record', OLD.record_id); END;
INSERT INTO changes(entity, entity_id) SELECT 'record', id FROM business_records ORDER BY id;
)sql",
    // 7: text messages join calls and emails among the default event
    // types, so a telephone system can log them (akte log sms).
    R"sql(
INSERT OR IGNORE INTO event_types(name) VALUES ('SMS eingehend'), ('SMS ausgehend');
)sql",
    // 8: tasks and appointments of a customer, optionally of one of its
    // contacts or documents. Both join the change feed, so search finds them.
    // A task done leaves an "Aufgabe" history event; "Termin" is the event
    // type for what came of an appointment.
    R"sql(
CREATE TABLE tasks(
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  contact_id INTEGER REFERENCES contacts(id),
  document_id INTEGER REFERENCES documents(id),
  title TEXT NOT NULL CHECK(title <> ''),
  text TEXT NOT NULL DEFAULT '',
  due_date TEXT NOT NULL DEFAULT '' CHECK(due_date = '' OR length(due_date) = 10),
  assignee_id INTEGER REFERENCES users(id),
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  done_at TEXT NOT NULL DEFAULT '',
  done_by INTEGER REFERENCES users(id),
  done_event_id INTEGER REFERENCES events(id),
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX tasks_by_customer ON tasks(customer_id);
CREATE INDEX tasks_open ON tasks(assignee_id, due_date) WHERE done_at = '';

CREATE TABLE appointments(
  id INTEGER PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  contact_id INTEGER REFERENCES contacts(id),
  document_id INTEGER REFERENCES documents(id),
  title TEXT NOT NULL CHECK(title <> ''),
  text TEXT NOT NULL DEFAULT '',
  starts_at TEXT NOT NULL,
  ends_at TEXT NOT NULL CHECK(ends_at >= starts_at),
  place TEXT NOT NULL DEFAULT '',
  created_by INTEGER NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  cancelled_at TEXT NOT NULL DEFAULT '',
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX appointments_by_customer ON appointments(customer_id);
CREATE INDEX appointments_by_start ON appointments(starts_at);

-- The firm's people who attend an appointment, in the order given.
CREATE TABLE appointment_participants(
  appointment_id INTEGER NOT NULL REFERENCES appointments(id) ON DELETE CASCADE,
  user_id INTEGER NOT NULL REFERENCES users(id),
  position INTEGER NOT NULL,
  PRIMARY KEY(appointment_id, user_id)
);
CREATE INDEX appointment_participants_by_user ON appointment_participants(user_id);

CREATE TRIGGER tasks_ins AFTER INSERT ON tasks BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('task', NEW.id); END;
CREATE TRIGGER tasks_upd AFTER UPDATE ON tasks BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('task', NEW.id); END;
CREATE TRIGGER tasks_del AFTER DELETE ON tasks BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('task', OLD.id); END;
CREATE TRIGGER appointments_ins AFTER INSERT ON appointments BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('appointment', NEW.id); END;
CREATE TRIGGER appointments_upd AFTER UPDATE ON appointments BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('appointment', NEW.id); END;
CREATE TRIGGER appointments_del AFTER DELETE ON appointments BEGIN
  INSERT INTO changes(entity, entity_id) VALUES ('appointment', OLD.id); END;

INSERT OR IGNORE INTO event_types(name) VALUES ('Aufgabe'), ('Termin');
UPDATE event_types SET retired = 0 WHERE name IN ('Aufgabe', 'Termin');
)sql",
    // 9: the sales pipeline of prospects, and when a prospect became a
    // customer. Prospects already stored start as 'new'; a status change
    // and a conversion are history events of type 'Statuswechsel'.
    R"sql(
ALTER TABLE customers ADD COLUMN pipeline_status TEXT NOT NULL DEFAULT ''
  CHECK(pipeline_status IN ('', 'new', 'contacted', 'offer_sent', 'won', 'lost'));
ALTER TABLE customers ADD COLUMN converted_at TEXT NOT NULL DEFAULT '';
UPDATE customers SET pipeline_status = 'new' WHERE kind = 'prospect';
INSERT OR IGNORE INTO event_types(name) VALUES ('Statuswechsel');
UPDATE event_types SET retired = 0 WHERE name = 'Statuswechsel';
)sql",
    // 10: one secret calendar feed per user (an iCalendar URL a calendar
    // program subscribes to), stored as the SHA-256 of its secret.
    R"sql(
CREATE TABLE calendar_feeds(
  user_id INTEGER PRIMARY KEY REFERENCES users(id),
  secret_hash TEXT NOT NULL UNIQUE CHECK(length(secret_hash) = 64),
  created_at TEXT NOT NULL
);
)sql",
};

Result<int> ReadUserVersion(sql::Connection& conn) {
  AKTE_ASSIGN_OR_RETURN(auto stmt, conn.Prepare("PRAGMA user_version"));
  AKTE_ASSIGN_OR_RETURN(bool has_row, stmt.Step());
  return has_row ? static_cast<int>(stmt.Int(0)) : 0;
}

}  // namespace

int LatestSchemaVersion() { return static_cast<int>(kMigrations.size()); }

Status Migrate(sql::Connection& conn) {
  // One exclusive transaction per step, so concurrent openers of a new
  // catalog cannot both apply it and a crash leaves the previous version.
  for (;;) {
    AKTE_RETURN_IF_ERROR(conn.Execute("BEGIN IMMEDIATE"));
    auto read = ReadUserVersion(conn);
    if (!read.ok()) {
      (void)conn.Execute("ROLLBACK");
      return read.status();
    }
    const int version = *read;
    if (version > LatestSchemaVersion()) {
      (void)conn.Execute("ROLLBACK");
      return Status::FailedPrecondition(
          "the catalog has schema version " + std::to_string(version) +
          ", newer than this akte understands (" + std::to_string(LatestSchemaVersion()) +
          "); use a newer akte");
    }
    if (version == LatestSchemaVersion()) return conn.Execute("COMMIT");
    Status applied = conn.Execute(kMigrations[static_cast<std::size_t>(version)]);
    if (applied.ok()) {
      applied = conn.Execute("PRAGMA user_version = " + std::to_string(version + 1));
    }
    if (!applied.ok()) {
      (void)conn.Execute("ROLLBACK");
      return applied.WithContext("schema migration to version " + std::to_string(version + 1));
    }
    AKTE_RETURN_IF_ERROR(conn.Execute("COMMIT"));
  }
}

}  // namespace akte::archive
