// Business records in search: offers, invoices, dunning letters, ... of a
// real catalog, indexed by the real index writer into a real Xapian
// database, found by words, numbers, payment states and amounts.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "akte/archive/data_dir.h"
#include "akte/indexer/index_writer.h"
#include "akte/search/query.h"
#include "akte/search/schema.h"
#include "akte/search/searcher.h"
#include "temp_dir.h"

namespace akte::search {
namespace {

using archive::BusinessRecord;
using archive::Id;

class RecordFixture {
 public:
  RecordFixture() {
    dir = std::move(archive::DataDir::Initialize(
                        tmp / "data", {0, "admin", "Admin", archive::kRoleAdmin, "", false}))
              .value();
    admin = *dir->catalog().ActorFor("admin");
    mueller = AddCustomer("10001", "Müller Maschinenbau");
    weiss = AddCustomer("10002", "Bäckerei Weiß");
    meier = AddCustomer("10003", "Meier Logistik");

    offer = Add(mueller, archive::kRecordOffer, "AN-2024-0007", "2024-01-10", 500000, 95000,
                "Neue Fräsmaschine")
                .id;
    invoice_0042 = Add(mueller, archive::kRecordInvoice, "RE-2024-0042", "2024-03-01", 100000,
                       19000, "Wartung der Fräsmaschine")
                       .id;
    invoice_2023 =
        Add(mueller, archive::kRecordInvoice, "RE-2023-0010", "2023-05-01", 20000, 3800, "").id;
    dunning_2023 = AddDunning(mueller, "M-2023-0001", "2023-06-15", invoice_2023);
    dunning_2024 = AddDunning(mueller, "M-2024-0003", "2024-04-15", invoice_0042);
    archive::Event call;
    call.customer_id = mueller;
    call.type = "Anruf eingehend";
    call.subject = "Rückfrage";
    call.text = "Herr Müller fragt, warum er eine Mahnung bekommen hat.";
    call.occurred_at = "2024-04-20T09:30:00Z";
    REQUIRE(dir->catalog().AddEvent(admin, call).ok());

    invoice_paid = Add(weiss, archive::kRecordInvoice, "RE-2024-0100", "2024-06-01", 80000, 15200,
                       "Ofenreinigung")
                       .id;
    Pay(invoice_paid, 95200);
    invoice_open = Add(weiss, archive::kRecordInvoice, "RE-2024-0101", "2024-07-01", 200000, 38000,
                       "Ofenreparatur")
                       .id;
    dunning_weiss = AddDunning(weiss, "M-2024-0010", "2024-08-15", invoice_open);

    invoice_decimal = Add(meier, archive::kRecordInvoice, "RE-2024-0200", "2024-09-01", 840378,
                          159672, "Lagerregale")
                          .id;
    delivery = Add(meier, archive::kRecordDeliveryNote, "LS-2024-0001", "2024-09-03", 0, 0,
                   "Lagerregale geliefert")
                   .id;
    CatchUp();
  }

  Id AddCustomer(const std::string& number, const std::string& company) {
    archive::Customer c;
    c.number = number;
    c.company = company;
    return dir->catalog().CreateCustomer(admin, c)->id;
  }

  BusinessRecord Add(Id customer, const std::string& kind, const std::string& number,
                     const std::string& date, std::int64_t net, std::int64_t tax,
                     const std::string& subject, std::optional<Id> previous = std::nullopt) {
    BusinessRecord r;
    r.customer_id = customer;
    r.kind = kind;
    r.number = number;
    r.record_date = date;
    r.net_cents = net;
    r.tax_cents = tax;
    r.subject = subject;
    r.previous_id = previous;
    auto stored = dir->catalog().AddBusinessRecord(admin, r);
    INFO(stored.status().ToString());
    REQUIRE(stored.ok());
    return *stored;
  }

