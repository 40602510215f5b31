// Renaming document and event types: the records of a type keep it under
// its new name and are queued for the index again; clashes, unknown and
// built-in types are refused.
#include <algorithm>
#include <catch2/catch.hpp>

#include "catalog_fixture.h"

namespace akte::archive {
namespace {

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

TEST_CASE("Renaming a type keeps its documents and events under the new name", "[archive][types]") {
  CatalogFixture f;
  Customer customer = f.Create("10001", "Müller GmbH");
  Document draft;
  draft.customer_id = customer.id;
  draft.filename = "notiz.txt";
  draft.type = "Memo";
  draft.sha256 = std::string(64, 'a');
  draft.size = 3;
  auto memo = f.catalog->AddDocument(f.staff, draft);
  REQUIRE(memo.ok());
  Event event;
  event.customer_id = customer.id;
  event.type = "Rückruf";
  event.subject = "Ruft wegen der Wartung zurück";
  auto callback = f.catalog->AddEvent(f.staff, event);
  REQUIRE(callback.ok());
  auto before = f.catalog->LatestChangeOf("document", memo->id);
  REQUIRE(before.ok());

  auto renamed = f.catalog->RenameType(f.admin, TypeList::kDocument, "memo", "  Aktennotiz ");
  INFO(renamed.status().ToString());
  REQUIRE(renamed.ok());
  CHECK(*renamed == "Aktennotiz");
  auto document = f.catalog->GetDocument(memo->id);
  REQUIRE(document.ok());
  CHECK(document->type == "Aktennotiz");
  CHECK(document->version == memo->version);  // the document itself did not change
  auto after = f.catalog->LatestChangeOf("document", memo->id);
  REQUIRE(after.ok());
  CHECK(*after > *before);  // queued for the index again

  auto types = f.catalog->DocumentTypes();
  REQUIRE(types.ok());
  CHECK(Contains(*types, "Aktennotiz"));
  CHECK_FALSE(Contains(*types, "Memo"));
  // Same place in the list: it is the same type.
  CHECK(std::find(types->begin(), types->end(), "Aktennotiz") - types->begin() == 3);
  draft.type = "Memo";
  draft.sha256 = std::string(64, 'b');
  CHECK(f.catalog->AddDocument(f.staff, draft).status().code() == StatusCode::kInvalidArgument);

  REQUIRE(f.catalog->RenameType(f.admin, TypeList::kEvent, "Rückruf", "Rückrufbitte").ok());
  auto stored = f.catalog->GetEvent(callback->id);
  REQUIRE(stored.ok());
  CHECK(stored->type == "Rückrufbitte");

  auto audit = f.catalog->AuditTrail("event_type", 5);  // Rückruf is the fifth event type
  REQUIRE(audit.ok());
  REQUIRE(audit->size() == 1);
  CHECK(audit->front().action == "rename");
  CHECK_THAT(audit->front().before, Catch::Contains("Rückruf"));
  CHECK_THAT(audit->front().after, Catch::Contains("Rückrufbitte"));
}

TEST_CASE("Renaming a type only in case is allowed", "[archive][types]") {
  CatalogFixture f;
  auto renamed = f.catalog->RenameType(f.admin, TypeList::kDocument, "Memo", "MEMO");
  REQUIRE(renamed.ok());
  CHECK(*renamed == "MEMO");
  auto types = f.catalog->DocumentTypes();
  REQUIRE(types.ok());
  CHECK(Contains(*types, "MEMO"));
}

TEST_CASE("Renaming refuses a taken name, an unknown type, a built-in type and a bad name",
          "[archive][types]") {
  CatalogFixture f;
  auto taken = f.catalog->RenameType(f.admin, TypeList::kDocument, "Memo", "vertrag");
  CHECK(taken.status().code() == StatusCode::kAlreadyExists);
  CHECK(taken.status().field() == "name");
  CHECK_THAT(taken.status().message(), Catch::Contains("'Vertrag' exists already"));

  REQUIRE(f.catalog->RetireType(f.admin, TypeList::kDocument, "Brief").ok());
  auto retired = f.catalog->RenameType(f.admin, TypeList::kDocument, "Memo", "Brief");
  CHECK(retired.status().code() == StatusCode::kAlreadyExists);
  CHECK_THAT(retired.status().message(), Catch::Contains("retired"));

  auto unknown = f.catalog->RenameType(f.admin, TypeList::kEvent, "Fax", "Telefax");
  CHECK(unknown.status().code() == StatusCode::kNotFound);
  CHECK_THAT(unknown.status().message(), Catch::Contains("'Fax'"));

  for (auto [list, name] : {std::pair{TypeList::kDocument, "Sonstiges"},
                            {TypeList::kDocument, "E-Mail"},
                            {TypeList::kEvent, "Wiedervorlage"},
                            {TypeList::kEvent, "E-Mail eingehend"}}) {
    auto built_in = f.catalog->RenameType(f.admin, list, name, "Anderes");
    CHECK(built_in.status().code() == StatusCode::kFailedPrecondition);
    CHECK_THAT(built_in.status().message(), Catch::Contains("cannot be renamed"));
  }

  auto slashed = f.catalog->RenameType(f.admin, TypeList::kDocument, "Memo", "Memo/Notiz");
  CHECK(slashed.status().code() == StatusCode::kInvalidArgument);
  CHECK(slashed.status().field() == "name");
  auto empty = f.catalog->RenameType(f.admin, TypeList::kDocument, "Memo", "  ");
  CHECK(empty.status().field() == "name");

  auto types = f.catalog->DocumentTypes();
  REQUIRE(types.ok());
  CHECK(Contains(*types, "Memo"));  // nothing changed
}

}  // namespace akte::archive
