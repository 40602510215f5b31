"""Office Open XML: Word documents (.docx) from a model.Doc and Excel
workbooks (.xlsx) from a model.Workbook, with the parts Word and Excel need
to open them: content types, relationships, styles, core and app properties,
and for Word a header and footer with the firm's name and address.
"""
from xml.sax.saxutils import escape

from . import model
from .zipwrite import ZipBuilder, zip_time

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
_PKG_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def _x(text):
    return escape(str(text))


def _core(title, author, date):
    stamp = date + "T09:00:00Z"
    return (_XML + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/'
            'metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" '
            'xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
            '<dc:title>%s</dc:title><dc:creator>%s</dc:creator>'
            '<cp:lastModifiedBy>%s</cp:lastModifiedBy>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">%s</dcterms:created>'
            '<dcterms:modified xsi:type="dcterms:W3CDTF">%s</dcterms:modified>'
            '</cp:coreProperties>' % (_x(title), _x(author), _x(author), stamp, stamp))


def _app(application, extra=""):
    return (_XML + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/'
            'extended-properties"><Application>%s</Application>%s'
            '<Company>Schreiber IT-Service GmbH</Company></Properties>' % (application, extra))


def _rels(entries):
    body = "".join('<Relationship Id="%s" Type="%s%s" Target="%s"/>' % e for e in entries)
    return _XML + '<Relationships xmlns="%s">%s</Relationships>' % (_REL, body)


def _package_rels(main):
    return _rels([("rId1", _PKG_REL, "officeDocument", main),
                  ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/"
                   "metadata/", "core-properties", "docProps/core.xml"),
                  ("rId3", _PKG_REL, "extended-properties", "docProps/app.xml")])


def _content_types(overrides):
    body = ('<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>')
    body += "".join('<Override PartName="/%s" ContentType="%s"/>' % o for o in overrides)
    body += ('<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-'
             'package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType='
             '"application/vnd.openxmlformats-officedocument.extended-properties+xml"/>')
    return (_XML + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '%s</Types>' % body)


# --- Word -------------------------------------------------------------------

def _run(text, bold=False, italic=False, size=None):
    props = ("<w:b/>" if bold else "") + ("<w:i/>" if italic else "")
    if size:
        props += '<w:sz w:val="%d"/>' % size
    rpr = "<w:rPr>%s</w:rPr>" % props if props else ""
    parts = str(text).split("\n")
    runs = []
    for i, part in enumerate(parts):
        br = "<w:br/>" if i > 0 else ""
        runs.append('<w:r>%s%s<w:t xml:space="preserve">%s</w:t></w:r>' % (rpr, br, _x(part)))
    return "".join(runs)


def _p(text, style=None, bold=False, italic=False, size=None, align=None):
    ppr = ""
    if style or align:
        ppr = "<w:pPr>%s%s</w:pPr>" % ('<w:pStyle w:val="%s"/>' % style if style else "",
                                       '<w:jc w:val="%s"/>' % align if align else "")
    return "<w:p>%s%s</w:p>" % (ppr, _run(text, bold, italic, size))


def _table(block):
    total = 9000  # twentieths of a point across the text width
    grid = "".join('<w:gridCol w:w="%d"/>' % int(w * total) for w in block.widths)
    align = block.align or "l" * len(block.header)

    def row(cells, bold, header=False):
        tcs = []
        for i, cell in enumerate(cells):
            shade = '<w:shd w:val="clear" w:color="auto" w:fill="E6E6E6"/>' if header else ""
            tcs.append('<w:tc><w:tcPr><w:tcW w:w="%d" w:type="dxa"/>%s</w:tcPr>%s</w:tc>' % (
                int(block.widths[i] * total), shade,
                _p(cell, bold=bold, align="right" if align[i] == "r" else None)))
        trpr = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
        return "<w:tr>%s%s</w:tr>" % (trpr, "".join(tcs))

    rows = [row(block.header, True, True)]
    first_total = len(block.rows) - block.bold_last
    rows += [row(r, i >= first_total) for i, r in enumerate(block.rows)]
    borders = "".join('<w:%s w:val="single" w:sz="4" w:space="0" w:color="999999"/>' % side
                      for side in ("top", "bottom", "insideH"))
    return ('<w:tbl><w:tblPr><w:tblW w:w="%d" w:type="dxa"/><w:tblBorders>%s</w:tblBorders>'
            '</w:tblPr><w:tblGrid>%s</w:tblGrid>%s</w:tbl>%s' % (total, borders, grid,
                                                                 "".join(rows), _p("")))


