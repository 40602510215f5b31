// The shapes of the API's answers: JSON bodies, and one error shape
// `{"error": {"code", "message", "field"}}` with the status code that fits.
// Errors of the server itself (I/O, corruption, bugs) are logged in full and
// answered with a generic message: no paths or internals reach the client.
#pragma once

#include <httplib.h>

#include <nlohmann/json.hpp>
#include <ostream>
#include <string_view>

#include "akte/archive/status.h"

namespace akte::http {

void ReplyJson(httplib::Response& response, int status, const nlohmann::json& body);

// Answers `status` with the error shape; `log` receives what is withheld.
void ReplyError(httplib::Response& response, const Status& status, std::ostream* log);

// An error with a code and status of HTTP's own (429, 412, 428, ...).
void ReplyError(httplib::Response& response, int http_status, std::string_view code,
                std::string_view message, std::string_view field = {});

// The HTTP status and error code for a Status.
int HttpStatusFor(StatusCode code);
std::string_view ErrorCodeFor(StatusCode code);

}  // namespace akte::http
