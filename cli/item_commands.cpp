// akte doc add|get|show, note add, event add.
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <iostream>
#include <iterator>

#include "akte/archive/folder_import.h"
#include "akte/archive/json.h"
#include "context.h"
#include "extraction.h"
#include "printer.h"

namespace akte::cli {
namespace {

using archive::DataDir;

Result<archive::Id> ParseId(const std::string& text, const char* what) {
  if (text.empty() || text.size() > 18 ||
      text.find_first_not_of("0123456789") != std::string::npos) {
    return Status::InvalidArgument(std::string(what) + " id must be a number, not '" + text + "'");
  }
  return std::stoll(text);
}

void AddDocAdd(CLI::App& parent, Context& ctx) {
  auto* cmd = parent.add_subcommand("add", "File documents for a customer");
  struct Values {
    std::string customer, type, title, date;
    std::vector<std::string> files;
    archive::Id contact = 0;
    bool no_extract = false;
  };
  auto v = std::make_shared<Values>();
  cmd->add_option("customer", v->customer, "Customer number")->required();
  cmd->add_option("files", v->files, "Files to file")->required()->check(CLI::ExistingFile);
  cmd->add_option("--type", v->type, "Document type (Vertrag, Rechnung, ...; default Sonstiges)");
  cmd->add_option("--title", v->title, "Title (default: the file name)");
  cmd->add_option("--date", v->date, "The date the document bears");
  auto* contact = cmd->add_option("--contact", v->contact, "Contact person id");
  cmd->add_flag("--no-extract", v->no_extract, "Only store; extract later with `akte extract`");
  OnRunAs(cmd, ctx, [v, contact](DataDir& dir, const archive::Actor& actor) {
    auto customer = CustomerByNumber(dir, v->customer);
    if (!customer.ok()) return Fail(customer.status());
    if (!v->title.empty() && v->files.size() > 1) {
      return Fail(Status::InvalidArgument("--title names one document; give one file"));
    }
    int worst = kExitOk;
    for (const auto& path : v->files) {
      archive::Document draft;
      draft.customer_id = customer->id;
      if (contact->count()) draft.contact_id = v->contact;
      draft.title = v->title;
      draft.type = v->type;
      draft.document_date = v->date;
      auto stored = archive::StoreFile(dir, actor, draft, path);
      if (!stored.ok()) {
        worst = Fail(stored.status());
        continue;
      }
      std::cout << (stored->already_stored ? "Already filed as document " : "Filed document ")
                << stored->document.id << ": " << path << "\n";
    }
    if (!v->no_extract) {
      int extracted = ExtractAndReport(dir);
      if (worst == kExitOk) worst = extracted;
    }
    return worst;
  });
}

void AddDocGet(CLI::App& parent, Context& ctx) {
  auto* cmd = parent.add_subcommand("get", "Write a document's original file");
  auto id = std::make_shared<std::string>();
  auto output = std::make_shared<std::string>();
  cmd->add_option("id", *id, "Document id")->required();
  cmd->add_option("-o,--output", *output, "Write to this file (default: standard output)");
  OnRun(cmd, ctx, [id, output](DataDir& dir) {
    auto doc_id = ParseId(*id, "document");
    if (!doc_id.ok()) return Fail(doc_id.status());
    auto document = dir.catalog().GetDocument(*doc_id);
    if (!document.ok()) return Fail(document.status());
    auto reader = dir.blobs().OpenReader(document->sha256);
    if (!reader.ok()) return Fail(reader.status());
    // Write next to the target and rename, so a failed copy never leaves a
    // truncated file under the requested name.
    const std::string partial = output->empty() ? "" : *output + ".part";
    int fd = output->empty()
                 ? STDOUT_FILENO
                 : ::open(partial.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return Fail(Status::FromErrno(errno, "create " + partial));
    std::vector<char> buffer(256 * 1024);
    Status status;
    for (;;) {
      auto n = reader->Read(std::span<char>(buffer));
      if (!n.ok()) {
        status = n.status();
        break;
      }
      if (*n == 0) break;
      std::size_t done = 0;
      while (done < *n && status.ok()) {
        ssize_t w = ::write(fd, buffer.data() + done, *n - done);
        if (w < 0 && errno != EINTR) status = Status::FromErrno(errno, "write");
        if (w > 0) done += static_cast<std::size_t>(w);
      }
      if (!status.ok()) break;
    }
    if (!output->empty()) {
      if (status.ok() && ::fsync(fd) != 0) status = Status::FromErrno(errno, "fsync " + partial);
      ::close(fd);
      if (status.ok() && std::rename(partial.c_str(), output->c_str()) != 0) {
        status = Status::FromErrno(errno, "rename to " + *output);
      }
      if (!status.ok()) ::unlink(partial.c_str());
    }
    return status.ok() ? kExitOk : Fail(status);
  });
}

void AddDocShow(CLI::App& parent, Context& ctx) {
  auto* cmd = parent.add_subcommand("show", "Show a document's details");
  auto id = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("id", *id, "Document id")->required();
  cmd->add_flag("--json", *json, "Print JSON");
  OnRun(cmd, ctx, [id, json](DataDir& dir) {
    auto doc_id = ParseId(*id, "document");
    if (!doc_id.ok()) return Fail(doc_id.status());
    auto document = dir.catalog().GetDocument(*doc_id);
    if (!document.ok()) return Fail(document.status());
    auto text = dir.catalog().GetText(document->id);
    if (!text.ok()) return Fail(text.status());
    if (*json) {
      std::cout << archive::ToJson(*document, 2) << "\n";
    } else {
      PrintDocument(std::cout, *document, *text);
    }
    return kExitOk;
  });
}

void AddNoteAdd(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("note", "Notes in a customer file (Notizen)");
  group->require_subcommand(1);
  auto* cmd = group->add_subcommand("add", "Add a note; author and time are set by akte");
  struct Values {
    std::string customer;
    std::vector<std::string> words;
    archive::Id contact = 0;
    std::string written_at;
  };
  auto v = std::make_shared<Values>();
  cmd->add_option("customer", v->customer, "Customer number")->required();
  cmd->add_option("text", v->words, "The note's text ('-' reads standard input)")->required();
  auto* contact = cmd->add_option("--contact", v->contact, "Contact person id");
  cmd->add_option("--written-at", v->written_at,
                  "When a note carried over from earlier records was written (default: now)");
  OnRunAs(cmd, ctx, [v, contact](DataDir& dir, const archive::Actor& actor) {
    auto customer = CustomerByNumber(dir, v->customer);
    if (!customer.ok()) return Fail(customer.status());
    std::string text;
    if (v->words.size() == 1 && v->words[0] == "-") {
      text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
      for (const auto& w : v->words) text += (text.empty() ? "" : " ") + w;
    }
    std::optional<archive::Id> contact_id;
    if (contact->count()) contact_id = v->contact;
    auto note = dir.catalog().AddNote(actor, customer->id, contact_id, text, v->written_at);
    if (!note.ok()) return Fail(note.status());
    std::cout << "Added note " << note->id << " by " << note->author << " at " << note->created_at
              << ".\n";
    return kExitOk;
  });
}

void AddEventAdd(CLI::App& app, Context& ctx) {
  auto* group = app.add_subcommand("event", "History events (Historie)");
  group->require_subcommand(1);
  auto* cmd = group->add_subcommand("add", "Record a call, email, meeting, ... in the history");
  struct Values {
    std::string customer;
    archive::Event event;
    archive::Id contact = 0;
  };
  auto v = std::make_shared<Values>();
  cmd->add_option("customer", v->customer, "Customer number")->required();
  cmd->add_option("--type", v->event.type, "Event type (Anruf eingehend, Termin, ...)")->required();
  cmd->add_option("--subject", v->event.subject, "Subject");
  cmd->add_option("--text", v->event.text, "Text");
  cmd->add_option("--at", v->event.occurred_at, "When it happened (default: now)");
  cmd->add_option("--doc", v->event.document_ids, "Linked document id (repeat for more)");
  auto* contact = cmd->add_option("--contact", v->contact, "Contact person id");
  OnRunAs(cmd, ctx, [v, contact](DataDir& dir, const archive::Actor& actor) {
    auto customer = CustomerByNumber(dir, v->customer);
    if (!customer.ok()) return Fail(customer.status());
    archive::Event draft = v->event;
    draft.customer_id = customer->id;
    if (contact->count()) draft.contact_id = v->contact;
    auto event = dir.catalog().AddEvent(actor, draft);
    if (!event.ok()) return Fail(event.status());
    std::cout << "Recorded event " << event->id << " (" << event->type << ").\n";
    return kExitOk;
  });
}

}  // namespace

void AddItemCommands(CLI::App& app, Context& ctx) {
  auto* doc = app.add_subcommand("doc", "Documents (Dokumente)");
  doc->require_subcommand(1);
  AddDocAdd(*doc, ctx);
  AddDocGet(*doc, ctx);
  AddDocShow(*doc, ctx);
  AddDocImportCommand(*doc, ctx);
  AddSimilarCommand(*doc, ctx);
  AddNoteAdd(app, ctx);
  AddEventAdd(app, ctx);
}

}  // namespace akte::cli
