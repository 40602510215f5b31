#include "akte/search/schema.h"

#include <catch2/catch.hpp>

namespace akte::search {
namespace {

TEST_CASE("Item keys name the kind by its first letter and the catalog id", "[search][schema]") {
  CHECK(schema::ItemKey(schema::kDocument, 12) == "d12");
  CHECK(schema::ItemKey(schema::kCustomer, 3) == "c3");
  CHECK(schema::ItemKey(schema::kNote, 7) != schema::ItemKey(schema::kEvent, 7));
}

}  // namespace
}  // namespace akte::search
