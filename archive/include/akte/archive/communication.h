// Logging a call, a text message or an email in one step, for scripts and
// telephone systems: they know the other side's number or address, not the
// customer, so akte finds whose it is and makes the history event. The
// email's own file, when there is one, is filed as a document by the caller
// (the CLI from disk, the API from the request body) and linked to the
// event.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "akte/archive/catalog.h"
#include "akte/archive/records.h"
#include "akte/archive/status.h"

namespace akte::archive {

inline constexpr std::string_view kChannelCall = "call";
inline constexpr std::string_view kChannelSms = "sms";
inline constexpr std::string_view kChannelEmail = "email";

struct Communication {
  std::string channel;  // kChannel…
  bool incoming = false;
  std::optional<Id> customer_id;  // empty: whose `counterpart` is
  std::string counterpart;        // the other side's phone number or email address
  std::optional<Id> contact_id;   // empty: the contact `counterpart` belongs to, if one
  std::string subject;
  std::string text;
  std::string occurred_at;  // empty: now
};

// The history event that records `communication`, not yet stored: its type
// ("Anruf ausgehend", "SMS eingehend", "E-Mail ausgehend"), customer and
// contact, subject, text and time. The customer is the given one, else the
// one `counterpart` belongs to; the contact the given one, else the
// customer's contact `counterpart` belongs to, if one. An empty subject
// names the channel and the counterpart ("Anruf von 030 1234567"). Errors
// name the field: InvalidArgument for an unknown channel, a counterpart
// that is neither an address nor a number or that several customers share
// (naming their numbers), or neither customer nor counterpart; NotFound
// for a counterpart nobody has, or an unknown customer or contact.
Result<Event> CommunicationEvent(Catalog& catalog, const Communication& communication);

}  // namespace akte::archive
