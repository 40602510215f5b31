#include "item_index.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "akte/archive/business.h"
#include "akte/search/passages.h"
#include "akte/search/planning_text.h"
#include "akte/search/record_text.h"
#include "akte/search/schema.h"

namespace akte::indexer {
namespace {

namespace schema = search::schema;
using archive::Id;

// Title words weigh more than body words in BM25 (through their wdf).
constexpr Xapian::termcount kTitleWeight = 5;

std::string PhoneList(const std::vector<archive::Phone>& phones) {
  std::vector<std::string> numbers;
  for (const auto& p : phones) numbers.push_back(p.number);
  return archive::JoinNonEmpty(numbers, "\n");
}

// "20240305" from "2024-03-05" or "2024-03-05T14:05:00Z".
std::string DateValue(const std::string& date) {
  if (date.size() < 10) return "";
  return date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2);
}

void AddSpelling(const search::Analyzer& analyzer, std::string_view text,
                 std::vector<std::string>& words) {
  auto found = analyzer.SpellingWords(text);
  words.insert(words.end(), found.begin(), found.end());
}

// A document's text offers "did you mean" only the words it uses at least
// twice: words it has once are mostly typos, hyphenation debris and code,
// and they would make up much of the spelling table. Its title, and notes,
// events and master data, offer every word.
void AddRepeatedSpelling(const search::Analyzer& analyzer, std::string_view text,
                         std::vector<std::string>& words) {
  auto found = analyzer.SpellingWords(text);
  std::sort(found.begin(), found.end());
  for (auto run = found.begin(); run != found.end();) {
    const auto next = std::find_if(run, found.end(), [&](const auto& w) { return w != *run; });
    if (next - run >= 2) words.insert(words.end(), run, next);
    run = next;
  }
}

}  // namespace

Result<ItemIndexer::CustomerLabel> ItemIndexer::LabelOf(Id customer_id) {
  auto it = customer_labels_.find(customer_id);
  if (it != customer_labels_.end()) return it->second;
  AKTE_ASSIGN_OR_RETURN(archive::Customer customer, catalog_.GetCustomer(customer_id));
  CustomerLabel label{customer.DisplayName(), customer.number};
  customer_labels_[customer_id] = label;
  return label;
}

Status ItemIndexer::AddCommon(Xapian::Document& doc, const Common& c, int passage, int page,
                              Xapian::termpos* position) {
  const std::string key = schema::ItemKey(c.kind, c.id);
  std::string unique = std::string(schema::kUniquePrefix) + key;
  if (passage > 0) unique += "p" + std::to_string(passage);
  doc.add_boolean_term(unique);
  doc.add_boolean_term(std::string(schema::kItemPrefix) + key);
  doc.add_boolean_term(std::string(schema::kKindPrefix) + std::string(c.kind));
  doc.add_value(schema::kItemSlot, key);
  doc.add_value(schema::kKindSlot, std::string(c.kind));
  if (!c.type.empty()) doc.add_value(schema::kTypeSlot, c.type);
  if (page > 0) doc.add_value(schema::kPageSlot, std::to_string(page));
  if (c.customer_id) {
    doc.add_boolean_term(std::string(schema::kCustomerIdPrefix) + std::to_string(*c.customer_id));
    doc.add_value(schema::kCustomerSlot, std::to_string(*c.customer_id));
    AKTE_ASSIGN_OR_RETURN(CustomerLabel label, LabelOf(*c.customer_id));
    // The customer's name and number: found by `kunde:` and as plain words,
    // so "Wartungsvertrag Müller" finds Müller's contract.
    const std::string text = label.name + " " + label.number;
    analyzer_.IndexText(doc, text, search::Language::kUnknown, position, 1, schema::kCustomerPrefix,
                        *session_);
    analyzer_.IndexText(doc, text, search::Language::kUnknown, position, 1, "", *session_);
  }
  if (c.contact_id) {
    doc.add_boolean_term(std::string(schema::kContactIdPrefix) + std::to_string(*c.contact_id));
  }
  if (!c.type.empty()) {
    std::string folded;
    for (std::size_t start = 0; start <= c.type.size();) {
      std::size_t end = std::min(c.type.find(' ', start), c.type.size());
      if (end > start)
        folded += (folded.empty() ? "" : " ") + analyzer_.Fold(c.type.substr(start, end - start));
      start = end + 1;
    }
    doc.add_boolean_term(std::string(schema::kTypePrefix) + folded);
  }
  if (!c.author.empty()) {
    doc.add_boolean_term(std::string(schema::kAuthorPrefix) + Xapian::Unicode::tolower(c.author));
  }
  const std::string date = DateValue(c.date);
  if (!date.empty()) {
    doc.add_value(schema::kDateSlot, date);
    doc.add_boolean_term(std::string(schema::kYearPrefix) + date.substr(0, 4));
    doc.add_boolean_term(std::string(schema::kMonthPrefix) + date.substr(0, 6));
  }
  nlohmann::json data = {{"kind", c.kind}, {"id", c.id}, {"v", c.version}};
  if (page > 0) data["page"] = page;
  if (passage > 0) data["passage"] = passage;
  doc.set_data(data.dump());
  return Status::Ok();
}

