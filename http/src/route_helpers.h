// Small pieces the route files share.
#pragma once

#include <nlohmann/json.hpp>

#include "akte/archive/json.h"
#include "json_input.h"
#include "replies.h"
#include "routing.h"
#include "services.h"

namespace akte::http {

// A record in the API's JSON shape (the same as `akte … --json`).
template <typename T>
nlohmann::json AsJson(const T& record) {
  return nlohmann::json::parse(archive::ToJson(record));
}

template <typename T>
nlohmann::json AsJsonArray(const std::vector<T>& records) {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& record : records) array.push_back(AsJson(record));
  return array;
}

// Answers with a record and its version as the ETag.
template <typename T>
void ReplyRecord(Call& call, const T& record, int status = 200) {
  call.ReplyVersioned(status, AsJson(record), record.version);
}

// Answers 201 with a record just created (its Location and ETag) and wakes
// the indexer for it.
template <typename T>
void ReplyCreated(Call& call, const std::string& collection, const T& record) {
  call.services.background->Notify();
  call.response.set_header("Location", "/api/v1/" + collection + "/" + std::to_string(record.id));
  ReplyRecord(call, record, 201);
}

// One page of a list: {"items", "total", "limit", "offset"}.
struct Page {
  std::size_t limit = 50;
  std::size_t offset = 0;
};
Result<Page> ReadPage(const Call& call, std::size_t default_limit = 50);

// An optional id in the query (?customer_id=3): unset when absent,
// InvalidArgument naming it unless a positive number.
Result<std::optional<archive::Id>> OptionalQueryId(const Call& call, const std::string& name);

template <typename T>
nlohmann::json PageJson(const std::vector<T>& all, const Page& page) {
  nlohmann::json items = nlohmann::json::array();
  for (std::size_t i = page.offset; i < all.size() && i < page.offset + page.limit; ++i) {
    items.push_back(AsJson(all[i]));
  }
  return {{"items", items}, {"total", all.size()}, {"limit", page.limit}, {"offset", page.offset}};
}

// The edit of a versioned record (customer, contact, conditions, note): the
// request must name the version it edited in If-Match (else 428); when that
// is not the stored one, or becomes stale before the write, the answer is
// 412 with the current state, and nothing changes. `apply` changes a copy
// of the current record, `store` writes it, `reload` reads the current one.
template <typename T, typename Apply, typename Store, typename Reload>
Status EditVersioned(Call& call, T current, Apply apply, Store store, Reload reload) {
  AKTE_ASSIGN_OR_RETURN(auto expected, call.IfMatchVersion());
  if (!expected) {
    ReplyError(call.response, 428, "precondition_required",
               "send the ETag of the version you edited in the If-Match header", "If-Match");
    return Status::Ok();
  }
  if (*expected != current.version) {
    call.ReplyStale(AsJson(current), current.version);
    return Status::Ok();
  }
  T edited = current;
  AKTE_RETURN_IF_ERROR(apply(edited));
  edited.version = *expected;
  auto stored = store(edited);
  if (!stored.ok() && stored.status().code() == StatusCode::kFailedPrecondition) {
    AKTE_ASSIGN_OR_RETURN(T now, reload());
    call.ReplyStale(AsJson(now), now.version);
    return Status::Ok();
  }
  if (!stored.ok()) return stored.status();
  call.services.background->Notify();
  ReplyRecord(call, *stored);
  return Status::Ok();
}

// Register the routes of each resource.
void AddCustomerRoutes(Router& router);
void AddContactRoutes(Router& router);
void AddItemRoutes(Router& router);
void AddBusinessRoutes(Router& router);
void AddCommunicationRoutes(Router& router);
void AddMailRoutes(Router& router);
void AddFollowUpRoutes(Router& router);
void AddProspectRoutes(Router& router);
void AddTaskRoutes(Router& router);
void AddAppointmentRoutes(Router& router);
void AddDocumentRoutes(Router& router);
void AddSearchRoutes(Router& router);
void AddSettingsRoutes(Router& router);
void AddUserRoutes(Router& router);
void AddCalendarRoutes(Router& router);

// `path` as the access log may show it: a calendar feed's secret left out.
std::string LoggedPath(const std::string& path);

}  // namespace akte::http
