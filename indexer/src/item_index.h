// Turning one catalog item (customer, contact, document, note, event,
// business record, task, appointment) into the Xapian documents that index it, private to
// indexer/. The layout is search/schema.h's; the words go through search's
// Analyzer, so the index and the queries always make the same terms.
#pragma once

#include <xapian.h>

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "akte/archive/catalog.h"
#include "akte/search/analysis.h"

namespace akte::indexer {

struct IndexedItem {
  std::string item_key;                     // "document:12"
  std::vector<Xapian::Document> documents;  // one, or one per passage
  std::vector<std::string> spelling_words;
};

// Not thread-safe: one per index-writing thread.
class ItemIndexer {
 public:
  ItemIndexer(archive::Catalog& catalog, const search::Analyzer& analyzer,
              const Xapian::Database* vocabulary)
      : catalog_(catalog),
        analyzer_(analyzer),
        vocabulary_(vocabulary),
        session_(analyzer.StartIndexing(vocabulary)) {}

  // The index entries of the item, or nullopt when the catalog no longer
  // has it (its entries must go).
  Result<std::optional<IndexedItem>> Build(std::string_view entity, archive::Id id);

  // Forgets cached customer names (call after a customer changed).
  void ForgetCustomer(archive::Id id) { customer_labels_.erase(id); }

 private:
  struct CustomerLabel {
    std::string name;
    std::string number;
  };
  Result<CustomerLabel> LabelOf(archive::Id customer_id);

  // Adds the terms, values and data every item carries.
  struct Common {
    std::string_view kind;
    archive::Id id = 0;
    std::int64_t version = 0;
    std::optional<archive::Id> customer_id;
    std::optional<archive::Id> contact_id;
    std::string type;
    std::string author;
    std::string date;  // ISO date or timestamp
  };
  Status AddCommon(Xapian::Document& doc, const Common& common, int passage, int page,
                   Xapian::termpos* position);

  Result<IndexedItem> BuildCustomer(const archive::Customer& c);
  Result<IndexedItem> BuildContact(const archive::Contact& c);
  Result<IndexedItem> BuildNote(const archive::Note& n);
  Result<IndexedItem> BuildEvent(const archive::Event& e);
  Result<IndexedItem> BuildDocument(const archive::Document& d);
  Result<IndexedItem> BuildRecord(const archive::BusinessRecord& r);
  Result<IndexedItem> BuildTask(const archive::Task& t);
  Result<IndexedItem> BuildAppointment(const archive::Appointment& a);

  archive::Catalog& catalog_;
  const search::Analyzer& analyzer_;
  const Xapian::Database* vocabulary_;
  std::unique_ptr<search::IndexingSession> session_;  // compound splits, across items
  std::map<archive::Id, CustomerLabel> customer_labels_;
};

}  // namespace akte::indexer
