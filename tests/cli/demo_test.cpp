// akte demo as a newcomer runs it: the first run loads a firm into a new
// data directory and serves it with a login to use; the next run serves the
// same directory without loading again.
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <regex>
#include <thread>

#include "akte_process.h"
#include "tiny_firm.h"

extern char** environ;

namespace akte::test {
namespace {

// `akte demo` in the background until it serves; its output in a file.
struct DemoRun {
  pid_t pid = 0;
  int port = 0;
  std::string out;

  DemoRun(const Akte& akte, const std::filesystem::path& firm, const std::string& name) {
    const auto out_path = akte.dir / (name + ".out");
    std::vector<std::string> args = {AKTE_BINARY, "--data-dir",  akte.data,
                                     "demo",      "--listen",    "127.0.0.1:0",
                                     "--from",    firm.string(), "--quiet"};
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC,
                                     0600);
    posix_spawn_file_actions_addopen(&files, 2, (akte.dir / (name + ".err")).c_str(),
                                     O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(posix_spawn(&pid, argv[0], &files, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&files);
    static const std::regex kAddress(R"(http://127\.0\.0\.1:(\d+)/ \()");
    for (int i = 0; i < 1200 && port == 0; ++i) {
      std::smatch match;
      out = ReadFile(out_path);
      if (std::regex_search(out, match, kAddress)) port = std::stoi(match[1]);
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    INFO(out << ReadFile(akte.dir / (name + ".err")));
    REQUIRE(port > 0);
  }
  ~DemoRun() {
    kill(pid, SIGTERM);
    waitpid(pid, nullptr, 0);
  }
};

}  // namespace

TEST_CASE("akte demo loads the firm once, then serves it with the login it printed", "[cli]") {
  Akte akte;
  WriteTinyFirm(akte.dir / "firm");
  std::string username, password;
  {
    DemoRun first(akte, akte.dir / "firm", "first");
    static const std::regex kLogin(R"(Log in as (\S+) / (\S+))");
    std::smatch login;
    REQUIRE(std::regex_search(first.out, login, kLogin));
    username = login[1];
    password = login[2];
    CHECK(username == "jana");
    CHECK_THAT(first.out, Catch::Contains("Migrationsprojekt"));
    // The address to open names the port actually taken (here one the system chose).
    CHECK_THAT(first.out,
               Catch::Contains("Open      http://127.0.0.1:" + std::to_string(first.port) + "/"));

    httplib::Client client("127.0.0.1", first.port);
    auto session = client.Post(
        "/api/v1/session", nlohmann::json{{"username", username}, {"password", password}}.dump(),
        "application/json");
    REQUIRE(session);
    CHECK(session->status == 201);
  }
  CHECK_FALSE(std::filesystem::exists(akte.data + ".loading"));
  const auto customers = nlohmann::json::parse(akte.Ok({"customer", "list", "--json"}).out);
  CHECK(customers.size() == 2);
  // Loaded, extracted and indexed before serving.
  auto found = akte.Ok({"search", "--customers", "--json", "Migrationsprojekt"});
  CHECK(nlohmann::json::parse(found.out)["customers"][0]["customer"]["number"] == "10001");

  DemoRun second(akte, akte.dir / "firm", "second");
  CHECK_THAT(second.out, Catch::Contains("serving it as it is"));
  CHECK_THAT(second.out, Catch::Contains("Log in as jana / " + password));
  CHECK(nlohmann::json::parse(akte.Ok({"customer", "list", "--json"}).out).size() == 2);
}

TEST_CASE("akte demo on a port already taken says so and how to choose another", "[cli]") {
  Akte akte;
  WriteTinyFirm(akte.dir / "firm");
  httplib::Server other;
  const int port = other.bind_to_any_port("127.0.0.1");
  REQUIRE(port > 0);
  auto refused = akte({"demo", "--from", (akte.dir / "firm").string(), "--listen",
                       "127.0.0.1:" + std::to_string(port)});
  CHECK(refused.exit_code != 0);
  CHECK_THAT(refused.err, Catch::Contains("cannot listen on 127.0.0.1:" + std::to_string(port)));
  CHECK_THAT(refused.err, Catch::Contains("--listen HOST:PORT"));
  // No welcome for a page that is not there; the firm is loaded for the next try.
  CHECK_THAT(refused.out, !Catch::Contains("Log in as"));
  CHECK(std::filesystem::exists(std::filesystem::path(akte.data) / "demo-login.txt"));
}

TEST_CASE("akte demo refuses a folder that holds other things", "[cli]") {
  Akte akte;
  WriteTinyFirm(akte.dir / "firm");
  WriteFile(std::filesystem::path(akte.data) / "private.txt", "not akte's");
  auto refused = akte({"demo", "--from", (akte.dir / "firm").string()});
  CHECK(refused.exit_code != 0);
  CHECK_THAT(refused.err, Catch::Contains("not an akte data directory"));
  CHECK(ReadFile(std::filesystem::path(akte.data) / "private.txt") == "not akte's");
}

TEST_CASE("akte import-samples refuses a data directory that has customers", "[cli]") {
  InitializedAkte akte;
  WriteTinyFirm(akte.dir / "firm");
  akte.Ok({"customer", "add", "10001", "--company", "Schon da"});
  auto refused = akte({"import-samples", "--from", (akte.dir / "firm").string()});
  CHECK(refused.exit_code == 5);
  CHECK_THAT(refused.err, Catch::Contains("already holds customers"));
  auto missing = akte({"import-samples", "--from", (akte.dir / "nowhere").string()});
  CHECK(missing.exit_code == 4);
  CHECK_THAT(missing.err, Catch::Contains("no sample firm"));
}

}  // namespace akte::test
