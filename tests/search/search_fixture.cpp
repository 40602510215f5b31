#include "search_fixture.h"

#include "fixtures.h"

namespace akte::search::test {
namespace {

archive::Customer Draft(std::string number, std::string company, std::string city) {
  archive::Customer c;
  c.number = std::move(number);
  c.company = std::move(company);
  c.city = std::move(city);
  return c;
}

std::string Base64(const std::string& in) {
  static const char* kAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  for (; i + 2 < in.size(); i += 3) {
    unsigned n = (static_cast<unsigned char>(in[i]) << 16) |
                 (static_cast<unsigned char>(in[i + 1]) << 8) |
                 static_cast<unsigned char>(in[i + 2]);
    for (int k = 18; k >= 0; k -= 6) out.push_back(kAlphabet[(n >> k) & 63]);
    if (out.size() % 77 == 76) out += "\r\n";
  }
  if (i < in.size()) {
    unsigned n = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) n |= static_cast<unsigned char>(in[i + 1]) << 8;
    out.push_back(kAlphabet[(n >> 18) & 63]);
    out.push_back(kAlphabet[(n >> 12) & 63]);
    out.push_back(i + 1 < in.size() ? kAlphabet[(n >> 6) & 63] : '=');
    out.push_back('=');
  }
  return out;
}

}  // namespace

SearchFixture::SearchFixture() {
  auto created = archive::DataDir::Initialize(
      tmp / "data", archive::User{0, "admin", "Admin", archive::kRoleAdmin, "", false});
  REQUIRE(created.ok());
  dir = std::move(created).value();
  auto& catalog = dir->catalog();
  admin = *catalog.ActorFor("admin");
  REQUIRE(
      catalog.AddUser(admin, {0, "tobias", "Tobias Brandt", archive::kRoleStaff, "", false}).ok());
  tobias = *catalog.ActorFor("tobias");
  REQUIRE(catalog.DefineCustomField(admin, {1, "Branche", "text", {}, 0}).ok());

  auto mueller = Draft("10001", "Müller Maschinenbau", "München");
  mueller.legal_form = "GmbH";
  mueller.emails = {"info@mueller-maschinenbau.de"};
  auto weiss = Draft("10002", "Bäckerei Weiß", "Dresden");
  auto gross = Draft("10003", "Steuerkanzlei Groß & Partner", "Düsseldorf");
  gross.emails = {"kanzlei@gross-partner.de"};
  auto oeztuerk = Draft("10004", "Holzbau Öztürk", "Stuttgart");
  auto schaefer = Draft("10005", "Autohaus Schäfer", "Berlin");
  schaefer.remarks = "Hängeschränke in der Werkstatt sind zu erneuern.";
  schaefer.custom_fields = {{1, "Kfz-Handel"}};
  auto brightwater = Draft("10006", "Brightwater Analytics", "Manchester");
  brightwater.country = "GB";
  auto zuercher = Draft("10007", "Zürcher Treuhand", "Zürich");
  zuercher.country = "CH";
  zuercher.phones = {{"phone", "+41 44 2109876"}};
  auto meier = Draft("10008", "Meier Logistik", "Bremen");
  for (auto* c :
       {&mueller, &weiss, &gross, &oeztuerk, &schaefer, &brightwater, &zuercher, &meier}) {
    REQUIRE(catalog.CreateCustomer(admin, *c).ok());
  }

  note_migration = catalog
                       .AddNote(tobias, Customer("10001"), std::nullopt,
                                "Rückruf wegen des Migrationsprojekts der Warenwirtschaft.")
                       ->id;
  archive::Event call;
  call.customer_id = Customer("10002");
  call.type = "Anruf eingehend";
  call.subject = "Beschwerde";
  call.text = "Frau Weiß ist mit der Preiserhöhung zum ersten Januar nicht einverstanden.";
  call.occurred_at = "2024-11-20T10:00:00Z";
  event_price = catalog.AddEvent(admin, call)->id;
  note_english = catalog
                     .AddNote(admin, Customer("10006"), std::nullopt,
                              "Emily confirmed that the CRM migration project starts in May; "
                              "the contracts were signed last week.")
                     ->id;

  const std::string pdf =
      akte::test::MakePdf({"Datenschutz-Audit: Ergebnisbericht",
                           "Die Festplattenverschlüsselung der Notebooks fehlt."});
  File("10003", "audit.eml",
       "From: kanzlei@gross-partner.de\r\nTo: jana@schreiber-it.de\r\nSubject: Bericht\r\n"
       "Date: Tue, 04 Mar 2025 10:15:00 +0100\r\nMIME-Version: 1.0\r\n"
       "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\n"
       "Content-Type: text/plain; charset=utf-8\r\n\r\nAnbei der Bericht.\r\n--b\r\n"
       "Content-Type: application/pdf; name=\"bericht.pdf\"\r\n"
       "Content-Disposition: attachment; filename=\"bericht.pdf\"\r\n"
       "Content-Transfer-Encoding: base64\r\n\r\n" +
           Base64(pdf) + "\r\n--b--\r\n",
       "E-Mail");
  File("10004", "angebote.zip",
       akte::test::MakeZip({{"2024/angebot-website.txt",
                             "Angebot: Website-Relaunch mit neuem Content-Management-System."}}));
  File("10007", "vertraege.txt",
       "Die Verträge für die Buchhaltung wurden um zwei Jahre verlängert.\n"
       "Rechnung RE-2024-0042 folgt.",
       "Vertrag");
  File("10008", "notiz.txt", "Projekt zur Migration des Mailservers im Herbst.");
  Refresh();
}

