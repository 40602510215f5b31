// akte contact add|list|import.
#include <iostream>

#include "akte/archive/export.h"
#include "akte/archive/import.h"
#include "akte/archive/json.h"
#include "context.h"
#include "printer.h"

namespace akte::cli {
namespace {

using archive::Contact;
using archive::DataDir;

void AddContactAdd(CLI::App& parent, Context& ctx) {
  auto* cmd = parent.add_subcommand("add", "Add a contact person to a customer");
  struct Values {
    std::string customer;
    Contact contact;
    std::vector<std::string> phones, mobiles, faxes;
  };
  auto v = std::make_shared<Values>();
  cmd->add_option("customer", v->customer, "Customer number")->required();
  cmd->add_option("--last-name", v->contact.last_name, "Last name")->required();
  cmd->add_option("--first-name", v->contact.first_name, "First name");
  cmd->add_option("--salutation", v->contact.salutation, "Salutation (Frau, Herr, ...)");
  cmd->add_option("--title", v->contact.title, "Academic title (Dr., Prof.)");
  cmd->add_option("--role", v->contact.role, "Role or position (Geschäftsführerin, Einkauf)");
  cmd->add_option("--department", v->contact.department, "Department (Abteilung)");
  cmd->add_option("--email", v->contact.emails, "Email address (repeat for more)");
  cmd->add_option("--phone", v->phones, "Phone number (repeat for more)");
  cmd->add_option("--mobile", v->mobiles, "Mobile number");
  cmd->add_option("--fax", v->faxes, "Fax number");
  cmd->add_option("--birthday", v->contact.birthday, "Birthday");
  cmd->add_option("--remarks", v->contact.remarks, "Remarks");
  OnRunAs(cmd, ctx, [v](DataDir& dir, const archive::Actor& actor) {
    auto customer = CustomerByNumber(dir, v->customer);
    if (!customer.ok()) return Fail(customer.status());
    Contact draft = v->contact;
    draft.customer_id = customer->id;
    for (const auto& n : v->phones) draft.phones.push_back({"phone", n});
    for (const auto& n : v->mobiles) draft.phones.push_back({"mobile", n});
    for (const auto& n : v->faxes) draft.phones.push_back({"fax", n});
    auto created = dir.catalog().CreateContact(actor, draft);
    if (!created.ok()) return Fail(created.status());
    std::cout << "Added contact " << created->id << " (" << created->DisplayName() << ") to "
              << customer->number << ".\n";
    return kExitOk;
  });
}

void AddContactImport(CLI::App& parent, Context& ctx) {
  auto* cmd = parent.add_subcommand(
      "import", "Import contact persons from a vCard file (3.0/4.0; all cards or none)");
  auto path = std::make_shared<std::string>();
  auto customer = std::make_shared<std::string>();
  auto dry_run = std::make_shared<bool>(false);
  cmd->add_option("file", *path, "vCard file (.vcf)")->required();
  cmd->add_option("--customer", *customer,
                  "Customer number for every card (default: match each card's ORG)");
  cmd->add_flag("--dry-run", *dry_run, "Check the file, import nothing");
  OnRunAs(cmd, ctx, [=](DataDir& dir, const archive::Actor& actor) {
    auto bytes = ReadWholeFile(*path);
    if (!bytes.ok()) return Fail(bytes.status());
    auto report = archive::ImportContactsVcf(dir.catalog(), actor, *bytes, *customer, {*dry_run});
    if (!report.ok()) return Fail(report.status());
    return PrintImportReport(*report, *dry_run, "contacts");
  });
}

void AddContactExport(CLI::App& parent, Context& ctx) {
  auto* cmd = parent.add_subcommand(
      "export", "Write contact persons as vCards (of one customer, or of all customers)");
  struct Values {
    std::string customer, version = "4.0", output;
  };
  auto v = std::make_shared<Values>();
  cmd->add_option("customer", v->customer, "Customer number (default: every customer)");
  cmd->add_option("--vcard-version", v->version, "4.0, or 3.0 for older address books")
      ->check(CLI::IsMember({"4.0", "3.0"}));
  cmd->add_option("-o,--output", v->output, "Write to this file (default: standard output)");
  OnRun(cmd, ctx, [v](DataDir& dir) {
    std::optional<archive::Id> customer_id;
    if (!v->customer.empty()) {
      auto customer = CustomerByNumber(dir, v->customer);
      if (!customer.ok()) return Fail(customer.status());
      customer_id = customer->id;
    }
    auto cards = archive::ContactCards(dir.catalog(), customer_id);
    if (!cards.ok()) return Fail(cards.status());
    const std::string vcf = archive::ExportContactsVcf(
        *cards, v->version == "3.0" ? archive::VcardVersion::k30 : archive::VcardVersion::k40);
    return WriteOutput(v->output, vcf);
  });
}

}  // namespace

void AddContactCommands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("contact", "Contact persons (Ansprechpartner)");
  group->require_subcommand(1);
  AddContactAdd(*group, ctx);
  AddCustomerView(
      *group, ctx, "list", "List a customer's contact persons",
      [](DataDir& dir, archive::Id id) { return dir.catalog().ListContacts(id); },
      [](std::ostream& out, const std::vector<archive::Contact>& contacts) {
        PrintContactTable(out, contacts);
      });
  AddContactImport(*group, ctx);
  AddContactExport(*group, ctx);
}

}  // namespace akte::cli
