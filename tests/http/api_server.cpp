#include "api_server.h"

#include <catch2/catch.hpp>
#include <thread>

namespace akte::test {

ApiServer::ApiServer(http::ServerOptions options) {
  archive::User admin;
  admin.username = "admin";
  admin.display_name = "Jana Schreiber";
  admin.role = archive::kRoleAdmin;
  auto dir = archive::DataDir::Initialize(temp_ / "data", admin);
  REQUIRE(dir.ok());
  dir_ = std::move(*dir);
  auto& catalog = dir_->catalog();
  auto first = catalog.FindUser("admin");
  REQUIRE(first.ok());
  const archive::Actor by{first->id, first->username};
  users_["admin"] = first->id;
  for (const char* role : {archive::kRoleStaff, archive::kRoleReadOnly}) {
    archive::User user;
    user.username = role;
    user.role = role;
    auto added = catalog.AddUser(by, user);
    REQUIRE(added.ok());
    users_[role] = added->id;
  }
  for (const auto& [role, id] : users_) {
    REQUIRE(catalog.SetPassword(by, id, kPassword).ok());
    auto token = catalog.CreateToken(by, id, "tests");
    REQUIRE(token.ok());
    tokens_[role] = token->secret;
  }
  options.host = "127.0.0.1";
  options.port = 0;
  options.pipeline.worker_executable = AKTE_BINARY;
  options.pipeline.workers = 1;
  options.access_log = &log_;
  auto server = http::Server::Create(*dir_, options);
  REQUIRE(server.ok());
  server_ = std::move(*server);
  REQUIRE(server_->Bind().ok());
  thread_ = std::thread([this] { (void)server_->Run(); });
}

ApiServer::~ApiServer() {
  server_->Stop();
  if (thread_.joinable()) thread_.join();
  server_.reset();
}

std::string ApiServer::StopAndReadLog() {
  server_->Stop();
  thread_.join();
  return log_.str();
}

httplib::Client ApiServer::Client() const {
  httplib::Client client("127.0.0.1", server_->port());
  client.set_read_timeout(std::chrono::seconds(30));
  return client;
}

httplib::Headers ApiServer::As(const std::string& role) const {
  return {{"Authorization", "Bearer " + tokens_.at(role)}};
}

archive::Id ApiServer::user_id(const std::string& role) const { return users_.at(role); }

nlohmann::json Json(const httplib::Result& result) {
  if (!result) return nullptr;
  return nlohmann::json::parse(result->body, nullptr, false);
}

void RequireError(const httplib::Result& result, int status, const std::string& field) {
  REQUIRE(result);
  INFO(result->body);
  CHECK(result->status == status);
  nlohmann::json body = Json(result);
  REQUIRE(body.contains("error"));
  CHECK(!body["error"]["code"].get<std::string>().empty());
  CHECK(!body["error"]["message"].get<std::string>().empty());
  if (field.empty()) {
    CHECK(body["error"]["field"].is_null());
  } else {
    CHECK(body["error"]["field"] == field);
  }
}

nlohmann::json SendJson(ApiServer& api, const std::string& method, const std::string& path,
                        const nlohmann::json& body, int status, const std::string& role) {
  auto client = api.Client();
  auto answer = method == "PUT" ? client.Put(path, api.As(role), body.dump(), "application/json")
                                : client.Post(path, api.As(role), body.dump(), "application/json");
  REQUIRE(answer);
  INFO(answer->body);
  REQUIRE(answer->status == status);
  return Json(answer);
}

nlohmann::json GetJson(ApiServer& api, const std::string& path, const std::string& role) {
  auto client = api.Client();
  auto answer = client.Get(path, api.As(role));
  REQUIRE(answer);
  INFO(answer->body);
  REQUIRE(answer->status == 200);
  return Json(answer);
}

httplib::Headers WithVersion(ApiServer& api, std::int64_t version, const std::string& role) {
  httplib::Headers headers = api.As(role);
  headers.emplace("If-Match", "\"" + std::to_string(version) + "\"");
  return headers;
}

nlohmann::json PollUntilDone(ApiServer& api, std::int64_t id) {
  auto client = api.Client();
  const std::string path = "/api/v1/documents/" + std::to_string(id);
  nlohmann::json document;
  for (int i = 0; i < 600; ++i) {
    document = Json(client.Get(path, api.As("readonly")));
    if (document.value("done", false)) return document;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  FAIL("document " << id << " was not done after 30 s: " << document.dump());
  return document;
}

}  // namespace akte::test
