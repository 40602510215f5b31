#include "printer.h"

#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "akte/archive/pipeline.h"
#include "akte/archive/time.h"
#include "context.h"
#include "print_basics.h"

namespace akte::cli {
namespace {

using archive::Contact;
using archive::Customer;

std::string Phones(const std::vector<archive::Phone>& phones) {
  std::vector<std::string> parts;
  for (const auto& p : phones) parts.push_back(p.number + " (" + L(p.kind) + ")");
  return archive::JoinNonEmpty(parts, ", ");
}

std::string HumanSize(std::uint64_t bytes) {
  if (bytes < 1024) return std::to_string(bytes) + " B";
  if (bytes < 1024 * 1024) return std::to_string((bytes + 512) / 1024) + " KB";
  return std::to_string((bytes + 512 * 1024) / (1024 * 1024)) + " MB";
}

std::string CustomValue(const archive::CustomFieldDefinition& def, const std::string& value) {
  if (def.type == "bool") return value == "true" ? L("yes") : L("no");
  if (def.type == "date") return Date(value);
  return value;
}

// "Interessent · Angebot gesendet": a prospect with its pipeline status.
std::string KindWithStatus(const Customer& c) {
  if (c.kind != archive::kKindProspect || c.pipeline_status.empty()) return L(c.kind);
  std::string status = archive::PipelineStatusGerman(c.pipeline_status);
  if (!German()) {
    status = c.pipeline_status;
    std::replace(status.begin(), status.end(), '_', ' ');
  }
  return L(c.kind) + " · " + status;
}

void PrintMasterData(std::ostream& out, const Customer& c) {
  out << KindWithStatus(c) << " " << c.number << " · " << c.DisplayName()
      << (c.archived_at.empty() ? "" : " (" + L("archived") + ")") << "\n";
  Line(out, L("name"),
       c.company.empty() ? ""
                         : archive::JoinNonEmpty({c.salutation, c.first_name, c.last_name}, " "));
  Line(out, L("address"),
       archive::JoinNonEmpty(
           {c.street, archive::JoinNonEmpty({c.postal_code, c.city}, " "), c.country}, ", "));
  Line(out, L("email"), archive::JoinNonEmpty(c.emails, ", "));
  Line(out, L("phone"), Phones(c.phones));
  Line(out, L("website"), c.website);
  Line(out, L("birthday"), Date(c.birthday));
  Line(out, L("remarks"), c.remarks);
  out << "  " << L("created") << " " << Time(c.created_at) << " · " << L("updated") << " "
      << Time(c.updated_at) << " · version " << c.version << "\n";
}

void PrintConditions(std::ostream& out, const std::optional<archive::Conditions>& conditions) {
  out << "\n" << L("conditions") << "\n";
  if (!conditions) {
    out << "  (" << L("none") << ")\n";
    return;
  }
  const auto& c = *conditions;
  Line(out, L("price_list"), c.price_list);
  if (c.discount_basis_points) {
    std::string percent = std::to_string(c.discount_basis_points / 100);
    if (c.discount_basis_points % 100) {
      std::string fraction = std::to_string(c.discount_basis_points % 100);
      if (fraction.size() == 1) fraction = "0" + fraction;
      if (fraction.back() == '0') fraction.pop_back();
      percent += (German() ? "," : ".") + fraction;
    }
    Line(out, L("discount"), percent + " %");
  }
  Line(out, L("payment_terms"), c.payment_terms);
  Line(out, L("delivery_terms"), c.delivery_terms);
  if (c.open_invoice_limit_cents) Line(out, L("limit"), FormatMoney(*c.open_invoice_limit_cents));
}

// The first lines of a document's text that have something on them.
void PrintTextOpening(std::ostream& out, const archive::StoredText& text) {
  constexpr std::size_t kLines = 15;
  out << "\n";
  std::size_t shown = 0, pos = 0;
  const std::string& t = text.text;
  while (pos < t.size() && shown < kLines) {
    std::size_t end = std::min(t.find('\n', pos), t.size());
    std::string line = t.substr(pos, end - pos);
    std::replace(line.begin(), line.end(), '\f', ' ');
    if (line.find_first_not_of(" \t\r") != std::string::npos) {
      out << "  " << line << "\n";
      ++shown;
    }
    pos = end + 1;
  }
  if (pos < t.size()) {
    out << "  … (" << t.size() << " bytes of text" << (text.truncated ? ", cut at the limit" : "")
        << ")\n";
  }
}

std::string Marked(const search::Snippet& snippet, bool terminal) {
  std::string out;
  std::size_t at = 0;
  for (const auto& h : snippet.highlights) {
    if (h.begin < at || h.end > snippet.text.size()) continue;
    out += snippet.text.substr(at, h.begin - at);
    out += terminal ? "\033[1m" : "«";
    out += snippet.text.substr(h.begin, h.end - h.begin);
    out += terminal ? "\033[0m" : "»";
    at = h.end;
  }
  out += snippet.text.substr(at);
  for (char& c : out) {
    if (c == '\n' || c == '\t' || c == '\f' || c == '\r') c = ' ';
  }
  return out;
}

// One hit: `lead` opens its first line ("3. " or "   - "), the others are
// indented to match it.
void PrintHit(std::ostream& out, const search::Hit& hit, const std::string& lead, bool terminal) {
  const std::string indent(Width(lead) + 2, ' ');
  out << lead << "[" << L(hit.kind) << " #" << hit.id << "] " << hit.title;
  if (!hit.customer_name.empty() && hit.kind != "customer") {
    out << " — " << hit.customer_name << " (" << hit.customer_number << ")";
  }
  out << "\n"
      << indent
      << archive::JoinNonEmpty({hit.detail, hit.date.size() > 10 ? Time(hit.date) : Date(hit.date),
                                hit.amount_cents ? FormatMoney(*hit.amount_cents) : "",
                                hit.payment_status.empty() ? "" : L(hit.payment_status)},
                               " · ");
  if (hit.page > 0) out << " · " << L("page") << " " << hit.page;
  out << "\n";
  if (!hit.snippet.text.empty()) out << indent << Marked(hit.snippet, terminal) << "\n";
}

}  // namespace

void PrintHits(std::ostream& out, const std::vector<search::Hit>& hits, bool terminal) {
  if (hits.empty()) out << L("no_hits") << "\n";
  for (std::size_t i = 0; i < hits.size(); ++i) {
    PrintHit(out, hits[i], std::to_string(i + 1) + ". ", terminal);
  }
}

void PrintCustomerResults(std::ostream& out, const std::vector<search::CustomerResult>& customers,
                          bool terminal) {
  if (customers.empty()) out << L("no_hits") << "\n";
  for (std::size_t i = 0; i < customers.size(); ++i) {
    const auto& c = customers[i];
    out << i + 1 << ". " << c.customer.DisplayName() << " (" << c.customer.number << ") — "
        << c.matching_items << " " << L(c.matching_items == 1 ? "hit" : "hits") << "\n";
    for (const auto& hit : c.evidence) PrintHit(out, hit, "   - ", terminal);
  }
}

void PrintSearchResponse(std::ostream& out, const search::SearchResponse& r, bool terminal) {
  if (!r.corrected_query.empty()) out << L("showing_for") << " \"" << r.corrected_query << "\":\n";
  if (!r.suggestion.empty()) out << L("did_you_mean") << ": " << r.suggestion << "?\n";
  if (r.relaxed) out << L("relaxed") << "\n";
  if (r.customer_mode) {
    PrintCustomerResults(out, r.customers, terminal);
  } else {
    PrintHits(out, r.hits, terminal);
    if (r.total > r.hits.size()) out << "(" << r.total << " " << L("hits") << ")\n";
  }
  if (r.facets) {
    auto line = [&out](const std::string& label, const auto& counts) {
      out << label << ":";
      for (const auto& [key, count] : counts) out << " " << key << " " << count << ";";
      out << "\n";
    };
    out << "\n";
    line(L("kind"), r.facets->kinds);
    line(L("type"), r.facets->types);
    out << L("customer") << ":";
    for (const auto& c : r.facets->customers) {
      out << " " << c.name << " (" << c.number << ") " << c.count << ";";
    }
    out << "\n";
    line(L("year"), r.facets->years);
  }
}

int PrintIndexCheck(std::ostream& out, const indexer::IndexCheckReport& report) {
  out << "Search index: " << report.items_checked << " catalog items checked (index at change "
      << report.index_seq << " of " << report.catalog_seq << ").\n";
  auto section = [&out](const char* title, const std::vector<std::string>& keys) {
    if (keys.empty()) return;
    out << title << " (" << keys.size() << "):";
    for (std::size_t i = 0; i < keys.size() && i < 20; ++i) out << " " << keys[i];
    if (keys.size() > 20) out << " …";
    out << "\n";
  };
  section("Not in the index", report.missing);
  section("Indexed at an older version", report.stale);
  section("In the index but no longer in the catalog", report.extra);
  if (report.clean()) return kExitOk;
  if (report.repaired) {
    out << "Repaired.\n";
    return kExitOk;
  }
  out << "Run `akte fsck --repair` (or `akte reindex`) to fix the index.\n";
  return kExitDamaged;
}

std::string FormatMoney(std::int64_t cents) {
  const bool negative = cents < 0;
  std::uint64_t value =
      negative ? static_cast<std::uint64_t>(-cents) : static_cast<std::uint64_t>(cents);
  std::string whole = std::to_string(value / 100);
  const char group = German() ? '.' : ',';
  for (int i = static_cast<int>(whole.size()) - 3; i > 0; i -= 3) {
    whole.insert(static_cast<std::size_t>(i), 1, group);
  }
  std::string fraction = std::to_string(value % 100);
  if (fraction.size() == 1) fraction = "0" + fraction;
  std::string sign = negative ? "-" : "";
  return German() ? sign + whole + "," + fraction + " €" : sign + "€" + whole + "." + fraction;
}

void PrintCustomerTable(std::ostream& out, const std::vector<Customer>& customers) {
  std::vector<std::vector<std::string>> rows = {
      {L("number"), L("kind"), L("name"), L("city"), L("email"), L("phone")}};
  for (const auto& c : customers) {
    rows.push_back({c.number, KindWithStatus(c), c.DisplayName(),
                    archive::JoinNonEmpty({c.postal_code, c.city}, " "),
                    c.emails.empty() ? "" : c.emails.front(),
                    c.phones.empty() ? "" : c.phones.front().number});
  }
  PrintTable(out, rows);
  out << customers.size() << (German() ? " Einträge" : " entries") << "\n";
}

void PrintContactTable(std::ostream& out, const std::vector<Contact>& contacts) {
  std::vector<std::vector<std::string>> rows = {{"ID", L("name"), "Role", L("email"), L("phone")}};
  for (const auto& c : contacts) {
    rows.push_back({std::to_string(c.id), c.DisplayName(),
                    archive::JoinNonEmpty({c.role, c.department}, ", "),
                    archive::JoinNonEmpty(c.emails, ", "), Phones(c.phones)});
  }
  PrintTable(out, rows);
}

void PrintTokenTable(std::ostream& out, const std::vector<archive::ApiToken>& tokens) {
  std::vector<std::vector<std::string>> rows = {
      {"ID", L("name"), L("created"), L("last_used"), L("state")}};
  for (const auto& t : tokens) {
    rows.push_back({std::to_string(t.id), t.name, Time(t.created_at),
                    t.last_used_at.empty() ? L("never") : Time(t.last_used_at),
                    t.revoked_at.empty() ? L("valid") : L("revoked") + " " + Time(t.revoked_at)});
  }
  PrintTable(out, rows);
}

void PrintFieldDefinitions(std::ostream& out,
                           const std::vector<archive::CustomFieldDefinition>& fields) {
  std::vector<std::vector<std::string>> rows = {{"Slot", "Label", "Type", "Choices"}};
  for (const auto& f : fields) {
    rows.push_back(
        {std::to_string(f.slot), f.label, f.type, archive::JoinNonEmpty(f.choices, ", ")});
  }
  PrintTable(out, rows);
}

void PrintDocument(std::ostream& out, const archive::Document& d,
                   const std::optional<archive::StoredText>& text) {
  out << L("document") << " " << d.id << " · " << d.title << "\n";
  Line(out, "Type", d.type);
  Line(out, "File", d.filename + (d.path_in_parent.empty() ? "" : " (" + d.path_in_parent + ")"));
  Line(out, "Date", Date(d.document_date));
  Line(out, "Format", d.mime_type + ", " + HumanSize(d.size));
  Line(out, "SHA-256", d.sha256);
  Line(out, "Uploaded", Time(d.uploaded_at) + " · " + d.uploaded_by);
  Line(out, "State",
       d.extraction_state + (d.extraction_error.empty() ? "" : ": " + d.extraction_error));
  Line(out, "Inbox",
       d.customer_id ? "" : (d.inbox_reason.empty() ? "not yet filed" : d.inbox_reason));
  if (!text) return;
  auto metadata = nlohmann::json::parse(text->metadata_json, nullptr, false);
  if (metadata.is_object()) {
    for (const auto& [key, value] : metadata.items()) {
      Line(out, key, value.is_string() ? value.get<std::string>() : value.dump());
    }
  }
  PrintTextOpening(out, *text);
}

void PrintInbox(std::ostream& out, const std::vector<archive::Document>& documents) {
  if (documents.empty()) {
    out << (German() ? "Der Eingang ist leer.\n" : "The inbox is empty.\n");
    return;
  }
  std::vector<std::vector<std::string>> rows = {{"ID", L("document"), "Type", "Why"}};
  for (const auto& d : documents) {
    rows.push_back({std::to_string(d.id), d.title, d.type, d.inbox_reason});
  }
  PrintTable(out, rows);
}

void PrintCustomerFile(std::ostream& out, const archive::CustomerFile& file) {
  PrintMasterData(out, file.customer);

  out << "\n" << L("contacts") << " (" << file.contacts.size() << ")\n";
  for (const auto& c : file.contacts) {
    out << "  " << archive::JoinNonEmpty({c.salutation, c.DisplayName()}, " ")
        << (c.role.empty() && c.department.empty()
                ? ""
                : " — " + archive::JoinNonEmpty({c.role, c.department}, ", "))
        << "\n";
    Line(out, "  " + L("email"), archive::JoinNonEmpty(c.emails, ", "));
    Line(out, "  " + L("phone"), Phones(c.phones));
    Line(out, "  " + L("birthday"), Date(c.birthday));
    Line(out, "  " + L("remarks"), c.remarks);
  }

  PrintConditions(out, file.conditions);

  if (!file.customer.custom_fields.empty()) {
    out << "\n" << L("fields") << "\n";
    for (const auto& def : file.field_definitions) {
      auto it = file.customer.custom_fields.find(def.slot);
      if (it != file.customer.custom_fields.end())
        Line(out, def.label, CustomValue(def, it->second));
    }
  }

  out << "\n" << L("documents") << " (" << file.documents.size() << ")\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto& d : file.documents) {
    rows.push_back({"  #" + std::to_string(d.id), Date(d.document_date), d.type,
                    (d.parent_id ? "  ↳ " : "") + d.title,
                    d.filename + ", " + HumanSize(d.size) + ", " + d.extraction_state});
  }
  PrintTable(out, rows);

