#include "akte/indexer/firm_import.h"

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "akte/archive/folder_import.h"
#include "akte/archive/import.h"

namespace akte::indexer {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

Result<std::string> ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read " + path.string());
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// The manifest, read whole and checked before anything is stored.
class Manifest {
 public:
  static Result<Manifest> Load(const fs::path& path) {
    AKTE_ASSIGN_OR_RETURN(std::string text, ReadFile(path));
    json root = json::parse(text, nullptr, false);
    if (!root.is_object()) {
      return Status::InvalidArgument(path.string() + " is not a JSON object (a firm manifest)");
    }
    Manifest manifest(path.parent_path(), std::move(root), path.string());
    AKTE_RETURN_IF_ERROR(manifest.Check());
    return manifest;
  }

  const json& root() const { return root_; }
  const json& List(const char* key) const {
    static const json empty = json::array();
    auto it = root_.find(key);
    return it == root_.end() ? empty : *it;
  }
  fs::path File(const std::string& relative) const { return base_ / relative; }

 private:
  Manifest(fs::path base, json root, std::string name)
      : base_(std::move(base)), root_(std::move(root)), name_(std::move(name)) {}

  Status Problem(const std::string& where, const std::string& what) const {
    return Status::InvalidArgument(name_ + ": " + where + ": " + what);
  }

  // Every entry has the members the loader reads, of the right type, and
  // every file it names exists (and stays inside the manifest's folder).
  Status Check() const {
    const std::vector<std::pair<const char*, std::vector<const char*>>> required = {
        {"users", {"username", "role"}},
        {"fields", {"slot", "label", "type"}},
        {"conditions", {"customer"}},
        {"documents", {"customer", "path", "by"}},
        {"notes", {"customer", "by", "at", "text"}},
        {"events", {"customer", "by", "type", "at"}},
    };
    for (const auto& [list, members] : required) {
      const json& entries = List(list);
      if (!entries.is_array()) return Problem(list, "must be a list");
      for (std::size_t i = 0; i < entries.size(); ++i) {
        const std::string where = std::string(list) + "[" + std::to_string(i) + "]";
        if (!entries[i].is_object()) return Problem(where, "must be an object");
        for (const char* member : members) {
          if (!entries[i].contains(member))
            return Problem(where, "has no \"" + std::string(member) + "\"");
        }
      }
    }
    std::vector<std::string> files;
    for (const char* key : {"customers_csv", "contacts_vcf", "records_csv", "mailbox"}) {
      if (root_.contains(key)) {
        if (!root_[key].is_string()) return Problem(key, "must be a path");
        files.push_back(root_[key]);
      }
    }
    for (const auto& document : List("documents")) {
      if (!document["path"].is_string()) return Problem("documents", "a path must be a string");
      files.push_back(document["path"]);
    }
    for (const auto& file : files) {
      const fs::path relative(file);
      if (relative.is_absolute() || file.find("..") != std::string::npos) {
        return Problem(file, "paths stay inside the manifest's folder");
      }
      std::error_code ec;
      if (!fs::exists(base_ / relative, ec)) {
        return Status::NotFound(name_ + " names " + file + ", which is not there");
      }
    }
    return Status::Ok();
  }

  fs::path base_;
  json root_;
  std::string name_;
};

// Reads a member with a default, reporting a wrong type as a problem of
// the entry rather than throwing.
template <typename T>
Result<T> Member(const json& entry, const char* key, T fallback, const std::string& where) {
  auto it = entry.find(key);
  if (it == entry.end() || it->is_null()) return fallback;
  try {
    return it->get<T>();
  } catch (const json::exception&) {
    return Status::InvalidArgument(where + ": \"" + key + "\" has the wrong type");
  }
}

class Loader {
 public:
  Loader(archive::DataDir& dir, const archive::Actor& by, const Manifest& manifest)
      : dir_(dir), catalog_(dir.catalog()), by_(by), manifest_(manifest) {}