def _word_body(doc):
    out = []
    if doc.letter:
        out += [_p(line) for line in doc.letter.recipient] + [_p("")]
        out += [_p("%s: %s" % kv, align="right") for kv in doc.letter.references] + [_p("")]
    for b in doc.blocks:
        if isinstance(b, model.Heading):
            out.append(_p(b.text, "Heading%d" % b.level))
        elif isinstance(b, model.Para):
            out.append(_p(b.text, bold=b.style == "bold", italic=b.style == "italic",
                          size=16 if b.style == "small" else None))
        elif isinstance(b, model.Bullets):
            out += [_p("• " + item, "ListParagraph") for item in b.items]
        elif isinstance(b, model.KeyValues):
            out += ["<w:p>%s%s</w:p>" % (_run(k + ": ", bold=True), _run(v)) for k, v in b.pairs]
        elif isinstance(b, model.Table):
            out.append(_table(b))
        elif isinstance(b, model.PageBreak):
            out.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')
    return "".join(out)


def _word_style(style_id, name, ppr="", rpr=""):
    return ('<w:style w:type="paragraph" w:styleId="%s"><w:name w:val="%s"/>'
            '<w:basedOn w:val="Normal"/><w:pPr>%s</w:pPr><w:rPr>%s</w:rPr></w:style>'
            % (style_id, name, ppr, rpr))


_WORD_STYLES = (
    _XML + '<w:styles xmlns:w="%s"><w:docDefaults><w:rPrDefault><w:rPr>'
    '<w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri"/><w:sz w:val="22"/>'
    '<w:lang w:val="de-DE"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>'
    '<w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults>'
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    '</w:style>%s%s%s</w:styles>' % (
        _W,
        _word_style("Heading1", "heading 1", '<w:spacing w:before="240"/><w:outlineLvl w:val="0"/>',
                    '<w:b/><w:sz w:val="32"/>'),
        _word_style("Heading2", "heading 2", '<w:spacing w:before="200"/><w:outlineLvl w:val="1"/>',
                    '<w:b/><w:sz w:val="26"/>'),
        _word_style("ListParagraph", "List Paragraph", '<w:ind w:left="360"/>')))


def _header_footer(tag, text):
    return _XML + '<w:%s xmlns:w="%s">%s</w:%s>' % (tag, _W, _p(text, size=16), tag)


def render_docx(doc, firm):
    """A model.Doc as .docx bytes."""
    body = _word_body(doc)
    sect = ('<w:sectPr><w:headerReference w:type="default" r:id="rId2"/>'
            '<w:footerReference w:type="default" r:id="rId3"/>'
            '<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1417" w:right="1134" '
            'w:bottom="1134" w:left="1417" w:header="709" w:footer="709" w:gutter="0"/></w:sectPr>')
    document = (_XML + '<w:document xmlns:w="%s" xmlns:r="%s"><w:body>%s%s</w:body></w:document>'
                % (_W, _R, body, sect))
    pages = 1 + len(body) // 9000 + sum(isinstance(b, model.PageBreak) for b in doc.blocks)
    z = ZipBuilder(zip_time(doc.date))
    word = "application/vnd.openxmlformats-officedocument.wordprocessingml."
    z.add("[Content_Types].xml", _content_types([
        ("word/document.xml", word + "document.main+xml"),
        ("word/styles.xml", word + "styles+xml"),
        ("word/header1.xml", word + "header+xml"),
        ("word/footer1.xml", word + "footer+xml")]))
    z.add("_rels/.rels", _package_rels("word/document.xml"))
    z.add("docProps/core.xml", _core(doc.title, doc.author, doc.date))
    z.add("docProps/app.xml", _app("Microsoft Office Word", "<Pages>%d</Pages>" % pages))
    z.add("word/document.xml", document)
    z.add("word/_rels/document.xml.rels", _rels([
        ("rId1", _PKG_REL, "styles", "styles.xml"),
        ("rId2", _PKG_REL, "header", "header1.xml"),
        ("rId3", _PKG_REL, "footer", "footer1.xml")]))
    z.add("word/styles.xml", _WORD_STYLES)
    z.add("word/header1.xml", _header_footer("hdr", firm["name"]))
    z.add("word/footer1.xml", _header_footer("ftr", firm["footer_line"]))
    return z.bytes()


# --- Excel ------------------------------------------------------------------

_FORMATS = {"eur": 2, "pct": 3, "int": 4, "dec": 5}  # style index in cellXfs, +4 for bold


def _column(index):
    name = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        name = chr(65 + rem) + name
    return name


def _number(value):
    text = repr(round(float(value), 6))
    return text[:-2] if text.endswith(".0") else text


class _SharedStrings:
    def __init__(self):
        self.items, self.index = [], {}

    def add(self, text):
        if text not in self.index:
            self.index[text] = len(self.items)
            self.items.append(text)
        return self.index[text]

    def xml(self):
        body = "".join('<si><t xml:space="preserve">%s</t></si>' % _x(s) for s in self.items)
        return (_XML + '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
                'count="%d" uniqueCount="%d">%s</sst>' % (len(self.items), len(self.items), body))


