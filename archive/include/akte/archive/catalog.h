// The catalog: the SQLite source of truth for everything but file bytes.
//
// Every change runs in one transaction that also writes its audit entry and
// appends to the change feed the index writer follows, so a change is either
// wholly stored or not at all. Records are validated here, whoever calls:
// the CLI, the HTTP API and imports get the same rules and messages.
//
// Thread-safe: one Catalog serves any number of threads (a pool of SQLite
// connections in WAL mode); several processes may open the same file.
//
// Errors common to all methods: InvalidArgument (with `field`) for a record
// that breaks a rule, NotFound for an unknown id, FailedPrecondition for a
// stale version, Unavailable when the database stays locked, NoSpace, IoError.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "akte/archive/records.h"
#include "akte/archive/status.h"
#include "akte/archive/time.h"

namespace akte::archive {

namespace sql {
class Database;
class Connection;
}  // namespace sql

struct CustomerListOptions {
  std::string kind;  // "", "customer" or "prospect"
  bool include_archived = false;
  std::string sort = "number";  // number, name, city, created_at, updated_at
  bool descending = false;
  std::string filter;           // case-insensitive substring of number, name or city
  std::string pipeline_status;  // "" or a kPipeline... value (converted customers keep "won")
  int limit = 0;                // 0: all
  int offset = 0;
};

// A document's reference to a blob, for integrity checks.
struct BlobReference {
  Id document_id = 0;
  std::string sha256;
};

// The outcome of a batch that is stored whole or not at all.
template <typename T>
struct BatchOutcome {
  std::vector<T> created;                                // empty unless every draft was stored
  std::vector<std::pair<std::size_t, Status>> problems;  // by index of the draft
};

// The configurable lists of types: a document's type, an event's type.
enum class TypeList { kDocument, kEvent };

// The setting that names the firm's time zone (an IANA name), in which the
// web page shows every time; kDefaultTimeZone when it is not set.
inline constexpr std::string_view kTimeZoneSetting = "firm.timezone";
// The setting that names the firm on printed account statements.
inline constexpr std::string_view kFirmNameSetting = "firm.name";

// Checks a value for the firm-wide settings the catalog knows
// (firm.timezone, see CheckTimeZoneName; smtp.* and history.*, see
// CheckMailSetting in mail_sending.h); ok for any other key.
// InvalidArgument with the key as `field` for a bad value.
Status CheckSetting(std::string_view key, std::string_view value);

// One line of a business records import, which names customers and records
// by their numbers rather than ids.
struct BusinessImportLine {
  std::string customer_number;
  // The number of the record this one follows, among the kinds that may
  // precede it; for a payment, its invoice's number.
  std::string previous_number;
  // The filed paper: a document id, or the file name of one of the
  // customer's documents.
  std::string document;
  BusinessRecord record;           // customer_id and previous_id are resolved from the numbers
  std::optional<Payment> payment;  // set: the line is a payment, and `record` is unused
};

// One note or history event carried over from other software, naming its
// customer, author and contact as the other software did.
struct HistoryImportLine {
  bool is_note = false;  // else a history event
  std::string customer_number;
  std::string author;        // username or display name of an akte user
  std::string contact_name;  // "" or a contact of that customer ("Thomas Weber", "Weber")
  std::string at;            // when it was written or happened (ISO 8601, with offset)
  std::string type;          // events: an event type
  std::string subject;       // events
  std::string text;
};

// One pending change of a searchable record, for the index writer.
struct Change {
  std::int64_t seq = 0;
  std::string entity;  // customer, contact, document, note, event, record, task, appointment
  Id entity_id = 0;
};

class Catalog {
 public:
  // Opens or creates the catalog at `file` and brings its schema up to date.
  // `clock` must outlive the catalog.
  static Result<std::unique_ptr<Catalog>> Open(const std::filesystem::path& file,
                                               const Clock& clock = SystemClock::Instance());
  ~Catalog();
  Catalog(const Catalog&) = delete;
  Catalog& operator=(const Catalog&) = delete;

  Result<int> SchemaVersion();

