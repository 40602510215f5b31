// SendEmail: compose, send through the firm's mail server, then file and
// record what was sent.
#include "akte/archive/mail_sending.h"

#include <nlohmann/json.hpp>

#include "mail_compose.h"
#include "smtp_client.h"
#include "validation.h"

namespace akte::archive {
namespace {

constexpr std::size_t kMaxSubjectBytes = 400;
constexpr std::size_t kMaxEventTextBytes = 4000;

bool SameAddress(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool Owns(const std::vector<std::string>& emails, std::string_view address) {
  return std::any_of(emails.begin(), emails.end(),
                     [&](const std::string& e) { return SameAddress(e, address); });
}

struct Recipient {
  std::string name;
  std::string address;
};

// The address written to and the name shown with it.
Result<Recipient> ChooseRecipient(const Customer& customer, const std::optional<Contact>& contact,
                                  const std::string& to) {
  Recipient recipient{"", Trim(to)};
  if (recipient.address.empty()) {
    if (contact && !contact->emails.empty()) {
      recipient.address = contact->emails.front();
    } else if (!contact && !customer.emails.empty()) {
      recipient.address = customer.emails.front();
    } else {
      return Status::InvalidArgument((contact ? contact->DisplayName() : customer.DisplayName()) +
                                         " has no email address; enter the recipient's address",
                                     "to");
    }
  }
  AKTE_RETURN_IF_ERROR(ValidateEmail(recipient.address, "to"));
  if (contact) {
    recipient.name = contact->DisplayName();
  } else if (Owns(customer.emails, recipient.address)) {
    recipient.name = customer.DisplayName();
  }
  return recipient;
}

// A file name from the subject: no path separators or control characters.
std::string FileNameFor(const std::string& subject) {
  std::string name;
  for (char c : subject) {
    const auto u = static_cast<unsigned char>(c);
    name += (u < 0x20 || c == '/' || c == '\\' || c == ':') ? '_' : c;
    if (name.size() >= 80 && (u & 0xC0) != 0x80) break;
  }
  while (!name.empty() && (static_cast<unsigned char>(name.back()) & 0xC0) == 0xC0) name.pop_back();
  return (name.empty() ? "E-Mail" : name) + ".eml";
}

std::string Mailbox(const std::string& name, const std::string& address) {
  return name.empty() ? address : name + " <" + address + ">";
}

// What the document's text is, as extraction would have found it.
ExtractionRecord TextRecord(const MailDraft& draft, const ComposedMail& composed) {
  ExtractionRecord record;
  record.state = kStateExtracted;
  record.mime_type = "message/rfc822";
  const std::string from = Mailbox(draft.from_name, draft.from_address);
  const std::string to = Mailbox(draft.to_name, draft.to_address);
  record.text = "From: " + from + "\nTo: " + to + "\nSubject: " + draft.subject +
                "\nDate: " + composed.date + "\n\n" + draft.text;
  record.metadata_json = nlohmann::json{
      {"title", draft.subject},
      {"from", from},
      {"to", to},
      {"date", composed.date},
      {"message_id",
       composed.message_id}}.dump();
  return record;
}

// Cuts `text` to at most `limit` bytes at a character boundary.
std::string Shortened(std::string text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t end = limit;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  text.resize(end);
  return text + " …";
}

}  // namespace

Result<SentEmail> SendEmail(DataDir& dir, const Actor& by, const OutgoingEmail& email) {
  Catalog& catalog = dir.catalog();
  const std::string subject = Trim(email.subject);
  if (subject.empty()) return Status::InvalidArgument("the subject is empty", "subject");
  if (subject.size() > kMaxSubjectBytes) {
    return Status::InvalidArgument("the subject is too long (at most 400 bytes)", "subject");
  }
  AKTE_ASSIGN_OR_RETURN(Customer customer, catalog.GetCustomer(email.customer_id));
  std::optional<Contact> contact;
  if (email.contact_id) {
    AKTE_ASSIGN_OR_RETURN(contact, catalog.GetContact(*email.contact_id));
    if (contact->customer_id != customer.id) {
      return Status::InvalidArgument("the contact belongs to another customer", "contact_id");
    }
  }
  AKTE_ASSIGN_OR_RETURN(Recipient recipient, ChooseRecipient(customer, contact, email.to));
  AKTE_ASSIGN_OR_RETURN(SmtpSettings smtp, LoadSmtpSettings(catalog));
  AKTE_ASSIGN_OR_RETURN(HistorySettings history, LoadHistorySettings(catalog));

  MailDraft draft{smtp.firm_name,    smtp.from, recipient.name,
                  recipient.address, subject,   email.text};
  AKTE_ASSIGN_OR_RETURN(ComposedMail composed, ComposeMail(draft));
  AKTE_RETURN_IF_ERROR(SendSmtp(smtp, {recipient.address}, composed.bytes));

  // Sent: from here on an error must say so, or the user would send again.
  auto record = [&]() -> Result<SentEmail> {
    AKTE_ASSIGN_OR_RETURN(BlobInfo blob, dir.blobs().PutBytes(composed.bytes));
    Document document;
    document.customer_id = customer.id;
    document.contact_id = email.contact_id;
    document.type = "E-Mail";
    document.title = subject;
    document.filename = FileNameFor(subject);
    document.mime_type = "message/rfc822";
    document.document_date = composed.date.substr(0, 10);
    document.sha256 = blob.sha256;
    document.size = blob.size;
    std::optional<Event> event;
    if (history.email != kHistoryNone) {
      event.emplace();
      event->customer_id = customer.id;
      event->contact_id = email.contact_id;
      event->type = "E-Mail ausgehend";
      event->subject = subject;
      const std::string remarks = Trim(email.remarks);
      event->text =
          !remarks.empty()
              ? remarks
              : Shortened("An " + Mailbox(recipient.name, recipient.address) + "\n\n" + email.text,
                          kMaxEventTextBytes);
      event->occurred_at = composed.date;
    }
    AKTE_ASSIGN_OR_RETURN(
        auto stored, catalog.RecordSentEmail(by, std::move(document), TextRecord(draft, composed),
                                             std::move(event)));
    return SentEmail{std::move(stored.first), std::move(stored.second), composed.message_id,
                     history.email, recipient.address};
  }();
  if (!record.ok()) {
    return record.status().WithContext("the email to " + recipient.address +
                                       " was sent, but akte could not file it");
  }
  return record;
}

}  // namespace akte::archive
