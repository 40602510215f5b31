// Contacts, notes and history events of a customer.
#include "akte/archive/export.h"
#include "route_helpers.h"

namespace akte::http {
namespace {

using archive::Contact;
using archive::Note;

Status ListContacts(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto contacts, call.services.catalog().ListContacts(id));
  call.Reply(200, {{"items", AsJsonArray(contacts)}});
  return Status::Ok();
}

Status CreateContact(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto customer_id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  Contact draft;
  JsonFields fields(body);
  AKTE_RETURN_IF_ERROR(ReadContact(fields, draft));
  draft.customer_id = customer_id;
  AKTE_ASSIGN_OR_RETURN(Contact created,
                        call.services.catalog().CreateContact(call.caller().actor(), draft));
  ReplyCreated(call, "contacts", created);
  return Status::Ok();
}

Status GetContact(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(Contact contact, call.services.catalog().GetContact(id));
  ReplyRecord(call, contact);
  return Status::Ok();
}

Status UpdateContact(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  auto& catalog = call.services.catalog();
  AKTE_ASSIGN_OR_RETURN(Contact current, catalog.GetContact(id));
  return EditVersioned(
      call, current,
      [&](Contact& edited) {
        JsonFields fields(body);
        return ReadContact(fields, edited);
      },
      [&](const Contact& edited) { return catalog.UpdateContact(call.caller().actor(), edited); },
      [&] { return catalog.GetContact(id); });
}

Status ListNotes(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(Page page, ReadPage(call));
  AKTE_ASSIGN_OR_RETURN(auto file, call.services.catalog().GetCustomerFile(id));
  call.Reply(200, PageJson(file.notes, page));
  return Status::Ok();
}

// A note's author and time come from the session, never from the request.
Status CreateNote(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto customer_id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  JsonFields fields(body);
  std::string text;
  std::optional<std::int64_t> contact_id;
  AKTE_RETURN_IF_ERROR(fields.Text("text", text));
  AKTE_RETURN_IF_ERROR(fields.OptionalInteger("contact_id", contact_id));
  AKTE_RETURN_IF_ERROR(fields.RejectUnknown());
  AKTE_ASSIGN_OR_RETURN(
      Note note, call.services.catalog().AddNote(call.caller().actor(), customer_id, contact_id,
                                                 std::move(text)));
  ReplyCreated(call, "notes", note);
  return Status::Ok();
}

Status GetNote(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(Note note, call.services.catalog().GetNote(id));
  ReplyRecord(call, note);
  return Status::Ok();
}

Status UpdateNote(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  auto& catalog = call.services.catalog();
  AKTE_ASSIGN_OR_RETURN(Note current, catalog.GetNote(id));
  return EditVersioned(
      call, current,
      [&](Note& edited) {
        JsonFields fields(body);
        for (const char* name :
             {"id", "customer_id", "contact_id", "author", "created_at", "edited_at", "version"}) {
          fields.Ignore(name);
        }
        AKTE_RETURN_IF_ERROR(fields.Text("text", edited.text));
        return fields.RejectUnknown();
      },
      [&](const Note& edited) {
        return catalog.UpdateNote(call.caller().actor(), id, edited.text, edited.version);
      },
      [&] { return catalog.GetNote(id); });
}

Status ListEvents(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(Page page, ReadPage(call));
  AKTE_ASSIGN_OR_RETURN(auto file, call.services.catalog().GetCustomerFile(id));
  call.Reply(200, PageJson(file.events, page));
  return Status::Ok();
}

Status CreateEvent(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto customer_id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  archive::Event draft;
  JsonFields fields(body);
  AKTE_RETURN_IF_ERROR(ReadEvent(fields, draft));
  draft.customer_id = customer_id;
  AKTE_ASSIGN_OR_RETURN(auto event, call.services.catalog().AddEvent(call.caller().actor(), draft));
  ReplyCreated(call, "events", event);
  return Status::Ok();
}

Status GetEvent(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto event, call.services.catalog().GetEvent(id));
  ReplyRecord(call, event);
  return Status::Ok();
}

// ?version=4.0 (default) or 3.0 for older address books.
Status ExportContacts(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  const std::string version = call.Query("version", "4.0");
  if (version != "4.0" && version != "3.0") {
    return Status::InvalidArgument("'version' must be 4.0 or 3.0", "version");
  }
  AKTE_ASSIGN_OR_RETURN(auto customer, call.services.catalog().GetCustomer(id));
  AKTE_ASSIGN_OR_RETURN(auto cards, archive::ContactCards(call.services.catalog(), id));
  std::string name = "Ansprechpartner-" + customer.number;
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
  }
  call.response.set_header("Content-Disposition", "attachment; filename=\"" + name + ".vcf\"");
  call.response.set_content(
      archive::ExportContactsVcf(
          cards, version == "3.0" ? archive::VcardVersion::k30 : archive::VcardVersion::k40),
      "text/vcard; charset=utf-8");
  return Status::Ok();
}

}  // namespace

void AddContactRoutes(Router& router) {
  router.Add("GET", "/api/v1/customers/{id}/contacts", Access::kRead, ListContacts);
  router.Add("POST", "/api/v1/customers/{id}/contacts", Access::kWrite, CreateContact);
  router.Add("GET", "/api/v1/customers/{id}/contacts/vcard", Access::kRead, ExportContacts);
  router.Add("GET", "/api/v1/contacts/{id}", Access::kRead, GetContact);
  router.Add("PATCH", "/api/v1/contacts/{id}", Access::kWrite, UpdateContact);
}

void AddItemRoutes(Router& router) {
  router.Add("GET", "/api/v1/customers/{id}/notes", Access::kRead, ListNotes);
  router.Add("POST", "/api/v1/customers/{id}/notes", Access::kWrite, CreateNote);
  router.Add("GET", "/api/v1/notes/{id}", Access::kRead, GetNote);
  router.Add("PATCH", "/api/v1/notes/{id}", Access::kWrite, UpdateNote);
  router.Add("GET", "/api/v1/customers/{id}/events", Access::kRead, ListEvents);
  router.Add("POST", "/api/v1/customers/{id}/events", Access::kWrite, CreateEvent);
  router.Add("GET", "/api/v1/events/{id}", Access::kRead, GetEvent);
}

}  // namespace akte::http
