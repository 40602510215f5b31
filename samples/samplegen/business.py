"""Offers, order confirmations, delivery notes, invoices and payment
reminders: letters with position tables whose sums add up, in German or
English, built as model.Doc for any of the writers.

Each build_* function takes the DocSpec; its params name the positions
(`items`: [service key, quantity] or dicts) and related documents (the
offer an invoice refers to, ...).
"""
import random

from . import model
from .world import english, german, money, workday

# Services whose price rose with the price adjustment of 1 January 2025.
_ADJUSTED = {"berater", "techniker", "entwicklung", "wartung_ap", "wartung_server"}


def _rng(spec):
    """Randomness that depends only on the document, not on build order."""
    return random.Random("%s %s %s %s" % (spec.customer.number, spec.date, spec.doc_type,
                                          spec.fmt))


def price(world, key, date):
    base = world.firm["services"][key]["price"]
    change = world.firm["price_change"]
    if key in _ADJUSTED and date >= change["date"]:
        return round(base * (1 + change["percent"] / 100) + 1e-9, 1)
    return base


def _qty(value, lang):
    text = ("%g" % value)
    return text.replace(".", ",") if lang == "de" else text


def _fmt_date(iso_date, lang):
    return german(iso_date) if lang == "de" else english(iso_date)


def lines(world, spec, items=None):
    """The priced positions of `items` at the document's date."""
    lang = spec.customer.lang
    out = []
    for item in items if items is not None else spec.params["items"]:
        if isinstance(item, list):
            item = {"key": item[0], "qty": item[1]}
        service = world.firm["services"].get(item.get("key"), {})
        unit_price = item.get("price", price(world, item["key"], spec.date) if service else 0)
        out.append({
            "text": item.get("text") or service[lang],
            "qty": item["qty"],
            "unit": item.get("unit") or service.get("unit" if lang == "de" else "unit_en", ""),
            "price": unit_price,
            "total": round(unit_price * item["qty"], 2),
        })
    return out


def totals(world, spec, positions, less=0.0, less_label=""):
    """Table rows of the sums; returns (rows, sums), sums being the net the
    tax is computed on, the tax and the gross as the rows print them."""
    c = spec.customer
    lang = c.lang
    t = world.text("business.table", lang)
    net = round(sum(p["total"] for p in positions), 2)
    rows = [["", t["net"], "", "", "", money(net, lang)]]
    conditions = c.data.get("conditions") or {}
    discount = conditions.get("discount", 0.0) if spec.params.get("discount", True) else 0.0
    if discount:
        amount = round(net * discount / 100, 2)
        rows.append(["", t["discount"].format(percent=_qty(discount, lang) + " %"), "", "", "",
                     "-" + money(amount, lang)])
        net = round(net - amount, 2)
    if less:
        rows.append(["", less_label, "", "", "", "-" + money(less, lang)])
        net = round(net - less, 2)
    if c.country == "DE":
        vat = round(net * world.firm["vat_rate"], 2)
        if discount or less:
            rows.append(["", t["net_after"], "", "", "", money(net, lang)])
        rows.append(["", t["vat"].format(percent="19 %"), "", "", "", money(vat, lang)])
    else:
        vat = 0.0
        rows.append(["", t["no_vat"], "", "", "", money(0, lang)])
    gross = round(net + vat, 2)
    rows.append(["", t["gross"], "", "", "", money(gross, lang)])
    return rows, {"net": net, "tax": vat, "gross": gross}


def position_table(world, spec, positions, total_rows):
    lang = spec.customer.lang
    t = world.text("business.table", lang)
    rows = [[str(i + 1), p["text"], _qty(p["qty"], lang), p["unit"], money(p["price"], lang),
             money(p["total"], lang)] for i, p in enumerate(positions)]
    return model.Table([t["pos"], t["item"], t["qty"], t["unit"], t["price"], t["total"]],
                       rows + total_rows, [0.06, 0.44, 0.08, 0.12, 0.15, 0.15], "llrlrr",
                       bold_last=1)


def letter(world, spec, title, refs, person=None):
    """A letter to the customer with the firm's reference block."""
    c = spec.customer
    lang = c.lang
    r = world.text("business.refs", lang)
    user = world.user(spec.by)
    references = refs + [(r["date"], _fmt_date(spec.date, lang)), (r["customer"], c.number),
                         (r["contact"], user["display_name"]), (r["phone"], user["phone"]),
                         (r["email"], user["email"])]
    person = person or c.main
    doc = model.Doc(title, user["display_name"], spec.date, lang,
                    subject=c.full_name, letter=model.Letter(c.address(person), references))
    doc.add(model.Heading(title, 2), model.Para(person.greeting(lang)))
    return doc


def signature(world, username, lang):
    user = world.user(username)
    closing = world.text("business.closing", lang)
    position = user["position"] if lang == "de" else user["position_en"]
    return model.Para("%s\n\n%s\n%s\n%s" % (closing, user["display_name"], position,
                                            world.firm["name"]))


