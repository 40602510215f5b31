// akte log call|sms|email: a communication recorded in one step, for
// scripts and telephone systems.
#include <iostream>

#include "akte/archive/communication.h"
#include "akte/archive/folder_import.h"
#include "context.h"
#include "extraction.h"

namespace akte::cli {
namespace {

using archive::DataDir;

struct LogValues {
  archive::Communication communication;
  std::string customer;
  std::string file;
  archive::Id contact = 0;
  bool no_extract = false;
};

// Files the email's own file for the event's customer and links it; the
// event is checked first, so a refused one stores nothing.
Status FileEmail(DataDir& dir, const archive::Actor& by, const std::string& path,
                 archive::Event& event) {
  archive::Document draft;
  draft.customer_id = event.customer_id;
  draft.contact_id = event.contact_id;
  draft.type = "E-Mail";
  AKTE_ASSIGN_OR_RETURN(auto stored, archive::StoreFile(dir, by, draft, path));
  event.document_ids = {stored.document.id};
  return Status::Ok();
}

}  // namespace

void AddLogCommand(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "log", "Record a call, SMS or email in the history in one step (for scripts and phones)");
  auto v = std::make_shared<LogValues>();
  cmd->add_option("channel", v->communication.channel, "call, sms or email")
      ->required()
      ->check(CLI::IsMember({"call", "sms", "email"}));
  cmd->add_option("--customer", v->customer, "Customer number (default: whose --with is)");
  cmd->add_option("--with", v->communication.counterpart,
                  "The other side's phone number or email address");
  cmd->add_flag("--incoming", v->communication.incoming, "It came in (default: outgoing)");
  auto* contact = cmd->add_option("--contact", v->contact, "Contact person id");
  cmd->add_option("--subject", v->communication.subject, "Subject (default: channel and --with)");
  cmd->add_option("--text", v->communication.text, "Text, such as what was said");
  cmd->add_option("--at", v->communication.occurred_at, "When it happened (default: now)");
  cmd->add_option("--file", v->file, "The email's file (.eml), filed as a document")
      ->check(CLI::ExistingFile);
  cmd->add_flag("--no-extract", v->no_extract, "Only store the file; extract later");
  OnRunAs(cmd, ctx, [v, contact](DataDir& dir, const archive::Actor& actor) {
    archive::Communication communication = v->communication;
    if (!v->customer.empty()) {
      auto customer = CustomerByNumber(dir, v->customer);
      if (!customer.ok()) return Fail(customer.status());
      communication.customer_id = customer->id;
    }
    if (contact->count()) communication.contact_id = v->contact;
    if (!v->file.empty() && communication.channel != archive::kChannelEmail) {
      return Fail(Status::InvalidArgument("--file is for emails only"));
    }
    auto event = archive::CommunicationEvent(dir.catalog(), communication);
    if (!event.ok()) return Fail(event.status());
    if (!v->file.empty()) {
      if (Status filed = FileEmail(dir, actor, v->file, *event); !filed.ok()) return Fail(filed);
    }
    auto stored = dir.catalog().AddEvent(actor, *event);
    if (!stored.ok()) return Fail(stored.status());
    std::cout << "Recorded event " << stored->id << " (" << stored->type << ": " << stored->subject
              << ").\n";
    return v->file.empty() || v->no_extract ? kExitOk : ExtractAndReport(dir);
  });
}

}  // namespace akte::cli
