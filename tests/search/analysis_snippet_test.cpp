#include <catch2/catch.hpp>

#include "analysis_fixture.h"
#include "utf8.h"

namespace akte::search::test {
namespace {

std::vector<std::string> Marked(const Snippet& snippet) {
  std::vector<std::string> marked;
  for (const Highlight& h : snippet.highlights) {
    REQUIRE(h.begin < h.end);
    REQUIRE(h.end <= snippet.text.size());
    marked.push_back(snippet.text.substr(h.begin, h.end - h.begin));
  }
  return marked;
}

bool IsValidUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const CodePoint cp = DecodeUtf8(text, i);
    if (cp.value == 0xFFFD) return false;
    i += cp.length;
  }
  return true;
}

// Filler words without any of the test's terms.
std::string Filler(std::size_t words) {
  static const char* const kWords[] = {"Lorem", "ipsum",      "dolor",      "sit",
                                       "amet",  "consetetur", "sadipscing", "elitr",
                                       "sed",   "diam",       "nonumy",     "eirmod"};
  std::string text;
  for (std::size_t i = 0; i < words; ++i) {
    text += kWords[i % 12];
    text += (i % 17 == 16) ? ".\n" : " ";
  }
  return text;
}

TEST_CASE("Snippets mark umlaut words however the query spelled them", "[search][analysis]") {
  const std::string text = "Die Hängeschränke für Frau Müller wurden am Montag geliefert.";
  // The terms of a query for "Mueller" and "Hangeschranke".
  const Snippet snippet = Analyzer::Default().MakeSnippet(text, {"muller", "Zhangeschrank"});
  CHECK(snippet.text == text);
  CHECK(snippet.offset == 0);
  CHECK(Marked(snippet) == std::vector<std::string>{"Hängeschränke", "Müller"});
}

TEST_CASE("Snippets mark short words by their folded first letter, whatever their case",
          "[search][analysis]") {
  const std::string text = "Ein Haus, zwei Häuser, ein HAUS, Ueberweisung 2024 an Ähren und Oase.";
  const Snippet snippet = Analyzer::Default().MakeSnippet(
      text, {"Zhaus", "haus", "Zuberweis", "2024", "ahren", "Zoas"});
  CHECK(Marked(snippet) == std::vector<std::string>{"Haus", "Häuser", "HAUS", "Ueberweisung",
                                                    "2024", "Ähren", "Oase"});
}

TEST_CASE("Snippets mark compounds for their parts and identifiers whole", "[search][analysis]") {
  const std::string text = "Das Migrationsprojekt zu RE-2024-0042 läuft, Rückruf 030/1234567.";
  const Snippet snippet =
      Analyzer::Default().MakeSnippet(text, {"projekt", "re20240042", "tel:0301234567"});
  CHECK(Marked(snippet) ==
        std::vector<std::string>{"Migrationsprojekt", "RE-2024-0042", "030/1234567"});
}

TEST_CASE("Snippets of a page show the passage with the most matching words",
          "[search][analysis]") {
  const std::string lone = "Ein Vertrag wird erwähnt. ";
  const std::string best = "Der Wartungsvertrag mit Müller wurde verlängert, der Vertrag läuft. ";
  const std::string text = Filler(120) + lone + Filler(200) + best + Filler(300);
  const Snippet snippet =
      Analyzer::Default().MakeSnippet(text, {"Zvertrag", "muller", "Zverlangert"}, 200);
  CHECK(snippet.text.find("Müller") != std::string::npos);
  CHECK(snippet.text.starts_with("…"));
  CHECK(snippet.text.ends_with("…"));
  CHECK(snippet.text.size() <= 200 + 2 * std::string_view("…").size());
  CHECK(snippet.offset > text.find(lone));
  CHECK(text.compare(snippet.offset, 2, snippet.text.substr(3, 2)) == 0);
  const auto marked = Marked(snippet);
  CHECK(std::count(marked.begin(), marked.end(), "Müller") == 1);
  CHECK(std::count(marked.begin(), marked.end(), "Wartungsvertrag") == 1);
  CHECK(std::count(marked.begin(), marked.end(), "verlängert") == 1);
  // Line breaks of the page become spaces.
  CHECK(snippet.text.find('\n') == std::string::npos);
}

TEST_CASE("Snippets never cut a UTF-8 sequence", "[search][analysis]") {
  std::string text;
  for (int i = 0; i < 400; ++i) text += "äöü";
  text += " Müller ";
  for (int i = 0; i < 400; ++i) text += "ßéè";
  for (std::size_t length : {7, 50, 101, 240}) {
    INFO(length);
    const Snippet snippet = Analyzer::Default().MakeSnippet(text, {"muller"}, length);
    CHECK(IsValidUtf8(snippet.text));
    CHECK(Marked(snippet) == std::vector<std::string>{"Müller"});
  }
}

TEST_CASE("Without a match the snippet is the start of the text", "[search][analysis]") {
  const std::string text = "\n  Sehr geehrte Damen und Herren, " + Filler(100);
  const Snippet snippet = Analyzer::Default().MakeSnippet(text, {"nichtda"}, 60);
  CHECK(snippet.text.starts_with("Sehr geehrte Damen"));
  CHECK(snippet.text.ends_with("…"));
  CHECK(snippet.highlights.empty());
  CHECK(snippet.offset == 3);
}

TEST_CASE("Snippets of a megabyte find the one match near its end", "[search][analysis]") {
  const std::string text = Filler(170000) + " Die Hängeschränke sind da. " + Filler(100);
  REQUIRE(text.size() > 1000000);
  const Snippet snippet = Analyzer::Default().MakeSnippet(text, {"hangeschranke"});
  CHECK(Marked(snippet) == std::vector<std::string>{"Hängeschränke"});
  CHECK(snippet.offset > 1000000);
}

}  // namespace
}  // namespace akte::search::test
