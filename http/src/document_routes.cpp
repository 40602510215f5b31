// Documents: upload (streamed), metadata and processing state, download,
// extracted text, the files found inside, similar documents, and the inbox
// of documents no customer was found for.
#include "akte/indexer/pipeline.h"
#include "route_helpers.h"
#include "transfer.h"

namespace akte::http {
namespace {

using archive::Document;

// A document with how far its processing has come: extraction (its state
// in the catalog) and indexing (whether the index has caught up with the
// document's latest change). `done` is what an uploader polls for.
Result<nlohmann::json> DocumentWithState(Services& services, const Document& document) {
  nlohmann::json json = AsJson(document);
  AKTE_ASSIGN_OR_RETURN(auto change, services.catalog().LatestChangeOf("document", document.id));
  const bool extracted = document.extraction_state != archive::kStatePending;
  const bool indexed = services.background->IndexedSeq() >= change;
  json["indexed"] = indexed;
  json["done"] = extracted && indexed;
  return json;
}

Status Upload(Call& call) {
  UploadTarget target;
  AKTE_ASSIGN_OR_RETURN(target.customer_id, OptionalQueryId(call, "customer_id"));
  AKTE_ASSIGN_OR_RETURN(target.contact_id, OptionalQueryId(call, "contact_id"));
  target.type = call.Query("type");
  target.title = call.Query("title");
  target.document_date = call.Query("document_date");
  AKTE_ASSIGN_OR_RETURN(
      auto uploaded,
      ReceiveUploads(call.services.dir, call.caller().actor(), call.request, call.content(),
                     std::move(target), call.services.options.max_upload_bytes));
  call.services.background->Notify();
  nlohmann::json items = nlohmann::json::array();
  for (const auto& file : uploaded) {
    AKTE_ASSIGN_OR_RETURN(auto json, DocumentWithState(call.services, file.document));
    json["already_stored"] = file.already_stored;
    items.push_back(std::move(json));
  }
  call.Reply(201, {{"items", items}});
  return Status::Ok();
}

Status ListCustomerDocuments(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(Page page, ReadPage(call));
  AKTE_ASSIGN_OR_RETURN(auto documents, call.services.catalog().ListDocuments(id));
  call.Reply(200, PageJson(documents, page));
  return Status::Ok();
}

Status GetDocument(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(Document document, call.services.catalog().GetDocument(id));
  AKTE_ASSIGN_OR_RETURN(auto json, DocumentWithState(call.services, document));
  call.Reply(200, json);
  return Status::Ok();
}

Status DownloadDocument(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(bool inline_view, call.QueryBool("inline", false));
  AKTE_ASSIGN_OR_RETURN(Document document, call.services.catalog().GetDocument(id));
  return SendDocument(call.services.dir, document, inline_view, call.request, call.response);
}

Status GetDocumentText(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(Document document, call.services.catalog().GetDocument(id));
  AKTE_ASSIGN_OR_RETURN(auto text, call.services.catalog().GetText(document.id));
  if (!text) {
    return Status::NotFound("document " + std::to_string(id) + " has no text (state " +
                            document.extraction_state + ")");
  }
  // Pages are separated by form feeds in the stored text.
  nlohmann::json pages = nlohmann::json::array();
  std::size_t start = 0;
  for (;;) {
    auto end = text->text.find('\f', start);
    pages.push_back(text->text.substr(start, end == std::string::npos ? end : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  call.Reply(200, {{"document_id", document.id},
                   {"pages", pages},
                   {"truncated", text->truncated},
                   {"metadata", nlohmann::json::parse(text->metadata_json, nullptr, false)},
                   {"extracted_at", text->extracted_at}});
  return Status::Ok();
}

Status ListChildren(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto children, call.services.catalog().ChildDocuments(id));
  call.Reply(200, {{"items", AsJsonArray(children)}});
  return Status::Ok();
}

Status SimilarDocuments(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto limit, call.QueryInt("limit", 10, 1, 100));
  AKTE_ASSIGN_OR_RETURN(auto searcher, call.services.searchers.Borrow());
  AKTE_ASSIGN_OR_RETURN(auto hits, searcher->Similar(id, static_cast<std::size_t>(limit)));
  call.Reply(200, {{"items", nlohmann::json::parse(search::ToJson(hits))}});
  return Status::Ok();
}

Status SuggestCustomers(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto limit, call.QueryInt("limit", 5, 1, 20));
  AKTE_ASSIGN_OR_RETURN(auto searcher, call.services.searchers.Borrow());
  AKTE_ASSIGN_OR_RETURN(auto customers,
                        searcher->SuggestCustomers(id, static_cast<std::size_t>(limit)));
  call.Reply(200, {{"items", nlohmann::json::parse(search::ToJson(customers))}});
  return Status::Ok();
}

Status ListInbox(Call& call) {
  AKTE_ASSIGN_OR_RETURN(Page page, ReadPage(call));
  AKTE_ASSIGN_OR_RETURN(auto documents, call.services.catalog().Inbox());
  call.Reply(200, PageJson(documents, page));
  return Status::Ok();
}

Status AssignDocument(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  JsonFields fields(body);
  std::optional<std::int64_t> customer_id;
  AKTE_RETURN_IF_ERROR(fields.OptionalInteger("customer_id", customer_id));
  AKTE_RETURN_IF_ERROR(fields.RejectUnknown());
  if (!customer_id) return Status::InvalidArgument("customer_id is missing", "customer_id");
  AKTE_ASSIGN_OR_RETURN(
      auto document,
      indexer::AssignFromInbox(call.services.dir, call.caller().actor(), id, *customer_id));
  call.services.background->Notify();
  call.Reply(200, AsJson(document));
  return Status::Ok();
}

}  // namespace

void AddDocumentRoutes(Router& router) {
  router.Add("POST", "/api/v1/documents", Access::kWrite, Upload);
  router.Add("PUT", "/api/v1/documents", Access::kWrite, Upload);
  router.Add("GET", "/api/v1/customers/{id}/documents", Access::kRead, ListCustomerDocuments);
  router.Add("GET", "/api/v1/documents/{id}", Access::kRead, GetDocument);
  router.Add("GET", "/api/v1/documents/{id}/content", Access::kRead, DownloadDocument);
  router.Add("GET", "/api/v1/documents/{id}/text", Access::kRead, GetDocumentText);
  router.Add("GET", "/api/v1/documents/{id}/children", Access::kRead, ListChildren);
  router.Add("GET", "/api/v1/documents/{id}/similar", Access::kRead, SimilarDocuments);
  router.Add("GET", "/api/v1/documents/{id}/suggestions", Access::kRead, SuggestCustomers);
  router.Add("POST", "/api/v1/documents/{id}/assign", Access::kWrite, AssignDocument);
  router.Add("GET", "/api/v1/inbox", Access::kRead, ListInbox);
}

}  // namespace akte::http
