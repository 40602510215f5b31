// Options the task, appointment and agenda commands share: ids, optional
// links to a contact or document, and the time an appointment ends.
#pragma once

#include <charconv>
#include <chrono>
#include <optional>
#include <string>

#include "akte/archive/records.h"
#include "akte/archive/status.h"
#include "akte/archive/time.h"

namespace akte::cli {

// A positive id from the command line; InvalidArgument naming `what`.
inline Result<archive::Id> ParsePlanningId(const std::string& text, const std::string& what) {
  archive::Id id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) {
    return Status::InvalidArgument(what + " must be a positive number, not '" + text + "'");
  }
  return id;
}

// --contact/--document: an id, or "" / "none" for no link.
inline Result<std::optional<archive::Id>> ParseLink(const std::string& text,
                                                    const std::string& option) {
  if (text.empty() || text == "none" || text == "keine") return std::optional<archive::Id>();
  auto id = ParsePlanningId(text, option);
  if (!id.ok()) return id.status();
  return std::optional<archive::Id>(*id);
}

// `start` moved by `minutes` (as UTC ISO 8601); `start` unchanged when it is
// no time, so the catalog names that problem.
inline std::string MinutesAfter(const std::string& start, long minutes) {
  auto normalized = NormalizeTimestamp(start);
  if (!normalized.ok()) return start;
  auto at = ParseUtc(*normalized);
  if (!at.ok()) return start;
  return FormatUtc(*at + std::chrono::minutes(minutes));
}

}  // namespace akte::cli
