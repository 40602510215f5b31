// Searching a data directory: parses the query, runs it on the live index,
// and hydrates every hit from the catalog, so what is shown is always the
// current truth (a renamed customer shows its new name even before the
// index caught up). Hits carry a snippet with highlights (and the page for
// PDFs); results come as a list (one hit per item) or grouped by customer
// with the strongest evidence first; facets count kinds, types, customers
// and years; a query that finds nothing is retried with spelling
// corrections from the index's own vocabulary.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "akte/archive/data_dir.h"
#include "akte/search/analysis.h"

namespace akte::search {

struct SearchRequest {
  std::string query;
  bool customers = false;  // group by customer (also when the query asks "welcher Kunde …")
  std::vector<std::string> kinds;          // only these kinds ("document", "note", ...); empty: all
  std::optional<archive::Id> customer_id;  // only this customer's items
  std::size_t limit = 20;                  // hits, or customers in customer mode
  std::size_t offset = 0;
  bool facets = false;
};

struct Hit {
  std::string kind;  // customer, contact, document, note, event, record, task, appointment
  archive::Id id = 0;
  double score = 0;
  int percent = 0;
  std::string title;
  std::string detail;  // document type and file name, event type, author, ...
  std::string date;    // ISO date or UTC timestamp
  int page = 0;        // page of a PDF (or slide, sheet) where the hit is; 0: none
  std::optional<archive::Id> customer_id;
  std::string customer_number;
  std::string customer_name;
  Snippet snippet;
  // Business records: the gross amount (offers, orders, invoices, credit
  // notes) and an invoice's payment state (archive::kPayment…, "" for
  // other kinds).
  std::optional<std::int64_t> amount_cents;
  std::string payment_status;
};

struct CustomerResult {
  archive::Customer customer;
  double score = 0;                // evidence strength: best hit plus a share of the next ones
  std::size_t matching_items = 0;  // an estimate when many match (index entries, not exact)
  std::vector<Hit> evidence;       // its best few hits, strongest first
};

struct CustomerFacet {
  archive::Id id = 0;
  std::string number;
  std::string name;
  std::size_t count = 0;
};

struct Facets {
  std::map<std::string, std::size_t> kinds;
  std::map<std::string, std::size_t> types;
  std::vector<CustomerFacet> customers;  // most items first
  std::map<std::string, std::size_t> years;
  bool exact = true;  // false when counted from the best 1,000 items only
};

struct SearchResponse {
  std::string query;            // as asked
  std::string corrected_query;  // what was searched instead, when the query found nothing
  std::string suggestion;       // "did you mean", when some word is unknown
  bool relaxed = false;         // no item had all words; items with any are shown
  bool customer_mode = false;
  std::size_t total = 0;                  // matching items (an estimate past the first 1,000)
  std::vector<Hit> hits;                  // list mode
  std::vector<CustomerResult> customers;  // customer mode
  std::optional<Facets> facets;
};

// Not thread-safe: one Searcher per thread (a Xapian database handle is
// not shareable); opening one is cheap.
class Searcher {
 public:
  // NotFound when the data directory has no index yet (run `akte reindex`).
  static Result<std::unique_ptr<Searcher>> Open(archive::DataDir& dir);
  ~Searcher();

  // InvalidArgument for a malformed query, with a message to show.
  Result<SearchResponse> Search(const SearchRequest& request);

  // Documents like the given one (Xapian relevance feedback over its own
  // terms), excluding itself: the comparable contracts of other customers.
  Result<std::vector<Hit>> Similar(archive::Id document_id, std::size_t limit = 10);

  // The customers a document most likely belongs to, for filing it from
  // the inbox: customers ranked by their items like it (the same words,
  // names, projects), each with its evidence.
  Result<std::vector<CustomerResult>> SuggestCustomers(archive::Id document_id,
                                                       std::size_t limit = 5);

 private:
  struct Impl;
  explicit Searcher(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The response as JSON (for `akte search --json` and the HTTP API).
std::string ToJson(const SearchResponse& response, int indent = -1);
std::string ToJson(const std::vector<Hit>& hits, int indent = -1);
std::string ToJson(const std::vector<CustomerResult>& customers, int indent = -1);

}  // namespace akte::search
