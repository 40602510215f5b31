"""OpenDocument: text documents (.odt) from a model.Doc and spreadsheets
(.ods) from a model.Workbook, as LibreOffice writes them: an uncompressed
'mimetype' member first, a manifest, content, styles (with the firm in the
page header and footer) and meta.
"""
import re
from xml.sax.saxutils import escape

from . import model
from .zipwrite import ZipBuilder, zip_time

_NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
       'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
       'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
       'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
       'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" '
       'xmlns:dc="http://purl.org/dc/elements/1.1/" '
       'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
       'xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" '
       'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2" office:version="1.3"')
_XML = '<?xml version="1.0" encoding="UTF-8"?>\n'


def _x(text):
    return escape(str(text))


def _p(text, style="Standard"):
    lines = [_x(line) for line in str(text).split("\n")]
    return '<text:p text:style-name="%s">%s</text:p>' % (style, "<text:line-break/>".join(lines))


def _manifest(mime):
    entries = ['<manifest:file-entry manifest:full-path="/" manifest:media-type="%s"/>' % mime]
    entries += ['<manifest:file-entry manifest:full-path="%s" manifest:media-type="text/xml"/>' % p
                for p in ("content.xml", "styles.xml", "meta.xml")]
    return (_XML + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:'
            'manifest:1.0" manifest:version="1.3">%s</manifest:manifest>' % "".join(entries))


def _meta(title, author, date, pages):
    stamp = date + "T09:00:00"
    return (_XML + '<office:document-meta %s><office:meta>'
            '<meta:generator>LibreOffice/7.6</meta:generator><dc:title>%s</dc:title>'
            '<meta:initial-creator>%s</meta:initial-creator><dc:creator>%s</dc:creator>'
            '<meta:creation-date>%s</meta:creation-date><dc:date>%s</dc:date>'
            '<dc:language>de-DE</dc:language>'
            '<meta:document-statistic meta:page-count="%d"/></office:meta>'
            '</office:document-meta>' % (_NS, _x(title), _x(author), _x(author), stamp, stamp,
                                         pages))


def _styles(firm, with_page_header):
    header = ""
    if with_page_header:
        header = ('<style:header>%s</style:header><style:footer>%s</style:footer>'
                  % (_p(firm["name"], "Header"), _p(firm["footer_line"], "Footer")))
    return (_XML + '<office:document-styles %s><office:styles>'
            '<style:style style:name="Standard" style:family="paragraph"/>'
            '<style:style style:name="Heading_20_1" style:display-name="Heading 1" '
            'style:family="paragraph"><style:text-properties fo:font-size="16pt" '
            'fo:font-weight="bold"/></style:style>'
            '<style:style style:name="Heading_20_2" style:display-name="Heading 2" '
            'style:family="paragraph"><style:text-properties fo:font-size="13pt" '
            'fo:font-weight="bold"/></style:style>'
            '<style:style style:name="Header" style:family="paragraph"/>'
            '<style:style style:name="Footer" style:family="paragraph"/>'
            '</office:styles><office:master-styles><style:master-page style:name="Standard">%s'
            '</style:master-page></office:master-styles></office:document-styles>'
            % (_NS, header))


_TEXT_AUTOMATIC = ('<office:automatic-styles>'
                   '<style:style style:name="Bold" style:family="paragraph">'
                   '<style:text-properties fo:font-weight="bold"/></style:style>'
                   '<style:style style:name="Italic" style:family="paragraph">'
                   '<style:text-properties fo:font-style="italic"/></style:style>'
                   '<style:style style:name="Small" style:family="paragraph">'
                   '<style:text-properties fo:font-size="8pt"/></style:style>'
                   '<style:style style:name="Right" style:family="paragraph">'
                   '<style:paragraph-properties fo:text-align="end"/></style:style>'
                   '<style:style style:name="Break" style:family="paragraph">'
                   '<style:paragraph-properties fo:break-before="page"/></style:style>'
                   '</office:automatic-styles>')


def _odt_table(block, number):
    name = "Tabelle%d" % number
    cols = "".join('<table:table-column/>' for _ in block.header)
    align = block.align or "l" * len(block.header)

    def row(cells, bold):
        return "<table:table-row>%s</table:table-row>" % "".join(
            '<table:table-cell office:value-type="string">%s</table:table-cell>'
            % _p(c, "Bold" if bold else ("Right" if align[i] == "r" else "Standard"))
            for i, c in enumerate(cells))

    first_total = len(block.rows) - block.bold_last
    rows = ("<table:table-header-rows>%s</table:table-header-rows>" % row(block.header, True)
            + "".join(row(r, i >= first_total) for i, r in enumerate(block.rows)))
    return '<table:table table:name="%s">%s%s</table:table>' % (name, cols, rows)


