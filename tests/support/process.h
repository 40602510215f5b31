// Runs a program as a real child process and captures what it printed.
#pragma once

#include <string>
#include <vector>

namespace akte::test {

struct ProcessResult {
  int exit_code = -1;  // 128 + signal when killed
  std::string out;
  std::string err;
};

// Runs `argv` (argv[0] is the program path) with `input` on standard input.
// `env` entries ("NAME=value") are added to the environment.
ProcessResult RunProcess(const std::vector<std::string>& argv, const std::string& input = "",
                         const std::vector<std::string>& env = {});

}  // namespace akte::test
