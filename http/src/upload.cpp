// Uploads: multipart or raw bodies streamed into the blob store, then
// recorded as documents.
#include <algorithm>
#include <charconv>
#include <memory>
#include <utility>

#include "akte/archive/time.h"
#include "header_values.h"
#include "transfer.h"

namespace akte::http {
namespace {

using archive::BlobInfo;
using archive::BlobWriter;
using archive::Document;

constexpr std::size_t kMaxFieldBytes = 64 * 1024;  // one text part of a form
constexpr std::size_t kMaxFilenameBytes = 1024;

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

}  // namespace akte::http