  // --- Users ---------------------------------------------------------------
  // Creates a user. AlreadyExists when the username is taken (any case).
  // `by` is empty only for the first user, created by `akte init`.
  Result<User> AddUser(const std::optional<Actor>& by, User draft);
  Result<User> FindUser(std::string_view username);
  Result<std::vector<User>> ListUsers();
  // The actor for `username`; NotFound for an unknown or disabled user.
  Result<Actor> ActorFor(std::string_view username);
  Result<User> GetUser(Id id);
  // Stores the display name, role and disabled flag of `edited` (found by
  // its id; username and created_at stay). InvalidArgument for an unknown
  // role; FailedPrecondition when it would leave no enabled admin.
  Result<User> UpdateUser(const Actor& by, const User& edited);

  // --- Credentials ---------------------------------------------------------------
  // Passwords are stored as scrypt hashes (OpenSSL; N=2^15, r=8, p=1, 16-byte
  // salt); token and session secrets as SHA-256 hashes (they are random, 256
  // bits). Every check fails with Unauthenticated and one message that does
  // not tell which part was wrong.
  //
  // Sets a user's password (and audits that it changed, nothing more).
  // InvalidArgument (field "password") when it is shorter than 10 characters
  // (code points), longer than 1024 bytes or not UTF-8. `by` is empty only
  // for `akte init`.
  Status SetPassword(const std::optional<Actor>& by, Id user_id, std::string_view password);
  // The enabled user with this username and password. Unauthenticated
  // ("wrong username or password") alike for an unknown or disabled user,
  // one without a password and a wrong password, each after one scrypt run;
  // Corruption when the stored hash is damaged.
  Result<User> CheckPassword(std::string_view username, std::string_view password);
  // A new random password of 16 characters from an alphabet without look-
  // alikes (about 93 bits), for `akte init` and resets. Throws
  // std::runtime_error only when the system's random source fails.
  static std::string GeneratePassword();

  // Creates a token named `name` (what it is for; 1-100 characters) for an
  // enabled user (FailedPrecondition for a disabled one). The secret is in
  // the result only; the catalog keeps its hash.
  Result<IssuedToken> CreateToken(const Actor& by, Id user_id, std::string name);
  // A user's tokens, revoked ones included, oldest first. NotFound for an
  // unknown user.
  Result<std::vector<ApiToken>> ListTokens(Id user_id);
  // Revokes a token for good (a no-op when it is revoked already). NotFound
  // for an unknown id.
  Status RevokeToken(const Actor& by, Id token_id);
  // The enabled user owning this unrevoked token; records its use (at most
  // once a minute). Unauthenticated alike for an unknown or revoked token
  // and a disabled user.
  Result<User> UserForToken(std::string_view secret);

  // Starts a session of an enabled user that ends `ttl` after its last use
  // (sliding); removes expired sessions. The result holds the secret, which
  // the catalog keeps only as a hash, and a CSRF token.
  Result<Session> CreateSession(Id user_id, std::chrono::seconds ttl);
  // The live session with this secret (its `secret` left empty), its expiry
  // pushed to now + `ttl` (stored at most once a minute); Unauthenticated
  // when unknown, expired, ended, or its user disabled.
  Result<Session> TouchSession(std::string_view secret, std::chrono::seconds ttl);
  // Ends a session; ok also when there is none with this secret.
  Status EndSession(std::string_view secret);

  // --- Settings (firm-wide key/value) -----------------------------------------
  // Sets a setting. InvalidArgument (field: the key) for a value
  // CheckSetting refuses, and nothing changes.
  Status SetSetting(const Actor& by, std::string_view key, std::string_view value);
  // Sets a setting only if it still has `expected_version` (0: not set
  // yet); FailedPrecondition otherwise, and nothing changes. Values are
  // checked as by SetSetting.
  Result<Setting> UpdateSetting(const Actor& by, std::string_view key, std::string_view value,
                                std::optional<std::int64_t> expected_version);
  Result<std::optional<std::string>> GetSetting(std::string_view key);
  Result<std::vector<Setting>> ListSettings();  // by key

