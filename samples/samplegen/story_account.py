"""Everyday account management: maintenance contracts and their yearly
invoices, hardware sales, the price adjustment of 2025, payment reminders,
and the small history of every customer (credit checks, meetings, calls,
notes)."""
import datetime

from . import business, model, story_sales as sales
from .business import letter, signature
from .story_util import at, base_values, contract, fill, fill_all, memo, protocol
from .world import MONTHS_DE, MONTHS_EN, day, german, iso, money, workday

_CONTRACT_FORMATS = ["pdf", "docx", "odt"]
_FIRST_FILED_YEAR = 2024
_REPORT_FORMATS = ["docx", "odt", "pdf"]


def _first_of_next_month(iso_date, days=14):
    d = day(iso_date) + datetime.timedelta(days=days)
    return iso(datetime.date(d.year + (d.month == 12), d.month % 12 + 1, 1))


def contract_begin(c):
    return _first_of_next_month(c.since)


# --- maintenance ------------------------------------------------------------

def _wartung_values(world, c, date):
    ap = business.price(world, "wartung_ap", date)
    srv = business.price(world, "wartung_server", date)
    monthly = c.workplaces * ap + c.servers * srv
    lang = c.lang
    T = world.text("wartung", lang)
    v = dict(base_values(world, c), street=c.data["street"], city=c.data["city"],
             ap_price=money(ap, lang), monthly=money(monthly, lang))
    v["server_text"] = fill(T["server_text"], v) if c.servers else ""
    v["server_price"] = fill(T["server_price"], dict(v, server_price=money(srv, lang))) \
        if c.servers else ""
    return v


