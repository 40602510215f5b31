#include "snippet.h"

#include <algorithm>
#include <cctype>

#include "compounds.h"
#include "folding.h"
#include "stemming.h"
#include "string_hash.h"
#include "tokenizer.h"
#include "utf8.h"

namespace akte::search {
namespace {

constexpr int kNoMatch = TermMatcher::kNoMatch;
// Shorter words are not split into parts; folding makes no word longer in
// bytes (but for the rare Ⱥ and Ⱦ), so this holds for raw words too.
constexpr std::size_t kMinCompoundBytes = CompoundSplitter::kMinCompoundBytes;
// Within a window a further distinct term is worth this many repetitions.
constexpr int kDistinctWeight = 4;
// How far a cut may move to reach a space instead of splitting a word.
constexpr std::size_t kBorderSearch = 24;
constexpr std::string_view kEllipsis = "…";

struct Match {
  Span span;
  int term = kNoMatch;
};

bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\v';
}

void AddTokenMatches(std::string_view text, const Token& token, TermMatcher* matcher,
                     std::vector<Match>* matches) {
  int whole = kNoMatch;
  if (!token.whole.empty()) {
    whole = matcher->Id(token.whole);
    if (whole == kNoMatch && token.kind == TokenKind::kEmail) {
      whole = matcher->Id(std::string_view(token.whole).substr(token.whole.find('@') + 1));
    }
  } else if (token.parts.size() > 1) {
    std::string joined;
    for (const Span& part : token.parts) joined.append(text.substr(part.begin, part.size()));
    whole = matcher->Id(FoldWord(joined));
  }
  if (whole != kNoMatch) {
    matches->push_back({token.span, whole});
    return;
  }
  for (const Span& part : token.parts) {
    const int id = matcher->MatchWord(text.substr(part.begin, part.size()));
    if (id != kNoMatch) matches->push_back({part, id});
  }
}

// The run of matches [*first, *last) that fits in `length` bytes with the
// most distinct terms, then the most matches; the earliest on a tie.
void BestWindow(const std::vector<Match>& matches, std::size_t terms, std::size_t length,
                std::size_t* first, std::size_t* last) {
  std::vector<int> counts(terms, 0);
  int distinct = 0;
  int best_score = -1;
  std::size_t j = 0;
  for (std::size_t i = 0; i < matches.size(); ++i) {
    while (j < matches.size() && matches[j].span.end - matches[i].span.begin <= length) {
      if (counts[static_cast<std::size_t>(matches[j].term)]++ == 0) ++distinct;
      ++j;
    }
    if (j == i) {  // one match longer than the window
      j = i + 1;
      if (counts[static_cast<std::size_t>(matches[i].term)]++ == 0) ++distinct;
    }
    const int score = distinct * kDistinctWeight + static_cast<int>(j - i);
    if (score > best_score) {
      best_score = score;
      *first = i;
      *last = j;
    }
    if (--counts[static_cast<std::size_t>(matches[i].term)] == 0) --distinct;
  }
}

std::size_t BackToBoundary(std::string_view text, std::size_t pos) {
  while (pos > 0 && !IsUtf8Boundary(text, pos)) --pos;
  return pos;
}

// Moves a cut to just after a space when one is near, never past `limit`.
std::size_t StartAtBorder(std::string_view text, std::size_t start, std::size_t limit) {
  if (start == 0) return 0;
  for (std::size_t p = start; p < limit && p < start + kBorderSearch; ++p) {
    if (IsSpace(text[p - 1])) return p;
  }
  return BackToBoundary(text, start);
}

std::size_t EndAtBorder(std::string_view text, std::size_t end, std::size_t limit) {
  if (end >= text.size()) return text.size();
  for (std::size_t p = end; p > limit && p + kBorderSearch > end; --p) {
    if (IsSpace(text[p])) return p;
  }
  return BackToBoundary(text, end);
}

// Copies text[start, end) with runs of white space made one space, and
// the matches inside as highlights.
Snippet Cut(std::string_view text, std::size_t start, std::size_t end,
            const std::vector<Match>& matches) {
  while (start < end && IsSpace(text[start])) ++start;
  while (end > start && IsSpace(text[end - 1])) --end;
  Snippet snippet;
  snippet.offset = start;
  snippet.first_match = start;
  // White space alone before or after the passage is no cut.
  constexpr std::string_view kSpaces = " \n\r\t\f\v";
  if (text.find_first_not_of(kSpaces) < start) snippet.text.append(kEllipsis);
  auto match = std::lower_bound(matches.begin(), matches.end(), start,
                                [](const Match& m, std::size_t pos) { return m.span.begin < pos; });
  for (std::size_t p = start; p < end; ++p) {
    if (match != matches.end() && match->span.begin == p && match->span.end <= end) {
      const std::size_t begin = snippet.text.size();
      if (snippet.highlights.empty()) snippet.first_match = p;
      snippet.text.append(text.substr(p, match->span.size()));
      snippet.highlights.push_back({begin, snippet.text.size()});
      p = match->span.end - 1;
      ++match;
      continue;
    }
    if (IsSpace(text[p])) {
      if (p == start || !IsSpace(text[p - 1])) snippet.text.push_back(' ');
      continue;
    }
    snippet.text.push_back(text[p]);
  }
  if (text.find_first_not_of(kSpaces, end) != std::string_view::npos) {
    snippet.text.append(kEllipsis);
  }
  return snippet;
}

}  // namespace