def _terms(c):
    conditions = c.data.get("conditions") or {}
    if c.lang == "en":
        payment = conditions.get("payment_terms", "30 Tage netto").replace(
            "Tage netto", "days net").replace("Tage", "days")
        delivery = conditions.get("delivery_terms", "frei Haus")
        return payment, "free delivery" if delivery == "frei Haus" else delivery
    return (conditions.get("payment_terms", "14 Tage netto"),
            conditions.get("delivery_terms", "frei Haus"))


def _tax_note(world, c):
    notes = world.text("business.tax_note", c.lang)
    if c.eu_foreign:
        return model.Para(notes["eu"].format(vat_id=c.data.get("vat_id", "siehe Stammdaten"
                                                               if c.lang == "de" else "on file")),
                          "small")
    if c.non_eu:
        return model.Para(notes["non_eu"], "small")
    return None


def build_offer(world, spec):
    c, lang = spec.customer, spec.customer.lang
    t = world.text("business.offer", lang)
    title = t["title"].format(number=spec.number)
    doc = letter(world, spec, title, [(world.text("business.refs", lang)["offer"], spec.number)])
    doc.add(model.Para(spec.params.get("intro") or _rng(spec).choice(t["intro"])))
    positions = lines(world, spec)
    rows, spec.sums = totals(world, spec, positions)
    doc.add(position_table(world, spec, positions, rows))
    payment, delivery = _terms(c)
    valid = workday(spec.date, 30)
    doc.add(model.Para(t["terms"].format(valid_until=_fmt_date(valid, lang),
                                         payment_terms=payment, delivery_terms=delivery)))
    services = world.firm["services"]
    if any(isinstance(i, list) and services[i[0]]["unit"] == "Stk."
           for i in spec.params["items"]):
        doc.add(model.Para(t["hardware_note"]))
    note = _tax_note(world, c)
    if note:
        doc.add(note)
    scope = spec.params.get("scope")
    if scope:
        doc.add(model.PageBreak(), model.Heading(t["scope_heading"], 1))
        for heading, paragraphs in scope:
            doc.add(model.Heading(heading, 2), *[model.Para(p) for p in paragraphs])
    doc.add(model.Para(_rng(spec).choice(t["outro"])), signature(world, spec.by, lang))
    return doc


def build_order(world, spec):
    c, lang = spec.customer, spec.customer.lang
    t = world.text("business.order", lang)
    offer = spec.params["offer"]
    title = t["title"].format(number=spec.number)
    r = world.text("business.refs", lang)
    doc = letter(world, spec, title, [(r["order"], spec.number), (r["offer"], offer.number)])
    doc.add(model.Para(t["intro"].format(order_date=_fmt_date(workday(spec.date, -2), lang),
                                         offer=offer.number)))
    positions = lines(world, offer)
    rows, spec.sums = totals(world, offer, positions)
    doc.add(position_table(world, spec, positions, rows))
    payment, delivery = _terms(c)
    doc.add(model.Para(t["delivery"].format(
        delivery_date=_fmt_date(spec.params["delivery_date"], lang), payment_terms=payment,
        delivery_terms=delivery)), model.Para(t["outro"]), signature(world, spec.by, lang))
    return doc


def _serials(rng, key, qty):
    prefix = {"notebook": "PF4", "pc": "YM0", "workstation": "DP3", "monitor": "CN0",
              "server": "7H2", "nas": "22B", "switch": "SW2", "ap": "U6P", "usv": "AS1",
              "scanner": "22T", "kasse": "KS1", "firewall": "X11"}.get(key)
    if not prefix:
        return ""
    return ", ".join("%s%s" % (prefix, "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789")
                                              for _ in range(6))) for _ in range(int(qty)))


def build_delivery(world, spec):
    c, lang = spec.customer, spec.customer.lang
    t = world.text("business.delivery", lang)
    tt = world.text("business.table", lang)
    order = spec.params["order"]
    title = t["title"].format(number=spec.number)
    r = world.text("business.refs", lang)
    doc = letter(world, spec, title, [(r["delivery"], spec.number), (r["order"], order.number)])
    doc.add(model.Para(t["intro"].format(order=order.number)))
    rows, rng = [], _rng(spec)
    for i, item in enumerate(spec.params["items"]):
        key, qty = item
        service = world.firm["services"][key]
        unit = service["unit" if lang == "de" else "unit_en"]
        rows.append([str(i + 1), service[lang], _qty(qty, lang), unit, _serials(rng, key, qty)])
    doc.add(model.Table([tt["pos"], tt["item"], tt["qty"], tt["unit"], tt["serials"]], rows,
                        [0.06, 0.4, 0.08, 0.12, 0.34], "llrll"))
    doc.add(model.Para(t["note"], "small"), model.Para(""), model.Para(t["receipt"], "bold"),
            model.Para("\n\n______________________________________________"),
            model.Para(t["sign"], "small"))
    return doc


