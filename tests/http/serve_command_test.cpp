// `akte serve` as a user runs it: a real process that listens, answers over
// HTTP or HTTPS, and stops cleanly on SIGTERM with its work committed.
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <regex>
#include <thread>

#include "api_server.h"
#include "process.h"
#include "temp_dir.h"

extern char** environ;

namespace akte::test {
namespace {

using nlohmann::json;

ProcessResult Akte(const std::string& data, std::vector<std::string> args,
                   const std::string& input = "") {
  args.insert(args.begin(), {AKTE_BINARY, "--data-dir", data});
  return RunProcess(args, input, {"LANG=C"});
}

// `akte serve` in the background, its output in files.
class ServeProcess {
 public:
  ServeProcess(const TempDir& dir, const std::string& data, std::vector<std::string> flags)
      : out_(dir / "serve.out"), err_(dir / "serve.err") {
    std::vector<std::string> args = {AKTE_BINARY, "--data-dir", data,
                                     "serve",     "--listen",   "127.0.0.1:0"};
    args.insert(args.end(), flags.begin(), flags.end());
    std::vector<char*> argv;
    for (auto& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t files;
    posix_spawn_file_actions_init(&files);
    posix_spawn_file_actions_addopen(&files, 1, out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&files, 2, err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    REQUIRE(posix_spawn(&pid_, argv[0], &files, nullptr, argv.data(), environ) == 0);
    posix_spawn_file_actions_destroy(&files);
    // The address is printed once the socket listens.
    static const std::regex kAddress(R"(https?://127\.0\.0\.1:(\d+)/)");
    for (int i = 0; i < 200 && port_ == 0; ++i) {
      std::smatch match;
      const std::string printed = ReadFile(out_);
      if (std::regex_search(printed, match, kAddress)) port_ = std::stoi(match[1]);
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    INFO(ReadFile(err_));
    REQUIRE(port_ > 0);
  }
  ~ServeProcess() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }

  int port() const { return port_; }

  // Sends `signal` and returns the exit status.
  int Stop(int signal) {
    kill(pid_, signal);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  std::string err() const { return ReadFile(err_); }

 private:
  std::filesystem::path out_;
  std::filesystem::path err_;
  pid_t pid_ = -1;
  int port_ = 0;
};

std::string NewToken(const std::string& data) {
  ProcessResult created = Akte(data, {"user", "token", "create", "admin", "--label", "test"});
  REQUIRE(created.exit_code == 0);
  std::smatch match;
  REQUIRE(std::regex_search(created.out, match, std::regex("akte_[A-Za-z0-9_-]+")));
  return match[0];
}

}  // namespace

TEST_CASE("akte serve stops on SIGTERM with the index batch committed", "[http]") {
  TempDir dir;
  const std::string data = (dir / "data").string();
  REQUIRE(Akte(data, {"init"}).exit_code == 0);
  REQUIRE(Akte(data, {"customer", "add", "10001", "--company", "Lindner Bau"}).exit_code == 0);
  const std::string token = NewToken(data);
  ServeProcess serve(dir, data, {});

  httplib::Client client("127.0.0.1", serve.port());
  httplib::Headers bearer{{"Authorization", "Bearer " + token}};
  auto note =
      client.Post("/api/v1/customers/1/notes", bearer,
                  R"({"text":"Kunde fragt nach dem Sonnenschutzprojekt"})", "application/json");
  REQUIRE(note);
  REQUIRE(note->status == 201);
  CHECK(serve.Stop(SIGTERM) == 0);
  const std::string log = serve.err();
  CHECK(log.find("admin POST /api/v1/customers/1/notes 201") != std::string::npos);
  CHECK(log.find("stopped") != std::string::npos);

  // The index holds the note (fsck compares it with the catalog without
  // catching up first).
  ProcessResult fsck = Akte(data, {"fsck"});
  INFO(fsck.out << fsck.err);
  CHECK(fsck.exit_code == 0);
  ProcessResult found = Akte(data, {"search", "Sonnenschutzprojekt"});
  CHECK(found.out.find("Lindner Bau") != std::string::npos);
}

TEST_CASE("akte serve refuses a second server on the same data directory", "[http]") {
  TempDir dir;
  const std::string data = (dir / "data").string();
  REQUIRE(Akte(data, {"init"}).exit_code == 0);
  ServeProcess first(dir, data, {});
  ProcessResult second = Akte(data, {"serve", "--listen", "127.0.0.1:0"});
  CHECK(second.exit_code != 0);
  CHECK(second.err.find("index") != std::string::npos);
  CHECK(first.Stop(SIGINT) == 0);
}

TEST_CASE("akte serve speaks HTTPS with a certificate and marks the cookie Secure", "[http]") {
  TempDir dir;
  const std::string data = (dir / "data").string();
  const std::string cert = (dir / "cert.pem").string();
  const std::string key = (dir / "key.pem").string();
  ProcessResult made =
      RunProcess({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                  key, "-out", cert, "-days", "1", "-subj", "/CN=127.0.0.1"});
  INFO(made.err);
  REQUIRE(made.exit_code == 0);
  ProcessResult init = Akte(data, {"init"});
  REQUIRE(init.exit_code == 0);
  std::smatch match;
  REQUIRE(std::regex_search(init.out, match, std::regex("Initial password for 'admin': (\\S+)")));
  const std::string password = match[1];

  ServeProcess serve(dir, data, {"--tls-cert", cert, "--tls-key", key});
  httplib::SSLClient client("127.0.0.1", serve.port());
  client.enable_server_certificate_verification(false);  // self-signed for the test
  auto login =
      client.Post("/api/v1/session", json{{"username", "admin"}, {"password", password}}.dump(),
                  "application/json");
  REQUIRE(login);
  CHECK(login->status == 201);
  CHECK(login->get_header_value("Set-Cookie").find("; Secure") != std::string::npos);

  httplib::Client plain("127.0.0.1", serve.port());
  auto refused = plain.Get("/healthz");
  CHECK((!refused || refused->status != 200));
  CHECK(serve.Stop(SIGTERM) == 0);
}

TEST_CASE("akte serve names a bad listen address or certificate", "[http]") {
  TempDir dir;
  const std::string data = (dir / "data").string();
  REQUIRE(Akte(data, {"init"}).exit_code == 0);
  ProcessResult port = Akte(data, {"serve", "--listen", "127.0.0.1:http"});
  CHECK(port.exit_code == 3);
  CHECK(port.err.find("--listen") != std::string::npos);
  ProcessResult address = Akte(data, {"serve", "--listen", "192.0.2.1:8080"});
  CHECK(address.exit_code == 7);
  CHECK(address.err.find("192.0.2.1:8080") != std::string::npos);
  WriteFile(dir / "bad.pem", "not a certificate");
  ProcessResult tls =
      Akte(data, {"serve", "--listen", "127.0.0.1:0", "--tls-cert", (dir / "bad.pem").string(),
                  "--tls-key", (dir / "bad.pem").string()});
  CHECK(tls.exit_code == 3);
  CHECK(tls.err.find("TLS") != std::string::npos);
}

}  // namespace akte::test
