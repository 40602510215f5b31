// The configurable lists of document and event types, and the firm's time
// zone setting.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "catalog_fixture.h"

namespace akte::archive {
namespace {

bool Contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

Document DraftDocument(Id customer_id, std::string type) {
  Document draft;
  draft.customer_id = customer_id;
  draft.filename = "angebot.pdf";
  draft.type = std::move(type);
  draft.sha256 = std::string(64, 'a');
  draft.size = 3;
  return draft;
}

}  // namespace

TEST_CASE("Catalog adds a document type at the end of the list, trimmed", "[archive][types]") {
  CatalogFixture f;
  auto added = f.catalog->AddType(f.admin, TypeList::kDocument, "  Wartungsbericht ");
  REQUIRE(added.ok());
  CHECK(*added == "Wartungsbericht");
  auto types = f.catalog->DocumentTypes();
  REQUIRE(types.ok());
  CHECK(types->back() == "Wartungsbericht");
  CHECK(types->size() == 13);
  auto events = f.catalog->EventTypes();
  REQUIRE(events.ok());
  CHECK_FALSE(Contains(*events, "Wartungsbericht"));

  Customer customer = f.Create("10001", "Müller GmbH");
  auto document = f.catalog->AddDocument(f.staff, DraftDocument(customer.id, "wartungsbericht"));
  REQUIRE(document.ok());
  CHECK(document->type == "Wartungsbericht");
}

TEST_CASE("Catalog refuses a type that exists already, in any case", "[archive][types]") {
  CatalogFixture f;
  auto duplicate = f.catalog->AddType(f.admin, TypeList::kEvent, "termin");
  CHECK(duplicate.status().code() == StatusCode::kAlreadyExists);
  CHECK(duplicate.status().field() == "name");
  CHECK_THAT(duplicate.status().message(), Catch::Contains("'Termin'"));
  auto events = f.catalog->EventTypes();
  REQUIRE(events.ok());
  CHECK(std::count(events->begin(), events->end(), "Termin") == 1);
}

TEST_CASE("Catalog refuses empty, overlong, control-character and slashed type names",
          "[archive][types]") {
  CatalogFixture f;
  const std::vector<std::string> bad_names = {"", "   ", "Zeile\nZwei", "Angebot/Auftrag",
                                              std::string(61, 'x')};
  for (const auto& bad : bad_names) {
    INFO("name '" << bad << "'");
    auto added = f.catalog->AddType(f.admin, TypeList::kDocument, bad);
    CHECK(added.status().code() == StatusCode::kInvalidArgument);
    CHECK(added.status().field() == "name");
  }
  // 60 characters are allowed, counted as characters, not bytes.
  std::string umlauts;
  for (int i = 0; i < 60; ++i) umlauts += "ä";
  CHECK(f.catalog->AddType(f.admin, TypeList::kDocument, umlauts).ok());
  auto types = f.catalog->DocumentTypes();
  REQUIRE(types.ok());
  CHECK(types->size() == 13);
}

TEST_CASE("Catalog retires a type that stays on its documents but cannot be chosen again",
          "[archive][types]") {
  CatalogFixture f;
  Customer customer = f.Create("10001", "Müller GmbH");
  auto memo = f.catalog->AddDocument(f.staff, DraftDocument(customer.id, "Memo"));
  REQUIRE(memo.ok());

  REQUIRE(f.catalog->RetireType(f.admin, TypeList::kDocument, "memo").ok());
  auto types = f.catalog->DocumentTypes();
  REQUIRE(types.ok());
  CHECK_FALSE(Contains(*types, "Memo"));
  auto kept = f.catalog->GetDocument(memo->id);
  REQUIRE(kept.ok());
  CHECK(kept->type == "Memo");
  auto refused = f.catalog->AddDocument(f.staff, DraftDocument(customer.id, "Memo"));
  CHECK(refused.status().code() == StatusCode::kInvalidArgument);
  CHECK(refused.status().field() == "type");

  auto again = f.catalog->RetireType(f.admin, TypeList::kDocument, "Memo");
  CHECK(again.code() == StatusCode::kNotFound);
  auto unknown = f.catalog->RetireType(f.admin, TypeList::kDocument, "Gibt es nicht");
  CHECK(unknown.code() == StatusCode::kNotFound);
  CHECK_THAT(unknown.message(), Catch::Contains("'Gibt es nicht'"));
}

TEST_CASE("Catalog puts a retired type back when it is added again, keeping its spelling",
          "[archive][types]") {
  CatalogFixture f;
  REQUIRE(f.catalog->RetireType(f.admin, TypeList::kEvent, "Mailing").ok());
  auto restored = f.catalog->AddType(f.admin, TypeList::kEvent, "MAILING");
  REQUIRE(restored.ok());
  CHECK(*restored == "Mailing");
  auto events = f.catalog->EventTypes();
  REQUIRE(events.ok());
  CHECK(std::count(events->begin(), events->end(), "Mailing") == 1);
  // Back in its old place (after Rückruf), not appended.
  auto mailing = std::find(events->begin(), events->end(), "Mailing");
  REQUIRE(mailing != events->begin());
  CHECK(*std::prev(mailing) == "Rückruf");
}

TEST_CASE("Catalog keeps the types akte gives records itself", "[archive][types]") {
  CatalogFixture f;
  for (const char* name : {"Sonstiges", "E-Mail"}) {
    INFO(name);
    CHECK(f.catalog->RetireType(f.admin, TypeList::kDocument, name).code() ==
          StatusCode::kFailedPrecondition);
  }
  for (const char* name : {"E-Mail eingehend", "e-mail ausgehend"}) {
    INFO(name);
    CHECK(f.catalog->RetireType(f.admin, TypeList::kEvent, name).code() ==
          StatusCode::kFailedPrecondition);
  }
  auto types = f.catalog->DocumentTypes();
  REQUIRE(types.ok());
  CHECK(Contains(*types, "Sonstiges"));
}

TEST_CASE("Catalog audits adding, retiring and restoring a type with who and what",
          "[archive][types]") {
  CatalogFixture f;
  REQUIRE(f.catalog->AddType(f.admin, TypeList::kDocument, "Gutachten").ok());
  f.clock.Advance(std::chrono::hours(1));
  REQUIRE(f.catalog->RetireType(f.staff, TypeList::kDocument, "Gutachten").ok());
  REQUIRE(f.catalog->AddType(f.admin, TypeList::kDocument, "gutachten").ok());

  // The new type is the 13th row of the seeded list.
  auto trail = f.catalog->AuditTrail("document_type", 13);
  REQUIRE(trail.ok());
  REQUIRE(trail->size() == 3);
  CHECK((*trail)[0].action == "create");
  CHECK((*trail)[0].username == "anna");
  CHECK(nlohmann::json::parse((*trail)[0].after)["name"] == "Gutachten");
  CHECK((*trail)[1].action == "retire");
  CHECK((*trail)[1].username == "bernd");
  CHECK((*trail)[1].at == "2024-03-05T14:05:00Z");
  CHECK(nlohmann::json::parse((*trail)[1].before)["retired"] == false);
  CHECK(nlohmann::json::parse((*trail)[1].after)["retired"] == true);
  CHECK((*trail)[2].action == "restore");
  CHECK(f.catalog->AuditTrail("event_type", 13)->empty());
}

TEST_CASE("CheckTimeZoneName accepts IANA zones and refuses anything else", "[archive][time]") {
  for (const char* zone : {"Europe/Berlin", "America/New_York", "UTC", "Etc/GMT+1",
                           "America/Argentina/Buenos_Aires"}) {
    INFO(zone);
    CHECK(CheckTimeZoneName(zone, "firm.timezone").ok());
  }
  for (const char* bad :
       {"", "Europe/Atlantis", "europe/berlin", "Europe", "Europe/", "/etc/passwd",
        "../../../etc/passwd", "Europe/../Europe/Berlin", "zone.tab", "posixrules",
        "posix/Europe/Berlin", "Europe//Berlin", "Europe/Berlin "}) {
    INFO("'" << bad << "'");
    Status checked = CheckTimeZoneName(bad, "firm.timezone");
    CHECK(checked.code() == StatusCode::kInvalidArgument);
    CHECK(checked.field() == "firm.timezone");
  }
}

TEST_CASE("Catalog stores only a known time zone as firm.timezone", "[archive][time]") {
  CatalogFixture f;
  Status refused = f.catalog->SetSetting(f.admin, "firm.timezone", "Mars/Olympus_Mons");
  CHECK(refused.code() == StatusCode::kInvalidArgument);
  CHECK(refused.field() == "firm.timezone");
  CHECK_THAT(refused.message(), Catch::Contains("Mars/Olympus_Mons"));
  auto unset = f.catalog->GetSetting("firm.timezone");
  REQUIRE(unset.ok());
  CHECK_FALSE(unset->has_value());

  REQUIRE(f.catalog->SetSetting(f.admin, "firm.timezone", "America/New_York").ok());
  auto stale = f.catalog->UpdateSetting(f.admin, "firm.timezone", "Nowhere", 1);
  CHECK(stale.status().code() == StatusCode::kInvalidArgument);
  auto stored = f.catalog->GetSetting("firm.timezone");
  REQUIRE(stored.ok());
  CHECK(**stored == "America/New_York");
}

}  // namespace akte::archive
