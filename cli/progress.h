// Progress of long operations on standard error: a bar that redraws itself
// on a terminal, one plain line per step otherwise (logs, pipes, CI).
#pragma once

#include <cstddef>
#include <string>

namespace akte::cli {

class Progress {
 public:
  explicit Progress(std::string what);
  ~Progress();
  // Reports that `done` of `total` are finished, the last one named `item`.
  void Update(std::size_t done, std::size_t total, const std::string& item);
  // Ends the display (the destructor does so too).
  void Finish();

 private:
  std::string what_;
  bool terminal_;
  bool drawn_ = false;
};

}  // namespace akte::cli