  // --- Configurable lists ------------------------------------------------------
  // Types are never deleted, only retired: the documents and events that
  // carry a retired type keep it, but it cannot be chosen for new ones.
  // Names match in any case (of ASCII letters, as SQLite's NOCASE does).
  //
  // The active types of `list`, in the order they were added.
  Result<std::vector<std::string>> Types(TypeList list);
  Result<std::vector<std::string>> DocumentTypes();  // Types(TypeList::kDocument)
  Result<std::vector<std::string>> EventTypes();     // Types(TypeList::kEvent)
  // Adds `name` (trimmed; 1 to 60 characters, no control characters, no
  // '/', which an API path could not address) to the end of `list`, or
  // puts back a retired type of that name, which keeps its stored
  // spelling. Returns the name as stored. AlreadyExists (field "name") when
  // the type is active; InvalidArgument (field "name") for a name that
  // breaks the rules.
  Result<std::string> AddType(const Actor& by, TypeList list, std::string name);
  // Retires the active type `name` of `list`. NotFound when there is none;
  // FailedPrecondition for the types akte itself gives records (Sonstiges
  // and E-Mail; E-Mail eingehend, E-Mail ausgehend and Wiedervorlage).
  Status RetireType(const Actor& by, TypeList list, std::string_view name);
  // Renames the type `from` of `list` to `to` (checked as by AddType).
  // Everything of that type keeps it under the new name (and is indexed
  // again). Returns the name as stored. NotFound when `from` names no type;
  // AlreadyExists (field "name") when `to` names another type;
  // FailedPrecondition for the types RetireType refuses.
  Result<std::string> RenameType(const Actor& by, TypeList list, std::string_view from,
                                 std::string to);

  // --- Prospects ---------------------------------------------------------------
  // Moves a prospect to `status` (a kPipeline... value) and records a
  // "Statuswechsel" history event naming both states and `remark`.
  // FailedPrecondition for a customer that is no prospect or a stale
  // `expected_version`; InvalidArgument (field "pipeline_status").
  Result<Customer> SetPipelineStatus(const Actor& by, Id id, std::int64_t expected_version,
                                     std::string_view status, std::string_view remark);
  // Makes a prospect a customer. It keeps its id, and with it every document,
  // note, event, record and follow-up; its status becomes "won", converted_at
  // is set and a "Statuswechsel" event records the conversion. A non-empty
  // `new_number` replaces its number (AlreadyExists when taken).
  // FailedPrecondition for a customer or a stale `expected_version`.
  Result<Customer> ConvertProspect(const Actor& by, Id id, std::int64_t expected_version,
                                   std::string new_number);

  // --- Tasks and appointments ---------------------------------------------------
  // Adds a task to `draft.customer_id`; contact and document must be that
  // customer's, the assignee an active user, the due date as NormalizeDate
  // reads it. InvalidArgument (with field), NotFound for an unknown customer.
  Result<Task> AddTask(const Actor& by, Task draft);
  Result<Task> GetTask(Id id);
  // A customer's tasks: open ones by due date (none last), then done ones,
  // most recently done first.
  Result<std::vector<Task>> ListTasks(Id customer_id);
  // Stores title, text, due date, assignee, contact and document of `edited`
  // (checked as by AddTask) when its version is the stored one, else
  // FailedPrecondition; also for a task that is done.
  Result<Task> UpdateTask(const Actor& by, const Task& edited);
  // Marks a task done by `by` now and records an "Aufgabe" history event on
  // its customer in the same transaction. FailedPrecondition when done already.
  Result<Task> CompleteTask(const Actor& by, Id id);
  // The open tasks of `assignee` (every open task with a due date when
  // empty), by due date. NotFound for an unknown user.
  Result<std::vector<Task>> OpenTasksOf(std::string_view assignee);

  // Adds an appointment; checked as AddTask, plus: start and end as
  // NormalizeTimestamp reads them, end not before start, participants
  // active users. InvalidArgument (with field), NotFound.
  Result<Appointment> AddAppointment(const Actor& by, Appointment draft);
  Result<Appointment> GetAppointment(Id id);
  // A customer's appointments by start.
  Result<std::vector<Appointment>> ListAppointments(Id customer_id);
  // As UpdateTask, for every field of an appointment but its customer.
  // FailedPrecondition also for a cancelled one.
  Result<Appointment> UpdateAppointment(const Actor& by, const Appointment& edited);
  // Cancels an appointment (it stays in the history, marked cancelled).
  Result<Appointment> CancelAppointment(const Actor& by, Id id, std::int64_t expected_version);
  // The appointments `user` attends (or created) that end at or after
  // `from` (UTC), not cancelled, by start. NotFound for an unknown user.
  Result<std::vector<Appointment>> AppointmentsOf(std::string_view user, std::string_view from);
  // `user`'s day `today` (YYYY-MM-DD; empty: FirmToday()), judged in the
  // firm's time zone.
  Result<Agenda> DayAgenda(std::string_view user, std::string_view today);

