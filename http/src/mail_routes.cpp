// Sending email from the customer file, and the history settings the web
// page follows when someone writes, calls or texts a customer.
#include "akte/archive/mail_sending.h"
#include "route_helpers.h"

namespace akte::http {
namespace {

// {"to", "contact_id", "subject", "text", "remarks"}: sends, files the
// message and records it; 201 with the document, the event (null with
// history.email "none") and the Message-ID. A mail server that cannot be
// reached or refuses the message is a bad gateway (502, code
// "smtp_error"); nothing is stored then.
Status Send(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto customer_id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  JsonFields fields(body);
  archive::OutgoingEmail email;
  email.customer_id = customer_id;
  std::optional<std::int64_t> contact_id;
  AKTE_RETURN_IF_ERROR(fields.Text("to", email.to));
  AKTE_RETURN_IF_ERROR(fields.OptionalInteger("contact_id", contact_id));
  AKTE_RETURN_IF_ERROR(fields.Text("subject", email.subject));
  AKTE_RETURN_IF_ERROR(fields.Text("text", email.text));
  AKTE_RETURN_IF_ERROR(fields.Text("remarks", email.remarks));
  AKTE_RETURN_IF_ERROR(fields.RejectUnknown());
  email.contact_id = contact_id;
  auto sent = archive::SendEmail(call.services.dir, call.caller().actor(), email);
  if (!sent.ok() && sent.status().code() == StatusCode::kUnavailable &&
      sent.status().field() == "smtp") {
    ReplyError(call.response, 502, "smtp_error", sent.status().message(), "");
    return Status::Ok();
  }
  if (!sent.ok()) return sent.status();
  call.services.background->Notify();
  call.response.set_header("Location", "/api/v1/documents/" + std::to_string(sent->document.id));
  call.Reply(201, {{"document", AsJson(sent->document)},
                   {"event", sent->event ? AsJson(*sent->event) : nlohmann::json(nullptr)},
                   {"message_id", sent->message_id},
                   {"to", sent->recipient},
                   {"history", sent->history}});
  return Status::Ok();
}

Status HistorySettings(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto history, archive::LoadHistorySettings(call.services.catalog()));
  call.Reply(200, {{"email", history.email}, {"sms", history.sms}, {"call", history.call}});
  return Status::Ok();
}

}  // namespace

void AddMailRoutes(Router& router) {
  router.Add("POST", "/api/v1/customers/{id}/emails", Access::kWrite, Send);
  router.Add("GET", "/api/v1/history-settings", Access::kRead, HistorySettings);
}

}  // namespace akte::http
