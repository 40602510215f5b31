// akte serve: the web page and HTTP API until SIGTERM or SIGINT.
#include <atomic>
#include <csignal>
#include <iostream>
#include <thread>

#include "akte/http/server.h"
#include "context.h"
#include "extraction.h"
#include "serving.h"

namespace akte::cli {
namespace {

Status ParseListen(const std::string& listen, http::ServerOptions& options) {
  auto colon = listen.rfind(':');
  if (colon == std::string::npos) {
    return Status::InvalidArgument("--listen must be HOST:PORT, e.g. 127.0.0.1:8080", "listen");
  }
  options.host = listen.substr(0, colon);
  if (options.host.size() > 2 && options.host.front() == '[' && options.host.back() == ']') {
    options.host = options.host.substr(1, options.host.size() - 2);  // [::1]:8080
  }
  try {
    std::size_t used = 0;
    options.port = std::stoi(listen.substr(colon + 1), &used);
    if (used != listen.size() - colon - 1 || options.port < 0 || options.port > 65535) {
      throw std::out_of_range("port");
    }
  } catch (const std::exception&) {
    return Status::InvalidArgument("--listen: the port must be a number from 0 to 65535", "listen");
  }
  return Status::Ok();
}

}  // namespace

int Serve(archive::DataDir& dir, const ServeFlags& flags,
          const std::function<void(const std::string& url)>& on_listening) {
  http::ServerOptions options;
  if (Status s = ParseListen(flags.listen, options); !s.ok()) return Fail(s);
  if (flags.tls_cert.empty() != flags.tls_key.empty()) {
    return Fail(Status::InvalidArgument("--tls-cert and --tls-key go together", "tls-cert"));
  }
  options.tls_cert = flags.tls_cert;
  options.tls_key = flags.tls_key;
  options.max_upload_bytes = flags.max_upload_mb << 20;
  options.access_log = flags.quiet ? nullptr : &std::cerr;
  auto pipeline = PipelineOptionsFor(dir);
  if (!pipeline.ok()) return Fail(pipeline.status());
  options.pipeline = *pipeline;

  // Signals are taken by one thread with sigwait, so the server stops from
  // an ordinary thread (httplib's stop() is not async-signal-safe).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  auto server = http::Server::Create(dir, options);
  if (!server.ok()) return Fail(server.status());
  if (Status s = (*server)->Bind(); !s.ok()) {
    return Fail(Status(s.code(), s.message() + "; choose another with --listen HOST:PORT"));
  }
  const std::string url = std::string(options.tls_cert.empty() ? "http" : "https") + "://" +
                          options.host + ":" + std::to_string((*server)->port()) + "/";
  if (on_listening) on_listening(url);
  std::cout << "akte serves " << dir.root().string() << " at " << url << " (stop with Ctrl-C)"
            << std::endl;

  std::atomic<bool> ended{false};
  std::thread stopper([&server, &ended, signals] {
    int received = 0;
    sigwait(&signals, &received);
    if (ended) return;
    std::cerr << "akte serve: stopping (finishing requests and the index batch)" << std::endl;
    (*server)->Stop();
  });
  Status ran = (*server)->Run();
  // Run also ends without a signal (the listener failed): wake the stopper.
  ended = true;
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  server->reset();
  if (!ran.ok()) return Fail(ran);
  std::cerr << "akte serve: stopped" << std::endl;
  return kExitOk;
}

void AddServeFlags(CLI::App* cmd, ServeFlags& flags) {
  cmd->add_option("--listen", flags.listen, "Address and port to listen on (HOST:PORT)");
  cmd->add_option("--tls-cert", flags.tls_cert, "PEM certificate: serve HTTPS")
      ->check(CLI::ExistingFile);
  cmd->add_option("--tls-key", flags.tls_key, "PEM private key of the certificate")
      ->check(CLI::ExistingFile);
  cmd->add_option("--max-upload-mb", flags.max_upload_mb, "Largest upload request, in MiB")
      ->check(CLI::Range(1, 1 << 20));
  cmd->add_flag("--quiet", flags.quiet, "No access log on stderr");
}

void AddServeCommand(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand("serve", "Serve the web page and the HTTP API");
  auto flags = std::make_shared<ServeFlags>();
  AddServeFlags(cmd, *flags);
  OnRun(cmd, ctx, [flags](archive::DataDir& dir) { return Serve(dir, *flags); });
}

}  // namespace akte::cli
