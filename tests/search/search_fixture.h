// A small firm built in the test: customers with facts that sit only in a
// note, an event, an email attachment, a zip member, or master data; in
// German and English. Extracted by the real sandboxed worker and indexed by
// the real index writer into a real Xapian database.
#pragma once

#include <catch2/catch.hpp>

#include "akte/archive/data_dir.h"
#include "akte/indexer/index_writer.h"
#include "akte/indexer/pipeline.h"
#include "akte/search/searcher.h"
#include "temp_dir.h"

namespace akte::search::test {

class SearchFixture {
 public:
  SearchFixture();

  archive::Id Customer(const std::string& number) const;
  // Files a document (bytes) for a customer, or in the inbox when the
  // number is empty, and returns its id.
  archive::Id File(const std::string& number, const std::string& name, const std::string& bytes,
                   const std::string& type = "");
  // Extracts what is pending and brings the index up to date.
  void Refresh();

  SearchResponse Search(const std::string& query, bool customers = false);
  // The hits' (kind, id) in order.
  std::vector<std::pair<std::string, archive::Id>> Items(const SearchResponse& r) const;

  akte::test::TempDir tmp;
  std::unique_ptr<archive::DataDir> dir;
  archive::Actor admin;
  archive::Actor tobias;
  archive::Id note_migration = 0;
  archive::Id event_price = 0;
  archive::Id note_english = 0;

 private:
  std::unique_ptr<Searcher> searcher_;
};

}  // namespace akte::search::test
