// Text analysis shared by the index and the queries, so that both always
// make the same terms: tokenising, case and accent folding (Müller =
// Mueller = Muller, Straße = Strasse), German and English stemming, German
// compound splitting (Migrationsprojekt ↔ Migration + Projekt),
// identifiers kept whole (RE-2024-0042, info@firma.de, phone numbers), a
// German–English glossary for queries, and snippets with highlights.
//
// Term scheme (every term may carry a field prefix, see schema.h):
//   - the folded word (lowercase, accents removed, ä→a, ß→ss, then the
//     digraphs ae/oe/ue→a/o/u), positional: "muller", "strasse";
//   - "Z" + its stem (german2 for German text, english for English text,
//     both when the language is unknown), not positional; none for a word
//     that is its own stem (queries look for the stem as a word too);
//   - for a compound, its parts (folded, and their stems), not positional;
//   - for a hyphenated word or identifier, the joined whole ("erpmigration",
//     "re20240042") at the position of its first part, and each part
//     positionally;
//   - for an email address, the whole address ("info@mueller.de"), its
//     domain and the domain's labels; for a phone number, "tel:" + its
//     digits in national form ("tel:0301234567" for +49 30 1234567 and
//     030/1234567).
//
// Thread-safe: an Analyzer is immutable after construction.
#pragma once

#include <xapian.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace akte::search {

enum class Language { kUnknown, kGerman, kEnglish };

// Where a matching word sits in a text, for highlighting.
struct Highlight {
  std::size_t begin = 0;  // byte offsets into the text
  std::size_t end = 0;
};

struct Snippet {
  std::string text;                   // a passage of about the requested length, "…" where cut
  std::vector<Highlight> highlights;  // into `text`, in order
  std::size_t offset = 0;             // where the passage starts in the original text
  std::size_t first_match = 0;        // where its first highlight is in the original text
};

class CompoundSplitter;
class TermMatcher;

// The snippets of one search: its terms are analysed once, and each word
// met is analysed once, whichever hit's text holds it. Made by
// Analyzer::Snippets; one per thread.
class SnippetCutter {
 public:
  ~SnippetCutter();
  SnippetCutter(SnippetCutter&&) noexcept;
  SnippetCutter& operator=(SnippetCutter&&) noexcept;

  // The best passage of `text` of about `length` bytes (see
  // Analyzer::MakeSnippet).
  Snippet Cut(std::string_view text, std::size_t length = 240);

 private:
  friend class Analyzer;
  explicit SnippetCutter(std::unique_ptr<TermMatcher> matcher);
  std::unique_ptr<TermMatcher> matcher_;
};

// State kept across the texts one thread indexes: how words split into
// compounds, which a firm's texts repeat endlessly. Made by
// Analyzer::StartIndexing; bounded in memory.
class IndexingSession {
 public:
  ~IndexingSession();
  IndexingSession(const IndexingSession&) = delete;
  IndexingSession& operator=(const IndexingSession&) = delete;

 private:
  friend class Analyzer;
  explicit IndexingSession(std::unique_ptr<CompoundSplitter> splitter);
  std::unique_ptr<CompoundSplitter> splitter_;
};

class Analyzer {
 public:
  // Loads the German word list used for compound splitting (a file of one
  // word per line, as Debian's wngerman installs at /usr/share/dict/ngerman);
  // a missing file leaves only the index's own vocabulary.
  explicit Analyzer(const std::filesystem::path& word_list = "/usr/share/dict/ngerman");
  ~Analyzer();

  // The process-wide analyzer with the default word list, made on first use.
  static const Analyzer& Default();

  // The dominant language of `text` (cld2); kUnknown when unsure.
  Language DetectLanguage(std::string_view text) const;

  // The folded form of one word (lowercase, accents and digraphs folded).
  std::string Fold(std::string_view word) const;

  // Adds the terms of `text` to `doc`, each prefixed with `prefix`, with
  // `weight` as within-document frequency increment, positions counting up
  // from `*position` (which is advanced past the text plus a gap, so
  // phrases never match across two texts). `vocabulary`, when given, also
  // counts as known words for compound splitting (the index's own terms).
  void IndexText(Xapian::Document& doc, std::string_view text, Language language,
                 Xapian::termpos* position, Xapian::termcount weight = 1,
                 std::string_view prefix = "", const Xapian::Database* vocabulary = nullptr) const;
  // The same, remembering compound splits in `session` (whose vocabulary
  // is used) for the next texts.
  void IndexText(Xapian::Document& doc, std::string_view text, Language language,
                 Xapian::termpos* position, Xapian::termcount weight, std::string_view prefix,
                 IndexingSession& session) const;
  // A session for indexing many texts on one thread against `vocabulary`.
  std::unique_ptr<IndexingSession> StartIndexing(const Xapian::Database* vocabulary) const;

  // The query for one word as a person typed it: its folded form, or its
  // stems in German and English, or — for a compound — all of its parts,
  // or a glossary translation ("Rechnung" also finds "invoice"). An
  // identifier, email address or phone number matches its whole term.
  Xapian::Query WordQuery(std::string_view word, std::string_view prefix = "",
                          const Xapian::Database* vocabulary = nullptr) const;

  // The query for a quoted phrase: its folded words in order and adjacent
  // (identifiers and hyphenated words inside as their parts).
  Xapian::Query PhraseQuery(std::string_view phrase, std::string_view prefix = "") const;

  static constexpr Xapian::termcount kMaxWildcardTerms = 200;

  // The query for a prefix wildcard ("migra*"): every folded term starting
  // with the folded prefix, the `max_expansion` most frequent. With a
  // `vocabulary` the terms are looked up now and listed in the query.
  Xapian::Query WildcardQuery(std::string_view prefix_word, std::string_view prefix = "",
                              Xapian::termcount max_expansion = kMaxWildcardTerms,
                              const Xapian::Database* vocabulary = nullptr) const;

  // Words of `text` as written, lowercase, for the spelling dictionary
  // ("did you mean"): letters only, 3 to 40 characters.
  std::vector<std::string> SpellingWords(std::string_view text) const;

  // The best passage of `text` of about `length` bytes for `terms` (index
  // terms without field prefix, as a hit's matching terms: folded words,
  // "Z" stems, parts, identifiers), with every word of the passage that
  // makes one of them marked; the start of the text when none matches.
  // Never cuts a UTF-8 sequence; prefers to start and end at word borders.
  Snippet MakeSnippet(std::string_view text, const std::vector<std::string>& terms,
                      std::size_t length = 240) const;
  // The same for many texts and the same terms (the hits of one search).
  SnippetCutter Snippets(const std::vector<std::string>& terms) const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace akte::search
