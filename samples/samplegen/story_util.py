"""Helpers the story modules share: filling text templates, and building
the recurring shapes of documents (protocols, contracts, memos, plans)."""
from . import model
from .world import english, german, stamp

LABELS = {
    "de": {"date": "Datum", "place": "Ort", "attendees": "Teilnehmer", "writer": "Protokoll",
           "agenda": "Tagesordnung", "results": "Ergebnisse", "tasks": "Aufgaben",
           "task_cols": ["Nr.", "Aufgabe", "Verantwortlich", "Termin"], "next": "Nächster Termin",
           "issues": "Probleme und Risiken", "decisions": "Entscheidungen", "state": "Stand",
           "between": "zwischen", "and": "und", "client": "Auftraggeber",
           "contractor": "Auftragnehmer", "sign_place": "Leipzig, den {date}",
           "sign": ["für den Auftraggeber", "für den Auftragnehmer"]},
    "en": {"date": "Date", "place": "Location", "attendees": "Attendees", "writer": "Minutes by",
           "agenda": "Agenda", "results": "Results", "tasks": "Action items",
           "task_cols": ["No.", "Action", "Owner", "Due"], "next": "Next meeting",
           "issues": "Issues and risks", "decisions": "Decisions", "state": "Status",
           "between": "between", "and": "and", "client": "the Client",
           "contractor": "the Contractor", "sign_place": "Leipzig, {date}",
           "sign": ["for the Client", "for the Contractor"]},
}


class Vars(dict):
    """Template values; a missing key is an error in the data, so say which."""

    def __missing__(self, key):
        raise KeyError("text template needs {%s}" % key)


def fill(template, values):
    return template.format_map(Vars(values))


def fill_all(node, values):
    """Fills every string in a nested list/dict structure."""
    if isinstance(node, str):
        return fill(node, values)
    if isinstance(node, list):
        return [fill_all(n, values) for n in node]
    if isinstance(node, dict):
        return {k: fill_all(v, values) for k, v in node.items()}
    return node


def short_date(iso_date, lang):
    return german(iso_date) if lang == "de" else english(iso_date)


def base_values(world, c):
    """Values every template of customer `c` may use."""
    main = c.main
    owner = world.user(c.owner)["display_name"]
    return {"company": c.full_name, "short": c.company, "contact": main.name if main else "",
            "contact_first": main.first_name if main else "", "hello": hello(main, c.lang),
            "owner": owner,
            "old_erp": world.firm["old_erp"], "new_erp": world.firm["new_erp"],
            "city": c.data["city"], "firm": world.firm["name"], "number": c.number,
            "workplaces": c.workplaces, "servers": c.servers}


def hello(person, lang):
    """The opening of a business email: 'Hallo Frau Öztürk,' / 'Hi Emily,'."""
    if person is None:
        return "Guten Tag," if lang == "de" else "Hello,"
    if lang == "en":
        return "Hi %s," % person.first_name
    title = {"Herr": "Herr", "Frau": "Frau"}.get(person.salutation, "")
    return "Hallo %s," % " ".join(p for p in (title, person.title, person.last_name) if p)


def at(iso_date, rng, hours=(7, 15)):
    """A UTC time stamp during office hours on that day."""
    return stamp(iso_date, rng.randint(*hours), rng.choice([0, 5, 10, 15, 20, 30, 40, 45, 50]))


def protocol(title, author, date, lang, place, attendees, sections, tasks=None,
             next_meeting=None):
    """A meeting protocol. `sections` are (label key or heading, list of
    strings, 'bullets'|'paras'); `tasks` are (task, owner, due iso date)."""
    L = LABELS[lang]
    doc = model.Doc(title, author, date, lang, subject=title)
    doc.add(model.Heading(title, 1),
            model.KeyValues([(L["date"], short_date(date, lang)), (L["place"], place),
                             (L["attendees"], ", ".join(attendees)), (L["writer"], author)]))
    for heading, items, style in sections:
        doc.add(model.Heading(L.get(heading, heading), 2))
        if style == "bullets":
            doc.add(model.Bullets(items))
        else:
            doc.add(*[model.Para(i) for i in items])
    if tasks:
        doc.add(model.Heading(L["tasks"], 2),
                model.Table(L["task_cols"], [[str(i + 1), t, o, short_date(d, lang)]
                                             for i, (t, o, d) in enumerate(tasks)],
                            [0.07, 0.55, 0.22, 0.16], "llll"))
    if next_meeting:
        doc.add(model.Para("%s: %s" % (L["next"], next_meeting), "bold"))
    return doc


def contract(world, c, title, author, date, sections, intro=None):
    """A contract between the customer and the firm, with signature lines."""
    lang = c.lang
    L = LABELS[lang]
    firm = world.firm
    doc = model.Doc(title, author, date, lang, subject=c.full_name)
    doc.add(model.Heading(title, 1),
            model.Para(L["between"]),
            model.Para("%s, %s, %s %s – %s –" % (c.full_name, c.data["street"],
                                                 c.data["postal_code"], c.data["city"],
                                                 L["client"])),
            model.Para(L["and"]),
            model.Para("%s, %s, %s – %s –" % (firm["name"], firm["street"], firm["city_line"],
                                              L["contractor"])))
    if intro:
        doc.add(model.Para(intro))
    for heading, text in sections:
        doc.add(model.Heading(heading, 2))
        for paragraph in text.split("\n"):
            doc.add(model.Para(paragraph))
    place = L["sign_place"].format(date=short_date(date, lang))
    main = c.main
    doc.add(model.Para(""), model.Table(
        [place, place],
        [["\n\n______________________________", "\n\n______________________________"],
         ["%s\n%s" % (L["sign"][0], main.name if main else c.full_name),
          "%s\n%s" % (L["sign"][1], world.firm["managing_director"])]],
        [0.5, 0.5], "ll"))
    return doc


def memo(title, author, date, text, lang="de"):
    doc = model.Doc(title, author, date, lang)
    doc.add(model.Heading(title, 1))
    for paragraph in text.split("\n\n"):
        doc.add(model.Para(paragraph))
    return doc
