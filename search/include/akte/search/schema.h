// The layout of the search index, shared by the index writer (indexer/)
// and the searcher (search/): which catalog item a Xapian document stands
// for, its field prefixes, boolean filter terms and value slots.
//
// Every catalog item (customers, contacts, documents, notes, events,
// business records, tasks and appointments) is one Xapian document, except
// documents with text, which are one Xapian document per page (PDF, slides,
// sheets) or per passage of about 2,000 words (other text), so a hit can
// name its page and snippets come from a passage, not a whole book.
#pragma once

#include <xapian.h>

#include <string>
#include <string_view>

namespace akte::search::schema {

// Kinds of items, as terms ("K" + kind) and in results.
inline constexpr std::string_view kCustomer = "customer";
inline constexpr std::string_view kContact = "contact";
inline constexpr std::string_view kDocument = "document";
inline constexpr std::string_view kNote = "note";
inline constexpr std::string_view kEvent = "event";
inline constexpr std::string_view kRecord = "record";  // business records: offers, invoices, ...
inline constexpr std::string_view kTask = "task";      // "Aufgaben"
inline constexpr std::string_view kAppointment = "appointment";  // "Termine"

// Field prefixes of free text (the body text has none).
inline constexpr std::string_view kTitlePrefix = "S";      // titles, subjects, names
inline constexpr std::string_view kCustomerPrefix = "XN";  // the customer's name and number

// Boolean terms.
inline constexpr std::string_view kUniquePrefix = "Q";  // one per Xapian document: "Qd12p3"
inline constexpr std::string_view kItemPrefix = "XI";   // one per catalog item: "XIdocument:12"
inline constexpr std::string_view kKindPrefix = "K";    // "Kdocument"
inline constexpr std::string_view kCustomerIdPrefix = "XC";  // "XC42"
inline constexpr std::string_view kContactIdPrefix = "XP";   // "XP7"
inline constexpr std::string_view kTypePrefix = "XT";  // folded document or event type: "XTvertrag"
inline constexpr std::string_view kAuthorPrefix = "A";  // username, lowercase
inline constexpr std::string_view kYearPrefix = "Y";    // "Y2024"
inline constexpr std::string_view kMonthPrefix = "M";   // "M202403"
inline constexpr std::string_view kStatePrefix = "XS";  // extraction state of documents
// A prospect's (or converted customer's) pipeline status: "XVoffer_sent".
inline constexpr std::string_view kPipelinePrefix = "XV";

// Value slots.
inline constexpr Xapian::valueno kDateSlot = 0;      // "YYYYMMDD", sortable and for ranges
inline constexpr Xapian::valueno kCustomerSlot = 1;  // customer id (decimal): collapse key
inline constexpr Xapian::valueno kItemSlot = 2;      // "document:12": collapse key for list results
inline constexpr Xapian::valueno kPageSlot = 3;      // page number, decimal ("" for none)
inline constexpr Xapian::valueno kKindSlot = 4;      // "document", for facets
inline constexpr Xapian::valueno kTypeSlot = 5;      // the type as shown ("Vertrag"), for facets
// Records with amounts (offers, orders, invoices, credit notes): the gross
// amount in cents, Xapian::sortable_serialise'd, for `betrag:` ranges.
inline constexpr Xapian::valueno kAmountSlot = 6;

// Metadata keys of the index.
inline constexpr std::string_view kCatalogSeqKey = "akte.catalog_seq";  // change feed position
inline constexpr std::string_view kSchemaKey = "akte.schema";           // this layout's version
inline constexpr std::string_view kSchemaVersion = "1";

// "document:12", "contact:3": the item key of a catalog item, unique across
// kinds and readable in fsck's report.
std::string ItemKey(std::string_view kind, long long id);

}  // namespace akte::search::schema