Result<IndexedItem> ItemIndexer::BuildCustomer(const archive::Customer& c) {
  Xapian::Document doc;
  Xapian::termpos position = 1;
  const std::string title = c.DisplayName() + " " + c.number;
  analyzer_.IndexText(doc, title, search::Language::kUnknown, &position, kTitleWeight,
                      schema::kTitlePrefix, *session_);
  analyzer_.IndexText(doc, title, search::Language::kUnknown, &position, kTitleWeight, "",
                      *session_);
  std::string body = archive::JoinNonEmpty(
      {c.salutation, c.first_name, c.last_name, c.legal_form, c.street, c.postal_code, c.city,
       c.country, archive::JoinNonEmpty(c.emails, "\n"), PhoneList(c.phones), c.website, c.remarks},
      "\n");
  AKTE_ASSIGN_OR_RETURN(auto definitions, catalog_.ListCustomFields());
  for (const auto& line : archive::DescribeCustomFields(c, definitions)) body += "\n" + line;
  analyzer_.IndexText(doc, body, analyzer_.DetectLanguage(body), &position, 1, "", *session_);
  Common common{schema::kCustomer, c.id, c.version, c.id, std::nullopt, c.kind, "", c.created_at};
  // A customer is its own customer: kunde: filters and customer mode find it.
  AKTE_RETURN_IF_ERROR(AddCommon(doc, common, 0, 0, &position));
  if (!c.pipeline_status.empty()) {
    doc.add_boolean_term(std::string(schema::kPipelinePrefix) + c.pipeline_status);
  }
  // Remembered so the writer notices a rename, which all the customer's
  // items must follow (they carry the name too).
  auto data = nlohmann::json::parse(doc.get_data());
  data["label"] = title;
  doc.set_data(data.dump());
  IndexedItem item{schema::ItemKey(schema::kCustomer, c.id), {doc}, {}};
  AddSpelling(analyzer_, title + "\n" + body, item.spelling_words);
  return item;
}

Result<IndexedItem> ItemIndexer::BuildContact(const archive::Contact& c) {
  Xapian::Document doc;
  Xapian::termpos position = 1;
  const std::string title = c.DisplayName();
  analyzer_.IndexText(doc, title, search::Language::kUnknown, &position, kTitleWeight,
                      schema::kTitlePrefix, *session_);
  analyzer_.IndexText(doc, title, search::Language::kUnknown, &position, kTitleWeight, "",
                      *session_);
  const std::string body =
      archive::JoinNonEmpty({c.salutation, c.role, c.department,
                             archive::JoinNonEmpty(c.emails, "\n"), PhoneList(c.phones), c.remarks},
                            "\n");
  analyzer_.IndexText(doc, body, analyzer_.DetectLanguage(body), &position, 1, "", *session_);
  AKTE_RETURN_IF_ERROR(
      AddCommon(doc, {schema::kContact, c.id, c.version, c.customer_id, c.id, "", "", c.created_at},
                0, 0, &position));
  IndexedItem item{schema::ItemKey(schema::kContact, c.id), {doc}, {}};
  AddSpelling(analyzer_, title + "\n" + body, item.spelling_words);
  return item;
}

Result<IndexedItem> ItemIndexer::BuildNote(const archive::Note& n) {
  Xapian::Document doc;
  Xapian::termpos position = 1;
  analyzer_.IndexText(doc, n.text, analyzer_.DetectLanguage(n.text), &position, 1, "", *session_);
  AKTE_RETURN_IF_ERROR(AddCommon(
      doc,
      {schema::kNote, n.id, n.version, n.customer_id, n.contact_id, "", n.author, n.created_at}, 0,
      0, &position));
  IndexedItem item{schema::ItemKey(schema::kNote, n.id), {doc}, {}};
  AddSpelling(analyzer_, n.text, item.spelling_words);
  return item;
}

