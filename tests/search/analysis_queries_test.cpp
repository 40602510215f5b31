#include <catch2/catch.hpp>

#include "analysis_fixture.h"
#include "glossary.h"

namespace akte::search::test {
namespace {

using Ids = std::set<Xapian::docid>;

TEST_CASE("Vertrag, Verträge, Vertrags, Vertraege and Vertrage find each other",
          "[search][analysis]") {
  AnalysisIndex index;
  Ids all;
  for (const char* form : {"Vertrag", "Verträge", "Vertrags", "Vertraege", "Vertrage"}) {
    all.insert(index.Add(std::string("Der ") + form + " liegt bei.", Language::kGerman));
  }
  const auto other = index.Add("Der Vortrag liegt bei.", Language::kGerman);
  for (const char* form :
       {"Vertrag", "Verträge", "Vertrags", "Vertraege", "Vertrage", "Vertrages"}) {
    INFO(form);
    CHECK(index.Word(form) == all);
  }
  CHECK(index.Word("Vortrag") == Ids{other});
}

TEST_CASE("A German noun query finds the other forms of the noun", "[search][analysis]") {
  AnalysisIndex index;
  const auto singular = index.Add("Die Rechnung ist bezahlt.", Language::kGerman);
  const auto plural = index.Add("Alle Rechnungen sind bezahlt.", Language::kGerman);
  const auto customers = index.Add("Unsere Kunden warten.", Language::kGerman);
  CHECK(index.Word("Rechnungen") == Ids{singular, plural});
  CHECK(index.Word("Rechnung") == Ids{singular, plural});
  CHECK(index.Word("Kunde") == Ids{customers});
}

TEST_CASE("English inflections find each other", "[search][analysis]") {
  AnalysisIndex index;
  const auto singular = index.Add("The contract was signed.", Language::kEnglish);
  const auto plural = index.Add("Both contracts were signed.", Language::kEnglish);
  const auto meeting = index.Add("We are meeting on Monday.", Language::kEnglish);
  CHECK(index.Word("contracts") == Ids{singular, plural});
  CHECK(index.Word("contract") == Ids{singular, plural});
  CHECK(index.Word("meetings") == Ids{meeting});
}

TEST_CASE("Stems follow the language of the text", "[search][analysis]") {
  AnalysisIndex index;
  const auto german = index.Terms(index.Add("Verträge", Language::kGerman));
  CHECK(german.count("vertrage") == 1);
  CHECK(german.count("Zvertrag") == 1);
  CHECK(german.count("Zverträg") == 0);
  const auto english = index.Terms(index.Add("contracts", Language::kEnglish));
  CHECK(english.count("Zcontract") == 1);
  CHECK(english.size() == 2);
  const auto unknown = index.Terms(index.Add("Verträge", Language::kUnknown));
  CHECK(unknown.count("Zvertrag") == 1);
  CHECK(unknown.count("Zverträg") == 1);
}

TEST_CASE("The glossary finds English texts for German words and back", "[search][analysis]") {
  AnalysisIndex index;
  const auto invoice = index.Add("Please find the invoice attached.", Language::kEnglish);
  const auto rechnung = index.Add("Anbei die Rechnung.", Language::kGerman);
  const auto quote = index.Add("Here is our quotation.", Language::kEnglish);
  const auto maintenance = index.Add("Your maintenance contract ends.", Language::kEnglish);
  const auto privacy = index.Add("Our privacy policy changed.", Language::kEnglish);
  const auto termination = index.Add("Notice of termination.", Language::kEnglish);
  CHECK(index.Word("Rechnung") == Ids{invoice, rechnung});
  CHECK(index.Word("Rechnungen") == Ids{invoice, rechnung});
  CHECK(index.Word("invoices") == Ids{invoice, rechnung});
  CHECK(index.Word("Angebot") == Ids{quote});
  CHECK(index.Word("Wartungsvertrag") == Ids{maintenance});
  CHECK(index.Word("Datenschutz").count(privacy) == 1);
  CHECK(index.Word("Kündigung").count(termination) == 1);
}

TEST_CASE("The glossary does not translate words that only share a stem", "[search][analysis]") {
  const Glossary glossary(GlossaryPairs());
  auto translations = [&](std::string_view word) {
    const auto found = glossary.Translate(word);
    return std::set<std::string_view>(found.begin(), found.end());
  };
  // "Termin" and "termination" share the english stem "termin".
  CHECK(translations("termin").count("appointment") == 1);
  CHECK(translations("termin").count("Kündigung") == 0);
  CHECK(translations("account").count("Konto") == 1);
  CHECK(translations("account").count("Buchhaltung") == 0);
  CHECK(translations("verträge").count("contract") == 1);
  CHECK(translations("deliveries").count("Lieferung") == 1);
  CHECK(glossary.size() >= 150);
}

TEST_CASE("A translation's short stem does not find unrelated German words", "[search][analysis]") {
  AnalysisIndex index;
  const auto offer = index.Add("We sent the offer on Monday.", Language::kEnglish);
  const auto open = index.Add("Die Rechnung ist noch offen.", Language::kGerman);
  // "Angebot" translates to "offer", whose German stem "off" is also that of "offen".
  CHECK(index.Word("Angebot") == Ids{offer});
  CHECK(index.Word("offen") == Ids{open});
}

TEST_CASE("A multi-word glossary entry is found from its German word", "[search][analysis]") {
  AnalysisIndex index;
  const auto english = index.Add("A price increase of 5 percent.", Language::kEnglish);
  const auto german = index.Add("Eine Preiserhöhung um 5 Prozent.", Language::kGerman);
  const auto unrelated =
      index.Add("The price stays, the increase was cancelled.", Language::kEnglish);
  CHECK(index.Word("Preiserhöhung").count(english) == 1);
  CHECK(index.Word("Preiserhöhung").count(german) == 1);
  CHECK(index.Word("price increase").count(german) == 1);
  // Both words in one text are enough for a glossary AND; order is not checked.
  CHECK(index.Word("Preiserhöhung").count(unrelated) == 1);
}

TEST_CASE("Phrase queries match words in order and adjacent", "[search][analysis]") {
  AnalysisIndex index;
  const auto id = index.Add("Die Migration des Servers wurde auf Mai verschoben.");
  const auto other = index.Add("Der Server wurde vor der Migration gesichert.");
  CHECK(index.Phrase("Migration des Servers") == Ids{id});
  CHECK(index.Phrase("migration DES servers") == Ids{id});
  CHECK(index.Phrase("Servers des Migration").empty());
  CHECK(index.Phrase("der Migration") == Ids{other});
  CHECK(index.Phrase("Migration").size() == 2);
}

TEST_CASE("Phrases hold identifiers as their pieces", "[search][analysis]") {
  AnalysisIndex index;
  const auto id = index.Add("Die Rechnung RE-2024-0042 ist bezahlt.");
  CHECK(index.Phrase("Rechnung RE-2024-0042 ist") == Ids{id});
  CHECK(index.Phrase("Rechnung RE-2024-0043 ist").empty());
  CHECK(index.Phrase("RE 2024 0042") == Ids{id});
}

TEST_CASE("Phrases never span two texts of one document", "[search][analysis]") {
  AnalysisIndex index;
  Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
  Xapian::Document doc;
  Xapian::termpos position = 0;
  const Analyzer& analyzer = Analyzer::Default();
  analyzer.IndexText(doc, "Betreff Migration", Language::kGerman, &position);
  CHECK(position == 2 + 100);
  analyzer.IndexText(doc, "Server neu", Language::kGerman, &position);
  CHECK(position == 2 + 100 + 2 + 100);
  db.add_document(doc);
  Xapian::Enquire enquire(db);
  enquire.set_query(analyzer.PhraseQuery("Migration Server"));
  CHECK(enquire.get_mset(0, 10).empty());
  enquire.set_query(analyzer.PhraseQuery("Server neu"));
  CHECK(enquire.get_mset(0, 10).size() == 1);
}

TEST_CASE("Field prefixes separate the fields", "[search][analysis]") {
  AnalysisIndex index;
  const auto titled = index.Add("Wartungsvertrag Müller", Language::kGerman, "S");
  const auto body = index.Add("Wartungsvertrag Müller", Language::kGerman);
  CHECK(index.Word("Müller", "S") == Ids{titled});
  CHECK(index.Word("Müller") == Ids{body});
  CHECK(index.Word("Vertrag", "S") == Ids{titled});
  CHECK(index.Phrase("Wartungsvertrag Mueller", "S") == Ids{titled});
  const auto terms = index.Terms(titled);
  CHECK(terms.count("Smuller") == 1);
  CHECK(terms.count("ZSmull") == 1);
  CHECK(terms.count("Svertrag") == 1);
}

TEST_CASE("Wildcards expand folded prefixes", "[search][analysis]") {
  AnalysisIndex index;
  const auto migration = index.Add("Die Migration läuft.");
  const auto mueller = index.Add("Herr Müller ruft an.");
  const Analyzer& analyzer = Analyzer::Default();
  CHECK(index.Match(analyzer.WildcardQuery("migra*")) == Ids{migration});
  CHECK(index.Match(analyzer.WildcardQuery("MIGRA")) == Ids{migration});
  CHECK(index.Match(analyzer.WildcardQuery("Mül*")) == Ids{mueller});
  CHECK(index.Match(analyzer.WildcardQuery("Muel*")) == Ids{mueller});
  CHECK(index.Match(analyzer.WildcardQuery("xyz*")).empty());
  CHECK(analyzer.WildcardQuery("*").empty());
}

TEST_CASE("Weights add to the within-document frequency per occurrence", "[search][analysis]") {
  Xapian::Document doc;
  Xapian::termpos position = 0;
  Analyzer::Default().IndexText(doc, "Verträge und Verträge", Language::kGerman, &position, 5);
  for (auto term = doc.termlist_begin(); term != doc.termlist_end(); ++term) {
    if (*term == "vertrage" || *term == "Zvertrag") CHECK(term.get_wdf() == 10);
    if (*term == "und") CHECK(term.get_wdf() == 5);
  }
  CHECK(doc.termlist_count() == 3);  // vertrage, Zvertrag, und ("und" is its own stem)
}

TEST_CASE("A word that is its own stem has no stem term, and its inflections still find it",
          "[search][analysis]") {
  AnalysisIndex index;
  const auto base = index.Add("Der Vertrag liegt vor.", Language::kGerman);
  const auto plural = index.Add("Die Verträge liegen vor.", Language::kGerman);
  const auto genitive = index.Add("Laut des Vertrags", Language::kGerman);
  const auto terms = index.Terms(base);
  CHECK(terms.count("vertrag") == 1);
  CHECK(terms.count("Zvertrag") == 0);
  CHECK(index.Terms(plural).count("Zvertrag") == 1);
  for (const char* query : {"Vertrag", "Verträge", "Vertraege", "Vertrags"}) {
    INFO(query);
    CHECK(index.Word(query) == Ids{base, plural, genitive});
  }
  const auto english = index.Add("The contract is signed.", Language::kEnglish);
  CHECK(index.Word("contracts").count(english) == 1);
}

TEST_CASE("Every word makes a query, punctuation none", "[search][analysis]") {
  const Analyzer& analyzer = Analyzer::Default();
  CHECK(analyzer.WordQuery("---").empty());
  CHECK(analyzer.WordQuery("…").empty());
  CHECK(analyzer.WordQuery("").empty());
  CHECK_FALSE(analyzer.WordQuery("ü").empty());
  CHECK_FALSE(analyzer.WordQuery("7").empty());
  CHECK_FALSE(analyzer.WordQuery("(Vertrag)").empty());
}

TEST_CASE("A word query weighs the spellings of a word as one term", "[search][analysis]") {
  const std::string description = Analyzer::Default().WordQuery("Müller").get_description();
  CHECK(description.find("SYNONYM") != std::string::npos);
  CHECK(description.find("muller") != std::string::npos);
  CHECK(description.find("Zmull") != std::string::npos);
}

}  // namespace
}  // namespace akte::search::test
