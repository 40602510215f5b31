"""The ERP migration: five customers replace their old merchandise
management system with the new ERP, each file phrasing the project its own
way ('Migrationsprojekt', 'Umstellung der Warenwirtschaft', 'ERP-Migration',
'Migration auf das neue ERP-System', 'migration project')."""
import math

from . import business, model, story_sales as sales
from .story_util import at, base_values, contract, fill, fill_all, memo, protocol, short_date
from .world import workday


def _values(world, c, e):
    v = base_values(world, c)
    v.update({"erp_name": e["name"], "erp_the": e["the"], "erp_of": e["of"], "erp_in": e["in"],
              "erp_title": e["title"], "users": e["users"],
              "golive": short_date(e["golive"], c.lang), "start": short_date(e["start"], c.lang)})
    return v


def _phase_hours(T, users):
    scale = 8 + users * 0.9
    return [(name, role, round(share * scale)) for name, role, share in T["calc_phases"]]


def _calculation(world, c, e, T, v, date):
    lang = c.lang
    de = lang == "de"
    phases = _phase_hours(T, e["users"])
    services = world.firm["services"]
    rows = [["Phase" if de else "Phase", "Rolle" if de else "Role",
             "Stunden" if de else "Hours", "Satz" if de else "Rate", "Betrag" if de else "Amount"]]
    for i, (name, role, hours) in enumerate(phases):
        rate = services[role]["price"]
        r = i + 2
        rows.append([name, "Berater" if role == "berater" else "Techniker", hours,
                     model.Cell(rate), model.Cell(model.Formula("C%d*D%d" % (r, r), hours * rate))])
    last = len(phases) + 1
    total_hours = sum(h for _, _, h in phases)
    total = sum(h * services[r]["price"] for _, r, h in phases)
    rows.append(["Summe" if de else "Total", "", model.Formula("SUM(C2:C%d)" % last, total_hours),
                 "", model.Cell(model.Formula("SUM(E2:E%d)" % last, total), bold=True)])
    effort = model.Sheet("Aufwand" if de else "Effort", rows, [38, 12, 10, 12, 14],
                         bold_rows=[0, len(rows) - 1])
    days = math.ceil(e["users"] / 6)
    lic = [("erp_lizenz", e["users"]), ("erp_pflege", e["users"]), ("schulung", days)]
    lrows = [["Position", "Menge" if de else "Qty", "Preis" if de else "Price",
              "Betrag" if de else "Amount"]]
    for i, (key, qty) in enumerate(lic):
        p = services[key]["price"]
        lrows.append([services[key][lang], qty, model.Cell(p),
                      model.Cell(model.Formula("B%d*C%d" % (i + 2, i + 2), qty * p))])
    lic_total = sum(services[k]["price"] * q for k, q in lic)
    lrows.append(["Summe" if de else "Total", "", "",
                  model.Cell(model.Formula("SUM(D2:D4)", lic_total), bold=True)])
    licences = model.Sheet("Lizenzen" if de else "Licences", lrows, [50, 8, 12, 14],
                           bold_rows=[0, 4])
    risk = round(total * 0.1, 2)
    internal = total_hours * 62.0
    srows = [["Kalkulation" if de else "Calculation", fill("{erp_title}", v)],
             ["Kunde" if de else "Customer", c.full_name],
             ["Dienstleistungen" if de else "Services", model.Cell(total)],
             ["Lizenzen, Pflege, Schulung" if de else "Licences, maintenance, training",
              model.Cell(lic_total)],
             ["Risikozuschlag 10 % auf Dienstleistungen" if de else "Contingency 10 % on services",
              model.Cell(model.Formula("B3*0.1", risk))],
             ["Summe netto" if de else "Total net",
              model.Cell(model.Formula("SUM(B3:B5)", total + lic_total + risk), bold=True)],
             ["Interne Kosten (62 €/Std.)" if de else "Internal cost (62 €/h)",
              model.Cell(internal)],
             ["Rohertrag Dienstleistungen" if de else "Gross margin on services",
              model.Cell(model.Formula("B3+B5-B7", total + risk - internal))],
             ["Marge" if de else "Margin",
              model.Cell(model.Formula("B8/(B3+B5)", (total + risk - internal) / (total + risk)),
                         "pct")]]
    summary = model.Sheet("Zusammenfassung" if de else "Summary", srows, [42, 40], bold_rows=[5])
    title = ("Kalkulation " if de else "Calculation ") + fill("{erp_title}", v)
    return model.Workbook(title, world.user("jana")["display_name"], date,
                          [summary, effort, licences], lang)


def _plan(world, c, T, v, kickoff, fmt):
    lang = c.lang
    de = lang == "de"
    head = ["Phase", "Beginn" if de else "Start", "Ende" if de else "End",
            "Wochen" if de else "Weeks", "Verantwortlich" if de else "Owner"]
    rows = []
    for name, start, weeks in T["plan_phases"]:
        begin = workday(kickoff, 7 * start)
        end = workday(kickoff, 7 * (start + weeks) - 3)
        owner = v["contact"] if "Test" in name else v["owner"]
        rows.append([name, short_date(begin, lang), short_date(end, lang), weeks, owner])
    title = fill(T["plan_title"], v)
    if fmt == "xlsx":
        return model.Workbook(title, "Tobias Brandt", kickoff,
                              [model.Sheet("Projektplan" if de else "Plan", [head] + rows,
                                           [36, 12, 12, 8, 22], bold_rows=[0])], lang)
    doc = model.Doc(title, "Tobias Brandt", kickoff, lang)
    doc.add(model.Heading(title, 1), model.Para(fill("{company}", v)),
            model.Table(head, [[str(x) for x in r] for r in rows],
                        [0.36, 0.14, 0.14, 0.1, 0.26], "lllrl"))
    return doc