def _wartung_invoice(world, c, date, first_month, year):
    lang = c.lang
    T = world.text("wartung", lang)
    months = MONTHS_DE if lang == "de" else MONTHS_EN
    period = "%s–%s %d" % (months[first_month - 1], months[11], year)
    n = 13 - first_month
    ap_text = ("Wartungspauschale %d Arbeitsplätze, %s" if lang == "de"
               else "Maintenance fee, %d workstations, %s") % (c.workplaces, period)
    items = [{"text": ap_text, "qty": n, "unit": "Monat" if lang == "de" else "month",
              "price": round(c.workplaces * business.price(world, "wartung_ap", date), 2)}]
    if c.servers:
        srv_text = ("Wartungspauschale %d Server, %s" if lang == "de"
                    else "Maintenance fee, %d servers, %s") % (c.servers, period)
        items.append({"text": srv_text, "qty": n, "unit": "Monat" if lang == "de" else "month",
                      "price": round(c.servers * business.price(world, "wartung_server", date),
                                     2)})
    if c.workplaces >= 15:
        items.append({"key": "backup", "qty": n * max(1, c.workplaces // 10)})
    intro = fill(T["invoice_intro"], {"period": period})
    return sales.invoice(world, c, date, "lena", fill(T["invoice_subject"], {"year": year}),
                         items, period=period, intro=intro)


def wartung(world, c, index):
    lang = c.lang
    T = world.text("wartung", lang)
    begin = contract_begin(c)
    end = c.data["fields"]["Vertragsende"]
    fmt = _CONTRACT_FORMATS[index % 3]
    world.doc(c, "Vertrag", workday(begin, -10), "jana", fmt, lambda s: T["contract_title"],
              lambda wd, s: contract(wd, c, T["contract_title"], "Jana Schreiber", s.date,
                                     fill_all(T["contract"], dict(
                                         _wartung_values(wd, c, s.date),
                                         begin=german(begin), end=end)),
                                     T["contract_intro"]))
    # Invoices before 2024 live in the old filing system, not in akte.
    c.wartung_invoices = {}
    b = day(begin)
    if b.year >= _FIRST_FILED_YEAR:
        c.wartung_invoices[b.year] = _wartung_invoice(world, c, begin, b.month, b.year)
    last_year = min(2026, int(end[-4:]))
    for year in range(max(b.year + 1, _FIRST_FILED_YEAR), last_year + 1):
        date = workday("%d-01-08" % year)
        c.wartung_invoices[year] = _wartung_invoice(world, c, date, 1, year)
    if lang == "de" and index % 2 == 0:
        _report(world, c, T, index)
    for k, event in enumerate(_pick(c, T["service_events"], 1)):
        date = workday("2025-%02d-%02d" % (2 + 4 * k + c.rng.randint(0, 2), c.rng.randint(1, 27)))
        if date > begin:
            world.event(c.number, "tobias", event["type"], at(date, c.rng), event["subject"],
                        event["text"])


def _pick(c, items, count):
    start = int(c.number) % len(items)
    return [items[(start + 3 * i) % len(items)] for i in range(count)]


def _report(world, c, T, index):
    quarter = 1 + index % 4
    date = workday("2025-%02d-10" % (3 * quarter - 1))
    v = dict(base_values(world, c), quarter="Q%d" % quarter, year=2025,
             disk=55 + int(c.number) % 30)
    R = fill_all(T["report"], v)
    title = fill(T["report_title"], v)
    world.doc(c, "Protokoll", date, "tobias", _REPORT_FORMATS[index % 3], lambda s: title,
              lambda wd, s: protocol(title, "Tobias Brandt", s.date, "de",
                                     "bei %s, %s" % (c.company, c.data["city"]),
                                     [c.main.name, "Tobias Brandt"],
                                     [("Durchgeführte Arbeiten", R["done"], "bullets"),
                                      ("Feststellungen", R["findings"], "bullets")],
                                     next_meeting=R["next"]))


# --- price adjustment 2025 --------------------------------------------------

def _rate_table(world, lang, cols):
    rows = []
    for key in ("techniker", "berater", "entwicklung", "wartung_ap", "wartung_server"):
        s = world.firm["services"][key]
        rows.append([s[lang], money(s["price"], lang),
                     money(business.price(world, key, "2025-01-01"), lang)])
    return model.Table(cols, rows, [0.56, 0.22, 0.22], "lrr")


def price_letter(world, c, index):
    lang = c.lang
    T = world.text("price", lang)
    change = world.firm["price_change"]
    date = workday(change["letter_date"], index % 4)
    old = _wartung_values(world, c, "2024-12-31")
    new = _wartung_values(world, c, "2025-01-01")
    v = dict(old, monthly_old=old["monthly"], monthly_new=new["monthly"])
    # Mostly PDF; some written in Word or LibreOffice, one in WordPad.
    fmt = ["pdf", "docx", "pdf", "odt"][index % 4]
    if c.number in world.text("price.rtf_for"):
        fmt = "rtf"

    def build(wd, s):
        doc = letter(wd, s, T["letter_title"], [])
        paragraphs = [fill(p, v) for p in T["letter"]]
        doc.add(model.Para(paragraphs[0]), model.Para(paragraphs[1]),
                _rate_table(wd, lang, T["table_cols"]),
                *[model.Para(p) for p in paragraphs[2:]], signature(wd, "jana", lang))
        return doc

    world.doc(c, "Brief", date, "jana", fmt, lambda s: T["letter_title"], build)
    world.event(c.number, "jana", "Mailing", at(date, c.rng), T["mailing_subject"],
                fill(T["mailing_text"], {"percent": str(change["percent"]).replace(".", ",")
                                         if lang == "de" else change["percent"]}))
    discussed = T.get("discussed", {}).get(c.number)
    if discussed:
        for when, type_, by, subject, text in discussed["events"]:
            world.event(c.number, by, type_, at(when, c.rng), subject, text)
        for when, by, text in discussed["notes"]:
            world.note(c.number, by, at(when, c.rng), text)
        if "memo" in discussed:
            title = discussed["memo"].split("\n")[0]
            world.doc(c, "Memo", discussed["events"][0][0], "jana", "docx", lambda s: title,
                      lambda wd, s: memo(title, "Jana Schreiber", s.date,
                                         discussed["memo"].split("\n\n", 1)[1]))


# --- hardware ---------------------------------------------------------------

def _hardware_subject(world, c, items):
    subjects = world.text("hardware.subject", c.lang)
    main = next((k for k, _ in items if k in subjects), items[0][0])
    return main, subjects.get(main, "Hardware")


def hardware(world, c):
    lang = c.lang
    H = world.text("hardware", lang)
    c.hardware_invoices = []
    for n, entry in enumerate(c.data.get("hardware", [])):
        items = entry["items"]
        main, subject = _hardware_subject(world, c, items)
        start = entry["date"]
        turn = int(c.number) + n  # varies formats and history between purchases
        net = sales.service_net(world, c, [tuple(i) for i in items], start)
        if net > 5000:  # an internal sheet, so in German whatever the customer's language
            german_subject = world.text("hardware.subject")[main]
            world.doc(c, "Kalkulation", workday(start, -2), "tobias", ["xlsx", "ods"][turn % 2],
                      lambda s, subject=german_subject: "Kalkulation " + subject,
                      lambda wd, s, items=items, subject=german_subject: _hardware_calc(
                          wd, c, items, subject, s.date))
        offer = sales.offer(world, c, start, "tobias", subject, items,
                            intro=H["intro"].get(main), fmt="docx" if turn % 3 == 1 else "pdf")
        v = dict(base_values(world, c), subject=subject, subject_lower=subject)
        if c.prospect:
            for offset, type_, subj, text in world.text("general.prospect.hardware_events"):
                world.event(c.number, c.owner, type_, at(workday(start, offset), c.rng),
                            fill(subj, v), fill(text, v))
            continue
        order = offer
        if net > 2500 and lang == "de" and turn % 2:
            _order_mail(world, c, workday(start, 6), offer, subject)
        if net > 4000:
            order = sales.order(world, c, workday(start, 7), "lena", subject, offer,
                                workday(start, 16), fmt=["pdf", "docx", "odt"][turn % 3])
        sales.delivery(world, c, workday(start, 16), "tobias", subject, order, items)
        invoice = sales.invoice(world, c, workday(start, 23), "lena", subject, items,
                                offer_spec=offer, time_sheet=0)
        c.hardware_invoices.append(invoice)
        if turn % 2 == 0:
            events = H["events"]
            offset, type_, subj, text = events[turn % len(events)]
            world.event(c.number, "tobias", type_, at(workday(start, offset), c.rng),
                        fill(subj, v), fill(text, v))
        else:
            note = H["notes"][turn % len(H["notes"])]
            world.note(c.number, "tobias", at(workday(start, 17), c.rng), fill(note, v))


def _hardware_calc(world, c, items, subject, date):
    """Purchase prices, margin and sale prices of a hardware offer."""
    services = world.firm["services"]
    rows = [["Artikel", "Menge", "EK netto", "Aufschlag", "VK netto", "Summe VK"]]
    for i, (key, qty) in enumerate(items):
        sale = business.price(world, key, date)
        labour = key in ("techniker", "berater", "entwicklung", "anfahrt")
        cost = round(sale / (1.0 if labour else 1.18), 2)
        r = i + 2
        rows.append([services[key]["de"], qty, model.Cell(cost),
                     model.Cell(0.0 if labour else 0.18, "pct"),
                     model.Cell(model.Formula("ROUND(C%d*(1+D%d),2)" % (r, r), sale)),
                     model.Cell(model.Formula("B%d*E%d" % (r, r), sale * qty))])
    n = len(items) + 1
    total = sum(business.price(world, k, date) * q for k, q in items)
    rows.append(["Summe", "", "", "", "", model.Cell(model.Formula("SUM(F2:F%d)" % n, total),
                                                     bold=True)])
    sheet = model.Sheet("Kalkulation", rows, [48, 8, 12, 10, 12, 14], bold_rows=[0, n])
    return model.Workbook("Kalkulation %s %s" % (subject, c.company), "Tobias Brandt", date,
                          [sheet])


def _order_mail(world, c, date, offer, subject):
    """The customer orders by email and sends back the signed offer."""
    person = c.main

    def build(wd, s):
        signed = business.build_offer(wd, offer)
        signed.add(model.Para("Auftrag erteilt: %s, %s, %s" % (
            c.data["city"], german(s.date), person.name), "bold"))
        return {"from": person.mailbox(), "to": "Tobias Brandt <tobias.brandt@schreiber-it.de>",
                "subject": "Auftrag %s – %s" % (subject, offer.number), "at": at(s.date, c.rng),
                "id": "%s.order.%s@%s" % (s.date, c.number, person.email.split("@")[1]),
                "body": "Guten Tag Herr Brandt,\n\nhiermit beauftragen wir Sie gemäß Ihrem "
                        "Angebot %s. Das unterschriebene Angebot finden Sie im Anhang.\n\n"
                        "Bitte stimmen Sie den Liefertermin mit uns ab.\n\nMit freundlichen "
                        "Grüßen\n%s\n%s" % (offer.number, person.name, c.full_name),
                "attachments": [("Angebot %s unterschrieben.pdf" % offer.number, "pdf", signed)]}

    world.doc(c, "E-Mail", date, "tobias", "eml",
              lambda s: "Auftrag %s – %s" % (subject, offer.number), build)


# --- billing: open and late invoices ----------------------------------------

def _invoice_ref(world, c, ref):
    kind, _, arg = ref.partition(":")
    if kind == "hardware":
        return c.hardware_invoices[int(arg)]
    if kind == "wartung":
        return c.wartung_invoices[int(arg)]
    B = world.text("billing.service_invoice")
    date = "2024-03-18"
    return sales.invoice(world, c, date, "lena", B["subject"], B["items"], time_sheet=4.5,
                         topic="service", discount=False)


def billing(world, c):
    B = world.text("billing")
    plan = B["open_2024"].get(c.number) or B["late"].get(c.number)
    if not plan:
        return
    invoice = _invoice_ref(world, c, plan["invoice"])
    first = sales.reminder(world, c, workday(invoice.date, plan["first"]), "lena", invoice, 1)
    if plan.get("second"):
        sales.reminder(world, c, workday(invoice.date, plan["second"]), "lena", invoice, 2,
                       first)
    for offset, type_, by, subject, text in plan.get("events", []):
        world.event(c.number, by, type_, at(workday(invoice.date, offset), c.rng), subject, text,
                    invoice=invoice)
    for offset, by, text in plan.get("notes", []):
        world.note(c.number, by, at(workday(invoice.date, offset), c.rng), text, invoice=invoice)
    if plan.get("mail"):  # the reminder also went out by email
        person = c.contact(0)
        world.doc(c, "E-Mail", first.date, "lena", "eml",
                  lambda s: "Zahlungserinnerung %s" % invoice.number,
                  lambda wd, s: {"from": "Lena Vogt <lena.vogt@schreiber-it.de>",
                                 "to": person.mailbox(),
                                 "subject": fill(B["reminder_mail_subject"], {"invoice": invoice}),
                                 "at": at(s.date, c.rng),
                                 "body": fill(B["reminder_mail_body"], {"invoice": invoice}),
                                 "id": "%s.reminder.%s@schreiber-it.de" % (s.date, c.number),
                                 "attachments": [("Zahlungserinnerung.pdf", "pdf",
                                                  business.build_reminder(wd, first))]})


# --- history of every customer ----------------------------------------------

def general(world, c):
    lang = c.lang
    G = world.text("general", lang)
    klass = c.data["fields"].get("Kundenklasse", "")
    if c.prospect or klass == "A":
        text = G["credit_check"]["texts"][int(c.number) % len(G["credit_check"]["texts"])]
        world.event(c.number, "lena", "Bonitätsprüfung", at(workday(c.since, -3), c.rng),
                    G["credit_check"]["subject"],
                    fill(text, {"index": 150 + int(c.number) * 37 % 140}))
    v = dict(base_values(world, c), branche=c.data["fields"].get("Branche", ""),
             employees=c.data["fields"].get("Mitarbeiterzahl", ""))
    if c.prospect:
        R = G["prospect"]["research"]
        world.event(c.number, c.owner, "Recherche", at(workday(c.since, -2), c.rng),
                    fill(R["subject"], v), fill(R["text"], v))
    elif not c.data.get("hardware") and not set(c.topics) & {"erp", "web", "audit", "delay"}:
        world.event(c.number, c.owner, "Termin", at(c.since, c.rng),
                    G["first_meeting"]["subject"], fill(G["first_meeting"]["text"], v))
    if c.maintained and klass == "A":
        N = world.text("general.newsletter" if lang == "de" else "general.newsletter_en")
        date = world.text("general.newsletter.date")
        world.event(c.number, "lena", "Newsletter", at(date, c.rng, (8, 8)), N["subject"],
                    N["text"])
    notes = world.text("general.customer_notes").get(c.number, [])
    notes += world.text("general.prospect.notes").get(c.number, [])
    for when, by, text in notes:
        world.note(c.number, by, at(when, c.rng), text)
    phone = world.text("general.phone_notes").get(c.number)
    if phone:
        when, by, text = phone
        pv = dict(v, date=german(when))
        title = fill(world.text("general.phone_note_title"), pv)
        world.doc(c, "Memo", when, by, "txt1252", lambda s: title,
                  lambda wd, s: memo(title, wd.user(by)["display_name"], s.date,
                                     fill(text, pv).split("\n\n", 1)[1]))


def inventory(world, c, date):
    """The customer's device list as exported from our inventory tool."""
    G = world.text("general")
    services = world.firm["services"]
    rows = [G["inventory_cols"]]
    rng = c.rng
    kinds = ["pc"] * (c.workplaces - c.workplaces // 3) + ["notebook"] * (c.workplaces // 3)
    for i, kind in enumerate(kinds):
        bought = "%d-%02d-%02d" % (rng.choice([2021, 2022, 2022, 2023]), rng.randint(1, 12),
                                   rng.randint(1, 28))
        rows.append(["INV-%s-%03d" % (c.number, i + 1), services[kind]["de"].split(",")[0],
                     "Raum %d.%02d" % (rng.randint(0, 2), rng.randint(1, 20)),
                     "Arbeitsplatz %d" % (i + 1),
                     "%s%06d" % ("YM" if kind == "pc" else "PF", rng.randint(0, 999999)),
                     german(bought), german("%d%s" % (int(bought[:4]) + 5, bought[4:]))])
    for i in range(c.servers):
        rows.append(["INV-%s-S%02d" % (c.number, i + 1), "Server", "Serverraum", "—",
                     "7H2%06d" % rng.randint(0, 999999), "01.03.2022", "28.02.2027"])
    return rows


def welcome_letter(world, c):
    G = world.text("general")
    date = workday(c.since, 3)

    def build(wd, s):
        doc = letter(wd, s, G["welcome_title"], [])
        doc.add(*[model.Para(p) for p in G["welcome"]], signature(wd, "lena", "de"))
        return doc

    world.doc(c, "Brief", date, "lena", "rtf", lambda s: G["welcome_title"], build)


def prospect(world, c):
    """Offers and follow-ups for prospects who asked about maintenance."""
    P = world.text("general.prospect")
    v = base_values(world, c)
    start = workday(c.since, 7)
    months = 12
    items = [{"text": "Wartungspauschale %d Arbeitsplätze je Monat" % c.workplaces,
              "qty": months, "unit": "Monat",
              "price": round(c.workplaces * business.price(world, "wartung_ap", start), 2)}]
    if c.servers:
        items.append({"text": "Wartungspauschale %d Server je Monat" % c.servers, "qty": months,
                      "unit": "Monat",
                      "price": round(c.servers * business.price(world, "wartung_server", start),
                                     2)})
    items += [["backup", months * max(1, c.workplaces // 10)], ["techniker", 8]]
    sales.offer(world, c, start, c.owner, P["wartung_subject"], items,
                intro=P["wartung_offer_intro"])
    for offset, type_, subject, text in P["wartung_events"]:
        world.event(c.number, c.owner, type_, at(workday(start, offset), c.rng), subject,
                    fill(text, v))
