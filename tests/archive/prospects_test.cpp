// Prospects ("Interessenten") on a real catalog: the sales pipeline, its
// history events, refusals, and the conversion to a customer that keeps the
// whole file under the same id.
#include <algorithm>
#include <catch2/catch.hpp>

#include "akte/archive/import.h"
#include "akte/archive/pipeline.h"
#include "catalog_fixture.h"

namespace akte::archive {
namespace {

struct ProspectFixture : CatalogFixture {
  Customer prospect = CreateProspect("I-7", "Schmidt");

  Customer CreateProspect(std::string number, std::string last_name, std::string status = "") {
    Customer c;
    c.number = std::move(number);
    c.kind = kKindProspect;
    c.first_name = "Clara";
    c.last_name = std::move(last_name);
    c.pipeline_status = std::move(status);
    auto created = catalog->CreateCustomer(admin, c);
    INFO(created.status().ToString());
    REQUIRE(created.ok());
    return *created;
  }

  std::vector<Event> StatusEvents(Id customer_id) {
    auto file = catalog->GetCustomerFile(customer_id);
    REQUIRE(file.ok());
    std::vector<Event> found;
    for (const auto& e : file->events) {
      if (e.type == "Statuswechsel") found.push_back(e);
    }
    return found;
  }
};

}  // namespace

TEST_CASE("Pipeline statuses are read in German and English spellings", "[archive][prospects]") {
  CHECK(ParsePipelineStatus("Angebot gesendet") == std::optional<std::string>("offer_sent"));
  CHECK(ParsePipelineStatus(" angebot ") == std::optional<std::string>("offer_sent"));
  CHECK(ParsePipelineStatus("offer-sent") == std::optional<std::string>("offer_sent"));
  CHECK(ParsePipelineStatus("Gewonnen") == std::optional<std::string>("won"));
  CHECK(ParsePipelineStatus("LOST") == std::optional<std::string>("lost"));
  CHECK_FALSE(ParsePipelineStatus("vielleicht").has_value());
  CHECK_FALSE(ParsePipelineStatus("").has_value());
  CHECK(PipelineStatusGerman("contacted") == "kontaktiert");
}

TEST_CASE("A new prospect starts as new; a customer has no pipeline status",
          "[archive][prospects]") {
  ProspectFixture f;
  CHECK(f.prospect.pipeline_status == "new");
  CHECK(f.prospect.converted_at.empty());
  CHECK(f.CreateProspect("I-8", "Weber", "offer_sent").pipeline_status == "offer_sent");
  CHECK(f.Create("10001", "Müller GmbH").pipeline_status.empty());

  Customer bad;
  bad.number = "I-9";
  bad.kind = kKindProspect;
  bad.last_name = "Blum";
  bad.pipeline_status = "maybe";
  auto refused = f.catalog->CreateCustomer(f.admin, bad);
  CHECK(refused.status().code() == StatusCode::kInvalidArgument);
  CHECK(refused.status().field() == "pipeline_status");
  CHECK_THAT(refused.status().message(), Catch::Contains("'maybe'"));

  bad.kind = kKindCustomer;
  bad.pipeline_status = "contacted";
  refused = f.catalog->CreateCustomer(f.admin, bad);
  CHECK(refused.status().field() == "pipeline_status");
  CHECK_THAT(refused.status().message(), Catch::Contains("only prospects"));
  CHECK(f.catalog->FindCustomerByNumber("I-9").status().code() == StatusCode::kNotFound);
}

TEST_CASE("A prospect moves through the pipeline, each move a Statuswechsel in its history",
          "[archive][prospects]") {
  ProspectFixture f;
  auto contacted = f.catalog->SetPipelineStatus(f.staff, f.prospect.id, 1, "contacted", "");
  REQUIRE(contacted.ok());
  CHECK(contacted->pipeline_status == "contacted");
  CHECK(contacted->version == 2);
  auto offered =
      f.catalog->SetPipelineStatus(f.staff, f.prospect.id, 2, "offer_sent", "  Angebot A-17 ");
  REQUIRE(offered.ok());
  CHECK(offered->pipeline_status == "offer_sent");
  CHECK(offered->kind == "prospect");

  auto events = f.StatusEvents(f.prospect.id);
  REQUIRE(events.size() == 2);
  // Newest first.
  CHECK(events[0].subject == "Interessent: kontaktiert → Angebot gesendet");
  CHECK(events[0].text == "Angebot A-17");
  CHECK(events[0].author == "bernd");
  CHECK(events[1].subject == "Interessent: neu → kontaktiert");

  auto lost = f.catalog->SetPipelineStatus(f.admin, f.prospect.id, 3, "lost", "zu teuer");
  REQUIRE(lost.ok());
  CHECK(lost->pipeline_status == "lost");
  auto audit = f.catalog->AuditTrail("customer", f.prospect.id);
  REQUIRE(audit.ok());
  REQUIRE(audit->size() == 4);
  CHECK(audit->back().action == "pipeline");
  CHECK_THAT(audit->back().after, Catch::Contains("\"pipeline_status\":\"lost\""));

  CustomerListOptions options;
  options.pipeline_status = "lost";
  auto listed = f.catalog->ListCustomers(options);
  REQUIRE(listed.ok());
  REQUIRE(listed->size() == 1);
  CHECK(listed->front().id == f.prospect.id);
  options.pipeline_status = "new";
  CHECK(f.catalog->ListCustomers(options)->empty());
  options.pipeline_status = "verloren";
  CHECK(f.catalog->ListCustomers(options).status().field() == "pipeline_status");
}

TEST_CASE("The pipeline refuses a bad status, a customer, a stale version and the same status",
          "[archive][prospects]") {
  ProspectFixture f;
  Customer customer = f.Create("10001", "Müller GmbH");

  auto bad = f.catalog->SetPipelineStatus(f.admin, f.prospect.id, 1, "interested", "");
  CHECK(bad.status().code() == StatusCode::kInvalidArgument);
  CHECK(bad.status().field() == "pipeline_status");
  CHECK_THAT(bad.status().message(), Catch::Contains("new, contacted, offer_sent, won or lost"));

  auto not_prospect = f.catalog->SetPipelineStatus(f.admin, customer.id, 1, "contacted", "");
  CHECK(not_prospect.status().code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(not_prospect.status().message(), Catch::Contains("10001 is no prospect"));

  auto stale = f.catalog->SetPipelineStatus(f.admin, f.prospect.id, 7, "contacted", "");
  CHECK(stale.status().code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(stale.status().message(), Catch::Contains("changed meanwhile"));

  auto same = f.catalog->SetPipelineStatus(f.admin, f.prospect.id, 1, "new", "");
  CHECK(same.status().code() == StatusCode::kInvalidArgument);
  CHECK_THAT(same.status().message(), Catch::Contains("already"));

  auto long_remark =
      f.catalog->SetPipelineStatus(f.admin, f.prospect.id, 1, "won", std::string(2001, 'x'));
  CHECK(long_remark.status().field() == "remark");

  CHECK(f.catalog->SetPipelineStatus(f.admin, 999, 1, "won", "").status().code() ==
        StatusCode::kNotFound);

  // Nothing was written.
  auto stored = f.catalog->GetCustomer(f.prospect.id);
  REQUIRE(stored.ok());
  CHECK(stored->version == 1);
  CHECK(stored->pipeline_status == "new");
  CHECK(f.StatusEvents(f.prospect.id).empty());
}

TEST_CASE("Converting a prospect keeps its documents, notes, events and follow-ups",
          "[archive][prospects]") {
  ProspectFixture f;
  Document doc;
  doc.customer_id = f.prospect.id;
  doc.filename = "Angebot.pdf";
  doc.type = "Angebot";
  doc.sha256 = std::string(64, 'c');
  doc.size = 10;
  auto document = f.catalog->AddDocument(f.admin, doc);
  REQUIRE(document.ok());
  auto note = f.catalog->AddNote(f.admin, f.prospect.id, std::nullopt, "Will im Mai bestellen");
  REQUIRE(note.ok());
  Event call;
  call.customer_id = f.prospect.id;
  call.type = "Anruf eingehend";
  call.subject = "Rückfrage zum Angebot";
  REQUIRE(f.catalog->AddEvent(f.admin, call).ok());
  FollowUp follow_up;
  follow_up.customer_id = f.prospect.id;
  follow_up.due_date = "2024-03-12";
  follow_up.reason = "Auftrag bestätigen";
  REQUIRE(f.catalog->AddFollowUp(f.admin, follow_up).ok());
  REQUIRE(f.catalog->SetPipelineStatus(f.admin, f.prospect.id, 1, "offer_sent", "").ok());

  auto converted = f.catalog->ConvertProspect(f.staff, f.prospect.id, 2, " 10050 ");
  INFO(converted.status().ToString());
  REQUIRE(converted.ok());
  CHECK(converted->id == f.prospect.id);
  CHECK(converted->kind == "customer");
  CHECK(converted->number == "10050");
  CHECK(converted->pipeline_status == "won");
  CHECK(converted->converted_at == "2024-03-05T13:05:00Z");
  CHECK(converted->version == 3);
  CHECK(f.catalog->FindCustomerByNumber("I-7").status().code() == StatusCode::kNotFound);

  auto file = f.catalog->GetCustomerFile(f.prospect.id);
  REQUIRE(file.ok());
  REQUIRE(file->documents.size() == 1);
  CHECK(file->documents.front().id == document->id);
  REQUIRE(file->notes.size() == 1);
  CHECK(file->notes.front().text == "Will im Mai bestellen");
  auto follow_ups = f.catalog->ListFollowUps(f.prospect.id);
  REQUIRE(follow_ups.ok());
  CHECK(follow_ups->size() == 1);
  REQUIRE(file->events.size() == 3);  // the call and two status changes
  auto events = f.StatusEvents(f.prospect.id);
  REQUIRE(events.size() == 2);
  CHECK(events[0].subject == "In Kunden umgewandelt (Kundennummer 10050)");
  CHECK_THAT(events[0].text, Catch::Contains("Angebot gesendet → gewonnen"));
  CHECK_THAT(events[0].text, Catch::Contains("bisherige Nummer I-7"));
  auto audit = f.catalog->AuditTrail("customer", f.prospect.id);
  REQUIRE(audit.ok());
  CHECK(audit->back().action == "convert");

  // Twice is refused, and says when it happened.
  auto again = f.catalog->ConvertProspect(f.staff, f.prospect.id, 3, "");
  CHECK(again.status().code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(again.status().message(), Catch::Contains("is a customer already"));
}

TEST_CASE("Conversion refuses a taken number and a stale version, and writes nothing",
          "[archive][prospects]") {
  ProspectFixture f;
  f.Create("10001", "Müller GmbH");
  auto taken = f.catalog->ConvertProspect(f.admin, f.prospect.id, 1, "10001");
  CHECK(taken.status().code() == StatusCode::kAlreadyExists);
  CHECK(taken.status().field() == "number");
  auto stale = f.catalog->ConvertProspect(f.admin, f.prospect.id, 5, "");
  CHECK(stale.status().code() == StatusCode::kFailedPrecondition);
  CHECK_THAT(stale.status().message(), Catch::Contains("changed meanwhile"));
  CHECK(f.catalog->ConvertProspect(f.admin, 999, 1, "").status().code() == StatusCode::kNotFound);
  auto stored = f.catalog->GetCustomer(f.prospect.id);
  REQUIRE(stored.ok());
  CHECK(stored->kind == "prospect");
  CHECK(stored->number == "I-7");
  CHECK(stored->version == 1);
  CHECK(f.StatusEvents(f.prospect.id).empty());

  // Without a new number it keeps its own.
  auto kept = f.catalog->ConvertProspect(f.admin, f.prospect.id, 1, "");
  REQUIRE(kept.ok());
  CHECK(kept->number == "I-7");
  CHECK(f.StatusEvents(f.prospect.id).front().subject ==
        "In Kunden umgewandelt (Kundennummer I-7)");
}

TEST_CASE("Editing a prospect's kind to customer converts it; an edit cannot move the status",
          "[archive][prospects]") {
  ProspectFixture f;
  Customer edited = f.prospect;
  edited.pipeline_status = "won";
  auto refused = f.catalog->UpdateCustomer(f.admin, edited);
  CHECK(refused.status().code() == StatusCode::kInvalidArgument);
  CHECK(refused.status().field() == "pipeline_status");

  edited = f.prospect;
  edited.city = "Köln";
  auto kept = f.catalog->UpdateCustomer(f.admin, edited);
  REQUIRE(kept.ok());
  CHECK(kept->pipeline_status == "new");
  CHECK(f.StatusEvents(f.prospect.id).empty());

  edited = *kept;
  edited.kind = kKindCustomer;
  auto converted = f.catalog->UpdateCustomer(f.admin, edited);
  REQUIRE(converted.ok());
  CHECK(converted->pipeline_status == "won");
  CHECK(converted->converted_at == "2024-03-05T13:05:00Z");
  auto events = f.StatusEvents(f.prospect.id);
  REQUIRE(events.size() == 1);
  CHECK(events[0].subject == "In Kunden umgewandelt (Kundennummer I-7)");

  edited = *converted;
  edited.kind = kKindProspect;
  auto back = f.catalog->UpdateCustomer(f.admin, edited);
  REQUIRE(back.ok());
  CHECK(back->pipeline_status == "new");
  CHECK(back->converted_at.empty());
  CHECK(f.StatusEvents(f.prospect.id).front().subject == "Wieder als Interessent geführt: neu");
}

TEST_CASE("Statuswechsel is an event type akte needs: it cannot be retired or renamed",
          "[archive][prospects]") {
  ProspectFixture f;
  CHECK(f.catalog->RetireType(f.admin, TypeList::kEvent, "Statuswechsel").code() ==
        StatusCode::kFailedPrecondition);
  CHECK(
      f.catalog->RenameType(f.admin, TypeList::kEvent, "statuswechsel", "Status").status().code() ==
      StatusCode::kFailedPrecondition);
}

TEST_CASE("Customer CSV import reads an optional pipeline status column", "[archive][prospects]") {
  CatalogFixture f;
  auto report = ImportCustomersCsv(*f.catalog, f.admin,
                                   "Nummer;Nachname;Art;Status\n"
                                   "I-1;Weber;Interessent;Angebot gesendet\n"
                                   "I-2;Blum;Interessent;\n"
                                   "10001;Huber;Kunde;\n");
  REQUIRE(report.ok());
  INFO((report->problems.empty() ? "" : report->problems[0].message));
  CHECK(report->ok());
  CHECK(f.catalog->FindCustomerByNumber("I-1")->pipeline_status == "offer_sent");
  CHECK(f.catalog->FindCustomerByNumber("I-2")->pipeline_status == "new");
  CHECK(f.catalog->FindCustomerByNumber("10001")->pipeline_status.empty());

  report = ImportCustomersCsv(*f.catalog, f.admin,
                              "Nummer;Nachname;Art;Status\nI-3;Roth;Interessent;vielleicht\n");
  REQUIRE(report.ok());
  REQUIRE(report->problems.size() == 1);
  CHECK_THAT(report->problems[0].message, Catch::Contains("vielleicht"));
  CHECK(f.catalog->FindCustomerByNumber("I-3").status().code() == StatusCode::kNotFound);
}

}  // namespace akte::archive
