#include "transfer.h"

#include <algorithm>
#include <charconv>
#include <memory>
#include <utility>

#include "akte/archive/time.h"

namespace akte::http {
namespace {

using archive::BlobInfo;
using archive::BlobWriter;
using archive::Document;

constexpr std::size_t kMaxFieldBytes = 64 * 1024;  // one text part of a form
constexpr std::size_t kMaxFilenameBytes = 1024;
constexpr std::size_t kDownloadChunk = 64 * 1024;

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsControl(unsigned char c) { return c < 0x20 || c == 0x7f; }

bool IsValidUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t extra = 0;
    std::uint32_t code = 0;
    if (c >= 0xc2 && c <= 0xdf) {
      extra = 1, code = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
      extra = 2, code = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      extra = 3, code = c & 0x07;
    } else {
      return false;
    }
    if (s.size() - i <= extra) return false;
    for (std::size_t k = 1; k <= extra; ++k) {
      const auto next = static_cast<unsigned char>(s[i + k]);
      if ((next & 0xc0) != 0x80) return false;
      code = (code << 6) | (next & 0x3f);
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF.
    if ((extra == 2 && (code < 0x800 || (code >= 0xd800 && code <= 0xdfff))) ||
        (extra == 3 && (code < 0x10000 || code > 0x10ffff))) {
      return false;
    }
    i += extra + 1;
  }
  return true;
}

// Text a person typed (a form field, a file name): UTF-8 without control
// characters, else InvalidArgument naming `field`.
Status CheckText(std::string_view text, const std::string& field) {
  if (!IsValidUtf8(text) || std::any_of(text.begin(), text.end(), [](char c) {
        return IsControl(static_cast<unsigned char>(c));
      })) {
    return Status::InvalidArgument(field + " must be UTF-8 text without control characters", field);
  }
  return Status::Ok();
}

// The name a file is filed under: the last path component of what the
// client sent (browsers on Windows may send "C:\Users\...\a.pdf"), so no
// name can point into directories.
Result<std::string> CleanFilename(std::string_view sent) {
  const auto slash = sent.find_last_of("/\\");
  std::string name(slash == std::string_view::npos ? sent : sent.substr(slash + 1));
  AKTE_RETURN_IF_ERROR(CheckText(name, "filename"));
  if (name.empty() || name == "." || name == ".." || name.size() > kMaxFilenameBytes) {
    const bool printable = CheckText(sent, "filename").ok() && sent.size() <= kMaxFilenameBytes;
    return Status::InvalidArgument(
        (printable ? "'" + std::string(sent) + "'" : std::string("the name")) +
            " names no file (it must end in a file name of at most " +
            std::to_string(kMaxFilenameBytes) + " bytes)",
        "filename");
  }
  return name;
}

// "type/subtype" (lowercase) of a Content-Type, or empty when it is not one.
std::string MediaType(std::string_view content_type) {
  std::string_view base = content_type.substr(0, content_type.find(';'));
  while (!base.empty() && base.back() == ' ') base.remove_suffix(1);
  while (!base.empty() && base.front() == ' ') base.remove_prefix(1);
  const auto slash = base.find('/');
  if (slash == 0 || slash == std::string_view::npos || slash + 1 == base.size()) return {};
  std::string out;
  for (char c : base) {
    const bool token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                       std::string_view("!#$&^_.+-/").find(c) != std::string_view::npos;
    if (!token) return {};
    out.push_back(AsciiLower(c));
  }
  return out;
}

// What a client's Content-Type says about a file: only a hint, as the
// extractor sniffs the bytes later. Generic types say nothing.
std::string MimeHint(std::string_view content_type) {
  std::string type = MediaType(content_type);
  if (type == "application/octet-stream" || type == "application/x-www-form-urlencoded" ||
      type.starts_with("multipart/")) {
    return {};
  }
  return type;
}

Result<std::optional<archive::Id>> ParseIdField(std::string_view text, const std::string& field) {
  if (text.empty()) return std::optional<archive::Id>();
  archive::Id id = 0;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size() || id <= 0) {
    return Status::InvalidArgument(field + " must be a positive number", field);
  }
  return std::optional<archive::Id>(id);
}

// The form fields that describe the files after them.
bool IsTargetField(std::string_view name) {
  return name == "customer_id" || name == "contact_id" || name == "type" || name == "title" ||
         name == "document_date";
}

bool SameTypeName(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return AsciiLower(x) == AsciiLower(y);
         });
}

struct PendingFile {
  Document draft;
  BlobInfo blob;
};

