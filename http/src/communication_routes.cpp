// POST /communications: a call, SMS or email recorded in one step, for
// scripts and telephone systems.
#include "akte/archive/communication.h"
#include "route_helpers.h"
#include "transfer.h"

namespace akte::http {
namespace {

Result<bool> IsIncoming(const std::string& direction) {
  if (direction == "in") return true;
  if (direction.empty() || direction == "out") return false;
  return Status::InvalidArgument("direction is in or out, not '" + direction + "'", "direction");
}

// The fields of a JSON body.
Result<archive::Communication> FromJson(const Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  JsonFields fields(body);
  archive::Communication c;
  std::string direction;
  std::optional<std::int64_t> customer_id, contact_id;
  AKTE_RETURN_IF_ERROR(fields.Text("channel", c.channel));
  AKTE_RETURN_IF_ERROR(fields.Text("direction", direction));
  AKTE_RETURN_IF_ERROR(fields.OptionalInteger("customer_id", customer_id));
  AKTE_RETURN_IF_ERROR(fields.Text("counterpart", c.counterpart));
  AKTE_RETURN_IF_ERROR(fields.OptionalInteger("contact_id", contact_id));
  AKTE_RETURN_IF_ERROR(fields.Text("subject", c.subject));
  AKTE_RETURN_IF_ERROR(fields.Text("text", c.text));
  AKTE_RETURN_IF_ERROR(fields.Text("occurred_at", c.occurred_at));
  AKTE_RETURN_IF_ERROR(fields.RejectUnknown());
  AKTE_ASSIGN_OR_RETURN(c.incoming, IsIncoming(direction));
  c.customer_id = customer_id;
  c.contact_id = contact_id;
  return c;
}

// The same fields as query parameters, when the body is the email's file.
Result<archive::Communication> FromQuery(const Call& call) {
  archive::Communication c;
  c.channel = call.Query("channel", std::string(archive::kChannelEmail));
  if (c.channel != archive::kChannelEmail) {
    return Status::InvalidArgument("only an email comes with a file; send other channels as JSON",
                                   "channel");
  }
  AKTE_ASSIGN_OR_RETURN(c.incoming, IsIncoming(call.Query("direction")));
  AKTE_ASSIGN_OR_RETURN(c.customer_id, OptionalQueryId(call, "customer_id"));
  AKTE_ASSIGN_OR_RETURN(c.contact_id, OptionalQueryId(call, "contact_id"));
  c.counterpart = call.Query("counterpart");
  c.subject = call.Query("subject");
  c.text = call.Query("text");
  c.occurred_at = call.Query("occurred_at");
  return c;
}

// A JSON body describes the communication; any other body (message/rfc822,
// or multipart) is the email's file, described by the query, and is filed
// as a document linked to the event — after the event was checked, so a
// refused one stores nothing.
Status LogCommunication(Call& call) {
  const bool with_file =
      !call.request.get_header_value("Content-Type").starts_with("application/json");
  AKTE_ASSIGN_OR_RETURN(auto communication, with_file ? FromQuery(call) : FromJson(call));
  auto& catalog = call.services.catalog();
  AKTE_ASSIGN_OR_RETURN(archive::Event event, archive::CommunicationEvent(catalog, communication));
  if (with_file) {
    UploadTarget target{event.customer_id, event.contact_id, "E-Mail", "", ""};
    AKTE_ASSIGN_OR_RETURN(
        auto uploaded,
        ReceiveUploads(call.services.dir, call.caller().actor(), call.request, call.content(),
                       std::move(target), call.services.options.max_upload_bytes));
    for (const auto& file : uploaded) event.document_ids.push_back(file.document.id);
  }
  AKTE_ASSIGN_OR_RETURN(archive::Event stored, catalog.AddEvent(call.caller().actor(), event));
  ReplyCreated(call, "events", stored);
  return Status::Ok();
}

}  // namespace

void AddCommunicationRoutes(Router& router) {
  router.Add("POST", "/api/v1/communications", Access::kWrite, LogCommunication);
}

}  // namespace akte::http
