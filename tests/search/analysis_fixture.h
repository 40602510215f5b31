// A small in-memory Xapian index for the analysis tests: documents indexed
// with Analyzer::IndexText, queries built with WordQuery and friends, and
// the set of documents they match.
#pragma once

#include <xapian.h>

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "akte/search/analysis.h"

namespace akte::search::test {

class AnalysisIndex {
 public:
  AnalysisIndex() : db_(std::string(), Xapian::DB_BACKEND_INMEMORY) {}

  const Analyzer& analyzer() const { return Analyzer::Default(); }
  const Xapian::WritableDatabase& db() const { return db_; }

  // Indexes `text` as one document and returns its id.
  Xapian::docid Add(std::string_view text, Language language = Language::kUnknown,
                    std::string_view prefix = "") {
    Xapian::Document doc;
    Xapian::termpos position = 0;
    analyzer().IndexText(doc, text, language, &position, 1, prefix);
    return db_.add_document(doc);
  }

  std::set<Xapian::docid> Match(const Xapian::Query& query) const {
    Xapian::Enquire enquire(db_);
    enquire.set_query(query);
    std::set<Xapian::docid> ids;
    for (Xapian::docid id : enquire.get_mset(0, 1000)) ids.insert(id);
    return ids;
  }

  std::set<Xapian::docid> Word(std::string_view word, std::string_view prefix = "") const {
    return Match(analyzer().WordQuery(word, prefix, &db_));
  }

  // Every word must match, as the query parser combines them.
  std::set<Xapian::docid> Words(std::initializer_list<std::string_view> words) const {
    std::vector<Xapian::Query> queries;
    for (std::string_view word : words) queries.push_back(analyzer().WordQuery(word, "", &db_));
    return Match(Xapian::Query(Xapian::Query::OP_AND, queries.begin(), queries.end()));
  }

  std::set<Xapian::docid> Phrase(std::string_view phrase, std::string_view prefix = "") const {
    return Match(analyzer().PhraseQuery(phrase, prefix));
  }

  // The terms of a document, for checks of the term scheme.
  std::set<std::string> Terms(Xapian::docid id) const {
    const Xapian::Document doc = db_.get_document(id);
    return {doc.termlist_begin(), doc.termlist_end()};
  }

 private:
  Xapian::WritableDatabase db_;
};

}  // namespace akte::search::test
