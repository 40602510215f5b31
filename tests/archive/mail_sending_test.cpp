// Sending email from the customer file through a real SMTP server on
// 127.0.0.1 (tests/support/smtp_sink.py): what arrives, what is filed, the
// history settings, and every way sending can fail with nothing stored.
#include "akte/archive/mail_sending.h"

#include <catch2/catch.hpp>

#include "smtp_sink.h"
#include "temp_dir.h"

namespace akte::archive {
namespace {

using test::SmtpSink;

std::string UnixLines(std::string text) {
  std::string out;
  for (char c : text) {
    if (c != '\r') out += c;
  }
  while (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

struct MailFixture {
  test::TempDir tmp;
  std::unique_ptr<DataDir> dir;
  Actor admin;
  Customer baeckerei;
  Contact weiss;
  Customer ohne_mail;

  MailFixture() {
    auto created =
        DataDir::Initialize(tmp.path(), User{0, "anna", "Anna Admin", kRoleAdmin, "", false});
    REQUIRE(created.ok());
    dir = std::move(created).value();
    admin = *catalog().ActorFor("anna");
    Customer draft;
    draft.number = "10001";
    draft.company = "Bäckerei Schäfer";
    draft.emails = {"info@baeckerei-schaefer.de"};
    baeckerei = *catalog().CreateCustomer(admin, draft);
    Contact contact;
    contact.customer_id = baeckerei.id;
    contact.first_name = "Jürgen";
    contact.last_name = "Weiß";
    contact.emails = {"j.weiss@baeckerei-schaefer.de"};
    weiss = *catalog().CreateContact(admin, contact);
    Customer other;
    other.number = "10002";
    other.first_name = "Otto";
    other.last_name = "Ohnemail";
    ohne_mail = *catalog().CreateCustomer(admin, other);
    Set(std::string(kFirmNameSetting), "Müller & Partner Beratung");
  }

  Catalog& catalog() { return dir->catalog(); }

  void Set(const std::string& key, const std::string& value) {
    Status set = catalog().SetSetting(admin, key, value);
    INFO(set.ToString());
    REQUIRE(set.ok());
  }

  // The sink as the firm's server, unencrypted (allowed on localhost).
  void UseServer(int port, const std::string& security = "none") {
    Set("smtp.host", "127.0.0.1");
    Set("smtp.port", std::to_string(port));
    Set("smtp.security", security);
    Set("smtp.from", "info@mueller-partner.de");
  }

  OutgoingEmail ToWeiss() {
    OutgoingEmail email;
    email.customer_id = baeckerei.id;
    email.contact_id = weiss.id;
    email.subject = "Angebot für Brötchentüten – Grüße";
    email.text =
        "Sehr geehrter Herr Weiß,\n\nanbei unser Angebot über 500 € netto.\n"
        ".Diese Zeile beginnt mit einem Punkt.\n\nMit freundlichen Grüßen\n";
    return email;
  }

  SentEmail Send(const OutgoingEmail& email) {
    auto sent = SendEmail(*dir, admin, email);
    INFO(sent.status().ToString());
    REQUIRE(sent.ok());
    return *sent;
  }

  std::string BlobOf(const Document& document) {
    auto reader = dir->blobs().OpenReader(document.sha256);
    REQUIRE(reader.ok());
    std::string bytes(document.size, '\0');
    auto read = reader->Read(std::span<char>(bytes.data(), bytes.size()));
    REQUIRE(read.ok());
    bytes.resize(*read);
    return bytes;
  }

  std::size_t DocumentCount() { return catalog().ListDocuments(baeckerei.id)->size(); }
  std::size_t EventCount() { return catalog().GetCustomerFile(baeckerei.id)->events.size(); }
};

}  // namespace

TEST_CASE_METHOD(MailFixture, "SendEmail delivers a UTF-8 message and files exactly what was sent",
                 "[archive][mail]") {
  SmtpSink sink;
  UseServer(sink.port());
  SentEmail sent = Send(ToWeiss());

  auto received = sink.Received();
  REQUIRE(received.size() == 1);
  CHECK(received[0].mail_from == "info@mueller-partner.de");
  CHECK(received[0].recipients == std::vector<std::string>{"j.weiss@baeckerei-schaefer.de"});
  // Only 7-bit bytes travel: headers as RFC 2047 words, the body quoted-printable.
  CHECK(std::none_of(received[0].data.begin(), received[0].data.end(),
                     [](char c) { return static_cast<unsigned char>(c) > 0x7f; }));
  test::ParsedMail mail = test::ParseMail(received[0].data);
  CHECK(mail.subject == "Angebot für Brötchentüten – Grüße");
  CHECK(mail.from == "Müller & Partner Beratung <info@mueller-partner.de>");
  CHECK(mail.to == "Jürgen Weiß <j.weiss@baeckerei-schaefer.de>");
  CHECK(mail.message_id == "<" + sent.message_id + ">");
  CHECK_FALSE(mail.date.empty());
  CHECK(mail.content_type.starts_with("text/plain"));
  CHECK(mail.charset == "utf-8");
  CHECK(mail.transfer_encoding == "quoted-printable");
  CHECK(mail.body == ToWeiss().text);

  CHECK(sent.recipient == "j.weiss@baeckerei-schaefer.de");
  CHECK(sent.history == "auto");
  CHECK(sent.document.customer_id == baeckerei.id);
  CHECK(sent.document.contact_id == weiss.id);
  CHECK(sent.document.type == "E-Mail");
  CHECK(sent.document.title == "Angebot für Brötchentüten – Grüße");
  CHECK(sent.document.mime_type == "message/rfc822");
  CHECK(sent.document.filename.ends_with(".eml"));
  // Filed as sent, and already extracted: no extraction adds a second event.
  CHECK(sent.document.extraction_state == "extracted");
  CHECK(UnixLines(BlobOf(sent.document)) == UnixLines(received[0].data));
  auto text = catalog().GetText(sent.document.id);
  REQUIRE(text.ok());
  REQUIRE(text->has_value());
  CHECK((*text)->text.find("anbei unser Angebot über 500 € netto.") != std::string::npos);
  CHECK((*text)->text.find("To: Jürgen Weiß <j.weiss@baeckerei-schaefer.de>") != std::string::npos);

  REQUIRE(sent.event.has_value());
  CHECK(sent.event->type == "E-Mail ausgehend");
  CHECK(sent.event->subject == "Angebot für Brötchentüten – Grüße");
  CHECK(sent.event->contact_id == weiss.id);
  CHECK(sent.event->document_ids == std::vector<Id>{sent.document.id});
  CHECK(sent.event->text.starts_with("An Jürgen Weiß <j.weiss@baeckerei-schaefer.de>"));
  CHECK(catalog().GetEvent(sent.event->id).ok());
}

TEST_CASE_METHOD(MailFixture, "Without a contact the customer's own address is written to",
                 "[archive][mail]") {
  SmtpSink sink;
  UseServer(sink.port());
  OutgoingEmail email = ToWeiss();
  email.contact_id.reset();
  SentEmail sent = Send(email);
  CHECK(sent.recipient == "info@baeckerei-schaefer.de");
  CHECK_FALSE(sent.document.contact_id.has_value());
  auto received = sink.Received();
  REQUIRE(received.size() == 1);
  CHECK(test::ParseMail(received[0].data).to == "Bäckerei Schäfer <info@baeckerei-schaefer.de>");

  email.to = "Buchhaltung@Example.org";  // any address may be given
  sent = Send(email);
  CHECK(sent.recipient == "Buchhaltung@Example.org");
  REQUIRE(sink.Received().size() == 2);
  CHECK(test::ParseMail(sink.Received()[1].data).to == "Buchhaltung@Example.org");
}

TEST_CASE_METHOD(MailFixture, "history.email decides whether and how the email is recorded",
                 "[archive][mail]") {
  SmtpSink sink;
  UseServer(sink.port());

  Set("history.email", "ask");
  OutgoingEmail email = ToWeiss();
  email.remarks = "Angebot wie am Telefon besprochen";
  SentEmail asked = Send(email);
  CHECK(asked.history == "ask");
  REQUIRE(asked.event.has_value());
  CHECK(asked.event->text == "Angebot wie am Telefon besprochen");
  CHECK(asked.event->document_ids == std::vector<Id>{asked.document.id});

  Set("history.email", "none");
  const std::size_t events = EventCount();
  SentEmail silent = Send(ToWeiss());
  CHECK(silent.history == "none");
  CHECK_FALSE(silent.event.has_value());
  CHECK(EventCount() == events);
  CHECK(DocumentCount() == 2);
  CHECK(catalog().GetDocument(silent.document.id)->extraction_state == "extracted");
  CHECK(catalog().DocumentsInState("pending", 10)->empty());
  CHECK(sink.Received().size() == 2);

  auto history = LoadHistorySettings(catalog());
  REQUIRE(history.ok());
  CHECK(history->email == "none");
  CHECK(history->sms == "auto");
  CHECK(history->call == "auto");
}

TEST_CASE_METHOD(MailFixture, "A server without STARTTLS is refused and nothing is stored",
                 "[archive][mail]") {
  SmtpSink sink;
  UseServer(sink.port(), "starttls");
  auto sent = SendEmail(*dir, admin, ToWeiss());
  REQUIRE_FALSE(sent.ok());
  CHECK(sent.status().code() == StatusCode::kUnavailable);
  CHECK(sent.status().field() == "smtp");
  CHECK(sent.status().message().find("does not offer STARTTLS") != std::string::npos);
  CHECK(sink.Received().empty());
  CHECK(DocumentCount() == 0);
  CHECK(EventCount() == 0);
}

TEST_CASE_METHOD(MailFixture, "A mail server that is not there is named, and nothing is stored",
                 "[archive][mail]") {
  const int port = test::UnusedPort();
  UseServer(port);
  auto sent = SendEmail(*dir, admin, ToWeiss());
  REQUIRE_FALSE(sent.ok());
  CHECK(sent.status().code() == StatusCode::kUnavailable);
  CHECK(sent.status().message().find("could not connect to the mail server 127.0.0.1:" +
                                     std::to_string(port)) != std::string::npos);
  CHECK(DocumentCount() == 0);
}

TEST_CASE_METHOD(MailFixture, "The login is sent, and a refused login is named",
                 "[archive][mail]") {
  SmtpSink sink("anna@mueller-partner.de:Geheim-123");
  UseServer(sink.port());
  Set("smtp.username", "anna@mueller-partner.de");
  Set("smtp.password", "falsch");
  auto refused = SendEmail(*dir, admin, ToWeiss());
  REQUIRE_FALSE(refused.ok());
  CHECK(refused.status().message().find("refused the login of anna@mueller-partner.de") !=
        std::string::npos);
  CHECK(refused.status().message().find("535") != std::string::npos);
  CHECK(DocumentCount() == 0);

  Set("smtp.password", "Geheim-123");
  Send(ToWeiss());
  CHECK(sink.Received().size() == 1);
}

TEST_CASE_METHOD(MailFixture, "A refused recipient is named with the server's answer",
                 "[archive][mail]") {
  SmtpSink sink;
  UseServer(sink.port());
  OutgoingEmail email = ToWeiss();
  email.to = "refused@baeckerei-schaefer.de";
  auto sent = SendEmail(*dir, admin, email);
  REQUIRE_FALSE(sent.ok());
  INFO(sent.status().message());
  CHECK(sent.status().message().find("refused the recipient") != std::string::npos);
  CHECK(sent.status().message().find("refused@baeckerei-schaefer.de") != std::string::npos);
  CHECK(sent.status().message().find("550 5.1.1 mailbox unavailable") != std::string::npos);
  CHECK(sink.Received().empty());
  CHECK(DocumentCount() == 0);
}

TEST_CASE_METHOD(MailFixture, "Missing or unsafe settings are named before anything is sent",
                 "[archive][mail]") {
  auto no_host = SendEmail(*dir, admin, ToWeiss());
  CHECK(no_host.status().code() == StatusCode::kFailedPrecondition);
  CHECK(no_host.status().message().starts_with("smtp.host is not set"));

  Set("smtp.host", "mail.example.de");
  auto no_from = SendEmail(*dir, admin, ToWeiss());
  CHECK(no_from.status().message().starts_with("smtp.from is not set"));

  Set("smtp.from", "info@mueller-partner.de");
  Set("smtp.security", "none");
  auto unsafe = SendEmail(*dir, admin, ToWeiss());
  CHECK(unsafe.status().code() == StatusCode::kFailedPrecondition);
  CHECK(unsafe.status().message().find("only for a mail server on this machine") !=
        std::string::npos);
  CHECK(DocumentCount() == 0);
}

TEST_CASE_METHOD(MailFixture, "Bad input is refused naming the field, without sending",
                 "[archive][mail]") {
  SmtpSink sink;
  UseServer(sink.port());
  OutgoingEmail email = ToWeiss();
  email.subject = "  ";
  CHECK(SendEmail(*dir, admin, email).status().field() == "subject");

  email = ToWeiss();
  email.to = "kein-at-zeichen";
  CHECK(SendEmail(*dir, admin, email).status().field() == "to");

  email = ToWeiss();
  email.customer_id = ohne_mail.id;  // Weiß is Bäckerei Schäfer's contact
  CHECK(SendEmail(*dir, admin, email).status().field() == "contact_id");

  email.contact_id.reset();
  auto no_address = SendEmail(*dir, admin, email);
  CHECK(no_address.status().field() == "to");
  CHECK(no_address.status().message() ==
        "Otto Ohnemail has no email address; enter the recipient's address");

  email.customer_id = 999;
  CHECK(SendEmail(*dir, admin, email).status().code() == StatusCode::kNotFound);
  CHECK(sink.Received().empty());
}

TEST_CASE_METHOD(MailFixture, "The mail settings are checked, and the password is never audited",
                 "[archive][mail]") {
  const std::pair<const char*, const char*> bad[] = {
      {"smtp.port", "70000"},
      {"smtp.port", "submission"},
      {"smtp.security", "ssl"},
      {"smtp.from", "niemand"},
      {"smtp.host", "smtp://mail.example.de"},
      {"history.call", "maybe"},
      {"history.email", "AUTO"},
      {"smtp.password", "a\nb"},
  };
  for (auto [key, value] : bad) {
    INFO(key << " = " << value);
    Status set = catalog().SetSetting(admin, key, value);
    CHECK(set.code() == StatusCode::kInvalidArgument);
    CHECK(set.field() == key);
  }
  CHECK(CheckSetting("smtp.security", "ssl").message() ==
        "smtp.security is one of starttls, tls, none, not 'ssl'");
  CHECK(CheckSetting("history.sms", "ask").ok());
  CHECK(CheckSetting("smtp.port", "465").ok());

  Set("smtp.password", "Sehr-Geheim-42");
  Set("smtp.password", "Noch-Geheimer-43");
  CHECK(IsSecretSetting("smtp.password"));
  CHECK_FALSE(IsSecretSetting("smtp.username"));
  auto trail = catalog().AuditTrail("setting", 0);
  REQUIRE(trail.ok());
  std::size_t password_entries = 0;
  for (const auto& entry : *trail) {
    CHECK(entry.before.find("Geheim") == std::string::npos);
    CHECK(entry.after.find("Geheim") == std::string::npos);
    if (entry.after.find("smtp.password") != std::string::npos) ++password_entries;
  }
  CHECK(password_entries == 2);
}

}  // namespace akte::archive
