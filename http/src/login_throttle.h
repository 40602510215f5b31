// Slows down password guessing: after `attempts` failed logins within
// `window` for one username, or from one client address, further attempts
// are refused (429) until the oldest failure leaves the window. A success
// clears the username's failures.
#pragma once

#include <chrono>
#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace akte::http {

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;

  LoginThrottle(int attempts, std::chrono::seconds window) : attempts_(attempts), window_(window) {}

  // Zero when an attempt may go ahead, else how long to wait.
  std::chrono::seconds RetryAfter(const std::string& username, const std::string& address,
                                  Clock::time_point now = Clock::now());
  void Failed(const std::string& username, const std::string& address,
              Clock::time_point now = Clock::now());
  void Succeeded(const std::string& username);

 private:
  std::chrono::seconds Wait(std::deque<Clock::time_point>& failures, Clock::time_point now);

  const int attempts_;
  const std::chrono::seconds window_;
  std::mutex mutex_;
  std::map<std::string, std::deque<Clock::time_point>> by_user_;
  std::map<std::string, std::deque<Clock::time_point>> by_address_;
};

}  // namespace akte::http