Result<IndexedItem> ItemIndexer::BuildEvent(const archive::Event& e) {
  Xapian::Document doc;
  Xapian::termpos position = 1;
  const std::string title = e.type + "\n" + e.subject;
  analyzer_.IndexText(doc, title, search::Language::kUnknown, &position, kTitleWeight,
                      schema::kTitlePrefix, *session_);
  analyzer_.IndexText(doc, title, search::Language::kUnknown, &position, kTitleWeight, "",
                      *session_);
  analyzer_.IndexText(doc, e.text, analyzer_.DetectLanguage(e.text), &position, 1, "", *session_);
  AKTE_RETURN_IF_ERROR(AddCommon(doc,
                                 {schema::kEvent, e.id, e.version, e.customer_id, e.contact_id,
                                  e.type, e.author, e.occurred_at},
                                 0, 0, &position));
  IndexedItem item{schema::ItemKey(schema::kEvent, e.id), {doc}, {}};
  AddSpelling(analyzer_, title + "\n" + e.text, item.spelling_words);
  return item;
}

Result<IndexedItem> ItemIndexer::BuildDocument(const archive::Document& d) {
  AKTE_ASSIGN_OR_RETURN(auto stored, catalog_.GetText(d.id));
  std::string metadata_text;
  if (stored) {
    auto metadata = nlohmann::json::parse(stored->metadata_json, nullptr, false);
    if (metadata.is_object()) {
      for (const char* key : {"title", "author", "subject", "keywords", "from", "to", "cc"}) {
        if (metadata.contains(key) && metadata[key].is_string()) {
          metadata_text += metadata[key].get<std::string>() + "\n";
        }
      }
    }
  }
  const std::string title = d.title + "\n" + d.filename + "\n" + d.path_in_parent + "\n" + d.type;
  const std::string_view text = stored ? std::string_view(stored->text) : std::string_view();
  const auto passages = search::SplitPassages(text);
  const Common common{schema::kDocument, d.id,
                      d.version,         d.customer_id,
                      d.contact_id,      d.type,
                      d.uploaded_by,     d.document_date.empty() ? d.uploaded_at : d.document_date};
  IndexedItem item{schema::ItemKey(schema::kDocument, d.id), {}, {}};
  const search::Language language = analyzer_.DetectLanguage(text.substr(0, 64 * 1024));
  for (std::size_t i = 0; i < passages.size(); ++i) {
    const auto& passage = passages[i];
    Xapian::Document doc;
    Xapian::termpos position = 1;
    // Every passage carries the title and metadata, so a query may match
    // the title in one word and a page in the next.
    analyzer_.IndexText(doc, title, search::Language::kUnknown, &position, kTitleWeight,
                        schema::kTitlePrefix, *session_);
    analyzer_.IndexText(doc, title + "\n" + metadata_text, search::Language::kUnknown, &position,
                        i == 0 ? kTitleWeight : 1, "", *session_);
    analyzer_.IndexText(doc, text.substr(passage.offset, passage.length), language, &position, 1,
                        "", *session_);
    doc.add_boolean_term(std::string(schema::kStatePrefix) + d.extraction_state);
    AKTE_RETURN_IF_ERROR(AddCommon(doc, common, static_cast<int>(i) + 1, passage.page, &position));
    item.documents.push_back(std::move(doc));
  }
  AddSpelling(analyzer_, title, item.spelling_words);
  AddRepeatedSpelling(analyzer_, text, item.spelling_words);
  return item;
}

Result<IndexedItem> ItemIndexer::BuildRecord(const archive::BusinessRecord& r) {
  Xapian::Document doc;
  Xapian::termpos position = 1;
  // The number is an identifier in the title: RE-2024-0042 is found as typed.
  const std::string title = search::RecordTitle(r) + "\n" + r.subject;
  analyzer_.IndexText(doc, title, search::Language::kUnknown, &position, kTitleWeight,
                      schema::kTitlePrefix, *session_);
  analyzer_.IndexText(doc, title, search::Language::kUnknown, &position, kTitleWeight, "",
                      *session_);
  std::string body = search::RecordWords(r);
  if (r.previous_id) {
    // A dunning letter or credit note is found by its invoice's number too.
    AKTE_ASSIGN_OR_RETURN(archive::BusinessRecord previous,
                          catalog_.GetBusinessRecord(*r.previous_id));
    body += "\n" + search::RecordTitle(previous);
  }
  analyzer_.IndexText(doc, body, search::Language::kUnknown, &position, 1, "", *session_);
  if (auto amount = search::RecordAmount(r)) {
    doc.add_value(schema::kAmountSlot, Xapian::sortable_serialise(static_cast<double>(*amount)));
  }
  AKTE_RETURN_IF_ERROR(AddCommon(doc,
                                 {schema::kRecord, r.id, r.version, r.customer_id, std::nullopt,
                                  archive::RecordKindLabel(r.kind), r.author, r.record_date},
                                 0, 0, &position));
  IndexedItem item{schema::ItemKey(schema::kRecord, r.id), {doc}, {}};
  AddSpelling(analyzer_, title, item.spelling_words);
  return item;
}

