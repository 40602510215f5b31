// akte mail send: write to a customer through the firm's mail server; the
// message is filed in the customer file and recorded as history.email says.
#include <iostream>

#include "akte/archive/mail_sending.h"
#include "context.h"

namespace akte::cli {
namespace {

using archive::DataDir;

struct SendValues {
  archive::OutgoingEmail email;
  std::string customer;
  std::string text_file;
  archive::Id contact = 0;
};

void AddMailSend(CLI::App& group, Context& ctx) {
  auto* cmd = group.add_subcommand(
      "send", "Send an email to a customer or contact and file it in the customer file");
  auto v = std::make_shared<SendValues>();
  cmd->add_option("--customer", v->customer, "Customer number")->required();
  auto* contact =
      cmd->add_option("--contact", v->contact, "Contact person id (must be the customer's)");
  cmd->add_option("--to", v->email.to,
                  "Recipient's address (default: the contact's, else the customer's first)");
  cmd->add_option("--subject", v->email.subject, "Subject")->required();
  auto* text = cmd->add_option("--text", v->email.text, "The message text");
  auto* file =
      cmd->add_option("--text-file", v->text_file, "Read the message text (UTF-8) from a file")
          ->check(CLI::ExistingFile);
  text->excludes(file);
  cmd->add_option("--remarks", v->email.remarks,
                  "Your remarks for the history entry (default: the recipient and the text)");
  OnRunAs(cmd, ctx, [v, contact](DataDir& dir, const archive::Actor& actor) {
    archive::OutgoingEmail email = v->email;
    auto customer = CustomerByNumber(dir, v->customer);
    if (!customer.ok()) return Fail(customer.status());
    email.customer_id = customer->id;
    if (contact->count()) email.contact_id = v->contact;
    if (!v->text_file.empty()) {
      auto read = ReadWholeFile(v->text_file);
      if (!read.ok()) return Fail(read.status());
      email.text = std::move(*read);
    }
    auto sent = archive::SendEmail(dir, actor, email);
    if (!sent.ok()) return Fail(sent.status());
    std::cout << "Sent to " << sent->recipient << " (Message-ID <" << sent->message_id
              << ">), filed as document " << sent->document.id;
    if (sent->event) {
      std::cout << ", recorded as event " << sent->event->id << " (" << sent->event->type << ")";
    } else {
      std::cout << "; no history event (history.email is none)";
    }
    std::cout << ".\n";
    return kExitOk;
  });
}

}  // namespace

void AddMailCommands(CLI::App& app, Context& ctx) {
  // `akte mail import` (extract_commands.cpp) made the group already.
  auto found = app.get_subcommands([](CLI::App* sub) { return sub->get_name() == "mail"; });
  CLI::App* group = found.empty() ? nullptr : found.front();
  if (!group) {
    group = app.add_subcommand("mail", "Emails");
    group->require_subcommand(1);
  }
  AddMailSend(*group, ctx);
}

}  // namespace akte::cli
