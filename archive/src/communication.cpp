// CommunicationEvent: a call, text message or email as a history event.
#include "akte/archive/communication.h"

namespace akte::archive {
namespace {

struct ChannelWords {
  std::string_view channel;
  std::string_view incoming_type;
  std::string_view outgoing_type;
  std::string_view noun;  // for the default subject
};

constexpr ChannelWords kChannels[] = {
    {kChannelCall, "Anruf eingehend", "Anruf ausgehend", "Anruf"},
    {kChannelSms, "SMS eingehend", "SMS ausgehend", "SMS"},
    {kChannelEmail, "E-Mail eingehend", "E-Mail ausgehend", "E-Mail"},
};

const ChannelWords* WordsFor(std::string_view channel) {
  for (const auto& words : kChannels) {
    if (words.channel == channel) return &words;
  }
  return nullptr;
}

// The one customer among `owners`, with the contact when exactly one of
// its contacts (and not the customer itself) has the channel.
Result<ChannelOwner> SoleOwner(const std::vector<ChannelOwner>& owners,
                               const std::string& counterpart) {
  if (owners.empty()) {
    return Status::NotFound("no customer or contact has " + counterpart);
  }
  std::string numbers;
  for (const auto& owner : owners) {
    if (owner.customer_id == owners.front().customer_id) continue;
    numbers += ", " + owner.customer_number;
  }
  if (!numbers.empty()) {
    return Status::InvalidArgument(counterpart + " belongs to the customers " +
                                       owners.front().customer_number + numbers +
                                       "; name the customer",
                                   "counterpart");
  }
  ChannelOwner sole = owners.front();
  if (owners.size() > 1)
    sole.contact_id.reset();  // the customer's and a contact's, or two contacts'
  return sole;
}

}  // namespace

Result<Event> CommunicationEvent(Catalog& catalog, const Communication& communication) {
  const ChannelWords* words = WordsFor(communication.channel);
  if (!words) {
    return Status::InvalidArgument(
        "'" + communication.channel + "' is no channel; use call, sms or email", "channel");
  }
  Event event;
  event.type = communication.incoming ? words->incoming_type : words->outgoing_type;
  event.subject = communication.subject;
  event.text = communication.text;
  event.occurred_at = communication.occurred_at;
  event.contact_id = communication.contact_id;
  if (communication.customer_id) {
    AKTE_ASSIGN_OR_RETURN(Customer customer, catalog.GetCustomer(*communication.customer_id));
    event.customer_id = customer.id;
  } else if (communication.counterpart.empty()) {
    return Status::InvalidArgument("name the customer, or the phone number or email address",
                                   "counterpart");
  }
  if (!communication.counterpart.empty()) {
    AKTE_ASSIGN_OR_RETURN(auto owners, catalog.FindChannelOwners(communication.counterpart));
    if (communication.customer_id) {
      std::erase_if(owners,
                    [&](const ChannelOwner& o) { return o.customer_id != event.customer_id; });
    }
    if (!owners.empty() || !communication.customer_id) {
      AKTE_ASSIGN_OR_RETURN(ChannelOwner owner, SoleOwner(owners, communication.counterpart));
      event.customer_id = owner.customer_id;
      if (!event.contact_id) event.contact_id = owner.contact_id;
    }
    if (event.subject.empty()) {
      event.subject = std::string(words->noun) + (communication.incoming ? " von " : " an ") +
                      communication.counterpart;
    }
  }
  if (event.contact_id) {
    AKTE_ASSIGN_OR_RETURN(Contact contact, catalog.GetContact(*event.contact_id));
    if (contact.customer_id != event.customer_id) {
      return Status::InvalidArgument("the contact belongs to another customer", "contact_id");
    }
  }
  return event;
}

}  // namespace akte::archive