  // --- Calendar feeds -------------------------------------------------------------
  // Makes a new secret for `user`'s iCalendar feed; the old one stops
  // working. Returns the secret, which akte keeps only as a hash.
  // NotFound for an unknown user; FailedPrecondition for a disabled one.
  Result<std::string> RenewCalendarFeed(const Actor& by, std::string_view user);
  // Stops `user`'s feed. NotFound when it has none.
  Status RevokeCalendarFeed(const Actor& by, std::string_view user);
  // The user whose feed `secret` opens. NotFound for an unknown secret or
  // a disabled user.
  Result<User> CalendarFeedUser(std::string_view secret);

  // --- Custom fields -----------------------------------------------------------
  // Defines or redefines the label and type of one of the 20 slots.
  Result<CustomFieldDefinition> DefineCustomField(const Actor& by,
                                                  CustomFieldDefinition definition);
  Result<std::vector<CustomFieldDefinition>> ListCustomFields();

  // --- Customers ---------------------------------------------------------------
  // Creates a customer or prospect. AlreadyExists for a taken number. A
  // prospect starts at pipeline status "new" unless `draft` names another;
  // a customer has none (or "won"). InvalidArgument ("pipeline_status").
  Result<Customer> CreateCustomer(const Actor& by, Customer draft);
  // Stores `edited`, whose `version` must be the stored one (else
  // FailedPrecondition, and nothing changes). Returns the new state. The
  // pipeline status is not edited here (InvalidArgument when `edited`
  // changes it): a change of kind from prospect to customer is the
  // conversion (as ConvertProspect), back to prospect restarts at "new".
  Result<Customer> UpdateCustomer(const Actor& by, const Customer& edited);
  // Marks a customer archived (hidden from lists, kept with its file).
  Result<Customer> ArchiveCustomer(const Actor& by, Id id, std::int64_t expected_version);
  Result<Customer> GetCustomer(Id id);
  Result<Customer> FindCustomerByNumber(std::string_view number);
  Result<std::vector<Customer>> ListCustomers(const CustomerListOptions& options = {});
  // Creates all of `drafts` in one transaction, or none of them. Every draft
  // is tried, so that all problems are reported at once (also duplicate
  // numbers within the batch). Nothing is stored when there is a problem or
  // when `dry_run` is set.
  Result<BatchOutcome<Customer>> ImportCustomers(const Actor& by, std::vector<Customer> drafts,
                                                 bool dry_run = false);
  // Customers and contacts owning `email` (case-insensitive): customer ids.
  Result<std::vector<Id>> CustomersWithEmail(std::string_view email);
  // Customers owning, or with contacts owning, an address at `domain`.
  Result<std::vector<Id>> CustomersWithEmailDomain(std::string_view domain);

  // --- Conditions --------------------------------------------------------------
  // Creates (version 0) or updates (current version) a customer's conditions.
  Result<Conditions> SetConditions(const Actor& by, const Conditions& conditions);
  Result<std::optional<Conditions>> GetConditions(Id customer_id);

  // --- Contacts ----------------------------------------------------------------
  Result<Contact> CreateContact(const Actor& by, Contact draft);
  Result<Contact> UpdateContact(const Actor& by, const Contact& edited);
  Result<Contact> GetContact(Id id);
  Result<std::vector<Contact>> ListContacts(Id customer_id);
  // Creates all of `drafts` in one transaction (all or none), as ImportCustomers.
  Result<BatchOutcome<Contact>> ImportContacts(const Actor& by, std::vector<Contact> drafts,
                                               bool dry_run = false);

