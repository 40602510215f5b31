#include "akte/search/passages.h"

#include <catch2/catch.hpp>
#include <string>

namespace akte::search {
namespace {

TEST_CASE("Paged text is cut at its page breaks and numbers the pages", "[search][passages]") {
  const std::string text = "Seite eins\fSeite zwei\f\fSeite vier";
  auto passages = SplitPassages(text);
  REQUIRE(passages.size() == 4);
  CHECK(text.substr(passages[1].offset, passages[1].length) == "Seite zwei");
  CHECK(passages[1].page == 2);
  CHECK(passages[2].length == 0);
  CHECK(text.substr(passages[3].offset, passages[3].length) == "Seite vier");
  CHECK(passages[3].page == 4);
}

TEST_CASE("Long unpaged text is cut near 12 KB at line breaks, covering every byte",
          "[search][passages]") {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "Zeile " + std::to_string(i) + " über Wartung\n";
  auto passages = SplitPassages(text);
  REQUIRE(passages.size() > 2);
  std::size_t covered = 0;
  for (const auto& p : passages) {
    CHECK(p.offset == covered);
    CHECK(p.page == 0);
    CHECK(p.length <= 12 * 1024);
    if (p.offset + p.length < text.size()) CHECK(text[p.offset + p.length - 1] == '\n');
    covered += p.length;
  }
  CHECK(covered == text.size());
}

TEST_CASE("Short and empty texts are one passage", "[search][passages]") {
  CHECK(SplitPassages("kurz").size() == 1);
  auto empty = SplitPassages("");
  REQUIRE(empty.size() == 1);
  CHECK(empty[0].length == 0);
}

}  // namespace
}  // namespace akte::search
