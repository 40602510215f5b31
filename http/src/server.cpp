#include "akte/http/server.h"

#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "auth.h"
#include "replies.h"
#include "route_helpers.h"
#include "routing.h"
#include "services.h"
#include "static_files.h"

namespace akte::http {

extern const std::string_view kOpenApiDocument;

namespace {

Status HealthCheck(Call& call) {
  call.Reply(200, {{"status", "ok"}});
  return Status::Ok();
}

// Prometheus text format: the request series, the documents in each
// extraction state and the index writer's backlog.
Status PrometheusMetrics(Call& call) {
  auto& catalog = call.services.catalog();
  AKTE_ASSIGN_OR_RETURN(auto states, catalog.CountDocumentsByState());
  AKTE_ASSIGN_OR_RETURN(std::int64_t latest, catalog.LatestChange());
  const std::int64_t indexed = call.services.background->IndexedSeq();
  Metrics::Gauge documents{"akte_documents", "Documents by extraction state.", {}};
  for (const auto& [state, count] : states) {
    documents.values.emplace_back("state=\"" + state + "\"", static_cast<double>(count));
  }
  Metrics::Gauge queue{"akte_index_queue_length",
                       "Catalog changes the search index has yet to take in.",
                       {{"", static_cast<double>(std::max<std::int64_t>(latest - indexed, 0))}}};
  call.response.set_content(call.services.metrics.Render({documents, queue}),
                            "text/plain; version=0.0.4; charset=utf-8");
  return Status::Ok();
}

Status OpenApi(Call& call) {
  call.response.set_content(std::string(kOpenApiDocument), "application/json; charset=utf-8");
  return Status::Ok();
}

}  // namespace

struct Server::Impl {
  Impl(archive::DataDir& dir, ServerOptions server_options, std::unique_ptr<Background> background)
      : options(std::move(server_options)),
        services(dir, options, std::move(background)),
        http(MakeServer(options)),
        router(*http, services) {}