  Status Users() {
    for (const auto& entry : manifest_.List("users")) {
      archive::User user;
      AKTE_ASSIGN_OR_RETURN(user.username, Member<std::string>(entry, "username", "", "users"));
      if (catalog_.FindUser(user.username).ok()) continue;
      AKTE_ASSIGN_OR_RETURN(user.display_name,
                            Member<std::string>(entry, "display_name", "", "users"));
      AKTE_ASSIGN_OR_RETURN(user.role, Member<std::string>(entry, "role", "", "users"));
      AKTE_RETURN_IF_ERROR(catalog_.AddUser(by_, user).status().WithContext(user.username));
      ++report_.users;
    }
    return Status::Ok();
  }

  Status Settings() {
    const json& firm = manifest_.root().value("firm", json::object());
    AKTE_ASSIGN_OR_RETURN(auto addresses, Member<std::string>(firm, "email_addresses", "", "firm"));
    if (!addresses.empty()) {
      AKTE_RETURN_IF_ERROR(catalog_.SetSetting(by_, "firm.email_addresses", addresses));
    }
    return Status::Ok();
  }

  Status Fields() {
    for (const auto& entry : manifest_.List("fields")) {
      archive::CustomFieldDefinition field;
      AKTE_ASSIGN_OR_RETURN(field.slot, Member<int>(entry, "slot", 0, "fields"));
      AKTE_ASSIGN_OR_RETURN(field.label, Member<std::string>(entry, "label", "", "fields"));
      AKTE_ASSIGN_OR_RETURN(field.type, Member<std::string>(entry, "type", "text", "fields"));
      AKTE_ASSIGN_OR_RETURN(field.choices,
                            Member<std::vector<std::string>>(entry, "choices", {}, "fields"));
      AKTE_RETURN_IF_ERROR(catalog_.DefineCustomField(by_, field)
                               .status()
                               .WithContext("field " + std::to_string(field.slot)));
    }
    return Status::Ok();
  }

  // A dry run of the customer CSV, once its custom fields are defined (the
  // contacts need the customers stored).
  Status CheckCustomers() {
    if (!manifest_.root().contains("customers_csv")) return Status::Ok();
    const fs::path path = manifest_.File(manifest_.root()["customers_csv"]);
    AKTE_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
    AKTE_ASSIGN_OR_RETURN(auto checked, archive::ImportCustomersCsv(catalog_, by_, bytes, {true}));
    return Refusal(path, checked);
  }

  // Customers, contacts and business records (with payments) go through
  // the CSV and vCard importers, in this order, as the contacts and records
  // name their customers: all or nothing each, with their problems listed
  // by line.
  Status CustomersContactsAndRecords() {
    using Importer = Result<archive::ImportReport> (*)(archive::Catalog&, const archive::Actor&,
                                                       std::string_view);
    struct File {
      const char* key;
      Importer import;
      std::size_t FirmImportReport::*count;
    };
    const std::vector<File> files = {
        {"customers_csv",
         [](archive::Catalog& c, const archive::Actor& by, std::string_view bytes) {
           return archive::ImportCustomersCsv(c, by, bytes);
         },
         &FirmImportReport::customers},
        {"contacts_vcf",
         [](archive::Catalog& c, const archive::Actor& by, std::string_view bytes) {
           return archive::ImportContactsVcf(c, by, bytes, "");
         },
         &FirmImportReport::contacts},
        {"records_csv",
         [](archive::Catalog& c, const archive::Actor& by, std::string_view bytes) {
           return archive::ImportBusinessRecordsCsv(c, by, bytes);
         },
         &FirmImportReport::records},
    };
    for (const auto& [key, import, count] : files) {
      if (!manifest_.root().contains(key)) continue;
      const fs::path path = manifest_.File(manifest_.root()[key]);
      AKTE_ASSIGN_OR_RETURN(std::string bytes, ReadFile(path));
      AKTE_ASSIGN_OR_RETURN(auto imported, import(catalog_, by_, bytes));
      AKTE_RETURN_IF_ERROR(Refusal(path, imported));
      report_.*count += imported.imported;
    }
    return Status::Ok();
  }

