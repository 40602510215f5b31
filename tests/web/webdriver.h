// A real headless Chromium driven through chromedriver over the W3C WebDriver
// HTTP protocol (https://www.w3.org/TR/webdriver2/), for the web page tests.
#pragma once

#include <sys/types.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "temp_dir.h"

namespace httplib {
class Client;
}

namespace akte::test {

// A WebDriver command that failed, or a wait that timed out. The message
// names the command, the WebDriver error code and the page's URL.
class WebDriverError : public std::runtime_error {
 public:
  WebDriverError(std::string error, const std::string& message)
      : std::runtime_error(message), error_(std::move(error)) {}
  // The W3C error code ("no such element", "stale element reference", …),
  // or "timeout" for the waits of Browser.
  const std::string& error() const { return error_; }

 private:
  std::string error_;
};

// Keys of the WebDriver key table, for Type and PressKeys.
namespace keys {
inline constexpr const char* kEnter = "\xEE\x80\x87";      // U+E007
inline constexpr const char* kEscape = "\xEE\x80\x8C";     // U+E00C
inline constexpr const char* kTab = "\xEE\x80\x84";        // U+E004
inline constexpr const char* kBackspace = "\xEE\x80\x83";  // U+E003
}  // namespace keys

struct BrowserOptions {
  // Called once, before the first timeout error is thrown, while the page
  // is still open (to save a screenshot); may be empty.
  std::function<void()> on_timeout;
  std::chrono::milliseconds find_timeout{5000};
  // The browser's own language (navigator.language, Accept-Language): the
  // page follows it until the user picks one, so tests pin it.
  std::string language = "de-DE";
};

// One chromedriver child process and one headless Chromium session with a
// fresh profile in a temporary directory. The constructor throws
// WebDriverError ("setup") with an actionable message when chromedriver or
// Chromium is missing or does not start; the destructor ends the session
// and kills chromedriver. Elements are WebDriver element references
// (strings). Not thread-safe: use one Browser from one thread.
//
// Programs: $AKTE_CHROMEDRIVER, else `chromedriver` on PATH; Chromium:
// $AKTE_CHROMIUM, else /usr/bin/chromium (Debian's `chromium` package).
class Browser {
 public:
  using Element = std::string;
  // Tells whether a matching element is the one waited for.
  using Predicate = std::function<bool(Browser&, const Element&)>;

  explicit Browser(BrowserOptions options = {});
  ~Browser();
  Browser(const Browser&) = delete;
  Browser& operator=(const Browser&) = delete;

  // Navigates to `url` and waits for the document to load.
  void Go(const std::string& url);
  std::string Url();
  void Refresh();
  // The value of the page's cookie `name` (HttpOnly ones too), nullopt when
  // there is none.
  std::optional<std::string> Cookie(const std::string& name);
  // Resizes the browser window (the page sees about this viewport).
  void SetWindowSize(int width, int height);

  // The first element matching `css`, waiting up to the find timeout for
  // it to appear; throws WebDriverError ("timeout") when none does.
  Element Find(const std::string& css);
  // Every element matching `css` now (no waiting); maybe none.
  std::vector<Element> FindAll(const std::string& css);
  // Elements matching `css` inside `parent`, now.
  std::vector<Element> FindAllIn(const Element& parent, const std::string& css);
  // The first element matching `css` for which `predicate` holds, waiting
  // up to `timeout`; nullopt when none appears. Elements that go stale
  // while being checked are looked up again.
  std::optional<Element> WaitFor(const std::string& css, const Predicate& predicate,
                                 std::chrono::milliseconds timeout);
  std::optional<Element> WaitFor(const std::string& css, const Predicate& predicate);
  // The first element matching `css` whose text contains `text`.
  std::optional<Element> WaitForText(const std::string& css, const std::string& text);
  // Polls `condition` every 50 ms until it holds or `timeout` passes; an
  // element going stale inside it counts as "not yet".
  bool WaitUntil(const std::function<bool()>& condition,
                 std::chrono::milliseconds timeout = std::chrono::seconds(5));

  void Click(const Element& element);
  // Sends `text` to the element as key presses (keys:: codes allowed).
  void Type(const Element& element, const std::string& text);
  void Clear(const Element& element);
  // Presses and releases each key of `text` on whatever has the focus.
  void PressKeys(const std::string& text);

  // The rendered text (innerText as WebDriver defines it).
  std::string Text(const Element& element);
  // The attribute's value, nullopt when absent.
  std::optional<std::string> Attribute(const Element& element, const std::string& name);
  // A DOM property (`value`, `checked`…) as JSON.
  nlohmann::json Property(const Element& element, const std::string& name);
  bool Displayed(const Element& element);
  // The element that has the focus.
  Element Active();

  // Runs `script` as a function body (`arguments` holds `args`; element
  // references are passed as AsArgument(element)) and returns its result.
  nlohmann::json ExecuteScript(const std::string& script,
                               const nlohmann::json& args = nlohmann::json::array());
  static nlohmann::json AsArgument(const Element& element);
  // The open alert/confirm/prompt's text, nullopt when none is open.
  std::optional<std::string> AlertText();

  // Saves a PNG of the viewport.
  void Screenshot(const std::filesystem::path& path);
  std::string PageSource();
  // The browser console's messages since the last call ("LEVEL message").
  std::vector<std::string> ConsoleLog();

 private:
  nlohmann::json Command(const std::string& method, const std::string& path,
                         const nlohmann::json& body = nullptr);
  nlohmann::json Send(const std::string& method, const std::string& path,
                      const nlohmann::json& body);
  [[noreturn]] void TimedOut(const std::string& what);
  void StartDriver();
  void StartSession();
  void StopDriver();

  BrowserOptions options_;
  TempDir temp_;
  pid_t driver_pid_ = -1;
  int port_ = 0;
  std::unique_ptr<httplib::Client> client_;
  std::string session_;
  bool timed_out_ = false;
};

}  // namespace akte::test
