// The records of a customer file, as the catalog stores and returns them.
// Plain values: times are UTC ISO 8601 strings, dates "YYYY-MM-DD", money
// integer cents, percentages integer hundredths of a percent. `version`
// starts at 1 and grows with every change; updates must name the version they
// edited (optimistic concurrency).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace akte::archive {

using Id = std::int64_t;

inline constexpr int kCustomFieldSlots = 20;

// Customer kinds.
inline constexpr const char* kKindCustomer = "customer";
inline constexpr const char* kKindProspect = "prospect";

// The sales pipeline of a prospect, in its usual order.
inline constexpr const char* kPipelineNew = "new";
inline constexpr const char* kPipelineContacted = "contacted";
inline constexpr const char* kPipelineOfferSent = "offer_sent";
inline constexpr const char* kPipelineWon = "won";
inline constexpr const char* kPipelineLost = "lost";

// Roles of users.
inline constexpr const char* kRoleAdmin = "admin";
inline constexpr const char* kRoleStaff = "staff";
inline constexpr const char* kRoleReadOnly = "readonly";

struct Phone {
  std::string kind = "phone";  // "phone", "mobile" or "fax"
  std::string number;
  bool operator==(const Phone&) const = default;
};

struct User {
  Id id = 0;
  std::string username;
  std::string display_name;
  std::string role = kRoleStaff;
  std::string created_at;
  bool disabled = false;
};

// An API token of a user, for scripts (`Authorization: Bearer <secret>`).
// Only a hash of the secret is stored; the secret is shown once, at creation.
struct ApiToken {
  Id id = 0;
  Id user_id = 0;
  std::string name;  // what it is for ("Buchhaltungs-Export")
  std::string created_at;
  std::string last_used_at;  // empty: never used
  std::string revoked_at;    // empty while valid
};

struct IssuedToken {
  ApiToken token;
  std::string secret;  // "akte_" + 43 base64url characters; shown once
};

// A signed-in browser session. Only a hash of the secret is stored.
struct Session {
  std::string secret;      // the cookie value (empty when read back)
  std::string csrf_token;  // sent back by the page with every change
  std::string expires_at;  // UTC
  User user;
};

// Who performs a change; recorded as author and in the audit log.
struct Actor {
  Id user_id = 0;
  std::string username;
};

struct Customer {
  Id id = 0;
  std::string number;  // the firm's customer number, unique ("10042", "K-2024-07")
  std::string kind = kKindCustomer;
  std::string company;  // company name; empty for private persons
  std::string legal_form;
  std::string salutation;
  std::string first_name;
  std::string last_name;
  std::string street;
  std::string postal_code;
  std::string city;
  std::string country = "DE";  // ISO 3166-1 alpha-2
  std::vector<std::string> emails;
  std::vector<Phone> phones;
  std::string website;
  std::string birthday;                      // for sole traders and private persons
  std::string remarks;                       // "Anmerkungen / Notiz"
  std::map<int, std::string> custom_fields;  // slot (1..20) -> value
  std::string created_at;
  std::string updated_at;
  std::string archived_at;  // empty while active
  // Where a prospect stands in the sales pipeline (kPipeline...); a converted
  // customer keeps "won"; empty for a customer that was never a prospect.
  std::string pipeline_status;
  std::string converted_at;  // UTC, when a prospect became a customer; set by akte
  std::int64_t version = 0;

  // The company name, else "First Last".
  std::string DisplayName() const;
};

// A firm-wide setting ("firm.email_addresses", "extract.cpu_seconds", ...).
struct Setting {
  std::string key;
  std::string value;
  std::int64_t version = 0;
};

struct CustomFieldDefinition {
  int slot = 0;  // 1..20
  std::string label;
  std::string type = "text";         // text, number, date, bool, choice
  std::vector<std::string> choices;  // for type "choice"
  std::int64_t version = 0;
};

// The non-empty parts joined by `separator`: "80331 München" from a postal
// code and a city, "München" when the postal code is empty.
std::string JoinNonEmpty(const std::vector<std::string>& parts, std::string_view separator = " ");