def _text_body(doc):
    out, tables = [], 0
    if doc.letter:
        out += [_p(line) for line in doc.letter.recipient] + [_p("")]
        out += [_p("%s: %s" % kv, "Right") for kv in doc.letter.references] + [_p("")]
    for b in doc.blocks:
        if isinstance(b, model.Heading):
            out.append('<text:h text:style-name="Heading_20_%d" text:outline-level="%d">%s'
                       '</text:h>' % (b.level, b.level, _x(b.text)))
        elif isinstance(b, model.Para):
            out.append(_p(b.text, {"bold": "Bold", "italic": "Italic", "small": "Small"}.get(
                b.style, "Standard")))
        elif isinstance(b, model.Bullets):
            out.append("<text:list>%s</text:list>" % "".join(
                "<text:list-item>%s</text:list-item>" % _p(i) for i in b.items))
        elif isinstance(b, model.KeyValues):
            out += ['<text:p text:style-name="Standard"><text:span>%s:</text:span> %s</text:p>'
                    % (_x(k), _x(v)) for k, v in b.pairs]
        elif isinstance(b, model.Table):
            tables += 1
            out.append(_odt_table(b, tables))
        elif isinstance(b, model.PageBreak):
            out.append('<text:p text:style-name="Break"/>')
    return "".join(out)


def _package(mime, content, styles, meta, date):
    z = ZipBuilder(zip_time(date, 11))
    z.add("mimetype", mime, compress=False)  # first and stored, so `file` can sniff it
    z.add("META-INF/manifest.xml", _manifest(mime))
    z.add("content.xml", content)
    z.add("styles.xml", styles)
    z.add("meta.xml", meta)
    return z.bytes()


def render_odt(doc, firm):
    """A model.Doc as .odt bytes."""
    body = _text_body(doc)
    content = (_XML + '<office:document-content %s>%s<office:body><office:text>%s'
               '</office:text></office:body></office:document-content>'
               % (_NS, _TEXT_AUTOMATIC, body))
    pages = 1 + len(body) // 7000 + sum(isinstance(b, model.PageBreak) for b in doc.blocks)
    return _package("application/vnd.oasis.opendocument.text", content, _styles(firm, True),
                    _meta(doc.title, doc.author, doc.date, pages), doc.date)


# --- spreadsheets -----------------------------------------------------------

def _german_number(value, fmt):
    if fmt == "pct":
        return ("%.1f %%" % (value * 100)).replace(".", ",")
    if fmt == "int":
        return "{:,.0f}".format(value).replace(",", ".")
    text = "{:,.2f}".format(value).replace(",", " ").replace(".", ",").replace(" ", ".")
    return text + " €" if fmt == "eur" else text


_REFERENCE = re.compile(r"\b([A-Z]+[0-9]+)(?::([A-Z]+[0-9]+))?\b")


def _formula(expr):
    """An A1-style formula in OpenFormula: SUM(D2:D9) -> of:=SUM([.D2:.D9])."""
    def reference(m):
        return "[.%s:.%s]" % m.groups() if m.group(2) else "[.%s]" % m.group(1)
    return "of:=" + _REFERENCE.sub(reference, expr).replace(",", ";")


def _ods_cell(cell, bold):
    fmt = None
    if isinstance(cell, model.Cell):
        fmt, bold, cell = cell.fmt, cell.bold or bold, cell.value
    style = ' table:style-name="ceBold"' if bold else ""
    if cell is None or cell == "":
        return "<table:table-cell/>"
    formula = ""
    if isinstance(cell, model.Formula):
        formula = ' table:formula="%s"' % _x(_formula(cell.expr))
        cell = cell.value
    if isinstance(cell, (int, float)):
        fmt = fmt or ("int" if isinstance(cell, int) else "dec")
        kind = {"eur": 'office:value-type="currency" office:currency="EUR"',
                "pct": 'office:value-type="percentage"'}.get(fmt, 'office:value-type="float"')
        return ('<table:table-cell%s%s %s office:value="%s"><text:p>%s</text:p>'
                '</table:table-cell>' % (style, formula, kind, repr(round(float(cell), 6)),
                                         _german_number(cell, fmt)))
    return ('<table:table-cell%s office:value-type="string"><text:p>%s</text:p>'
            '</table:table-cell>' % (style, _x(cell)))


def render_ods(book, firm):
    """A model.Workbook as .ods bytes."""
    tables = []
    for sheet in book.sheets:
        width = max(len(r) for r in sheet.rows)
        rows = "".join("<table:table-row>%s</table:table-row>" % "".join(
            _ods_cell(c, r in sheet.bold_rows) for c in cells)
            for r, cells in enumerate(sheet.rows))
        tables.append('<table:table table:name="%s"><table:table-column '
                      'table:number-columns-repeated="%d"/>%s</table:table>'
                      % (_x(sheet.name), width, rows))
    automatic = ('<office:automatic-styles><style:style style:name="ceBold" '
                 'style:family="table-cell"><style:text-properties fo:font-weight="bold"/>'
                 '</style:style></office:automatic-styles>')
    content = (_XML + '<office:document-content %s>%s<office:body><office:spreadsheet>%s'
               '</office:spreadsheet></office:body></office:document-content>'
               % (_NS, automatic, "".join(tables)))
    return _package("application/vnd.oasis.opendocument.spreadsheet", content,
                    _styles(firm, False), _meta(book.title, book.author, book.date,
                                                len(book.sheets)), book.date)