  // --- Documents ---------------------------------------------------------------
  // Records a document whose bytes are already in the blob store.
  Result<Document> AddDocument(const Actor& by, Document draft);
  Result<Document> GetDocument(Id id);
  Result<std::vector<Document>> ListDocuments(Id customer_id);
  // The top-level document of `customer_id` (or of the inbox) with these
  // bytes, if one is stored: the same file filed twice is kept once.
  Result<std::optional<Document>> FindDocument(std::optional<Id> customer_id,
                                               std::string_view sha256);
  Result<std::vector<BlobReference>> BlobReferences();
  // A top-level document with these bytes, whichever customer it is filed
  // under (or none): mail imports must not file one message twice.
  Result<std::optional<Document>> FindDocumentAnywhere(std::string_view sha256);
  // How deep a document sits in bundles and mails (0: filed directly).
  Result<int> DocumentDepth(Id id);
  // The files found directly inside a document (an email's attachments, a
  // bundle's members), in id order.
  Result<std::vector<Document>> ChildDocuments(Id parent_id);

  // --- Extraction and the inbox --------------------------------------------
  // Records the outcome of extracting `document_id` and adds `children`
  // (files found inside it, their blobs already stored) as pending
  // documents under it, in one transaction. Children inherit the customer
  // (after any assignment), contact and uploader of their parent. Returns
  // the stored children. The record's event (an email's history entry) is
  // left out when an event links the document already (an email logged
  // with its file). FailedPrecondition when the document is no longer
  // pending (another process extracted it meanwhile): nothing is recorded.
  Result<std::vector<Document>> RecordExtraction(const Actor& by, Id document_id,
                                                 const ExtractionRecord& record,
                                                 std::vector<Document> children);
  Result<std::optional<StoredText>> GetText(Id document_id);
  // Ids of documents in `state`, oldest first, at most `limit`.
  Result<std::vector<Id>> DocumentsInState(std::string_view state, int limit);
  // How many documents are in each extraction state.
  Result<std::map<std::string, std::int64_t>> CountDocumentsByState();
  // Puts every failed document back to pending; returns how many.
  Result<int> ResetFailed(const Actor& by);
  // Top-level documents waiting for a person to choose their customer.
  Result<std::vector<Document>> Inbox();
  // Files an inbox document, and everything found inside it, under a
  // customer; records `event` (an email's history entry) with it.
  // FailedPrecondition when it already has a customer.
  Result<Document> AssignDocument(const Actor& by, Id document_id, Id customer_id,
                                  std::optional<Event> event);

  // --- Notes and history events --------------------------------------------
  // Adds a note. Its author comes from `by`, never from the caller; its
  // time from the clock, unless `written_at` gives the time a note carried
  // over from earlier records was written (not in the future).
  Result<Note> AddNote(const Actor& by, Id customer_id, std::optional<Id> contact_id,
                       std::string text, std::string_view written_at = {});
  Result<Note> GetNote(Id id);
  // Replaces a note's text; `expected_version` must be the stored one (else
  // FailedPrecondition). Sets edited_at; author and created_at stay.
  Result<Note> UpdateNote(const Actor& by, Id id, std::string text, std::int64_t expected_version);
  // Adds a history event; `draft.occurred_at` defaults to now. Author and
  // created_at come from `by` and the clock.
  Result<Event> AddEvent(const Actor& by, Event draft);
  Result<Event> GetEvent(Id id);
  // The customers and contacts that have `phone_or_email` among their
  // channels: an email address (any case), or a phone number in any common
  // spelling (+49 30 1234567, 030/1234567, 0049 (0)30 123 45 67).
  Result<std::vector<ChannelOwner>> FindChannelOwners(std::string_view phone_or_email);
  // Carries notes and events over from other software in one transaction
  // (all or none, as ImportCustomers): each keeps its original time and
  // author (an akte user, found by username or display name; add former
  // colleagues as disabled users), and its audit entry says "import" by
  // `by`. The outcome holds each stored item's id.
  Result<BatchOutcome<Id>> ImportHistory(const Actor& by, std::vector<HistoryImportLine> lines,
                                         bool dry_run = false);

