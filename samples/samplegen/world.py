"""The sample firm's world: customers, and everything the story adds to
their files (documents to render, notes, history events, mailbox messages).

Story modules (story_*.py) call World.doc/note/event/mail; nothing is
rendered until every document exists, because offer, invoice and delivery
numbers are handed out afterwards in date order (RE-2024-0001, ...), and
texts that cite them format DocSpec objects, which print as their number.
"""
import datetime
import json
import os
import random

COUNTRIES = {
    "DE": ("Deutschland", "Germany"), "AT": ("Österreich", "Austria"),
    "CH": ("Schweiz", "Switzerland"), "GB": ("Vereinigtes Königreich", "United Kingdom"),
    "IE": ("Irland", "Ireland"),
}
MONTHS_DE = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
             "September", "Oktober", "November", "Dezember"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December"]


# --- dates ------------------------------------------------------------------

def day(iso):
    return datetime.date.fromisoformat(iso)


def iso(date):
    return date.isoformat()


def workday(iso_date, offset_days=0):
    """The date `offset_days` later, moved off weekends to the next Monday."""
    d = day(iso_date) + datetime.timedelta(days=offset_days)
    while d.weekday() >= 5:
        d += datetime.timedelta(days=1)
    return iso(d)


def german(iso_date):
    d = day(iso_date)
    return "%02d.%02d.%04d" % (d.day, d.month, d.year)


def german_long(iso_date):
    d = day(iso_date)
    return "%d. %s %d" % (d.day, MONTHS_DE[d.month - 1], d.year)


def english(iso_date):
    d = day(iso_date)
    return "%d %s %d" % (d.day, MONTHS_EN[d.month - 1], d.year)


def stamp(iso_date, hour, minute):
    """A UTC timestamp; hours are given in UTC (German office hours 7-16 UTC)."""
    return "%sT%02d:%02d:00Z" % (iso_date, hour, minute)


def money(value, lang="de"):
    """1234.5 -> '1.234,50 €' (German) or '€1,234.50' (English)."""
    text = "{:,.2f}".format(value)
    if lang == "en":
        return "€" + text
    return text.replace(",", " ").replace(".", ",").replace(" ", ".") + " €"


# --- people -----------------------------------------------------------------

class Person:
    def __init__(self, data):
        self.salutation = data.get("salutation", "")
        self.title = data.get("title", "")
        self.first_name = data.get("first_name", "")
        self.last_name = data.get("last_name", "")
        self.role = data.get("role", "")
        self.department = data.get("department", "")
        self.email = data.get("email", "")
        self.phone = data.get("phone", "")
        self.mobile = data.get("mobile", "")
        self.birthday = data.get("birthday", "")
        self.note = data.get("note", "")

    @property
    def name(self):
        return " ".join(p for p in (self.title, self.first_name, self.last_name) if p)

    def address_line(self, lang):
        """'Herrn Thomas Weber' / 'Ms Emily Hughes'."""
        if lang == "en":
            return " ".join(p for p in ({"Herr": "Mr", "Frau": "Ms"}.get(self.salutation, ""),
                                        self.first_name, self.last_name) if p)
        prefix = {"Herr": "Herrn", "Frau": "Frau"}.get(self.salutation, "")
        return " ".join(p for p in (prefix, self.name) if p)

    def greeting(self, lang):
        """The salutation of a letter, with its comma."""
        if lang == "en":
            return "Dear %s %s," % ({"Herr": "Mr", "Frau": "Ms"}.get(self.salutation, ""),
                                    self.last_name)
        if self.salutation == "Herr":
            return "Sehr geehrter Herr %s," % " ".join(p for p in (self.title, self.last_name) if p)
        if self.salutation == "Frau":
            return "Sehr geehrte Frau %s," % " ".join(p for p in (self.title, self.last_name) if p)
        return "Sehr geehrte Damen und Herren,"

    def mailbox(self):
        """'Thomas Weber <t.weber@...>' for mail headers."""
        return "%s %s <%s>" % (self.first_name, self.last_name, self.email)