  Status Conditions() {
    for (const auto& entry : manifest_.List("conditions")) {
      AKTE_ASSIGN_OR_RETURN(auto customer, CustomerOf(entry, "conditions"));
      archive::Conditions conditions;
      conditions.customer_id = customer;
      AKTE_ASSIGN_OR_RETURN(conditions.price_list,
                            Member<std::string>(entry, "price_list", "", "conditions"));
      AKTE_ASSIGN_OR_RETURN(conditions.payment_terms,
                            Member<std::string>(entry, "payment_terms", "", "conditions"));
      AKTE_ASSIGN_OR_RETURN(conditions.delivery_terms,
                            Member<std::string>(entry, "delivery_terms", "", "conditions"));
      AKTE_ASSIGN_OR_RETURN(double discount, Member<double>(entry, "discount", 0, "conditions"));
      conditions.discount_basis_points = std::llround(discount * 100);
      AKTE_ASSIGN_OR_RETURN(double limit,
                            Member<double>(entry, "open_invoice_limit", -1, "conditions"));
      if (limit >= 0) conditions.open_invoice_limit_cents = std::llround(limit * 100);
      AKTE_RETURN_IF_ERROR(catalog_.SetConditions(by_, conditions).status());
      ++report_.conditions;
    }
    return Status::Ok();
  }

  Status Documents() {
    for (const auto& entry : manifest_.List("documents")) {
      const std::string path = entry["path"];
      archive::Document draft;
      AKTE_ASSIGN_OR_RETURN(draft.customer_id, CustomerOf(entry, path));
      AKTE_ASSIGN_OR_RETURN(draft.type, Member<std::string>(entry, "type", "", path));
      AKTE_ASSIGN_OR_RETURN(draft.title, Member<std::string>(entry, "title", "", path));
      AKTE_ASSIGN_OR_RETURN(draft.document_date, Member<std::string>(entry, "date", "", path));
      AKTE_ASSIGN_OR_RETURN(auto actor, ActorOf(entry, path));
      AKTE_RETURN_IF_ERROR(
          archive::StoreFile(dir_, actor, std::move(draft), manifest_.File(path)).status());
      ++report_.documents;
    }
    return Status::Ok();
  }

  Status Mailbox(const PipelineOptions& options) {
    if (!manifest_.root().contains("mailbox")) return Status::Ok();
    ExtractionPipeline pipeline(dir_, options);
    AKTE_ASSIGN_OR_RETURN(auto ids,
                          pipeline.ImportMailbox(by_, manifest_.File(manifest_.root()["mailbox"])));
    report_.mail_messages = ids.size();
    return Status::Ok();
  }

  Status NotesAndEvents() {
    for (const auto& entry : manifest_.List("notes")) {
      AKTE_ASSIGN_OR_RETURN(auto customer, CustomerOf(entry, "notes"));
      AKTE_ASSIGN_OR_RETURN(auto actor, ActorOf(entry, "notes"));
      AKTE_ASSIGN_OR_RETURN(auto text, Member<std::string>(entry, "text", "", "notes"));
      AKTE_ASSIGN_OR_RETURN(auto at, Member<std::string>(entry, "at", "", "notes"));
      AKTE_RETURN_IF_ERROR(catalog_.AddNote(actor, customer, std::nullopt, text, at).status());
      ++report_.notes;
    }
    for (const auto& entry : manifest_.List("events")) {
      archive::Event event;
      AKTE_ASSIGN_OR_RETURN(event.customer_id, CustomerOf(entry, "events"));
      AKTE_ASSIGN_OR_RETURN(auto actor, ActorOf(entry, "events"));
      AKTE_ASSIGN_OR_RETURN(event.type, Member<std::string>(entry, "type", "", "events"));
      AKTE_ASSIGN_OR_RETURN(event.occurred_at, Member<std::string>(entry, "at", "", "events"));
      AKTE_ASSIGN_OR_RETURN(event.subject, Member<std::string>(entry, "subject", "", "events"));
      AKTE_ASSIGN_OR_RETURN(event.text, Member<std::string>(entry, "text", "", "events"));
      AKTE_RETURN_IF_ERROR(catalog_.AddEvent(actor, event).status());
      ++report_.events;
    }
    return Status::Ok();
  }