// The customer's custom field values as lines a person reads: "Branche:
// Logistik" for a value, just "Wartungsvertrag" for a yes/no field that is
// yes, nothing for one that is no (or whose definition is gone).
std::vector<std::string> DescribeCustomFields(
    const Customer& customer, const std::vector<CustomFieldDefinition>& definitions);

struct Conditions {
  Id customer_id = 0;
  std::string price_list;
  std::int64_t discount_basis_points = 0;  // 250 = 2.5 %
  std::string delivery_terms;
  std::string payment_terms;
  std::optional<std::int64_t> open_invoice_limit_cents;
  std::int64_t version = 0;
};

struct Contact {
  Id id = 0;
  Id customer_id = 0;
  std::string salutation;
  std::string title;
  std::string first_name;
  std::string last_name;
  std::string role;
  std::string department;
  std::vector<std::string> emails;
  std::vector<Phone> phones;
  std::string birthday;
  std::string remarks;
  std::string created_at;
  std::string updated_at;
  std::int64_t version = 0;

  std::string DisplayName() const;
};

// Extraction states of a document.
inline constexpr const char* kStatePending = "pending";
inline constexpr const char* kStateExtracted = "extracted";
inline constexpr const char* kStateFailed = "failed";
inline constexpr const char* kStateEncrypted = "encrypted";
inline constexpr const char* kStateUnsupported = "unsupported-format";
inline constexpr const char* kStateNeedsOcr = "needs-ocr";

struct Document {
  Id id = 0;
  std::optional<Id> customer_id;  // empty: in the unassigned inbox
  std::optional<Id> contact_id;
  std::optional<Id> parent_id;  // the email or bundle this was found in
  std::string title;
  std::string type;            // a document type name ("Vertrag")
  std::string document_date;   // the date the document bears, if known
  std::string filename;        // original file name
  std::string path_in_parent;  // member path inside a bundle
  std::string mime_type;
  std::uint64_t size = 0;
  std::string sha256;
  std::string uploaded_by;       // username
  std::string uploaded_by_name;  // the uploader's display name (else the username)
  std::string uploaded_at;
  std::string extraction_state = kStatePending;
  std::string extraction_error;
  std::string inbox_reason;  // why it waits in the inbox, when it has no customer
  std::int64_t version = 0;
};

struct Note {
  Id id = 0;
  Id customer_id = 0;
  std::optional<Id> contact_id;
  std::string text;
  std::string author;       // username, set by akte
  std::string author_name;  // the author's display name (else the username), set by akte
  std::string created_at;   // set by akte
  std::string edited_at;
  std::int64_t version = 0;
};

struct Event {
  Id id = 0;
  Id customer_id = 0;
  std::optional<Id> contact_id;
  std::string type;  // an event type name ("Anruf eingehend")
  std::string subject;
  std::string text;
  std::string occurred_at;
  std::string author;       // username, set by akte
  std::string author_name;  // the author's display name (else the username), set by akte
  std::string created_at;
  std::vector<Id> document_ids;
  std::int64_t version = 0;
};

// Whose email address or phone number it is: a customer's own, or one of
// its contacts'.
struct ChannelOwner {
  Id customer_id = 0;
  std::string customer_number;
  std::optional<Id> contact_id;
  bool operator==(const ChannelOwner&) const = default;
};

struct AuditEntry {
  Id id = 0;
  std::string at;
  std::string username;
  std::string action;  // create, update, archive, import, ...
  std::string entity;  // customer, contact, document, note, event, ...
  Id entity_id = 0;
  std::string before;  // JSON of the record before the change ("" for create)
  std::string after;   // JSON after the change ("" for removal)
};

// The outcome of extracting a document's text, as the indexer records it.
struct ExtractionRecord {
  std::string state;  // extracted, needs-ocr, encrypted, unsupported-format, failed
  std::string error;  // why, for every state but extracted
  std::string mime_type;
  std::string text;  // UTF-8; pages separated by form feeds
  bool text_truncated = false;
  std::string metadata_json = "{}";  // the extractor's metadata, a JSON object
  std::string title;                 // a better title (an email's subject); empty keeps it
  std::string document_date;         // YYYY-MM-DD the file carries (an email's Date), for
                                     // a document filed without one; empty keeps it
  std::optional<Id> customer_id;     // files an inbox document under this customer
  std::string inbox_reason;          // why it stays in the inbox otherwise
  std::optional<Event> event;        // a history event to record with it (an email)
};

