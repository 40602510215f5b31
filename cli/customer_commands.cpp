// akte customer add|edit|archive|list|show|import, conditions set, field define|list.
#include <cmath>
#include <iostream>

#include "akte/archive/import.h"
#include "akte/archive/json.h"
#include "akte/archive/pipeline.h"
#include "context.h"
#include "printer.h"

namespace akte::cli {
namespace {

using archive::Customer;
using archive::DataDir;

// The master-data options shared by `customer add` and `customer edit`. Only
// options that were given change the record.
class CustomerFlags {
 public:
  void Register(CLI::App* cmd) {
    Text(cmd, "--company", &Customer::company, "Company name (Firma)");
    Text(cmd, "--legal-form", &Customer::legal_form, "Legal form (GmbH, AG, e.K., ...)");
    Text(cmd, "--salutation", &Customer::salutation, "Salutation (Anrede)");
    Text(cmd, "--first-name", &Customer::first_name, "First name");
    Text(cmd, "--last-name", &Customer::last_name, "Last name");
    Text(cmd, "--street", &Customer::street, "Street and house number");
    Text(cmd, "--postal-code", &Customer::postal_code, "Postal code (PLZ)");
    Text(cmd, "--city", &Customer::city, "City");
    Text(cmd, "--country", &Customer::country, "Country (DE, AT, CH or a name)");
    Text(cmd, "--website", &Customer::website, "Website");
    Text(cmd, "--birthday", &Customer::birthday, "Birthday (sole traders, persons)");
    Text(cmd, "--remarks", &Customer::remarks, "Remarks (Anmerkungen)");
    emails_ = cmd->add_option("--email", email_values_, "Email address (repeat for more)");
    phones_ = cmd->add_option("--phone", phone_values_, "Phone number (repeat for more)");
    mobiles_ = cmd->add_option("--mobile", mobile_values_, "Mobile number");
    faxes_ = cmd->add_option("--fax", fax_values_, "Fax number");
    cmd->add_option("--field", field_values_, "Custom field value as SLOT=VALUE (repeat for more)");
    prospect_ =
        cmd->add_flag("--prospect")->description("A prospect (Interessent), not yet a customer");
    customer_ =
        cmd->add_flag("--customer")->description("A customer (turns a prospect into a customer)");
  }

  Status Apply(Customer& c) const {
    for (const auto& [option, member, value] : text_) {
      if (option->count() > 0) c.*member = *value;
    }
    if (emails_->count() > 0) c.emails = email_values_;
    if (phones_->count() + mobiles_->count() + faxes_->count() > 0) {
      c.phones.clear();
      for (const auto& n : phone_values_) c.phones.push_back({"phone", n});
      for (const auto& n : mobile_values_) c.phones.push_back({"mobile", n});
      for (const auto& n : fax_values_) c.phones.push_back({"fax", n});
    }
    for (const auto& assignment : field_values_) {
      auto eq = assignment.find('=');
      int slot = 0;
      if (eq != std::string::npos && eq > 0 && eq <= 2 &&
          assignment.find_first_not_of("0123456789") == eq) {
        slot = std::stoi(assignment.substr(0, eq));
      }
      if (slot < 1 || slot > archive::kCustomFieldSlots) {
        return Status::InvalidArgument("--field expects SLOT=VALUE with SLOT 1..20, not '" +
                                       assignment + "'");
      }
      c.custom_fields[slot] = assignment.substr(eq + 1);
    }
    if (prospect_->count() > 0) c.kind = archive::kKindProspect;
    if (customer_->count() > 0) c.kind = archive::kKindCustomer;
    return Status::Ok();
  }

 private:
  void Text(CLI::App* cmd, const std::string& name, std::string Customer::*member,
            const std::string& help) {
    auto value = std::make_shared<std::string>();
    text_.push_back({cmd->add_option(name, *value, help), member, value});
  }