class Customer:
    def __init__(self, data):
        self.data = data
        self.number = data["number"]
        self.kind = data["kind"]
        self.company = data["company"]
        self.legal_form = data.get("legal_form", "")
        self.lang = data.get("lang", "de")
        self.country = data["country"]
        self.since = data["since"]
        self.owner = data["owner"]
        self.topics = data.get("topics", [])
        self.workplaces = data.get("workplaces", 1)
        self.servers = data.get("servers", 0)
        self.contacts = [Person(c) for c in data.get("contacts", [])]
        self.person = Person(data) if data.get("last_name") else None
        self.rng = random.Random(int(self.number) * 7919)  # stable per customer

    @property
    def full_name(self):
        return " ".join(p for p in (self.company, self.legal_form) if p)

    @property
    def maintained(self):
        return self.data["fields"].get("Wartungsvertrag") == "ja"

    @property
    def prospect(self):
        return self.kind == "Interessent"

    @property
    def main(self):
        """The person letters go to: the owner of a sole trader's business,
        else the first contact."""
        return self.person or (self.contacts[0] if self.contacts else None)

    def contact(self, index):
        return self.contacts[min(index, len(self.contacts) - 1)] if self.contacts else self.person

    def address(self, person=None, lang=None):
        lang = lang or self.lang
        lines = [self.full_name]
        person = person or self.main
        if person and person is not self.person:
            lines.append(("Attn: " if lang == "en" else "z. Hd. ") + person.address_line(lang))
        elif person:
            lines.append(person.address_line(lang))
        lines.append(self.data["street"])
        if self.country in ("GB", "IE"):
            lines.append("%s %s" % (self.data["city"], self.data["postal_code"]))
        else:
            lines.append("%s %s" % (self.data["postal_code"], self.data["city"]))
        if self.country != "DE":
            lines.append(COUNTRIES[self.country][1 if lang == "en" else 0])
        return lines

    @property
    def eu_foreign(self):
        return self.country in ("AT", "IE")

    @property
    def non_eu(self):
        return self.country in ("CH", "GB")


# --- what the story produces ------------------------------------------------

class DocSpec:
    """A document to be rendered: where it goes, what it is, and how to build it.

    `build(world, spec)` returns the content for `fmt` (see render.py). `title`
    and `name` may be callables of the spec, for documents named after their
    number.
    """

    def __init__(self, customer, doc_type, date, by, fmt, title, build, prefix="", name=None,
                 **params):
        self.customer = customer
        self.doc_type = doc_type
        self.date = date
        self.by = by
        self.fmt = fmt
        self._title = title
        self._name = name
        self.build = build
        self.prefix = prefix
        self.number = ""
        self.params = params
        self.children = 0  # attachments or bundle members akte will extract

    def __format__(self, spec):
        return self.number

    @property
    def title(self):
        return self._title(self) if callable(self._title) else self._title

    @property
    def name(self):
        name = self._name(self) if callable(self._name) else self._name
        return name or self.title


class World:
    def __init__(self, data_dir):
        def load(name):
            with open(os.path.join(data_dir, name), encoding="utf-8") as f:
                return json.load(f)
        self.firm = load("firm.json")
        self.customers = [Customer(c) for c in load("customers.json")]
        self.by_number = {c.number: c for c in self.customers}
        self.users = {u["username"]: u for u in self.firm["users"]}
        self.texts = {}
        for name in sorted(os.listdir(os.path.join(data_dir, "texts"))):
            if name.endswith(".json"):
                self.texts[name[:-5]] = load(os.path.join("texts", name))
        self.docs, self.notes, self.events, self.mails = [], [], [], []

    def user(self, username):
        return self.users[username]

    def text(self, path, lang="de"):
        """A text block by 'file.key.key' path, in the customer's language."""
        file, *keys = path.split(".")
        node = self.texts[file][lang]
        for key in keys:
            node = node[key]
        return node

    def doc(self, customer, doc_type, date, by, fmt, title, build, **kw):
        spec = DocSpec(customer, doc_type, date, by, fmt, title, build, **kw)
        self.docs.append(spec)
        return spec

    def note(self, customer, by, at, template, **values):
        self.notes.append({"customer": customer, "by": by, "at": at, "text": template,
                           "values": values})

    def event(self, customer, by, type_, at, subject, template="", **values):
        self.events.append({"customer": customer, "by": by, "type": type_, "at": at,
                            "subject": subject, "text": template, "values": values})

    def mail(self, message):
        self.mails.append(message)

    def assign_numbers(self, seed=4711):
        """Numbers per prefix and year in date order, with gaps as in a firm
        whose other customers are not in the sample."""
        rng = random.Random(seed)
        numbered = sorted((s for s in self.docs if s.prefix),
                          key=lambda s: (s.prefix, s.date, s.customer.number, s.doc_type))
        counters = {}
        for spec in numbered:
            key = (spec.prefix, spec.date[:4])
            counters[key] = counters.get(key, 0) + rng.randint(1, 3)
            spec.number = "%s-%s-%04d" % (spec.prefix, spec.date[:4], counters[key])