  static std::unique_ptr<httplib::Server> MakeServer(const ServerOptions& options) {
    std::unique_ptr<httplib::Server> server;
    if (options.tls_cert.empty()) {
      server = std::make_unique<httplib::Server>();
    } else {
      server =
          std::make_unique<httplib::SSLServer>(options.tls_cert.c_str(), options.tls_key.c_str());
    }
    // httplib's default adds SO_REUSEPORT, with which a second server binds
    // the same port and the kernel splits the requests between the two
    // (possibly of different data directories). SO_REUSEADDR alone still
    // allows a restart while old connections linger in TIME_WAIT.
    server->set_socket_options([](socket_t sock) {
      int yes = 1;
      setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    return server;
  }

  void Configure();

  ServerOptions options;
  Services services;
  std::unique_ptr<httplib::Server> http;
  Router router;
  int port = 0;
  std::mutex log_mutex;
  std::atomic<bool> stop_requested{false};
  std::atomic<bool> in_run{false};
};

void Server::Impl::Configure() {
  const int threads = options.threads;
  http->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  // Uploads are limited by the handlers while streaming; this rejects a
  // declared Content-Length beyond the limit before reading anything.
  http->set_payload_max_length(options.max_upload_bytes);
  http->set_read_timeout(std::chrono::seconds(30));
  http->set_write_timeout(std::chrono::seconds(30));
  http->set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
    CurrentRequest() = {std::chrono::steady_clock::now(), {}, {}};
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // Answers httplib produces itself (no such route, body too large,
  // unreadable request) get the API's error shape too.
  http->set_error_handler([](const httplib::Request&, httplib::Response& response) {
    if (!response.body.empty()) return;
    switch (response.status) {
      case 404:
        ReplyError(response, 404, "not_found", "no such endpoint (see /api/v1/openapi.json)");
        break;
      case 413:
        ReplyError(response, 413, "payload_too_large", "the request body is too large");
        break;
      case 416:
        ReplyError(response, 416, "range_not_satisfiable",
                   "the requested range is not in the file");
        break;
      default:
        ReplyError(response, response.status, "bad_request", "the request could not be read");
    }
  });
  http->set_exception_handler(
      [this](const httplib::Request&, httplib::Response& response, std::exception_ptr error) {
        std::string what = "unknown";
        try {
          if (error) std::rethrow_exception(error);
        } catch (const std::exception& e) {
          what = e.what();
        } catch (...) {
        }
        ReplyError(response, Status::Internal("exception: " + what), options.access_log);
      });
  http->set_logger([this](const httplib::Request& request, const httplib::Response& response) {
    const RequestNotes& notes = CurrentRequest();
    const auto elapsed = std::chrono::steady_clock::now() - notes.started;
    const std::string& route = notes.route;
    services.metrics.Record(route.empty() ? "unmatched" : route, response.status, elapsed);
    if (!options.access_log) return;
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count();
    const std::string& user = notes.user;
    std::lock_guard lock(log_mutex);
    *options.access_log << FormatUtc(std::chrono::system_clock::now()) << " " << request.remote_addr
                        << " " << (user.empty() ? "-" : user) << " " << request.method << " "
                        << LoggedPath(request.path) << " " << response.status << " "
                        << micros / 1000 << "." << (micros % 1000) / 100 << "ms\n";
  });

  AddStaticRoutes(*http);
  router.Add("GET", "/healthz", Access::kPublic, HealthCheck);
  router.Add("GET", "/api/v1/openapi.json", Access::kRead, OpenApi);
  router.Add("GET", "/metrics", Access::kRead, PrometheusMetrics);
  AddSessionRoutes(router);
  AddCustomerRoutes(router);
  AddContactRoutes(router);
  AddItemRoutes(router);
  AddBusinessRoutes(router);
  AddCommunicationRoutes(router);
  AddMailRoutes(router);
  AddFollowUpRoutes(router);
  AddProspectRoutes(router);
  AddTaskRoutes(router);
  AddAppointmentRoutes(router);
  AddDocumentRoutes(router);
  AddSearchRoutes(router);
  AddSettingsRoutes(router);
  // Before the users' routes: the route walk test revokes tokens last.
  AddCalendarRoutes(router);
  AddUserRoutes(router);
}

Result<std::unique_ptr<Server>> Server::Create(archive::DataDir& dir, ServerOptions options) {
  AKTE_ASSIGN_OR_RETURN(auto background,
                        Background::Open(dir, options.pipeline, options.access_log));
  auto impl = std::make_unique<Impl>(dir, std::move(options), std::move(background));
  if (!impl->http->is_valid()) {
    return Status::InvalidArgument("cannot use the TLS certificate and key (" +
                                       impl->options.tls_cert.string() + ", " +
                                       impl->options.tls_key.string() + ")",
                                   "tls-cert");
  }
  impl->Configure();
  return std::unique_ptr<Server>(new Server(std::move(impl)));
}

Server::Server(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Server::~Server() {
  Stop();
  impl_->services.background->Stop();
}

Status Server::Bind() {
  const auto& options = impl_->options;
  if (options.port == 0) {
    impl_->port = impl_->http->bind_to_any_port(options.host);
  } else if (impl_->http->bind_to_port(options.host, options.port)) {
    impl_->port = options.port;
  } else {
    impl_->port = -1;
  }
  if (impl_->port <= 0) {
    return Status::IoError("cannot listen on " + options.host + ":" + std::to_string(options.port) +
                           " (in use, or not an address of this machine)");
  }
  return Status::Ok();
}

int Server::port() const { return impl_->port; }

Status Server::Run() {
  impl_->services.background->Start();
  impl_->in_run = true;
  const bool clean = impl_->stop_requested || impl_->http->listen_after_bind();
  impl_->in_run = false;
  // httplib's stop() lets the request threads finish what they have begun;
  // then the extraction in progress and the index batch are completed.
  impl_->services.background->Stop();
  if (!clean) return Status::IoError("the server stopped listening unexpectedly");
  return Status::Ok();
}

void Server::Stop() {
  impl_->stop_requested = true;
  // A stop that comes while Run is about to listen waits the moment until
  // httplib is listening, since its stop() ignores a server not yet running.
  while (impl_->in_run && !impl_->http->is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  impl_->http->stop();
}

std::vector<RouteInfo> Server::Routes() const { return impl_->router.routes(); }

}  // namespace akte::http
