// A recursive-descent parser for akte's query language (see query.h).
//
// Written here rather than using Xapian::QueryParser: every word must go
// through akte's own analysis (folding, two stemmers, compound splitting,
// identifiers, the glossary) exactly as the indexer applies it, which
// QueryParser's single stemmer and term generator cannot do; and the field
// names and date forms are akte's, in two languages.
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <tuple>

#include "akte/archive/business.h"
#include "akte/archive/pipeline.h"
#include "akte/search/query.h"
#include "akte/search/schema.h"
#include "query_dates.h"
#include "query_lexer.h"

namespace akte::search {
namespace {

namespace sc = schema;

// Words that carry no meaning for a search; dropped from an all-words query
// unless nothing else is left.
constexpr std::array<std::string_view, 81> kStopwords = {
    "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "und",
    "oder", "hat", "haben", "hatte", "ist", "sind", "war", "mit", "von", "vom", "zu", "zur", "zum",
    "im", "in", "an", "am", "auf", "für", "fuer", "über", "ueber", "wer", "wo", "was", "wann",
    "wie", "welche", "welcher", "welches", "welchen", "welchem", "uns", "wir", "ich", "es", "sich",
    "nicht", "the", "a", "an", "and", "or", "of", "to", "in", "on", "for", "with", "has", "have",
    "had", "is", "are", "was", "who", "which", "what", "about", "at", "by", "we",
    // the verbs of a question about who said what ("welcher Kunde hat X erwähnt")
    "erwähnt", "erwähnte", "erwaehnt", "genannt", "gesprochen", "mentioned", "talked"};

bool IsStopword(std::string_view word) {
  std::string lower(word);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(kStopwords.begin(), kStopwords.end(), lower) != kStopwords.end();
}

// The openings that ask which customer: they choose customer mode and are
// not searched for.
constexpr std::array<std::string_view, 10> kCustomerQuestions = {
    "welcher kunde",       "welche kunden",        "welchem kunden",     "welchen kunden",
    "welcher interessent", "welche interessenten", "bei welchem kunden", "which customer",
    "which customers",     "which client"};

Xapian::Query Filter(const Xapian::Query& q) {
  return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, 0);
}

Xapian::Query Term(std::string_view prefix, std::string_view value) {
  return Xapian::Query(std::string(prefix) + std::string(value));
}

class Parser {
 public:
  Parser(std::string_view text, const Analyzer& analyzer, const Xapian::Database* vocabulary)
      : lexer_(text), analyzer_(analyzer), vocabulary_(vocabulary) {}

  Result<ParsedQuery> Parse() {
    ParsedQuery out;
    out.customer_mode = lexer_.ConsumeOpening(kCustomerQuestions);
    AKTE_RETURN_IF_ERROR(Advance());
    std::vector<Item> items;
    AKTE_RETURN_IF_ERROR(ParseSequence(items));
    if (token_.kind == QueryToken::kRightParen) {
      return Status::InvalidArgument("a closing parenthesis at position " +
                                         std::to_string(token_.offset + 1) + " has no opening one",
                                     "parenthesis");
    }
    out.words = std::move(words_);
    Combine(items, out);
    return out;
  }

 private:
  // One element of an all-of sequence: text to match, a filter, or a NOT.
  struct Item {
    Xapian::Query query;
    bool filter = false;
    bool negated = false;
    bool stopword = false;
  };

  Status Advance() {
    AKTE_ASSIGN_OR_RETURN(token_, lexer_.Next());
    return Status::Ok();
  }

  // sequence := alternative ( [AND] alternative )*
  Status ParseSequence(std::vector<Item>& items) {
    while (token_.kind != QueryToken::kEnd && token_.kind != QueryToken::kRightParen) {
      if (token_.kind == QueryToken::kAnd) {
        AKTE_RETURN_IF_ERROR(Advance());
        continue;
      }
      AKTE_ASSIGN_OR_RETURN(Item item, ParseAlternative());
      items.push_back(std::move(item));
    }
    return Status::Ok();
  }

  // alternative := unary ( OR unary )*
  Result<Item> ParseAlternative() {
    AKTE_ASSIGN_OR_RETURN(Item first, ParseUnary());
    if (token_.kind != QueryToken::kOr) return first;
    std::vector<Xapian::Query> options{first.query};
    bool all_filters = first.filter;
    while (token_.kind == QueryToken::kOr) {
      const std::size_t at = token_.offset;
      AKTE_RETURN_IF_ERROR(Advance());
      if (token_.kind == QueryToken::kEnd || token_.kind == QueryToken::kRightParen) {
        return Status::InvalidArgument(
            "OR at position " + std::to_string(at + 1) + " has nothing after it", "operator");
      }
      AKTE_ASSIGN_OR_RETURN(Item next, ParseUnary());
      if (next.negated) {
        return Status::InvalidArgument("NOT cannot be one side of an OR", "operator");
      }
      all_filters = all_filters && next.filter;
      options.push_back(next.query);
    }
    Item item;
    item.query = Xapian::Query(Xapian::Query::OP_OR, options.begin(), options.end());
    item.filter = all_filters;
    return item;
  }

