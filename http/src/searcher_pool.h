// Searchers for the request threads: a Searcher is not thread-safe and
// holds open index files, so each request borrows one and returns it.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "akte/search/searcher.h"

namespace akte::http {

class SearcherPool {
 public:
  explicit SearcherPool(archive::DataDir& dir) : dir_(dir) {}

  class Lease {
   public:
    Lease(SearcherPool& pool, std::unique_ptr<search::Searcher> searcher)
        : pool_(pool), searcher_(std::move(searcher)) {}
    Lease(Lease&&) = default;
    ~Lease() {
      if (searcher_) pool_.Return(std::move(searcher_));
    }
    search::Searcher& operator*() { return *searcher_; }
    search::Searcher* operator->() { return searcher_.get(); }

   private:
    SearcherPool& pool_;
    std::unique_ptr<search::Searcher> searcher_;
  };

  // A searcher for this thread until the lease ends. NotFound before the
  // first index exists.
  Result<Lease> Borrow();

 private:
  void Return(std::unique_ptr<search::Searcher> searcher);

  archive::DataDir& dir_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<search::Searcher>> idle_;
};

}  // namespace akte::http
