"""The format-neutral shape of a generated document.

Content builders (content_*.py) fill a Doc or a Workbook; the writers
(pdf.py, docx.py, odf.py, textformats.py, sheets in ooxml_sheet.py and
odf.py) render the same shape into their format, so a protocol reads the
same whether it ends up as PDF, DOCX or ODT.
"""
from dataclasses import dataclass, field
from typing import List, Optional


@dataclass
class Heading:
    text: str
    level: int = 1


@dataclass
class Para:
    text: str
    style: str = ""  # "", "bold", "small", "italic"


@dataclass
class Bullets:
    items: List[str]


@dataclass
class Table:
    header: List[str]
    rows: List[List[str]]
    widths: List[float]  # fractions of the text width, summing to 1
    align: str = ""  # one letter per column: l or r
    bold_last: int = 0  # the last n rows are totals


@dataclass
class KeyValues:
    pairs: List[tuple]


@dataclass
class PageBreak:
    pass


@dataclass
class Letter:
    """The first page of a letter: recipient window and reference block."""
    recipient: List[str]
    references: List[tuple]  # (label, value) shown top right
    place_date: str = ""


@dataclass
class Doc:
    title: str
    author: str
    date: str  # YYYY-MM-DD
    lang: str = "de"
    subject: str = ""
    keywords: str = ""
    letter: Optional[Letter] = None
    blocks: list = field(default_factory=list)

    def add(self, *blocks):
        self.blocks.extend(blocks)
        return self


@dataclass
class Formula:
    """A spreadsheet formula with the value a spreadsheet would cache."""
    expr: str  # A1 style, without '=' ("SUM(D2:D9)")
    value: float


@dataclass
class Cell:
    """A number shown in a format: 'eur', 'pct', 'int' or 'dec'."""
    value: object  # float, int or Formula
    fmt: str = "eur"
    bold: bool = False


@dataclass
class Sheet:
    name: str
    rows: list  # rows of str | int | float | Cell | Formula | None
    widths: List[float] = field(default_factory=list)  # column widths in characters
    bold_rows: List[int] = field(default_factory=list)  # 0-based rows shown bold


@dataclass
class Workbook:
    title: str
    author: str
    date: str
    sheets: List[Sheet] = field(default_factory=list)
    lang: str = "de"


def plain_text(doc):
    """The document as plain lines, for text notes and checks."""
    lines = []
    if doc.letter:  # as on paper: address and references above the subject
        lines += doc.letter.recipient + [""]
        lines += ["%s: %s" % kv for kv in doc.letter.references] + [""]
    lines += [doc.title, ""]
    for i, b in enumerate(doc.blocks):
        if isinstance(b, Heading):
            if i > 0 or b.text != doc.title:  # the title is already on top
                lines += [b.text, ""]
        elif isinstance(b, Para):
            lines += [b.text, ""]
        elif isinstance(b, Bullets):
            lines += ["- " + i for i in b.items] + [""]
        elif isinstance(b, KeyValues):
            lines += ["%s: %s" % kv for kv in b.pairs] + [""]
        elif isinstance(b, Table):
            lines.append(" | ".join(b.header))
            lines += [" | ".join(r) for r in b.rows] + [""]
    return "\n".join(lines).rstrip() + "\n"


def cell_value(c):
    """The number behind a cell, whatever its wrapping."""
    if isinstance(c, Cell):
        c = c.value
    if isinstance(c, Formula):
        return c.value
    return c
