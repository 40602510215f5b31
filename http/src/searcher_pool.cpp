#include "searcher_pool.h"

namespace akte::http {

Result<SearcherPool::Lease> SearcherPool::Borrow() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      auto searcher = std::move(idle_.back());
      idle_.pop_back();
      return Lease(*this, std::move(searcher));
    }
  }
  AKTE_ASSIGN_OR_RETURN(auto searcher, search::Searcher::Open(dir_));
  return Lease(*this, std::move(searcher));
}

void SearcherPool::Return(std::unique_ptr<search::Searcher> searcher) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(searcher));
}

}  // namespace akte::http
