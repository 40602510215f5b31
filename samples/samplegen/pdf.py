"""A small PDF writer: the base-14 Helvetica fonts with WinAnsiEncoding (so
umlauts, ß and € come out of pdftotext/Poppler as they went in), Flate
content streams, an information dictionary, and a fixed file ID.

PdfFile assembles objects; render_doc lays a model.Doc out on A4 pages with
the firm's letterhead and footer.
"""
import hashlib
import unicodedata
import zlib

from . import model

A4 = (595.28, 841.89)
LEFT, RIGHT = 68.0, 527.0
TOP, BOTTOM = 770.0, 100.0

# Advance widths (1/1000 em) of Helvetica and Helvetica-Bold for printable
# ASCII, from Adobe's AFM files; other characters use their base letter.
_ASCII = "".join(chr(c) for c in range(32, 127))
_REGULAR = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584]
_BOLD = [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584]
_SPECIAL = {"ß": (611, 611), "€": (556, 556), "„": (333, 500), "“": (333, 500),
            "”": (333, 500), "‚": (222, 278), "‘": (222, 278), "’": (222, 278),
            "–": (556, 556), "—": (1000, 1000), "•": (350, 350), "…": (1000, 1000),
            "°": (400, 400), "§": (556, 556), "×": (584, 584), "·": (278, 278)}
_WIDTHS = {False: dict(zip(_ASCII, _REGULAR)), True: dict(zip(_ASCII, _BOLD))}

FONTS = {"F1": "Helvetica", "F2": "Helvetica-Bold", "F3": "Helvetica-Oblique"}


def text_width(text, size, bold=False):
    table = _WIDTHS[bold]
    total = 0
    for ch in text:
        if ch in table:
            total += table[ch]
        elif ch in _SPECIAL:
            total += _SPECIAL[ch][bold]
        else:
            base = unicodedata.normalize("NFD", ch)[0]
            total += table.get(base, 556)
    return total * size / 1000.0


def wrap(text, width, size, bold=False):
    """Greedy line breaking at spaces; explicit newlines are kept."""
    lines = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split(" "):
            candidate = word if not line else line + " " + word
            if line and text_width(candidate, size, bold) > width:
                lines.append(line)
                line = word
            else:
                line = candidate
        lines.append(line)
    return lines


def _pdf_string(text):
    data = text.encode("cp1252", errors="replace")
    data = data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")
    return b"(" + data + b")"


def _info_string(text):
    """A PDF text string: PDFDocEncoding for ASCII, else UTF-16BE with BOM."""
    if all(ord(c) < 128 for c in text):
        return _pdf_string(text)
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def pdf_date(iso_date, hour=9, minute=0):
    return "D:%s%02d%02d00+01'00'" % (iso_date.replace("-", ""), hour, minute)