  // --- Business records (offers, orders, ..., dunning letters) ---------------
  // Records a business record; author and created_at come from `by` and the
  // clock. Checks, each InvalidArgument naming the field: a known kind; a
  // number (AlreadyExists when the kind already has it); a valid date; net
  // and tax not negative and gross = net + tax (a gross of 0 is computed;
  // delivery notes and dunning letters carry no amounts); the previous
  // record belongs to the same customer and may precede this kind
  // (PredecessorsOf in business.h); a dunning letter's level is 1 to 3 and
  // its fee not negative;
  // a document belongs to the same customer.
  Result<BusinessRecord> AddBusinessRecord(const Actor& by, BusinessRecord draft);
  Result<BusinessRecord> GetBusinessRecord(Id id);
  // A customer's records, oldest first (by date, then id).
  Result<std::vector<BusinessRecord>> ListBusinessRecords(Id customer_id);
  // The record of `kind` with `number`; NotFound when there is none.
  Result<BusinessRecord> FindBusinessRecord(std::string_view kind, std::string_view number);
  // Records all of `lines` in one transaction (all or none), as
  // ImportCustomers; a line may refer to records of earlier lines. The
  // outcome holds each line's record (for a payment: its invoice after it).
  Result<BatchOutcome<BusinessRecord>> ImportBusinessRecords(const Actor& by,
                                                             std::vector<BusinessImportLine> lines,
                                                             bool dry_run = false);
  // Records a payment of an invoice and returns the invoice as it stands
  // then. InvalidArgument for a record that is no invoice (field
  // "record_id"), an amount not above 0 or above what is still owed
  // ("amount_cents"), a bad date ("paid_on").
  Result<BusinessRecord> AddPayment(const Actor& by, Payment draft);
  // The newest history event of a customer up to now (UTC), "" if none.
  Result<std::string> LastContact(Id customer_id);

  // --- Birthdays -------------------------------------------------------------
  // The birthdays of customers and of their contacts (archived customers
  // left out) from `from` (YYYY-MM-DD) through `days` days later, by date,
  // then name. InvalidArgument for a bad date or days outside 0 to 366.
  Result<std::vector<UpcomingBirthday>> UpcomingBirthdays(std::string_view from, int days);
  // Every date of birth of customers and their contacts (archived customers
  // left out), by month and day, then name: for the calendar feed.
  Result<std::vector<BirthDate>> BirthDates();

  // --- Follow-ups ("Wiedervorlage") -------------------------------------------
  // Sets a follow-up on `draft.customer_id` (a customer or prospect) or, with
  // `draft.entity` "document", "note" or "event", on that item of it
  // (`draft.entity_id`). The due date may be spelled as NormalizeDate
  // accepts; the assignee is an enabled user's username (empty: `by`).
  // InvalidArgument naming the field for a bad date ("due_date"), an empty
  // reason ("reason"), an unknown or disabled assignee ("assignee"), an
  // unknown entity kind ("entity") or an item that is not the customer's
  // ("entity_id"); NotFound for an unknown customer.
  Result<FollowUp> AddFollowUp(const Actor& by, FollowUp draft);
  Result<FollowUp> GetFollowUp(Id id);
  // A customer's follow-ups: the open ones by due date, then the done ones,
  // most recently done first. NotFound for an unknown customer.
  Result<std::vector<FollowUp>> ListFollowUps(Id customer_id);
  // Reschedules or reassigns: stores due date, assignee and reason of
  // `edited` (found by its id; checked as by AddFollowUp), whose `version`
  // must be the stored one (else FailedPrecondition, and nothing changes).
  // FailedPrecondition also for a follow-up that is done.
  Result<FollowUp> UpdateFollowUp(const Actor& by, const FollowUp& edited);
  // Marks a follow-up done by `by` now and, in the same transaction, records
  // a history event of type "Wiedervorlage" on its customer (linked to the
  // document when it was set on one). FailedPrecondition when it is done
  // already.
  Result<FollowUp> CompleteFollowUp(const Actor& by, Id id);
  // The open follow-ups due through the Sunday of the ISO week of `today`
  // (YYYY-MM-DD; empty: FirmToday()), grouped as overdue, due today and due
  // later this week, each by due date, then customer number. `assignee` is
  // a username (empty: everyone's). InvalidArgument for a bad date
  // ("today") or an unknown user ("assignee").
  Result<FollowUpsDue> DueFollowUps(std::string_view assignee, std::string_view today);
  // Every open follow-up of `assignee`, by due date. NotFound for an unknown user.
  Result<std::vector<FollowUp>> OpenFollowUpsOf(std::string_view assignee);
  // Today's date (YYYY-MM-DD) in the firm's time zone (kTimeZoneSetting,
  // else kDefaultTimeZone) by the catalog's clock.
  Result<std::string> FirmToday();