// A task is found by its title, text and the words of its state; it is
// dated by its due date (else its creation), so `datum:` finds what is due.
Result<IndexedItem> ItemIndexer::BuildTask(const archive::Task& t) {
  Xapian::Document doc;
  Xapian::termpos position = 1;
  analyzer_.IndexText(doc, t.title, search::Language::kUnknown, &position, kTitleWeight,
                      schema::kTitlePrefix, *session_);
  analyzer_.IndexText(doc, t.title, search::Language::kUnknown, &position, kTitleWeight, "",
                      *session_);
  analyzer_.IndexText(doc, t.text, analyzer_.DetectLanguage(t.text), &position, 1, "", *session_);
  analyzer_.IndexText(doc, search::TaskWords(t), search::Language::kUnknown, &position, 1, "",
                      *session_);
  AKTE_RETURN_IF_ERROR(AddCommon(doc,
                                 {schema::kTask, t.id, t.version, t.customer_id, t.contact_id, "",
                                  t.created_by, t.due_date.empty() ? t.created_at : t.due_date},
                                 0, 0, &position));
  IndexedItem item{schema::ItemKey(schema::kTask, t.id), {doc}, {}};
  AddSpelling(analyzer_, t.title + "\n" + t.text, item.spelling_words);
  return item;
}

// An appointment is found by its title, text, place and participants, and
// dated by its start.
Result<IndexedItem> ItemIndexer::BuildAppointment(const archive::Appointment& a) {
  Xapian::Document doc;
  Xapian::termpos position = 1;
  analyzer_.IndexText(doc, a.title, search::Language::kUnknown, &position, kTitleWeight,
                      schema::kTitlePrefix, *session_);
  analyzer_.IndexText(doc, a.title, search::Language::kUnknown, &position, kTitleWeight, "",
                      *session_);
  analyzer_.IndexText(doc, a.text, analyzer_.DetectLanguage(a.text), &position, 1, "", *session_);
  analyzer_.IndexText(doc, search::AppointmentWords(a), search::Language::kUnknown, &position, 1,
                      "", *session_);
  AKTE_RETURN_IF_ERROR(AddCommon(doc,
                                 {schema::kAppointment, a.id, a.version, a.customer_id,
                                  a.contact_id, "", a.created_by, a.starts_at},
                                 0, 0, &position));
  IndexedItem item{schema::ItemKey(schema::kAppointment, a.id), {doc}, {}};
  AddSpelling(analyzer_, a.title + "\n" + a.text + "\n" + a.place, item.spelling_words);
  return item;
}

namespace {

// Loads a record and builds its entries; a record the catalog no longer has
// gives nullopt.
template <typename Record, typename Make>
Result<std::optional<IndexedItem>> BuildFrom(Result<Record> record, Make make) {
  if (!record.ok()) {
    if (record.status().code() == StatusCode::kNotFound) return std::optional<IndexedItem>();
    return record.status();
  }
  AKTE_ASSIGN_OR_RETURN(IndexedItem item, make(*record));
  return std::optional<IndexedItem>(std::move(item));
}

}  // namespace

Result<std::optional<IndexedItem>> ItemIndexer::Build(std::string_view entity, Id id) {
  if (entity == schema::kCustomer) {
    ForgetCustomer(id);
    return BuildFrom(catalog_.GetCustomer(id), [this](const auto& c) { return BuildCustomer(c); });
  }
  if (entity == schema::kContact) {
    return BuildFrom(catalog_.GetContact(id), [this](const auto& c) { return BuildContact(c); });
  }
  if (entity == schema::kDocument) {
    return BuildFrom(catalog_.GetDocument(id), [this](const auto& d) { return BuildDocument(d); });
  }
  if (entity == schema::kNote) {
    return BuildFrom(catalog_.GetNote(id), [this](const auto& n) { return BuildNote(n); });
  }
  if (entity == schema::kEvent) {
    return BuildFrom(catalog_.GetEvent(id), [this](const auto& e) { return BuildEvent(e); });
  }
  if (entity == schema::kRecord) {
    return BuildFrom(catalog_.GetBusinessRecord(id),
                     [this](const auto& r) { return BuildRecord(r); });
  }
  if (entity == schema::kTask) {
    return BuildFrom(catalog_.GetTask(id), [this](const auto& t) { return BuildTask(t); });
  }
  if (entity == schema::kAppointment) {
    return BuildFrom(catalog_.GetAppointment(id),
                     [this](const auto& a) { return BuildAppointment(a); });
  }
  return Status::Internal("the change feed names an unknown kind: " + std::string(entity));
}

}  // namespace akte::indexer