// One upload request: the form fields so far, the file being received, and
// the files already in the blob store waiting to be recorded. Reading stops
// at the first error, which is kept for the caller.
class UploadReceiver {
 public:
  UploadReceiver(archive::DataDir& dir, UploadTarget target, std::uint64_t max_bytes)
      : dir_(dir), target_(std::move(target)), max_bytes_(max_bytes) {}

  // Keeps the first error; returns whether to go on reading.
  bool Keep(Status status) {
    if (!status.ok() && error_.ok()) error_ = std::move(status);
    return error_.ok();
  }
  const Status& error() const { return error_; }

  Status BeginFile(std::string_view sent_name, std::string_view content_type);
  Status BeginField(std::string name);
  Status Append(std::string_view bytes);
  // Ends the current part: a file goes to the store, a field takes effect.
  Status EndPart();
  bool has_files() const { return !pending_.empty(); }

  Result<std::vector<UploadedFile>> Record(const archive::Actor& by);

 private:
  Status ApplyField(const std::string& name, std::string value);
  Status CheckTarget();

  archive::DataDir& dir_;
  UploadTarget target_;
  bool target_checked_ = false;
  const std::uint64_t max_bytes_;
  std::uint64_t received_ = 0;
  Status error_;

  std::optional<BlobWriter> writer_;  // the file being received
  Document draft_;                    // ... and how it will be recorded
  std::optional<std::string> field_;  // the target field being received
  std::string field_value_;
  std::vector<PendingFile> pending_;
};

// Checks the fields that apply to the next file once, before its bytes are
// stored, so that a request the catalog would refuse stores nothing more.
Status UploadReceiver::CheckTarget() {
  if (target_checked_) return Status::Ok();
  AKTE_RETURN_IF_ERROR(CheckText(target_.type, "type"));
  AKTE_RETURN_IF_ERROR(CheckText(target_.title, "title"));
  AKTE_RETURN_IF_ERROR(CheckText(target_.document_date, "document_date"));
  auto& catalog = dir_.catalog();
  if (target_.customer_id) {
    AKTE_ASSIGN_OR_RETURN(archive::Customer customer, catalog.GetCustomer(*target_.customer_id));
    (void)customer;
  }
  if (target_.contact_id) {
    if (!target_.customer_id) {
      return Status::InvalidArgument("a document with a contact needs its customer", "contact_id");
    }
    AKTE_ASSIGN_OR_RETURN(archive::Contact contact, catalog.GetContact(*target_.contact_id));
    if (contact.customer_id != *target_.customer_id) {
      return Status::InvalidArgument(
          "contact " + std::to_string(contact.id) + " belongs to another customer", "contact_id");
    }
  }
  if (!target_.type.empty()) {
    AKTE_ASSIGN_OR_RETURN(auto types, catalog.DocumentTypes());
    if (std::none_of(types.begin(), types.end(),
                     [&](const std::string& t) { return SameTypeName(t, target_.type); })) {
      return Status::InvalidArgument("document type '" + target_.type + "' is not defined", "type");
    }
  }
  if (!target_.document_date.empty()) {
    auto date = NormalizeDate(target_.document_date);
    if (!date.ok()) return Status::InvalidArgument(date.status().message(), "document_date");
  }
  target_checked_ = true;
  return Status::Ok();
}

Status UploadReceiver::ApplyField(const std::string& name, std::string value) {
  AKTE_RETURN_IF_ERROR(CheckText(value, name));
  if (name == "customer_id") {
    AKTE_ASSIGN_OR_RETURN(target_.customer_id, ParseIdField(value, name));
  } else if (name == "contact_id") {
    AKTE_ASSIGN_OR_RETURN(target_.contact_id, ParseIdField(value, name));
  } else if (name == "type") {
    target_.type = std::move(value);
  } else if (name == "title") {
    target_.title = std::move(value);
  } else {
    target_.document_date = std::move(value);
  }
  target_checked_ = false;
  return Status::Ok();
}

Status UploadReceiver::BeginFile(std::string_view sent_name, std::string_view content_type) {
  AKTE_ASSIGN_OR_RETURN(std::string filename, CleanFilename(sent_name));
  AKTE_RETURN_IF_ERROR(CheckTarget());
  AKTE_ASSIGN_OR_RETURN(BlobWriter writer, dir_.blobs().BeginPut());
  writer_.emplace(std::move(writer));
  draft_ = Document{};
  draft_.customer_id = target_.customer_id;
  draft_.contact_id = target_.contact_id;
  draft_.type = target_.type;
  draft_.title = target_.title;
  draft_.document_date = target_.document_date;
  draft_.filename = std::move(filename);
  draft_.mime_type = MimeHint(content_type);
  draft_.extraction_state = archive::kStatePending;
  return Status::Ok();
}

