#include "akte/search/passages.h"

#include <catch2/catch.hpp>
#include <string>
#include <string_view>

namespace akte::search {
namespace {

TEST_CASE("Short pages share a passage, and PageAt names the page of a byte",
          "[search][passages]") {
  const std::string text = "Seite eins\fSeite zwei\f\fSeite vier";
  auto passages = SplitPassages(text);
  REQUIRE(passages.size() == 1);
  CHECK(passages[0].page == 1);
  CHECK(passages[0].length == text.size());
  CHECK(PageAt(passages[0], text, text.find("eins")) == 1);
  CHECK(PageAt(passages[0], text, text.find("zwei")) == 2);
  CHECK(PageAt(passages[0], text, text.find("vier")) == 4);
  CHECK(PageAt(Passage{0, 4, 0}, "kurz", 2) == 0);
}

TEST_CASE("Long pages are grouped whole into passages of about 32 KB", "[search][passages]") {
  std::string text;
  for (int page = 1; page <= 10; ++page) {
    if (page > 1) text += '\f';
    text += "Seite " + std::to_string(page) + " " + std::string(10 * 1024, 'x');
  }
  auto passages = SplitPassages(text);
  REQUIRE(passages.size() == 4);  // pages 1-3, 4-6, 7-9, 10
  std::size_t covered = 0;
  int first_page = 1;
  for (const auto& p : passages) {
    CHECK(p.offset == covered);
    CHECK(p.page == first_page);
    CHECK(p.length <= 32 * 1024 + 3);
    const std::string_view passage_text = std::string_view(text).substr(p.offset, p.length);
    CHECK(passage_text.rfind("Seite ", 0) == 0);  // starts with a whole page
    covered += p.length;
    first_page += 3;
  }
  CHECK(covered == text.size());
  const auto& second = passages[1];
  const std::string_view second_text = std::string_view(text).substr(second.offset, second.length);
  CHECK(PageAt(second, second_text, second_text.find("Seite 5")) == 5);
}

TEST_CASE("Long unpaged text is cut near 32 KB at line breaks, covering every byte",
          "[search][passages]") {
  std::string text;
  for (int i = 0; i < 5000; ++i) text += "Zeile " + std::to_string(i) + " über Wartung\n";
  auto passages = SplitPassages(text);
  REQUIRE(passages.size() > 2);
  std::size_t covered = 0;
  for (const auto& p : passages) {
    CHECK(p.offset == covered);
    CHECK(p.page == 0);
    CHECK(p.length <= 32 * 1024);
    if (p.offset + p.length < text.size()) CHECK(text[p.offset + p.length - 1] == '\n');
    covered += p.length;
  }
  CHECK(covered == text.size());
}

TEST_CASE(
    "An unpaged cut prefers a blank line, then a line break, then a space, in the second half",
    "[search][passages]") {
  const std::size_t kPassage = 32 * 1024;
  auto first_length = [](const std::string& text) { return SplitPassages(text)[0].length; };
  auto words = [](std::size_t bytes) {
    std::string run;
    while (run.size() + 5 <= bytes) run += "Wort ";
    return run + std::string(bytes - run.size(), 'x');
  };
  // A blank line beats a later line break.
  std::string text = words(20000) + "\n\n" + words(5000) + "\n" + words(20000);
  CHECK(first_length(text) == 20002);
  // A blank line in the first half is too early: the line break wins.
  text = words(10000) + "\n\n" + words(10000) + "\n" + words(30000);
  CHECK(first_length(text) == 20003);
  // No line breaks: after the last space before 32 KB.
  text = words(40000);
  CHECK(first_length(text) == kPassage - kPassage % 5);
  // Nothing to cut at: at 32 KB exactly.
  text = std::string(40000, 'x');
  CHECK(first_length(text) == kPassage);
}

TEST_CASE("Short and empty texts are one passage", "[search][passages]") {
  CHECK(SplitPassages("kurz").size() == 1);
  auto empty = SplitPassages("");
  REQUIRE(empty.size() == 1);
  CHECK(empty[0].length == 0);
}

}  // namespace
}  // namespace akte::search
