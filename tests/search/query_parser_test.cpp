#include <catch2/catch.hpp>

#include "akte/search/query.h"

namespace akte::search {
namespace {

Result<ParsedQuery> Parse(std::string_view q) { return ParseQuery(q, Analyzer::Default()); }

void CheckRefused(std::string_view query, std::string_view field, std::string_view words) {
  INFO("query: " << query);
  auto parsed = Parse(query);
  REQUIRE_FALSE(parsed.ok());
  CHECK(parsed.status().code() == StatusCode::kInvalidArgument);
  CHECK(parsed.status().field() == field);
  CHECK_THAT(parsed.status().message(), Catch::Contains(std::string(words)));
}

TEST_CASE("Malformed queries get a message naming the problem", "[search][query]") {
  CheckRefused("(Vertrag OR Angebot", "parenthesis", "never closed");
  CheckRefused("Vertrag)", "parenthesis", "no opening one");
  CheckRefused("\"Wartung ohne Ende", "quote", "never closed");
  CheckRefused("typ:", "typ", "needs a value");
  CheckRefused("art:pferd", "kind", "kunde, interessent");
  CheckRefused("2024-13", "date", "not a date");
  CheckRefused("2024-06..2024-01", "date", "ends before it begins");
  CheckRefused("datum:gestern", "date", "not a date");
  CheckRefused("Vertrag OR", "operator", "nothing after it");
  CheckRefused("NOT", "operator", "nothing after it");
  CheckRefused(std::string(5000, 'a'), "query", "longer than");
}

TEST_CASE("Plain words become the text query; filters stay apart", "[search][query]") {
  auto parsed = Parse("Wartungsvertrag typ:Vertrag von:tobias 2024");
  REQUIRE(parsed.ok());
  CHECK_FALSE(parsed->text.empty());
  CHECK_FALSE(parsed->filter.empty());
  CHECK(parsed->relaxed.empty());  // one word: nothing to relax
  REQUIRE(parsed->words.size() == 1);
  CHECK(parsed->words[0].text == "Wartungsvertrag");
  CHECK(parsed->words[0].offset == 0);
  CHECK(parsed->filter.get_description().find("Y2024") != std::string::npos);
  CHECK(parsed->filter.get_description().find("Atobias") != std::string::npos);
}

TEST_CASE("Date filters accept years, months, days and ranges", "[search][query]") {
  CHECK(Parse("2024")->filter.get_description().find("Y2024") != std::string::npos);
  CHECK(Parse("2024-03")->filter.get_description().find("M202403") != std::string::npos);
  auto range = Parse("2024-01..2024-06");
  REQUIRE(range.ok());
  CHECK(range->text.empty());
  CHECK(range->filter.get_description().find("20240101") != std::string::npos);
  CHECK(range->filter.get_description().find("20240630") != std::string::npos);
  auto since = Parse("seit:01.02.2024 Rechnung");
  REQUIRE(since.ok());
  CHECK(since->filter.get_description().find("20240201") != std::string::npos);
  CHECK(since->filter.get_description().find("99991231") != std::string::npos);
  CHECK(Parse("bis:2023")->filter.get_description().find("20231231") != std::string::npos);
}

TEST_CASE("Questions for a customer turn on customer mode", "[search][query]") {
  auto german = Parse("welcher Kunde hat das Migrationsprojekt erwähnt");
  REQUIRE(german.ok());
  CHECK(german->customer_mode);
  // The question's verb goes like a stopword: one word is left to find.
  CHECK(german->relaxed.empty());
  auto two_words = Parse("welcher Kunde hat Migration und Warenwirtschaft erwähnt");
  REQUIRE(two_words.ok());
  CHECK_FALSE(two_words->relaxed.empty());
  auto english = Parse("Which customer mentioned the migration project");
  REQUIRE(english.ok());
  CHECK(english->customer_mode);
  CHECK_FALSE(Parse("Kunde Müller")->customer_mode);
}

TEST_CASE("Stopwords alone are still searched; with other words they are dropped",
          "[search][query]") {
  auto only = Parse("die");
  REQUIRE(only.ok());
  CHECK_FALSE(only->text.empty());
  auto mixed = Parse("der Vertrag");
  REQUIRE(mixed.ok());
  CHECK(mixed->relaxed.empty());  // "der" dropped: one word left
}

TEST_CASE("Fields akte does not know are searched as text", "[search][query]") {
  auto parsed = Parse("Zeitplan:Juni");
  REQUIRE(parsed.ok());
  CHECK_FALSE(parsed->text.empty());
  CHECK(parsed->filter.empty());
}

TEST_CASE("Negation, alternatives and groups parse", "[search][query]") {
  auto parsed = Parse("(Vertrag ODER Angebot) -Mahnung NICHT typ:Rechnung");
  REQUIRE(parsed.ok());
  const std::string d = parsed->text.get_description();
  CHECK(d.find("AND_NOT") != std::string::npos);
  CHECK(d.find(" OR ") != std::string::npos);
}

}  // namespace
}  // namespace akte::search
