// The fixture of the web page tests: a real akte server (see ApiServer) and a
// real headless browser on it, with helpers to seed data and to log in.
#pragma once

#include <memory>
#include <string>

#include "api_server.h"
#include "webdriver.h"

namespace akte::test {

// One server and one browser per test case. When an assertion fails or a
// wait times out, it saves a screenshot, the page's HTML and the browser
// console to $AKTE_WEB_ARTIFACTS (default: ./web-failures) as
// <test name>.png/.html/.log. Not thread-safe.
class WebTest {
 public:
  WebTest();
  ~WebTest();
  WebTest(const WebTest&) = delete;
  WebTest& operator=(const WebTest&) = delete;

  ApiServer& api() { return api_; }
  Browser& browser() { return *browser_; }
  // The page's address with `route` appended ("#/customers").
  std::string Url(const std::string& route = "") const;
  // Navigates to the page at `route`.
  void Open(const std::string& route = "");
  // Logs in through the login form and waits for the top bar's #user-name.
  void LogIn(const std::string& username, const std::string& password = kPassword);

  // Seeds the catalog directly, as the admin; returns the new record's id.
  archive::Id AddCustomer(const std::string& number, const std::string& company);
  archive::Id AddNote(archive::Id customer_id, const std::string& text);
  // Waits (up to 20 s) until the API's search finds `query`: the index has
  // caught up with what was seeded.
  void WaitForIndex(const std::string& query);
  // Waits (up to `timeout`) until, by the server's /metrics, nothing waits
  // for extraction and the index has taken in every catalog change.
  void WaitUntilSettled(std::chrono::seconds timeout);

  // Saves the failure artifacts once per test; called by the listener.
  void SaveArtifacts();
  // The WebTest of the running test case, or null.
  static WebTest* Current();

 private:
  ApiServer api_;
  std::unique_ptr<Browser> browser_;
  bool saved_ = false;
};

// The admin's display name, as ApiServer creates the admin.
inline constexpr const char* kAdminName = "Jana Schreiber";

}  // namespace akte::test
