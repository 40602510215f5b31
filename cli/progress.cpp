#include "progress.h"

#include <unistd.h>

#include <iostream>

namespace akte::cli {

Progress::Progress(std::string what) : what_(std::move(what)), terminal_(isatty(STDERR_FILENO)) {}

Progress::~Progress() { Finish(); }

void Progress::Finish() {
  if (drawn_) std::cerr << "\n";
  drawn_ = false;
}

void Progress::Update(std::size_t done, std::size_t total, const std::string& item) {
  if (!terminal_) {
    std::cerr << what_ << " " << done << "/" << total << ": " << item << "\n";
    return;
  }
  constexpr int kWidth = 30;
  const int filled = total == 0 ? kWidth : static_cast<int>(kWidth * done / total);
  std::string name = item.size() > 40 ? "…" + item.substr(item.size() - 39) : item;
  std::cerr << "\r\033[K" << what_ << " [" << std::string(filled, '#')
            << std::string(kWidth - filled, '.') << "] " << done << "/" << total << " " << name
            << std::flush;
  drawn_ = true;
}

}  // namespace akte::cli
