// /customers, their conditions and their file.
#include "route_helpers.h"

namespace akte::http {

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

// The customer file's timeline: documents, notes and events, newest first,
// filtered by kind and date, paged.
Status GetFile(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(Page page, ReadPage(call));
  const std::string kind = call.Query("kind");
  if (!kind.empty() && kind != "document" && kind != "note" && kind != "event") {
    return Status::InvalidArgument("'kind' must be document, note or event", "kind");
  }
  const std::string since = call.Query("since");
  const std::string until = call.Query("until");
  for (const auto& [name, value] : {std::pair{"since", since}, std::pair{"until", until}}) {
    if (!value.empty() && (value.size() < 10 || value[4] != '-' || value[7] != '-')) {
      return Status::InvalidArgument(std::string("'") + name + "' must be a date (YYYY-MM-DD)",
                                     name);
    }
  }
  AKTE_ASSIGN_OR_RETURN(auto file, call.services.catalog().GetCustomerFile(id));
  nlohmann::json items = nlohmann::json::array();
  std::size_t total = 0;
  for (const auto& entry : file.timeline) {
    if (!kind.empty() && entry.kind != kind) continue;
    const std::string day = entry.at.substr(0, 10);
    if (!since.empty() && day < since.substr(0, 10)) continue;
    if (!until.empty() && day > until.substr(0, 10)) continue;
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
                   {"items", items},
                   {"total", total},
                   {"limit", page.limit},
                   {"offset", page.offset}});
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
}

}  // namespace akte::http