class PdfFile:
    """Objects of one PDF file; `finish` writes header, xref and trailer."""

    def __init__(self):
        self._objects = []

    def reserve(self):
        self._objects.append(None)
        return len(self._objects)

    def set(self, number, body):
        self._objects[number - 1] = body if isinstance(body, bytes) else body.encode("latin-1")

    def add(self, body):
        number = self.reserve()
        self.set(number, body)
        return number

    def add_stream(self, entries, data, compress=True):
        if compress:
            data = zlib.compress(data, 9)
            entries += " /Filter /FlateDecode"
        head = ("<< %s /Length %d >>\nstream\n" % (entries.strip(), len(data))).encode()
        return self.add(head + data + b"\nendstream")

    def add_info(self, title, author, subject, keywords, date):
        parts = [b"<< /Title ", _info_string(title), b" /Author ", _info_string(author)]
        if subject:
            parts += [b" /Subject ", _info_string(subject)]
        if keywords:
            parts += [b" /Keywords ", _info_string(keywords)]
        stamp = pdf_date(date).encode()
        parts += [b" /Creator (Schreiber IT-Service Vorlagen) /Producer (akte samples)",
                  b" /CreationDate (", stamp, b") /ModDate (", stamp, b") >>"]
        return self.add(b"".join(parts))

    def finish(self, root, info):
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(self._objects, start=1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(self._objects) + 1)
        for offset in offsets:
            out += b"%010d 00000 n \n" % offset
        # The ID is a hash of the content, so it is fixed for fixed content.
        file_id = hashlib.md5(bytes(out)).hexdigest().upper().encode()
        out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R /ID [<%s> <%s>] >>\n" % (
            len(self._objects) + 1, root, info, file_id, file_id)
        out += b"startxref\n%d\n%%%%EOF\n" % xref
        return bytes(out)

    def add_pages(self, contents, resources):
        """Adds a page tree of A4 pages with these content streams."""
        pages = self.reserve()
        kids = []
        for content in contents:
            stream = self.add_stream("", content)
            kids.append(self.add("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %.2f %.2f] "
                                 "/Resources %s /Contents %d 0 R >>" % (pages, A4[0], A4[1],
                                                                        resources, stream)))
        self.set(pages, "<< /Type /Pages /Kids [%s] /Count %d >>" % (
            " ".join("%d 0 R" % k for k in kids), len(kids)))
        return self.add("<< /Type /Catalog /Pages %d 0 R >>" % pages)

    def font_resources(self):
        refs = []
        for name, base in FONTS.items():
            number = self.add("<< /Type /Font /Subtype /Type1 /BaseFont /%s "
                              "/Encoding /WinAnsiEncoding >>" % base)
            refs.append("/%s %d 0 R" % (name, number))
        return "<< /Font << %s >> >>" % " ".join(refs)


class Page:
    """The drawing operations of one page."""

    def __init__(self):
        self.ops = []

    def text(self, x, y, s, size=10, font="F1"):
        self.ops.append(b"BT /%s %.1f Tf %.2f %.2f Td %s Tj ET" % (
            font.encode(), size, x, y, _pdf_string(s)))

    def text_right(self, x_right, y, s, size=10, font="F1"):
        self.text(x_right - text_width(s, size, font == "F2"), y, s, size, font)

    def line(self, x1, y1, x2, y2, width=0.5, gray=0.0):
        self.ops.append(b"%.2f G %.2f w %.2f %.2f m %.2f %.2f l S" % (gray, width, x1, y1, x2, y2))

    def fill(self, x, y, w, h, gray):
        self.ops.append(b"%.2f g %.2f %.2f %.2f %.2f re f 0 g" % (gray, x, y, w, h))

    def content(self):
        return b"\n".join(self.ops) + b"\n"


