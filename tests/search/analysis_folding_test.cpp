#include <catch2/catch.hpp>

#include "analysis_fixture.h"

namespace akte::search::test {
namespace {

using Ids = std::set<Xapian::docid>;

TEST_CASE("Folding lowercases, drops accents and spelt-out umlauts", "[search][analysis]") {
  const Analyzer& analyzer = Analyzer::Default();
  CHECK(analyzer.Fold("Müller") == "muller");
  CHECK(analyzer.Fold("Mueller") == "muller");
  CHECK(analyzer.Fold("MÜLLER") == "muller");
  CHECK(analyzer.Fold("Straße") == "strasse");
  CHECK(analyzer.Fold("Größe") == "grosse");
  CHECK(analyzer.Fold("Groesse") == "grosse");
  CHECK(analyzer.Fold("Hängeschränke") == "hangeschranke");
  CHECK(analyzer.Fold("Crème") == "creme");
  CHECK(analyzer.Fold("Øresund") == "oresund");
  CHECK(analyzer.Fold("Łódź") == "lodz");
  // Decomposed umlauts (as some Macs write file names) and soft hyphens.
  CHECK(analyzer.Fold("Mu\u0308ller") == "muller");
  CHECK(analyzer.Fold("Migra\u00ADtion") == "migration");
}

TEST_CASE("Folding keeps e after a vowel or q, where no umlaut is spelt out",
          "[search][analysis]") {
  const Analyzer& analyzer = Analyzer::Default();
  CHECK(analyzer.Fold("Feuer") == "feuer");
  CHECK(analyzer.Fold("neue") == "neue");
  CHECK(analyzer.Fold("Quelle") == "quelle");
  CHECK(analyzer.Fold("Haeuser") == analyzer.Fold("Häuser"));
}

TEST_CASE("Folding only lowercases other scripts", "[search][analysis]") {
  const Analyzer& analyzer = Analyzer::Default();
  CHECK(analyzer.Fold("МОСКВА") == "москва");
  CHECK(analyzer.Fold("ΑΘΗΝΑ") == "αθηνα");
  CHECK(analyzer.Fold("東京") == "東京");
}

TEST_CASE("Müller, Mueller and Muller find each other", "[search][analysis]") {
  AnalysisIndex index;
  const auto umlaut = index.Add("Angebot für Herrn Müller");
  const auto digraph = index.Add("Angebot für Herrn Mueller");
  const auto plain = index.Add("Angebot für Herrn Muller");
  const auto other = index.Add("Angebot für Herrn Miller");
  for (const char* spelling : {"Müller", "Mueller", "Muller", "MÜLLER", "müller"}) {
    INFO(spelling);
    CHECK(index.Word(spelling) == Ids{umlaut, digraph, plain});
  }
  CHECK(index.Word("Miller") == Ids{other});
}

TEST_CASE("Straße and Strasse, Größe and Groesse find each other", "[search][analysis]") {
  AnalysisIndex index;
  const auto sharp = index.Add("Lieferadresse: Hauptstraße 5");
  const auto double_s = index.Add("Lieferadresse: Hauptstrasse 5");
  const auto size = index.Add("Die Größe des Schranks");
  const auto size_digraph = index.Add("Die Groesse des Schranks");
  CHECK(index.Word("Hauptstrasse") == Ids{sharp, double_s});
  CHECK(index.Word("Hauptstraße") == Ids{sharp, double_s});
  CHECK(index.Word("Größe") == Ids{size, size_digraph});
  CHECK(index.Word("Groesse") == Ids{size, size_digraph});
}

TEST_CASE("OCR text that lost its umlauts matches Hängeschränke and back", "[search][analysis]") {
  AnalysisIndex index;
  const auto ocr = index.Add("Lieferung: 4 Hangeschranke, weiss", Language::kGerman);
  const auto proper = index.Add("Lieferung: 4 Hängeschränke, weiß", Language::kGerman);
  const auto unrelated = index.Add("Lieferung: 4 Stehtische", Language::kGerman);
  CHECK(index.Word("Hängeschränke") == Ids{ocr, proper});
  CHECK(index.Word("Hangeschranke") == Ids{ocr, proper});
  CHECK(index.Word("Hängeschrank") == Ids{ocr, proper});
  CHECK(index.Word("weiß") == Ids{ocr, proper});
  CHECK(index.Word("Stehtisch") == Ids{unrelated});
}

TEST_CASE("Cyrillic and Greek words match in any case", "[search][analysis]") {
  AnalysisIndex index;
  const auto russian = index.Add("Договор с компанией МОСКВА");
  const auto greek = index.Add("Συμβόλαιο ΑΘΗΝΑ");
  CHECK(index.Word("москва") == Ids{russian});
  CHECK(index.Word("Москва") == Ids{russian});
  CHECK(index.Word("Αθηνα") == Ids{greek});
}

TEST_CASE("Each CJK ideograph is a word of its own", "[search][analysis]") {
  AnalysisIndex index;
  const auto tokyo = index.Add("東京都の会議");
  const auto osaka = index.Add("大阪の会議");
  CHECK(index.Word("東京") == Ids{tokyo});
  CHECK(index.Word("会議") == Ids{tokyo, osaka});
  CHECK(index.Word("京") == Ids{tokyo});
  // Adjacent, not just both present: "京東" is not in either text.
  CHECK(index.Word("京東").empty());
  CHECK(index.Terms(tokyo).count("東") == 1);
}

}  // namespace
}  // namespace akte::search::test
