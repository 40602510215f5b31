#include <nlohmann/json.hpp>

#include "akte/archive/json.h"
#include "akte/search/schema.h"
#include "akte/search/searcher.h"

namespace akte::search {
namespace {

using nlohmann::json;

json HitJson(const Hit& hit) {
  json highlights = json::array();
  for (const auto& h : hit.snippet.highlights) highlights.push_back({h.begin, h.end});
  json j = {{"kind", hit.kind},        {"id", hit.id},
            {"score", hit.score},      {"percent", hit.percent},
            {"title", hit.title},      {"detail", hit.detail},
            {"date", hit.date},        {"snippet", hit.snippet.text},
            {"highlights", highlights}};
  j["page"] = hit.page > 0 ? json(hit.page) : json(nullptr);
  if (hit.kind == schema::kRecord) {
    j["amount_cents"] = hit.amount_cents ? json(*hit.amount_cents) : json(nullptr);
    j["payment_status"] = hit.payment_status.empty() ? json(nullptr) : json(hit.payment_status);
  }
  if (hit.customer_id) {
    j["customer"] = {
        {"id", *hit.customer_id}, {"number", hit.customer_number}, {"name", hit.customer_name}};
  } else {
    j["customer"] = nullptr;
  }
  return j;
}

json CustomersJson(const std::vector<CustomerResult>& results) {
  json customers = json::array();
  for (const auto& c : results) {
    json evidence = json::array();
    for (const auto& hit : c.evidence) evidence.push_back(HitJson(hit));
    customers.push_back({{"customer", json::parse(archive::ToJson(c.customer))},
                         {"score", c.score},
                         {"matching_items", c.matching_items},
                         {"evidence", evidence}});
  }
  return customers;
}

std::string Dump(const json& j, int indent) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

}  // namespace

std::string ToJson(const std::vector<Hit>& hits, int indent) {
  json out = json::array();
  for (const auto& hit : hits) out.push_back(HitJson(hit));
  return Dump(out, indent);
}

std::string ToJson(const std::vector<CustomerResult>& customers, int indent) {
  return Dump(CustomersJson(customers), indent);
}

std::string ToJson(const SearchResponse& r, int indent) {
  json out = {
      {"query", r.query},     {"corrected_query", r.corrected_query}, {"suggestion", r.suggestion},
      {"relaxed", r.relaxed}, {"customer_mode", r.customer_mode},     {"total", r.total}};
  if (r.customer_mode) {
    out["customers"] = CustomersJson(r.customers);
  } else {
    json hits = json::array();
    for (const auto& hit : r.hits) hits.push_back(HitJson(hit));
    out["hits"] = hits;
  }
  if (r.facets) {
    json customers = json::array();
    for (const auto& c : r.facets->customers) {
      customers.push_back(
          {{"id", c.id}, {"number", c.number}, {"name", c.name}, {"count", c.count}});
    }
    out["facets"] = {{"kinds", r.facets->kinds},
                     {"types", r.facets->types},
                     {"customers", customers},
                     {"years", r.facets->years},
                     {"exact", r.facets->exact}};
  }
  return Dump(out, indent);
}

}  // namespace akte::search
