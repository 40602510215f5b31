#include "akte/search/searcher.h"

#include <algorithm>
#include <map>

#include "akte/search/index_location.h"
#include "akte/search/query.h"
#include "akte/search/schema.h"
#include "hits.h"

namespace akte::search {
namespace {

namespace sc = schema;

// Customer mode ranks customers by their best items: the first counts
// fully, the next ones less, so one strong hit beats many weak ones.
constexpr double kEvidenceWeights[] = {1.0, 0.5, 0.25};
constexpr std::size_t kEvidencePerCustomer = 3;
// How many items facets count (beyond, they are marked inexact).
constexpr Xapian::doccount kFacetDepth = 1000;

Status FromXapian(const Xapian::Error& e) {
  return Status::IoError(std::string("search index: ") + e.get_type() + ": " + e.get_msg());
}

// The unprefixed terms of a query (field-prefixed ones are upper case; "Z"
// marks stems of unprefixed words): what snippets highlight. A hit's
// snippet matches only the words its text holds, so the query's terms serve
// every hit, and Xapian need not intersect each hit's term list with them.
std::vector<std::string> BodyTerms(const Xapian::Query& query) {
  std::vector<std::string> terms;
  for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
    const std::string& term = *it;
    if (term.empty()) continue;
    const unsigned char first = static_cast<unsigned char>(term[0]);
    const bool prefixed = first >= 'A' && first <= 'Z';
    const bool stem = term.size() > 1 && first == 'Z' && !(term[1] >= 'A' && term[1] <= 'Z');
    if (!prefixed || stem) terms.push_back(term);
  }
  return terms;
}

}  // namespace

struct Searcher::Impl {
  archive::DataDir& dir;
  const Analyzer& analyzer = Analyzer::Default();
  IndexLocation location;
  std::string generation;
  Xapian::Database db;
  HitBuilder hits;

  explicit Impl(archive::DataDir& d)
      : dir(d), location(d.index_path()), hits(d.catalog(), analyzer) {}

  // Opens the live generation, or what was committed to it since.
  Status Refresh() {
    AKTE_ASSIGN_OR_RETURN(std::string name, location.CurrentName());
    if (name != generation) {
      const auto path = location.dir() / name;
      std::error_code ec;
      if (!std::filesystem::exists(path, ec)) {
        return Status::NotFound("there is no search index yet; build it with `akte reindex`");
      }
      db = Xapian::Database(path.string());
      generation = name;
    } else {
      db.reopen();
    }
    return Status::Ok();
  }

