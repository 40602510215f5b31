// The sales pipeline of prospects ("Interessenten"): its states, their
// German names and the spellings people type for them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace akte::archive {

// The kPipeline... values of records.h, in their usual order.
const std::vector<std::string_view>& PipelineStatuses();

// Whether `status` is one of PipelineStatuses() (exactly, as stored).
bool IsPipelineStatus(std::string_view status);

// The German name of a stored status ("Angebot gesendet" for
// "offer_sent"); `status` itself when it is none.
std::string PipelineStatusGerman(std::string_view status);

// The stored status meant by what a person typed: the stored value, its
// German or English name, in any case, with blanks, '-' or '_' between
// words ("Angebot gesendet", "angebot", "offer sent", "Gewonnen").
// nullopt when it names none.
std::optional<std::string> ParsePipelineStatus(std::string_view text);

}  // namespace akte::archive
