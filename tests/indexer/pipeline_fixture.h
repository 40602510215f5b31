// A data directory with one customer and the real `akte` binary as the
// sandboxed worker, for pipeline tests.
#pragma once

#include <catch2/catch.hpp>

#include "akte/archive/data_dir.h"
#include "akte/indexer/pipeline.h"
#include "temp_dir.h"

namespace akte::indexer::test {

struct PipelineFixture {
  akte::test::TempDir tmp;
  std::unique_ptr<archive::DataDir> dir;
  archive::Actor admin;
  archive::Customer customer;
  PipelineOptions options;

  PipelineFixture() {
    auto created = archive::DataDir::Initialize(
        tmp / "data", archive::User{0, "admin", "Admin", archive::kRoleAdmin, "", false});
    REQUIRE(created.ok());
    dir = std::move(created).value();
    admin = *dir->catalog().ActorFor("admin");
    archive::Customer draft;
    draft.number = "10001";
    draft.company = "Müller Maschinenbau";
    draft.emails = {"info@mueller-maschinenbau.de"};
    customer = *dir->catalog().CreateCustomer(admin, draft);
    options.worker_executable = AKTE_BINARY;
    options.workers = 2;
  }

  archive::Document File(const std::string& name, const std::string& bytes,
                         std::optional<archive::Id> customer_id) {
    archive::Document draft;
    draft.customer_id = customer_id;
    draft.filename = name;
    auto stored = dir->StoreDocument(
        admin, draft,
        [bytes, offset = std::size_t{0}](std::span<char> buffer) mutable -> Result<std::size_t> {
          std::size_t n = std::min(buffer.size(), bytes.size() - offset);
          std::copy_n(bytes.data() + offset, n, buffer.data());
          offset += n;
          return n;
        });
    REQUIRE(stored.ok());
    return stored->document;
  }

  archive::Document File(const std::string& name, const std::string& bytes) {
    return File(name, bytes, customer.id);
  }

  ExtractionSummary Extract() {
    ExtractionPipeline pipeline(*dir, options);
    auto summary = pipeline.ExtractPending();
    REQUIRE(summary.ok());
    return *summary;
  }

  archive::Document Reload(archive::Id id) { return *dir->catalog().GetDocument(id); }

  std::string TextOf(archive::Id id) {
    auto text = dir->catalog().GetText(id);
    REQUIRE(text.ok());
    return *text ? (*text)->text : "";
  }

  // A worker that is a shell script: for simulating crashes and hangs.
  std::filesystem::path Script(const std::string& name, const std::string& body) {
    auto path = tmp / name;
    akte::test::WriteFile(path, "#!/bin/sh\n" + body);
    std::filesystem::permissions(path, std::filesystem::perms::owner_all);
    return path;
  }
};

}  // namespace akte::indexer::test