  const FirmImportReport& report() const { return report_; }

 private:
  // The first problem with its line, the lines of a few more, and how
  // many there are.
  static Status Refusal(const fs::path& path, const archive::ImportReport& report) {
    if (report.ok()) return Status::Ok();
    constexpr std::size_t kMoreLines = 5;
    const auto& problems = report.problems;
    std::string more;
    for (std::size_t i = 1; i < problems.size() && i <= kMoreLines; ++i) {
      more += (more.empty() ? "" : ", ") + std::to_string(problems[i].line);
    }
    if (problems.size() > kMoreLines + 1) more += ", ...";
    if (!more.empty()) more = (problems.size() > 2 ? "also lines " : "also line ") + more + "; ";
    return Status::InvalidArgument(path.string() + ":" + std::to_string(problems.front().line) +
                                   ": " + problems.front().message + " (" + more +
                                   std::to_string(problems.size()) +
                                   " problems in all; nothing of the file was imported)");
  }

  Result<archive::Id> CustomerOf(const json& entry, const std::string& where) {
    AKTE_ASSIGN_OR_RETURN(auto number, Member<std::string>(entry, "customer", "", where));
    auto customer = catalog_.FindCustomerByNumber(number);
    if (!customer.ok()) return customer.status().WithContext(where);
    return customer->id;
  }

  Result<archive::Actor> ActorOf(const json& entry, const std::string& where) {
    AKTE_ASSIGN_OR_RETURN(auto username, Member<std::string>(entry, "by", "", where));
    auto actor = catalog_.ActorFor(username);
    if (!actor.ok()) return actor.status().WithContext(where);
    return *actor;
  }

  archive::DataDir& dir_;
  archive::Catalog& catalog_;
  const archive::Actor& by_;
  const Manifest& manifest_;
  FirmImportReport report_;
};

}  // namespace

Result<FirmImportReport> ImportFirm(archive::DataDir& dir, const archive::Actor& by,
                                    const fs::path& manifest_path, const PipelineOptions& options) {
  AKTE_ASSIGN_OR_RETURN(Manifest manifest, Manifest::Load(manifest_path));
  archive::CustomerListOptions one;
  one.limit = 1;
  one.include_archived = true;
  AKTE_ASSIGN_OR_RETURN(auto existing, dir.catalog().ListCustomers(one));
  if (!existing.empty()) {
    return Status::FailedPrecondition(
        dir.root().string() +
        " already holds customers; a firm is loaded into a new data directory only");
  }
  Loader loader(dir, by, manifest);
  AKTE_RETURN_IF_ERROR(loader.Users());
  AKTE_RETURN_IF_ERROR(loader.Settings());
  AKTE_RETURN_IF_ERROR(loader.Fields());
  AKTE_RETURN_IF_ERROR(loader.CheckCustomers());
  AKTE_RETURN_IF_ERROR(loader.CustomersContactsAndRecords());
  AKTE_RETURN_IF_ERROR(loader.Conditions());
  AKTE_RETURN_IF_ERROR(loader.Documents());
  AKTE_RETURN_IF_ERROR(loader.Mailbox(options));
  AKTE_RETURN_IF_ERROR(loader.NotesAndEvents());
  return loader.report();
}

}  // namespace akte::indexer
