// /search: every feature of the query language, customer mode and facets.
#include "akte/search/searcher.h"
#include "route_helpers.h"

namespace akte::http {
namespace {

Status Search(Call& call) {
  search::SearchRequest request;
  request.query = call.Query("q");
  if (request.query.empty()) return Status::InvalidArgument("the query 'q' is empty", "q");
  AKTE_ASSIGN_OR_RETURN(request.customers, call.QueryBool("customers", false));
  AKTE_ASSIGN_OR_RETURN(request.facets, call.QueryBool("facets", false));
  AKTE_ASSIGN_OR_RETURN(auto limit, call.QueryInt("limit", 20, 1, 200));
  AKTE_ASSIGN_OR_RETURN(auto offset, call.QueryInt("offset", 0, 0, 10'000));
  request.limit = static_cast<std::size_t>(limit);
  request.offset = static_cast<std::size_t>(offset);
  if (!call.Query("customer_id").empty()) {
    AKTE_ASSIGN_OR_RETURN(auto customer, call.QueryInt("customer_id", 0, 1, INT64_MAX));
    request.customer_id = customer;
  }
  // kind=document,note or kind=document&kind=note
  for (std::size_t i = 0, n = call.request.get_param_value_count("kind"); i < n; ++i) {
    std::string list = call.request.get_param_value("kind", i);
    std::size_t start = 0;
    while (start <= list.size()) {
      auto end = list.find(',', start);
      std::string kind = list.substr(start, end == std::string::npos ? end : end - start);
      if (!kind.empty()) request.kinds.push_back(kind);
      if (end == std::string::npos) break;
      start = end + 1;
    }
  }
  AKTE_ASSIGN_OR_RETURN(auto searcher, call.services.searchers.Borrow());
  AKTE_ASSIGN_OR_RETURN(auto response, searcher->Search(request));
  call.Reply(200, nlohmann::json::parse(search::ToJson(response)));
  return Status::Ok();
}

}  // namespace

void AddSearchRoutes(Router& router) { router.Add("GET", "/api/v1/search", Access::kRead, Search); }

}  // namespace akte::http
