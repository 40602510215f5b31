// The `akte` binary run as a user runs it, on a data directory of its own.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "process.h"
#include "temp_dir.h"

namespace akte::test {

struct Akte {
  TempDir dir;
  std::string data = (dir / "data").string();

  ProcessResult operator()(std::vector<std::string> args, const std::string& input = "") const {
    args.insert(args.begin(), {AKTE_BINARY, "--data-dir", data});
    return RunProcess(args, input, {"LANG=C"});
  }
  ProcessResult Ok(std::vector<std::string> args, const std::string& input = "") const {
    ProcessResult r = (*this)(std::move(args), input);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    return r;
  }
};

struct InitializedAkte : Akte {
  InitializedAkte() { Ok({"init"}); }
};

}  // namespace akte::test
