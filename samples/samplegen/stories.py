"""Tells the whole story of the firm in a fixed order, builds the mailbox,
and states what akte should find afterwards (manifest 'expected'),
checking that the three demo searches can only find the customers listed
for them."""
import re

from . import model, render, story_account as account, story_erp, story_projects as projects
from .story_util import fill
from .world import german

# The demo searches, and the topic that puts a customer among their results.
SEARCHES = [("Migrationsprojekt", "erp"),
            ("welcher Kunde hat über Preiserhöhung gesprochen", "price_discussed"),
            ("Rechnungen 2024 offen", "open_2024")]


def tell(world):
    maintained = [c for c in world.customers if c.maintained]
    for c in world.customers:
        account.general(world, c)
        account.hardware(world, c)
        if c.maintained:
            account.wartung(world, c, maintained.index(c))
        if "erp" in c.topics:
            story_erp.story(world, c)
        if "web" in c.topics:
            projects.web(world, c)
        if "audit" in c.topics:
            projects.audit(world, c)
        if "delay" in c.topics:
            projects.delay(world, c)
        if "prospect_wartung" in c.topics:
            account.prospect(world, c)
        account.billing(world, c)
    letter_date = world.firm["price_change"]["letter_date"]
    informed = [c for c in maintained if account.contract_begin(c) < letter_date]
    for i, c in enumerate(informed):
        account.price_letter(world, c, i)
    for number, date in (("10020", "2025-06-20"), ("10012", "2023-06-05")):
        c = world.by_number[number]
        world.doc(c, "Sonstiges", date, "tobias", "csv",
                  lambda s: "Inventarliste %s" % s.customer.company,
                  lambda w, s: account.inventory(w, s.customer, s.date))
    account.welcome_letter(world, world.by_number["10018"])


# --- mailbox ----------------------------------------------------------------

def _address(world, ref):
    """'c:10001:0' (a customer's contact), 'u:jana' (a user), or as written."""
    if ref.startswith("c:"):
        _, number, index = ref.split(":")
        c = world.by_number[number]
        return c.contact(int(index)).mailbox(), number
    if ref == "u:info":
        return "Schreiber IT-Service GmbH <%s>" % world.firm["email"], None
    if ref.startswith("u:"):
        user = world.user(ref[2:])
        return "%s <%s>" % (user["display_name"], user["email"]), None
    return ref, None


def _mail_attachment(world, key, date):
    if key == "test_migration":
        rows = [["Objekt", "Altsystem", "Nordstern ERP", "Abweichung"],
                ["Artikel", 11212, 11212, 0], ["Artikel ohne Warengruppe", 0, 37, 37],
                ["Kunden", 4380, 4378, 2], ["Lieferanten", 612, 612, 0],
                ["Lagerbestand (Summe Stück)", 918544, 918544, 0]]
        book = model.Workbook("Testmigration Artikelstamm", "Marco Kühn", date,
                              [model.Sheet("Testlauf 2", rows, [30, 12, 14, 12], [0])])
        return "Testmigration Artikelstamm.xlsx", "xlsx", book
    if key == "measures_status":
        rows = [["Maßnahme", "Status"], ["Geräteverwaltung Tablets", "erledigt (30/30)"],
                ["BitLocker Notebooks", "erledigt"], ["Verzeichnis Verarbeitungstätigkeiten",
                                                      "in Arbeit, bis 31.10."],
                ["Wiederherstellungstest", "erledigt 12.09."]]
        book = model.Workbook("Maßnahmenplan Stand September", "Kevin Schulze", date,
                              [model.Sheet("Stand", rows, [40, 24], [0])])
        return "Maßnahmenplan Stand September.xlsx", "xlsx", book
    if key == "golive_checklist":
        doc = model.Doc("Go-live checklist Nordstern ERP", "Emily Hughes", date, "en")
        doc.add(model.Heading(doc.title, 1), model.Table(
            ["Step", "Owner", "When"],
            [["Old system read-only", "Finance", "Fri 18:00"],
             ["Final data export", "Tobias Brandt", "Fri 18:30"],
             ["Import and reconciliation", "Tobias Brandt", "Sat"],
             ["Approve balances", "Emily Hughes", "Sun 12:00"],
             ["First invoices in new system", "Finance", "Mon 9:00"]], [0.5, 0.3, 0.2], "lll"))
        return "Go-live checklist.pdf", "pdf", doc
    doc = model.Doc("Zahlungsavis", "Daniela Wolf", date, "de")
    doc.add(model.Heading("Zahlungsavis Metallbau Schütze GmbH", 1),
            model.Para("Überweisung vom %s an Schreiber IT-Service GmbH." % german(date)),
            model.Table(["Beleg", "Betrag"], [["Rechnungen 2024 lt. Kontoauszug", "6.112,63 €"]],
                        [0.7, 0.3], "lr"))
    return "Zahlungsavis.pdf", "pdf", doc


