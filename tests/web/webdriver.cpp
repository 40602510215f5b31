#include "webdriver.h"

#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

extern char** environ;

namespace akte::test {
namespace {

using nlohmann::json;
using std::chrono::milliseconds;
using Clock = std::chrono::steady_clock;

// The W3C name of the key under which an element reference travels.
constexpr const char* kElementKey = "element-6066-11e4-a52e-4f735466cecf";
constexpr const char* kInstallHint =
    "install Debian's `chromium` and `chromium-driver` packages (scripts/install-deps.sh)";

[[noreturn]] void SetupFailed(const std::string& message) {
  throw WebDriverError("setup", "web tests: " + message);
}

// `name` as found on PATH, or empty.
std::string FindOnPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::stringstream dirs(path ? path : "/usr/local/bin:/usr/bin:/bin");
  for (std::string dir; std::getline(dirs, dir, ':');) {
    if (dir.empty()) continue;
    const std::filesystem::path candidate = std::filesystem::path(dir) / name;
    if (access(candidate.c_str(), X_OK) == 0) return candidate.string();
  }
  return "";
}

std::string Program(const char* variable, const std::string& fallback, bool on_path) {
  if (const char* set = std::getenv(variable); set && *set) {
    if (access(set, X_OK) != 0) SetupFailed(std::string(variable) + "=" + set + " is no program");
    return set;
  }
  if (on_path) return FindOnPath(fallback);
  return access(fallback.c_str(), X_OK) == 0 ? fallback : "";
}

// A TCP port on 127.0.0.1 that nobody listens on right now.
int FreePort() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) SetupFailed("socket() failed");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  int port = 0;
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), size) == 0 &&
      getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size) == 0) {
    port = ntohs(address.sin_port);
  }
  close(fd);
  if (port == 0) SetupFailed("found no free port on 127.0.0.1");
  return port;
}

std::string ReadText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string Base64Decode(const std::string& text) {
  static const std::string kAlphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string bytes;
  unsigned buffer = 0;
  int bits = 0;
  for (char c : text) {
    const auto value = kAlphabet.find(c);
    if (value == std::string::npos) continue;  // '=' padding, line breaks
    buffer = (buffer << 6) | static_cast<unsigned>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return bytes;
}

// `text` split into UTF-8 code points: one key each.
std::vector<std::string> CodePoints(const std::string& text) {
  std::vector<std::string> points;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    points.push_back(text.substr(i, length));
    i += length;
  }
  return points;
}

}  // namespace

Browser::Browser(BrowserOptions options) : options_(std::move(options)) {
  StartDriver();
  try {
    StartSession();
  } catch (...) {
    StopDriver();
    throw;
  }
}

Browser::~Browser() {
  if (!session_.empty()) {
    try {
      Send("DELETE", "/session/" + session_, nullptr);
    } catch (...) {
      // The driver is killed next, which ends its browser too.
    }
  }
  StopDriver();
}

void Browser::StartDriver() {
  const std::string driver = Program("AKTE_CHROMEDRIVER", "chromedriver", true);
  if (driver.empty()) SetupFailed(std::string("chromedriver is not on PATH: ") + kInstallHint);
  port_ = FreePort();
  const std::string log = (temp_ / "chromedriver.log").string();
  posix_spawn_file_actions_t files;
  posix_spawn_file_actions_init(&files);
  posix_spawn_file_actions_addopen(&files, 1, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&files, 1, 2);
  posix_spawn_file_actions_addopen(&files, 0, "/dev/null", O_RDONLY, 0);
  // A process group of its own, so that the driver and the browsers it
  // starts can be ended together.
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP);
  posix_spawnattr_setpgroup(&attributes, 0);
  std::vector<std::string> args = {driver, "--port=" + std::to_string(port_)};
  std::vector<char*> argv;
  for (auto& arg : args) argv.push_back(arg.data());
  argv.push_back(nullptr);
  const int spawned =
      posix_spawn(&driver_pid_, driver.c_str(), &files, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&files);
  posix_spawnattr_destroy(&attributes);
  if (spawned != 0) {
    driver_pid_ = -1;
    SetupFailed("cannot start " + driver + ": " + std::strerror(spawned));
  }

  client_ = std::make_unique<httplib::Client>("127.0.0.1", port_);
  client_->set_connection_timeout(std::chrono::seconds(2));
  client_->set_read_timeout(std::chrono::seconds(60));
  const auto deadline = Clock::now() + std::chrono::seconds(15);
  while (Clock::now() < deadline) {
    int status = 0;
    if (waitpid(driver_pid_, &status, WNOHANG) == driver_pid_) {
      driver_pid_ = -1;
      SetupFailed(driver + " exited at once:\n" + ReadText(log));
    }
    if (auto reply = client_->Get("/status"); reply && reply->status == 200) {
      const json body = json::parse(reply->body, nullptr, false);
      if (body.is_object() && body["value"].value("ready", false)) return;
    }
    std::this_thread::sleep_for(milliseconds(50));
  }
  StopDriver();
  SetupFailed(driver + " did not report ready on port " + std::to_string(port_) + ":\n" +
              ReadText(log));
}