  // unary := (NOT | '-') unary | primary
  Result<Item> ParseUnary() {
    if (token_.kind == QueryToken::kNot) {
      const std::size_t at = token_.offset;
      AKTE_RETURN_IF_ERROR(Advance());
      if (token_.kind == QueryToken::kEnd || token_.kind == QueryToken::kRightParen) {
        return Status::InvalidArgument(
            "NOT at position " + std::to_string(at + 1) + " has nothing after it", "operator");
      }
      AKTE_ASSIGN_OR_RETURN(Item inner, ParseUnary());
      inner.negated = !inner.negated;
      inner.stopword = false;
      return inner;
    }
    return ParsePrimary();
  }

  Result<Item> ParsePrimary() {
    QueryToken token = token_;
    AKTE_RETURN_IF_ERROR(Advance());
    Item item;
    switch (token.kind) {
      case QueryToken::kLeftParen: {
        std::vector<Item> inner;
        AKTE_RETURN_IF_ERROR(ParseSequence(inner));
        if (token_.kind != QueryToken::kRightParen) {
          return Status::InvalidArgument("the parenthesis at position " +
                                             std::to_string(token.offset + 1) + " is never closed",
                                         "parenthesis");
        }
        AKTE_RETURN_IF_ERROR(Advance());
        ParsedQuery group;
        Combine(inner, group);
        item.query = group.text.empty() ? group.filter
                     : group.filter.empty()
                         ? group.text
                         : Xapian::Query(Xapian::Query::OP_FILTER, group.text, group.filter);
        item.filter = group.text.empty();
        return item;
      }
      case QueryToken::kPhrase:
        item.query = analyzer_.PhraseQuery(token.text);
        return item;
      case QueryToken::kWildcard:
        item.query =
            analyzer_.WildcardQuery(token.text, "", Analyzer::kMaxWildcardTerms, vocabulary_);
        return item;
      case QueryToken::kField:
        return FieldItem(token);
      case QueryToken::kWord:
        return WordItem(token);
      default:
        return Status::InvalidArgument(
            "unexpected '" + token.text + "' at position " + std::to_string(token.offset + 1),
            "operator");
    }
  }

  Result<Item> WordItem(const QueryToken& token) {
    Item item;
    if (auto dates = DateFilterFor(token.text)) {
      AKTE_ASSIGN_OR_RETURN(item.query, *dates);
      item.query = Filter(item.query);
      item.filter = true;
      return item;
    }
    item.query = analyzer_.WordQuery(token.text, "", vocabulary_);
    if (item.query.empty()) {
      item.stopword = true;  // punctuation only: drop it like a stopword
      return item;
    }
    item.stopword = IsStopword(token.text);
    words_.push_back({token.text, token.offset});
    return item;
  }

  Result<Item> FieldItem(const QueryToken& token) {
    Item item;
    item.filter = true;
    const std::string& field = token.field;
    const std::string& value = token.text;
    if (value.empty()) {
      return Status::InvalidArgument("the filter " + field + ": needs a value", field);
    }
    if (field == "kunde" || field == "customer") {
      std::vector<Xapian::Query> parts;
      for (const auto& word : SplitWords(value)) {
        auto q = analyzer_.WordQuery(word, sc::kCustomerPrefix, vocabulary_);
        if (!q.empty()) parts.push_back(q);
      }
      if (parts.empty()) return Status::InvalidArgument("kunde: needs a name or number", field);
      item.query = Filter(Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
    } else if (field == "typ" || field == "type") {
      std::string folded;
      for (const auto& word : SplitWords(value))
        folded += (folded.empty() ? "" : " ") + analyzer_.Fold(word);
      const std::string term = std::string(sc::kTypePrefix) + folded;
      // The whole type, or any type starting with what was typed (typ:anruf).
      item.query = Filter(Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(term),
                                        Xapian::Query(Xapian::Query::OP_WILDCARD, term)));
    } else if ((field == "status" || field == "stand") && archive::ParsePipelineStatus(value)) {
      // status:angebot, status:gewonnen: prospects by their pipeline status.
      item.query = Filter(Term(sc::kPipelinePrefix, *archive::ParsePipelineStatus(value)));
    } else if (field == "art" || field == "kind") {
      AKTE_ASSIGN_OR_RETURN(item.query, KindFilter(value));
      item.query = Filter(item.query);
    } else if (field == "betrag" || field == "amount") {
      AKTE_ASSIGN_OR_RETURN(item.query, AmountFilter(field, value));
      item.query = Filter(item.query);
    } else if (field == "von" || field == "author") {
      item.query = Filter(Term(sc::kAuthorPrefix, Xapian::Unicode::tolower(value)));
    } else if (field == "datum" || field == "date" || field == "jahr" || field == "year") {
      AKTE_ASSIGN_OR_RETURN(auto range, ParseDateRange(value));
      item.query = Filter(RangeQuery(range));
    } else if (field == "seit" || field == "since" || field == "ab" || field == "from") {
      AKTE_ASSIGN_OR_RETURN(auto range, ParseDateRange(value));
      item.query = Filter(RangeQuery({range.from, "99991231"}));
    } else if (field == "bis" || field == "until" || field == "to") {
      AKTE_ASSIGN_OR_RETURN(auto range, ParseDateRange(value));
      item.query = Filter(RangeQuery({"00000000", range.to}));
    } else {
      // Not a field akte knows ("Zeit:10"): search the text as typed.
      QueryToken word = token;
      word.text = token.field + ":" + token.text;
      return WordItem(word);
    }
    return item;
  }

