#include "hits.h"

#include <nlohmann/json.hpp>

#include "akte/search/passages.h"
#include "akte/search/planning_text.h"
#include "akte/search/record_text.h"
#include "akte/search/schema.h"

namespace akte::search {
namespace {

namespace sc = schema;

constexpr std::size_t kTextCacheBytes = std::size_t{64} << 20;
// Per searcher; the server pools a few.
constexpr std::size_t kMaxCachedCustomers = 5'000;

std::string FirstLine(const std::string& text, std::size_t max) {
  std::string line = text.substr(0, text.find('\n'));
  if (line.size() <= max) return line;
  line.resize(max);
  while (!line.empty() && (static_cast<unsigned char>(line.back()) & 0xC0) == 0x80) line.pop_back();
  if (!line.empty() && static_cast<unsigned char>(line.back()) >= 0xC0) line.pop_back();
  return line + "…";
}

template <typename Record>
Result<std::optional<Record>> Load(Result<Record> record) {
  if (record.ok()) return std::optional<Record>(std::move(record).value());
  if (record.status().code() == StatusCode::kNotFound) return std::optional<Record>();
  return record.status();
}

}  // namespace

Result<std::shared_ptr<const HitBuilder::DocumentText>> HitBuilder::TextOf(archive::Id id,
                                                                           std::int64_t version) {
  auto cached = texts_.find(id);
  if (cached != texts_.end() && cached->second.version == version) {
    recent_.remove(id);
    recent_.push_front(id);
    return cached->second.text;
  }
  AKTE_ASSIGN_OR_RETURN(auto stored, catalog_.GetText(id));
  auto loaded = std::make_shared<DocumentText>();
  if (stored) loaded->text = std::move(stored->text);
  loaded->passages = SplitPassages(loaded->text);
  std::shared_ptr<const DocumentText> text = std::move(loaded);
  if (cached != texts_.end()) {
    cached_bytes_ -= cached->second.text->text.size();
    recent_.remove(id);
  }
  texts_[id] = {version, text};
  recent_.push_front(id);
  cached_bytes_ += text->text.size();
  while (cached_bytes_ > kTextCacheBytes && recent_.size() > 1) {
    const archive::Id oldest = recent_.back();
    recent_.pop_back();
    cached_bytes_ -= texts_[oldest].text->text.size();
    texts_.erase(oldest);
  }
  return text;
}

Status HitBuilder::StartSearch() {
  // Every change to a customer, its channels included, is a row of the
  // catalog's change feed; one lookup of its newest row tells whether the
  // customers read stand as they were.
  AKTE_ASSIGN_OR_RETURN(const std::int64_t latest, catalog_.LatestChange());
  if (latest != customers_as_of_ || customers_.size() > kMaxCachedCustomers) {
    customers_.clear();
    customers_as_of_ = latest;
  }
  return Status::Ok();
}

Result<std::optional<archive::Customer>> HitBuilder::Customer(archive::Id id) {
  auto cached = customers_.find(id);
  if (cached != customers_.end()) return cached->second;
  AKTE_ASSIGN_OR_RETURN(auto customer, Load(catalog_.GetCustomer(id)));
  customers_[id] = customer;
  return customer;
}

Status HitBuilder::AddCustomer(Hit& hit, std::optional<archive::Id> customer_id) {
  if (!customer_id) return Status::Ok();
  AKTE_ASSIGN_OR_RETURN(auto customer, Customer(*customer_id));
  if (!customer) return Status::Ok();
  hit.customer_id = customer->id;
  hit.customer_number = customer->number;
  hit.customer_name = customer->DisplayName();
  return Status::Ok();
}

Result<std::optional<Hit>> HitBuilder::Build(const Xapian::Document& doc, double score, int percent,
                                             SnippetCutter& snippets) {
  auto data = nlohmann::json::parse(doc.get_data(), nullptr, false);
  if (!data.is_object()) return Status::Corruption("an index entry has no readable data");
  Hit hit;
  hit.kind = data.value("kind", "");
  hit.id = data.value("id", archive::Id{0});
  hit.score = score;
  hit.percent = percent;
  hit.page = data.value("page", 0);
  const int passage = data.value("passage", 0);
  std::string text;  // what the snippet is cut from

  if (hit.kind == sc::kCustomer) {
    AKTE_ASSIGN_OR_RETURN(auto c, Customer(hit.id));
    if (!c) return std::optional<Hit>();
    hit.title = c->DisplayName();
    hit.detail = archive::JoinNonEmpty(
        {c->number, c->kind, archive::JoinNonEmpty({c->postal_code, c->city}, " ")}, " · ");
    hit.date = c->created_at;
    hit.customer_id = c->id;
    hit.customer_number = c->number;
    hit.customer_name = c->DisplayName();
    std::vector<std::string> fields{
        archive::JoinNonEmpty({c->street, c->postal_code, c->city}, " ")};
    fields.insert(fields.end(), c->emails.begin(), c->emails.end());
    for (const auto& phone : c->phones) fields.push_back(phone.number);
    fields.push_back(c->remarks);
    AKTE_ASSIGN_OR_RETURN(auto definitions, catalog_.ListCustomFields());
    for (auto& line : archive::DescribeCustomFields(*c, definitions))
      fields.push_back(std::move(line));
    text = archive::JoinNonEmpty(fields, "\n");
  } else if (hit.kind == sc::kContact) {
    AKTE_ASSIGN_OR_RETURN(auto c, Load(catalog_.GetContact(hit.id)));
    if (!c) return std::optional<Hit>();
    hit.title = c->DisplayName();
    hit.detail = archive::JoinNonEmpty({c->role, c->department}, ", ");
    hit.date = c->created_at;
    AKTE_RETURN_IF_ERROR(AddCustomer(hit, c->customer_id));
    std::vector<std::string> fields{hit.detail};
    fields.insert(fields.end(), c->emails.begin(), c->emails.end());
    for (const auto& phone : c->phones) fields.push_back(phone.number);
    fields.push_back(c->remarks);
    text = archive::JoinNonEmpty(fields, "\n");
  } else if (hit.kind == sc::kDocument) {
    AKTE_ASSIGN_OR_RETURN(auto d, Load(catalog_.GetDocument(hit.id)));
    if (!d) return std::optional<Hit>();
    hit.title = d->title;
    hit.detail = archive::JoinNonEmpty(
        {d->type, d->path_in_parent.empty() ? d->filename : d->path_in_parent}, " · ");
    hit.date = d->document_date.empty() ? d->uploaded_at : d->document_date;
    AKTE_RETURN_IF_ERROR(AddCustomer(hit, d->customer_id));
    AKTE_ASSIGN_OR_RETURN(auto whole, TextOf(d->id, d->version));
    std::optional<Passage> hit_passage;
    std::string_view passage_text;
    if (passage >= 1 && static_cast<std::size_t>(passage) <= whole->passages.size()) {
      hit_passage = whole->passages[static_cast<std::size_t>(passage) - 1];
      passage_text = std::string_view(whole->text).substr(hit_passage->offset, hit_passage->length);
    }
    if (passage_text.find_first_not_of(" \n\t\r\f") == std::string_view::npos) {
      text = d->title + "\n" + d->filename;
      passage_text = text;
      hit_passage.reset();
    }
    hit.snippet = snippets.Cut(passage_text);
    if (hit_passage) {
      hit.page = PageAt(*hit_passage, passage_text, hit.snippet.first_match);
    }
    return std::optional<Hit>(std::move(hit));
  } else if (hit.kind == sc::kNote) {
    AKTE_ASSIGN_OR_RETURN(auto n, Load(catalog_.GetNote(hit.id)));
    if (!n) return std::optional<Hit>();
    hit.title = FirstLine(n->text, 80);
    hit.detail = n->author;
    hit.date = n->created_at;
    AKTE_RETURN_IF_ERROR(AddCustomer(hit, n->customer_id));
    text = n->text;
  } else if (hit.kind == sc::kEvent) {
    AKTE_ASSIGN_OR_RETURN(auto e, Load(catalog_.GetEvent(hit.id)));
    if (!e) return std::optional<Hit>();
    hit.title = e->subject.empty() ? e->type : e->type + ": " + e->subject;
    hit.detail = e->author;
    hit.date = e->occurred_at;
    AKTE_RETURN_IF_ERROR(AddCustomer(hit, e->customer_id));
    text = e->subject + "\n" + e->text;
  } else if (hit.kind == sc::kRecord) {
    AKTE_ASSIGN_OR_RETURN(auto r, Load(catalog_.GetBusinessRecord(hit.id)));
    if (!r) return std::optional<Hit>();
    hit.title = RecordTitle(*r);
    hit.detail = r->subject;
    hit.date = r->record_date;
    hit.amount_cents = RecordAmount(*r);
    hit.payment_status = r->payment_status;
    AKTE_RETURN_IF_ERROR(AddCustomer(hit, r->customer_id));
    text = archive::JoinNonEmpty({r->subject, RecordWords(*r)}, "\n");
  } else if (hit.kind == sc::kTask) {
    AKTE_ASSIGN_OR_RETURN(auto t, Load(catalog_.GetTask(hit.id)));
    if (!t) return std::optional<Hit>();
    hit.title = t->title;
    hit.detail = TaskDetail(*t);
    hit.date = t->due_date.empty() ? t->created_at : t->due_date;
    AKTE_RETURN_IF_ERROR(AddCustomer(hit, t->customer_id));
    text = archive::JoinNonEmpty({t->text, TaskWords(*t)}, "\n");
  } else if (hit.kind == sc::kAppointment) {
    AKTE_ASSIGN_OR_RETURN(auto a, Load(catalog_.GetAppointment(hit.id)));
    if (!a) return std::optional<Hit>();
    hit.title = a->title;
    hit.detail = AppointmentDetail(*a);
    hit.date = a->starts_at;
    AKTE_RETURN_IF_ERROR(AddCustomer(hit, a->customer_id));
    text = archive::JoinNonEmpty({a->text, AppointmentWords(*a)}, "\n");
  } else {
    return Status::Corruption("an index entry names an unknown kind '" + hit.kind + "'");
  }
  hit.snippet = snippets.Cut(text);
  return std::optional<Hit>(std::move(hit));
}

}  // namespace akte::search
