// /customers, their conditions and their file.

#include "akte/archive/time.h"
#include "route_helpers.h"

namespace akte::http {

Result<std::optional<archive::Id>> OptionalQueryId(const Call& call, const std::string& name) {
  if (call.Query(name).empty()) return std::optional<archive::Id>();
  AKTE_ASSIGN_OR_RETURN(auto id, call.QueryInt(name, 0, 1, INT64_MAX));
  return std::optional<archive::Id>(id);
}

Result<Page> ReadPage(const Call& call, std::size_t default_limit) {
  Page page;
  AKTE_ASSIGN_OR_RETURN(auto limit,
                        call.QueryInt("limit", static_cast<std::int64_t>(default_limit), 1, 1000));
  AKTE_ASSIGN_OR_RETURN(auto offset, call.QueryInt("offset", 0, 0, 1'000'000'000));
  page.limit = static_cast<std::size_t>(limit);
  page.offset = static_cast<std::size_t>(offset);
  return page;
}

namespace {

using archive::Customer;

Status ListCustomers(Call& call) {
  archive::CustomerListOptions options;
  options.kind = call.Query("kind");
  if (!options.kind.empty() && options.kind != archive::kKindCustomer &&
      options.kind != archive::kKindProspect) {
    return Status::InvalidArgument("'kind' must be customer or prospect", "kind");
  }
  options.filter = call.Query("filter");
  options.pipeline_status = call.Query("pipeline_status");
  options.sort = call.Query("sort", "number");
  const std::string order = call.Query("order", "asc");
  if (order != "asc" && order != "desc") {
    return Status::InvalidArgument("'order' must be asc or desc", "order");
  }
  options.descending = order == "desc";
  AKTE_ASSIGN_OR_RETURN(options.include_archived, call.QueryBool("include_archived", false));
  AKTE_ASSIGN_OR_RETURN(Page page, ReadPage(call));
  AKTE_ASSIGN_OR_RETURN(auto customers, call.services.catalog().ListCustomers(options));
  call.Reply(200, PageJson(customers, page));
  return Status::Ok();
}

Status CreateCustomer(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  Customer draft;
  JsonFields fields(body);
  AKTE_RETURN_IF_ERROR(ReadCustomer(fields, draft));
  AKTE_ASSIGN_OR_RETURN(Customer created,
                        call.services.catalog().CreateCustomer(call.caller().actor(), draft));
  ReplyCreated(call, "customers", created);
  return Status::Ok();
}

Status GetCustomer(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(Customer customer, call.services.catalog().GetCustomer(id));
  ReplyRecord(call, customer);
  return Status::Ok();
}

Status UpdateCustomer(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  auto& catalog = call.services.catalog();
  AKTE_ASSIGN_OR_RETURN(Customer current, catalog.GetCustomer(id));
  return EditVersioned(
      call, current,
      [&](Customer& edited) {
        JsonFields fields(body);
        return ReadCustomer(fields, edited);
      },
      [&](const Customer& edited) { return catalog.UpdateCustomer(call.caller().actor(), edited); },
      [&] { return catalog.GetCustomer(id); });
}

Status ArchiveCustomer(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  auto& catalog = call.services.catalog();
  AKTE_ASSIGN_OR_RETURN(Customer current, catalog.GetCustomer(id));
  return EditVersioned(
      call, current, [](Customer&) { return Status::Ok(); },
      [&](const Customer& edited) {
        return catalog.ArchiveCustomer(call.caller().actor(), id, edited.version);
      },
      [&] { return catalog.GetCustomer(id); });
}

Status GetConditions(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  auto& catalog = call.services.catalog();
  AKTE_ASSIGN_OR_RETURN(Customer customer, catalog.GetCustomer(id));
  AKTE_ASSIGN_OR_RETURN(auto conditions, catalog.GetConditions(customer.id));
  if (!conditions) {
    return Status::NotFound("customer " + customer.number + " has no conditions yet");
  }
  ReplyRecord(call, *conditions);
  return Status::Ok();
}

// Sets conditions: the first time without If-Match, later with it.
Status PutConditions(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  auto& catalog = call.services.catalog();
  AKTE_ASSIGN_OR_RETURN(Customer customer, catalog.GetCustomer(id));
  AKTE_ASSIGN_OR_RETURN(auto existing, catalog.GetConditions(customer.id));
  auto apply = [&](archive::Conditions& edited) {
    JsonFields fields(body);
    return ReadConditions(fields, edited);
  };
  auto store = [&](const archive::Conditions& edited) {
    return catalog.SetConditions(call.caller().actor(), edited);
  };
  if (existing) {
    return EditVersioned(call, *existing, apply, store, [&]() -> Result<archive::Conditions> {
      AKTE_ASSIGN_OR_RETURN(auto now, catalog.GetConditions(customer.id));
      if (!now) return Status::NotFound("the conditions were removed");
      return *now;
    });
  }
  archive::Conditions draft;
  draft.customer_id = customer.id;
  AKTE_RETURN_IF_ERROR(apply(draft));
  draft.version = 0;
  AKTE_ASSIGN_OR_RETURN(auto created, store(draft));
  ReplyRecord(call, created, 201);
  return Status::Ok();
}

// One end of a period of the timeline. A date ("2025-03-31") bounds
// entries by their date (a timed entry's UTC date). A moment with its
// offset ("2025-03-31T23:59:59+02:00": how the web page sends the end of a
// day in the firm's time zone) bounds timed entries (notes, events) by the
// moment and dated ones (documents) by its own date.
struct PeriodBound {
  std::string date;    // "" when unbounded
  std::string moment;  // UTC, "" for a date bound
};

Result<PeriodBound> ReadBound(const Call& call, const char* name) {
  const std::string value = call.Query(name);
  if (value.empty()) return PeriodBound{};
  const bool has_time = value.size() > 10 && value[10] == 'T';
  auto problem = [&] {
    return Status::InvalidArgument(std::string("'") + name +
                                       "' must be a date (YYYY-MM-DD) or a moment with its "
                                       "offset (YYYY-MM-DDThh:mm:ss+hh:mm)",
                                   name);
  };
  auto date = NormalizeDate(value.substr(0, 10));
  if (!date.ok() || *date != value.substr(0, 10)) return problem();
  if (!has_time) {
    if (value.size() != 10) return problem();
    return PeriodBound{*date, ""};
  }
  // Without an offset the server's own zone would apply: not the firm's.
  if (value.back() != 'Z' && value.find_first_of("+-", 11) == std::string::npos) return problem();
  auto moment = NormalizeTimestamp(value);
  if (!moment.ok()) return problem();
  return PeriodBound{*date, *moment};
}

// Whether an entry at `at` (a date, or a UTC moment) lies on the `later`
// side of `bound` or on it.
bool Within(const std::string& at, const PeriodBound& bound, bool later) {
  if (bound.date.empty()) return true;
  const bool timed = at.size() > 10;
  const std::string& limit = timed && !bound.moment.empty() ? bound.moment : bound.date;
  const std::string mine = timed && !bound.moment.empty() ? at : at.substr(0, 10);
  return later ? mine >= limit : mine <= limit;
}

// The customer file's timeline: documents, notes and events, newest first,
// filtered by kind and period, paged; with the file's tasks and
// appointments (all of them, unpaged).
Status GetFile(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(Page page, ReadPage(call));
  const std::string kind = call.Query("kind");
  if (!kind.empty() && kind != "document" && kind != "note" && kind != "event" &&
      kind != "record" && kind != "payment" && kind != "task" && kind != "appointment") {
    return Status::InvalidArgument(
        "'kind' must be document, note, event, record, payment, task or appointment", "kind");
  }
  AKTE_ASSIGN_OR_RETURN(PeriodBound since, ReadBound(call, "since"));
  AKTE_ASSIGN_OR_RETURN(PeriodBound until, ReadBound(call, "until"));
  AKTE_ASSIGN_OR_RETURN(auto file, call.services.catalog().GetCustomerFile(id));
  nlohmann::json items = nlohmann::json::array();
  std::size_t total = 0;
  for (const auto& entry : file.timeline) {
    if (!kind.empty() && entry.kind != kind) continue;
    if (!Within(entry.at, since, true) || !Within(entry.at, until, false)) continue;
    if (total >= page.offset && total < page.offset + page.limit) {
      items.push_back({{"kind", entry.kind},
                       {"id", entry.id},
                       {"at", entry.at},
                       {"title", entry.title},
                       {"detail", entry.detail},
                       {"author", entry.author},
                       {"author_name", entry.author_name}});
    }
    ++total;
  }
  call.Reply(200, {{"customer", AsJson(file.customer)},
                   {"tasks", AsJsonArray(file.tasks)},
                   {"appointments", AsJsonArray(file.appointments)},
                   {"items", items},
                   {"total", total},
                   {"limit", page.limit},
                   {"offset", page.offset}});
  return Status::Ok();
}

// ?from=YYYY-MM-DD (default: today in the firm's time zone) and ?days=14.
Status ListBirthdays(Call& call) {
  std::string from = call.Query("from");
  if (from.empty()) {
    AKTE_ASSIGN_OR_RETURN(from, call.services.catalog().FirmToday());
  }
  AKTE_ASSIGN_OR_RETURN(auto days, call.QueryInt("days", 14, 0, 366));
  AKTE_ASSIGN_OR_RETURN(auto birthdays,
                        call.services.catalog().UpcomingBirthdays(from, static_cast<int>(days)));
  call.Reply(200, {{"items", nlohmann::json::parse(archive::ToJson(birthdays))}});
  return Status::Ok();
}

}  // namespace

void AddCustomerRoutes(Router& router) {
  router.Add("GET", "/api/v1/customers", Access::kRead, ListCustomers);
  router.Add("POST", "/api/v1/customers", Access::kWrite, CreateCustomer);
  router.Add("GET", "/api/v1/customers/{id}", Access::kRead, GetCustomer);
  router.Add("PATCH", "/api/v1/customers/{id}", Access::kWrite, UpdateCustomer);
  router.Add("POST", "/api/v1/customers/{id}/archive", Access::kWrite, ArchiveCustomer);
  router.Add("GET", "/api/v1/customers/{id}/conditions", Access::kRead, GetConditions);
  router.Add("PUT", "/api/v1/customers/{id}/conditions", Access::kWrite, PutConditions);
  router.Add("GET", "/api/v1/customers/{id}/file", Access::kRead, GetFile);
  router.Add("GET", "/api/v1/birthdays", Access::kRead, ListBirthdays);
}

}  // namespace akte::http
