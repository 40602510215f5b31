#include "mail_support.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <mutex>

#include "charset.h"
#include "file_util.h"

namespace akte::indexer {
namespace {

struct GFree {
  void operator()(void* p) const { g_free(p); }
};

// `s` as valid UTF-8 on one line: folded and encoded-word headers leave
// runs of blanks and line breaks behind.
std::string Utf8(const char* s) {
  if (s == nullptr) return "";
  std::string out;
  bool blank = false;
  for (char c : SanitizeUtf8(s)) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      blank = !out.empty();
      continue;
    }
    if (blank) out.push_back(' ');
    blank = false;
    out.push_back(c);
  }
  return out;
}

std::string AddressList(InternetAddressList* list) {
  if (list == nullptr || internet_address_list_length(list) == 0) return "";
  std::unique_ptr<char, GFree> text(internet_address_list_to_string(list, nullptr, FALSE));
  return Utf8(text.get());
}

std::string IsoUtc(GDateTime* date) {
  if (date == nullptr) return "";
  GDateTime* utc = g_date_time_to_utc(date);
  if (utc == nullptr) return "";
  std::unique_ptr<char, GFree> text(g_date_time_format(utc, "%Y-%m-%dT%H:%M:%SZ"));
  g_date_time_unref(utc);
  return Utf8(text.get());
}

// A GMime stream writing to `file` without taking over its descriptor.
GRef<GMimeStream> StreamOn(const ScratchFile& file) {
  GMimeStream* stream = g_mime_stream_fs_new(file.fd());
  g_mime_stream_fs_set_owner(GMIME_STREAM_FS(stream), FALSE);
  return GRef<GMimeStream>(stream);
}

// Runs `write` (which returns GMime's byte count or -1) into a new scratch file.
template <typename WriteFn>
Result<std::uint64_t> WriteScratch(const std::filesystem::path& dir, const std::string& name,
                                   WriteFn write) {
  AKTE_ASSIGN_OR_RETURN(ScratchFile file, ScratchFile::Create(dir, name));
  ssize_t written = 0;
  {
    GRef<GMimeStream> stream = StreamOn(file);
    errno = 0;
    written = write(stream.get());
    if (written >= 0 && g_mime_stream_flush(stream.get()) != 0) written = -1;
  }
  if (written < 0) return Status::FromErrno(errno != 0 ? errno : EIO, "cannot write " + name);
  AKTE_RETURN_IF_ERROR(file.Close());
  return static_cast<std::uint64_t>(written);
}

}  // namespace

GMimeParserOptions* MailParserOptions() {
  static GMimeParserOptions* options = [] {
    g_mime_init();
    GMimeParserOptions* o = g_mime_parser_options_new();
    // Raw 8-bit headers are UTF-8 from modern mailers, else mostly Windows-1252
    // (German Outlook); GMime tries the charsets in this order.
    const char* fallback[] = {"UTF-8", "WINDOWS-1252", nullptr};
    g_mime_parser_options_set_fallback_charsets(o, fallback);
    return o;
  }();
  return options;
}

Result<GRef<GMimeParser>> OpenMailParser(const std::filesystem::path& file, GMimeFormat format) {
  MailParserOptions();
  int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::FromErrno(errno, "cannot open " + file.string());
  GRef<GMimeStream> stream(g_mime_stream_fs_new(fd));  // owns fd from here on
  GRef<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), format);
  return parser;
}

MailHeaders ReadMailHeaders(GMimeMessage* message) {
  MailHeaders h;
  h.from = AddressList(g_mime_message_get_from(message));
  h.to = AddressList(g_mime_message_get_to(message));
  h.cc = AddressList(g_mime_message_get_cc(message));
  h.subject = Utf8(g_mime_message_get_subject(message));
  h.date = Utf8(g_mime_object_get_header(GMIME_OBJECT(message), "Date"));
  h.message_id = Utf8(g_mime_message_get_message_id(message));
  h.date_iso = IsoUtc(g_mime_message_get_date(message));
  return h;
}

void SetMailMetadata(const MailHeaders& h, Metadata& m) {
  m.title = h.subject;
  m.author = h.from;
  m.from = h.from;
  m.to = h.to;
  m.cc = h.cc;
  m.date = h.date_iso;
  m.created = h.date_iso;
  m.message_id = h.message_id;
}

std::string MailHeaderBlock(const MailHeaders& h) {
  std::string out;
  for (auto [label, value] : {std::pair<const char*, const std::string*>{"From", &h.from},
                              {"To", &h.to},
                              {"Cc", &h.cc},
                              {"Subject", &h.subject},
                              {"Date", h.date.empty() ? &h.date_iso : &h.date}}) {
    if (value->empty()) continue;
    out += label;
    out += ": ";
    out += *value;
    out += '\n';
  }
  return out;
}

Result<std::uint64_t> WriteMailObject(GMimeObject* object, const std::filesystem::path& dir,
                                      const std::string& name) {
  return WriteScratch(dir, name, [object](GMimeStream* stream) {
    return g_mime_object_write_to_stream(object, nullptr, stream);
  });
}

Result<std::uint64_t> WritePartContent(GMimePart* part, const std::filesystem::path& dir,
                                       const std::string& name) {
  return WriteScratch(dir, name, [part](GMimeStream* stream) -> ssize_t {
    GMimeDataWrapper* content = g_mime_part_get_content(part);
    return content != nullptr ? g_mime_data_wrapper_write_to_stream(content, stream) : 0;
  });
}

std::string PartContent(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return "";
  GRef<GMimeStream> memory(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, memory.get());
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(memory.get()));
  if (bytes == nullptr) return "";
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

}  // namespace akte::indexer
