#include "legacy_names.h"

#include <array>
#include <optional>
#include <vector>

#include "charset.h"

namespace akte::indexer {
namespace {

// In order of preference when two read the names equally well. Charsets
// that read nearly any byte as a letter (Windows-1251, ISO-8859-5) would win
// every tie, so they are left out.
constexpr std::array<const char*, 7> kCandidates = {"CP850", "WINDOWS-1252", "CP932", "GB18030",
                                                    "BIG5",  "EUC-KR",       "CP866"};

// The code points of valid UTF-8 `s`.
std::vector<char32_t> CodePoints(std::string_view s) {
  std::vector<char32_t> out;
  for (std::size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    int length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = length == 1 ? c : c & (0x7F >> length);
    for (int k = 1; k < length && i + k < s.size(); ++k) {
      cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    }
    out.push_back(cp);
    i += static_cast<std::size_t>(length);
  }
  return out;
}

bool IsLatinLetter(char32_t c) { return (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7); }

bool IsCyrillic(char32_t c) { return c >= 0x400 && c <= 0x4FF; }

bool IsEastAsian(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) ||  // Hiragana, Katakana
         (c >= 0x4E00 && c <= 0x9FFF) ||  // CJK ideographs
         (c >= 0xAC00 && c <= 0xD7A3);    // Hangul syllables
}

// Higher is more plausible as file names. Runs of accented Latin letters
// score little beyond two: German has "öß", but "ÅÉêéàÆ" is Cyrillic or
// Japanese read in the wrong code page. East Asian characters stand for two
// bytes each and count double, but only in runs of three or more: a lone
// ideograph or two between Latin letters are more likely "ößÄ" read in the
// wrong code page.
std::optional<int> Score(std::string_view names, const char* charset) {
  const std::string utf8 = ToUtf8(names, charset);
  if (utf8.find(kReplacementCharacter) != std::string::npos) return std::nullopt;
  int score = 0, latin_run = 0, east_asian_run = 0;
  auto end_east_asian_run = [&] {
    score += east_asian_run == 1 ? 1 : east_asian_run == 2 ? 3 : 2 * east_asian_run;
    east_asian_run = 0;
  };
  for (char32_t c : CodePoints(utf8)) {
    if (IsEastAsian(c)) {
      ++east_asian_run;
      latin_run = 0;
      continue;
    }
    end_east_asian_run();
    if (IsLatinLetter(c)) {
      score += ++latin_run <= 2 ? 1 : -1;
      continue;
    }
    latin_run = 0;
    if (c >= 0x80) score += IsCyrillic(c) ? 1 : -2;
  }
  end_east_asian_run();
  return score;
}

}  // namespace

std::string LegacyNamesCharset(std::string_view names) {
  std::vector<std::string> candidates(kCandidates.begin(), kCandidates.end());
  // uchardet is right about long East Asian or Cyrillic names (and silent or
  // wrong about short ones); when it names such a charset it wins ties.
  const std::string guess = DetectCharset(names);
  for (const char* trusted : {"GB18030", "BIG5", "EUC-KR", "SHIFT_JIS", "EUC-JP", "IBM866"}) {
    if (guess == trusted) candidates.insert(candidates.begin(), guess);
  }
  std::string best = candidates.front();
  std::optional<int> best_score;
  for (const std::string& charset : candidates) {
    std::optional<int> score = Score(names, charset.c_str());
    if (score && (!best_score || *score > *best_score)) {
      best = charset;
      best_score = score;
    }
  }
  return best;
}

}  // namespace akte::indexer
