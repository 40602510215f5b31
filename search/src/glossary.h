// A small German–English glossary of business words, used only at query
// time: "Rechnung" also finds "invoice", "project" also finds "Projekt".
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace akte::search {

// One line of the glossary: alternatives separated by '|', words of a
// multi-word term by single spaces ("Angebot" / "offer|quote|quotation").
struct GlossaryPair {
  std::string_view german;
  std::string_view english;
};

// The compiled-in glossary (glossary_data.cpp).
std::span<const GlossaryPair> GlossaryPairs();

// Looks words up by their stems, so inflected forms ("Rechnungen",
// "invoices") find their entry. Immutable after construction, so safe to
// share between threads.
class Glossary {
 public:
  explicit Glossary(std::span<const GlossaryPair> pairs);

  // The translations of `lower` (a lowercase word with its umlauts, or
  // several separated by single spaces) into the other language, each as
  // written in the glossary ("maintenance contract"). Empty when unknown.
  std::vector<std::string_view> Translate(std::string_view lower) const;

  std::size_t size() const { return pairs_.size(); }

 private:
  struct Key {
    std::size_t pair = 0;
    std::size_t length = 0;  // characters of the glossary word, to reject far-off forms
  };

  void AddKeys(std::size_t pair, std::string_view alternatives, bool german);
  void Collect(const std::string& stem, bool german, std::size_t length,
               std::vector<std::string_view>* out) const;

  std::span<const GlossaryPair> pairs_;
  std::unordered_multimap<std::string, Key> german_;
  std::unordered_multimap<std::string, Key> english_;
};

}  // namespace akte::search
