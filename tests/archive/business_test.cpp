// Business records, payments, the figures and the account statement, on a
// real catalog.
#include "akte/archive/business.h"

#include <catch2/catch.hpp>

#include "akte/archive/import.h"
#include "catalog_fixture.h"

namespace akte::archive {
namespace {

BusinessRecord Draft(Id customer, std::string kind, std::string number, std::string date,
                     std::int64_t net = 0, std::int64_t tax = 0) {
  BusinessRecord r;
  r.customer_id = customer;
  r.kind = std::move(kind);
  r.number = std::move(number);
  r.record_date = std::move(date);
  r.net_cents = net;
  r.tax_cents = tax;
  return r;
}

struct BusinessFixture : CatalogFixture {
  Customer customer = Create("10001", "Bäckerei Müller");

  BusinessRecord Add(BusinessRecord draft) {
    auto stored = catalog->AddBusinessRecord(staff, std::move(draft));
    INFO(stored.status().ToString());
    REQUIRE(stored.ok());
    return *stored;
  }
  BusinessRecord Pay(Id invoice, std::string date, std::int64_t cents) {
    auto paid = catalog->AddPayment(staff, Payment{0, invoice, std::move(date), cents, "", "", ""});
    INFO(paid.status().ToString());
    REQUIRE(paid.ok());
    return *paid;
  }
};

}  // namespace

TEST_CASE_METHOD(BusinessFixture, "A chain from offer to dunning letter is recorded and linked",
                 "[archive][business]") {
  auto offer = Add(Draft(customer.id, kRecordOffer, "AN-2024-001", "10.01.2024", 100000, 19000));
  CHECK(offer.gross_cents == 119000);  // computed from net and tax
  auto order_draft = Draft(customer.id, kRecordOrder, "AB-2024-001", "2024-01-20", 100000, 19000);
  order_draft.previous_id = offer.id;
  auto order = Add(order_draft);
  auto delivery = Draft(customer.id, kRecordDeliveryNote, "LS-2024-001", "2024-02-01");
  delivery.previous_id = order.id;
  delivery.delivery_date = "02.02.2024";
  auto note = Add(delivery);
  CHECK(note.delivery_date == "2024-02-02");
  auto invoice_draft =
      Draft(customer.id, kRecordInvoice, "RE-2024-0042", "2024-02-05", 100000, 19000);
  invoice_draft.previous_id = note.id;
  invoice_draft.due_date = "2024-02-19";
  auto invoice = Add(invoice_draft);
  CHECK(invoice.payment_status == kPaymentOpen);
  CHECK(invoice.outstanding_cents == 119000);
  auto dunning = Draft(customer.id, kRecordDunning, "", "2024-03-01");
  dunning.previous_id = invoice.id;
  dunning.dunning_level = 1;
  dunning.fee_cents = 500;
  auto letter = Add(dunning);
  CHECK(letter.number == "RE-2024-0042/M1");  // named after its invoice

  auto file = catalog->GetCustomerFile(customer.id);
  REQUIRE(file.ok());
  REQUIRE(file->records.size() == 5);
  CHECK(file->records[3].previous_id == note.id);
  bool invoice_in_history = false;
  for (const auto& entry : file->timeline) {
    if (entry.kind == "record" && entry.title == "Rechnung RE-2024-0042") {
      invoice_in_history = true;
      CHECK(entry.at == "2024-02-05T00:00:00Z");
      CHECK(entry.author_name == "Bernd Berger");
    }
  }
  CHECK(invoice_in_history);
  auto audit = catalog->AuditTrail("record", invoice.id);
  REQUIRE(audit.ok());
  REQUIRE(audit->size() == 1);
  CHECK(audit->front().username == "bernd");
}

TEST_CASE_METHOD(BusinessFixture, "Records that break a rule are refused naming the field",
                 "[archive][business]") {
  auto other = Create("10002", "Andere GmbH");
  auto invoice = Add(Draft(customer.id, kRecordInvoice, "RE-1", "2024-02-05", 1000, 190));
  auto offer = Add(Draft(customer.id, kRecordOffer, "AN-1", "2024-01-05", 1000, 190));
  struct Case {
    const char* name;
    BusinessRecord draft;
    const char* field;
  };
  auto with = [&](BusinessRecord r, auto change) {
    change(r);
    return r;
  };
  const std::vector<Case> cases = {
      {"unknown kind", Draft(customer.id, "quote", "Q-1", "2024-01-01"), "kind"},
      {"no number", Draft(customer.id, kRecordInvoice, "", "2024-01-01", 100), "number"},
      {"impossible date", Draft(customer.id, kRecordOffer, "AN-2", "30.02.2024", 100),
       "record_date"},
      {"negative net", Draft(customer.id, kRecordOffer, "AN-3", "2024-01-01", -100), "net_cents"},
      {"gross is not net plus tax",
       with(Draft(customer.id, kRecordOffer, "AN-4", "2024-01-01", 1000, 190),
            [](auto& r) { r.gross_cents = 1200; }),
       "gross_cents"},
      {"amounts on a delivery note",
       Draft(customer.id, kRecordDeliveryNote, "LS-1", "2024-01-01", 100), "net_cents"},
      {"credit note without invoice",
       Draft(customer.id, kRecordCreditNote, "GS-1", "2024-03-01", 100), "previous_id"},
      {"order following an invoice",
       with(Draft(customer.id, kRecordOrder, "AB-1", "2024-03-01", 100),
            [&](auto& r) { r.previous_id = invoice.id; }),
       "previous_id"},
      {"credit note of another customer's invoice",
       with(Draft(other.id, kRecordCreditNote, "GS-2", "2024-03-01", 100),
            [&](auto& r) { r.previous_id = invoice.id; }),
       "previous_id"},
      {"credit note above what is owed",
       with(Draft(customer.id, kRecordCreditNote, "GS-3", "2024-03-01", 2000),
            [&](auto& r) { r.previous_id = invoice.id; }),
       "gross_cents"},
      {"dunning level 4",
       with(Draft(customer.id, kRecordDunning, "", "2024-03-01"),
            [&](auto& r) {
              r.previous_id = invoice.id;
              r.dunning_level = 4;
            }),
       "dunning_level"},
      {"dunning letter for an offer",
       with(Draft(customer.id, kRecordDunning, "", "2024-03-01"),
            [&](auto& r) {
              r.previous_id = offer.id;
              r.dunning_level = 1;
            }),
       "previous_id"},
      {"due date before the invoice",
       with(Draft(customer.id, kRecordInvoice, "RE-2", "2024-03-01", 100),
            [](auto& r) { r.due_date = "2024-02-01"; }),
       "due_date"},
      {"due date on an offer",
       with(Draft(customer.id, kRecordOffer, "AN-5", "2024-03-01", 100),
            [](auto& r) { r.due_date = "2024-04-01"; }),
       "due_date"},
      {"unknown document",
       with(Draft(customer.id, kRecordOffer, "AN-6", "2024-03-01", 100),
            [](auto& r) { r.document_id = 999; }),
       "document_id"},
  };
  for (const auto& c : cases) {
    SECTION(c.name) {
      auto refused = catalog->AddBusinessRecord(staff, c.draft);
      REQUIRE_FALSE(refused.ok());
      CHECK(refused.status().code() == StatusCode::kInvalidArgument);
      CHECK(refused.status().field() == c.field);
    }
  }
  SECTION("a number taken by the same kind") {
    auto taken = catalog->AddBusinessRecord(
        staff, Draft(customer.id, kRecordInvoice, "RE-1", "2024-03-01", 100));
    CHECK(taken.status().code() == StatusCode::kAlreadyExists);
    CHECK(taken.status().field() == "number");
  }
  auto records = catalog->ListBusinessRecords(customer.id);
  REQUIRE(records.ok());
  CHECK(records->size() == 2);  // nothing refused was stored
}

TEST_CASE_METHOD(BusinessFixture, "Payments and credit notes settle an invoice",
                 "[archive][business]") {
  auto invoice = Add(Draft(customer.id, kRecordInvoice, "RE-7", "2024-02-01", 100000, 19000));
  auto partly = Pay(invoice.id, "2024-02-10", 50000);
  CHECK(partly.payment_status == kPaymentPartlyPaid);
  CHECK(partly.outstanding_cents == 69000);

  auto too_much =
      catalog->AddPayment(staff, Payment{0, invoice.id, "2024-02-11", 69001, "", "", ""});
  CHECK(too_much.status().field() == "amount_cents");
  auto zero = catalog->AddPayment(staff, Payment{0, invoice.id, "2024-02-11", 0, "", "", ""});
  CHECK(zero.status().field() == "amount_cents");
  auto offer = Add(Draft(customer.id, kRecordOffer, "AN-7", "2024-01-01", 100));
  auto not_invoice = catalog->AddPayment(staff, Payment{0, offer.id, "2024-02-11", 1, "", "", ""});
  CHECK(not_invoice.status().field() == "record_id");

  auto credit = Draft(customer.id, kRecordCreditNote, "GS-7", "2024-02-15", 10000, 1900);
  credit.previous_id = invoice.id;
  Add(credit);
  auto settled = Pay(invoice.id, "2024-02-20", 57100);
  CHECK(settled.payment_status == kPaymentPaid);
  CHECK(settled.outstanding_cents == 0);
  CHECK(settled.credited_cents == 11900);
  REQUIRE(settled.payments.size() == 2);
  CHECK(settled.payments[1].paid_on == "2024-02-20");
}

// The fixture's figures, computed by hand:
//   2023: invoice A 1.000,00 net / 1.190,00 gross, 2023-11-01, due 2023-11-15,
//         paid 2023-11-21 in full (20 days).
//   2024: invoice B 2.000,00 / 2.380,00, 2024-01-10, due 2024-01-24, paid
//         1.000,00 on 2024-01-30, credit note 200,00 / 238,00 on 2024-02-01,
//         rest 1.142,00 paid on 2024-02-19 (40 days);
//         invoice C 500,00 / 595,00, 2024-02-20, due 2024-03-01, open;
//         invoice D 300,00 / 357,00, 2024-03-01, due 2024-03-15, 100,00 paid.
//   Revenue: 2023 1.000,00; 2024 2.000,00 - 200,00 + 500,00 + 300,00 = 2.600,00.
//   Open on 2024-03-05: C 595,00 + D 257,00 = 852,00; overdue: C (due 03-01).
//   Average days to pay: (20 + 40) / 2 = 30. Limit 800,00: exceeded.
TEST_CASE_METHOD(BusinessFixture, "Figures and account statement match a hand-computed fixture",
                 "[archive][business]") {
  auto invoice = [&](const char* number, const char* date, const char* due, std::int64_t net) {
    auto r = Draft(customer.id, kRecordInvoice, number, date, net, net * 19 / 100);
    r.due_date = due;
    return Add(r);
  };
  auto a = invoice("RE-A", "2023-11-01", "2023-11-15", 100000);
  Pay(a.id, "2023-11-21", 119000);
  auto b = invoice("RE-B", "2024-01-10", "2024-01-24", 200000);
  Pay(b.id, "2024-01-30", 100000);
  auto credit = Draft(customer.id, kRecordCreditNote, "GS-B", "2024-02-01", 20000, 3800);
  credit.previous_id = b.id;
  Add(credit);
  Pay(b.id, "2024-02-19", 114200);
  auto c = invoice("RE-C", "2024-02-20", "2024-03-01", 50000);
  auto d = invoice("RE-D", "2024-03-01", "2024-03-15", 30000);
  Pay(d.id, "2024-03-02", 10000);
  auto dunning = Draft(customer.id, kRecordDunning, "", "2024-03-04");
  dunning.previous_id = c.id;
  dunning.dunning_level = 1;
  dunning.fee_cents = 500;
  Add(dunning);
  Add(Draft(customer.id, kRecordOffer, "AN-1", "2024-01-02", 5000));
  Add(Draft(customer.id, kRecordOffer, "AN-2", "2024-01-03", 5000));
  Add(Draft(customer.id, kRecordOrder, "AB-1", "2024-01-04", 5000));

  auto records = catalog->ListBusinessRecords(customer.id);
  REQUIRE(records.ok());
  const auto s = ComputeStatistics(*records, "2024-03-05", 80000, "2024-03-01T09:00:00Z");
  CHECK(s.offers == 2);
  CHECK(s.orders == 1);
  CHECK(s.invoices == 4);
  CHECK(s.revenue_by_year_cents == std::map<int, std::int64_t>{{2023, 100000}, {2024, 260000}});
  CHECK(s.revenue_total_cents == 360000);
  CHECK(s.open_cents == 85200);
  CHECK(s.overdue_cents == 59500);
  CHECK(s.open_fees_cents == 500);
  REQUIRE(s.average_days_to_pay);
  CHECK(*s.average_days_to_pay == Approx(30.0));
  CHECK(s.limit_exceeded);
  CHECK_FALSE(ComputeStatistics(*records, "2024-03-05", 85200, "").limit_exceeded);

  const auto statement = BuildStatement(customer, *records);
  // 4 invoices, 4 payments, 1 credit note, 1 dunning fee.
  REQUIRE(statement.lines.size() == 10);
  CHECK(statement.lines.front().number == "RE-A");
  CHECK(statement.lines[1].kind == "payment");
  CHECK(statement.lines[1].balance_cents == 0);
  CHECK(statement.balance_cents == 85200 + 500);  // open invoices plus the fee
  for (std::size_t i = 1; i < statement.lines.size(); ++i) {
    const auto& line = statement.lines[i];
    CHECK(line.date >= statement.lines[i - 1].date);
    CHECK(line.balance_cents ==
          statement.lines[i - 1].balance_cents + line.debit_cents - line.credit_cents);
  }
  const std::string csv = StatementCsv(statement);
  CHECK(csv.find("Datum;Art;Nummer;Text;Soll;Haben;Saldo") != std::string::npos);
  CHECK(csv.find("\"01.11.2023\";\"Rechnung\";\"RE-A\";\"\";1190,00;;1190,00") !=
        std::string::npos);
  const std::string html = StatementHtml(statement, "Schreiber <IT>");
  CHECK(html.find("Schreiber &lt;IT&gt;") != std::string::npos);
  CHECK(html.find("Bäckerei Müller") != std::string::npos);
  CHECK(html.find("857,00 €") != std::string::npos);  // the final balance
}

TEST_CASE_METHOD(CatalogFixture, "Records import from CSV all or nothing, with line numbers",
                 "[archive][business][import]") {
  Create("10001", "Bäckerei Müller");
  SECTION("a good file, with a chain and a payment referring to earlier lines") {
    const std::string csv =
        "Kundennummer;Art;Nummer;Datum;Bezug;Betreff;Netto;Steuer;Brutto;Fällig;Mahnstufe;"
        "Gebühr\n"
        "10001;Angebot;AN-9;02.01.2024;;Kassensystem;1.000,00;190,00;1.190,00;;;\n"
        "10001;Auftrag;AB-9;05.01.2024;AN-9;Kassensystem;1.000,00;190,00;;;;\n"
        "10001;Rechnung;RE-9;10.01.2024;AB-9;Kassensystem;1.000,00;190,00;1.190,00;24.01.2024;;\n"
        "10001;Zahlung;;20.01.2024;RE-9;Überweisung;;;500,00;;;\n"
        "10001;Mahnung;;01.02.2024;RE-9;;;;;;1;5,00\n";
    auto report = ImportBusinessRecordsCsv(*catalog, admin, csv);
    REQUIRE(report.ok());
    INFO((report->problems.empty() ? "" : report->problems.front().message));
    CHECK(report->ok());
    CHECK(report->imported == 5);
    auto invoice = catalog->FindBusinessRecord(kRecordInvoice, "RE-9");
    REQUIRE(invoice.ok());
    CHECK(invoice->due_date == "2024-01-24");
    CHECK(invoice->paid_cents == 50000);
    CHECK(invoice->payments.front().note == "Überweisung");
    auto audit = catalog->AuditTrail("record", invoice->id);
    REQUIRE(audit.ok());
    CHECK(audit->front().action == "import");
  }
  SECTION("one bad line stores nothing and every problem names its line") {
    const std::string csv =
        "customer number,kind,number,date,net,tax,gross\n"
        "10001,invoice,RE-10,2024-01-10,\"1,000.00\",190.00,\"1,190.00\"\n"
        "10001,invoice,RE-11,2024-01-11,100.00,19.00,120.00\n"
        "99999,offer,AN-10,2024-01-12,5,,\n"
        "10001,bill,X-1,2024-01-12,5,,\n";
    auto report = ImportBusinessRecordsCsv(*catalog, admin, csv);
    REQUIRE(report.ok());
    REQUIRE(report->problems.size() == 3);
    CHECK(report->problems[0].line == 3);
    CHECK_THAT(report->problems[0].message, Catch::Contains("not net plus tax"));
    CHECK(report->problems[1].line == 4);
    CHECK_THAT(report->problems[1].message, Catch::Contains("99999"));
    CHECK(report->problems[2].line == 5);
    CHECK_THAT(report->problems[2].message, Catch::Contains("bill"));
    CHECK(report->imported == 0);
    CHECK(catalog->FindBusinessRecord(kRecordInvoice, "RE-10").status().code() ==
          StatusCode::kNotFound);
  }
  SECTION("a record names its filed paper by file name or document id") {
    auto filed = [&](const std::string& filename, char fill) {
      Document doc;
      doc.customer_id = catalog->FindCustomerByNumber("10001")->id;
      doc.filename = filename;
      doc.type = "Rechnung";
      doc.sha256 = std::string(64, fill);
      doc.size = 10;
      auto stored = catalog->AddDocument(admin, doc);
      REQUIRE(stored.ok());
      return stored->id;
    };
    const Id by_name = filed("RE-20.pdf", 'a');
    const Id by_id = filed("Scan 0815.pdf", 'b');
    filed("Kopie.pdf", 'c');
    filed("kopie.PDF", 'd');
    const std::string csv =
        "Kundennummer;Art;Nummer;Datum;Netto;Steuer;Brutto;Datei\n"
        "10001;Rechnung;RE-20;10.01.2024;100,00;19,00;119,00;re-20.pdf\n"
        "10001;Rechnung;RE-21;11.01.2024;100,00;19,00;119,00;" +
        std::to_string(by_id) + "\n";
    auto report = ImportBusinessRecordsCsv(*catalog, admin, csv);
    REQUIRE(report.ok());
    INFO((report->problems.empty() ? "" : report->problems.front().message));
    REQUIRE(report->ok());
    CHECK(catalog->FindBusinessRecord(kRecordInvoice, "RE-20")->document_id == by_name);
    CHECK(catalog->FindBusinessRecord(kRecordInvoice, "RE-21")->document_id == by_id);

    const std::string bad =
        "Kundennummer;Art;Nummer;Datum;Bezug;Brutto;Datei\n"
        "10001;Rechnung;RE-30;10.01.2024;;10,00;Fehlt.pdf\n"
        "10001;Rechnung;RE-31;10.01.2024;;10,00;Kopie.pdf\n"
        "10001;Zahlung;;12.01.2024;RE-20;10,00;RE-20.pdf\n";
    auto refused = ImportBusinessRecordsCsv(*catalog, admin, bad);
    REQUIRE(refused.ok());
    REQUIRE(refused->problems.size() == 3);
    CHECK(refused->problems[0].line == 2);
    CHECK_THAT(refused->problems[0].message, Catch::Contains("no document named 'Fehlt.pdf'"));
    CHECK(refused->problems[1].line == 3);
    CHECK_THAT(refused->problems[1].message, Catch::Contains("several documents"));
    CHECK(refused->problems[2].line == 4);
    CHECK_THAT(refused->problems[2].message, Catch::Contains("payment has no document"));
    CHECK(catalog->FindBusinessRecord(kRecordInvoice, "RE-30").status().code() ==
          StatusCode::kNotFound);
  }
  SECTION("an unknown column is refused before any line is read") {
    auto report = ImportBusinessRecordsCsv(*catalog, admin, "Kundennummer;Art;Farbe\n10001;x;y\n");
    REQUIRE(report.ok());
    REQUIRE(report->problems.size() == 1);
    CHECK_THAT(report->problems[0].message, Catch::Contains("Farbe"));
  }
}

TEST_CASE("Amounts are read in German and English notation", "[archive][business]") {
  const std::vector<std::pair<std::string, std::int64_t>> good = {{"1.234,56", 123456},
                                                                  {"1234,56", 123456},
                                                                  {"1,234.56", 123456},
                                                                  {"1234.56", 123456},
                                                                  {"1234", 123400},
                                                                  {"1.234", 123400},
                                                                  {"12,5", 1250},
                                                                  {"1.234.567,89 €", 123456789},
                                                                  {"-19,00 EUR", -1900},
                                                                  {"", 0},
                                                                  {"0,05", 5}};
  for (const auto& [text, cents] : good) {
    INFO(text);
    auto parsed = ParseEuroAmount(text);
    REQUIRE(parsed.ok());
    CHECK(*parsed == cents);
  }
  for (const char* text : {"12,", "1.2.3", "1.234.5", "1,234,56.78.9", "1.234.56,7x", "zwölf",
                           "1,23,45", "1.234,567.89"}) {
    INFO(text);
    CHECK(ParseEuroAmount(text).status().code() == StatusCode::kInvalidArgument);
  }
}

}  // namespace akte::archive
