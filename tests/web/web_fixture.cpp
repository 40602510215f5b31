// Catch2's listener interface is only declared with this switch.
#define CATCH_CONFIG_EXTERNAL_INTERFACES
#include "web_fixture.h"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <thread>

namespace akte::test {
namespace {

WebTest* current = nullptr;

std::filesystem::path ArtifactsDir() {
  if (const char* dir = std::getenv("AKTE_WEB_ARTIFACTS"); dir && *dir) return dir;
  return std::filesystem::current_path() / "web-failures";
}

// The running test's name as a file name.
std::string FileStem() {
  std::string name = Catch::getResultCapture().getCurrentTestName();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') c = '_';
  }
  return name.substr(0, 120);
}

// Saves the artifacts at the first failed assertion, while the page is
// still open (an exception would unwind the browser before Catch saw it;
// Browser's on_timeout covers those).
class FailureListener : public Catch::TestEventListenerBase {
 public:
  using TestEventListenerBase::TestEventListenerBase;
  bool assertionEnded(const Catch::AssertionStats& stats) override {
    if (!stats.assertionResult.isOk() && WebTest::Current()) WebTest::Current()->SaveArtifacts();
    return true;
  }
};
CATCH_REGISTER_LISTENER(FailureListener)

}  // namespace

WebTest::WebTest() {
  BrowserOptions options;
  options.on_timeout = [this] { SaveArtifacts(); };
  browser_ = std::make_unique<Browser>(std::move(options));
  current = this;
}

WebTest::~WebTest() {
  current = nullptr;
  browser_.reset();
}

WebTest* WebTest::Current() { return current; }

std::string WebTest::Url(const std::string& route) const {
  return "http://127.0.0.1:" + std::to_string(api_.port()) + "/" + route;
}

void WebTest::Open(const std::string& route) { browser_->Go(Url(route)); }

void WebTest::LogIn(const std::string& username, const std::string& password) {
  Open("#/login");
  auto& b = *browser_;
  b.Type(b.Find("input#login-username"), username);
  b.Type(b.Find("input#login-password"), password);
  b.Click(b.Find("button#login-submit"));
  b.Find("#user-name");
}

archive::Id WebTest::AddCustomer(const std::string& number, const std::string& company) {
  auto& catalog = api_.dir().catalog();
  auto admin = catalog.ActorFor("admin");
  REQUIRE(admin.ok());
  archive::Customer customer;
  customer.number = number;
  customer.company = company;
  auto created = catalog.CreateCustomer(*admin, customer);
  REQUIRE(created.ok());
  return created->id;
}

archive::Id WebTest::AddNote(archive::Id customer_id, const std::string& text) {
  auto& catalog = api_.dir().catalog();
  auto admin = catalog.ActorFor("admin");
  REQUIRE(admin.ok());
  auto note = catalog.AddNote(*admin, customer_id, std::nullopt, text);
  REQUIRE(note.ok());
  return note->id;
}

void WebTest::WaitForIndex(const std::string& query) {
  auto client = api_.Client();
  const auto path = "/api/v1/search?q=" + httplib::detail::encode_query_param(query);
  const bool found = browser_->WaitUntil(
      [&] {
        const auto body = Json(client.Get(path, api_.As("staff")));
        return body.is_object() && body.value("total", 0) > 0;
      },
      std::chrono::seconds(20));
  INFO("the API search for '" << query << "' found nothing: the index did not catch up");
  REQUIRE(found);
}

void WebTest::WaitUntilSettled(std::chrono::seconds timeout) {
  auto client = api_.Client();
  std::string metrics;
  const bool settled = browser_->WaitUntil(
      [&] {
        auto answer = client.Get("/metrics", api_.As("staff"));
        metrics = answer && answer->status == 200 ? answer->body : "";
        return metrics.find("akte_index_queue_length 0\n") != std::string::npos &&
               metrics.find("state=\"pending\"") == std::string::npos;
      },
      timeout);
  INFO("the server is still busy: " << metrics);
  REQUIRE(settled);
}

void WebTest::SaveArtifacts() {
  if (saved_ || !browser_) return;
  saved_ = true;
  const auto stem = ArtifactsDir() / FileStem();
  try {
    browser_->Screenshot(stem.string() + ".png");
    std::ofstream(stem.string() + ".html") << browser_->PageSource();
    std::ofstream log(stem.string() + ".log");
    for (const auto& line : browser_->ConsoleLog()) log << line << "\n";
    std::cerr << "web test failed; screenshot, page and console log: " << stem.string()
              << ".{png,html,log}\n";
  } catch (const std::exception& error) {
    std::cerr << "web test failed; could not save the page: " << error.what() << "\n";
  }
}

}  // namespace akte::test