archive::Id SearchFixture::Customer(const std::string& number) const {
  auto c = dir->catalog().FindCustomerByNumber(number);
  REQUIRE(c.ok());
  return c->id;
}

archive::Id SearchFixture::File(const std::string& number, const std::string& name,
                                const std::string& bytes, const std::string& type) {
  archive::Document draft;
  if (!number.empty()) draft.customer_id = Customer(number);
  draft.filename = name;
  draft.type = type;
  auto stored = dir->StoreDocument(
      admin, draft,
      [bytes, offset = std::size_t{0}](std::span<char> buffer) mutable -> Result<std::size_t> {
        std::size_t n = std::min(buffer.size(), bytes.size() - offset);
        std::copy_n(bytes.data() + offset, n, buffer.data());
        offset += n;
        return n;
      });
  REQUIRE(stored.ok());
  return stored->document.id;
}

void SearchFixture::Refresh() {
  indexer::PipelineOptions options;
  options.worker_executable = AKTE_BINARY;
  REQUIRE(indexer::ExtractionPipeline(*dir, options).ExtractPending().ok());
  auto writer = indexer::IndexWriter::Open(*dir);
  REQUIRE(writer.ok());
  auto caught_up = (*writer)->CatchUp();
  INFO(caught_up.status().ToString());
  REQUIRE(caught_up.ok());
}

SearchResponse SearchFixture::Search(const std::string& query, bool customers) {
  if (!searcher_) {
    auto opened = Searcher::Open(*dir);
    REQUIRE(opened.ok());
    searcher_ = std::move(opened).value();
  }
  SearchRequest request;
  request.query = query;
  request.customers = customers;
  request.limit = 10;
  auto response = searcher_->Search(request);
  INFO("query: " << query << ": " << response.status().ToString());
  REQUIRE(response.ok());
  return *response;
}

std::vector<std::pair<std::string, archive::Id>> SearchFixture::Items(
    const SearchResponse& r) const {
  std::vector<std::pair<std::string, archive::Id>> items;
  for (const auto& hit : r.hits) items.emplace_back(hit.kind, hit.id);
  return items;
}

}  // namespace akte::search::test