  out << "\n" << L("timeline") << "\n";
  rows.clear();
  for (const auto& t : file.timeline) {
    rows.push_back({"  " + Time(t.at), L(t.kind) + " #" + std::to_string(t.id), t.author, t.title});
  }
  PrintTable(out, rows);
}

int PrintImportReport(const archive::ImportReport& report, bool dry_run, const char* what) {
  if (!report.ok()) {
    std::cerr << "akte: nothing imported; " << report.problems.size() << " problem"
              << (report.problems.size() == 1 ? "" : "s") << ":\n";
    for (const auto& p : report.problems) {
      std::cerr << "  " << (p.line > 0 ? "line " + std::to_string(p.line) + ": " : "") << p.message
                << "\n";
    }
    return kExitInvalidInput;
  }
  if (dry_run) {
    std::cout << "Dry run: all " << report.records << " " << what << " would be imported ("
              << report.encoding << "); nothing was stored.\n";
  } else {
    std::cout << "Imported " << report.imported << " " << what << " (" << report.encoding << ").\n";
  }
  return kExitOk;
}

int PrintFsckReport(std::ostream& out, const archive::FsckReport& report) {
  out << "Checked " << report.blobs_checked << " stored files and " << report.references_checked
      << " document references.\n";
  auto section = [&out](const char* title, const std::vector<std::string>& items) {
    if (items.empty()) return;
    out << title << " (" << items.size() << "):\n";
    for (const auto& item : items) out << "  " << item << "\n";
  };
  section("DAMAGED files (content no longer matches its hash)", report.corrupt);
  section("MISSING files (referenced by documents)", report.missing);
  section("Orphaned files (no document refers to them; `akte gc` removes them)", report.orphans);
  section("Catalog problems", report.catalog_problems);
  if (report.clean()) {
    out << "Stored files and catalog are in order.\n";
    return kExitOk;
  }
  return kExitDamaged;
}

}  // namespace akte::cli