  static std::vector<std::string> SplitWords(const std::string& value) {
    std::vector<std::string> words;
    std::string current;
    for (char c : value) {
      if (c == ' ' || c == '\t') {
        if (!current.empty()) words.push_back(std::move(current));
        current.clear();
      } else {
        current.push_back(c);
      }
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
  }

  static Result<Xapian::Query> KindFilter(const std::string& value) {
    std::string v = Xapian::Unicode::tolower(value);
    auto kind = [](std::string_view k) { return Term(sc::kKindPrefix, k); };
    if (v == "kunde" || v == "kunden" || v == "customer" || v == "customers") {
      return Xapian::Query(Xapian::Query::OP_AND, kind(sc::kCustomer),
                           Term(sc::kTypePrefix, "customer"));
    }
    if (v == "interessent" || v == "interessenten" || v == "prospect" || v == "prospects") {
      return Xapian::Query(Xapian::Query::OP_AND, kind(sc::kCustomer),
                           Term(sc::kTypePrefix, "prospect"));
    }
    if (v == "kontakt" || v == "kontakte" || v == "ansprechpartner" || v == "contact" ||
        v == "contacts") {
      return kind(sc::kContact);
    }
    if (v == "dokument" || v == "dokumente" || v == "datei" || v == "document" ||
        v == "documents" || v == "file") {
      return kind(sc::kDocument);
    }
    if (v == "notiz" || v == "notizen" || v == "note" || v == "notes") return kind(sc::kNote);
    if (v == "ereignis" || v == "ereignisse" || v == "historie" || v == "event" || v == "events" ||
        v == "history") {
      return kind(sc::kEvent);
    }
    if (v == "beleg" || v == "belege" || v == "record" || v == "records") return kind(sc::kRecord);
    if (v == "aufgabe" || v == "aufgaben" || v == "task" || v == "tasks" || v == "todo") {
      return kind(sc::kTask);
    }
    if (v == "termin" || v == "termine" || v == "appointment" || v == "appointments" ||
        v == "meeting" || v == "meetings") {
      return kind(sc::kAppointment);
    }
    return Status::InvalidArgument(
        "'" + value +
            "' is not a kind; use kunde, interessent, kontakt, dokument, notiz, ereignis, beleg, "
            "aufgabe or termin (customer, prospect, contact, document, note, event, record, task, "
            "appointment)",
        "kind");
  }

  // betrag:>1000, >=, <, <=, betrag:1000..5000 (either end may be left
  // open), betrag:1.000,50: the gross amount of records, in euros.
  static Result<Xapian::Query> AmountFilter(const std::string& field, const std::string& value) {
    auto refused = [&](const std::string& why) {
      return Status::InvalidArgument(field + ":" + value + " " + why + "; write it like " + field +
                                         ":>1000, " + field + ":<=2.500,50 or " + field +
                                         ":1000..5000",
                                     field);
    };
    auto cents = [&](std::string_view text) -> Result<double> {
      if (text.empty()) return refused("lacks an amount");
      auto parsed = archive::ParseEuroAmount(text);
      if (!parsed.ok()) return refused("names no amount in euros ('" + std::string(text) + "')");
      return static_cast<double>(*parsed);
    };
    auto serialise = [](double c) { return Xapian::sortable_serialise(c); };
    const std::string_view v = value;
    if (const auto dots = v.find(".."); dots != std::string_view::npos) {
      const std::string_view low = v.substr(0, dots), high = v.substr(dots + 2);
      if (low.empty() && high.empty()) return refused("lacks both ends of the range");
      if (low.empty()) {
        AKTE_ASSIGN_OR_RETURN(double to, cents(high));
        return Xapian::Query(Xapian::Query::OP_VALUE_LE, sc::kAmountSlot, serialise(to));
      }
      AKTE_ASSIGN_OR_RETURN(double from, cents(low));
      if (high.empty()) {
        return Xapian::Query(Xapian::Query::OP_VALUE_GE, sc::kAmountSlot, serialise(from));
      }
      AKTE_ASSIGN_OR_RETURN(double to, cents(high));
      if (from > to) return refused("ends below where it starts");
      return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, sc::kAmountSlot, serialise(from),
                           serialise(to));
    }
    // Amounts are whole cents: "more than x" is "at least x plus one cent".
    for (const auto& [op, ge, step] : {std::tuple{">=", true, 0.0}, std::tuple{"<=", false, 0.0},
                                       std::tuple{">", true, 1.0}, std::tuple{"<", false, -1.0}}) {
      if (!v.starts_with(op)) continue;
      AKTE_ASSIGN_OR_RETURN(double bound, cents(v.substr(std::string_view(op).size())));
      return Xapian::Query(ge ? Xapian::Query::OP_VALUE_GE : Xapian::Query::OP_VALUE_LE,
                           sc::kAmountSlot, serialise(bound + step));
    }
    AKTE_ASSIGN_OR_RETURN(double exact, cents(v));
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, sc::kAmountSlot, serialise(exact),
                         serialise(exact));
  }

