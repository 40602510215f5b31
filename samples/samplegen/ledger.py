"""The sample firm's business records, for the figures akte shows (the
Statistik tab, `akte stats`, the account statement): one record for every
offer, order confirmation, delivery note, invoice and payment reminder the
stories wrote, with the sums the papers print; the payments of the
invoices; and two credit notes. Written as the records CSV `akte record
import` reads (German column names, `;`, amounts as 1.234,56).

Payments follow the stories: the reminded invoices are paid the way
billing.json tells (late, in instalments), a few invoices stay open or
partly paid (_ARRANGEMENTS), and every other invoice is paid in full some
days to weeks after its date, as each customer's payment terms suggest.
Nothing is paid after the story's last day. Deterministic: the days come
from generators seeded with the customer and the invoice date.
"""
import csv
import io
import random

from .world import day, workday

_COLUMNS = ["Kundennummer", "Art", "Nummer", "Datum", "Bezug", "Betreff", "Netto", "Steuer",
            "Brutto", "Fällig", "Mahnstufe", "Gebühr"]
_KIND_NAMES = {"offer": "Angebot", "order": "Auftrag", "delivery_note": "Lieferschein",
               "invoice": "Rechnung", "credit_note": "Gutschrift", "dunning": "Mahnung",
               "payment": "Zahlung"}
# Same day: a record before the records that follow it, payments last.
_RANK = {"offer": 0, "order": 1, "delivery_note": 2, "invoice": 3, "credit_note": 4,
         "dunning": 5, "payment": 6}

# Invoices not paid on time and in full, by customer and invoice date: a
# plan for _Ledger.pay_by_plan; an empty list: nothing paid yet.
_ARRANGEMENTS = {
    # The final invoice of the ERP migration: half now, the rest after the
    # acceptance, which is still to come.
    ("10014", "2026-04-21"): [(28, 0.5)],
    # The maintenance fee after the price adjustment: the standing order
    # still pays last year's amount.
    ("10016", "2025-01-08"): [(9, "last year")],
    # The late payer of 2025 is late again.
    ("10019", "2026-01-08"): [],
    ("10031", "2026-01-08"): [],
}

# Credit notes: (customer, invoice date, date, subject, the share of the
# invoice's net credited, or None for the net of the customer's interim
# invoice).
_CREDIT_NOTES = [
    # The final invoice of the website left out the interim invoice: credited.
    ("10004", "2024-03-05", "2024-03-12", "Verrechnung Abschlagsrechnung {partial}", None),
    # The maintenance contract ends on 30 April 2026: May to December credited.
    ("10007", "2026-01-08", "2026-01-19", "Gutschrift Wartung Mai–Dezember 2026 "
     "(Vertragsende 30.04.2026)", 8 / 12),
]


def _cents(value):
    return int(round(value * 100))


