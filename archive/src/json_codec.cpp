#include "json_codec.h"

namespace akte::archive {
namespace {

nlohmann::json OptionalId(const std::optional<Id>& id) {
  return id ? nlohmann::json(*id) : nlohmann::json(nullptr);
}

}  // namespace

void to_json(nlohmann::json& j, const Phone& p) { j = {{"kind", p.kind}, {"number", p.number}}; }

void to_json(nlohmann::json& j, const User& u) {
  j = {{"id", u.id},     {"username", u.username},     {"display_name", u.display_name},
       {"role", u.role}, {"created_at", u.created_at}, {"disabled", u.disabled}};
}

void to_json(nlohmann::json& j, const ApiToken& t) {
  j = {{"id", t.id},
       {"user_id", t.user_id},
       {"name", t.name},
       {"created_at", t.created_at},
       {"last_used_at", t.last_used_at},
       {"revoked_at", t.revoked_at}};
}

void to_json(nlohmann::json& j, const Customer& c) {
  nlohmann::json custom = nlohmann::json::object();
  for (const auto& [slot, value] : c.custom_fields) custom[std::to_string(slot)] = value;
  j = {{"id", c.id},
       {"number", c.number},
       {"kind", c.kind},
       {"display_name", c.DisplayName()},
       {"company", c.company},
       {"legal_form", c.legal_form},
       {"salutation", c.salutation},
       {"first_name", c.first_name},
       {"last_name", c.last_name},
       {"street", c.street},
       {"postal_code", c.postal_code},
       {"city", c.city},
       {"country", c.country},
       {"emails", c.emails},
       {"phones", c.phones},
       {"website", c.website},
       {"birthday", c.birthday},
       {"remarks", c.remarks},
       {"custom_fields", custom},
       {"created_at", c.created_at},
       {"updated_at", c.updated_at},
       {"archived_at", c.archived_at},
       {"pipeline_status", c.pipeline_status},
       {"converted_at", c.converted_at},
       {"version", c.version}};
}

void to_json(nlohmann::json& j, const CustomFieldDefinition& d) {
  j = {{"slot", d.slot},
       {"label", d.label},
       {"type", d.type},
       {"choices", d.choices},
       {"version", d.version}};
}

void to_json(nlohmann::json& j, const Conditions& c) {
  j = {{"customer_id", c.customer_id},
       {"price_list", c.price_list},
       {"discount_basis_points", c.discount_basis_points},
       {"delivery_terms", c.delivery_terms},
       {"payment_terms", c.payment_terms},
       {"open_invoice_limit_cents", c.open_invoice_limit_cents
                                        ? nlohmann::json(*c.open_invoice_limit_cents)
                                        : nlohmann::json(nullptr)},
       {"version", c.version}};
}

void to_json(nlohmann::json& j, const Contact& c) {
  j = {{"id", c.id},
       {"customer_id", c.customer_id},
       {"display_name", c.DisplayName()},
       {"salutation", c.salutation},
       {"title", c.title},
       {"first_name", c.first_name},
       {"last_name", c.last_name},
       {"role", c.role},
       {"department", c.department},
       {"emails", c.emails},
       {"phones", c.phones},
       {"birthday", c.birthday},
       {"remarks", c.remarks},
       {"created_at", c.created_at},
       {"updated_at", c.updated_at},
       {"version", c.version}};
}

void to_json(nlohmann::json& j, const Document& d) {
  j = {{"id", d.id},
       {"customer_id", OptionalId(d.customer_id)},
       {"contact_id", OptionalId(d.contact_id)},
       {"parent_id", OptionalId(d.parent_id)},
       {"title", d.title},
       {"type", d.type},
       {"document_date", d.document_date},
       {"filename", d.filename},
       {"path_in_parent", d.path_in_parent},
       {"mime_type", d.mime_type},
       {"size", d.size},
       {"sha256", d.sha256},
       {"uploaded_by", d.uploaded_by},
       {"uploaded_by_name", d.uploaded_by_name},
       {"uploaded_at", d.uploaded_at},
       {"state", d.extraction_state},
       {"error", d.extraction_error},
       {"inbox_reason", d.inbox_reason},
       {"version", d.version}};
}

void to_json(nlohmann::json& j, const Note& n) {
  j = {{"id", n.id},
       {"customer_id", n.customer_id},
       {"contact_id", OptionalId(n.contact_id)},
       {"text", n.text},
       {"author", n.author},
       {"author_name", n.author_name},
       {"created_at", n.created_at},
       {"edited_at", n.edited_at},
       {"version", n.version}};
}

void to_json(nlohmann::json& j, const Event& e) {
  j = {{"id", e.id},
       {"customer_id", e.customer_id},
       {"contact_id", OptionalId(e.contact_id)},
       {"type", e.type},
       {"subject", e.subject},
       {"text", e.text},
       {"occurred_at", e.occurred_at},
       {"author", e.author},
       {"author_name", e.author_name},
       {"created_at", e.created_at},
       {"document_ids", e.document_ids},
       {"version", e.version}};
}

void to_json(nlohmann::json& j, const Payment& p) {
  j = {{"id", p.id},
       {"record_id", p.record_id},
       {"paid_on", p.paid_on},
       {"amount_cents", p.amount_cents},
       {"note", p.note},
       {"author", p.author},
       {"created_at", p.created_at}};
}

void to_json(nlohmann::json& j, const BusinessRecord& r) {
  j = {{"id", r.id},
       {"customer_id", r.customer_id},
       {"kind", r.kind},
       {"number", r.number},
       {"record_date", r.record_date},
       {"previous_id", OptionalId(r.previous_id)},
       {"document_id", OptionalId(r.document_id)},
       {"subject", r.subject},
       {"net_cents", r.net_cents},
       {"tax_cents", r.tax_cents},
       {"gross_cents", r.gross_cents},
       {"due_date", r.due_date},
       {"delivery_date", r.delivery_date},
       {"dunning_level", r.dunning_level},
       {"fee_cents", r.fee_cents},
       {"author", r.author},
       {"author_name", r.author_name},
       {"created_at", r.created_at},
       {"version", r.version}};
  if (r.kind == kRecordInvoice) {
    j["payments"] = r.payments;
    j["paid_cents"] = r.paid_cents;
    j["credited_cents"] = r.credited_cents;
    j["outstanding_cents"] = r.outstanding_cents;
    j["payment_status"] = r.payment_status;
  }
}

void to_json(nlohmann::json& j, const CustomerStatistics& s) {
  nlohmann::json by_year = nlohmann::json::object();
  for (const auto& [year, cents] : s.revenue_by_year_cents) by_year[std::to_string(year)] = cents;
  auto optional = [](const auto& value) {
    return value ? nlohmann::json(*value) : nlohmann::json(nullptr);
  };
  j = {{"as_of", s.as_of},
       {"offers", s.offers},
       {"orders", s.orders},
       {"invoices", s.invoices},
       {"revenue_by_year_cents", by_year},
       {"revenue_total_cents", s.revenue_total_cents},
       {"open_cents", s.open_cents},
       {"overdue_cents", s.overdue_cents},
       {"open_fees_cents", s.open_fees_cents},
       {"average_days_to_pay", optional(s.average_days_to_pay)},
       {"last_contact", s.last_contact},
       {"open_invoice_limit_cents", optional(s.open_invoice_limit_cents)},
       {"limit_exceeded", s.limit_exceeded}};
}

void to_json(nlohmann::json& j, const StatementLine& l) {
  j = {{"date", l.date},
       {"kind", l.kind},
       {"record_id", l.record_id},
       {"number", l.number},
       {"text", l.text},
       {"debit_cents", l.debit_cents},
       {"credit_cents", l.credit_cents},
       {"balance_cents", l.balance_cents}};
}

void to_json(nlohmann::json& j, const AccountStatement& s) {
  j = {{"customer_id", s.customer.id},
       {"customer_number", s.customer.number},
       {"customer_name", s.customer.DisplayName()},
       {"lines", s.lines},
       {"balance_cents", s.balance_cents}};
}

void to_json(nlohmann::json& j, const UpcomingBirthday& b) {
  j = {{"date", b.date},
       {"age", b.age},
       {"customer_id", b.customer_id},
       {"customer_number", b.customer_number},
       {"customer_name", b.customer_name},
       {"contact_id", OptionalId(b.contact_id)},
       {"name", b.name}};
}

void to_json(nlohmann::json& j, const FollowUp& f) {
  j = {{"id", f.id},
       {"customer_id", f.customer_id},
       {"customer_number", f.customer_number},
       {"customer_name", f.customer_name},
       {"entity", f.entity},
       {"entity_id", f.entity_id},
       {"due_date", f.due_date},
       {"assignee", f.assignee},
       {"reason", f.reason},
       {"created_by", f.created_by},
       {"created_at", f.created_at},
       {"done_at", f.done_at},
       {"done_by", f.done_by},
       {"done_event_id", OptionalId(f.done_event_id)},
       {"version", f.version}};
}

void to_json(nlohmann::json& j, const FollowUpsDue& d) {
  j = {{"today", d.today},
       {"overdue", d.overdue},
       {"due_today", d.due_today},
       {"this_week", d.this_week}};
}

void to_json(nlohmann::json& j, const AuditEntry& a) {
  j = {{"id", a.id},
       {"at", a.at},
       {"user", a.username},
       {"action", a.action},
       {"entity", a.entity},
       {"entity_id", a.entity_id},
       {"before", a.before.empty() ? nlohmann::json(nullptr)
                                   : nlohmann::json::parse(a.before, nullptr, false)},
       {"after", a.after.empty() ? nlohmann::json(nullptr)
                                 : nlohmann::json::parse(a.after, nullptr, false)}};
}

void to_json(nlohmann::json& j, const TimelineEntry& t) {
  j = {{"kind", t.kind},
       {"id", t.id},
       {"at", t.at},
       {"title", t.title},
       {"detail", t.detail},
       {"author", t.author},
       {"author_name", t.author_name}};
}

void to_json(nlohmann::json& j, const CustomerFile& f) {
  j = {{"customer", f.customer},
       {"contacts", f.contacts},
       {"conditions", f.conditions ? nlohmann::json(*f.conditions) : nlohmann::json(nullptr)},
       {"custom_field_definitions", f.field_definitions},
       {"documents", f.documents},
       {"notes", f.notes},
       {"events", f.events},
       {"records", f.records},
       {"tasks", f.tasks},
       {"appointments", f.appointments},
       {"timeline", f.timeline}};
}

}  // namespace akte::archive
