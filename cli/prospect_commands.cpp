// akte prospect status|convert: moving a prospect (Interessent) through the
// sales pipeline and making it a customer.
#include <iostream>

#include "akte/archive/pipeline.h"
#include "context.h"

namespace akte::cli {
namespace {

using archive::Customer;
using archive::DataDir;

// The customer with this number, else (for a plain number) with this id.
Result<Customer> ProspectNamed(DataDir& dir, const std::string& number_or_id) {
  auto by_number = CustomerByNumber(dir, number_or_id);
  if (by_number.ok() || by_number.status().code() != StatusCode::kNotFound) return by_number;
  if (!number_or_id.empty() && number_or_id.find_first_not_of("0123456789") == std::string::npos &&
      number_or_id.size() < 18) {
    auto by_id = dir.catalog().GetCustomer(std::stoll(number_or_id));
    if (by_id.ok()) return by_id;
  }
  return by_number;
}

void AddProspectStatus(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand(
      "status",
      "Move a prospect in the sales pipeline: neu, kontaktiert, \"Angebot gesendet\", gewonnen, "
      "verloren (or new, contacted, offer_sent, won, lost)");
  struct Values {
    std::string customer, status, remark;
  };
  auto v = std::make_shared<Values>();
  cmd->add_option("customer", v->customer, "Customer number (or id) of the prospect")->required();
  cmd->add_option("status", v->status, "The new status")->required();
  cmd->add_option("--remark", v->remark, "Why, recorded in the history");
  OnRunAs(cmd, ctx, [v](DataDir& dir, const archive::Actor& actor) {
    auto status = archive::ParsePipelineStatus(v->status);
    if (!status) {
      return Fail(Status::InvalidArgument(
          "'" + v->status +
              "' is no pipeline status; use neu, kontaktiert, \"Angebot gesendet\", gewonnen or "
              "verloren (new, contacted, offer_sent, won, lost)",
          "status"));
    }
    auto prospect = ProspectNamed(dir, v->customer);
    if (!prospect.ok()) return Fail(prospect.status());
    auto moved =
        dir.catalog().SetPipelineStatus(actor, prospect->id, prospect->version, *status, v->remark);
    if (!moved.ok()) return Fail(moved.status());
    std::cout << "Prospect " << moved->number << " (" << moved->DisplayName()
              << "): " << archive::PipelineStatusGerman(prospect->pipeline_status) << " → "
              << archive::PipelineStatusGerman(moved->pipeline_status) << ".\n";
    return kExitOk;
  });
}

void AddProspectConvert(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand(
      "convert", "Make a prospect a customer; its whole file and history stay with it");
  struct Values {
    std::string customer, number;
  };
  auto v = std::make_shared<Values>();
  cmd->add_option("customer", v->customer, "Customer number (or id) of the prospect")->required();
  cmd->add_option("--number", v->number, "Give it this customer number");
  OnRunAs(cmd, ctx, [v](DataDir& dir, const archive::Actor& actor) {
    auto prospect = ProspectNamed(dir, v->customer);
    if (!prospect.ok()) return Fail(prospect.status());
    auto converted =
        dir.catalog().ConvertProspect(actor, prospect->id, prospect->version, v->number);
    if (!converted.ok()) return Fail(converted.status());
    std::cout << "Converted prospect " << prospect->number << " to customer " << converted->number
              << " (" << converted->DisplayName() << ").\n";
    return kExitOk;
  });
}

}  // namespace

void AddProspectCommands(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand(
      "prospect", "Prospects (Interessenten): the sales pipeline and conversion to customers");
  group->require_subcommand(1);
  AddProspectStatus(*group, ctx);
  AddProspectConvert(*group, ctx);
}

}  // namespace akte::cli
