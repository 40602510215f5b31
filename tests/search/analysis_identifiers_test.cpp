#include <catch2/catch.hpp>

#include "analysis_fixture.h"
#include "tokenizer.h"

namespace akte::search::test {
namespace {

using Ids = std::set<Xapian::docid>;

std::vector<Token> Tokens(std::string_view text) {
  Tokenizer tokenizer(text);
  std::vector<Token> tokens;
  Token token;
  while (tokenizer.Next(&token)) tokens.push_back(token);
  return tokens;
}

// The "tel:" term of the only phone number in `text`, or "" when none.
std::string PhoneTerm(std::string_view text) {
  std::string term;
  for (const Token& token : Tokens(text)) {
    if (token.kind == TokenKind::kPhone) term += token.whole;
  }
  return term;
}

TEST_CASE("Invoice numbers are found as typed and not by their neighbours", "[search][analysis]") {
  AnalysisIndex index;
  const auto invoice = index.Add("Rechnung RE-2024-0042 vom 5. März");
  const auto next = index.Add("Rechnung RE-2024-0043 vom 6. März");
  const auto offer = index.Add("Angebot AN-2024/0007");
  const auto spaced = index.Add("Rechnung RE 2024 0042");
  CHECK(index.Word("RE-2024-0042") == Ids{invoice, spaced});
  CHECK(index.Word("re-2024-0042") == Ids{invoice, spaced});
  CHECK(index.Word("RE-2024-0043") == Ids{next});
  CHECK(index.Word("AN-2024/0007") == Ids{offer});
  CHECK(index.Word("AN-2024/0008").empty());
  CHECK(index.Terms(invoice).count("re20240042") == 1);
  // Its pieces are words too.
  CHECK(index.Word("0042") == Ids{invoice, spaced});
}

TEST_CASE("Customer numbers are found as typed", "[search][analysis]") {
  AnalysisIndex index;
  const auto number = index.Add("Kundennummer 10042");
  const auto code = index.Add("Kunde K-2024-07, Ansprechpartner Frau Weber");
  CHECK(index.Word("10042") == Ids{number});
  CHECK(index.Word("K-2024-07") == Ids{code});
  CHECK(index.Word("K-2024-08").empty());
}

TEST_CASE("Email addresses are found whole, by domain and by name", "[search][analysis]") {
  AnalysisIndex index;
  const auto mail = index.Add("Kontakt: info@mueller-maschinenbau.de, Tel. siehe unten");
  const auto other = index.Add("Kontakt: info@weber-bau.de");
  CHECK(index.Word("info@mueller-maschinenbau.de") == Ids{mail});
  CHECK(index.Word("INFO@Mueller-Maschinenbau.de") == Ids{mail});
  CHECK(index.Word("mueller-maschinenbau.de") == Ids{mail});
  CHECK(index.Word("Müller") == Ids{mail});
  CHECK(index.Word("Maschinenbau") == Ids{mail});
  CHECK(index.Word("info@mueller-maschinenbau.com").empty());
  CHECK(index.Word("weber-bau.de") == Ids{other});
  const auto terms = index.Terms(mail);
  CHECK(terms.count("info@mueller-maschinenbau.de") == 1);
  CHECK(terms.count("mueller-maschinenbau.de") == 1);
}

TEST_CASE("Domains are found with and without their host name", "[search][analysis]") {
  AnalysisIndex index;
  const auto site = index.Add("Siehe www.mueller-maschinenbau.de/kontakt für Details.");
  CHECK(index.Word("mueller-maschinenbau.de") == Ids{site});
  CHECK(index.Word("www.mueller-maschinenbau.de") == Ids{site});
  CHECK(index.Word("kontakt") == Ids{site});
}

TEST_CASE("Phone numbers in any spelling make the same term", "[search][analysis]") {
  for (const char* spelling :
       {"+49 30 1234567", "030/1234567", "030 123 45 67", "(030) 1234567", "0049 30 1234567",
        "+49 (0)30 1234567", "030-1234567", "030 / 123 45 67", "0301234567", "+4930 1234567"}) {
    INFO(spelling);
    CHECK(PhoneTerm(spelling) == "tel:0301234567");
    CHECK(PhoneTerm(std::string("Tel.: ") + spelling + ", Fax folgt") == "tel:0301234567");
  }
  CHECK(PhoneTerm("+43 1 2345678") == "tel:+4312345678");
  CHECK(PhoneTerm("0043 1 2345678") == "tel:+4312345678");
  CHECK(PhoneTerm("Mobil 0171 9876543") == "tel:01719876543");
}

TEST_CASE("Dates, amounts and account numbers are not phone numbers", "[search][analysis]") {
  for (const char* text :
       {"2024-03-05", "05.03.2024", "01/02/2024", "1.234,56 EUR", "0,50 EUR",
        "IBAN DE89 3704 0044 0532 0130 00", "ISBN 0-306-40615-2", "Seite 012", "0301234567abc"}) {
    INFO(text);
    CHECK(PhoneTerm(text).empty());
  }
  // A year after the number is not swallowed.
  CHECK(PhoneTerm("Tel 030 1234567 2024 neu") == "tel:0301234567");
}

TEST_CASE("Phone numbers are found in any spelling", "[search][analysis]") {
  AnalysisIndex index;
  const auto id = index.Add("Rückruf erbeten unter 030/1234567 bis Freitag.");
  const auto other = index.Add("Rückruf erbeten unter 030/7654321 bis Freitag.");
  for (const char* spelling : {"+49 30 1234567", "030 123 45 67", "(030) 1234567", "0301234567"}) {
    INFO(spelling);
    CHECK(index.Word(spelling) == Ids{id});
  }
  CHECK(index.Word("1234567") == Ids{id});
  CHECK(index.Word("030") == Ids{id, other});
}

TEST_CASE("Identifiers keep their pieces together, words glued by slashes stay apart",
          "[search][analysis]") {
  const auto tokens = Tokens("Müller/Meier RE-2024-0042 ERP-Migration 1.234,56 z.B.");
  REQUIRE(tokens.size() == 7);
  CHECK(tokens[0].kind == TokenKind::kWord);
  CHECK(tokens[1].kind == TokenKind::kWord);
  CHECK(tokens[2].kind == TokenKind::kIdentifier);
  CHECK(tokens[2].parts.size() == 3);
  CHECK(tokens[3].kind == TokenKind::kHyphenated);
  CHECK(tokens[4].kind == TokenKind::kIdentifier);
  CHECK(tokens[5].kind == TokenKind::kWord);
  CHECK(tokens[6].kind == TokenKind::kWord);
}

TEST_CASE("Amounts are found as written", "[search][analysis]") {
  AnalysisIndex index;
  const auto id = index.Add("Gesamtbetrag 1.234,56 EUR");
  const auto other = index.Add("Gesamtbetrag 1.234,57 EUR");
  CHECK(index.Word("1.234,56") == Ids{id});
  CHECK(index.Word("1.234,57") == Ids{other});
}

}  // namespace
}  // namespace akte::search::test
