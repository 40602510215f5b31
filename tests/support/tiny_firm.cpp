#include "tiny_firm.h"

#include "temp_dir.h"

namespace akte::test {

std::filesystem::path WriteTinyFirm(const std::filesystem::path& folder) {
  WriteFile(folder / "customers.csv",
            "Kundennummer;Art;Firma;Ort;E-Mail;Branche\n"
            "10001;Kunde;Müller Maschinenbau GmbH;München;info@mueller.de;Maschinenbau\n"
            "20001;Interessent;Gärtnerei Blum;Leipzig;;Gartenbau\n");
  WriteFile(folder / "contacts.vcf",
            "BEGIN:VCARD\nVERSION:3.0\nN:Weber;Thomas;;;\nFN:Thomas Weber\n"
            "ORG:Müller Maschinenbau GmbH\nEMAIL:t.weber@mueller.de\nEND:VCARD\n");
  WriteFile(folder / "documents/10001/protokoll.txt",
            "Protokoll: Kick-off des Migrationsprojekts der Warenwirtschaft.");
  WriteFile(folder / "documents/20001/angebot.txt",
            "Angebot Bewässerungsanlage für Gewächshaus 3.");
  const auto manifest = folder / "manifest.json";
  WriteFile(manifest, R"({
  "firm": {"name": "Testfirma", "email_addresses": "@testfirma.de"},
  "users": [{"username": "jana", "display_name": "Jana Schreiber", "role": "admin"},
            {"username": "tobias", "display_name": "Tobias Brandt", "role": "staff"}],
  "fields": [{"slot": 1, "label": "Branche", "type": "text", "choices": []}],
  "customers_csv": "customers.csv",
  "contacts_vcf": "contacts.vcf",
  "conditions": [{"customer": "10001", "price_list": "Gewerbe A", "discount": 2.5,
                  "payment_terms": "30 Tage netto", "open_invoice_limit": 5000}],
  "documents": [
    {"customer": "10001", "path": "documents/10001/protokoll.txt", "type": "Protokoll",
     "date": "2024-03-12", "title": "Kick-off Migration", "by": "tobias"},
    {"customer": "20001", "path": "documents/20001/angebot.txt", "type": "Angebot",
     "date": "2025-01-20", "title": "Angebot Bewässerung", "by": "jana"}],
  "notes": [{"customer": "10001", "by": "tobias", "at": "2023-05-04T09:12:00Z",
             "text": "Erstkontakt auf der Messe, Interesse an ERP-Migration."}],
  "events": [{"customer": "20001", "by": "jana", "type": "Anruf eingehend",
              "at": "2025-01-15T10:00:00Z", "subject": "Anfrage Bewässerung", "text": ""}],
  "expected": {"searches": [{"query": "Migrationsprojekt", "customers": ["10001"]}]}
})");
  return manifest;
}

}  // namespace akte::test
