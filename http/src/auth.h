// Who is calling: an API token (`Authorization: Bearer akte_…`, for scripts)
// or a browser session (the `akte_session` cookie, whose state-changing
// requests must also carry the session's CSRF token in `X-CSRF-Token`).
#pragma once

#include <httplib.h>

#include <optional>
#include <string>

#include "routing.h"
#include "services.h"

namespace akte::http {

inline constexpr const char* kSessionCookie = "akte_session";
inline constexpr const char* kCsrfHeader = "X-CSRF-Token";

// The caller of `request`; nullopt when it carries no credentials at all;
// Unauthenticated when it carries ones that are wrong, revoked or expired,
// or a session request that changes data without the right CSRF token.
Result<std::optional<Caller>> Authenticate(Services& services, const httplib::Request& request);

// PermissionDenied unless `caller` may use a route of `access`.
Status Authorize(const Caller& caller, Access access);

// The session routes: POST (log in), GET (who am I), DELETE (log out).
void AddSessionRoutes(Router& router);

}  // namespace akte::http
