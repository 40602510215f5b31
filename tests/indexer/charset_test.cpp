#include "charset.h"

#include <catch2/catch.hpp>

namespace akte::indexer {
namespace {

TEST_CASE("Charset detection reads BOMs, UTF-8 and legacy German text", "[indexer][charset]") {
  CHECK(DetectCharset("\xEF\xBB\xBFGr\xC3\xBC\xC3\x9F"
                      "e") == "UTF-8");
  CHECK(DetectCharset(std::string_view("\xFF\xFEG\0r\0", 6)) == "UTF-16LE");
  CHECK(DetectCharset("\xFE\xFF\0G") == "UTF-16BE");
  CHECK(DetectCharset("Gr\xC3\xBC\xC3\x9F"
                      "e aus M\xC3\xBCnchen") == "UTF-8");
  const std::string cp1252 =
      "Sehr geehrte Frau M\xFCller, anbei die Rechnung \xFC"
      "ber 1.190,00 \x80 f\xFCr die "
      "Wartung. Mit freundlichen Gr\xFC\xDF"
      "en aus K\xF6ln.";
  const std::string detected = DetectCharset(cp1252);
  CHECK((detected == "WINDOWS-1252" || detected == "ISO-8859-15"));
  CHECK(ToUtf8(cp1252, "").find("Grüßen aus Köln") != std::string::npos);
}

TEST_CASE("Conversion to UTF-8 replaces invalid bytes visibly", "[indexer][charset]") {
  CHECK(ToUtf8("Stra\xDF"
               "e",
               "WINDOWS-1252") == "Straße");
  CHECK(ToUtf8("\x80", "WINDOWS-1252") == "€");
  CHECK(SanitizeUtf8("ok \xC3 broken \xFF end") == "ok \xEF\xBF\xBD broken \xEF\xBF\xBD end");
  // A byte Shift_JIS does not define becomes U+FFFD, the rest converts.
  std::string sjis = ToUtf8("\x82\xA0\xFF\x82\xA2", "SHIFT_JIS");
  CHECK(sjis == "あ\xEF\xBF\xBDい");
  CHECK(ToUtf8(std::string_view("\xFF\xFE\x41\x00\xFC\x00", 6), "") == "Aü");
  // A lone surrogate spoils one character, not everything after it.
  CHECK(ToUtf8(std::string_view("A\0\x00\xDC"
                                "B\0C\0",
                                8),
               "UTF-16LE") ==
        "A\xEF\xBF\xBD"
        "BC");
}

TEST_CASE("An unknown declared charset falls back to detection", "[indexer][charset]") {
  CHECK(ToUtf8("Gr\xC3\xBC\xC3\x9F"
               "e",
               "x-no-such-charset") == "Grüße");
}

TEST_CASE("AppendUtf8 encodes every plane and refuses surrogates", "[indexer][charset]") {
  std::string out;
  AppendUtf8(out, U'ä');
  AppendUtf8(out, U'€');
  AppendUtf8(out, U'😀');
  AppendUtf8(out, 0xD800);
  CHECK(out == "ä€😀\xEF\xBF\xBD");
}

}  // namespace
}  // namespace akte::indexer
