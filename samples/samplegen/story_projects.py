"""Projects besides the ERP migration: website relaunches, data protection
audits, and a delayed delivery (Lieferverzug) at three customers."""
from . import model, story_sales as sales
from .business import letter, signature
from .story_util import at, base_values, contract, fill, fill_all, hello, memo, protocol
from .world import day, german, workday


def _events_and_notes(world, c, T, v, anchors):
    for item in T.get("events", []):
        base = anchors.get(item.get("from", "start"))
        if not base:
            continue
        date = workday(base, item["offset"])
        world.event(c.number, item["by"], item["type"], at(date, c.rng),
                    fill(item["subject"], v), fill(item["text"], v))
    for item in T.get("notes", []):
        base = anchors.get(item.get("from", "start"))
        if base:
            world.note(c.number, item["by"], at(workday(base, item["offset"]), c.rng),
                       fill(item["text"], v))


# --- website relaunch -------------------------------------------------------

def _web_calc(world, c, w, date):
    pages = w["pages"]
    rows = [["Position", "Stunden", "Satz", "Betrag"]]
    parts = [("Konzept und Workshop", 8), ("Gestaltung Entwurf", 12), ("Umsetzung Vorlagen", 16),
             ("Seiten einpflegen (%d Seiten)" % pages, pages * 2), ("Formulare und Datenschutz", 4),
             ("Tests und Korrekturen", 6), ("Einweisung", 2)]
    rate = world.firm["services"]["entwicklung"]["price"]
    for i, (name, hours) in enumerate(parts):
        rows.append([name, hours, model.Cell(rate),
                     model.Cell(model.Formula("B%d*C%d" % (i + 2, i + 2), hours * rate))])
    n = len(parts) + 1
    hours = sum(h for _, h in parts)
    rows.append(["Summe", model.Formula("SUM(B2:B%d)" % n, hours), "",
                 model.Cell(model.Formula("SUM(D2:D%d)" % n, hours * rate), bold=True)])
    rows.append([])
    rows.append(["Hosting je Monat", "", "", model.Cell(19.90)])
    rows.append(["Hosting erstes Jahr", "", "", model.Cell(model.Formula("D%d*12" % (n + 3),
                                                                          19.90 * 12))])
    sheet = model.Sheet("Kalkulation", rows, [34, 10, 10, 14], bold_rows=[0, n])
    return model.Workbook("Kalkulation Website %s" % c.company, "Lena Vogt", date, [sheet])


def _web_items(w):
    hours = 8 + 12 + 16 + w["pages"] * 2 + 4 + 6 + 2
    items = [["berater", 6], {"key": "entwicklung", "qty": hours}]
    if w["full"]:
        items.append(["hosting", 12])
    return items


def web(world, c):
    w = c.data["web"]
    lang = c.lang
    T = world.text("web", lang)
    v = dict(base_values(world, c), website=c.data.get("website", ""), pages=w["pages"])
    start = w["start"]
    offer = sales.offer(world, c, start, "lena" if lang == "de" else "jana", T["subject"],
                        _web_items(w), scope=fill_all(T["scope"], v),
                        intro=fill(T["offer_intro"], v))
    anchors = {"start": start, "launch": w["launch"]}
    if lang == "en":
        world.doc(c, "E-Mail", workday(start, -10), "jana", "eml", lambda s: T["mail_subject"],
                  lambda wd, s: {"from": "Jana Schreiber <jana.schreiber@schreiber-it.de>",
                                 "to": c.main.mailbox(), "subject": T["mail_subject"],
                                 "at": at(s.date, c.rng), "body": fill(T["mail_body"], v),
                                 "id": "%s.web.%s@schreiber-it.de" % (s.date, c.number),
                                 "attachments": [("Website questionnaire.pdf", "pdf",
                                                  _questionnaire(T, s.date))]})
        _events_and_notes(world, c, T, v, anchors)
        return
    if w["full"]:
        _web_full(world, c, w, T, v, offer)
    elif w.get("memo"):
        world.doc(c, "Memo", workday(start, 14), "lena", "txt", lambda s: fill(T["memo_title"], v),
                  lambda wd, s: memo(fill(T["memo_title"], v), "Lena Vogt", s.date,
                                     fill(T["memo"], v)))
        _draft_mail(world, c, T, v, workday(start, 30))
    if w["launch"]:
        if not w["full"]:
            _acceptance(world, c, T, v, w["launch"])
        sales.invoice(world, c, workday(w["launch"], 14), "lena", T["subject"],
                      _web_items(w), offer_spec=offer, time_sheet=0)
    _events_and_notes(world, c, T, v, anchors)


