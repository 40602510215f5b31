#include "login_throttle.h"

#include <algorithm>
#include <cctype>

namespace akte::http {
namespace {

// Usernames compare without case, as the catalog does.
std::string UserKey(const std::string& username) {
  std::string key;
  for (char c : username) key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

}  // namespace

std::chrono::seconds LoginThrottle::Wait(std::deque<Clock::time_point>& failures,
                                         Clock::time_point now) {
  while (!failures.empty() && now - failures.front() >= window_) failures.pop_front();
  if (static_cast<int>(failures.size()) < attempts_) return std::chrono::seconds(0);
  auto wait = std::chrono::ceil<std::chrono::seconds>(failures.front() + window_ - now);
  return std::max(wait, std::chrono::seconds(1));
}

std::chrono::seconds LoginThrottle::RetryAfter(const std::string& username,
                                               const std::string& address, Clock::time_point now) {
  std::lock_guard lock(mutex_);
  return std::max(Wait(by_user_[UserKey(username)], now), Wait(by_address_[address], now));
}

void LoginThrottle::Failed(const std::string& username, const std::string& address,
                           Clock::time_point now) {
  std::lock_guard lock(mutex_);
  by_user_[UserKey(username)].push_back(now);
  by_address_[address].push_back(now);
}

void LoginThrottle::Succeeded(const std::string& username) {
  std::lock_guard lock(mutex_);
  by_user_.erase(UserKey(username));
}

}  // namespace akte::http
