// Downloads: a stored document streamed out of the blob store with its
// type, name, ETag and ranges.
#include <algorithm>
#include <memory>
#include <utility>

#include "header_values.h"
#include "transfer.h"

namespace akte::http {
namespace {

using archive::Document;

constexpr std::size_t kDownloadChunk = 64 * 1024;

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
