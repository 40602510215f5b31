#include <catch2/catch.hpp>

#include "analysis_fixture.h"
#include "compounds.h"
#include "word_list.h"

namespace akte::search::test {
namespace {

using Ids = std::set<Xapian::docid>;
using Parts = std::vector<std::string>;

const WordSet& GermanWords() {
  static const WordSet words = [] {
    WordSet set;
    REQUIRE(LoadWordList("/usr/share/dict/ngerman", &set));
    return set;
  }();
  return words;
}

TEST_CASE("Compound splitting finds the parts of German compounds", "[search][analysis]") {
  CompoundSplitter splitter(GermanWords(), nullptr);
  CHECK(splitter.Split("migrationsprojekt") == Parts{"migration", "projekt"});
  CHECK(splitter.Split("hangeschranke") == Parts{"hange", "schranke"});
  CHECK(splitter.Split("preiserhohung") == Parts{"preis", "erhohung"});
  CHECK(splitter.Split("wartungsvertrag") == Parts{"wartung", "vertrag"});
  // The most balanced of two-part splits: not "schnittst" + "elle".
  CHECK(splitter.Split("schnittstelle") == Parts{"schnitt", "stelle"});
  // A three-part compound splits in two, and its first part again.
  CHECK(splitter.Split("wartungsvertragsverlangerung") ==
        Parts{"wartungsvertrags", "verlangerung"});
  CHECK(splitter.Split("wartungsvertrags") == Parts{"wartung", "vertrags"});
}

TEST_CASE("Compound splitting leaves plain words and prefixed verbs alone", "[search][analysis]") {
  CompoundSplitter splitter(GermanWords(), nullptr);
  CHECK(splitter.Split("verlangerung").empty());
  CHECK(splitter.Split("rechnungen").empty());
  CHECK(splitter.Split("unterlagen").empty());
  CHECK(splitter.Split("dienstag").empty());
  CHECK(splitter.Split("projekt").empty());  // too short to try
}

TEST_CASE(
    "Migrationsprojekt, Migrations-Projekt, Projekt zur Migration and migration project "
    "find each other",
    "[search][analysis]") {
  AnalysisIndex index;
  const auto compound = index.Add("Das Migrationsprojekt beginnt im März.", Language::kGerman);
  const auto hyphenated = index.Add("Das Migrations-Projekt beginnt im März.", Language::kGerman);
  const auto phrase = index.Add("Das Projekt zur Migration beginnt im März.", Language::kGerman);
  const auto english = index.Add("The migration project starts in March.", Language::kEnglish);
  const auto unrelated = index.Add("Die Projektplanung beginnt im März.", Language::kGerman);
  const Ids all = {compound, hyphenated, phrase, english};
  CHECK(index.Word("Migrationsprojekt") == all);
  CHECK(index.Word("Migrations-Projekt") == all);
  // The query parser drops "zur" as a stop word and ANDs the rest.
  CHECK(index.Words({"Projekt", "Migration"}) == all);
  CHECK(index.Words({"migration", "project"}) == all);
  CHECK(index.Word("Migrationsprojekt").count(unrelated) == 0);
}

TEST_CASE("A three-part compound is found by its parts and they find it", "[search][analysis]") {
  AnalysisIndex index;
  const auto compound = index.Add("Betreff: Wartungsvertragsverlängerung 2025", Language::kGerman);
  const auto spelt_out =
      index.Add("Betreff: Verlängerung des Wartungsvertrags 2025", Language::kGerman);
  CHECK(index.Word("Wartung").count(compound) == 1);
  CHECK(index.Word("Vertrag").count(compound) == 1);
  CHECK(index.Word("Verlängerung").count(compound) == 1);
  CHECK(index.Word("Wartungsvertrag").count(compound) == 1);
  CHECK(index.Word("Wartungsvertragsverlängerung") == Ids{compound, spelt_out});
  const auto terms = index.Terms(compound);
  CHECK(terms.count("wartungsvertragsverlangerung") == 1);
  CHECK(terms.count("wartung") == 1);
  CHECK(terms.count("Zvertrag") == 1);
  CHECK(terms.count("verlangerung") == 1);
}

TEST_CASE("Compound parts are not positional, the compound is", "[search][analysis]") {
  AnalysisIndex index;
  const auto id = index.Add("Migrationsprojekt", Language::kGerman);
  CHECK(index.db().positionlist_begin(id, "migrationsprojekt") !=
        index.db().positionlist_end(id, "migrationsprojekt"));
  CHECK(index.db().positionlist_begin(id, "projekt") == index.db().positionlist_end(id, "projekt"));
  CHECK(index.Terms(id).count("projekt") == 1);
}

TEST_CASE("ERP-Migration is found by ERP, Migration and ERP-Migration", "[search][analysis]") {
  AnalysisIndex index;
  const auto id = index.Add("Start der ERP-Migration", Language::kGerman);
  const auto other = index.Add("Start der Migration", Language::kGerman);
  CHECK(index.Word("ERP") == Ids{id});
  CHECK(index.Word("Migration") == Ids{id, other});
  CHECK(index.Word("ERP-Migration") == Ids{id});
  CHECK(index.Word("erpmigration") == Ids{id});
  // The joined word sits where its first part does.
  auto erp = index.db().positionlist_begin(id, "erp");
  auto joined = index.db().positionlist_begin(id, "erpmigration");
  auto migration = index.db().positionlist_begin(id, "migration");
  CHECK(*joined == *erp);
  CHECK(*migration == *erp + 1);
}

TEST_CASE("The index's own words count as known parts of compounds", "[search][analysis]") {
  const Analyzer no_list("/nonexistent/word-list");
  Xapian::WritableDatabase vocabulary(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document known;
  known.add_term("cloud");
  known.add_term("migration");
  vocabulary.add_document(known);

  Xapian::Document with;
  Xapian::termpos position = 0;
  no_list.IndexText(with, "Cloudmigration", Language::kGerman, &position, 1, "", &vocabulary);
  const std::set<std::string> terms(with.termlist_begin(), with.termlist_end());
  CHECK(terms.count("cloud") == 1);
  CHECK(terms.count("migration") == 1);

  Xapian::Document without;
  position = 0;
  no_list.IndexText(without, "Cloudmigration", Language::kGerman, &position);
  const std::set<std::string> plain(without.termlist_begin(), without.termlist_end());
  CHECK(plain.count("cloud") == 0);
  CHECK(plain.count("cloudmigration") == 1);
}

TEST_CASE("English text is not split into German parts", "[search][analysis]") {
  AnalysisIndex index;
  const auto id = index.Add("Softwareupdate", Language::kEnglish);
  CHECK(index.Terms(id).count("update") == 0);
  const auto german = index.Add("Softwareupdate", Language::kGerman);
  CHECK(index.Terms(german).count("update") == 1);
}

}  // namespace
}  // namespace akte::search::test
