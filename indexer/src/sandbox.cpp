#include "sandbox.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>

namespace akte::indexer {
namespace {

using Clock = std::chrono::steady_clock;

// Workers are replaced after this many documents, so that slow leaks in the
// format libraries cannot accumulate.
constexpr int kRequestsPerWorker = 500;
constexpr int kWatchdogMillis = 100;

Extraction Failed(std::string reason) {
  Extraction e;
  e.state = kFailed;
  e.error = std::move(reason);
  return e;
}

bool WriteAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

std::uint64_t ResidentBytes(pid_t pid) {
  std::ifstream statm("/proc/" + std::to_string(pid) + "/statm");
  std::uint64_t size = 0, resident = 0;
  statm >> size >> resident;
  return resident * static_cast<std::uint64_t>(sysconf(_SC_PAGESIZE));
}

}  // namespace

SandboxedWorker::~SandboxedWorker() { Stop(); }

Status SandboxedWorker::Start() {
  signal(SIGPIPE, SIG_IGN);
  int request_pipe[2], answer_pipe[2];
  if (pipe2(request_pipe, O_CLOEXEC) != 0) return Status::FromErrno(errno, "create pipe");
  if (pipe2(answer_pipe, O_CLOEXEC) != 0) {
    close(request_pipe[0]);
    close(request_pipe[1]);
    return Status::FromErrno(errno, "create pipe");
  }
  const std::string executable = command_.executable.string();
  const std::string memory = std::to_string(command_.memory_limit);
  const pid_t parent = getpid();
  pid_t pid = fork();
  if (pid < 0) return Status::FromErrno(errno, "start extraction worker");
  if (pid == 0) {
    // Only async-signal-safe calls until exec.
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) _exit(1);
    // A server blocks SIGTERM/SIGINT to take them in one thread; the
    // worker must not inherit that.
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, nullptr);
    dup2(request_pipe[0], STDIN_FILENO);
    dup2(answer_pipe[1], STDOUT_FILENO);
    int null = open("/dev/null", O_WRONLY);
    if (null >= 0) dup2(null, STDERR_FILENO);  // format libraries chatter on stderr
    execl(executable.c_str(), executable.c_str(), "extract-worker", "--memory", memory.c_str(),
          static_cast<char*>(nullptr));
    _exit(127);
  }
  close(request_pipe[0]);
  close(answer_pipe[1]);
  pid_ = pid;
  to_worker_ = request_pipe[1];
  from_worker_ = answer_pipe[0];
  requests_served_ = 0;
  return Status::Ok();
}

int SandboxedWorker::Stop() {
  if (to_worker_ >= 0) close(to_worker_);
  if (from_worker_ >= 0) close(from_worker_);
  to_worker_ = from_worker_ = -1;
  int status = 0;
  if (pid_ > 0) {
    kill(pid_, SIGKILL);  // a worker that already ended keeps its own status
    waitpid(pid_, &status, 0);
  }
  pid_ = -1;
  return status;
}

std::string SandboxedWorker::DescribeEnd(int status, const ExtractionLimits& limits) const {
  if (WIFEXITED(status)) {
    if (WEXITSTATUS(status) == 127) {
      return "the extraction worker could not be started (" + command_.executable.string() + ")";
    }
    return "the extraction worker ended unexpectedly (exit code " +
           std::to_string(WEXITSTATUS(status)) + ")";
  }
  const int signal = WTERMSIG(status);
  switch (signal) {
    case SIGXCPU:
      return "exceeded the CPU time limit of " + std::to_string(limits.cpu_seconds) + " s";
    case SIGXFSZ:
      return "exceeded the file size limit while unpacking";
    default:
      return std::string("the reader crashed (signal ") + sigabbrev_np(signal) + ")";
  }
}

Extraction SandboxedWorker::Run(const WorkerRequest& request) {
  bool quit = false;
  Extraction extraction = Exchange(request, quit);
  if (quit) extraction = Exchange(request, quit);  // once more, with a fresh worker
  return extraction;
}

Extraction SandboxedWorker::Exchange(const WorkerRequest& request, bool& quit) {
  quit = false;
  if (pid_ < 0 || requests_served_ >= kRequestsPerWorker) {
    Stop();
    if (Status started = Start(); !started.ok()) return Failed(started.message());
  }
  ++requests_served_;
  if (!WriteAll(to_worker_, EncodeRequest(request) + "\n")) {
    // Usually the worker is already gone (it could not even start): say why.
    const int status = Stop();
    quit = true;
    const bool killed_by_us = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
    return Failed(killed_by_us ? "cannot talk to the extraction worker"
                               : DescribeEnd(status, request.limits));
  }

  const auto deadline = Clock::now() + std::chrono::seconds(request.limits.wall_seconds);
  // The answer carries the whole text plus metadata and the children's names.
  const std::uint64_t max_answer = request.limits.max_text_bytes + (std::uint64_t{16} << 20);
  std::string received;
  std::uint64_t expected = 0;
  bool have_length = false;
  std::string killed_for;
  for (;;) {
    if (have_length && received.size() >= expected) break;
    if (Clock::now() >= deadline) {
      killed_for = "timed out after " + std::to_string(request.limits.wall_seconds) + " s";
      break;
    }
    if (ResidentBytes(pid_) > request.limits.address_space) {
      killed_for = "exceeded the memory limit of " +
                   std::to_string(request.limits.address_space >> 20) + " MiB";
      break;
    }
    pollfd pfd{from_worker_, POLLIN, 0};
    int ready = poll(&pfd, 1, kWatchdogMillis);
    if (ready < 0 && errno != EINTR) break;
    if (ready <= 0) continue;
    char chunk[65536];
    ssize_t n = read(from_worker_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the worker died
    received.append(chunk, static_cast<std::size_t>(n));
    if (!have_length) {
      auto newline = received.find('\n');
      if (newline == std::string::npos) continue;
      expected = std::strtoull(received.substr(0, newline).c_str(), nullptr, 10);
      received.erase(0, newline + 1);
      have_length = true;
      if (expected > max_answer) {
        killed_for = "the extracted text exceeds the output limit";
        break;
      }
    }
  }
  if (have_length && received.size() >= expected && killed_for.empty()) {
    auto extraction = DecodeExtraction(std::string_view(received).substr(0, expected));
    if (extraction.ok()) return std::move(extraction).value();
    Stop();
    return Failed(extraction.status().message());
  }
  // The worker crashed, hung or outgrew a limit: find out which, then replace it.
  const pid_t pid = pid_;
  if (!killed_for.empty()) kill(pid, SIGKILL);
  int status = 0;
  waitpid(pid, &status, 0);
  pid_ = -1;
  Stop();
  quit = killed_for.empty() && WIFEXITED(status) && WEXITSTATUS(status) == 0;
  return Failed(killed_for.empty() ? DescribeEnd(status, request.limits) : killed_for);
}

}  // namespace akte::indexer
