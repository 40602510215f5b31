#include "compounds.h"

#include <algorithm>
#include <iterator>

namespace akte::search {
namespace {

constexpr std::size_t kMaxCompound = 40;
constexpr std::size_t kMinPart = 3;
constexpr std::size_t kMinChunk = 4;       // a non-final part with its linking element
constexpr std::size_t kMinLinkedBase = 4;  // "diens" is not "die" + "ns"
constexpr std::size_t kMinIndexPart = 5;

// Linking elements between parts, longest first.
constexpr std::string_view kLinks[] = {"ens", "es", "en", "er", "ns", "s", "n", "e"};

// Words of the list that are prefixes or suffixes far more often than
// parts: "Unterlagen" is not "unter" + "lagen", "Wissenschaft" not
// "wissen" + "schaft".
constexpr std::string_view kNotParts[] = {
    "unter",  "uber",   "nach",   "durch", "gegen",  "hinter", "wider",    "zuruck", "voran",
    "voraus", "vorbei", "heraus", "herum", "herein", "hinaus", "hinein",   "hervor", "entgegen",
    "wieder", "einer",  "eines",  "einem", "einen",  "schaft", "schaften", "haft",   "lich",
    "ung",    "ungen",  "heit",   "keit",  "ende",   "enden",  "ern",      "tum"};

bool IsPlainAscii(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool IsNotPart(std::string_view part) {
  return std::find(std::begin(kNotParts), std::end(kNotParts), part) != std::end(kNotParts);
}

}  // namespace

bool CompoundSplitter::InWordList(std::string_view part) const {
  return part.size() >= kMinPart && !IsNotPart(part) && words_.Contains(part);
}

bool CompoundSplitter::InIndex(const std::string& part) {
  if (index_ == nullptr || part.size() < kMinIndexPart || IsNotPart(part)) return false;
  const auto found = in_index_.find(part);
  if (found != in_index_.end()) return found->second;
  bool known = false;
  try {
    known = index_->get_termfreq(part) > 0;
  } catch (const Xapian::Error&) {
    // A database that cannot answer knows no words; splitting goes on
    // with the word list alone.
  }
  in_index_.emplace(part, known);
  return known;
}

// The dictionary form of a non-final chunk: the chunk itself when known,
// else without its linking element, else with an elided final "e".
bool CompoundSplitter::PartOf(std::string_view chunk, bool use_index, std::string* part) {
  auto known = [&](std::string_view candidate) {
    if (!use_index) return InWordList(candidate);
    scratch_.assign(candidate);
    return InIndex(scratch_);
  };
  if (IsNotPart(chunk)) return false;
  if (known(chunk)) {
    part->assign(chunk);
    return true;
  }
  for (std::string_view link : kLinks) {
    if (chunk.size() < link.size() + kMinLinkedBase || !chunk.ends_with(link)) continue;
    const std::string_view base = chunk.substr(0, chunk.size() - link.size());
    if (known(base)) {
      part->assign(base);
      return true;
    }
  }
  elided_.assign(chunk);
  elided_.push_back('e');
  if (known(elided_)) {
    part->assign(elided_);
    return true;
  }
  return false;
}

const CompoundSplitter::Best& CompoundSplitter::Solve(std::string_view word, std::size_t begin,
                                                      std::vector<Best>* memo,
                                                      std::vector<bool>* done) {
  Best& best = (*memo)[begin];
  if ((*done)[begin]) return best;
  (*done)[begin] = true;
  const std::size_t n = word.size();
  auto offer = [&best](int parts, double score, std::size_t next, std::string part) {
    if (!best.valid || parts < best.parts || (parts == best.parts && score > best.score)) {
      best = {true, parts, score, next, std::move(part)};
    }
  };
  const std::string_view rest = word.substr(begin);
  if (begin > 0 && (InWordList(rest) || (index_ != nullptr && InIndex(std::string(rest))))) {
    offer(1, static_cast<double>(rest.size()), n, std::string(rest));
  }
  std::string part;
  for (std::size_t end = begin + kMinChunk; end + kMinPart <= n; ++end) {
    const std::string_view chunk = word.substr(begin, end - begin);
    const bool listed = PartOf(chunk, /*use_index=*/false, &part);
    if (!listed && (index_ == nullptr || chunk.size() < kMinIndexPart)) continue;
    // Solve the rest first: the index is asked only when the rest splits.
    const Best& tail = Solve(word, end, memo, done);
    if (!tail.valid) continue;
    if (!listed && !PartOf(chunk, /*use_index=*/true, &part)) continue;
    const double score = static_cast<double>(chunk.size()) * tail.score;
    offer(tail.parts + 1, score, end, part);
  }
  return best;
}

const std::vector<std::string>& CompoundSplitter::Split(std::string_view folded) {
  const auto found = splits_.find(std::string(folded));
  if (found != splits_.end()) return found->second;
  std::vector<std::string>& parts = splits_[std::string(folded)];
  if (folded.size() < kMinCompoundBytes || folded.size() > kMaxCompound || !IsPlainAscii(folded)) {
    return parts;
  }
  std::vector<Best> memo(folded.size() + 1);
  std::vector<bool> done(folded.size() + 1, false);
  const Best* step = &Solve(folded, 0, &memo, &done);
  if (!step->valid) return parts;
  while (step->valid) {
    parts.push_back(step->part);
    if (step->next >= folded.size()) break;
    step = &memo[step->next];
  }
  return parts;
}

void CompoundSplitter::Trim(std::size_t max_words) {
  if (splits_.size() + in_index_.size() <= max_words) return;
  splits_.clear();
  in_index_.clear();
}

}  // namespace akte::search