class _Layout:
    """Flows blocks down A4 pages, starting a new page when one is full."""

    def __init__(self, firm):
        self.firm = firm
        self.pages = []
        self.new_page()

    def new_page(self):
        self.page = Page()
        self.pages.append(self.page)
        self.y = TOP
        firm = self.firm["name"]
        self.page.text_right(RIGHT, 805, firm, 12, "F2")
        self.page.text_right(RIGHT, 793, self.firm["tagline"], 7.5)
        self.page.line(LEFT, 787, RIGHT, 787, 0.6, 0.4)

    def need(self, height):
        if self.y - height < BOTTOM:
            self.new_page()

    def lines(self, lines, size=10, font="F1", x=LEFT, leading=None):
        leading = leading or size * 1.38
        for line in lines:
            self.need(leading)
            self.y -= leading
            self.page.text(x, self.y, line, size, font)

    def paragraph(self, block):
        size, font = 10, "F1"
        if block.style == "bold":
            font = "F2"
        elif block.style == "small":
            size = 8
        elif block.style == "italic":
            font = "F3"
        self.lines(wrap(block.text, RIGHT - LEFT, size, font == "F2"), size, font)
        self.y -= size * 0.7

    def heading(self, block):
        size = 15 if block.level == 1 else 11.5
        self.need(size * 4)
        self.y -= size * 0.6
        self.lines(wrap(block.text, RIGHT - LEFT, size, True), size, "F2")
        self.y -= size * 0.5

    def bullets(self, block):
        for item in block.items:
            lines = wrap(item, RIGHT - LEFT - 14, 10)
            self.need(14)
            self.page.text(LEFT + 2, self.y - 13.8, "•", 10)
            self.lines(lines, 10, x=LEFT + 14)
        self.y -= 7

    def key_values(self, block):
        for key, value in block.pairs:
            lines = wrap(str(value), RIGHT - LEFT - 140, 10)
            self.need(14 * len(lines))
            self.page.text(LEFT, self.y - 13.8, key, 10, "F2")
            self.lines(lines, 10, x=LEFT + 140)
        self.y -= 7

    def table(self, block):
        width = RIGHT - LEFT
        xs = [LEFT]
        for w in block.widths:
            xs.append(xs[-1] + w * width)
        align = block.align or "l" * len(block.header)

        def row(cells, bold, shade):
            font = "F2" if bold else "F1"
            wrapped = [wrap(str(c), xs[i + 1] - xs[i] - 6, 9, bold) for i, c in enumerate(cells)]
            height = max(len(w) for w in wrapped) * 12 + 4
            if self.y - height < BOTTOM:
                self.new_page()
                if not shade:
                    row(block.header, True, True)
            if shade:
                self.page.fill(LEFT, self.y - height, width, height, 0.9)
            for i, lines in enumerate(wrapped):
                for k, line in enumerate(lines):
                    y = self.y - 11 - 12 * k
                    if align[i] == "r":
                        self.page.text_right(xs[i + 1] - 3, y, line, 9, font)
                    else:
                        self.page.text(xs[i] + 3, y, line, 9, font)
            self.y -= height
            self.page.line(LEFT, self.y, RIGHT, self.y, 0.3, 0.6)

        self.need(40)
        self.y -= 4
        row(block.header, True, True)
        total_from = len(block.rows) - block.bold_last
        for i, cells in enumerate(block.rows):
            row(cells, i >= total_from, False)
        self.y -= 10

    def letter(self, letter):
        firm = self.firm
        sender = "%s · %s · %s" % (firm["name"], firm["street"], firm["city_line"])
        self.page.text(LEFT, 722, sender, 6.5)
        self.page.line(LEFT, 719, LEFT + text_width(sender, 6.5), 719, 0.3)
        y = 704
        for line in letter.recipient:
            self.page.text(LEFT, y, line, 10)
            y -= 13.5
        y = 722
        for label, value in letter.references:
            self.page.text(360, y, label, 8)
            self.page.text(440, y, str(value), 8)
            y -= 11.5
        self.y = min(y, 704 - 13.5 * len(letter.recipient)) - 40

    def footer(self, number, count):
        firm = self.firm
        page = self.pages[number - 1]
        page.line(LEFT, 78, RIGHT, 78, 0.4, 0.5)
        columns = [firm["footer"][i:i + 3] for i in range(0, len(firm["footer"]), 3)]
        x = LEFT
        for column in columns:
            y = 68
            for line in column:
                page.text(x, y, line, 6.5)
                y -= 8.5
            x += (RIGHT - LEFT) / len(columns)
        label = "Seite %d von %d" if self.firm.get("lang", "de") == "de" else "Page %d of %d"
        page.text_right(RIGHT, 84, label % (number, count), 7.5)


_RENDER = {model.Para: "paragraph", model.Heading: "heading", model.Bullets: "bullets",
           model.KeyValues: "key_values", model.Table: "table"}


def render_doc(doc, firm):
    """A model.Doc as PDF bytes, paginated, with letterhead and footer."""
    layout = _Layout(dict(firm, lang=doc.lang))
    if doc.letter:
        layout.letter(doc.letter)
    for block in doc.blocks:
        if isinstance(block, model.PageBreak):
            layout.new_page()
        else:
            getattr(layout, _RENDER[type(block)])(block)
    for number in range(1, len(layout.pages) + 1):
        layout.footer(number, len(layout.pages))
    pdf = PdfFile()
    resources = pdf.font_resources()
    root = pdf.add_pages([p.content() for p in layout.pages], resources)
    info = pdf.add_info(doc.title, doc.author, doc.subject, doc.keywords, doc.date)
    return pdf.finish(root, info)