// A document's extracted text as stored.
struct StoredText {
  std::string text;
  bool truncated = false;
  std::string metadata_json;
  std::string extracted_at;
};

// One line of a customer's timeline: a document, note or event.
struct TimelineEntry {
  std::string kind;  // "document", "note", "event", "record" or "payment"
  Id id = 0;
  std::string at;  // UTC
  std::string title;
  std::string detail;
  std::string author;       // username
  std::string author_name;  // display name
};

// Business records: the commercial papers of a customer's history, each
// optionally linked to its document (the PDF) and to the record it follows
// (offer → order → delivery note → invoice → credit note or dunning letter).
// Recorded once and never edited, as the GoBD asks of booking records; a
// mistake is corrected by a credit note. Amounts are integer cents.
inline constexpr const char* kRecordOffer = "offer";
inline constexpr const char* kRecordOrder = "order";
inline constexpr const char* kRecordDeliveryNote = "delivery_note";
inline constexpr const char* kRecordInvoice = "invoice";
inline constexpr const char* kRecordCreditNote = "credit_note";
inline constexpr const char* kRecordDunning = "dunning";

// An invoice's payment state, derived from its payments and credit notes.
inline constexpr const char* kPaymentOpen = "open";
inline constexpr const char* kPaymentPartlyPaid = "partly_paid";
inline constexpr const char* kPaymentPaid = "paid";

// A payment received for an invoice.
struct Payment {
  Id id = 0;
  Id record_id = 0;
  std::string paid_on;  // YYYY-MM-DD
  std::int64_t amount_cents = 0;
  std::string note;
  std::string author;  // username, set by akte
  std::string created_at;
};

struct BusinessRecord {
  Id id = 0;
  Id customer_id = 0;
  std::string kind;               // one of the kRecord… names
  std::string number;             // unique per kind ("RE-2024-0042"); a dunning letter's defaults
                                  // to its invoice's number and level ("RE-2024-0042/M1")
  std::string record_date;        // YYYY-MM-DD, the date the paper bears
  std::optional<Id> previous_id;  // the record this one follows
  std::optional<Id> document_id;  // the paper itself, filed as a document
  std::string subject;
  std::int64_t net_cents = 0;  // offers, orders, invoices, credit notes
  std::int64_t tax_cents = 0;
  std::int64_t gross_cents = 0;  // net + tax
  std::string due_date;          // invoices (default: the invoice date)
  std::string delivery_date;     // delivery notes (default: the record date)
  int dunning_level = 0;         // dunning letters: 1 to 3
  std::int64_t fee_cents = 0;    // dunning letters: the fee charged
  std::string author;            // username, set by akte
  std::string author_name;       // display name, set by akte
  std::string created_at;
  // Records are never edited: 1, plus one for each payment and credit note
  // an invoice received (the revision of its payment state, for the index).
  std::int64_t version = 1;
  // Invoices only, derived when read: payments, credit notes against it,
  // what is still owed and the payment state.
  std::vector<Payment> payments;
  std::int64_t paid_cents = 0;
  std::int64_t credited_cents = 0;
  std::int64_t outstanding_cents = 0;
  std::string payment_status;  // kPayment…; empty for other kinds
};

// A birthday coming up, of a customer (a person) or a contact person.
struct UpcomingBirthday {
  std::string date;  // YYYY-MM-DD of the coming birthday (28 February for
                     // 29 February in other years)
  int age = 0;       // the age that day
  Id customer_id = 0;
  std::string customer_number;
  std::string customer_name;
  std::optional<Id> contact_id;  // empty: the customer's own birthday
  std::string name;              // whose birthday
};

