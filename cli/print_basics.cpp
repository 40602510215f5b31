// The building blocks of the CLI's human-readable output.
#include "print_basics.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "akte/archive/time.h"

namespace akte::cli {

bool German() {
  for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(var);
    if (value && *value) return std::string_view(value).starts_with("de");
  }
  return false;
}

// The label for `key` in the user's language.
std::string L(const std::string& key) {
  static const std::map<std::string, std::pair<std::string, std::string>> kLabels = {
      {"customer", {"Kunde", "Customer"}},
      {"prospect", {"Interessent", "Prospect"}},
      {"number", {"Nr.", "No."}},
      {"name", {"Name", "Name"}},
      {"city", {"Ort", "City"}},
      {"kind", {"Art", "Kind"}},
      {"address", {"Adresse", "Address"}},
      {"email", {"E-Mail", "Email"}},
      {"phone", {"Telefon", "Phone"}},
      {"mobile", {"Mobil", "Mobile"}},
      {"fax", {"Fax", "Fax"}},
      {"website", {"Internet", "Website"}},
      {"birthday", {"Geburtstag", "Birthday"}},
      {"remarks", {"Anmerkungen", "Remarks"}},
      {"created", {"angelegt", "created"}},
      {"updated", {"geändert", "changed"}},
      {"archived", {"archiviert", "archived"}},
      {"contacts", {"Ansprechpartner", "Contacts"}},
      {"conditions", {"Konditionen", "Conditions"}},
      {"price_list", {"Preisliste", "Price list"}},
      {"discount", {"Rabatt", "Discount"}},
      {"payment_terms", {"Zahlungsbedingungen", "Payment terms"}},
      {"delivery_terms", {"Lieferbedingungen", "Delivery terms"}},
      {"limit", {"OP-Limit", "Open-invoice limit"}},
      {"fields", {"Individuelle Felder", "Custom fields"}},
      {"documents", {"Dokumente", "Documents"}},
      {"timeline", {"Historie (neueste zuerst)", "History (newest first)"}},
      {"document", {"Dokument", "Document"}},
      {"note", {"Notiz", "Note"}},
      {"contact", {"Kontakt", "Contact"}},
      {"page", {"S.", "p."}},
      {"hits", {"Treffer", "hits"}},
      {"hit", {"Treffer", "hit"}},
      {"no_hits", {"Keine Treffer.", "Nothing found."}},
      {"showing_for",
       {"Keine Treffer für Ihre Eingabe; Ergebnisse für", "Nothing found as typed; results for"}},
      {"did_you_mean", {"Meinten Sie", "Did you mean"}},
      {"relaxed",
       {"Kein Eintrag enthält alle Wörter; Treffer mit einzelnen Wörtern:",
        "No item has all the words; items with some of them:"}},
      {"event", {"Ereignis", "Event"}},
      {"none", {"keine", "none"}},
      {"yes", {"ja", "yes"}},
      {"no", {"nein", "no"}},
      {"type", {"Typ", "Type"}},
      {"year", {"Jahr", "Year"}},
      {"last_used", {"zuletzt benutzt", "last used"}},
      {"never", {"nie", "never"}},
      {"state", {"Status", "State"}},
      {"valid", {"gültig", "valid"}},
      {"revoked", {"widerrufen", "revoked"}},
      {"records", {"Belege", "Business records"}},
      {"record", {"Beleg", "Record"}},
      {"age", {"wird", "turns"}},
      {"no_birthdays", {"Keine Geburtstage in diesem Zeitraum.", "No birthdays in that period."}},
      {"date", {"Datum", "Date"}},
      {"subject", {"Betreff", "Subject"}},
      {"gross", {"Brutto", "Gross"}},
      {"due", {"fällig", "due"}},
      {"open", {"offen", "open"}},
      {"partly_paid", {"teilweise bezahlt", "partly paid"}},
      {"paid", {"bezahlt", "paid"}},
      {"overdue", {"überfällig", "overdue"}},
      {"offers", {"Angebote", "Offers"}},
      {"orders", {"Aufträge", "Orders"}},
      {"invoices", {"Rechnungen", "Invoices"}},
      {"revenue", {"Umsatz netto", "Net revenue"}},
      {"total", {"gesamt", "total"}},
      {"open_items", {"Offene Posten", "Open invoices"}},
      {"overdue_items", {"davon überfällig", "of which overdue"}},
      {"fees", {"Mahngebühren", "Dunning fees"}},
      {"days_to_pay", {"Ø Zahlungsdauer", "Avg. days to pay"}},
      {"days", {"Tage", "days"}},
      {"last_contact", {"Letzter Kontakt", "Last contact"}},
      {"limit_exceeded",
       {"Achtung: die offenen Posten überschreiten das OP-Limit von",
        "Warning: open invoices exceed the open-invoice limit of"}},
      {"debit", {"Soll", "Debit"}},
      {"credit", {"Haben", "Credit"}},
      {"balance", {"Saldo", "Balance"}},
      {"text", {"Text", "Text"}},
      {"statement", {"Kontoauszug", "Account statement"}},
      {"offer", {"Angebot", "Offer"}},
      {"order", {"Auftrag", "Order"}},
      {"delivery_note", {"Lieferschein", "Delivery note"}},
      {"invoice", {"Rechnung", "Invoice"}},
      {"credit_note", {"Gutschrift", "Credit note"}},
      {"dunning", {"Mahnung", "Dunning letter"}},
      {"payment", {"Zahlung", "Payment"}},
      {"dunning_fee", {"Mahngebühr", "Dunning fee"}},
      {"follow_ups", {"Wiedervorlagen", "Follow-ups"}},
      {"overdue_group", {"Überfällig", "Overdue"}},
      {"today_group", {"Heute", "Today"}},
      {"this_week_group", {"Diese Woche", "This week"}},
      {"due_date", {"Fällig", "Due"}},
      {"reason", {"Grund", "Reason"}},
      {"assignee", {"Zuständig", "Assignee"}},
      {"on", {"Zu", "On"}},
      {"done", {"erledigt", "done"}},
      {"task", {"Aufgabe", "Task"}},
      {"tasks", {"Aufgaben", "Tasks"}},
      {"appointment", {"Termin", "Appointment"}},
      {"appointments", {"Termine", "Appointments"}},
      {"title", {"Titel", "Title"}},
      {"when", {"Wann", "When"}},
      {"place", {"Ort", "Place"}},
      {"participants", {"Teilnehmer", "Participants"}},
      {"cancelled", {"abgesagt", "cancelled"}},
      {"no_due_date", {"ohne Datum", "no date"}},
      {"overdue_tasks", {"Überfällige Aufgaben", "Overdue tasks"}},
      {"tasks_today", {"Heute fällige Aufgaben", "Tasks due today"}},
      {"appointments_today", {"Termine", "Appointments"}},
      {"agenda_of", {"Tag von", "Day of"}},
  };
  auto it = kLabels.find(key);
  if (it == kLabels.end()) return key;
  return German() ? it->second.first : it->second.second;
}

std::string Time(const std::string& utc) { return German() ? FormatLocalGerman(utc) : utc; }

std::string Date(const std::string& iso) { return German() ? FormatDateGerman(iso) : iso; }

// Display width of UTF-8 text: one column per code point.
std::size_t Width(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string Pad(const std::string& s, std::size_t width) {
  std::size_t w = Width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

void PrintTable(std::ostream& out, const std::vector<std::vector<std::string>>& rows) {
  if (rows.empty()) return;
  std::vector<std::size_t> widths(rows.front().size(), 0);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) widths[i] = std::max(widths[i], Width(row[i]));
  }
  for (const auto& row : rows) {
    std::string line;
    for (std::size_t i = 0; i < row.size(); ++i) {
      line += i + 1 == row.size() ? row[i] : Pad(row[i], widths[i]) + "  ";
    }
    out << line << "\n";
  }
}

void Line(std::ostream& out, const std::string& label, const std::string& value) {
  if (!value.empty()) out << "  " << Pad(label, 20) << value << "\n";
}

}  // namespace akte::cli