def time_sheet(world, spec, hours, topic):
    """Rows of a time sheet adding up to `hours`, on workdays before the date."""
    c, lang = spec.customer, spec.customer.lang
    activities = world.text("business.activities", lang)[topic]
    staff = [world.user(u)["display_name"] for u in ("tobias", "tobias", "jana", "lena")]
    rng = _rng(spec)
    rows, left, when = [], hours, workday(spec.date, -7 * int(max(1, hours // 8) + 1))
    i = 0
    while left > 0:
        chunk = min(left, rng.choice([1.5, 2, 3, 4, 6, 8]))
        rows.append([_fmt_date(when, lang), staff[i % 3 if topic != "erp" else i % 4],
                     activities[i % len(activities)], _qty(chunk, lang)])
        left = round(left - chunk, 2)
        when = workday(when, rng.choice([1, 1, 2, 3]))
        i += 1
    return rows


def build_invoice(world, spec):
    c, lang = spec.customer, spec.customer.lang
    t = world.text("business.invoice", lang)
    r = world.text("business.refs", lang)
    kind = spec.params.get("kind", "")  # "", "partial" or "final"
    title = t["title" + ("_" + kind if kind else "")].format(number=spec.number)
    refs = [(r["invoice"], spec.number)]
    offer = spec.params.get("offer")
    if offer:
        refs.append((r["your_order"], offer.number))
    if spec.params.get("period"):
        refs.append((r["period"], spec.params["period"]))
    doc = letter(world, spec, title, refs)
    percent = "30 %"
    intro = {"": t["intro"], "partial": t["intro_partial"], "final": t["intro_final"]}[kind]
    doc.add(model.Para(spec.params.get("intro") or intro.format(
        offer=offer.number if offer else "", percent=percent)))
    positions = lines(world, spec)
    less, label = 0.0, ""
    if kind == "final":
        partial = spec.params["partial"]
        less = partial.params["net_amount"]
        label = t["less_partial"].format(partial=partial.number)
    rows, spec.sums = totals(world, spec, positions, less, label)
    gross = spec.params["gross"] = spec.sums["gross"]
    spec.params["net_amount"] = round(sum(p["total"] for p in positions), 2)
    doc.add(position_table(world, spec, positions, rows))
    due_days = 30 if "30" in (c.data.get("conditions") or {}).get("payment_terms", "14") else 14
    spec.params["due"] = workday(spec.date, due_days)
    doc.add(model.Para(t["payment"].format(gross=money(gross, lang),
                                           due=_fmt_date(spec.params["due"], lang),
                                           bank=world.firm["bank"], iban=world.firm["iban"],
                                           bic=world.firm["bic"])))
    if "Skonto" in (c.data.get("conditions") or {}).get("payment_terms", "") and t["skonto"]:
        doc.add(model.Para(t["skonto"].format(skonto_date=german(workday(spec.date, 10)))))
    note = _tax_note(world, c)
    if note:
        doc.add(note)
    doc.add(model.Para(t["thanks"]), signature(world, spec.by, lang))
    hours = spec.params.get("time_sheet")
    if hours:
        doc.add(model.PageBreak(), model.Heading(t["annex"], 2),
                model.Table(t["annex_cols"], time_sheet(world, spec, hours, spec.params["topic"]),
                            [0.16, 0.2, 0.52, 0.12], "lllr"))
    return doc


def invoice_gross(world, spec):
    """The invoice's total, computed the way build_invoice prints it."""
    if "gross" not in spec.params:
        build_invoice(world, spec)
    return spec.params["gross"]


def build_reminder(world, spec):
    c = spec.customer
    t = world.text("business.reminder", "de")
    level = spec.params["level"]
    invoice = spec.params["invoice"]
    gross = invoice_gross(world, invoice)
    title = t["title_%d" % level]
    doc = letter(world, spec, "%s zu %s" % (title, invoice.number),
                 [(world.text("business.refs.invoice"), invoice.number)])
    doc.add(model.Para(t["intro_%d" % level].format(
        due=german(invoice.params["due"]),
        first_reminder=german(spec.params.get("first_date") or spec.date))))
    doc.add(model.Table(t["cols"], [[invoice.number, german(invoice.date),
                                     german(invoice.params["due"]), money(gross), money(gross)]],
                        [0.2, 0.2, 0.2, 0.2, 0.2], "lllrr"))
    new_due = german(workday(spec.date, 10))
    ask = t["ask_%d" % level]
    spec.fee = t["fee"] if "{fee}" in ask else 0.0  # charged only where the letter says so
    doc.add(model.Para(ask.format(open=money(gross), new_due=new_due, fee=money(t["fee"]))))
    doc.add(signature(world, spec.by, "de"))
    return doc
