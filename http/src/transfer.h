// Moving file bytes over HTTP: uploads streamed into the blob store (never
// the whole body in memory) and downloads streamed out of it with the
// headers a browser and a script expect.
#pragma once

#include <httplib.h>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "akte/archive/data_dir.h"

namespace akte::http {

// Where uploaded files are filed and how they are described. Multipart form
// fields of the same names (sent before the files) override these.
struct UploadTarget {
  std::optional<archive::Id> customer_id;  // empty: the unassigned inbox
  std::optional<archive::Id> contact_id;
  std::string type;   // a document type name
  std::string title;  // empty: from the file name
  std::string document_date;
};

struct UploadedFile {
  archive::Document document;
  bool already_stored = false;  // the same bytes were already filed there
};

// Receives the files of a `multipart/form-data` body (every part with a
// filename is a file; several per request) or of a raw body (PUT/POST with
// any other content type; its name from `?filename=`), streaming each into
// the blob store as it arrives (memory stays bounded whatever the size),
// then records them as pending documents uploaded by `by`.
//
// Form fields customer_id, contact_id, type, title and document_date (text
// parts) apply to the files after them, overriding `target`; other fields
// are ignored. They are checked before the next file is stored: an unknown
// customer or contact is NotFound. A file name keeps only its last path
// component ("../../etc/passwd" is filed as "passwd"); one that names no
// file or holds control characters or invalid UTF-8 is refused. The
// Content-Type of a file is kept only as a hint for the extractor.
//
// Errors: TooLarge past `max_bytes` (the whole request; reading stops
// there), InvalidArgument for malformed multipart ("malformed multipart
// body"), a missing filename or a bad form field (naming it in `field`),
// NotFound, the blob store's NoSpace and IoError. On any error of the
// request itself no document is recorded (blobs already stored stay for
// `akte gc`). The catalog has no batch insert for documents, so should
// recording fail after the first file, the files before it stay filed and
// the error says so. After an error the body may be partly unread: answer
// with `Connection: close`.
Result<std::vector<UploadedFile>> ReceiveUploads(archive::DataDir& dir, const archive::Actor& by,
                                                 const httplib::Request& request,
                                                 const httplib::ContentReader& content,
                                                 UploadTarget target, std::uint64_t max_bytes);

// Answers with a stored document's bytes, streamed from the blob store in
// 64 KiB chunks: its Content-Type, a Content-Disposition with the original
// filename (RFC 6266, with an RFC 5987 `filename*` for non-ASCII names),
// `inline` when `inline_view` is set and the type cannot run script (PDF,
// PNG, JPEG, GIF, WebP, plain text; else attachment), an ETag from the
// SHA-256 (If-None-Match answers 304), `X-Content-Type-Options: nosniff`,
// and one byte range (206; 416 with `Content-Range: bytes */size` when
// unsatisfiable; several ranges, or an If-Range naming another version, get
// the whole file). Sets the status itself. Clears `request.ranges`, which
// httplib 0.11.4 would otherwise apply again, wrongly, after the handler.
// Errors (nothing is answered): NotFound when the blob is missing, IoError.
Status SendDocument(const archive::DataDir& dir, const archive::Document& document,
                    bool inline_view, const httplib::Request& request, httplib::Response& response);

}  // namespace akte::http