  // --- Sent email (SendEmail in mail_sending.h) -------------------------------
  // Records an email akte sent, its bytes already in the blob store
  // (`draft.sha256`, `draft.size`): the document (of a customer) as already
  // extracted with `text` (so extraction adds no second event), and `event`,
  // when set, linked to it, in one transaction. Checked as AddDocument and
  // AddEvent.
  Result<std::pair<Document, std::optional<Event>>> RecordSentEmail(const Actor& by, Document draft,
                                                                    const ExtractionRecord& text,
                                                                    std::optional<Event> event);

  // --- Reading a whole file ------------------------------------------------
  Result<CustomerFile> GetCustomerFile(Id customer_id);
  Result<std::vector<AuditEntry>> AuditTrail(std::string_view entity, Id entity_id);

  // --- Change feed and integrity -------------------------------------------
  // Changes after `after_seq`, oldest first, at most `limit`.
  Result<std::vector<Change>> ChangesSince(std::int64_t after_seq, int limit);
  // The newest change's sequence number (0 when there is none).
  Result<std::int64_t> LatestChange();
  // The sequence number of the newest change of one record (0: none): the
  // index reflects that record once it stands at this position.
  Result<std::int64_t> LatestChangeOf(std::string_view entity, Id entity_id);
  // Ids and versions of the searchable records of one kind ("customer",
  // "contact", "document", "note", "event", "record", "task", "appointment")
  // with id > `after_id`, in id order, at most `limit`: for rebuilding and
  // checking the index.
  Result<std::vector<std::pair<Id, std::int64_t>>> ItemVersions(std::string_view entity,
                                                                Id after_id, int limit);
  // SQLite's integrity and foreign key checks: one line per problem found.
  Result<std::vector<std::string>> CheckIntegrity();

 private:
  Catalog(std::unique_ptr<sql::Database> db, const Clock& clock);
  std::string Now() const;
  Status WriteAudit(sql::Connection& conn, const Actor& by, std::string_view action,
                    std::string_view entity, Id entity_id, const std::string& before,
                    const std::string& after);
  Result<Customer> InsertCustomer(sql::Connection& conn, const Actor& by, Customer draft,
                                  std::string_view action);
  // Records the "Statuswechsel" history event of a prospect's move from
  // `before` to `after` (a new status, a conversion, or back to prospect).
  Status RecordPipelineEvent(sql::Connection& conn, const Actor& by, const Customer& before,
                             const Customer& after, std::string_view remark);
  // Stores a note or event written by `author`, audited as `action` by
  // `auditor` (an import marks what it carried over as "import").
  Result<Event> InsertEvent(sql::Connection& conn, const Actor& author, Event draft,
                            const Actor& auditor, std::string_view action);
  Result<Note> InsertNote(sql::Connection& conn, const Actor& author, Id customer_id,
                          std::optional<Id> contact_id, std::string text,
                          std::string_view written_at, const Actor& auditor,
                          std::string_view action);
  Result<Document> InsertDocument(sql::Connection& conn, Id uploader, Document draft);
  Result<Contact> InsertContact(sql::Connection& conn, const Actor& by, Contact draft,
                                std::string_view action);
  Result<BusinessRecord> InsertBusinessRecord(sql::Connection& conn, const Actor& by,
                                              BusinessRecord draft, std::string_view action);
  Result<BusinessRecord> InsertPayment(sql::Connection& conn, const Actor& by, Payment draft,
                                       std::string_view action);
  // `insert` turns a Draft into a stored T.
  template <typename T, typename Draft, typename Insert>
  Result<BatchOutcome<T>> ImportBatch(std::vector<Draft> drafts, bool dry_run,
                                      const Insert& insert);
  Result<std::vector<CustomFieldDefinition>> LoadCustomFields(sql::Connection& conn);
  Status ValidateCustomFields(sql::Connection& conn, Customer& customer);

  std::unique_ptr<sql::Database> db_;
  const Clock& clock_;
};

}  // namespace akte::archive