def _questionnaire(T, date):
    doc = model.Doc(T["questionnaire_title"], "Jana Schreiber", date, "en")
    doc.add(model.Heading(T["questionnaire_title"], 1),
            *[model.Para("%d. %s\n\n" % (i + 1, q)) for i, q in enumerate(T["questionnaire"])])
    return doc


def _draft_mail(world, c, T, v, date):
    draft = fill_all(T["draft"], v)

    def draft_doc(d):
        doc = model.Doc(fill(T["draft_title"], v), "Lena Vogt", d)
        doc.add(model.Heading(fill(T["draft_title"], v), 1))
        for heading, paragraphs in draft:
            doc.add(model.Heading(heading, 2), *[model.Para(p) for p in paragraphs])
        return doc

    person = c.contact(1)
    body = fill(T["draft_mail_body"], dict(v, hello=hello(person, "de")))
    world.doc(c, "E-Mail", date, "lena", "eml", lambda s: T["draft_mail_subject"],
              lambda wd, s: {"from": "Lena Vogt <lena.vogt@schreiber-it.de>",
                             "to": person.mailbox(), "subject": T["draft_mail_subject"],
                             "at": at(s.date, c.rng), "body": body,
                             "id": "%s.draft.%s@schreiber-it.de" % (s.date, c.number),
                             "attachments": [("Entwurf Startseite.pdf", "pdf", draft_doc(s.date))]})


def _acceptance(world, c, T, v, date):
    A = fill_all(T["acceptance"], v)
    attendees = [c.main.name, "Lena Vogt"]
    world.doc(c, "Protokoll", date, "lena", "odt", lambda s: T["acceptance_title"],
              lambda wd, s: protocol(T["acceptance_title"], "Lena Vogt", s.date, "de",
                                     "bei %s, %s" % (c.company, c.data["city"]), attendees,
                                     [("results", A["results"], "bullets"),
                                      ("issues", A["issues"], "bullets")]))


def _web_full(world, c, w, T, v, offer):
    """Holzbau Öztürk: the whole project, from calculation to hosting."""
    start = w["start"]
    julia = c.contact(1)
    vj = dict(v, contact=julia.name, contact_first=julia.first_name)
    world.doc(c, "Kalkulation", workday(start, -4), "lena", "ods",
              lambda s: "Kalkulation Website-Relaunch",
              lambda wd, s: _web_calc(wd, c, w, s.date))
    workshop = workday(start, 25)
    W = fill_all(T["workshop"], vj)
    world.doc(c, "Protokoll", workshop, "lena", "docx", lambda s: T["workshop_title"],
              lambda wd, s: protocol(T["workshop_title"], "Lena Vogt", s.date, "de",
                                     "bei %s, %s" % (c.company, c.data["city"]),
                                     [c.main.name, julia.name, "Lena Vogt", "Jana Schreiber"],
                                     [("agenda", W["agenda"], "bullets"),
                                      ("results", W["results"], "bullets")],
                                     [(t, o, workday(s.date, d)) for t, o, d in W["tasks"]]))
    world.doc(c, "Sonstiges", workday(start, 35), "lena", "zip",
              lambda s: "Projektunterlagen Website-Relaunch",
              lambda wd, s: _bundle(wd, c, T, vj, s.date))
    sales.invoice(world, c, workday(start, 45), "lena", "Website-Relaunch",
                  [{"text": "1. Abschlag Website-Relaunch (30 %) gemäß Angebot", "qty": 1,
                    "unit": "pauschal", "price": 1998.00}], offer_spec=offer, kind="partial",
                  discount=False).params["net_amount"] = 1998.00
    _draft_mail(world, c, T, v, workday(start, 70))
    launch = w["launch"]
    A = fill_all(T["acceptance"], vj)
    world.doc(c, "Protokoll", launch, "lena", "odt", lambda s: T["acceptance_title"],
              lambda wd, s: protocol(T["acceptance_title"], "Lena Vogt", s.date, "de",
                                     "bei %s, %s" % (c.company, c.data["city"]),
                                     [c.main.name, julia.name, "Lena Vogt"],
                                     [("results", A["results"], "bullets"),
                                      ("issues", A["issues"], "bullets")]))
    world.doc(c, "Vertrag", workday(launch, 4), "jana", "pdf", lambda s: T["hosting_title"],
              lambda wd, s: contract(wd, c, T["hosting_title"], "Jana Schreiber", s.date,
                                     fill_all(T["hosting"], v)))