  Id AddDunning(Id customer, const std::string& number, const std::string& date, Id invoice) {
    BusinessRecord r;
    r.customer_id = customer;
    r.kind = archive::kRecordDunning;
    r.number = number;
    r.record_date = date;
    r.previous_id = invoice;
    r.dunning_level = 1;
    r.fee_cents = 500;
    auto stored = dir->catalog().AddBusinessRecord(admin, r);
    INFO(stored.status().ToString());
    REQUIRE(stored.ok());
    return stored->id;
  }

  void Pay(Id invoice, std::int64_t cents) {
    auto paid = dir->catalog().AddPayment(
        admin, archive::Payment{0, invoice, "2024-10-01", cents, "", "", ""});
    INFO(paid.status().ToString());
    REQUIRE(paid.ok());
  }

  void CatchUp() {
    auto writer = indexer::IndexWriter::Open(*dir);
    REQUIRE(writer.ok());
    auto caught_up = (*writer)->CatchUp();
    INFO(caught_up.status().ToString());
    REQUIRE(caught_up.ok());
  }

  Result<SearchResponse> TrySearch(const std::string& query) {
    if (!searcher_) searcher_ = std::move(Searcher::Open(*dir)).value();
    SearchRequest request;
    request.query = query;
    request.limit = 50;
    return searcher_->Search(request);
  }

  SearchResponse Search(const std::string& query) {
    auto response = TrySearch(query);
    INFO("query: " << query << ": " << response.status().ToString());
    REQUIRE(response.ok());
    return *response;
  }

  // The ids of the record hits, in order.
  std::vector<Id> Records(const std::string& query) {
    std::vector<Id> ids;
    for (const auto& hit : Search(query).hits) {
      if (hit.kind == schema::kRecord) ids.push_back(hit.id);
    }
    return ids;
  }

  std::set<Id> RecordSet(const std::string& query) {
    auto ids = Records(query);
    return {ids.begin(), ids.end()};
  }

  akte::test::TempDir tmp;
  std::unique_ptr<archive::DataDir> dir;
  archive::Actor admin;
  Id mueller = 0, weiss = 0, meier = 0;
  Id offer = 0, invoice_0042 = 0, invoice_2023 = 0, dunning_2023 = 0, dunning_2024 = 0;
  Id invoice_paid = 0, invoice_open = 0, dunning_weiss = 0, invoice_decimal = 0, delivery = 0;

