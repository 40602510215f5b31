// Unix mbox mailboxes through GMime's mbox parser: every message becomes a
// child .eml file for the email handler; the mailbox's own text lists the
// messages' senders, subjects and dates, so a search finds the mailbox too.
#include <cstdio>
#include <memory>

#include "extractor.h"
#include "mail_support.h"

namespace akte::indexer {
namespace {

std::string MessageFileName(int index) {
  char name[32];
  std::snprintf(name, sizeof name, "message-%04d.eml", index);
  return name;
}

class MboxExtractor final : public Extractor {
 public:
  Result<Extraction> Extract(const ExtractionInput& input) const override {
    const ExtractionLimits& limits = input.limits;
    if (input.depth >= limits.max_depth) {
      return Status::TooLarge("archive limits exceeded (nesting depth " +
                              std::to_string(limits.max_depth) + " reached)");
    }
    AKTE_ASSIGN_OR_RETURN(GRef<GMimeParser> parser, OpenMailParser(input.file, GMIME_FORMAT_MBOX));
    Extraction out;
    out.mime_type = "application/mbox";
    std::string text;
    std::uint64_t total = 0;
    int count = 0;
    while (!g_mime_parser_eos(parser.get())) {
      GRef<GMimeMessage> message(
          g_mime_parser_construct_message(parser.get(), MailParserOptions()));
      if (!message) break;
      if (++count > limits.max_members) {
        return Status::TooLarge("archive limits exceeded (more than " +
                                std::to_string(limits.max_members) + " messages)");
      }
      const std::string name = MessageFileName(count);
      AKTE_ASSIGN_OR_RETURN(std::uint64_t bytes,
                            WriteMailObject(GMIME_OBJECT(message.get()), input.scratch_dir, name));
      total += bytes;
      if (bytes > limits.max_member_bytes || total > limits.max_total_bytes) {
        return Status::TooLarge("archive limits exceeded (messages larger than " +
                                std::to_string(limits.max_total_bytes) + " bytes)");
      }
      const MailHeaders headers = ReadMailHeaders(message.get());
      out.children.push_back({name, "message " + std::to_string(count) + ": " + headers.subject,
                              input.scratch_dir / name});
      text += "Message " + std::to_string(count) + "\n" + MailHeaderBlock(headers) + "\n";
    }
    if (count == 0) return Status::Corruption("corrupt or truncated mbox: no message found");
    AppendLimited(out.text, text, limits.max_text_bytes, out.text_truncated);
    return out;
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeMboxExtractor() { return std::make_unique<MboxExtractor>(); }

}  // namespace akte::indexer
