#include "replies.h"

namespace akte::http {

void ReplyJson(httplib::Response& response, int status, const nlohmann::json& body) {
  response.status = status;
  response.set_content(body.dump(), "application/json; charset=utf-8");
}

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk:
      return 200;
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kAlreadyExists:
      return 409;
    case StatusCode::kFailedPrecondition:
      return 409;
    case StatusCode::kUnsupportedFormat:
      return 415;
    case StatusCode::kTooLarge:
      return 413;
    case StatusCode::kUnavailable:
      return 503;
    case StatusCode::kPermissionDenied:
      return 403;
    case StatusCode::kUnauthenticated:
      return 401;
    case StatusCode::kNoSpace:
      return 507;
    case StatusCode::kCorruption:
    case StatusCode::kIoError:
    case StatusCode::kInternal:
      return 500;
  }
  return 500;
}

// The status names, except where HTTP has a word of its own or where the
// client should not learn more than that the server failed.
std::string_view ErrorCodeFor(StatusCode code) {
  switch (code) {
    case StatusCode::kFailedPrecondition:
      return "conflict";
    case StatusCode::kTooLarge:
      return "payload_too_large";
    case StatusCode::kPermissionDenied:
      return "forbidden";
    case StatusCode::kNoSpace:
      return "insufficient_storage";
    case StatusCode::kCorruption:
    case StatusCode::kIoError:
    case StatusCode::kInternal:
      return "internal";
    default:
      return StatusCodeName(code);
  }
}

void ReplyError(httplib::Response& response, int http_status, std::string_view code,
                std::string_view message, std::string_view field) {
  nlohmann::json error = {{"code", code}, {"message", message}};
  error["field"] = field.empty() ? nlohmann::json(nullptr) : nlohmann::json(field);
  ReplyJson(response, http_status, {{"error", error}});
}

void ReplyError(httplib::Response& response, const Status& status, std::ostream* log) {
  const int http_status = HttpStatusFor(status.code());
  std::string message = status.message();
  if (http_status == 500) {
    if (log) *log << "akte serve: internal error: " << status.ToString() << "\n";
    message = "internal error; the server log has the details";
  } else if (status.code() == StatusCode::kNoSpace) {
    if (log) *log << "akte serve: " << status.ToString() << "\n";
    message = "the server's disk is full; nothing was stored";
  }
  ReplyError(response, http_status, ErrorCodeFor(status.code()), message, status.field());
}

}  // namespace akte::http
