"""Turns DocSpecs into files: picks the writer for each format, names the
file 'documents/<customer>/<date> <name>.<ext>', and renders attachments of
emails and members of bundles the same way."""
import os

from . import mail, model, ooxml, odf, pdf, scan, textformats
from .zipwrite import ZipBuilder, zip_time

EXTENSIONS = {"pdf": "pdf", "scan": "pdf", "docx": "docx", "odt": "odt", "xlsx": "xlsx",
              "ods": "ods", "eml": "eml", "zip": "zip", "txt": "txt", "txt1252": "txt",
              "rtf": "rtf", "html": "html", "csv": "csv"}
MIME = {"pdf": "application/pdf", "scan": "application/pdf",
        "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "odt": "application/vnd.oasis.opendocument.text",
        "ods": "application/vnd.oasis.opendocument.spreadsheet",
        "txt": "text/plain", "txt1252": "text/plain", "rtf": "application/rtf",
        "html": "text/html", "csv": "text/csv", "zip": "application/zip"}


# How the manifest names the formats that share an extension with another.
_FORMAT_LABELS = {"txt1252": "txt (Windows-1252)", "scan": "pdf (scan, no text layer)"}


def to_bytes(world, fmt, content, date):
    """Bytes of `content` (the shape each format expects) in format `fmt`."""
    firm = world.firm
    if fmt == "pdf":
        return pdf.render_doc(content, firm)
    if fmt == "docx":
        return ooxml.render_docx(content, firm)
    if fmt == "odt":
        return odf.render_odt(content, firm)
    if fmt == "xlsx":
        return ooxml.render_xlsx(content)
    if fmt == "ods":
        return odf.render_ods(content, firm)
    if fmt == "txt":
        if isinstance(content, str):  # text that goes into the file as it is
            return content.encode("utf-8")
        return textformats.render_txt(content)
    if fmt == "txt1252":
        return textformats.render_txt(content, "cp1252")
    if fmt == "rtf":
        return textformats.render_rtf(content, firm)
    if fmt == "html":
        return textformats.render_html(*content)
    if fmt == "csv":
        return textformats.render_csv(content)
    if fmt == "scan":
        return scan.render_scan(**content)
    if fmt == "eml":
        message = dict(content)
        message["attachments"] = [(name, MIME[f], to_bytes(world, f, c, date))
                                  for name, f, c in content.get("attachments", [])]
        return mail.build_eml(message)
    if fmt == "zip":
        z = ZipBuilder(zip_time(date, 16, 30))
        for name, f, c in content:
            z.add(name, to_bytes(world, f, c, date))
        return z.bytes()
    raise ValueError("unknown format " + fmt)


def children_of(fmt, content):
    if fmt == "eml":
        return len(content.get("attachments", []))
    if fmt == "zip":
        return len(content)
    return 0


def plain_of(fmt, content):
    """The words a search would find in `content`, for the checks in stories.py."""
    if fmt == "scan":
        return ""  # an image: no text layer
    if isinstance(content, str):
        return content
    if isinstance(content, model.Doc):
        return model.plain_text(content)
    if isinstance(content, model.Workbook):
        return "\n".join(" ".join(str(model.cell_value(x)) for x in row if x is not None)
                         for sheet in content.sheets for row in [[sheet.name]] + sheet.rows)
    if fmt == "eml":
        parts = [content["subject"], content["body"]]
        return "\n".join(parts + [plain_of(f, c) for _, f, c in content.get("attachments", [])])
    if fmt == "zip":
        return "\n".join(plain_of(f, c) for _, f, c in content)
    if fmt == "html":
        title, sections = content
        return "\n".join([title] + [h + "\n" + "\n".join(ps) for h, ps in sections])
    if fmt == "csv":
        return "\n".join(" ".join(map(str, row)) for row in content)
    raise ValueError("no plain text for " + fmt)


def safe_name(name):
    return name.replace("/", "-").replace(":", " -").replace("\\", "-").strip()


def render_documents(world, out_dir):
    """Writes every document; returns the manifest entries in file order."""
    entries, used = [], set()
    specs = sorted(world.docs, key=lambda s: (s.customer.number, s.date, s.doc_type, s.title))
    for spec in specs:
        content = spec.build(world, spec)
        data = to_bytes(world, spec.fmt, content, spec.date)
        spec.children = children_of(spec.fmt, content)
        spec.text = spec.title + "\n" + plain_of(spec.fmt, content)
        base = "documents/%s/%s %s" % (spec.customer.number, spec.date, safe_name(spec.name))
        path, n = base + "." + EXTENSIONS[spec.fmt], 2
        while path in used:
            path, n = "%s (%d).%s" % (base, n, EXTENSIONS[spec.fmt]), n + 1
        used.add(path)
        full = os.path.join(out_dir, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "wb") as f:
            f.write(data)
        entries.append({"customer": spec.customer.number, "path": path, "type": spec.doc_type,
                        "date": spec.date, "title": spec.title, "by": spec.by,
                        "format": _FORMAT_LABELS.get(spec.fmt, spec.fmt)})
        spec.path = path
    return entries
