#include "akte/archive/pipeline.h"

#include <algorithm>
#include <array>
#include <cctype>

#include "akte/archive/records.h"

namespace akte::archive {
namespace {

struct Spelling {
  std::string_view status;
  std::string_view german;
  std::array<std::string_view, 4> also;  // folded: lowercase, words joined by '_'
};

constexpr std::array<Spelling, 5> kSpellings = {{
    {kPipelineNew, "neu", {"neu", "new", "", ""}},
    {kPipelineContacted, "kontaktiert", {"kontaktiert", "contacted", "kontakt", ""}},
    {kPipelineOfferSent,
     "Angebot gesendet",
     {"angebot_gesendet", "angebot", "offer", "offer_sent"}},
    {kPipelineWon, "gewonnen", {"gewonnen", "won", "", ""}},
    {kPipelineLost, "verloren", {"verloren", "lost", "", ""}},
}};

// Lowercase (ASCII), blanks and '-' as '_', trimmed.
std::string Fold(std::string_view text) {
  std::string folded;
  for (char c : text) {
    if (c == ' ' || c == '-' || c == '_' || c == '\t') {
      if (!folded.empty() && folded.back() != '_') folded.push_back('_');
    } else {
      folded.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
  }
  while (!folded.empty() && folded.back() == '_') folded.pop_back();
  return folded;
}

}  // namespace

const std::vector<std::string_view>& PipelineStatuses() {
  static const std::vector<std::string_view> kStatuses = {
      kPipelineNew, kPipelineContacted, kPipelineOfferSent, kPipelineWon, kPipelineLost};
  return kStatuses;
}

bool IsPipelineStatus(std::string_view status) {
  const auto& all = PipelineStatuses();
  return std::find(all.begin(), all.end(), status) != all.end();
}

std::string PipelineStatusGerman(std::string_view status) {
  for (const auto& s : kSpellings) {
    if (s.status == status) return std::string(s.german);
  }
  return std::string(status);
}

std::optional<std::string> ParsePipelineStatus(std::string_view text) {
  const std::string folded = Fold(text);
  if (folded.empty()) return std::nullopt;
  for (const auto& s : kSpellings) {
    if (folded == s.status) return std::string(s.status);
    for (std::string_view also : s.also) {
      if (!also.empty() && folded == also) return std::string(s.status);
    }
  }
  return std::nullopt;
}

}  // namespace akte::archive