  Xapian::Query Restrict(const Xapian::Query& text, const Xapian::Query& parsed_filter,
                         const SearchRequest& request) const {
    std::vector<Xapian::Query> filters;
    if (!parsed_filter.empty()) filters.push_back(parsed_filter);
    if (!request.kinds.empty()) {
      std::vector<Xapian::Query> kinds;
      for (const auto& kind : request.kinds)
        kinds.emplace_back(std::string(sc::kKindPrefix) + kind);
      filters.emplace_back(Xapian::Query::OP_OR, kinds.begin(), kinds.end());
    }
    if (request.customer_id) {
      filters.emplace_back(std::string(sc::kCustomerIdPrefix) +
                           std::to_string(*request.customer_id));
    }
    if (filters.empty()) return text;
    Xapian::Query filter(Xapian::Query::OP_AND, filters.begin(), filters.end());
    if (text.empty()) return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, filter, 0);
    return Xapian::Query(Xapian::Query::OP_FILTER, text, filter);
  }

  // One hit per item (its best passage); or, by customer, each customer's
  // best few index entries, so customer mode ranks customers without
  // reading thousands of hits.
  Xapian::Enquire Enquire(const Xapian::Query& query, bool has_text, bool by_customer) const {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    if (by_customer) {
      enquire.set_collapse_key(sc::kCustomerSlot, kEvidencePerCustomer);
    } else {
      enquire.set_collapse_key(sc::kItemSlot);
    }
    // Without words to rank by, the newest items come first.
    if (!has_text) enquire.set_sort_by_value(sc::kDateSlot, true);
    return enquire;
  }

  Result<std::optional<Hit>> HitFor(const Xapian::MSetIterator& it, SnippetCutter& snippets) {
    return hits.Build(it.get_document(), it.get_weight(), it.get_percent(), snippets);
  }

  // Whether any term the word is searched by (folded, stemmed, its compound
  // parts) is in the index.
  bool Known(const std::string& word) const {
    if (db.term_exists(analyzer.Fold(word))) return true;  // the common case, without analysis
    const Xapian::Query q = analyzer.WordQuery(word, "", &db);
    for (auto term = q.get_terms_begin(); term != q.get_terms_end(); ++term) {
      if (db.term_exists(*term)) return true;
    }
    return false;
  }

  // The query with every unknown word replaced by the index's suggestion,
  // or "" when nothing can be corrected.
  std::string Corrected(const std::string& query, const ParsedQuery& parsed) const {
    std::string corrected = query;
    bool changed = false;
    for (auto it = parsed.words.rbegin(); it != parsed.words.rend(); ++it) {
      if (Known(it->text)) continue;
      const std::string suggestion =
          db.get_spelling_suggestion(Xapian::Unicode::tolower(it->text), 2);
      if (suggestion.empty()) continue;
      corrected.replace(it->offset, it->text.size(), suggestion);
      changed = true;
    }
    return changed ? corrected : "";
  }

  Result<SearchResponse> Search(const SearchRequest& request) {
    AKTE_RETURN_IF_ERROR(Refresh());
    AKTE_RETURN_IF_ERROR(hits.StartSearch());
    SearchResponse response;
    response.query = request.query;
    AKTE_ASSIGN_OR_RETURN(ParsedQuery parsed, ParseQuery(request.query, analyzer, &db));
    response.customer_mode = request.customers || parsed.customer_mode;
    const bool has_text = !parsed.text.empty();
    if (!has_text && parsed.filter.empty() && request.kinds.empty() && !request.customer_id) {
      return response;  // nothing asked
    }

    Xapian::Query query = Restrict(parsed.text, parsed.filter, request);
    const auto wanted = static_cast<Xapian::doccount>(request.offset + request.limit);
    const Xapian::doccount depth =
        response.customer_mode ? wanted * kEvidencePerCustomer + kEvidencePerCustomer : wanted;
    auto run = [&](const Xapian::Query& q) {
      return Enquire(q, has_text, response.customer_mode).get_mset(0, depth, depth);
    };
    Xapian::MSet mset = run(query);
    Xapian::Query used = query;

    if (mset.empty() && has_text) {
      // Nothing found as typed: try the spelling the index knows, then any word.
      const std::string corrected = Corrected(request.query, parsed);
      if (!corrected.empty()) {
        auto reparsed = ParseQuery(corrected, analyzer, &db);
        if (reparsed.ok() && !reparsed->text.empty()) {
          Xapian::Query q = Restrict(reparsed->text, reparsed->filter, request);
          Xapian::MSet again = run(q);
          if (!again.empty()) {
            mset = again;
            used = q;
            response.corrected_query = corrected;
          }
        }
      }
      if (mset.empty() && !parsed.relaxed.empty()) {
        Xapian::Query q = Restrict(parsed.relaxed, parsed.filter, request);
        mset = run(q);
        used = q;
        response.relaxed = !mset.empty();
      }
    } else if (has_text) {
      response.suggestion = Corrected(request.query, parsed);
    }
    response.total = mset.get_matches_estimated();
    SnippetCutter snippets = analyzer.Snippets(BodyTerms(used));

    if (response.customer_mode) {
      AKTE_RETURN_IF_ERROR(GroupByCustomer(snippets, mset, request, response));
    } else {
      for (auto it = mset[static_cast<Xapian::doccount>(request.offset)]; it != mset.end(); ++it) {
        AKTE_ASSIGN_OR_RETURN(auto hit, HitFor(it, snippets));
        if (hit) response.hits.push_back(std::move(*hit));
      }
    }
    if (request.facets) {
      AKTE_ASSIGN_OR_RETURN(response.facets, CountFacets(Enquire(used, has_text, false)));
    }
    return response;
  }

  // `mset` holds up to kEvidencePerCustomer entries per customer (collapsed
  // by customer), strongest first; passages of one document count once.
  Status GroupByCustomer(SnippetCutter& snippets, const Xapian::MSet& mset,
                         const SearchRequest& request, SearchResponse& response) {
    struct Group {
      double score = 0;
      std::size_t collapsed = 0;  // Xapian's count of entries beyond the best few
      std::vector<Xapian::MSetIterator> best;
      std::vector<std::string> item_keys;
    };
    std::map<archive::Id, Group> groups;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      // The collapse key is the customer slot, already read by the match.
      const std::string customer = it.get_collapse_key();
      if (customer.empty()) continue;  // inbox items belong to no customer yet
      const Xapian::Document doc = it.get_document();
      Group& group = groups[std::stoll(customer)];
      group.collapsed = std::max<std::size_t>(group.collapsed, it.get_collapse_count());
      std::string item = doc.get_value(sc::kItemSlot);
      if (std::find(group.item_keys.begin(), group.item_keys.end(), item) !=
          group.item_keys.end()) {
        continue;  // another passage of a document already shown
      }
      group.score += kEvidenceWeights[group.best.size()] * it.get_weight();
      group.best.push_back(it);
      group.item_keys.push_back(std::move(item));
    }
    std::vector<std::pair<archive::Id, Group*>> ranked;
    for (auto& [id, group] : groups) ranked.emplace_back(id, &group);
    std::stable_sort(ranked.begin(), ranked.end(), [](const auto& a, const auto& b) {
      return a.second->score > b.second->score;
    });
    // Every customer is seen when the collapsed result was not cut short;
    // otherwise estimate from the collapsed match count.
    response.total = mset.size() < mset.get_matches_estimated()
                         ? std::max<std::size_t>(
                               ranked.size(), mset.get_matches_estimated() / kEvidencePerCustomer)
                         : ranked.size();
    for (std::size_t i = request.offset; i < ranked.size() && i < request.offset + request.limit;
         ++i) {
      AKTE_ASSIGN_OR_RETURN(auto customer, hits.Customer(ranked[i].first));
      if (!customer) continue;  // deleted meanwhile
      const Group& group = *ranked[i].second;
      CustomerResult result{*customer, group.score, group.best.size() + group.collapsed, {}};
      for (const auto& it : group.best) {
        AKTE_ASSIGN_OR_RETURN(auto hit, HitFor(it, snippets));
        if (hit) result.evidence.push_back(std::move(*hit));
      }
      response.customers.push_back(std::move(result));
    }
    return Status::Ok();
  }

  Result<Facets> CountFacets(const Xapian::Enquire& enquire) {
    Facets facets;
    Xapian::MSet all = enquire.get_mset(0, kFacetDepth, kFacetDepth + 1);
    facets.exact = all.get_matches_upper_bound() <= kFacetDepth;
    std::map<archive::Id, std::size_t> per_customer;
    for (auto it = all.begin(); it != all.end(); ++it) {
      const Xapian::Document doc = it.get_document();
      const std::string kind = doc.get_value(sc::kKindSlot);
      const std::string type = doc.get_value(sc::kTypeSlot);
      const std::string customer = doc.get_value(sc::kCustomerSlot);
      const std::string date = doc.get_value(sc::kDateSlot);
      if (!kind.empty()) ++facets.kinds[kind];
      if (!type.empty()) ++facets.types[type];
      if (!customer.empty()) ++per_customer[std::stoll(customer)];
      if (date.size() >= 4) ++facets.years[date.substr(0, 4)];
    }
    for (const auto& [id, count] : per_customer) {
      AKTE_ASSIGN_OR_RETURN(auto customer, hits.Customer(id));
      if (!customer) continue;  // deleted meanwhile
      facets.customers.push_back({id, customer->number, customer->DisplayName(), count});
    }
    std::stable_sort(facets.customers.begin(), facets.customers.end(),
                     [](const auto& a, const auto& b) { return a.count > b.count; });
    return facets;
  }

  // A query for items like the document: its most telling words (Xapian
  // relevance feedback over its own entries), without the document itself.
  Result<Xapian::Query> LikeDocument(archive::Id document_id) {
    const std::string item = std::string(sc::kItemPrefix) + sc::ItemKey(sc::kDocument, document_id);
    Xapian::RSet relevant;
    for (auto it = db.postlist_begin(item); it != db.postlist_end(item); ++it)
      relevant.add_document(*it);
    if (relevant.empty()) {
      return Status::NotFound("document " + std::to_string(document_id) +
                              " is not in the search index (yet)");
    }
    // Words only: no field prefixes, identifiers or short words.
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(item));
    struct BodyWords : Xapian::ExpandDecider {
      bool operator()(const std::string& term) const override {
        return !term.empty() && !(term[0] >= 'A' && term[0] <= 'Z') && term.size() > 3 &&
               term.find(':') == std::string::npos;
      }
    } body_words;
    Xapian::ESet eset = enquire.get_eset(40, relevant, &body_words);
    std::vector<std::string> terms(eset.begin(), eset.end());
    Xapian::Query words(Xapian::Query::OP_OR, terms.begin(), terms.end());
    return Xapian::Query(Xapian::Query::OP_AND_NOT, words, Xapian::Query(item));
  }

  Result<std::vector<Hit>> Similar(archive::Id document_id, std::size_t limit) {
    AKTE_RETURN_IF_ERROR(Refresh());
    AKTE_RETURN_IF_ERROR(hits.StartSearch());
    AKTE_ASSIGN_OR_RETURN(Xapian::Query like, LikeDocument(document_id));
    Xapian::Enquire similar = Enquire(
        Xapian::Query(Xapian::Query::OP_FILTER, like,
                      Xapian::Query(std::string(sc::kKindPrefix) + std::string(sc::kDocument))),
        true, false);
    Xapian::MSet mset = similar.get_mset(0, static_cast<Xapian::doccount>(limit));
    SnippetCutter snippets = analyzer.Snippets(BodyTerms(like));
    std::vector<Hit> result;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
      AKTE_ASSIGN_OR_RETURN(auto hit, HitFor(it, snippets));
      if (hit) result.push_back(std::move(*hit));
    }
    return result;
  }

  Result<std::vector<CustomerResult>> SuggestCustomers(archive::Id document_id, std::size_t limit) {
    AKTE_RETURN_IF_ERROR(Refresh());
    AKTE_RETURN_IF_ERROR(hits.StartSearch());
    AKTE_ASSIGN_OR_RETURN(Xapian::Query like, LikeDocument(document_id));
    SearchRequest request;
    request.limit = limit;
    const auto depth = static_cast<Xapian::doccount>(limit * kEvidencePerCustomer * 4);
    Xapian::Enquire enquire = Enquire(like, true, true);
    SearchResponse response;
    SnippetCutter snippets = analyzer.Snippets(BodyTerms(like));
    AKTE_RETURN_IF_ERROR(
        GroupByCustomer(snippets, enquire.get_mset(0, depth, depth), request, response));
    return std::move(response.customers);
  }
};

Searcher::Searcher(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Searcher::~Searcher() = default;

Result<std::unique_ptr<Searcher>> Searcher::Open(archive::DataDir& dir) {
  auto impl = std::make_unique<Impl>(dir);
  try {
    AKTE_RETURN_IF_ERROR(impl->Refresh());
  } catch (const Xapian::Error& e) {
    return FromXapian(e);
  }
  return std::unique_ptr<Searcher>(new Searcher(std::move(impl)));
}

Result<SearchResponse> Searcher::Search(const SearchRequest& request) {
  try {
    return impl_->Search(request);
  } catch (const Xapian::Error& e) {
    return FromXapian(e);
  }
}

Result<std::vector<Hit>> Searcher::Similar(archive::Id document_id, std::size_t limit) {
  try {
    return impl_->Similar(document_id, limit);
  } catch (const Xapian::Error& e) {
    return FromXapian(e);
  }
}

Result<std::vector<CustomerResult>> Searcher::SuggestCustomers(archive::Id document_id,
                                                               std::size_t limit) {
  try {
    return impl_->SuggestCustomers(document_id, limit);
  } catch (const Xapian::Error& e) {
    return FromXapian(e);
  }
}

}  // namespace akte::search
