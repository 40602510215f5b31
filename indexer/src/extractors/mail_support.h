// GMime plumbing shared by the email and mbox handlers: one-time library
// set-up, parsing a file, reading a message's headers as UTF-8, writing a
// message to a scratch file. Private to indexer/; GMime types stay in the
// .cpp files of indexer/src/extractors.
#pragma once

#include <gmime/gmime.h>

#include <filesystem>
#include <memory>
#include <string>

#include "akte/archive/status.h"
#include "extractor.h"

namespace akte::indexer {

struct GObjectUnref {
  void operator()(void* object) const { g_object_unref(object); }
};
// An owned reference to a GObject (GMimeMessage, GMimeParser, GMimeStream).
template <typename T>
using GRef = std::unique_ptr<T, GObjectUnref>;

// Initialises GMime once per process (thread-safe) and returns the parser
// options every handler uses: undeclared 8-bit header text is read as
// UTF-8, else Windows-1252. The options live as long as the process.
GMimeParserOptions* MailParserOptions();

// A parser reading `file` in `format` (GMIME_FORMAT_MESSAGE or _MBOX).
// Errors: IoError when the file cannot be opened.
Result<GRef<GMimeParser>> OpenMailParser(const std::filesystem::path& file, GMimeFormat format);

// A message's headers, decoded (RFC 2047/2231) to valid UTF-8.
struct MailHeaders {
  std::string from, to, cc, subject, date, message_id;
  std::string date_iso;  // the Date header as ISO 8601 UTC, "" if unparsable
};
MailHeaders ReadMailHeaders(GMimeMessage* message);

// Copies the headers into `metadata`: title = subject, author = from.
void SetMailMetadata(const MailHeaders& headers, Metadata& metadata);

// "From: …\nTo: …\nCc: …\nSubject: …\nDate: …\n", skipping empty fields.
std::string MailHeaderBlock(const MailHeaders& headers);

// Writes `object` (a message) as RFC 822 bytes to `dir`/`name`, exclusively
// created. Returns the bytes written. Errors: IoError, NoSpace.
Result<std::uint64_t> WriteMailObject(GMimeObject* object, const std::filesystem::path& dir,
                                      const std::string& name);

// Writes the decoded content of `part` (base64 and quoted-printable undone)
// to `dir`/`name`. Returns the bytes written. Errors: IoError, NoSpace.
Result<std::uint64_t> WritePartContent(GMimePart* part, const std::filesystem::path& dir,
                                       const std::string& name);

// The decoded content of `part` in memory.
std::string PartContent(GMimePart* part);

}  // namespace akte::indexer
