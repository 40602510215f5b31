// The sample firm as a newcomer meets it: `akte import-samples` from
// scratch gives the counts samples/README.md documents, every document is
// read (but the scan, which waits for OCR), and the three searches the
// README suggests find the customers it names.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "akte/archive/data_dir.h"
#include "akte_process.h"

namespace akte::test {
namespace {

using nlohmann::json;

TEST_CASE("The sample firm loads with the documented counts and answers the README's searches",
          "[cli][samples]") {
  const json manifest =
      json::parse(ReadFile(std::filesystem::path(AKTE_SAMPLES_DIR) / "manifest.json"));
  const json& expected = manifest["expected"];
  Akte akte;
  akte.Ok({"init", "--admin", "jana", "--display-name", "Jana Schreiber"});
  auto loaded = akte.Ok({"import-samples"});
  INFO(loaded.out);

  std::size_t customers = 0, prospects = 0, contacts = 0, notes = 0, events = 0;
  std::size_t top_level = 0, children = 0, needs_ocr = 0, filed_emails = 0;
  std::vector<std::string> unread;
  {
    auto dir = archive::DataDir::Open(akte.data);
    REQUIRE(dir.ok());
    auto& catalog = (*dir)->catalog();
    archive::CustomerListOptions all;
    all.include_archived = true;
    auto listed = catalog.ListCustomers(all);
    REQUIRE(listed.ok());
    auto count_document = [&](const archive::Document& d) {
      (d.parent_id ? children : top_level) += 1;
      if (d.extraction_state == archive::kStateNeedsOcr) {
        ++needs_ocr;
      } else if (d.extraction_state != archive::kStateExtracted) {
        unread.push_back(d.filename + ": " + d.extraction_state + " " + d.extraction_error);
      }
    };
    for (const auto& customer : *listed) {
      (customer.kind == archive::kKindProspect ? prospects : customers) += 1;
      auto file = catalog.GetCustomerFile(customer.id);
      REQUIRE(file.ok());
      contacts += file->contacts.size();
      notes += file->notes.size();
      events += file->events.size();
      for (const auto& document : file->documents) {
        count_document(document);
        if (!document.parent_id && document.mime_type == "message/rfc822") ++filed_emails;
      }
    }
    auto inbox = catalog.Inbox();
    REQUIRE(inbox.ok());
    for (const auto& document : *inbox) count_document(document);
    CHECK(inbox->size() == expected["inbox_after_mail"].get<std::size_t>());
  }
  CHECK(customers == expected["customers"].get<std::size_t>());
  CHECK(prospects == expected["prospects"].get<std::size_t>());
  CHECK(contacts == expected["contacts"].get<std::size_t>());
  CHECK(notes == expected["notes"].get<std::size_t>());
  // The manifest's events, and one for every email filed under a customer
  // (from the mailbox, or filed as a document).
  CHECK(events == expected["events_from_manifest"].get<std::size_t>() + filed_emails);
  CHECK(filed_emails >= expected["events_from_mail"].get<std::size_t>());
  CHECK(top_level ==
        expected["documents"].get<std::size_t>() + expected["mail_messages"].get<std::size_t>());
  // Attachments and archive members, of filed documents and of emails.
  CHECK(children ==
        expected["children"].get<std::size_t>() + expected["mail_children"].get<std::size_t>());
  CHECK(needs_ocr == expected["needs_ocr"].get<std::size_t>());
  INFO("documents not read:\n"
       << [&] {
            std::string lines;
            for (const auto& line : unread) lines += line + "\n";
            return lines;
          }());
  CHECK(unread.empty());

  for (const auto& search : expected["searches"]) {
    const std::string query = search["query"];
    INFO("search: " << query);
    auto answer = json::parse(akte.Ok({"search", "--customers", "--json", query}).out);
    std::set<std::string> found;
    for (const auto& result : answer["customers"]) found.insert(result["customer"]["number"]);
    const std::set<std::string> wanted = search["customers"];
    CHECK(found == wanted);
  }
}

}  // namespace
}  // namespace akte::test
