"""The plain formats: text notes (UTF-8, or Windows-1252 with CRLF as old
Windows editors save them), RTF letters, an HTML page and CSV exports."""
import csv
import io
from xml.sax.saxutils import escape

from . import model


def render_txt(doc, encoding="utf-8"):
    text = model.plain_text(doc)
    if encoding == "cp1252":
        # Notepad before Windows 10 1903: ANSI code page, CRLF line ends.
        return text.replace("\n", "\r\n").encode("cp1252")
    return text.encode("utf-8")


def _rtf_escape(text):
    out = []
    for ch in text:
        if ch in "\\{}":
            out.append("\\" + ch)
        elif ord(ch) < 128:
            out.append(ch)
        else:
            try:
                out.append("\\'%02x" % ch.encode("cp1252")[0])
            except UnicodeEncodeError:
                out.append("\\u%d?" % ord(ch))
    return "".join(out)


def render_rtf(doc, firm):
    """A letter as RTF, the way WordPad saves one."""
    lines = ["{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fswiss Arial;}}",
             "{\\info{\\title %s}{\\author %s}}" % (_rtf_escape(doc.title),
                                                 _rtf_escape(doc.author)),
             "\\paperw11906\\paperh16838\\margl1417\\margr1134\\f0\\fs22",
             "\\qr\\b %s\\b0\\par\\ql\\par" % _rtf_escape(firm["name"])]
    for line in model.plain_text(doc).split("\n"):
        line = _rtf_escape(line)
        lines.append(("\\b %s\\b0\\par" if line == _rtf_escape(doc.title) else "%s\\par") % line)
    lines.append("}")
    return ("\r\n".join(lines) + "\r\n").encode("ascii")


def render_html(title, sections, lang="de"):
    """A simple page: sections are (heading, [paragraphs])."""
    parts = ['<!DOCTYPE html>', '<html lang="%s">' % lang, "<head>", '<meta charset="utf-8">',
             "<title>%s</title>" % escape(title), "</head>", "<body>",
             "<h1>%s</h1>" % escape(title)]
    for heading, paragraphs in sections:
        parts.append("<h2>%s</h2>" % escape(heading))
        parts += ["<p>%s</p>" % escape(p) for p in paragraphs]
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts).encode("utf-8")


def render_csv(rows, delimiter=";"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    for row in rows:
        writer.writerow(row)
    return buffer.getvalue().encode("utf-8")