void Browser::StartSession() {
  const std::string chromium = Program("AKTE_CHROMIUM", "/usr/bin/chromium", false);
  if (chromium.empty()) SetupFailed(std::string("/usr/bin/chromium is missing: ") + kInstallHint);
  // The flags of ../shared/BROWSER.md: a fresh profile and no attempts to
  // reach the network, which would fail start-up on machines without it.
  const json chrome_options = {
      {"binary", chromium},
      {"args",
       {"--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
        "--user-data-dir=" + (temp_ / "profile").string(), "--window-size=1280,900",
        "--no-first-run", "--no-default-browser-check", "--disable-extensions",
        "--disable-background-networking", "--disable-quic", "--disable-component-update",
        "--disable-sync", "--lang=" + options_.language}},
      {"prefs", {{"intl.accept_languages", options_.language}}},
  };
  const json capabilities = {
      {"browserName", "chrome"},
      {"goog:chromeOptions", chrome_options},
      {"goog:loggingPrefs", {{"browser", "ALL"}}},
      // An alert stays open, so that a test can see it (AlertText).
      {"unhandledPromptBehavior", "ignore"},
      {"timeouts", {{"implicit", 0}, {"pageLoad", 20000}, {"script", 10000}}},
  };
  json reply;
  try {
    reply = Send("POST", "/session", {{"capabilities", {{"alwaysMatch", capabilities}}}});
  } catch (const WebDriverError& error) {
    SetupFailed(std::string("chromedriver could not start ") + chromium + ": " + error.what() +
                "\n" + ReadText(temp_ / "chromedriver.log"));
  }
  session_ = reply.value("sessionId", "");
  if (session_.empty()) SetupFailed("chromedriver returned no session: " + reply.dump());
}

void Browser::StopDriver() {
  if (driver_pid_ <= 0) return;
  kill(-driver_pid_, SIGTERM);
  int status = 0;
  const auto deadline = Clock::now() + std::chrono::seconds(3);
  while (waitpid(driver_pid_, &status, WNOHANG) == 0) {
    if (Clock::now() > deadline) {
      kill(-driver_pid_, SIGKILL);
      waitpid(driver_pid_, &status, 0);
      break;
    }
    std::this_thread::sleep_for(milliseconds(20));
  }
  // Whatever of the group outlived the driver (a browser helper).
  kill(-driver_pid_, SIGKILL);
  driver_pid_ = -1;
}

json Browser::Send(const std::string& method, const std::string& path, const json& body) {
  const std::string payload = body.is_null() ? "{}" : body.dump();
  httplib::Result result = method == "GET"      ? client_->Get(path)
                           : method == "DELETE" ? client_->Delete(path)
                                                : client_->Post(path, payload, "application/json");
  if (!result) {
    throw WebDriverError("connection", method + " " + path + ": chromedriver did not answer (" +
                                           httplib::to_string(result.error()) + ")");
  }
  json reply = json::parse(result->body, nullptr, false);
  if (reply.is_discarded()) {
    throw WebDriverError("protocol", method + " " + path + ": HTTP " +
                                         std::to_string(result->status) + " " + result->body);
  }
  json value = reply.contains("value") ? reply["value"] : json();
  if (result->status != 200 || (value.is_object() && value.contains("error"))) {
    const std::string error = value.is_object() ? value.value("error", "unknown error") : "";
    const std::string message = value.is_object() ? value.value("message", "") : result->body;
    throw WebDriverError(
        error, method + " " + path + ": " + error + ": " + message.substr(0, message.find('\n')));
  }
  return value;
}

json Browser::Command(const std::string& method, const std::string& path, const json& body) {
  return Send(method, "/session/" + session_ + path, body);
}

void Browser::TimedOut(const std::string& what) {
  if (!timed_out_ && options_.on_timeout) {
    timed_out_ = true;
    try {
      options_.on_timeout();
    } catch (...) {
      // The timeout is the error to report.
    }
  }
  std::string url;
  try {
    url = Url();
  } catch (const std::exception& error) {
    url = error.what();
  }
  throw WebDriverError("timeout", what + " (page: " + url + ")");
}

void Browser::Go(const std::string& url) { Command("POST", "/url", {{"url", url}}); }

std::string Browser::Url() { return Command("GET", "/url").get<std::string>(); }

void Browser::Refresh() { Command("POST", "/refresh"); }

std::optional<std::string> Browser::Cookie(const std::string& name) {
  for (const auto& cookie : Command("GET", "/cookie")) {
    if (cookie.value("name", "") == name) return cookie.value("value", "");
  }
  return std::nullopt;
}

void Browser::SetWindowSize(int width, int height) {
  Command("POST", "/window/rect", {{"width", width}, {"height", height}});
}

