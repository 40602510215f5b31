#include "index_updater.h"

#include <nlohmann/json.hpp>
#include <set>

#include "akte/search/schema.h"

namespace akte::indexer {
namespace {

namespace schema = search::schema;

// Spelling words are gathered per batch and added with their counts: one
// update per distinct word instead of one per occurrence.
constexpr std::size_t kMaxSpellingWords = 200'000;

std::string ItemTerm(std::string_view entity, archive::Id id) {
  return std::string(schema::kItemPrefix) + schema::ItemKey(entity, id);
}

// The label the index holds for a customer ("" when not indexed).
std::string IndexedLabel(Xapian::Database& db, archive::Id customer_id) {
  const std::string term = ItemTerm(schema::kCustomer, customer_id);
  auto it = db.postlist_begin(term);
  if (it == db.postlist_end(term)) return "";
  auto data = nlohmann::json::parse(db.get_document(*it).get_data(), nullptr, false);
  return data.is_object() ? data.value("label", "") : "";
}

}  // namespace

Status GuardXapian(std::string_view what, const std::function<Status()>& body) {
  try {
    return body();
  } catch (const Xapian::DatabaseLockError&) {
    return Status::Unavailable(
        "the search index is being written by another akte process (is `akte serve` running?)");
  } catch (const Xapian::DatabaseCorruptError& e) {
    return Status::Corruption(std::string(what) + ": the search index is damaged (" + e.get_msg() +
                              "); rebuild it with `akte reindex`");
  } catch (const Xapian::DatabaseOpeningError& e) {
    return Status::IoError(std::string(what) + ": cannot open the search index: " + e.get_msg());
  } catch (const Xapian::Error& e) {
    return Status::IoError(std::string(what) + ": " + e.get_type() + ": " + e.get_msg());
  } catch (const std::bad_alloc&) {
    return Status::Internal(std::string(what) + ": out of memory");
  }
}

IndexUpdater::IndexUpdater(archive::Catalog& catalog, Xapian::WritableDatabase& db)
    : catalog_(catalog), db_(db), items_(catalog, search::Analyzer::Default(), &db) {}

Status IndexUpdater::Store(std::optional<IndexedItem> item, std::string_view entity, archive::Id id,
                           bool replace) {
  if (replace) db_.delete_document(ItemTerm(entity, id));
  if (!item) return Status::Ok();
  for (auto& doc : item->documents) {
    db_.add_document(doc);
    ++documents_added_;
  }
  if (spelling_.size() < kMaxSpellingWords) {
    for (const auto& word : item->spelling_words) ++spelling_[word];
  }
  return Status::Ok();
}

Status IndexUpdater::Add(std::string_view entity, archive::Id id) {
  AKTE_ASSIGN_OR_RETURN(auto item, items_.Build(entity, id));
  return Store(std::move(item), entity, id, false);
}

Status IndexUpdater::AddBuilt(std::optional<IndexedItem> item, std::string_view entity,
                              archive::Id id) {
  return Store(std::move(item), entity, id, false);
}

Status IndexUpdater::Apply(std::string_view entity, archive::Id id) {
  const bool customer = entity == schema::kCustomer;
  const std::string old_label = customer ? IndexedLabel(db_, id) : "";
  AKTE_ASSIGN_OR_RETURN(auto item, items_.Build(entity, id));
  std::string new_label;
  if (customer && item) {
    auto data = nlohmann::json::parse(item->documents.front().get_data(), nullptr, false);
    new_label = data.is_object() ? data.value("label", "") : "";
  }
  AKTE_RETURN_IF_ERROR(Store(std::move(item), entity, id, true));
  if (!customer || old_label.empty() || old_label == new_label || new_label.empty()) {
    return Status::Ok();
  }
  // Renamed: every item of the customer carries the name.
  AKTE_ASSIGN_OR_RETURN(auto file, catalog_.GetCustomerFile(id));
  for (const auto& c : file.contacts) AKTE_RETURN_IF_ERROR(Apply(schema::kContact, c.id));
  for (const auto& d : file.documents) AKTE_RETURN_IF_ERROR(Apply(schema::kDocument, d.id));
  for (const auto& n : file.notes) AKTE_RETURN_IF_ERROR(Apply(schema::kNote, n.id));
  for (const auto& e : file.events) AKTE_RETURN_IF_ERROR(Apply(schema::kEvent, e.id));
  for (const auto& r : file.records) AKTE_RETURN_IF_ERROR(Apply(schema::kRecord, r.id));
  for (const auto& t : file.tasks) AKTE_RETURN_IF_ERROR(Apply(schema::kTask, t.id));
  for (const auto& a : file.appointments) AKTE_RETURN_IF_ERROR(Apply(schema::kAppointment, a.id));
  return Status::Ok();
}

Status IndexUpdater::Commit(std::int64_t seq) {
  for (const auto& [word, count] : spelling_) db_.add_spelling(word, count);
  spelling_.clear();
  if (seq >= 0) db_.set_metadata(std::string(schema::kCatalogSeqKey), std::to_string(seq));
  db_.set_metadata(std::string(schema::kSchemaKey), std::string(schema::kSchemaVersion));
  db_.commit();
  return Status::Ok();
}

std::int64_t IndexUpdater::IndexedSeq() const {
  const std::string value = db_.get_metadata(std::string(schema::kCatalogSeqKey));
  return value.empty() ? 0 : std::stoll(value);
}

Result<CatchUpReport> IndexUpdater::CatchUp(std::size_t batch, const IndexProgress& progress) {
  CatchUpReport report;
  std::int64_t seq = IndexedSeq();
  AKTE_ASSIGN_OR_RETURN(std::int64_t latest, catalog_.LatestChange());
  const std::size_t total = latest > seq ? static_cast<std::size_t>(latest - seq) : 0;
  for (;;) {
    AKTE_ASSIGN_OR_RETURN(auto changes, catalog_.ChangesSince(seq, static_cast<int>(batch)));
    if (changes.empty()) break;
    // One item changed several times in a batch is indexed once, as it is now.
    std::set<std::pair<std::string, archive::Id>> done;
    for (const auto& change : changes) {
      if (!done.insert({change.entity, change.entity_id}).second) continue;
      AKTE_RETURN_IF_ERROR(Apply(change.entity, change.entity_id));
    }
    seq = changes.back().seq;
    AKTE_RETURN_IF_ERROR(Commit(seq));
    report.changes += changes.size();
    report.items += done.size();
    if (progress) progress(std::min(report.changes, total), total);
  }
  report.seq = seq;
  return report;
}

}  // namespace akte::indexer
