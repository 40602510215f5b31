#include <catch2/catch.hpp>

#include "analysis_fixture.h"

namespace akte::search::test {
namespace {

TEST_CASE("Language detection tells German from English paragraphs", "[search][analysis]") {
  const Analyzer& analyzer = Analyzer::Default();
  CHECK(analyzer.DetectLanguage(
            "Sehr geehrte Damen und Herren, anbei erhalten Sie unser Angebot für die Wartung "
            "Ihrer Serveranlage. Die Preise verstehen sich zuzüglich der gesetzlichen "
            "Mehrwertsteuer. Wir freuen uns auf Ihre Rückmeldung.") == Language::kGerman);
  CHECK(analyzer.DetectLanguage(
            "Dear Sir or Madam, please find attached our quotation for the maintenance of your "
            "server installation. All prices are subject to value added tax. We look forward "
            "to hearing from you.") == Language::kEnglish);
}

TEST_CASE("Language detection is unsure about short or other texts", "[search][analysis]") {
  const Analyzer& analyzer = Analyzer::Default();
  CHECK(analyzer.DetectLanguage("") == Language::kUnknown);
  CHECK(analyzer.DetectLanguage("RE-2024-0042") == Language::kUnknown);
  CHECK(analyzer.DetectLanguage(
            "Madame, Monsieur, veuillez trouver ci-joint notre offre pour la maintenance de "
            "votre installation de serveurs. Les prix s'entendent hors taxe. Nous attendons "
            "votre réponse avec impatience.") == Language::kUnknown);
  // Invalid UTF-8 from a broken extraction does not upset it.
  CHECK(analyzer.DetectLanguage("Sehr geehrte Damen und Herren, \xff\xfe anbei erhalten Sie "
                                "unser Angebot für die Wartung Ihrer Serveranlage und die "
                                "Verlängerung des Vertrags.") != Language::kEnglish);
}

TEST_CASE("Spelling words are the lowercase words of a text, letters only", "[search][analysis]") {
  const auto words = Analyzer::Default().SpellingWords(
      "Die Verträge für Müller-Bau: RE-2024-0042, 5 Stück, info@firma.de, Ab.");
  CHECK(words == std::vector<std::string>{"die", "verträge", "für", "müller", "bau", "stück"});
}

}  // namespace
}  // namespace akte::search::test
