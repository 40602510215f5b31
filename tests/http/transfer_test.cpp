// Streaming upload and download against a real httplib server on
// 127.0.0.1 whose routes call ReceiveUploads and SendDocument directly.
#include "transfer.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "temp_dir.h"

namespace akte::http {
namespace {

using archive::Document;
using test::CountFiles;

// Every byte value, repeated: binary content that survives no mangling.
std::string BinaryContent(std::size_t size) {
  std::string bytes(size, '\0');
  for (std::size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((i * 7 + i / 251) % 256);
  return bytes;
}

// One header of a GET answer as it is on the wire: httplib's client
// percent-decodes header values, which would hide how filename* is encoded.
std::string RawHeader(int port, const std::string& target, const std::string& name) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(fd >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  const std::string request =
      "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
  REQUIRE(::write(fd, request.data(), request.size()) == static_cast<ssize_t>(request.size()));
  std::string answer;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fd, buffer, sizeof buffer)) > 0;) answer.append(buffer, n);
  ::close(fd);
  const std::string key = "\r\n" + name + ": ";
  const auto start = answer.find(key);
  if (start == std::string::npos) return {};
  const auto value = start + key.size();
  return answer.substr(value, answer.find("\r\n", value) - value);
}

class TransferServer {
 public:
  TransferServer() {
    auto created = archive::DataDir::Initialize(
        tmp_.path(), archive::User{0, "admin", "Admin", archive::kRoleAdmin, "", false});
    REQUIRE(created.ok());
    dir_ = std::move(created).value();
    admin_ = *dir_->catalog().ActorFor("admin");
    archive::Customer draft;
    draft.number = "10001";
    draft.company = "Müller GmbH";
    customer_ = *dir_->catalog().CreateCustomer(admin_, draft);

    auto upload = [this](const httplib::Request& request, httplib::Response& response,
                         const httplib::ContentReader& content) {
      UploadTarget target;
      if (request.has_param("customer_id")) {
        target.customer_id = std::stoll(request.get_param_value("customer_id"));
      }
      auto result = ReceiveUploads(*dir_, admin_, request, content, target, max_bytes);
      response.status = result.ok() ? 201 : 400;
      if (!result.ok()) response.set_header("Connection", "close");
      std::lock_guard lock(mutex_);
      last_.emplace(std::move(result));
      ++uploads_;
      handled_.notify_all();
    };
    server_.Post("/upload", upload);
    server_.Put("/upload", upload);
    server_.Get(R"(/documents/(\d+))", [this](const httplib::Request& request,
                                              httplib::Response& response) {
      auto document = dir_->catalog().GetDocument(std::stoll(request.matches[1].str()));
      Status status = document.ok() ? SendDocument(*dir_, *document, request.has_param("inline"),
                                                   request, response)
                                    : document.status();
      if (!status.ok()) response.status = 500;
    });
    port_ = server_.bind_to_any_port("127.0.0.1");
    REQUIRE(port_ > 0);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }

  ~TransferServer() {
    server_.stop();
    thread_.join();
  }

  httplib::Client Client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_read_timeout(30);
    client.set_write_timeout(30);
    return client;
  }

  // The outcome of the `n`-th upload, once the server has handled it (the
  // client may see a reset connection first when the server stops reading).
  Result<std::vector<UploadedFile>> Upload(int n) {
    std::unique_lock lock(mutex_);
    REQUIRE(handled_.wait_for(lock, std::chrono::seconds(30), [&] { return uploads_ >= n; }));
    return *last_;
  }

  // A document stored directly, for download tests.
  Document Store(std::string_view bytes, std::string filename, std::string mime_type) {
    auto blob = dir_->blobs().PutBytes(bytes);
    REQUIRE(blob.ok());
    Document draft;
    draft.customer_id = customer_.id;
    draft.filename = std::move(filename);
    draft.mime_type = std::move(mime_type);
    auto stored = dir_->RecordDocument(admin_, draft, *blob);
    REQUIRE(stored.ok());
    return stored->document;
  }

  std::string Bytes(const Document& document) const {
    return test::ReadFile(dir_->blobs().PathFor(document.sha256));
  }
  std::size_t DocumentCount() {
    auto documents = dir_->catalog().BlobReferences();
    REQUIRE(documents.ok());
    return documents->size();
  }
  std::size_t TempFiles() const { return CountFiles(dir_->tmp_path()); }
  std::size_t Blobs() const { return CountFiles(dir_->root() / "blobs"); }
  archive::Id customer_id() const { return customer_.id; }
  int port() const { return port_; }
  std::string customer_query() const { return "customer_id=" + std::to_string(customer_.id); }

  std::uint64_t max_bytes = 10 << 20;

 private:
  test::TempDir tmp_;
  std::unique_ptr<archive::DataDir> dir_;
  archive::Actor admin_;
  archive::Customer customer_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::mutex mutex_;
  std::condition_variable handled_;
  int uploads_ = 0;
  std::optional<Result<std::vector<UploadedFile>>> last_;
};