  struct TextOption {
    CLI::Option* option;
    std::string Customer::*member;
    std::shared_ptr<std::string> value;
  };
  std::vector<TextOption> text_;
  std::vector<std::string> email_values_, phone_values_, mobile_values_, fax_values_, field_values_;
  CLI::Option *emails_ = nullptr, *phones_ = nullptr, *mobiles_ = nullptr, *faxes_ = nullptr;
  CLI::Option *prospect_ = nullptr, *customer_ = nullptr;
};

void AddCustomerAdd(CLI::App& parent, Context& ctx) {
  auto* cmd = parent.add_subcommand("add", "Create a customer or prospect");
  auto number = std::make_shared<std::string>();
  auto flags = std::make_shared<CustomerFlags>();
  cmd->add_option("number", *number, "Customer number (unique)")->required();
  flags->Register(cmd);
  OnRunAs(cmd, ctx, [number, flags](DataDir& dir, const archive::Actor& actor) {
    Customer draft;
    draft.number = *number;
    if (Status s = flags->Apply(draft); !s.ok()) return Fail(s);
    auto created = dir.catalog().CreateCustomer(actor, draft);
    if (!created.ok()) return Fail(created.status());
    std::cout << "Created " << created->kind << " " << created->number << " ("
              << created->DisplayName() << ").\n";
    return kExitOk;
  });
}

void AddCustomerEdit(CLI::App& parent, Context& ctx) {
  auto* cmd = parent.add_subcommand("edit", "Change a customer's master data");
  auto number = std::make_shared<std::string>();
  auto new_number = std::make_shared<std::string>();
  auto flags = std::make_shared<CustomerFlags>();
  cmd->add_option("number", *number, "Customer number")->required();
  auto* renumber = cmd->add_option("--number", *new_number, "Give the customer a new number");
  flags->Register(cmd);
  OnRunAs(cmd, ctx, [=](DataDir& dir, const archive::Actor& actor) {
    auto customer = CustomerByNumber(dir, *number);
    if (!customer.ok()) return Fail(customer.status());
    if (renumber->count() > 0) customer->number = *new_number;
    if (Status s = flags->Apply(*customer); !s.ok()) return Fail(s);
    auto updated = dir.catalog().UpdateCustomer(actor, *customer);
    if (!updated.ok()) return Fail(updated.status());
    std::cout << "Updated customer " << updated->number << " (version " << updated->version
              << ").\n";
    return kExitOk;
  });
}

void AddCustomerArchive(CLI::App& parent, Context& ctx) {
  auto* cmd = parent.add_subcommand("archive", "Archive a customer (hidden from lists, file kept)");
  auto number = std::make_shared<std::string>();
  cmd->add_option("number", *number, "Customer number")->required();
  OnRunAs(cmd, ctx, [number](DataDir& dir, const archive::Actor& actor) {
    auto customer = CustomerByNumber(dir, *number);
    if (!customer.ok()) return Fail(customer.status());
    auto archived = dir.catalog().ArchiveCustomer(actor, customer->id, customer->version);
    if (!archived.ok()) return Fail(archived.status());
    std::cout << "Archived customer " << archived->number << ".\n";
    return kExitOk;
  });
}

void AddCustomerList(CLI::App& parent, Context& ctx) {
  auto* cmd = parent.add_subcommand("list", "List customers and prospects");
  auto options = std::make_shared<archive::CustomerListOptions>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("--kind", options->kind, "Only customer or prospect")
      ->check(CLI::IsMember({"customer", "prospect"}));
  cmd->add_option("--filter", options->filter,
                  "Only those whose number, name or city contains this");
  auto status = std::make_shared<std::string>();
  cmd->add_option("--status", *status,
                  "Only prospects at this pipeline status (neu, kontaktiert, \"Angebot gesendet\", "
                  "gewonnen, verloren; or new, contacted, offer_sent, won, lost)");
  cmd->add_option("--sort", options->sort, "number, name, city, created_at or updated_at");
  cmd->add_flag("--desc", options->descending, "Sort descending");
  cmd->add_flag("--archived", options->include_archived, "Include archived customers");
  cmd->add_option("--limit", options->limit, "At most this many")->check(CLI::NonNegativeNumber);
  cmd->add_option("--offset", options->offset, "Skip this many")->check(CLI::NonNegativeNumber);
  cmd->add_flag("--json", *json, "Print JSON");
  OnRun(cmd, ctx, [options, json, status](DataDir& dir) {
    if (!status->empty()) {
      // As typed in German or English; the catalog names what it cannot read.
      options->pipeline_status = archive::ParsePipelineStatus(*status).value_or(*status);
    }
    auto customers = dir.catalog().ListCustomers(*options);
    if (!customers.ok()) return Fail(customers.status());
    if (*json) {
      std::cout << archive::ToJson(*customers, 2) << "\n";
    } else {
      PrintCustomerTable(std::cout, *customers);
    }
    return kExitOk;
  });
}

void AddConditions(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("conditions", "A customer's conditions (Konditionen)");
  group->require_subcommand(1);
  auto* cmd = group->add_subcommand("set", "Set price list, discount, terms and limit");
  struct Values {
    std::string number, price_list, delivery, payment;
    double discount = 0, limit = 0;
  };
  auto v = std::make_shared<Values>();
  cmd->add_option("customer", v->number, "Customer number")->required();
  auto* price = cmd->add_option("--price-list", v->price_list, "Price list (Preisliste)");
  auto* discount = cmd->add_option("--discount", v->discount, "Discount in percent (2.5)")
                       ->check(CLI::Range(0.0, 100.0));
  auto* delivery = cmd->add_option("--delivery-terms", v->delivery, "Delivery terms");
  auto* payment = cmd->add_option("--payment-terms", v->payment, "Payment terms");
  auto* limit = cmd->add_option("--open-invoice-limit", v->limit,
                                "Open-invoice limit in euros (Offene-Posten-Limit)")
                    ->check(CLI::NonNegativeNumber);
  OnRunAs(cmd, ctx, [=](DataDir& dir, const archive::Actor& actor) {
    auto customer = CustomerByNumber(dir, v->number);
    if (!customer.ok()) return Fail(customer.status());
    auto current = dir.catalog().GetConditions(customer->id);
    if (!current.ok()) return Fail(current.status());
    archive::Conditions c = current->value_or(archive::Conditions{});
    c.customer_id = customer->id;
    if (price->count()) c.price_list = v->price_list;
    if (discount->count()) c.discount_basis_points = std::llround(v->discount * 100);
    if (delivery->count()) c.delivery_terms = v->delivery;
    if (payment->count()) c.payment_terms = v->payment;
    if (limit->count()) c.open_invoice_limit_cents = std::llround(v->limit * 100);
    auto stored = dir.catalog().SetConditions(actor, c);
    if (!stored.ok()) return Fail(stored.status());
    std::cout << "Conditions of " << customer->number << " saved.\n";
    return kExitOk;
  });
}

void AddFieldCommands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("field", "Custom field definitions (Individuelle Felder)");
  group->require_subcommand(1);
  auto* define = group->add_subcommand("define", "Set the label and type of a field slot");
  auto def = std::make_shared<archive::CustomFieldDefinition>();
  define->add_option("slot", def->slot, "Slot 1..20")->required()->check(CLI::Range(1, 20));
  define->add_option("label", def->label, "Label shown to users")->required();
  define->add_option("--type", def->type, "text, number, date, bool or choice")
      ->check(CLI::IsMember({"text", "number", "date", "bool", "choice"}));
  define->add_option("--choice", def->choices, "An allowed value of a choice field (repeat)");
  OnRunAs(define, ctx, [def](DataDir& dir, const archive::Actor& actor) {
    auto stored = dir.catalog().DefineCustomField(actor, *def);
    if (!stored.ok()) return Fail(stored.status());
    std::cout << "Field " << stored->slot << " is now '" << stored->label << "' (" << stored->type
              << ").\n";
    return kExitOk;
  });
  auto* list = group->add_subcommand("list", "List the defined custom fields");
  OnRun(list, ctx, [](DataDir& dir) {
    auto fields = dir.catalog().ListCustomFields();
    if (!fields.ok()) return Fail(fields.status());
    PrintFieldDefinitions(std::cout, *fields);
    return kExitOk;
  });
}

void AddBirthdays(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("birthdays", "Coming birthdays of customers and contact persons");
  struct Values {
    std::string from;
    int days = 14;
    bool json = false;
  };
  auto v = std::make_shared<Values>();
  cmd->add_option("--from", v->from, "The first day (default: today)");
  cmd->add_option("--days", v->days, "How many days ahead");
  cmd->add_flag("--json", v->json, "Print JSON");
  OnRun(cmd, ctx, [v](DataDir& dir) {
    std::string from = LocalToday();
    if (!v->from.empty()) {
      auto date = NormalizeDate(v->from);
      if (!date.ok()) return Fail(date.status().WithContext("--from"));
      from = *date;
    }
    auto birthdays = dir.catalog().UpcomingBirthdays(from, v->days);
    if (!birthdays.ok()) return Fail(birthdays.status());
    if (v->json) {
      std::cout << archive::ToJson(*birthdays, 2) << "\n";
    } else {
      PrintBirthdays(std::cout, *birthdays);
    }
    return kExitOk;
  });
}

}  // namespace

void AddCustomerCommands(CLI::App& app, Context& ctx) {
  AddBirthdays(app, ctx);
  auto* group = app.add_subcommand("customer", "Customers and prospects (Kunden, Interessenten)");
  group->require_subcommand(1);
  AddCustomerAdd(*group, ctx);
  AddCustomerEdit(*group, ctx);
  AddCustomerArchive(*group, ctx);
  AddCustomerList(*group, ctx);
  AddCustomerView(
      *group, ctx, "show", "Print a customer's whole file",
      [](DataDir& dir, archive::Id id) { return dir.catalog().GetCustomerFile(id); },
      [](std::ostream& out, const archive::CustomerFile& file) { PrintCustomerFile(out, file); });
  AddCsvImport(*group, ctx, "import",
               "Import customers from CSV (German or English headers; all rows or none)",
               "customers", archive::ImportCustomersCsv);
  AddConditions(app, ctx);
  AddFieldCommands(app, ctx);
}

}  // namespace akte::cli