def mailbox_messages(world):
    """The messages of the Maildir, each with the customer it should be
    filed under (None: it should land in the inbox)."""
    messages = world.text("mailbox.messages")
    out = []
    for i, m in enumerate(messages):
        sender, from_customer = _address(world, m["from"])
        to, to_customer = _address(world, m["to"])
        mail = {"from": sender, "to": to, "subject": m["subject"], "at": m["at"], "body": m["body"],
                "id": "%s.%02d@%s" % (m["at"][:10].replace("-", ""), i + 1,
                                      sender.split("@")[-1].rstrip(">"))}
        if m.get("cc"):
            mail["cc"] = _address(world, m["cc"])[0]
        if "reply" in m:
            mail["reply_to_id"] = out[m["reply"]][0]["id"]
        text = m["subject"] + "\n" + m["body"]
        if m.get("attach"):
            name, fmt, content = _mail_attachment(world, m["attach"], m["at"][:10])
            mail["attachments"] = [(name, render.MIME[fmt],
                                    render.to_bytes(world, fmt, content, m["at"][:10]))]
            text += "\n" + render.plain_of(fmt, content)
        customer = None if m.get("inbox") else (from_customer or to_customer)
        out.append((mail, customer))
        world.mails.append({"customer": customer, "at": m["at"], "text": text})
    return out


# --- history ----------------------------------------------------------------

def finish_history(world):
    """Notes and events with cited document numbers filled in, by time."""
    notes = [{"customer": n["customer"], "by": n["by"], "at": n["at"],
              "text": fill(n["text"], n["values"]) if n["values"] else n["text"]}
             for n in world.notes]
    events = []
    for e in world.events:
        values = e["values"]
        events.append({"customer": e["customer"], "by": e["by"], "type": e["type"], "at": e["at"],
                       "subject": fill(e["subject"], values) if values else e["subject"],
                       "text": fill(e["text"], values) if values else e["text"]})
    key = (lambda x: (x["at"], x["customer"], x["by"]))
    return sorted(notes, key=key), sorted(events, key=key)


# --- what akte should find --------------------------------------------------

# What akte's analysis turns into the stem of "offen": its inflections, words
# containing it (betroffen), "off" as in "Kick-off", and English "offer".
_OFFEN = re.compile(r"offen|\boff\b|\boffer", re.I)
_RECHNUNG = re.compile(r"rechnung|invoic|\bbill", re.I)
_PREIS = re.compile(r"preiserh|erhöh|increas", re.I)
_MIGRATION = re.compile(r"migra|umstell|changeover|conversion", re.I)
_PROJEKT = re.compile(r"projekt|project", re.I)


def _items_by_customer(world, notes, events):
    """(year, text) of everything akte indexes for each customer."""
    items = {c.number: [(None, " ".join(str(v) for v in c.data.values()))]
             for c in world.customers}
    for spec in world.docs:
        items[spec.customer.number].append((spec.date[:4], spec.text))
    for n in notes:
        items[n["customer"]].append((n["at"][:4], n["text"]))
    for e in events:
        items[e["customer"]].append((e["at"][:4], e["subject"] + "\n" + e["text"]))
    for m in world.mails:
        if m["customer"]:
            items[m["customer"]].append((m["at"][:4], m["text"]))
    return items


def _matches(query, year, text):
    if query.startswith("Migrations"):
        return bool(_MIGRATION.search(text) and _PROJEKT.search(text))
    if "Preiserhöhung" in query:
        return bool(_PREIS.search(text))
    return year == "2024" and bool(_OFFEN.search(text) and _RECHNUNG.search(text))


def check_searches(world, notes, events):
    """Each search's customers: exactly those with the topic. A customer
    without it whose material would match (or one with it whose material
    would not) is an error in the data, reported here rather than by a
    failing demo."""
    items = _items_by_customer(world, notes, events)
    results = []
    for query, topic in SEARCHES:
        wanted = sorted(c.number for c in world.customers if topic in c.topics)
        found = sorted(n for n, its in items.items()
                       if any(_matches(query, year, text) for year, text in its))
        if found != wanted:
            raise SystemExit("search %r would find %s but should find %s"
                             % (query, found, wanted))
        results.append({"query": query, "customers": wanted})
    return results


def expected(world, documents, notes, events, mails):
    filed = sum(1 for _, customer in mails if customer)
    counts_by = {}
    for d in documents:
        counts_by.setdefault("formats", {}).setdefault(d["format"], 0)
        counts_by["formats"][d["format"]] += 1
        counts_by.setdefault("types", {}).setdefault(d["type"], 0)
        counts_by["types"][d["type"]] += 1
    return {
        "customers": sum(1 for c in world.customers if not c.prospect),
        "prospects": sum(1 for c in world.customers if c.prospect),
        "contacts": sum(len(c.contacts) for c in world.customers),
        "documents": len(documents),
        "children": sum(s.children for s in world.docs),
        "needs_ocr": sum(1 for s in world.docs if s.fmt == "scan"),
        "notes": len(notes),
        "events_from_manifest": len(events),
        "mail_messages": len(mails),
        "mail_children": sum(len(m.get("attachments", [])) for m, _ in mails),
        "mail_filed": filed,
        "inbox_after_mail": len(mails) - filed,
        "events_from_mail": filed,
        "documents_by_format": dict(sorted(counts_by["formats"].items())),
        "documents_by_type": dict(sorted(counts_by["types"].items())),
        "searches": check_searches(world, notes, events),
    }
