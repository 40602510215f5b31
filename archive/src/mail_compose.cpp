// ComposeMail: an outgoing email as MIME bytes, made with GMime.
#include "mail_compose.h"

#include <gmime/gmime.h>

#include <chrono>
#include <memory>

#include "akte/archive/time.h"
#include "encoding.h"

namespace akte::archive {
namespace {

struct GObjectUnref {
  void operator()(gpointer object) const { g_object_unref(object); }
};
template <typename T>
using GPtr = std::unique_ptr<T, GObjectUnref>;

void InitGMime() {
  static const bool done = [] {
    g_mime_init();
    return true;
  }();
  (void)done;
}

// Unix line ends: GMime writes them as CRLF when asked to.
std::string UnixLines(std::string_view text) {
  std::string lines;
  lines.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      lines += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      lines += text[i];
    }
  }
  if (!lines.empty() && lines.back() != '\n') lines += '\n';
  return lines;
}

std::string DomainOf(const std::string& address) {
  const auto at = address.rfind('@');
  return at == std::string::npos ? "localhost" : address.substr(at + 1);
}

// A text/plain part holding `text` as UTF-8, quoted-printable.
GPtr<GMimeTextPart> TextPart(const std::string& text) {
  GPtr<GMimeTextPart> part(g_mime_text_part_new_with_subtype("plain"));
  GPtr<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(text.data(), text.size()));
  GPtr<GMimeDataWrapper> content(
      g_mime_data_wrapper_new_with_stream(stream.get(), GMIME_CONTENT_ENCODING_DEFAULT));
  g_mime_part_set_content(GMIME_PART(part.get()), content.get());
  g_mime_object_set_content_type_parameter(GMIME_OBJECT(part.get()), "charset", "utf-8");
  g_mime_part_set_content_encoding(GMIME_PART(part.get()), GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
  return part;
}

std::string Serialize(GMimeMessage* message) {
  GMimeFormatOptions* options = g_mime_format_options_clone(nullptr);
  g_mime_format_options_set_newline_format(options, GMIME_NEWLINE_FORMAT_DOS);
  GPtr<GMimeStream> out(g_mime_stream_mem_new());
  g_mime_object_write_to_stream(GMIME_OBJECT(message), options, out.get());
  g_mime_format_options_free(options);
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out.get()));
  return std::string(reinterpret_cast<const char*>(bytes->data), bytes->len);
}

}  // namespace

Result<ComposedMail> ComposeMail(const MailDraft& draft) {
  if (!IsValidUtf8(draft.subject)) {
    return Status::InvalidArgument("the subject is not UTF-8", "subject");
  }
  if (!IsValidUtf8(draft.text)) return Status::InvalidArgument("the text is not UTF-8", "text");
  InitGMime();
  GPtr<GMimeMessage> message(g_mime_message_new(TRUE));
  g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_FROM, draft.from_name.c_str(),
                             draft.from_address.c_str());
  g_mime_message_add_mailbox(message.get(), GMIME_ADDRESS_TYPE_TO, draft.to_name.c_str(),
                             draft.to_address.c_str());
  g_mime_message_set_subject(message.get(), draft.subject.c_str(), "utf-8");
  const auto now = std::chrono::system_clock::now();
  GDateTime* date = g_date_time_new_from_unix_utc(
      std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()).count());
  g_mime_message_set_date(message.get(), date);
  g_date_time_unref(date);
  char* id = g_mime_utils_generate_message_id(DomainOf(draft.from_address).c_str());
  ComposedMail composed;
  composed.message_id = id;
  g_free(id);
  g_mime_message_set_message_id(message.get(), composed.message_id.c_str());
  auto part = TextPart(UnixLines(draft.text));
  g_mime_message_set_mime_part(message.get(), GMIME_OBJECT(part.get()));
  composed.bytes = Serialize(message.get());
  composed.date = FormatUtc(now);
  return composed;
}

}  // namespace akte::archive
