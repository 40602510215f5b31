"""A 'scanned' PDF: one page holding only a grey raster image of text, drawn
with a tiny bitmap font, so Poppler finds no text layer and akte marks the
document needs-ocr. Paper tint and specks make it look like a scan; they
come from a seeded random.Random, so the bytes are the same on every run.
"""
import random

from .pdf import A4, PdfFile

# 5x7 glyphs; umlauts get their dots two rows above the letter.
_GLYPHS = {
    "A": ".###. #...# #...# ##### #...# #...# #...#",
    "B": "####. #...# #...# ####. #...# #...# ####.",
    "C": ".###. #...# #.... #.... #.... #...# .###.",
    "D": "####. #...# #...# #...# #...# #...# ####.",
    "E": "##### #.... #.... ####. #.... #.... #####",
    "F": "##### #.... #.... ####. #.... #.... #....",
    "G": ".###. #...# #.... #.### #...# #...# .####",
    "H": "#...# #...# #...# ##### #...# #...# #...#",
    "I": ".###. ..#.. ..#.. ..#.. ..#.. ..#.. .###.",
    "J": "..### ...#. ...#. ...#. ...#. #..#. .##..",
    "K": "#...# #..#. #.#.. ##... #.#.. #..#. #...#",
    "L": "#.... #.... #.... #.... #.... #.... #####",
    "M": "#...# ##.## #.#.# #.#.# #...# #...# #...#",
    "N": "#...# #...# ##..# #.#.# #..## #...# #...#",
    "O": ".###. #...# #...# #...# #...# #...# .###.",
    "P": "####. #...# #...# ####. #.... #.... #....",
    "Q": ".###. #...# #...# #...# #.#.# #..#. .##.#",
    "R": "####. #...# #...# ####. #.#.. #..#. #...#",
    "S": ".#### #.... #.... .###. ....# ....# ####.",
    "T": "##### ..#.. ..#.. ..#.. ..#.. ..#.. ..#..",
    "U": "#...# #...# #...# #...# #...# #...# .###.",
    "V": "#...# #...# #...# #...# #...# .#.#. ..#..",
    "W": "#...# #...# #...# #.#.# #.#.# #.#.# .#.#.",
    "X": "#...# #...# .#.#. ..#.. .#.#. #...# #...#",
    "Y": "#...# #...# .#.#. ..#.. ..#.. ..#.. ..#..",
    "Z": "##### ....# ...#. ..#.. .#... #.... #####",
    "ß": ".##.. #..#. #..#. #.##. #...# #...# #.##.",
    "0": ".###. #...# #..## #.#.# ##..# #...# .###.",
    "1": "..#.. .##.. ..#.. ..#.. ..#.. ..#.. .###.",
    "2": ".###. #...# ....# ...#. ..#.. .#... #####",
    "3": "##### ...#. ..#.. ...#. ....# #...# .###.",
    "4": "...#. ..##. .#.#. #..#. ##### ...#. ...#.",
    "5": "##### #.... ####. ....# ....# #...# .###.",
    "6": "..##. .#... #.... ####. #...# #...# .###.",
    "7": "##### ....# ...#. ..#.. .#... .#... .#...",
    "8": ".###. #...# #...# .###. #...# #...# .###.",
    "9": ".###. #...# #...# .#### ....# ...#. .##..",
    ".": "..... ..... ..... ..... ..... .##.. .##..",
    ",": "..... ..... ..... ..... .##.. ..#.. .#...",
    ":": "..... .##.. .##.. ..... .##.. .##.. .....",
    "-": "..... ..... ..... ##### ..... ..... .....",
    "/": "..... ....# ...#. ..#.. .#... #.... .....",
    "(": "...#. ..#.. .#... .#... .#... ..#.. ...#.",
    ")": ".#... ..#.. ...#. ...#. ...#. ..#.. .#...",
    "#": ".#.#. .#.#. ##### .#.#. ##### .#.#. .#.#.",
    "+": "..... ..#.. ..#.. ##### ..#.. ..#.. .....",
    "&": ".##.. #..#. #.#.. .#... #.#.# #..#. .##.#",
    "_": "..... ..... ..... ..... ..... ..... #####",
    "€": ".###. #...# ####. #.... ####. #...# .###.",
    " ": "..... ..... ..... ..... ..... ..... .....",
}
for _umlaut, _base in (("Ä", "A"), ("Ö", "O"), ("Ü", "U")):
    _GLYPHS[_umlaut] = _GLYPHS[_base]
_DOTTED = {"Ä", "Ö", "Ü"}

WIDTH, HEIGHT = 827, 1169  # A4 at 100 dpi
PAPER, INK = 242, 38


class _Raster:
    def __init__(self, rng):
        self.rng = rng
        self.pixels = bytearray([PAPER]) * (WIDTH * HEIGHT)

    def dot(self, x, y, size):
        for dy in range(size):
            row = (y + dy) * WIDTH
            for dx in range(size):
                if 0 <= x + dx < WIDTH and 0 <= y + dy < HEIGHT:
                    # Toner is never quite even.
                    self.pixels[row + x + dx] = INK + self.rng.randrange(0, 40)

    def text(self, x, y, line, scale=2):
        for ch in line.upper():
            rows = _GLYPHS.get(ch, _GLYPHS[" "]).split(" ")
            for r, bits in enumerate(rows):
                for c, bit in enumerate(bits):
                    if bit == "#":
                        self.dot(x + c * scale, y + (r + 2) * scale, scale)
            if ch in _DOTTED:
                self.dot(x + 1 * scale, y, scale)
                self.dot(x + 3 * scale, y, scale)
            x += 6 * scale

    def rule(self, x1, x2, y):
        for x in range(x1, x2):
            self.pixels[y * WIDTH + x] = INK + 30

    def specks(self, count):
        for _ in range(count):
            x, y = self.rng.randrange(WIDTH), self.rng.randrange(HEIGHT)
            self.pixels[y * WIDTH + x] = self.rng.randrange(90, 200)


def render_scan(lines, title, author, date, seed):
    """A one-page image-only PDF showing `lines` ((text, scale) pairs)."""
    raster = _Raster(random.Random(seed))
    y = 70
    for text, scale in lines:
        if text == "---":
            raster.rule(60, WIDTH - 60, y + 6)
            y += 16
            continue
        raster.text(60 + raster.rng.randrange(0, 2), y, text, scale)
        y += 9 * scale + 8
    raster.specks(2500)
    pdf = PdfFile()
    image = pdf.add_stream("/Type /XObject /Subtype /Image /Width %d /Height %d "
                           "/ColorSpace /DeviceGray /BitsPerComponent 8" % (WIDTH, HEIGHT),
                           bytes(raster.pixels))
    content = b"q %.2f 0 0 %.2f 0 0 cm /Im1 Do Q\n" % A4
    root = pdf.add_pages([content], "<< /XObject << /Im1 %d 0 R >> >>" % image)
    info = pdf.add_info(title, author, "", "", date)
    return pdf.finish(root, info)