TermMatcher::TermMatcher(const WordSet& words, const std::vector<std::string>& terms)
    : term_count_(terms.size()), splitter_(words, nullptr) {
  for (std::size_t i = 0; i < terms.size(); ++i) {
    ids_.emplace(terms[i], static_cast<int>(i));
    std::string_view term = terms[i];
    if (term.starts_with('Z')) {
      const std::string folded = FoldWord(term.substr(1));
      stem_heads_.push_back(folded.substr(0, 3));
      if (folded.size() >= 3) needles_.push_back(folded);
      if (!folded.empty()) initials_[static_cast<unsigned char>(folded[0])] = true;
    } else {
      if (term.size() >= 3) needles_.push_back(std::string(term));
      initials_[static_cast<unsigned char>(term[0])] = true;
    }
  }
}

int TermMatcher::Id(std::string_view term) const {
  const auto found = ids_.find(term);
  return found == ids_.end() ? kNoMatch : found->second;
}

int TermMatcher::MatchWord(std::string_view raw) {
  if (raw.empty()) return kNoMatch;
  const auto first = static_cast<unsigned char>(raw[0]);
  if (first < 0x80 && raw.size() < kMinCompoundBytes &&
      !initials_[static_cast<unsigned char>(std::tolower(first))]) {
    return kNoMatch;
  }
  const auto cached = seen_.find(raw);
  if (cached != seen_.end()) return cached->second;
  const int id = Analyze(raw);
  seen_.emplace(std::string(raw), id);
  return id;
}

int TermMatcher::Analyze(std::string_view raw) {
  const std::string folded = FoldWord(raw);
  if (const int id = Id(folded); id != kNoMatch) return id;
  const bool stem_possible =
      std::any_of(stem_heads_.begin(), stem_heads_.end(),
                  [&](const std::string& h) { return folded.starts_with(h); });
  if (stem_possible) {
    std::string lower;
    AppendLowercase(raw, &lower);
    if (const int id = StemId(lower); id != kNoMatch) return id;
  }
  const bool part_possible =
      folded.size() >= kMinCompoundBytes &&
      std::any_of(needles_.begin(), needles_.end(),
                  [&](const std::string& n) { return folded.find(n) != std::string::npos; });
  return part_possible ? PartId(folded) : kNoMatch;
}

int TermMatcher::StemId(const std::string& lower) {
  stems_.clear();
  AppendStems(lower, kStemGerman | kStemEnglish, &stems_);
  for (const std::string& stem : stems_) {
    if (const int id = Id("Z" + stem); id != kNoMatch) return id;
  }
  return kNoMatch;
}

int TermMatcher::PartId(const std::string& folded) {
  for (const std::string& part : splitter_.Split(folded)) {
    if (const int id = Id(part); id != kNoMatch) return id;
    if (const int id = StemId(part); id != kNoMatch) return id;
    if (const int id = PartId(part); id != kNoMatch) return id;
  }
  return kNoMatch;
}

Snippet MakeTextSnippet(TermMatcher& matcher, std::string_view text, std::size_t length) {
  length = std::max<std::size_t>(length, 1);
  std::vector<Match> matches;
  Tokenizer tokenizer(text);
  Token token;
  while (tokenizer.Next(&token)) AddTokenMatches(text, token, &matcher, &matches);
  if (matches.empty()) {
    std::size_t start = 0;
    while (start < text.size() && IsSpace(text[start])) ++start;
    return Cut(text, start, EndAtBorder(text, start + length, start), matches);
  }
  std::size_t first = 0;
  std::size_t last = 0;
  BestWindow(matches, matcher.term_count(), length, &first, &last);
  const std::size_t begin = matches[first].span.begin;
  const std::size_t span_end = matches[last - 1].span.end;
  // Room left beside the matches: a third before them, the rest after.
  const std::size_t room = length > span_end - begin ? length - (span_end - begin) : 0;
  std::size_t start = begin > room / 3 ? begin - room / 3 : 0;
  std::size_t end = std::min(text.size(), start + length);
  if (end == text.size()) start = end > length ? end - length : 0;
  start = StartAtBorder(text, std::min(start, begin), begin);
  end = EndAtBorder(text, std::max(end, span_end), span_end);
  return Cut(text, start, end, matches);
}

}  // namespace akte::search