Status UploadReceiver::BeginField(std::string name) {
  // Other fields of a form (a CSRF token, a button) are not ours: their
  // bytes are counted against the limit and dropped.
  field_.reset();
  if (IsTargetField(name)) field_ = std::move(name);
  field_value_.clear();
  return Status::Ok();
}

Status UploadReceiver::Append(std::string_view bytes) {
  received_ += bytes.size();
  if (received_ > max_bytes_) {
    writer_.reset();  // removes its temporary file now
    return Status::TooLarge("the upload exceeds the limit of " + std::to_string(max_bytes_) +
                            " bytes");
  }
  if (writer_) return writer_->Write(bytes);
  if (field_) {
    if (field_value_.size() + bytes.size() > kMaxFieldBytes) {
      return Status::InvalidArgument("form field '" + *field_ + "' is longer than " +
                                         std::to_string(kMaxFieldBytes) + " bytes",
                                     *field_);
    }
    field_value_.append(bytes);
  }
  return Status::Ok();
}

Status UploadReceiver::EndPart() {
  if (writer_) {
    auto blob = writer_->Finish();
    writer_.reset();
    if (!blob.ok()) return blob.status();
    pending_.push_back({std::move(draft_), std::move(*blob)});
  } else if (field_) {
    std::string name = std::move(*field_);
    field_.reset();
    return ApplyField(name, std::move(field_value_));
  }
  return Status::Ok();
}

// The catalog has no batch insert for documents, so they are recorded one
// by one after every blob is stored and every field was checked. Should
// recording still fail part-way, the error says which files were filed;
// the blobs of the others are collected by `akte gc`.
Result<std::vector<UploadedFile>> UploadReceiver::Record(const archive::Actor& by) {
  std::vector<UploadedFile> uploaded;
  for (auto& file : pending_) {
    const std::string filename = file.draft.filename;
    auto stored = dir_.RecordDocument(by, std::move(file.draft), file.blob);
    if (!stored.ok()) {
      Status status = pending_.size() > 1 ? stored.status().WithContext(filename) : stored.status();
      if (uploaded.empty()) return status;
      return Status(status.code(),
                    status.message() + " (the " + std::to_string(uploaded.size()) +
                        " file(s) before it in this upload were filed)",
                    status.field());
    }
    uploaded.push_back({std::move(stored->document), stored->already_stored});
  }
  return uploaded;
}

Status ReceiveMultipart(UploadReceiver& receiver, const httplib::ContentReader& content) {
  const bool complete = content(
      [&](const httplib::MultipartFormData& part) {
        if (!receiver.Keep(receiver.EndPart())) return false;
        return receiver.Keep(part.filename.empty()
                                 ? receiver.BeginField(part.name)
                                 : receiver.BeginFile(part.filename, part.content_type));
      },
      [&](const char* data, std::size_t size) {
        return receiver.Keep(receiver.Append(std::string_view(data, size)));
      });
  if (!receiver.error().ok()) return receiver.error();
  if (!complete) return Status::InvalidArgument("malformed multipart body");
  AKTE_RETURN_IF_ERROR(receiver.EndPart());
  if (!receiver.has_files()) {
    return Status::InvalidArgument("the form holds no file (a part with a filename)", "file");
  }
  return Status::Ok();
}

Status ReceiveRaw(UploadReceiver& receiver, const httplib::Request& request,
                  const httplib::ContentReader& content) {
  if (!request.has_param("filename")) {
    return Status::InvalidArgument(
        "name the file in the query (?filename=...) or send multipart/form-data", "filename");
  }
  AKTE_RETURN_IF_ERROR(receiver.BeginFile(request.get_param_value("filename"),
                                          request.get_header_value("Content-Type")));
  const bool complete = content([&](const char* data, std::size_t size) {
    return receiver.Keep(receiver.Append(std::string_view(data, size)));
  });
  if (!receiver.error().ok()) return receiver.error();
  if (!complete) return Status::InvalidArgument("the request body ended early or is malformed");
  return receiver.EndPart();
}

// A declared length over the limit is refused before reading anything.
bool DeclaredTooLarge(const httplib::Request& request, std::uint64_t max_bytes) {
  const std::string text = request.get_header_value("Content-Length");
  std::uint64_t declared = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), declared);
  (void)end;
  return error == std::errc::result_out_of_range || (error == std::errc() && declared > max_bytes);
}