def _euro(cents):
    """12345678 -> '123.456,78'."""
    return "{:,}".format(cents // 100).replace(",", ".") + ",%02d" % (cents % 100)


class _Ledger:
    def __init__(self, world):
        self.world = world
        self.lines = []  # (date, rank, number, row)
        self.owed = {}  # invoice spec -> cents still owed
        self.end = max([s.date for s in world.docs] + [e["at"][:10] for e in world.events])
        self.payments = 0
        self.paid_cents = 0
        self.counts = {}  # records by kind
        self.credit_notes = {}  # numbered per year

    def add(self, c, kind, number, date, previous, subject, amounts=("", "", ""), due="",
            level="", fee=""):
        row = [c.number, _KIND_NAMES[kind], number, date, previous, subject] + list(amounts) + [
            due, str(level) if level else "", fee]
        self.lines.append((date, _RANK[kind], number, row))
        self.counts[kind] = self.counts.get(kind, 0) + 1

    def add_priced(self, c, kind, number, date, previous, subject, sums, due=""):
        """A record with the net, tax and gross of `sums` (euros)."""
        net, tax, gross = (_cents(sums[k]) for k in ("net", "tax", "gross"))
        if net + tax != gross:
            raise SystemExit("ledger.py: %s %s: net plus tax is not gross" % (kind, number))
        self.add(c, kind, number, date, previous, subject, (_euro(net), _euro(tax), _euro(gross)),
                 due)
        return gross

    def record(self, spec):
        r = spec.record
        previous = r["follows"].number if r["follows"] else ""
        kind = r["kind"]
        if kind == "dunning":
            # Numbered by akte after its invoice ("RE-2024-0060/M1").
            self.add(spec.customer, kind, "", spec.date, previous, r["subject"],
                     level=spec.params["level"], fee=_euro(_cents(spec.fee)) if spec.fee else "")
        elif kind == "delivery_note":
            self.add(spec.customer, kind, spec.number, spec.date, previous, r["subject"])
        else:
            gross = self.add_priced(spec.customer, kind, spec.number, spec.date, previous,
                                    r["subject"], spec.sums,
                                    spec.params["due"] if kind == "invoice" else "")
            if kind == "invoice":
                self.owed[spec] = gross

    def credit(self, invoice, date, subject, share):
        net = invoice.sums["net"]
        if share is None:  # the interim invoice the final one should have deducted
            partial = next(s for s in self.invoices(invoice.customer)
                           if s.params.get("kind") == "partial")
            net, subject = partial.sums["net"], subject.format(partial=partial.number)
        else:
            net = round(net * share, 2)
        tax = round(net * self.world.firm["vat_rate"], 2) if invoice.sums["tax"] else 0.0
        sums = {"net": net, "tax": tax, "gross": round(net + tax, 2)}
        year = date[:4]
        self.credit_notes[year] = self.credit_notes.get(year, 0) + 1
        number = "GS-%s-%04d" % (year, self.credit_notes[year])
        self.owed[invoice] -= self.add_priced(invoice.customer, "credit_note", number, date,
                                              invoice.number, subject, sums)

    def pay(self, invoice, date, cents, note):
        if date > self.end or cents <= 0:
            return
        cents = min(cents, self.owed[invoice])
        self.owed[invoice] -= cents
        self.add(invoice.customer, "payment", "", date, invoice.number, note,
                 ("", "", _euro(cents)))
        self.payments += 1
        self.paid_cents += cents

    def invoices(self, c):
        return [s for s in self.owed if s.customer is c]

    def pay_by_plan(self, invoice, plan, last_year=None):
        """Pays what `invoice` owes by `plan`: [days after the invoice date,
        share] each, the share a fraction of what was owed, None for the
        rest, a string for an amount in euros ("5482.73"), or "last year"
        for the gross of `last_year`."""
        owed = self.owed[invoice]
        for i, (days, share) in enumerate(plan):
            if share is None:
                cents = self.owed[invoice]
            elif share == "last year":
                cents = _cents(last_year.sums["gross"])
            elif isinstance(share, str):  # euros
                cents = _cents(float(share))
            else:
                cents = _cents(owed / 100 * share)
            note = ("Rate %d von %d" % (i + 1, len(plan)) if len(plan) > 1
                    else "Überweisung" if self.owed[invoice] == cents else "Teilzahlung")
            self.pay(invoice, workday(invoice.date, days), cents, note)

    def pay_on_time(self, invoice):
        """Paid in full: within the Skonto days where there are some, else
        mostly before the due date, now and then a few days after it."""
        rng = random.Random("%s %s payment" % (invoice.customer.number, invoice.date))
        terms = (invoice.customer.data.get("conditions") or {}).get("payment_terms", "")
        term = (day(invoice.params["due"]) - day(invoice.date)).days
        days = rng.randint(5, 9) if "Skonto" in terms else rng.randint(term // 3, term + 6)
        self.pay(invoice, workday(invoice.date, days), self.owed[invoice], "Überweisung")


def _reminded(world):
    """The invoices of the billing stories and how they were paid."""
    billing = world.text("billing")
    plans = {}
    for group in ("open_2024", "late"):
        for number, plan in billing[group].items():
            plans[number] = plan["paid"]
    out = {}
    for spec in world.docs:
        record = getattr(spec, "record", None)
        if record and record["kind"] == "dunning":
            out[record["follows"]] = plans[spec.customer.number]
    return out


def build(world):
    """The ledger of every record-bearing document in world.docs, which
    must be rendered already (the builders leave the sums on the specs)."""
    ledger = _Ledger(world)
    specs = sorted((s for s in world.docs if getattr(s, "record", None)),
                   key=lambda s: (s.customer.number, s.date, _RANK[s.record["kind"]], s.title))
    for spec in specs:
        ledger.record(spec)
    by_key = {}
    for s in ledger.owed:
        by_key.setdefault((s.customer.number, s.date), []).append(s)
    for key in list(_ARRANGEMENTS) + [n[:2] for n in _CREDIT_NOTES]:
        if len(by_key.get(key, [])) != 1:
            raise SystemExit("ledger.py: customer %s has no single invoice dated %s" % key)
    for number, invoice_date, date, subject, share in _CREDIT_NOTES:
        ledger.credit(by_key[(number, invoice_date)][0], date, subject, share)
    reminded = _reminded(world)
    for invoice in sorted(ledger.owed, key=lambda s: (s.customer.number, s.date)):
        c = invoice.customer
        if invoice in reminded:
            ledger.pay_by_plan(invoice, reminded[invoice])
        elif (c.number, invoice.date) in _ARRANGEMENTS:
            previous = c.wartung_invoices.get(int(invoice.date[:4]) - 1) \
                if hasattr(c, "wartung_invoices") else None
            ledger.pay_by_plan(invoice, _ARRANGEMENTS[(c.number, invoice.date)], previous)
        else:
            ledger.pay_on_time(invoice)
    return ledger


def records_csv(ledger):
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(_COLUMNS)
    for _, _, _, row in sorted(ledger.lines, key=lambda line: line[:3] + (line[3][0],)):
        writer.writerow(row)
    return out.getvalue().encode("utf-8")


def expected(ledger):
    """What akte should count after loading the records."""
    counts = {k: v for k, v in sorted(ledger.counts.items()) if k != "payment"}
    return {"records": sum(counts.values()), "records_by_kind": counts,
            "payments": ledger.payments, "payments_cents": ledger.paid_cents,
            "open_cents": sum(ledger.owed.values())}