// The date of birth of a customer (a person) or a contact person, as a
// calendar shows it every year.
struct BirthDate {
  std::string born;  // YYYY-MM-DD
  Id customer_id = 0;
  std::string customer_number;
  std::string customer_name;
  std::optional<Id> contact_id;  // empty: the customer's own birthday
  std::string name;              // whose birthday
};

// A follow-up ("Wiedervorlage"): a customer file to take up again on a day,
// by a user, for a reason. It is set on the customer (or prospect) itself or
// on one of its documents, notes or events.
inline constexpr const char* kFollowUpOnCustomer = "customer";
inline constexpr const char* kFollowUpOnDocument = "document";
inline constexpr const char* kFollowUpOnNote = "note";
inline constexpr const char* kFollowUpOnEvent = "event";

struct FollowUp {
  Id id = 0;
  Id customer_id = 0;
  std::string customer_number;  // set by akte
  std::string customer_name;    // set by akte
  std::string entity = kFollowUpOnCustomer;
  Id entity_id = 0;      // the customer's id for entity "customer"
  std::string due_date;  // YYYY-MM-DD
  std::string assignee;  // username
  std::string reason;
  std::string created_by;           // username, set by akte
  std::string created_at;           // set by akte
  std::string done_at;              // UTC; empty while open
  std::string done_by;              // username; empty while open
  std::optional<Id> done_event_id;  // the history event that marks it done
  std::int64_t version = 0;
};

// The open follow-ups of a day, as the dashboard groups them.
struct FollowUpsDue {
  std::string today;                // YYYY-MM-DD
  std::vector<FollowUp> overdue;    // due before today
  std::vector<FollowUp> due_today;  // due today
  std::vector<FollowUp> this_week;  // due after today through Sunday of today's ISO week
};

// A task of the firm about a customer ("Aufgabe"), optionally about one of
// its contacts or documents.
struct Task {
  Id id = 0;
  Id customer_id = 0;
  std::string customer_number;  // set by akte
  std::string customer_name;    // set by akte
  std::optional<Id> contact_id;
  std::optional<Id> document_id;
  std::string title;
  std::string text;
  std::string due_date;             // YYYY-MM-DD; empty: no due date
  std::string assignee;             // username; empty: nobody yet
  std::string created_by;           // username, set by akte
  std::string created_at;           // set by akte
  std::string updated_at;           // set by akte
  std::string done_at;              // UTC; empty while open
  std::string done_by;              // username; empty while open
  std::optional<Id> done_event_id;  // the history event that marks it done
  std::int64_t version = 0;
};

// An appointment with a customer ("Termin"), optionally with one of its
// contacts or about one of its documents.
struct Appointment {
  Id id = 0;
  Id customer_id = 0;
  std::string customer_number;  // set by akte
  std::string customer_name;    // set by akte
  std::optional<Id> contact_id;
  std::optional<Id> document_id;
  std::string title;
  std::string text;
  std::string starts_at;  // UTC, ISO 8601
  std::string ends_at;    // UTC, ISO 8601; not before starts_at
  std::string place;
  std::vector<std::string> participants;  // usernames of the firm's people attending
  std::string created_by;                 // username, set by akte
  std::string created_at;                 // set by akte
  std::string updated_at;                 // set by akte
  std::string cancelled_at;               // UTC; empty unless cancelled
  std::int64_t version = 0;
};

// A user's day, as the dashboard shows it.
struct Agenda {
  std::string today;                      // YYYY-MM-DD in the firm's time zone
  std::vector<Task> overdue_tasks;        // open, due before today
  std::vector<Task> tasks_today;          // open, due today
  std::vector<Appointment> appointments;  // not cancelled, overlapping today, by start
};

// Everything akte knows about one customer.
struct CustomerFile {
  Customer customer;
  std::vector<Contact> contacts;
  std::optional<Conditions> conditions;
  std::vector<CustomFieldDefinition> field_definitions;
  std::vector<Document> documents;
  std::vector<Note> notes;
  std::vector<Event> events;
  std::vector<BusinessRecord> records;    // oldest first
  std::vector<Task> tasks;                // open by due date, then done
  std::vector<Appointment> appointments;  // by start
  std::vector<TimelineEntry> timeline;    // newest first
};

}  // namespace akte::archive