// --- Download ------------------------------------------------------------------

// Types a browser shows without running anything of ours: never HTML or
// SVG, which could run script in the API's origin.
bool SafeInline(std::string_view media_type) {
  static constexpr std::string_view kInline[] = {"application/pdf", "image/png",  "image/jpeg",
                                                 "image/gif",       "image/webp", "text/plain"};
  return std::find(std::begin(kInline), std::end(kInline), media_type) != std::end(kInline);
}

// The stored type when it is a well-formed header value, else a neutral one.
std::string ContentTypeOf(const Document& document) {
  const std::string& stored = document.mime_type;
  const bool printable = std::all_of(stored.begin(), stored.end(), [](char c) {
    return !IsControl(static_cast<unsigned char>(c)) && static_cast<unsigned char>(c) < 0x80;
  });
  if (printable && !MediaType(stored).empty()) return stored;
  return "application/octet-stream";
}

// RFC 6266: an ASCII `filename` for old clients (quotes, backslashes and
// control characters replaced, one '_' per non-ASCII character) and the
// exact name as RFC 5987 `filename*`.
std::string ContentDisposition(std::string_view disposition, std::string_view filename) {
  if (filename.empty()) filename = "download";
  std::string fallback;
  std::string encoded;
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (char ch : filename) {
    const auto c = static_cast<unsigned char>(ch);
    if (c >= 0x80) {
      if ((c & 0xc0) != 0x80) fallback.push_back('_');  // a lead byte: one per character
    } else {
      fallback.push_back(IsControl(c) || c == '"' || c == '\\' ? '_' : ch);
    }
    const bool attr_char = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                           (c >= '0' && c <= '9') ||
                           std::string_view("!#$&+-.^_`|~").find(ch) != std::string_view::npos;
    if (attr_char) {
      encoded.push_back(ch);
    } else {
      encoded += {'%', kHex[c >> 4], kHex[c & 0x0f]};
    }
  }
  return std::string(disposition) + "; filename=\"" + fallback + "\"; filename*=UTF-8''" + encoded;
}

// Whether an If-None-Match list names `etag` (weak comparison, or "*").
bool NoneMatchHits(std::string_view header, std::string_view etag) {
  while (!header.empty()) {
    const auto comma = header.find(',');
    std::string_view tag = header.substr(0, comma);
    header = comma == std::string_view::npos ? std::string_view() : header.substr(comma + 1);
    while (!tag.empty() && tag.front() == ' ') tag.remove_prefix(1);
    while (!tag.empty() && tag.back() == ' ') tag.remove_suffix(1);
    if (tag.starts_with("W/")) tag.remove_prefix(2);
    if (tag == "*" || tag == etag) return true;
  }
  return false;
}

// Sets how the browser is to treat the file; returns its Content-Type.
std::string SetFileHeaders(httplib::Response& response, const Document& document,
                           bool inline_view) {
  const std::string content_type = ContentTypeOf(document);
  const std::string media_type = MediaType(content_type);
  const bool show_inline = inline_view && SafeInline(media_type);
  response.set_header("Content-Disposition",
                      ContentDisposition(show_inline ? "inline" : "attachment", document.filename));
  // Defence in depth against a browser rendering what it should not; Chrome's
  // PDF viewer does not run in a sandbox, so PDFs shown inline go without.
  if (!(show_inline && media_type == "application/pdf")) {
    response.set_header("Content-Security-Policy", "sandbox");
  }
  return content_type;
}

struct ByteRange {
  std::uint64_t first = 0;
  std::uint64_t last = 0;  // inclusive
};
enum class RangeAnswer { kWhole, kPart, kUnsatisfiable };

// RFC 7233 for one range ("bytes=10-19", "bytes=10-", "bytes=-5"), clamped
// to the size. Several ranges, or an If-Range naming another version, are
// answered with the whole file, as a server may.
RangeAnswer ChooseRange(const httplib::Ranges& ranges, const httplib::Request& request,
                        std::string_view etag, std::uint64_t size, ByteRange& range) {
  range = {0, size == 0 ? 0 : size - 1};
  if (ranges.size() != 1) return RangeAnswer::kWhole;
  if (request.has_header("If-Range") && request.get_header_value("If-Range") != etag) {
    return RangeAnswer::kWhole;
  }
  const auto [first, last] = ranges.front();
  if (first < 0 && last < 0) return RangeAnswer::kWhole;
  if (first < 0) {  // the last `last` bytes
    const auto suffix = static_cast<std::uint64_t>(last);
    if (suffix == 0 || size == 0) return RangeAnswer::kUnsatisfiable;
    range.first = size - std::min(suffix, size);
    return RangeAnswer::kPart;
  }
  if (static_cast<std::uint64_t>(first) >= size) return RangeAnswer::kUnsatisfiable;
  if (last >= 0 && last < first) return RangeAnswer::kWhole;  // invalid: ignored
  range.first = static_cast<std::uint64_t>(first);
  if (last >= 0) range.last = std::min(static_cast<std::uint64_t>(last), size - 1);
  return RangeAnswer::kPart;
}