Browser::Element Browser::Find(const std::string& css) {
  auto found = WaitFor(css, nullptr, options_.find_timeout);
  if (!found) {
    TimedOut("no element matches '" + css + "' after " +
             std::to_string(options_.find_timeout.count()) + " ms");
  }
  return *found;
}

std::vector<Browser::Element> Browser::FindAll(const std::string& css) {
  std::vector<Element> elements;
  for (const auto& found :
       Command("POST", "/elements", {{"using", "css selector"}, {"value", css}})) {
    elements.push_back(found[kElementKey].get<std::string>());
  }
  return elements;
}

std::vector<Browser::Element> Browser::FindAllIn(const Element& parent, const std::string& css) {
  std::vector<Element> elements;
  for (const auto& found : Command("POST", "/element/" + parent + "/elements",
                                   {{"using", "css selector"}, {"value", css}})) {
    elements.push_back(found[kElementKey].get<std::string>());
  }
  return elements;
}

std::optional<Browser::Element> Browser::WaitFor(const std::string& css, const Predicate& predicate,
                                                 std::chrono::milliseconds timeout) {
  std::optional<Element> match;
  WaitUntil(
      [&] {
        for (const auto& element : FindAll(css)) {
          try {
            if (!predicate || predicate(*this, element)) {
              match = element;
              return true;
            }
          } catch (const WebDriverError& error) {
            // Re-rendered while being looked at: look again next round.
            if (error.error() != "stale element reference" && error.error() != "no such element")
              throw;
          }
        }
        return false;
      },
      timeout);
  return match;
}

std::optional<Browser::Element> Browser::WaitFor(const std::string& css,
                                                 const Predicate& predicate) {
  return WaitFor(css, predicate, options_.find_timeout);
}

std::optional<Browser::Element> Browser::WaitForText(const std::string& css,
                                                     const std::string& text) {
  return WaitFor(css, [&](Browser& browser, const Element& element) {
    return browser.Text(element).find(text) != std::string::npos;
  });
}

bool Browser::WaitUntil(const std::function<bool()>& condition, std::chrono::milliseconds timeout) {
  const auto deadline = Clock::now() + timeout;
  for (;;) {
    try {
      if (condition()) return true;
    } catch (const WebDriverError& e) {
      // The page re-rendered what the condition was reading: not yet.
      if (e.error() != "stale element reference") throw;
    }
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(milliseconds(50));
  }
}

void Browser::Click(const Element& element) { Command("POST", "/element/" + element + "/click"); }

void Browser::Type(const Element& element, const std::string& text) {
  Command("POST", "/element/" + element + "/value", {{"text", text}});
}

void Browser::Clear(const Element& element) { Command("POST", "/element/" + element + "/clear"); }

void Browser::PressKeys(const std::string& text) {
  json actions = json::array();
  for (const auto& key : CodePoints(text)) {
    actions.push_back({{"type", "keyDown"}, {"value", key}});
    actions.push_back({{"type", "keyUp"}, {"value", key}});
  }
  Command("POST", "/actions",
          {{"actions", {{{"type", "key"}, {"id", "keyboard"}, {"actions", actions}}}}});
  Command("DELETE", "/actions");
}

std::string Browser::Text(const Element& element) {
  return Command("GET", "/element/" + element + "/text").get<std::string>();
}

std::optional<std::string> Browser::Attribute(const Element& element, const std::string& name) {
  const json value = Command("GET", "/element/" + element + "/attribute/" + name);
  if (value.is_null()) return std::nullopt;
  return value.get<std::string>();
}

json Browser::Property(const Element& element, const std::string& name) {
  return Command("GET", "/element/" + element + "/property/" + name);
}

bool Browser::Displayed(const Element& element) {
  return Command("GET", "/element/" + element + "/displayed").get<bool>();
}

Browser::Element Browser::Active() {
  return Command("GET", "/element/active")[kElementKey].get<std::string>();
}

json Browser::ExecuteScript(const std::string& script, const json& args) {
  return Command("POST", "/execute/sync", {{"script", script}, {"args", args}});
}

json Browser::AsArgument(const Element& element) { return {{kElementKey, element}}; }

std::optional<std::string> Browser::AlertText() {
  try {
    return Command("GET", "/alert/text").get<std::string>();
  } catch (const WebDriverError& error) {
    if (error.error() == "no such alert") return std::nullopt;
    throw;
  }
}

void Browser::Screenshot(const std::filesystem::path& path) {
  const std::string png = Base64Decode(Command("GET", "/screenshot").get<std::string>());
  std::filesystem::create_directories(path.parent_path());
  std::ofstream(path, std::ios::binary) << png;
}

std::string Browser::PageSource() { return Command("GET", "/source").get<std::string>(); }

std::vector<std::string> Browser::ConsoleLog() {
  std::vector<std::string> lines;
  // chromedriver's own extension of the protocol (goog:loggingPrefs).
  for (const auto& entry : Command("POST", "/se/log", {{"type", "browser"}})) {
    lines.push_back(entry.value("level", "") + " " + entry.value("message", ""));
  }
  return lines;
}

}  // namespace akte::test