def _sheet_xml(sheet, strings):
    rows = []
    for r, cells in enumerate(sheet.rows):
        bold_row = r in sheet.bold_rows
        out = []
        for c, cell in enumerate(cells):
            ref = "%s%d" % (_column(c), r + 1)
            fmt, bold = None, bold_row
            if isinstance(cell, model.Cell):
                fmt, bold, cell = cell.fmt, cell.bold or bold_row, cell.value
            style = (_FORMATS[fmt] if fmt else 0) + (4 if bold and fmt else (1 if bold else 0))
            s = ' s="%d"' % style if style else ""
            if cell is None or cell == "":
                continue
            if isinstance(cell, model.Formula):
                out.append('<c r="%s"%s><f>%s</f><v>%s</v></c>' % (ref, s, _x(cell.expr),
                                                                    _number(cell.value)))
            elif isinstance(cell, (int, float)):
                out.append('<c r="%s"%s><v>%s</v></c>' % (ref, s, _number(cell)))
            else:
                out.append('<c r="%s"%s t="s"><v>%d</v></c>' % (ref, s, strings.add(str(cell))))
        rows.append('<row r="%d">%s</row>' % (r + 1, "".join(out)))
    cols = "".join('<col min="%d" max="%d" width="%.1f" customWidth="1"/>' % (i + 1, i + 1, w)
                   for i, w in enumerate(sheet.widths))
    cols = "<cols>%s</cols>" % cols if cols else ""
    return (_XML + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            '%s<sheetData>%s</sheetData></worksheet>' % (cols, "".join(rows)))


# Fonts 0 regular, 1 bold; cellXfs 0 plain, 1 bold, 2 euro, 3 percent,
# 4 integer, 5 decimal, and 6-9 the same four in bold (see _FORMATS).
_CELL_XFS = [(0, 0), (0, 1), (164, 0), (10, 0), (1, 0), (4, 0), (164, 1), (10, 1), (1, 1), (4, 1)]
_XLSX_STYLES = (
    _XML + '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00\\ &quot;€&quot;"/>'
    '</numFmts><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="%d">%s</cellXfs><cellStyles count="1"><cellStyle name="Standard" xfId="0" '
    'builtinId="0"/></cellStyles></styleSheet>' % (len(_CELL_XFS), "".join(
        '<xf numFmtId="%d" fontId="%d" fillId="0" borderId="0" xfId="0"%s/>'
        % (n, f, ' applyNumberFormat="1"' if n else "") for n, f in _CELL_XFS)))


def render_xlsx(book):
    """A model.Workbook as .xlsx bytes."""
    strings = _SharedStrings()
    sheets = [_sheet_xml(s, strings) for s in book.sheets]
    sml = "application/vnd.openxmlformats-officedocument.spreadsheetml."
    z = ZipBuilder(zip_time(book.date, 10))
    z.add("[Content_Types].xml", _content_types(
        [("xl/workbook.xml", sml + "sheet.main+xml"), ("xl/styles.xml", sml + "styles+xml"),
         ("xl/sharedStrings.xml", sml + "sharedStrings+xml")]
        + [("xl/worksheets/sheet%d.xml" % (i + 1), sml + "worksheet+xml")
           for i in range(len(sheets))]))
    z.add("_rels/.rels", _package_rels("xl/workbook.xml"))
    z.add("docProps/core.xml", _core(book.title, book.author, book.date))
    z.add("docProps/app.xml", _app("Microsoft Excel"))
    entries = "".join('<sheet name="%s" sheetId="%d" r:id="rId%d"/>' % (_x(s.name), i + 1, i + 1)
                      for i, s in enumerate(book.sheets))
    z.add("xl/workbook.xml", _XML + '<workbook xmlns="http://schemas.openxmlformats.org/'
          'spreadsheetml/2006/main" xmlns:r="%s"><sheets>%s</sheets></workbook>' % (_R, entries))
    n = len(sheets)
    z.add("xl/_rels/workbook.xml.rels", _rels(
        [("rId%d" % (i + 1), _PKG_REL, "worksheet", "worksheets/sheet%d.xml" % (i + 1))
         for i in range(n)]
        + [("rId%d" % (n + 1), _PKG_REL, "styles", "styles.xml"),
           ("rId%d" % (n + 2), _PKG_REL, "sharedStrings", "sharedStrings.xml")]))
    z.add("xl/styles.xml", _XLSX_STYLES)
    z.add("xl/sharedStrings.xml", strings.xml())
    for i, xml in enumerate(sheets):
        z.add("xl/worksheets/sheet%d.xml" % (i + 1), xml)
    return z.bytes()