// Feeds one byte range of a blob to httplib, a chunk per call, reading
// only what is asked for.
class BlobSource {
 public:
  BlobSource(archive::BlobReader reader, std::uint64_t first)
      : reader_(std::move(reader)), first_(first), position_(UINT64_MAX), buffer_(kDownloadChunk) {}

  bool Provide(std::size_t offset, std::size_t length, httplib::DataSink& sink) {
    const std::uint64_t at = first_ + offset;
    if (at != position_ && !reader_.Seek(at).ok()) return false;
    position_ = at;
    auto n = reader_.Read(std::span<char>(buffer_.data(), std::min(length, buffer_.size())));
    if (!n.ok() || *n == 0) return false;  // a blob shorter than it was: end the response
    position_ += *n;
    return sink.write(buffer_.data(), *n);
  }

 private:
  archive::BlobReader reader_;
  const std::uint64_t first_;
  std::uint64_t position_;
  std::vector<char> buffer_;
};

}  // namespace

Result<std::vector<UploadedFile>> ReceiveUploads(archive::DataDir& dir, const archive::Actor& by,
                                                 const httplib::Request& request,
                                                 const httplib::ContentReader& content,
                                                 UploadTarget target, std::uint64_t max_bytes) {
  if (DeclaredTooLarge(request, max_bytes)) {
    return Status::TooLarge("the upload exceeds the limit of " + std::to_string(max_bytes) +
                            " bytes");
  }
  UploadReceiver receiver(dir, std::move(target), max_bytes);
  AKTE_RETURN_IF_ERROR(request.is_multipart_form_data() ? ReceiveMultipart(receiver, content)
                                                        : ReceiveRaw(receiver, request, content));
  return receiver.Record(by);
}

Status SendDocument(const archive::DataDir& dir, const Document& document, bool inline_view,
                    const httplib::Request& request, httplib::Response& response) {
  // httplib 0.11.4 applies a request's ranges to any response after the
  // handler: without clamping to the size, never with 416, with wrong totals
  // in multipart answers, and to error bodies too. Ranges are answered here,
  // so they are taken from it (the request object itself is not const).
  const httplib::Ranges ranges = request.ranges;
  const_cast<httplib::Request&>(request).ranges.clear();

  AKTE_ASSIGN_OR_RETURN(archive::BlobReader reader, dir.blobs().OpenReader(document.sha256));
  const std::uint64_t size = reader.size();
  const std::string etag = "\"" + document.sha256 + "\"";
  response.set_header("ETag", etag);
  response.set_header("Cache-Control", "private, no-cache");
  response.set_header("Accept-Ranges", "bytes");
  response.set_header("X-Content-Type-Options", "nosniff");
  if (NoneMatchHits(request.get_header_value("If-None-Match"), etag)) {
    response.status = 304;
    return Status::Ok();
  }
  const std::string content_type = SetFileHeaders(response, document, inline_view);

  ByteRange range;
  switch (ChooseRange(ranges, request, etag, size, range)) {
    case RangeAnswer::kUnsatisfiable:
      response.status = 416;
      response.set_header("Content-Range", "bytes */" + std::to_string(size));
      return Status::Ok();
    case RangeAnswer::kPart:
      response.status = 206;
      response.set_header("Content-Range", "bytes " + std::to_string(range.first) + "-" +
                                               std::to_string(range.last) + "/" +
                                               std::to_string(size));
      break;
    case RangeAnswer::kWhole:
      response.status = 200;
      break;
  }
  if (size == 0) {
    response.set_content(std::string(), content_type);
    return Status::Ok();
  }
  auto source = std::make_shared<BlobSource>(std::move(reader), range.first);
  response.set_content_provider(
      range.last - range.first + 1, content_type,
      [source](std::size_t offset, std::size_t length, httplib::DataSink& sink) {
        return source->Provide(offset, length, sink);
      });
  return Status::Ok();
}

}  // namespace akte::http
