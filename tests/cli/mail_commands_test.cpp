// akte mail send against a real SMTP server on 127.0.0.1
// (tests/support/smtp_sink.py).
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>

#include "akte_process.h"
#include "smtp_sink.h"

namespace akte::cli {
namespace {

using test::InitializedAkte;

void Setup(const InitializedAkte& akte, int port, const std::string& security = "none") {
  akte.Ok({"customer", "add", "10001", "--company", "Müller Maschinenbau", "--email",
           "info@mueller.de"});
  akte.Ok({"contact", "add", "10001", "--first-name", "Thomas", "--last-name", "Weber", "--email",
           "t.weber@mueller.de"});
  akte.Ok({"settings", "set", "smtp.host", "127.0.0.1"});
  akte.Ok({"settings", "set", "smtp.port", std::to_string(port)});
  akte.Ok({"settings", "set", "smtp.security", security});
  akte.Ok({"settings", "set", "smtp.from", "buero@example.de"});
}

nlohmann::json File(const InitializedAkte& akte) {
  return nlohmann::json::parse(akte.Ok({"customer", "show", "10001", "--json"}).out);
}

}  // namespace

TEST_CASE("akte mail send writes to a contact and files the message", "[cli][mail]") {
  InitializedAkte akte;
  test::SmtpSink sink;
  Setup(akte, sink.port());
  const std::string text_file = (akte.dir / "text.txt").string();
  std::ofstream(text_file) << "Guten Tag Herr Weber,\n\nder Termin am Dienstag passt.\n";
  auto sent = akte.Ok({"mail", "send", "--customer", "10001", "--contact", "1", "--subject",
                       "Termin Dienstag – Bestätigung", "--text-file", text_file, "--remarks",
                       "Termin bestätigt"});
  CHECK_THAT(sent.out, Catch::Contains("Sent to t.weber@mueller.de"));
  CHECK_THAT(sent.out, Catch::Contains("recorded as event"));

  auto received = sink.Received();
  REQUIRE(received.size() == 1);
  auto mail = test::ParseMail(received[0].data);
  CHECK(mail.subject == "Termin Dienstag – Bestätigung");
  CHECK(mail.to == "Thomas Weber <t.weber@mueller.de>");
  CHECK(mail.body == "Guten Tag Herr Weber,\n\nder Termin am Dienstag passt.\n");

  auto file = File(akte);
  REQUIRE(file["events"].size() == 1);
  CHECK(file["events"][0]["type"] == "E-Mail ausgehend");
  CHECK(file["events"][0]["text"] == "Termin bestätigt");
  REQUIRE(file["documents"].size() == 1);
  CHECK(file["documents"][0]["type"] == "E-Mail");

  akte.Ok({"settings", "set", "history.email", "none"});
  auto silent = akte.Ok({"mail", "send", "--customer", "10001", "--to", "info@mueller.de",
                         "--subject", "Kurz", "--text", "Nur zur Info"});
  CHECK_THAT(silent.out, Catch::Contains("no history event"));
  CHECK(File(akte)["events"].size() == 1);
  CHECK(File(akte)["documents"].size() == 2);
}

TEST_CASE("akte mail send names the mail server's problem and stores nothing", "[cli][mail]") {
  InitializedAkte akte;
  test::SmtpSink sink;
  Setup(akte, sink.port(), "starttls");
  auto refused = akte({"mail", "send", "--customer", "10001", "--subject", "Hallo"});
  CHECK(refused.exit_code == 9);
  CHECK_THAT(refused.err, Catch::Contains("does not offer STARTTLS"));

  akte.Ok({"settings", "set", "smtp.port", std::to_string(test::UnusedPort())});
  auto gone = akte({"mail", "send", "--customer", "10001", "--subject", "Hallo"});
  CHECK(gone.exit_code == 9);
  CHECK_THAT(gone.err, Catch::Contains("could not connect to the mail server"));

  auto bad = akte({"settings", "set", "smtp.security", "ssl"});
  CHECK(bad.exit_code == 3);
  CHECK_THAT(bad.err, Catch::Contains("smtp.security is one of starttls, tls, none"));
  auto both = akte({"mail", "send", "--customer", "10001", "--subject", "Hallo", "--text", "a",
                    "--text-file", "/etc/hostname"});
  CHECK(both.exit_code == 2);
  CHECK(File(akte)["documents"].empty());
  CHECK(File(akte)["events"].empty());
  CHECK(sink.Received().empty());
}

}  // namespace akte::cli