def _bundle(world, c, T, v, date):
    """The project folder the customer received as a zip: briefing, site map,
    a draft home page and the image rights list."""
    briefing = memo(fill(T["briefing_title"], v), "Lena Vogt", date, fill(T["briefing"], v))
    sitemap = fill(T["sitemap"], dict(v, date=german(date)))
    html = ("%s – Startseite (Entwurf)" % c.company, fill_all(T["homepage"], v))
    return [("Relaunch/Briefing.odt", "odt", briefing),
            ("Relaunch/Sitemap.txt", "txt", sitemap),
            ("Relaunch/Startseite-Entwurf.html", "html", html),
            ("Relaunch/Bildnachweise.csv", "csv", T["images"])]


# --- data protection audit --------------------------------------------------

def _audit_report(world, c, T, v, date, audit_date):
    R = fill_all(T["report"], v)
    title = fill(T["report_title"], v)
    doc = model.Doc(title, "Jana Schreiber", date, subject="Datenschutz-Audit")
    doc.add(model.Heading(title, 1),
            model.KeyValues([("Auftraggeber", c.full_name), ("Audit vor Ort", german(audit_date)),
                             ("Prüferin", "Jana Schreiber, Tobias Brandt"),
                             ("Berichtsdatum", german(date))]),
            model.Heading("Zusammenfassung", 2), model.Para(R["summary"]),
            model.Heading("Feststellungen", 2),
            model.Table(["Bereich", "Feststellung", "Priorität"], R["findings"],
                        [0.18, 0.66, 0.16], "lll"),
            model.PageBreak(), model.Heading("Bewertung und Empfehlung", 2))
    for area, finding, priority in R["findings"]:
        doc.add(model.Heading(area, 2), model.Para(finding),
                model.Para("Priorität: %s" % priority, "italic"))
    doc.add(model.Para(R["closing"]))
    return doc


def _audit_plan(world, c, T, v, date):
    rows = [T["plan_cols"]]
    for i, (task, prio, hours, owner, days, status) in enumerate(T["plan"]):
        rows.append([i + 1, task, prio, model.Cell(hours, "dec"), fill(owner, v),
                     german(workday(date, days)), status])
    n = len(rows)
    rows.append(["", "Summe Aufwand", "", model.Cell(model.Formula("SUM(D2:D%d)" % n,
                                                                   sum(p[2] for p in T["plan"])),
                                                     "dec", True), "", "", ""])
    sheet = model.Sheet("Maßnahmen", rows, [5, 48, 10, 14, 18, 12, 12], bold_rows=[0])
    return model.Workbook(fill(T["plan_title"], v), "Jana Schreiber", date, [sheet])


