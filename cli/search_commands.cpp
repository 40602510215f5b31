// akte search, reindex, doc similar, inbox suggest.
#include <unistd.h>

#include <iostream>

#include "akte/indexer/index_writer.h"
#include "akte/search/searcher.h"
#include "context.h"
#include "printer.h"
#include "progress.h"

namespace akte::cli {
namespace {

using archive::DataDir;

// Brings the index up to date before a search, unless the server is
// writing it (then it is kept current there).
Status CatchUpIfIdle(DataDir& dir) {
  auto writer = indexer::IndexWriter::Open(dir);
  if (!writer.ok()) {
    return writer.status().code() == StatusCode::kUnavailable ? Status::Ok() : writer.status();
  }
  return (*writer)->CatchUp().status();
}

void AddSearch(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "search", "Search customers, contacts, documents, notes, history and records");
  auto request = std::make_shared<search::SearchRequest>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("query", request->query, "What to look for (see README: Searching)")->required();
  cmd->add_flag("--customers", request->customers, "Group the results by customer");
  cmd->add_option("--kind", request->kinds, "Only items of this kind (repeat for more)")
      ->check(CLI::IsMember({"customer", "contact", "document", "note", "event", "record"}));
  cmd->add_option("--limit", request->limit, "At most this many results")
      ->check(CLI::Range(1, 1000));
  cmd->add_option("--offset", request->offset, "Skip this many results");
  cmd->add_flag("--facets", request->facets, "Count the results by kind, type, customer and year");
  cmd->add_flag("--json", *json, "Print JSON");
  OnRun(cmd, ctx, [request, json](DataDir& dir) {
    if (Status s = CatchUpIfIdle(dir); !s.ok()) return Fail(s);
    auto searcher = search::Searcher::Open(dir);
    if (!searcher.ok()) return Fail(searcher.status());
    auto response = (*searcher)->Search(*request);
    if (!response.ok()) return Fail(response.status());
    if (*json) {
      std::cout << search::ToJson(*response, 2) << "\n";
    } else {
      PrintSearchResponse(std::cout, *response, isatty(STDOUT_FILENO));
    }
    return kExitOk;
  });
}

void AddReindex(CLI::App& app, Context& ctx) {
  auto* cmd = app.add_subcommand(
      "reindex", "Rebuild the search index from the catalog (searches go on meanwhile)");
  OnRun(cmd, ctx, [](DataDir& dir) {
    Progress progress("Indexing");
    auto report = indexer::Reindex(dir, [&progress](std::size_t done, std::size_t total) {
      progress.Update(done, total, "");
    });
    progress.Finish();
    if (!report.ok()) return Fail(report.status());
    std::cout << (report->resumed ? "Resumed and finished" : "Built") << " the search index "
              << report->generation << ": " << report->items << " items, " << report->documents
              << " index entries.\n";
    return kExitOk;
  });
}

void AddSimilar(CLI::App& doc, Context& ctx) {
  auto* cmd = doc.add_subcommand("similar", "Documents like this one");
  auto id = std::make_shared<archive::Id>(0);
  auto json = std::make_shared<bool>(false);
  cmd->add_option("id", *id, "Document id")->required();
  cmd->add_flag("--json", *json, "Print JSON");
  OnRun(cmd, ctx, [id, json](DataDir& dir) {
    if (Status s = CatchUpIfIdle(dir); !s.ok()) return Fail(s);
    auto searcher = search::Searcher::Open(dir);
    if (!searcher.ok()) return Fail(searcher.status());
    auto hits = (*searcher)->Similar(*id);
    if (!hits.ok()) return Fail(hits.status());
    if (*json) {
      std::cout << search::ToJson(*hits, 2) << "\n";
    } else {
      PrintHits(std::cout, *hits, isatty(STDOUT_FILENO));
    }
    return kExitOk;
  });
}

void AddSuggest(CLI::App& inbox, Context& ctx) {
  auto* cmd = inbox.add_subcommand("suggest", "The customers an inbox document likely belongs to");
  auto id = std::make_shared<archive::Id>(0);
  auto json = std::make_shared<bool>(false);
  cmd->add_option("document", *id, "Document id")->required();
  cmd->add_flag("--json", *json, "Print JSON");
  OnRun(cmd, ctx, [id, json](DataDir& dir) {
    if (Status s = CatchUpIfIdle(dir); !s.ok()) return Fail(s);
    auto searcher = search::Searcher::Open(dir);
    if (!searcher.ok()) return Fail(searcher.status());
    auto customers = (*searcher)->SuggestCustomers(*id);
    if (!customers.ok()) return Fail(customers.status());
    if (*json) {
      std::cout << search::ToJson(*customers, 2) << "\n";
    } else {
      PrintCustomerResults(std::cout, *customers, isatty(STDOUT_FILENO));
    }
    return kExitOk;
  });
}

}  // namespace

void AddSearchCommands(CLI::App& app, Context& ctx) {
  AddSearch(app, ctx);
  AddReindex(app, ctx);
}

void AddSimilarCommand(CLI::App& doc, Context& ctx) { AddSimilar(doc, ctx); }
void AddSuggestCommand(CLI::App& inbox, Context& ctx) { AddSuggest(inbox, ctx); }

}  // namespace akte::cli