  // A bare year, month, day or range is a date filter; nullopt otherwise.
  static std::optional<Result<Xapian::Query>> DateFilterFor(const std::string& text) {
    if (!LooksLikeDateFilter(text)) return std::nullopt;
    auto range = ParseDateRange(text);
    if (!range.ok()) return Result<Xapian::Query>(range.status());
    return Result<Xapian::Query>(RangeQuery(*range));
  }

  static Xapian::Query RangeQuery(const DateRange& range) {
    // Whole years and months have terms of their own: cheaper than values.
    if (range.from.substr(4) == "0101" && range.to.substr(4) == "1231" &&
        range.from.substr(0, 4) == range.to.substr(0, 4)) {
      return Term(sc::kYearPrefix, range.from.substr(0, 4));
    }
    if (range.from.substr(0, 6) == range.to.substr(0, 6) && range.from.substr(6) == "01" &&
        range.to.substr(6) >= "28" && IsMonthEnd(range.to)) {
      return Term(sc::kMonthPrefix, range.from.substr(0, 6));
    }
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, sc::kDateSlot, range.from, range.to);
  }

  // Splits a sequence into filters, text and its relaxed form.
  void Combine(std::vector<Item>& items, ParsedQuery& out) const {
    std::vector<Xapian::Query> filters, positive, negative, words_without_stopwords;
    bool only_stopwords = true;
    for (const auto& item : items) {
      if (!item.negated && !item.filter && !item.stopword) only_stopwords = false;
    }
    for (const auto& item : items) {
      if (item.query.empty()) continue;
      if (item.negated) {
        negative.push_back(item.query);
      } else if (item.filter) {
        filters.push_back(item.query);
      } else if (!item.stopword || only_stopwords) {
        positive.push_back(item.query);
      }
    }
    auto with_negatives = [&](Xapian::Query q) {
      if (negative.empty()) return q;
      if (q.empty()) q = Xapian::Query::MatchAll;
      return Xapian::Query(Xapian::Query::OP_AND_NOT, q,
                           Xapian::Query(Xapian::Query::OP_OR, negative.begin(), negative.end()));
    };
    if (!positive.empty()) {
      out.text = Xapian::Query(Xapian::Query::OP_AND, positive.begin(), positive.end());
      if (positive.size() > 1) {
        out.relaxed =
            with_negatives(Xapian::Query(Xapian::Query::OP_OR, positive.begin(), positive.end()));
      }
    }
    out.text = with_negatives(out.text);
    if (!filters.empty()) {
      out.filter = Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end());
    }
  }

  QueryLexer lexer_;
  const Analyzer& analyzer_;
  const Xapian::Database* vocabulary_;
  QueryToken token_;
  std::vector<ParsedQuery::Word> words_;
};

}  // namespace

Result<ParsedQuery> ParseQuery(std::string_view query, const Analyzer& analyzer,
                               const Xapian::Database* vocabulary) {
  if (query.size() > 4096) {
    return Status::InvalidArgument("the query is longer than 4,096 characters", "query");
  }
  try {
    return Parser(query, analyzer, vocabulary).Parse();
  } catch (const Xapian::Error& e) {
    return Status::InvalidArgument("cannot search for this: " + e.get_msg(), "query");
  }
}

}  // namespace akte::search