def audit(world, c):
    a = c.data["audit"]
    T = world.text("audit", "de")
    person = c.contact(a.get("contact", 0))
    v = dict(base_values(world, c), contact=person.name, laptops=max(4, c.workplaces // 3))
    start = a["start"]
    offer = sales.offer(world, c, start, "jana", T["subject"],
                        [["berater", 14 if c.workplaces < 12 else 20],
                         ["techniker", 6], ["anfahrt", 1]],
                        scope=fill_all(T["scope"], v), intro=fill(T["offer_intro"], v))
    anchors = {"start": start}
    if c.prospect:
        world.doc(c, "Memo", workday(start, -4), "jana", "odt",
                  lambda s: fill(T["prospect_memo_title"], v),
                  lambda wd, s: memo(fill(T["prospect_memo_title"], v), "Jana Schreiber", s.date,
                                     fill(T["prospect_memo"], v)))
        return
    if a["av"]:
        world.doc(c, "Vertrag", workday(start, 14), "jana", a["av"], lambda s: T["av_title"],
                  lambda wd, s: contract(wd, c, T["av_title"], "Jana Schreiber", s.date,
                                         T["av"]))
    audit_date = workday(start, 30)
    report_date = workday(start, 42)
    v["audit_date"] = german(audit_date)
    world.doc(c, "Protokoll", report_date, "jana", a["report"],
              lambda s: fill(T["report_title"], v),
              lambda wd, s: _audit_report(wd, c, T, v, s.date, audit_date))
    plan_date = workday(report_date, 3)
    world.doc(c, "Sonstiges", plan_date, "jana", a["plan"], lambda s: fill(T["plan_title"], v),
              lambda wd, s: _audit_plan(wd, c, T, v, s.date))
    invoice_items = [["berater", 14 if c.workplaces < 12 else 20], ["techniker", 6],
                     ["anfahrt", 1]]
    sales.invoice(world, c, workday(report_date, 10), "lena", T["subject"], invoice_items,
                  offer_spec=offer, time_sheet=20 if c.workplaces < 12 else 26, topic="audit")
    if a.get("mail"):
        world.doc(c, "E-Mail", workday(plan_date, 6), "jana", "eml", lambda s: T["mail_subject"],
                  lambda wd, s: {"from": "Jana Schreiber <jana.schreiber@schreiber-it.de>",
                                 "to": person.mailbox(), "subject": T["mail_subject"],
                                 "at": at(s.date, c.rng), "body": fill(T["mail_body"], v),
                                 "id": "%s.audit.%s@schreiber-it.de" % (s.date, c.number),
                                 "attachments": [("Maßnahmenplan.pdf", "pdf",
                                                  _plan_as_doc(wd, c, T, v, plan_date))]})
    if a["followup"]:
        follow = workday(report_date, 147)  # the date agreed by mail (mailbox.json)
        world.doc(c, "Protokoll", follow, "jana", a["followup"], lambda s: T["followup_title"],
                  lambda wd, s: protocol(T["followup_title"], "Jana Schreiber", s.date, "de",
                                         "bei %s, %s" % (c.company, c.data["city"]),
                                         [c.main.name, person.name, "Jana Schreiber"],
                                         [("results", T["followup"], "bullets")]))
    _events_and_notes(world, c, T, v, anchors)


def _plan_as_doc(world, c, T, v, date):
    book = _audit_plan(world, c, T, v, date)
    sheet = book.sheets[0]
    doc = model.Doc(book.title, "Jana Schreiber", date)
    doc.add(model.Heading(book.title, 1),
            model.Table([str(x) for x in sheet.rows[0]],
                        [[str(model.cell_value(x)) for x in r] for r in sheet.rows[1:-1]],
                        [0.05, 0.37, 0.1, 0.1, 0.16, 0.11, 0.11], "llllrll"))
    return doc


# --- delayed delivery -------------------------------------------------------

def _kind(items):
    return next(k for k, _ in items if k in ("server", "scanner", "kasse"))


def delay(world, c):
    d = c.data["delay"]
    T = world.text("delay", "de")
    kind = _kind(d["items"])
    subject = T["subject"][kind]
    person = c.contact(d.get("contact", 0))
    start = d["start"]
    offer = sales.offer(world, c, start, "tobias", subject, d["items"],
                        intro=T["offer_intro"][kind])
    promised = workday(start, 35)
    order = sales.order(world, c, workday(start, 14), "lena", subject, offer, promised)
    new_date = workday(promised, 7 * d["weeks"])
    v = dict(base_values(world, c), contact=person.name, subject=subject,
             old_date=german(promised), new_date=german(new_date), weeks=d["weeks"],
             item=T["item"][kind], item_short=T["item_short"][kind],
             week=day(new_date).isocalendar()[1])
    letter_date = workday(start, 44)

    def delay_letter(wd, s):
        values = dict(v, order=order.number, bridge=T["bridge"][kind])
        title = fill(T["letter_title"], values)
        doc = letter(wd, s, title, [("Auftragsnr.", order.number)], person)
        doc.add(*[model.Para(fill(p, values)) for p in T["letter"]])
        doc.add(signature(wd, "tobias", "de"))
        return doc

    if d["letter"]:
        world.doc(c, "Brief", letter_date, "tobias", d["letter"],
                  lambda s: fill(T["letter_title"], dict(v, order=order.number)), delay_letter)
    world.doc(c, "E-Mail", workday(letter_date, 1), "tobias", "eml",
              lambda s: fill(T["mail_subject"], v),
              lambda wd, s: {"from": "Tobias Brandt <tobias.brandt@schreiber-it.de>",
                             "to": person.mailbox(), "subject": fill(T["mail_subject"], v),
                             "at": at(s.date, c.rng),
                             "body": fill(T["mail_body"], dict(v, order=order.number)),
                             "id": "%s.delay.%s@schreiber-it.de" % (s.date, c.number),
                             "attachments": [("Mitteilung Lieferverzug.pdf", "pdf",
                                              delay_letter(wd, s))]})
    # The announced date may slip again (the distributor's mail in mailbox.json).
    delivered = workday(promised, 7 * d.get("actual_weeks", d["weeks"]) + 1)
    if d.get("scan"):
        scan_delivery(world, c, delivered, order, d["items"], person)
    else:
        sales.delivery(world, c, delivered, "tobias", subject, order, d["items"])
    if d["install"]:
        I = fill_all(T["install"], v)
        world.doc(c, "Protokoll", workday(delivered, 2), "tobias", d["install"],
                  lambda s: T["install_title"],
                  lambda wd, s: protocol(T["install_title"], "Tobias Brandt", s.date, "de",
                                         "Niederlassung Leipzig", [person.name, "Tobias Brandt"],
                                         [("results", I, "bullets")]))
    sales.invoice(world, c, workday(delivered, 7), "lena", subject, d["items"],
                  offer_spec=offer, time_sheet=0)
    _events_and_notes(world, c, T, v, {"start": start, "delivered": delivered})


def scan_delivery(world, c, date, order, items, person):
    """The signed delivery note as it came back: scanned, no text layer."""

    def lines(wd, s):
        services = wd.firm["services"]
        rows = [("SCHREIBER IT-SERVICE GMBH", 3), ("KARL-LIEBKNECHT-STRASSE 112, 04275 LEIPZIG", 2),
                ("---", 1), ("LIEFERSCHEIN %s" % s.number, 4), ("", 1),
                ("KUNDE: %s, %s" % (c.full_name, c.data["street"]), 2),
                ("KUNDENNR. %s    AUFTRAG %s    DATUM %s"
                 % (c.number, order.number, german(s.date)), 2),
                ("---", 1)]
        for i, (key, qty) in enumerate(items):
            if key in ("techniker",):
                continue
            rows.append(("%d.  %3d X  %s" % (i + 1, qty, services[key]["de"][:52]), 2))
        rows += [("---", 1), ("", 1), ("WARE VOLLSTÄNDIG UND UNBESCHÄDIGT ERHALTEN:", 2), ("", 1),
                 ("LEIPZIG, %s    %s" % (german(s.date), person.name.upper()), 3),
                 ("______________________________", 3),
                 ("DATUM, NAME, UNTERSCHRIFT", 2)]
        return {"lines": rows, "title": "Scan", "author": "Kopierer Empfang",
                "date": s.date, "seed": int(c.number)}

    spec = world.doc(c, "Lieferschein", date, "lena", "scan",
                     lambda s: "Lieferschein %s unterschrieben (Scan)" % s.number, lines,
                     prefix="LS")
    sales.record(spec, "delivery_note", order.record["subject"], sales.order_of(order))
