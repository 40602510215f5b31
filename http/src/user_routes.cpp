// /users and their API tokens. Admins manage everyone; every user may read
// their own record, change their own password and manage their own tokens.
#include <algorithm>

#include "route_helpers.h"

namespace akte::http {
namespace {

using archive::User;

// The user of the path, if the caller may act on them: admins on anyone,
// others on themselves (NotFound otherwise, so ids cannot be probed).
Result<User> PathUser(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  if (!call.caller().is_admin() && id != call.caller().user.id) {
    return Status::NotFound("no user " + std::to_string(id));
  }
  return call.services.catalog().GetUser(id);
}

Status ListUsers(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto users, call.services.catalog().ListUsers());
  call.Reply(200, {{"items", AsJsonArray(users)}});
  return Status::Ok();
}

// Creates a user with an initial password (given, or generated and
// returned once).
Status CreateUser(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  JsonFields fields(body);
  User draft;
  std::string password;
  AKTE_RETURN_IF_ERROR(fields.Text("username", draft.username));
  AKTE_RETURN_IF_ERROR(fields.Text("password", password));
  AKTE_RETURN_IF_ERROR(ReadUser(fields, draft));
  auto& catalog = call.services.catalog();
  const bool generated = password.empty();
  if (generated) password = archive::Catalog::GeneratePassword();
  // The password is checked before the user exists, so a weak one leaves
  // no user without a password behind (the catalog counts characters).
  const auto characters =
      std::count_if(password.begin(), password.end(), [](char c) { return (c & 0xC0) != 0x80; });
  if (characters < 10) {
    return Status::InvalidArgument("the password must have at least 10 characters", "password");
  }
  AKTE_ASSIGN_OR_RETURN(User created, catalog.AddUser(call.caller().actor(), draft));
  AKTE_RETURN_IF_ERROR(catalog.SetPassword(call.caller().actor(), created.id, password));
  nlohmann::json json = AsJson(created);
  if (generated) json["initial_password"] = password;
  call.response.set_header("Location", "/api/v1/users/" + std::to_string(created.id));
  call.Reply(201, json);
  return Status::Ok();
}

Status GetUser(Call& call) {
  AKTE_ASSIGN_OR_RETURN(User user, PathUser(call));
  call.Reply(200, AsJson(user));
  return Status::Ok();
}

Status UpdateUser(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  auto& catalog = call.services.catalog();
  AKTE_ASSIGN_OR_RETURN(User user, catalog.GetUser(id));
  JsonFields fields(body);
  fields.Ignore("username");
  AKTE_RETURN_IF_ERROR(ReadUser(fields, user));
  AKTE_ASSIGN_OR_RETURN(User updated, catalog.UpdateUser(call.caller().actor(), user));
  call.Reply(200, AsJson(updated));
  return Status::Ok();
}

// Users changing their own password must prove they know the current one;
// admins may reset anyone's.
Status SetPassword(Call& call) {
  AKTE_ASSIGN_OR_RETURN(User user, PathUser(call));
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  JsonFields fields(body);
  std::string current;
  std::string password;
  AKTE_RETURN_IF_ERROR(fields.Text("current_password", current));
  AKTE_RETURN_IF_ERROR(fields.Text("password", password));
  AKTE_RETURN_IF_ERROR(fields.RejectUnknown());
  auto& catalog = call.services.catalog();
  if (user.id == call.caller().user.id) {
    auto checked = catalog.CheckPassword(user.username, current);
    if (!checked.ok()) {
      return Status::InvalidArgument("the current password is wrong", "current_password");
    }
  }
  AKTE_RETURN_IF_ERROR(catalog.SetPassword(call.caller().actor(), user.id, password));
  call.response.status = 204;
  return Status::Ok();
}

Status ListTokens(Call& call) {
  AKTE_ASSIGN_OR_RETURN(User user, PathUser(call));
  AKTE_ASSIGN_OR_RETURN(auto tokens, call.services.catalog().ListTokens(user.id));
  call.Reply(200, {{"items", AsJsonArray(tokens)}});
  return Status::Ok();
}

// The secret is in this answer only; akte keeps just its hash.
Status CreateToken(Call& call) {
  AKTE_ASSIGN_OR_RETURN(User user, PathUser(call));
  AKTE_ASSIGN_OR_RETURN(auto body, call.JsonBody());
  JsonFields fields(body);
  std::string name;
  AKTE_RETURN_IF_ERROR(fields.Text("name", name));
  AKTE_RETURN_IF_ERROR(fields.RejectUnknown());
  AKTE_ASSIGN_OR_RETURN(auto issued,
                        call.services.catalog().CreateToken(call.caller().actor(), user.id, name));
  nlohmann::json json = AsJson(issued.token);
  json["secret"] = issued.secret;
  call.Reply(201, json);
  return Status::Ok();
}

Status RevokeToken(Call& call) {
  AKTE_ASSIGN_OR_RETURN(auto id, call.PathId(1));
  auto& catalog = call.services.catalog();
  if (!call.caller().is_admin()) {
    AKTE_ASSIGN_OR_RETURN(auto own, catalog.ListTokens(call.caller().user.id));
    bool mine = false;
    for (const auto& token : own) mine = mine || token.id == id;
    if (!mine) return Status::NotFound("no token " + std::to_string(id));
  }
  AKTE_RETURN_IF_ERROR(catalog.RevokeToken(call.caller().actor(), id));
  call.response.status = 204;
  return Status::Ok();
}

}  // namespace

void AddUserRoutes(Router& router) {
  router.Add("GET", "/api/v1/users", Access::kAdmin, ListUsers);
  router.Add("POST", "/api/v1/users", Access::kAdmin, CreateUser);
  router.Add("GET", "/api/v1/users/{id}", Access::kRead, GetUser);
  router.Add("PATCH", "/api/v1/users/{id}", Access::kAdmin, UpdateUser);
  router.Add("PUT", "/api/v1/users/{id}/password", Access::kRead, SetPassword);
  router.Add("GET", "/api/v1/users/{id}/tokens", Access::kRead, ListTokens);
  router.Add("POST", "/api/v1/users/{id}/tokens", Access::kRead, CreateToken);
  router.Add("DELETE", "/api/v1/tokens/{id}", Access::kRead, RevokeToken);
}

}  // namespace akte::http
