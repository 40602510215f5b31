#include "akte/archive/time.h"

#include <catch2/catch.hpp>

namespace akte {
namespace {

TEST_CASE("Timestamps with offsets are stored in UTC", "[archive][time]") {
  CHECK(*NormalizeTimestamp("2024-03-05T14:05:00+01:00") == "2024-03-05T13:05:00Z");
  CHECK(*NormalizeTimestamp("2024-07-01T00:30:00+02:00") == "2024-06-30T22:30:00Z");
  CHECK(*NormalizeTimestamp("2024-03-05T14:05:00Z") == "2024-03-05T14:05:00Z");
  CHECK(*NormalizeTimestamp("2024-03-05T14:05:00.123-05:00") == "2024-03-05T19:05:00Z");
}

TEST_CASE("Dates in German and ISO spelling normalise to ISO", "[archive][time]") {
  CHECK(*NormalizeDate("31.12.2024") == "2024-12-31");
  CHECK(*NormalizeDate("1.2.1970") == "1970-02-01");
  CHECK(*NormalizeDate("2024-02-29") == "2024-02-29");
  CHECK_FALSE(NormalizeDate("2023-02-29").ok());
  CHECK_FALSE(NormalizeDate("30.02.2024").ok());
  CHECK_FALSE(NormalizeDate("2024-13-01").ok());
  CHECK_FALSE(NormalizeDate("gestern").ok());
  CHECK_FALSE(NormalizeDate("2024-01-01x").ok());
}

TEST_CASE("Malformed times get a message showing the accepted forms", "[archive][time]") {
  auto bad = NormalizeTimestamp("5 Uhr");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == StatusCode::kInvalidArgument);
  CHECK_THAT(bad.status().message(), Catch::Contains("05.03.2024 14:05"));
  CHECK_FALSE(NormalizeTimestamp("2024-03-05T25:00:00Z").ok());
}

TEST_CASE("German display format shows day, month, year and time", "[archive][time]") {
  CHECK(FormatDateGerman("2024-12-31") == "31.12.2024");
  CHECK(FormatUtc(*ParseUtc("2024-12-31T14:05:00Z")) == "2024-12-31T14:05:00Z");
}

}  // namespace
}  // namespace akte
