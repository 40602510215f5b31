// RFC 822/MIME messages through GMime: the headers (decoded to UTF-8) as
// metadata and as a short block at the start of the text, then the body
// (text/plain preferred over its HTML alternative), then every attachment
// and attached message written as a child file for the pipeline to extract.
#include <algorithm>
#include <array>
#include <memory>
#include <utility>
#include <vector>

#include "charset.h"
#include "extractor.h"
#include "file_util.h"
#include "html_text.h"
#include "mail_support.h"

namespace akte::indexer {
namespace {

// Deeper MIME nesting than this only occurs in hostile messages.
constexpr int kMaxMimeNesting = 64;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

struct MediaType {
  std::string type, subtype;
  bool Is(std::string_view t, std::string_view s) const { return type == t && subtype == s; }
};

MediaType TypeOf(GMimeObject* object) {
  GMimeContentType* ct = g_mime_object_get_content_type(object);
  if (ct == nullptr) return {"text", "plain"};
  const char* type = g_mime_content_type_get_media_type(ct);
  const char* subtype = g_mime_content_type_get_media_subtype(ct);
  return {Lower(type != nullptr ? type : "application"),
          Lower(subtype != nullptr ? subtype : "octet-stream")};
}

// A file name extension for an unnamed attachment of type `t`.
std::string_view ExtensionFor(const MediaType& t) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kExtensions = {{
      {"text/plain", "txt"},
      {"text/html", "html"},
      {"text/calendar", "ics"},
      {"text/vcard", "vcf"},
      {"text/x-vcard", "vcf"},
      {"message/rfc822", "eml"},
      {"application/pdf", "pdf"},
      {"application/zip", "zip"},
      {"application/msword", "doc"},
      {"application/rtf", "rtf"},
      {"image/png", "png"},
      {"image/jpeg", "jpg"},
      {"image/gif", "gif"},
      {"image/tiff", "tif"},
      {"application/pgp-signature", "asc"},
      {"application/pkcs7-signature", "p7s"},
  }};
  const std::string mime = t.type + "/" + t.subtype;
  for (const auto& [type, extension] : kExtensions) {
    if (type == mime) return extension;
  }
  return "bin";
}

// Text of a body part in `charset` (as declared; often wrong or missing).
std::string DecodeBodyText(std::string_view bytes, std::string_view declared) {
  const std::string charset = Lower(declared);
  if (charset.starts_with("utf-16") || charset.starts_with("utf-32")) return ToUtf8(bytes, charset);
  // Valid UTF-8 with non-ASCII bytes is UTF-8 whatever the label says (7-bit
  // text keeps its label: ISO-2022-JP looks like ASCII); "us-ascii" labels
  // on 8-bit Latin-1 text are as common as no label.
  const bool non_ascii = std::any_of(bytes.begin(), bytes.end(),
                                     [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
  if (non_ascii && IsValidUtf8(bytes)) return std::string(bytes);
  if (charset.empty() || charset == "us-ascii" || charset == "ascii" || charset == "utf-8" ||
      charset == "utf8") {
    return ToUtf8(bytes, "");
  }
  if (charset == "iso-8859-1" || charset == "latin1" || charset == "iso_8859-1") {
    return ToUtf8(bytes, "WINDOWS-1252");
  }
  return ToUtf8(bytes, g_mime_charset_iconv_name(charset.c_str()));
}

enum class Mode { kBody, kAttachmentsOnly };

// Walks a MIME tree: body text into `bodies`, the rest into child files.
class MailWalker {
 public:
  explicit MailWalker(const ExtractionInput& input) : input_(input) {}

  void Walk(GMimeObject* object, Mode mode, int nesting);

  Status status() const { return status_; }
  std::vector<std::string>& bodies() { return bodies_; }
  std::vector<Child>& children() { return children_; }
  int skipped() const { return skipped_; }

 private:
  void WalkMultipart(GMimeMultipart* multipart, Mode mode, int nesting);
  void WalkPart(GMimePart* part, Mode mode);
  void AddChild(GMimeObject* object, const std::string& name, bool is_message);
  bool IsBodyText(GMimePart* part, const MediaType& t) const;

  const ExtractionInput& input_;
  Status status_;
  std::vector<std::string> bodies_;
  std::vector<Child> children_;
  std::uint64_t child_bytes_ = 0;
  int attachment_count_ = 0;
  int skipped_ = 0;  // attachments not written because of the depth limit
};

void MailWalker::Walk(GMimeObject* object, Mode mode, int nesting) {
  if (object == nullptr || !status_.ok() || nesting > kMaxMimeNesting) return;
  if (GMIME_IS_MESSAGE_PART(object)) {
    GMimeMessage* message = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
    if (message == nullptr) return;
    std::string subject = ReadMailHeaders(message).subject;
    std::string name = SafeFileName(subject, "");
    name =
        name.empty() ? "message-" + std::to_string(attachment_count_ + 1) + ".eml" : name + ".eml";
    AddChild(GMIME_OBJECT(message), name, true);
  } else if (GMIME_IS_MULTIPART(object)) {
    WalkMultipart(GMIME_MULTIPART(object), mode, nesting);
  } else if (GMIME_IS_PART(object)) {
    WalkPart(GMIME_PART(object), mode);
  }
}

// The index of the alternative to read as the body: a multipart/mixed one
// (Apple Mail splits the HTML around inline attachments and leaves text out
// of the plain version), else plain text, else another multipart (which
// holds the body), else HTML, else the last one.
int PreferredAlternative(GMimeMultipart* multipart) {
  const int count = g_mime_multipart_get_count(multipart);
  int plain_index = -1, multipart_index = -1, html_index = -1;
  for (int i = 0; i < count; ++i) {
    GMimeObject* part = g_mime_multipart_get_part(multipart, i);
    const MediaType t = TypeOf(part);
    if (t.Is("multipart", "mixed")) return i;
    if (t.Is("text", "plain") && plain_index < 0) plain_index = i;
    if (GMIME_IS_MULTIPART(part) && multipart_index < 0) multipart_index = i;
    if (t.Is("text", "html") && html_index < 0) html_index = i;
  }
  for (int index : {plain_index, multipart_index, html_index}) {
    if (index >= 0) return index;
  }
  return count - 1;
}

// The root of a multipart/related: the part its "start" parameter names, else the first.
int RelatedRoot(GMimeMultipart* multipart) {
  const char* start = g_mime_object_get_content_type_parameter(GMIME_OBJECT(multipart), "start");
  if (start == nullptr) return 0;
  std::string id(start);
  if (id.size() > 2 && id.front() == '<' && id.back() == '>') id = id.substr(1, id.size() - 2);
  for (int i = 0; i < g_mime_multipart_get_count(multipart); ++i) {
    const char* part_id = g_mime_object_get_content_id(g_mime_multipart_get_part(multipart, i));
    if (part_id != nullptr && id == part_id) return i;
  }
  return 0;
}

void MailWalker::WalkMultipart(GMimeMultipart* multipart, Mode mode, int nesting) {
  const MediaType t = TypeOf(GMIME_OBJECT(multipart));
  int body = -1;  // -1: every part is read in `mode`
  if (t.subtype == "alternative") body = PreferredAlternative(multipart);
  if (t.subtype == "related") body = RelatedRoot(multipart);
  if (t.subtype == "signed") body = 0;
  for (int i = 0; i < g_mime_multipart_get_count(multipart); ++i) {
    const Mode part_mode = body < 0 || i == body ? mode : Mode::kAttachmentsOnly;
    Walk(g_mime_multipart_get_part(multipart, i), part_mode, nesting + 1);
  }
}

bool MailWalker::IsBodyText(GMimePart* part, const MediaType& t) const {
  if (g_mime_part_is_attachment(part) || g_mime_part_get_filename(part) != nullptr) return false;
  return t.type == "text" || t.Is("message", "delivery-status") ||
         t.Is("message", "disposition-notification");
}

void MailWalker::WalkPart(GMimePart* part, Mode mode) {
  const MediaType t = TypeOf(GMIME_OBJECT(part));
  if (IsBodyText(part, t)) {
    // An alternative not chosen repeats the body; it is neither text nor child.
    if (mode == Mode::kAttachmentsOnly) return;
    const std::string bytes = PartContent(part);
    const char* charset = g_mime_object_get_content_type_parameter(GMIME_OBJECT(part), "charset");
    std::string text = t.subtype == "html" ? HtmlToText(bytes, charset ? charset : "", nullptr)
                                           : DecodeBodyText(bytes, charset ? charset : "");
    if (!text.empty()) bodies_.push_back(std::move(text));
    return;
  }
  const char* filename = g_mime_part_get_filename(part);
  std::string fallback =
      "attachment-" + std::to_string(attachment_count_ + 1) + "." + std::string(ExtensionFor(t));
  AddChild(GMIME_OBJECT(part), SafeFileName(filename ? filename : "", fallback), false);
}

void MailWalker::AddChild(GMimeObject* object, const std::string& name, bool is_message) {
  const ExtractionLimits& limits = input_.limits;
  const int index = ++attachment_count_;
  if (input_.depth >= limits.max_depth) {
    ++skipped_;
    return;
  }
  if (index > limits.max_members) {
    status_ = Status::TooLarge("archive limits exceeded (more than " +
                               std::to_string(limits.max_members) + " attachments)");
    return;
  }
  const std::string file_name = NumberedFileName(index, name);
  Result<std::uint64_t> written =
      is_message ? WriteMailObject(object, input_.scratch_dir, file_name)
                 : WritePartContent(GMIME_PART(object), input_.scratch_dir, file_name);
  if (!written.ok()) {
    status_ = written.status();
    return;
  }
  child_bytes_ += *written;
  if (*written > limits.max_member_bytes) {
    status_ = Status::TooLarge("archive limits exceeded (an attachment larger than " +
                               std::to_string(limits.max_member_bytes) + " bytes)");
    return;
  }
  if (child_bytes_ > limits.max_total_bytes) {
    status_ = Status::TooLarge("archive limits exceeded (attachments larger than " +
                               std::to_string(limits.max_total_bytes) + " bytes in total)");
    return;
  }
  children_.push_back(
      {name, "attachment " + std::to_string(index), input_.scratch_dir / file_name});
}

class EmailExtractor final : public Extractor {
 public:
  Result<Extraction> Extract(const ExtractionInput& input) const override {
    AKTE_ASSIGN_OR_RETURN(GRef<GMimeParser> parser,
                          OpenMailParser(input.file, GMIME_FORMAT_MESSAGE));
    GRef<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), MailParserOptions()));
    if (!message) return Status::Corruption("corrupt or truncated email: no message found");

    Extraction out;
    out.mime_type = "message/rfc822";
    const MailHeaders headers = ReadMailHeaders(message.get());
    SetMailMetadata(headers, out.metadata);

    MailWalker walker(input);
    walker.Walk(g_mime_message_get_mime_part(message.get()), Mode::kBody, 0);
    AKTE_RETURN_IF_ERROR(walker.status());

    std::string text = MailHeaderBlock(headers);
    if (!walker.children().empty()) {
      text += "Attachments:";
      for (const Child& child : walker.children()) text += " " + child.name + ";";
      text.back() = '\n';
    }
    for (const std::string& body : walker.bodies()) {
      text += '\n';
      text += body;
      if (!body.ends_with('\n')) text += '\n';
    }
    AppendLimited(out.text, text, input.limits.max_text_bytes, out.text_truncated);
    out.children = std::move(walker.children());
    if (walker.skipped() > 0) {
      out.error = std::to_string(walker.skipped()) +
                  " attachments not extracted: nesting depth limit reached";
    }
    return out;
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeEmailExtractor() { return std::make_unique<EmailExtractor>(); }

}  // namespace akte::indexer
