#include "akte/search/schema.h"

#include <catch2/catch.hpp>
#include <set>
#include <string>
#include <vector>

namespace akte::search {
namespace {

TEST_CASE("Item keys name the kind and the catalog id, distinct for every kind",
          "[search][schema]") {
  CHECK(schema::ItemKey(schema::kDocument, 12) == "document:12");
  const std::vector<std::string> keys = {
      schema::ItemKey(schema::kCustomer, 3), schema::ItemKey(schema::kContact, 3),
      schema::ItemKey(schema::kDocument, 3), schema::ItemKey(schema::kNote, 3),
      schema::ItemKey(schema::kEvent, 3)};
  CHECK(std::set<std::string>(keys.begin(), keys.end()).size() == keys.size());
}

}  // namespace
}  // namespace akte::search
