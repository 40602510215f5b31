#include <sys/resource.h>
#include <unistd.h>

#include <cerrno>
#include <new>
#include <string>

#include "akte/indexer/extract_worker.h"
#include "mime.h"
#include "worker_protocol.h"

namespace akte::indexer {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif

void SetLimit(int resource, rlim_t soft) {
  struct rlimit limit;
  getrlimit(resource, &limit);
  limit.rlim_cur = limit.rlim_max == RLIM_INFINITY ? soft : std::min(soft, limit.rlim_max);
  setrlimit(resource, &limit);
}

// Lets this request use `seconds` more of CPU time than used so far; past
// that the kernel sends SIGXCPU, which ends the process.
void AllowCpuSeconds(int seconds) {
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  const rlim_t used = static_cast<rlim_t>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec);
  SetLimit(RLIMIT_CPU, used + static_cast<rlim_t>(seconds) + 1);
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

// Reads one line from `fd` into `line`; false at end of input.
bool ReadLine(int fd, std::string& buffer, std::string& line) {
  for (;;) {
    auto newline = buffer.find('\n');
    if (newline != std::string::npos) {
      line = buffer.substr(0, newline);
      buffer.erase(0, newline + 1);
      return true;
    }
    char chunk[4096];
    ssize_t n = ::read(fd, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    buffer.append(chunk, static_cast<std::size_t>(n));
  }
}

Extraction Failed(std::string state, std::string reason, std::string mime) {
  Extraction e;
  e.state = std::move(state);
  e.error = std::move(reason);
  e.mime_type = std::move(mime);
  return e;
}

Extraction Handle(const WorkerRequest& request) {
  const std::string mime = DetectMimeType(request.file, request.filename);
  const Extractor* extractor = FindExtractor(mime);
  if (!extractor) {
    return Failed(kUnsupported, "unsupported format: akte has no reader for " + mime, mime);
  }
  ExtractionInput input{request.file,        request.filename, mime,
                        request.scratch_dir, request.depth,    request.limits};
  try {
    Result<Extraction> result = extractor->Extract(input);
    if (result.ok()) {
      Extraction e = std::move(result).value();
      if (e.mime_type.empty()) e.mime_type = mime;
      return e;
    }
    const Status& s = result.status();
    return Failed(s.code() == StatusCode::kUnsupportedFormat ? kUnsupported : kFailed, s.message(),
                  mime);
  } catch (const std::bad_alloc&) {
    return Failed(kFailed, "out of memory: the document needs more than the memory limit allows",
                  mime);
  } catch (const std::exception& e) {
    return Failed(kFailed, std::string("the reader for ") + mime + " failed: " + e.what(), mime);
  }
}

}  // namespace

int RunExtractWorker(int in_fd, int out_fd, std::uint64_t memory_limit) {
  SetLimit(RLIMIT_CORE, 0);
  SetLimit(RLIMIT_NOFILE, 256);
  if (!kAddressSanitizer && memory_limit > 0) SetLimit(RLIMIT_AS, memory_limit);

  std::string buffer, line;
  while (ReadLine(in_fd, buffer, line)) {
    Extraction extraction;
    auto request = DecodeRequest(line);
    if (!request.ok()) {
      extraction = Failed(kFailed, request.status().message(), "");
    } else {
      AllowCpuSeconds(request->limits.cpu_seconds);
      // No file a handler writes may outgrow the largest member allowed.
      SetLimit(RLIMIT_FSIZE, static_cast<rlim_t>(request->limits.max_member_bytes) + (1 << 20));
      extraction = Handle(*request);
    }
    const std::string body = EncodeExtraction(extraction);
    if (!WriteAll(out_fd, std::to_string(body.size()) + "\n") || !WriteAll(out_fd, body)) return 1;
  }
  return 0;
}

}  // namespace akte::indexer