def _protocol(world, c, T, v, key, date, with_state):
    lang = c.lang
    P = fill_all(T[key], v)
    attendees = [p.name for p in c.contacts[:2]] + [v["owner"], "Tobias Brandt"]
    attendees = list(dict.fromkeys(attendees))
    place = ("bei %s, %s" if lang == "de" else "%s, %s") % (c.company, c.data["city"])
    if with_state:
        sections = [("state", [P["state"]], "paras"), ("issues", P["issues"], "bullets"),
                    ("decisions", P["decisions"], "bullets")]
    else:
        sections = [("agenda", P["agenda"], "bullets"), ("results", P["results"], "bullets")]
    tasks = [(t, o, workday(date, d)) for t, o, d in P["tasks"]]
    nxt = short_date(workday(date, 14), lang) + (", 9:00 Uhr" if lang == "de" else ", 9:00")
    return protocol(fill(T[key + "_title"], v), "Tobias Brandt", date, lang, place, attendees,
                    sections, tasks, nxt)


def story(world, c):
    e = c.data["erp"]
    lang = c.lang
    T = world.text("erp", lang)
    v = _values(world, c, e)
    start, golive = e["start"], e["golive"]
    phases = _phase_hours(T, e["users"])
    # Priced at the offer's date: the final invoice keeps the quoted rates.
    service_items = [{"key": role, "qty": hours, "text": name,
                      "price": business.price(world, role, start)} for name, role, hours in phases]
    days = math.ceil(e["users"] / 6)
    licence_items = [["erp_lizenz", e["users"]], ["erp_pflege", e["users"]], ["schulung", days]]
    subject = e["name"] if lang == "de" else "ERP migration"

    world.doc(c, "Kalkulation", workday(start, -4), "jana", e["calc"],
              lambda s: ("Kalkulation " if lang == "de" else "Calculation ") + e["title"],
              lambda w, s: _calculation(w, c, e, T, v, s.date))
    offer = sales.offer(world, c, start, "jana", subject, service_items + licence_items,
                        scope=fill_all(T["scope"], v), intro=fill(T["offer_intro"], v))
    if e["contract"]:
        world.doc(c, "Vertrag", workday(start, 14), "jana", e["contract"],
                  lambda s: fill(T["contract_title"], v),
                  lambda w, s: contract(w, c, fill(T["contract_title"], v), "Jana Schreiber",
                                        s.date, [(h, fill(t, dict(v, offer=offer.number)))
                                                 for h, t in T["contract"]]))
    sales.order(world, c, workday(start, 21), "lena", subject, offer, golive)
    kickoff = workday(start, 35)
    world.doc(c, "Protokoll", kickoff, "tobias", e["kickoff"],
              lambda s: fill(T["kickoff_title"], v),
              lambda w, s: _protocol(w, c, T, v, "kickoff", s.date, False))
    services_net = sales.service_net(world, c, [(i["key"], i["qty"]) for i in service_items],
                                     start)
    partial = sales.invoice(world, c, workday(start, 40), "lena", subject,
                            [{"text": T["invoice_partial_item"], "qty": 1,
                              "unit": "pauschal" if lang == "de" else "flat",
                              "price": round(services_net * 0.3, 2)}],
                            offer_spec=offer, kind="partial", discount=False)
    partial.params["net_amount"] = round(services_net * 0.3, 2)
    fmt = e["plan"]  # of the project plan sent by email
    plan_name = ("Projektplan" if lang == "de" else "Project plan") + "." + (
        "xlsx" if fmt == "xlsx" else fmt)
    person = c.main
    mail_date = workday(start, 50)
    world.doc(c, "E-Mail", mail_date, "tobias", "eml", lambda s: fill(T["mail_subject"], v),
              lambda w, s: {
                  "from": "Tobias Brandt <tobias.brandt@schreiber-it.de>",
                  "to": person.mailbox(), "subject": fill(T["mail_subject"], v),
                  "at": at(s.date, c.rng), "id": "%s.erp-plan.%s@schreiber-it.de" % (
                      s.date.replace("-", ""), c.number),
                  "body": fill(T["mail_body"], v),
                  "attachments": [(plan_name, fmt, _plan(w, c, T, v, kickoff, fmt))]})
    world.doc(c, "Memo", workday(start, 80), "tobias", e["memo"],
              lambda s: fill(T["memo_title"], v),
              lambda w, s: memo(fill(T["memo_title"], v), "Tobias Brandt", s.date,
                                fill(T["memo"], v), lang))
    world.doc(c, "Protokoll", workday(golive, -45), "tobias", e["status"],
              lambda s: fill(T["status_title"], v),
              lambda w, s: _protocol(w, c, T, v, "status", s.date, True))
    extra = {"key": "techniker", "qty": 6, "text": T["invoice_extra"]}
    hours = sum(i["qty"] for i in service_items) + 6
    sales.invoice(world, c, workday(golive, 14), "lena", subject,
                  service_items + licence_items + [extra], offer_spec=offer, kind="final",
                  partial=partial, time_sheet=hours, topic="erp")

    for item in T["events"]:
        base = golive if item.get("from") == "golive" else start
        date = workday(base, item["offset"])
        world.event(c.number, item["by"], item["type"], at(date, c.rng), fill(item["subject"], v),
                    fill(item["text"], v))
    for item in T["notes"]:
        base = golive if item.get("from") == "golive" else start
        world.note(c.number, item["by"], at(workday(base, item["offset"]), c.rng),
                   fill(item["text"], v))