 private:
  std::unique_ptr<Searcher> searcher_;
};

}  // namespace

TEST_CASE_METHOD(RecordFixture, "Search ranks a customer's dunning letter of the year first",
                 "[search][records]") {
  auto response = Search("Mahnung Müller 2024");
  REQUIRE_FALSE(response.hits.empty());
  const Hit& first = response.hits.front();
  CHECK(first.kind == schema::kRecord);
  CHECK(first.id == dunning_2024);
  CHECK(first.title == "Mahnung M-2024-0003");
  CHECK(first.customer_name == "Müller Maschinenbau");
  CHECK(first.date == "2024-04-15");
  CHECK_FALSE(first.amount_cents);  // a dunning letter carries no amount
  // The call about the letter is found too, after it; last year's letter is not.
  CHECK(Records("Mahnung Müller 2024") == std::vector<Id>{dunning_2024});
  CHECK(response.hits.size() == 2);
  // English finds the same letter.
  CHECK(Records("dunning letter Müller 2024") == std::vector<Id>{dunning_2024});
}

TEST_CASE_METHOD(RecordFixture, "Search finds a record by its number as typed, and its followers",
                 "[search][records]") {
  auto ids = Records("RE-2024-0042");
  REQUIRE(ids.size() == 2);
  CHECK(ids[0] == invoice_0042);  // the number in its title weighs most
  CHECK(ids[1] == dunning_2024);  // the dunning letter names its invoice
  auto response = Search("RE-2024-0042");
  const Hit& hit = response.hits.front();
  CHECK(hit.title == "Rechnung RE-2024-0042");
  CHECK(hit.detail == "Wartung der Fräsmaschine");
  CHECK(hit.amount_cents == 119000);
  CHECK(hit.payment_status == archive::kPaymentOpen);
  auto json = nlohmann::json::parse(ToJson(response));
  const auto& first = json["hits"][0];
  CHECK(first["kind"] == "record");
  CHECK(first["amount_cents"] == 119000);
  CHECK(first["payment_status"] == "open");
  CHECK(first["customer"]["number"] == "10001");
  CHECK(json["hits"][1]["amount_cents"].is_null());  // the dunning letter
  CHECK(json["hits"][1]["payment_status"].is_null());
  // Other kinds carry neither field.
  auto customer = nlohmann::json::parse(ToJson(Search("art:kunde Meier")));
  REQUIRE(customer["hits"].size() == 1);
  CHECK_FALSE(customer["hits"][0].contains("amount_cents"));
}

TEST_CASE_METHOD(RecordFixture, "Search finds open invoices, in German and English",
                 "[search][records]") {
  const std::set<Id> open = {invoice_0042, invoice_2023, invoice_open, invoice_decimal};
  CHECK(RecordSet("offene Rechnungen") == open);  // not the paid RE-2024-0100
  CHECK(RecordSet("open invoices") == open);
  CHECK(RecordSet("bezahlte Rechnung") == std::set<Id>{invoice_paid});
  for (const auto& hit : Search("offene Rechnungen").hits) {
    CHECK(hit.payment_status == archive::kPaymentOpen);
  }
  // The kind's name alone, in either language, and as a filter.
  CHECK(RecordSet("Angebot") == std::set<Id>{offer});
  CHECK(RecordSet("delivery note") == std::set<Id>{delivery});
  CHECK(RecordSet("typ:Mahnung") == std::set<Id>{dunning_2023, dunning_2024, dunning_weiss});
}

TEST_CASE_METHOD(RecordFixture, "An invoice settled after indexing is no longer found as open",
                 "[search][records]") {
  REQUIRE(RecordSet("offene Rechnungen").contains(invoice_open));
  Pay(invoice_open, 100000);  // partly paid: it still owes
  // A credit note for the whole of RE-2024-0042 settles it.
  Add(mueller, archive::kRecordCreditNote, "GS-2024-0001", "2024-05-01", 100000, 19000, "Kulanz",
      invoice_0042);
  CatchUp();
  CHECK(RecordSet("offene Rechnungen") ==
        std::set<Id>{invoice_2023, invoice_open, invoice_decimal});
  CHECK(RecordSet("teilweise bezahlt") == std::set<Id>{invoice_open});
  auto partly = Search("RE-2024-0101").hits.front();
  CHECK(partly.payment_status == archive::kPaymentPartlyPaid);

  Pay(invoice_open, 138000);
  CatchUp();
  CHECK_FALSE(RecordSet("offene Rechnungen").contains(invoice_open));
  CHECK(RecordSet("bezahlte Rechnungen") == std::set<Id>{invoice_paid, invoice_open, invoice_0042});
  CHECK(Search("RE-2024-0101").hits.front().payment_status == archive::kPaymentPaid);
}

TEST_CASE_METHOD(RecordFixture, "betrag: filters records by their gross amount in euros",
                 "[search][records]") {
  // Gross: offer 5.950,00; RE-2024-0042 1.190,00; RE-2023-0010 238,00;
  // RE-2024-0100 952,00; RE-2024-0101 2.380,00; RE-2024-0200 10.000,50.
  const std::set<Id> over_1000 = {offer, invoice_0042, invoice_open, invoice_decimal};
  CHECK(RecordSet("betrag:>1000") == over_1000);
  CHECK(RecordSet("amount:>1000") == over_1000);
  CHECK(RecordSet("betrag:>=1.190") == over_1000);
  CHECK(RecordSet("betrag:>1190") == std::set<Id>{offer, invoice_open, invoice_decimal});
  CHECK(RecordSet("betrag:<1000") == std::set<Id>{invoice_2023, invoice_paid});
  CHECK(RecordSet("betrag:<=952") == std::set<Id>{invoice_2023, invoice_paid});
  CHECK(RecordSet("betrag:<952") == std::set<Id>{invoice_2023});
  CHECK(RecordSet("betrag:1000..5000") == std::set<Id>{invoice_0042, invoice_open});
  CHECK(RecordSet("betrag:1.000..5.000") == std::set<Id>{invoice_0042, invoice_open});
  CHECK(RecordSet("betrag:..952") == std::set<Id>{invoice_2023, invoice_paid});
  CHECK(RecordSet("betrag:5000..") == std::set<Id>{offer, invoice_decimal});
  // German and English decimals, with or without the euro sign.
  CHECK(RecordSet("betrag:10.000,50") == std::set<Id>{invoice_decimal});
  CHECK(RecordSet("betrag:10000,50") == std::set<Id>{invoice_decimal});
  CHECK(RecordSet("amount:10000.50") == std::set<Id>{invoice_decimal});
  CHECK(RecordSet("betrag:>10.000,49") == std::set<Id>{invoice_decimal});
  CHECK(RecordSet("betrag:>10.000,50").empty());
  // Only records carry an amount: nothing else matches.
  for (const auto& hit : Search("betrag:<100000").hits) CHECK(hit.kind == schema::kRecord);
  CHECK(Search("betrag:<100000").hits.size() == 6);  // not the delivery note, nor dunning letters
  // With words and other filters.
  CHECK(RecordSet("Rechnung betrag:>1000") ==
        std::set<Id>{invoice_0042, invoice_open, invoice_decimal});
  CHECK(RecordSet("offene Rechnungen betrag:>1000 kunde:Weiß") == std::set<Id>{invoice_open});
}

TEST_CASE("betrag: with a malformed amount is refused with a clear message", "[search][records]") {
  for (const std::string query :
       {"betrag:abc", "betrag:>", "betrag:>=", "betrag:5000..1000", "betrag:..", "betrag:1.2.3",
        "betrag:1,000.000,5", "Rechnung amount:<zehn"}) {
    auto parsed = ParseQuery(query, Analyzer::Default());
    INFO(query);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.status().code() == StatusCode::kInvalidArgument);
    const std::string field = query.find("amount") != std::string::npos ? "amount" : "betrag";
    CHECK(parsed.status().field() == field);
    CHECK_THAT(parsed.status().message(), Catch::Contains(field + ":>1000"));
  }
  auto empty = ParseQuery("betrag:", Analyzer::Default());
  CHECK(empty.status().field() == "betrag");
}

TEST_CASE_METHOD(RecordFixture, "A malformed betrag: reaches the searcher's caller as an error",
                 "[search][records]") {
  auto refused = TrySearch("Rechnung betrag:viel");
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().code() == StatusCode::kInvalidArgument);
  CHECK_THAT(refused.status().message(), Catch::Contains("'viel'"));
}

TEST_CASE_METHOD(RecordFixture, "art:beleg and kind:record find business records only",
                 "[search][records]") {
  auto response = Search("art:beleg");
  CHECK(response.hits.size() == 10);
  for (const auto& hit : response.hits) CHECK(hit.kind == schema::kRecord);
  CHECK(Search("kind:record").hits.size() == 10);
  CHECK(RecordSet("art:belege Lagerregale") == std::set<Id>{invoice_decimal, delivery});
  // The error for an unknown kind names the new one.
  auto refused = ParseQuery("art:rechnung", Analyzer::Default());
  CHECK_THAT(refused.status().message(), Catch::Contains("beleg"));
}

}  // namespace akte::search
