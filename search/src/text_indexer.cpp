#include "text_indexer.h"

#include <algorithm>
#include <string>
#include <vector>

#include "compounds.h"
#include "folding.h"
#include "stemming.h"
#include "string_hash.h"
#include "tokenizer.h"

namespace akte::search {
namespace {

// Longer terms are junk (base64, hashes) and Xapian rejects terms past
// 245 bytes when committing.
constexpr std::size_t kMaxTermBytes = 120;

class TextIndexer {
 public:
  TextIndexer(const WordSet& words, const IndexOptions& options, Xapian::Document* doc)
      : options_(options),
        doc_(doc),
        own_splitter_(words, options.vocabulary),
        splitter_(options.splitter ? *options.splitter : own_splitter_),
        stemmers_(StemmersFor(options.language)),
        // English text gets no German compound splitting.
        split_compounds_(options.language != Language::kEnglish) {}

  void Index(std::string_view text, Xapian::termpos* position) {
    Tokenizer tokenizer(text);
    Token token;
    while (tokenizer.Next(&token)) {
      const Xapian::termpos first = *position + 1;
      for (const Span& part : token.parts) {
        AddWord(text.substr(part.begin, part.size()), ++*position);
      }
      switch (token.kind) {
        case TokenKind::kWord:
        case TokenKind::kIdeograph:
          break;
        case TokenKind::kHyphenated:
        case TokenKind::kIdentifier:
          joined_.clear();
          for (const Span& part : token.parts) joined_.append(text.substr(part.begin, part.size()));
          AddWord(joined_, first);
          break;
        case TokenKind::kEmail:
          AddWhole(token.whole, first);
          AddDomains(std::string_view(token.whole).substr(token.whole.find('@') + 1));
          break;
        case TokenKind::kDomain:
          AddWhole(token.whole, first);
          AddDomains(std::string_view(token.whole).substr(token.whole.find('.') + 1));
          break;
        case TokenKind::kPhone:
          AddWhole(token.whole, first);
          break;
      }
    }
    *position += kTextGap;
    Flush();
  }

 private:
  // What one spelling of a word makes, worked out once per call.
  struct Entry {
    std::string term;                // prefix + folded: positional
    std::vector<std::string> extra;  // stems, compound parts and their stems
    Xapian::termcount count = 0;     // occurrences in this text
  };

  void AddWord(std::string_view raw, Xapian::termpos position) {
    Entry& entry = Analyze(raw);
    if (entry.term.size() <= options_.prefix.size()) return;
    doc_->add_posting(entry.term, position, options_.weight);
    ++entry.count;
  }

  void AddWhole(const std::string& whole, Xapian::termpos position) {
    term_.assign(options_.prefix).append(whole);
    if (term_.size() <= kMaxTermBytes) doc_->add_posting(term_, position, options_.weight);
  }

  // "mail.mueller.de" and its parents down to two labels ("mueller.de").
  void AddDomains(std::string_view domain) {
    while (domain.find('.') != std::string_view::npos) {
      term_.assign(options_.prefix).append(domain);
      if (term_.size() <= kMaxTermBytes) doc_->add_term(term_, options_.weight);
      domain.remove_prefix(domain.find('.') + 1);
    }
  }

  Entry& Analyze(std::string_view raw) {
    const auto found = cache_.find(raw);
    if (found != cache_.end()) return found->second;
    Entry& entry = cache_[std::string(raw)];
    folded_.clear();
    AppendFolded(raw, &folded_);
    if (folded_.empty() || options_.prefix.size() + folded_.size() > kMaxTermBytes) return entry;
    entry.term.assign(options_.prefix).append(folded_);
    lower_.clear();
    AppendLowercase(raw, &lower_);
    AddStems(lower_, folded_, &entry);
    if (split_compounds_) AddParts(folded_, &entry);
    return entry;
  }

  // A word that is its own stem gets no stem term: its folded term stands
  // for it, and queries look for a stem as a folded term too. Most words
  // of a text are in their base form, so this spares a third of the
  // postings.
  void AddStems(const std::string& lower, const std::string& folded, Entry* entry) {
    stems_.clear();
    AppendStems(lower, stemmers_, &stems_);
    for (const std::string& stem : stems_) {
      if (stem == folded) continue;
      AddExtra(std::string("Z").append(options_.prefix).append(stem), entry);
    }
  }

  // The parts of a compound, and the parts of its parts.
  void AddParts(const std::string& folded, Entry* entry) {
    for (const std::string& part : splitter_.Split(folded)) {
      AddExtra(std::string(options_.prefix).append(part), entry);
      AddStems(part, part, entry);
      AddParts(part, entry);
    }
  }

  void AddExtra(std::string term, Entry* entry) {
    if (term.size() > kMaxTermBytes || term == entry->term) return;
    if (std::find(entry->extra.begin(), entry->extra.end(), term) != entry->extra.end()) return;
    entry->extra.push_back(std::move(term));
  }

  void Flush() {
    for (const auto& [raw, entry] : cache_) {
      if (entry.count == 0) continue;
      for (const std::string& term : entry.extra)
        doc_->add_term(term, entry.count * options_.weight);
    }
  }

  const IndexOptions& options_;
  Xapian::Document* doc_;
  CompoundSplitter own_splitter_;
  CompoundSplitter& splitter_;
  const unsigned stemmers_;
  const bool split_compounds_;
  StringMap<Entry> cache_;
  std::string folded_, lower_, joined_, term_;
  std::vector<std::string> stems_;
};

}  // namespace

void IndexTerms(const WordSet& words, std::string_view text, const IndexOptions& options,
                Xapian::Document* doc, Xapian::termpos* position) {
  TextIndexer(words, options, doc).Index(text, position);
}

}  // namespace akte::search
