"""The customer list as CSV (German headers, custom fields by label, the
way akte's importer reads exports of other programs) and the contact
persons as vCard 3.0 with ORG naming the customer's company."""
import csv
import io

_COLUMNS = ["Kundennummer", "Art", "Firma", "Rechtsform", "Anrede", "Vorname", "Nachname",
            "Straße", "PLZ", "Ort", "Land", "E-Mail", "Telefon", "Mobil", "Internet",
            "Geburtstag", "Anmerkungen"]
_KEYS = ["number", "kind", "company", "legal_form", "salutation", "first_name", "last_name",
         "street", "postal_code", "city", "country", "email", "phone", "mobile", "website",
         "birthday", "remarks"]


def customers_csv(customers, fields):
    labels = [f["label"] for f in fields]
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(_COLUMNS + labels)
    for c in customers:
        writer.writerow([c.data.get(k, "") for k in _KEYS]
                        + [c.data["fields"].get(label, "") for label in labels])
    return out.getvalue().encode("utf-8")


def _escape(value):
    return (value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
            .replace("\n", "\\n"))


def _fold(line):
    """RFC 6350 line folding at 75 octets, never inside a UTF-8 sequence."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    parts, start, limit = [], 0, 75
    while start < len(data):
        end = min(start + limit, len(data))
        while end < len(data) and (data[end] & 0xC0) == 0x80:
            end -= 1
        parts.append(data[start:end].decode("utf-8"))
        start, limit = end, 74  # continuation lines begin with a space
    return "\r\n ".join(parts) + "\r\n"


def contacts_vcf(customers):
    lines = []
    for c in customers:
        for p in c.contacts:
            card = ["BEGIN:VCARD", "VERSION:3.0",
                    "N:%s;%s;;%s;" % (_escape(p.last_name), _escape(p.first_name),
                                      _escape(p.title)),
                    "FN:%s" % _escape(p.name)]
            org = _escape(c.company) + (";" + _escape(p.department) if p.department else "")
            card.append("ORG:" + org)
            if p.role:
                card.append("TITLE:" + _escape(p.role))
            if p.email:
                card.append("EMAIL;TYPE=INTERNET,WORK:" + p.email)
            if p.phone:
                card.append("TEL;TYPE=WORK,VOICE:" + p.phone)
            if p.mobile:
                card.append("TEL;TYPE=CELL:" + p.mobile)
            if p.birthday:
                card.append("BDAY:" + p.birthday)
            if p.note:
                card.append("NOTE:" + _escape(p.note))
            card.append("END:VCARD")
            lines += [_fold(line) for line in card]
    return "".join(lines).encode("utf-8")