httplib::MultipartFormData Field(std::string name, std::string value) {
  return {std::move(name), std::move(value), "", ""};
}
httplib::MultipartFormData File(std::string filename, std::string content,
                                std::string type = "application/octet-stream") {
  return {"file", std::move(content), std::move(filename), std::move(type)};
}

// --- Upload -------------------------------------------------------------------

TEST_CASE("Upload stores every file of a form byte for byte with the fields before it",
          "[http][upload]") {
  TransferServer s;
  const std::string offer = BinaryContent(700'000);  // several chunks of the body
  const std::string note = "Rückruf vereinbart.\n";
  auto response = s.Client().Post(
      "/upload",
      httplib::MultipartFormDataItems{
          Field("customer_id", std::to_string(s.customer_id())), Field("type", "Angebot"),
          Field("title", "Angebot Frühjahr"), Field("document_date", "2024-03-01"),
          File("Angebot Müller.pdf", offer, "application/pdf"), Field("title", ""),
          Field("type", "Memo"), File("notiz.txt", note, "text/plain; charset=utf-8")});
  REQUIRE(response);
  CHECK(response->status == 201);
  auto uploaded = s.Upload(1);
  REQUIRE(uploaded.ok());
  REQUIRE(uploaded->size() == 2);

  const Document& first = (*uploaded)[0].document;
  CHECK_FALSE((*uploaded)[0].already_stored);
  CHECK(first.filename == "Angebot Müller.pdf");
  CHECK(first.customer_id == s.customer_id());
  CHECK(first.type == "Angebot");
  CHECK(first.title == "Angebot Frühjahr");
  CHECK(first.document_date == "2024-03-01");
  CHECK(first.mime_type == "application/pdf");
  CHECK(first.size == offer.size());
  CHECK(first.uploaded_by == "admin");
  CHECK(first.extraction_state == archive::kStatePending);
  CHECK(s.Bytes(first) == offer);

  const Document& second = (*uploaded)[1].document;
  CHECK(second.filename == "notiz.txt");
  CHECK(second.title == "notiz");  // the emptied title falls back to the name
  CHECK(second.type == "Memo");
  CHECK(second.document_date == "2024-03-01");
  CHECK(second.mime_type == "text/plain");
  CHECK(s.Bytes(second) == note);
  CHECK(s.TempFiles() == 0);
}

TEST_CASE("Upload of a raw body takes its name from ?filename= and its type as a hint",
          "[http][upload]") {
  TransferServer s;
  const std::string bytes = BinaryContent(200'000);
  auto response = s.Client().Put("/upload?filename=Rechnung%20RE-42.pdf&" + s.customer_query(),
                                 bytes, "application/pdf");
  REQUIRE(response);
  CHECK(response->status == 201);
  auto uploaded = s.Upload(1);
  REQUIRE(uploaded.ok());
  REQUIRE(uploaded->size() == 1);
  const Document& document = uploaded->front().document;
  CHECK(document.filename == "Rechnung RE-42.pdf");
  CHECK(document.title == "Rechnung RE-42");
  CHECK(document.mime_type == "application/pdf");
  CHECK(document.customer_id == s.customer_id());
  CHECK(s.Bytes(document) == bytes);

  // The same bytes again are recognised, not filed twice.
  REQUIRE(s.Client().Put("/upload?filename=kopie.pdf&" + s.customer_query(), bytes,
                         "application/octet-stream"));
  auto again = s.Upload(2);
  REQUIRE(again.ok());
  CHECK(again->front().already_stored);
  CHECK(again->front().document.id == document.id);
}

TEST_CASE("Upload of a raw body without a filename is refused naming the field", "[http][upload]") {
  TransferServer s;
  auto response = s.Client().Put("/upload?" + s.customer_query(), "some bytes", "text/plain");
  REQUIRE(response);
  CHECK(response->status == 400);
  auto uploaded = s.Upload(1);
  REQUIRE_FALSE(uploaded.ok());
  CHECK(uploaded.status().code() == StatusCode::kInvalidArgument);
  CHECK(uploaded.status().field() == "filename");
  CHECK(s.DocumentCount() == 0);
  CHECK(s.Blobs() == 0);
}

TEST_CASE("Upload of a chunked body over the limit fails with TooLarge and leaves nothing",
          "[http][upload]") {
  TransferServer s;
  s.max_bytes = 1 << 20;
  const std::string chunk = BinaryContent(64 * 1024);
  std::size_t sent = 0;
  // No Content-Length: the limit can only be found while reading.
  s.Client().Put(
      "/upload?filename=riesig.bin&" + s.customer_query(),
      [&](std::size_t, httplib::DataSink& sink) {
        if (sent >= (std::size_t{4} << 20)) {
          sink.done();
          return true;
        }
        sent += chunk.size();
        return sink.write(chunk.data(), chunk.size());
      },
      "application/octet-stream");
  auto uploaded = s.Upload(1);
  REQUIRE_FALSE(uploaded.ok());
  CHECK(uploaded.status().code() == StatusCode::kTooLarge);
  CHECK(s.DocumentCount() == 0);
  CHECK(s.TempFiles() == 0);
  CHECK(s.Blobs() == 0);
}

TEST_CASE("Upload whose second file passes the limit records neither", "[http][upload]") {
  TransferServer s;
  s.max_bytes = 300'000;
  s.Client().Post("/upload?" + s.customer_query(),
                  httplib::MultipartFormDataItems{File("klein.pdf", BinaryContent(100'000)),
                                                  File("gross.pdf", BinaryContent(250'000))});
  auto uploaded = s.Upload(1);
  REQUIRE_FALSE(uploaded.ok());
  CHECK(uploaded.status().code() == StatusCode::kTooLarge);
  CHECK(s.DocumentCount() == 0);
  CHECK(s.TempFiles() == 0);
}

TEST_CASE("Upload with a declared length over the limit is refused before reading",
          "[http][upload]") {
  TransferServer s;
  s.max_bytes = 1000;
  auto response = s.Client().Put("/upload?filename=a.txt", std::string(5000, 'x'), "text/plain");
  REQUIRE(response);
  CHECK(response->status == 400);
  auto uploaded = s.Upload(1);
  REQUIRE_FALSE(uploaded.ok());
  CHECK(uploaded.status().code() == StatusCode::kTooLarge);
  CHECK(s.TempFiles() == 0);
  CHECK(s.Blobs() == 0);
}

TEST_CASE("Upload of a malformed multipart body is refused as such", "[http][upload]") {
  TransferServer s;
  const std::string unterminated =
      "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n"
      "the body ends before the closing boundary";
  s.Client().Post("/upload", unterminated, "multipart/form-data; boundary=xyz");
  auto uploaded = s.Upload(1);
  REQUIRE_FALSE(uploaded.ok());
  CHECK(uploaded.status().code() == StatusCode::kInvalidArgument);
  CHECK(uploaded.status().message() == "malformed multipart body");
  CHECK(s.DocumentCount() == 0);
  CHECK(s.TempFiles() == 0);

  s.Client().Post("/upload", "no boundary at all", "multipart/form-data");
  auto no_boundary = s.Upload(2);
  REQUIRE_FALSE(no_boundary.ok());
  CHECK(no_boundary.status().message() == "malformed multipart body");
}

TEST_CASE("Upload keeps only the last component of a file name with directories",
          "[http][upload]") {
  TransferServer s;
  s.Client().Post("/upload?" + s.customer_query(),
                  httplib::MultipartFormDataItems{File("../../etc/passwd", "root:x:0:0"),
                                                  File("C:\\Users\\mm\\Brief.txt", "Hallo")});
  auto uploaded = s.Upload(1);
  REQUIRE(uploaded.ok());
  REQUIRE(uploaded->size() == 2);
  CHECK((*uploaded)[0].document.filename == "passwd");
  CHECK((*uploaded)[1].document.filename == "Brief.txt");

  s.Client().Put("/upload?filename=..%2F..%2Fetc%2Fshadow&" + s.customer_query(), "x",
                 "text/plain");
  auto raw = s.Upload(2);
  REQUIRE(raw.ok());
  CHECK(raw->front().document.filename == "shadow");
}

TEST_CASE("Upload refuses file names that name no file or hold control characters",
          "[http][upload]") {
  TransferServer s;
  int n = 0;
  for (const std::string name : {"..", "dir/..", "ordner/",
                                 "a\x01"
                                 "b.txt",
                                 "bad\xff.txt"}) {
    INFO(name);
    s.Client().Post("/upload?" + s.customer_query(),
                    httplib::MultipartFormDataItems{File("gut.txt", "fine"), File(name, "x")});
    auto uploaded = s.Upload(++n);
    REQUIRE_FALSE(uploaded.ok());
    CHECK(uploaded.status().code() == StatusCode::kInvalidArgument);
    CHECK(uploaded.status().field() == "filename");
  }
  CHECK(s.DocumentCount() == 0);
  CHECK(s.TempFiles() == 0);
}

TEST_CASE("Upload checks the fields before storing the files after them", "[http][upload]") {
  TransferServer s;
  s.Client().Post("/upload", httplib::MultipartFormDataItems{Field("customer_id", "99999"),
                                                             File("a.txt", "for nobody")});
  auto unknown = s.Upload(1);
  REQUIRE_FALSE(unknown.ok());
  CHECK(unknown.status().code() == StatusCode::kNotFound);

  s.Client().Post(
      "/upload", httplib::MultipartFormDataItems{Field("customer_id", "zehn"), File("a.txt", "x")});
  auto not_a_number = s.Upload(2);
  REQUIRE_FALSE(not_a_number.ok());
  CHECK(not_a_number.status().field() == "customer_id");

  s.Client().Post(
      "/upload?" + s.customer_query(),
      httplib::MultipartFormDataItems{File("a.txt", "first is fine"), Field("type", "Geheimakte"),
                                      File("b.txt", "second has no such type")});
  auto bad_type = s.Upload(3);
  REQUIRE_FALSE(bad_type.ok());
  CHECK(bad_type.status().field() == "type");

  s.Client().Post(
      "/upload?" + s.customer_query(),
      httplib::MultipartFormDataItems{Field("document_date", "31.02.2024"), File("a.txt", "x")});
  auto bad_date = s.Upload(4);
  REQUIRE_FALSE(bad_date.ok());
  CHECK(bad_date.status().field() == "document_date");

  CHECK(s.DocumentCount() == 0);
  CHECK(s.TempFiles() == 0);
}

TEST_CASE("Upload of a form without a file is refused", "[http][upload]") {
  TransferServer s;
  s.Client().Post("/upload", httplib::MultipartFormDataItems{Field("title", "nur Text")});
  auto uploaded = s.Upload(1);
  REQUIRE_FALSE(uploaded.ok());
  CHECK(uploaded.status().code() == StatusCode::kInvalidArgument);
}

TEST_CASE("Upload streams a large file of a chunked form in bounded memory",
          "[http][upload][memory]") {
  TransferServer s;
  s.max_bytes = std::uint64_t{1} << 30;
  const std::size_t total = std::size_t{256} << 20;
  const std::string chunk = BinaryContent(64 * 1024);
  std::size_t sent = 0;
  test::ResetPeakRss();
  const std::uint64_t before = test::PeakRssBytes();
  httplib::MultipartFormDataProviderItems files{{"file",
                                                 [&](std::size_t, httplib::DataSink& sink) {
                                                   if (sent >= total) {
                                                     sink.done();
                                                     return true;
                                                   }
                                                   sent += chunk.size();
                                                   return sink.write(chunk.data(), chunk.size());
                                                 },
                                                 "gross.bin", "application/octet-stream"}};
  auto response = s.Client().Post("/upload?" + s.customer_query(), httplib::Headers{},
                                  httplib::MultipartFormDataItems{}, files);
  REQUIRE(response);
  auto uploaded = s.Upload(1);
  REQUIRE(uploaded.ok());
  REQUIRE(uploaded->size() == 1);
  CHECK(uploaded->front().document.size == total);
  const std::uint64_t growth = test::PeakRssBytes() - before;
  INFO("peak RSS grew by " << growth / 1024 << " KiB for " << total / 1024 << " KiB uploaded");
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer keeps freed memory in quarantine (256 MiB), and httplib
  // allocates per chunk, so under it the peak says nothing about buffering.
  (void)growth;
#else
  CHECK(growth < std::uint64_t{64} << 20);
#endif
}

// --- Download -----------------------------------------------------------------

TEST_CASE("Download sends the whole file with its validators", "[http][download]") {
  TransferServer s;
  const std::string bytes = BinaryContent(300'000);
  Document document = s.Store(bytes, "Angebot Müller.pdf", "application/pdf");
  auto response = s.Client().Get("/documents/" + std::to_string(document.id));
  REQUIRE(response);
  CHECK(response->status == 200);
  CHECK(response->body == bytes);
  CHECK(response->get_header_value("Content-Length") == std::to_string(bytes.size()));
  CHECK(response->get_header_value("Content-Type") == "application/pdf");
  CHECK(response->get_header_value("ETag") == "\"" + document.sha256 + "\"");
  CHECK(response->get_header_value("Accept-Ranges") == "bytes");
  CHECK(response->get_header_value("X-Content-Type-Options") == "nosniff");
  CHECK(RawHeader(s.port(), "/documents/" + std::to_string(document.id), "Content-Disposition") ==
        "attachment; filename=\"Angebot M_ller.pdf\"; "
        "filename*=UTF-8''Angebot%20M%C3%BCller.pdf");
}

TEST_CASE("Download answers byte ranges with 206 and unsatisfiable ones with 416",
          "[http][download]") {
  TransferServer s;
  const std::string bytes = BinaryContent(1000);
  Document document = s.Store(bytes, "daten.bin", "");
  const std::string path = "/documents/" + std::to_string(document.id);
  auto client = s.Client();

  auto part = client.Get(path, {{"Range", "bytes=10-19"}});
  REQUIRE(part);
  CHECK(part->status == 206);
  CHECK(part->body == bytes.substr(10, 10));
  CHECK(part->get_header_value("Content-Range") == "bytes 10-19/1000");
  CHECK(part->get_header_value("Content-Length") == "10");
  CHECK(part->get_header_value("Content-Type") == "application/octet-stream");

  auto suffix = client.Get(path, {{"Range", "bytes=-5"}});
  REQUIRE(suffix);
  CHECK(suffix->status == 206);
  CHECK(suffix->body == bytes.substr(995));
  CHECK(suffix->get_header_value("Content-Range") == "bytes 995-999/1000");

  // A range past the end is cut to the end; an open one runs to it.
  auto past_end = client.Get(path, {{"Range", "bytes=990-5000"}});
  REQUIRE(past_end);
  CHECK(past_end->status == 206);
  CHECK(past_end->body == bytes.substr(990));
  CHECK(past_end->get_header_value("Content-Range") == "bytes 990-999/1000");
  CHECK(past_end->get_header_value("Content-Length") == "10");
  auto open = client.Get(path, {{"Range", "bytes=900-"}});
  REQUIRE(open);
  CHECK(open->body == bytes.substr(900));

  for (const char* unsatisfiable : {"bytes=1000-", "bytes=5000-6000", "bytes=-0"}) {
    INFO(unsatisfiable);
    auto refused = client.Get(path, {{"Range", unsatisfiable}});
    REQUIRE(refused);
    CHECK(refused->status == 416);
    CHECK(refused->get_header_value("Content-Range") == "bytes */1000");
    CHECK(refused->body.empty());
  }

  // Several ranges, or a range of another version, get the whole file.
  auto several = client.Get(path, {{"Range", "bytes=0-1,5-6"}});
  REQUIRE(several);
  CHECK(several->status == 200);
  CHECK(several->body == bytes);
  CHECK(several->get_header_value("Content-Type") == "application/octet-stream");
  auto stale = client.Get(path, {{"Range", "bytes=0-9"}, {"If-Range", "\"an-old-version\""}});
  REQUIRE(stale);
  CHECK(stale->status == 200);
  CHECK(stale->body == bytes);
}

TEST_CASE("Download answers 304 without a body when the ETag still matches", "[http][download]") {
  TransferServer s;
  Document document = s.Store("Protokoll der Sitzung", "protokoll.txt", "text/plain");
  const std::string path = "/documents/" + std::to_string(document.id);
  const std::string etag = "\"" + document.sha256 + "\"";
  auto client = s.Client();
  auto unchanged = client.Get(path, {{"If-None-Match", "\"other\", " + etag}});
  REQUIRE(unchanged);
  CHECK(unchanged->status == 304);
  CHECK(unchanged->body.empty());
  CHECK(unchanged->get_header_value("ETag") == etag);
  auto changed = client.Get(path, {{"If-None-Match", "\"other\""}});
  REQUIRE(changed);
  CHECK(changed->status == 200);
  CHECK(changed->body == "Protokoll der Sitzung");
}

TEST_CASE("Download shows only harmless types inline", "[http][download]") {
  TransferServer s;
  auto client = s.Client();
  auto disposition = [&](const Document& document) {
    return RawHeader(s.port(), "/documents/" + std::to_string(document.id) + "?inline=1",
                     "Content-Disposition");
  };
  Document pdf = s.Store("%PDF-1.4 ...", "Angebot Müller.pdf", "application/pdf");
  CHECK(disposition(pdf) ==
        "inline; filename=\"Angebot M_ller.pdf\"; filename*=UTF-8''Angebot%20M%C3%BCller.pdf");
  Document png = s.Store("\x89PNG...", "scan.png", "image/png");
  CHECK(disposition(png).starts_with("inline;"));
  Document html = s.Store("<script>alert(1)</script>", "seite.html", "text/html");
  CHECK(disposition(html).starts_with("attachment;"));
  Document svg = s.Store("<svg onload=\"alert(1)\"/>", "logo.svg", "image/svg+xml");
  CHECK(disposition(svg).starts_with("attachment;"));
  auto svg_response = client.Get("/documents/" + std::to_string(svg.id) + "?inline=1");
  REQUIRE(svg_response);
  CHECK(svg_response->get_header_value("Content-Security-Policy") == "sandbox");
  CHECK(svg_response->get_header_value("X-Content-Type-Options") == "nosniff");
}

TEST_CASE("Download names files with quotes and backslashes safely", "[http][download]") {
  TransferServer s;
  // (The catalog already cuts a name at its last slash or backslash.)
  Document document = s.Store("x", "Bericht \"final\";v2.txt", "text/plain");
  CHECK(RawHeader(s.port(), "/documents/" + std::to_string(document.id), "Content-Disposition") ==
        "attachment; filename=\"Bericht _final_;v2.txt\"; "
        "filename*=UTF-8''Bericht%20%22final%22%3Bv2.txt");
}

}  // namespace
}  // namespace akte::http
