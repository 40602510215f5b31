// Logging a call, SMS or email in one step: finding whose number or address
// it is, the event it becomes, and an email logged with its file getting no
// second event when it is extracted. On a real catalog.
#include "akte/archive/communication.h"

#include <catch2/catch.hpp>

#include "catalog_fixture.h"

namespace akte::archive {
namespace {

struct CommunicationFixture : CatalogFixture {
  Customer mueller = WithChannels("10001", "Müller Maschinenbau", "info@mueller.de", "089 123456");
  Customer schmidt = WithChannels("10002", "Schmidt & Söhne", "post@schmidt.de", "+49 30 1234567");
  Contact weber = ContactOf(mueller, "Weber", "t.weber@mueller.de", "0171/9876543");

  Customer WithChannels(std::string number, std::string company, std::string email,
                        std::string phone) {
    Customer c;
    c.number = std::move(number);
    c.company = std::move(company);
    c.emails = {std::move(email)};
    c.phones = {Phone{"phone", std::move(phone)}};
    auto created = catalog->CreateCustomer(admin, c);
    INFO(created.status().ToString());
    REQUIRE(created.ok());
    return *created;
  }
  Contact ContactOf(const Customer& customer, std::string last, std::string email,
                    std::string mobile) {
    Contact p;
    p.customer_id = customer.id;
    p.last_name = std::move(last);
    p.emails = {std::move(email)};
    p.phones = {Phone{"mobile", std::move(mobile)}};
    auto created = catalog->CreateContact(admin, p);
    INFO(created.status().ToString());
    REQUIRE(created.ok());
    return *created;
  }
  Event EventFor(Communication c) {
    auto event = CommunicationEvent(*catalog, c);
    INFO(event.status().ToString());
    REQUIRE(event.ok());
    return *event;
  }
};

}  // namespace

TEST_CASE_METHOD(CommunicationFixture, "A phone number is found in any common spelling",
                 "[archive][communication]") {
  for (const char* spelling :
       {"030 1234567", "030/1234567", "+49 (0)30 123 45-67", "0049301234567", "+49301234567"}) {
    INFO(spelling);
    auto owners = catalog->FindChannelOwners(spelling);
    REQUIRE(owners.ok());
    REQUIRE(owners->size() == 1);
    CHECK((*owners)[0].customer_number == "10002");
    CHECK_FALSE((*owners)[0].contact_id.has_value());
  }
  auto mobile = catalog->FindChannelOwners("+49 171 9876543");
  REQUIRE(mobile.ok());
  REQUIRE(mobile->size() == 1);
  CHECK((*mobile)[0].contact_id == weber.id);
  auto nobody = catalog->FindChannelOwners("+43 1 1234567");  // Vienna, not Berlin
  REQUIRE(nobody.ok());
  CHECK(nobody->empty());
  CHECK(catalog->FindChannelOwners("12").status().field() == "counterpart");
}

TEST_CASE_METHOD(CommunicationFixture, "An outgoing call to a contact's mobile is its customer's",
                 "[archive][communication]") {
  Communication call;
  call.channel = "call";
  call.counterpart = "0171 98 76 543";
  call.text = "Termin für die Abnahme vereinbart";
  Event event = EventFor(call);
  CHECK(event.type == "Anruf ausgehend");
  CHECK(event.customer_id == mueller.id);
  CHECK(event.contact_id == weber.id);
  CHECK(event.subject == "Anruf an 0171 98 76 543");
  auto stored = catalog->AddEvent(staff, event);
  REQUIRE(stored.ok());
  CHECK(stored->author == "bernd");
}

TEST_CASE_METHOD(CommunicationFixture, "Incoming texts and emails get their own event types",
                 "[archive][communication]") {
  Communication sms;
  sms.channel = "sms";
  sms.incoming = true;
  sms.counterpart = "+49 30 1234567";
  sms.subject = "Lieferung angekommen";
  Event text = EventFor(sms);
  CHECK(text.type == "SMS eingehend");
  CHECK(text.subject == "Lieferung angekommen");
  CHECK(catalog->AddEvent(staff, text).ok());  // a default type of the catalog

  Communication mail;
  mail.channel = "email";
  mail.counterpart = "INFO@Mueller.de";
  CHECK(EventFor(mail).type == "E-Mail ausgehend");
  CHECK(EventFor(mail).customer_id == mueller.id);
}

TEST_CASE_METHOD(CommunicationFixture,
                 "A named customer keeps the event; the counterpart only picks the contact",
                 "[archive][communication]") {
  Communication call;
  call.channel = "call";
  call.customer_id = schmidt.id;
  call.counterpart = "0171 9876543";  // Weber's, of another customer
  Event event = EventFor(call);
  CHECK(event.customer_id == schmidt.id);
  CHECK_FALSE(event.contact_id.has_value());
  call.customer_id = mueller.id;
  CHECK(EventFor(call).contact_id == weber.id);
}

TEST_CASE_METHOD(CommunicationFixture, "Unknown, shared and missing counterparts are refused",
                 "[archive][communication]") {
  Communication call;
  call.channel = "call";
  call.counterpart = "040 555555";
  CHECK(CommunicationEvent(*catalog, call).status().code() == StatusCode::kNotFound);

  WithChannels("10003", "Müller Filiale Nord", "nord@mueller.de", "089/123456");
  call.counterpart = "089 123456";
  auto shared = CommunicationEvent(*catalog, call);
  REQUIRE_FALSE(shared.ok());
  CHECK(shared.status().field() == "counterpart");
  CHECK_THAT(shared.status().message(), Catch::Contains("10001, 10003"));

  call.counterpart = "";
  CHECK(CommunicationEvent(*catalog, call).status().field() == "counterpart");
  call.channel = "fax";
  call.customer_id = mueller.id;
  CHECK(CommunicationEvent(*catalog, call).status().field() == "channel");

  Communication other_contact;
  other_contact.channel = "call";
  other_contact.customer_id = schmidt.id;
  other_contact.contact_id = weber.id;
  CHECK(CommunicationEvent(*catalog, other_contact).status().field() == "contact_id");
}

TEST_CASE_METHOD(CommunicationFixture,
                 "An email logged with its file gets no second event when it is extracted",
                 "[archive][communication]") {
  Document message;
  message.customer_id = mueller.id;
  message.filename = "Angebot.eml";
  message.sha256 = std::string(64, 'e');
  message.size = 100;
  auto document = catalog->AddDocument(staff, message);
  REQUIRE(document.ok());
  Communication mail;
  mail.channel = "email";
  mail.customer_id = mueller.id;
  mail.subject = "Angebot geschickt";
  Event logged = EventFor(mail);
  logged.document_ids = {document->id};
  REQUIRE(catalog->AddEvent(staff, logged).ok());

  ExtractionRecord record;
  record.state = kStateExtracted;
  record.text = "Sehr geehrter Herr Weber, anbei das Angebot.";
  record.event = Event{};
  record.event->type = "E-Mail ausgehend";
  record.event->subject = "Angebot";
  REQUIRE(catalog->RecordExtraction(admin, document->id, record, {}).ok());
  auto file = catalog->GetCustomerFile(mueller.id);
  REQUIRE(file.ok());
  REQUIRE(file->events.size() == 1);
  CHECK(file->events[0].subject == "Angebot geschickt");
}

}  // namespace akte::archive
