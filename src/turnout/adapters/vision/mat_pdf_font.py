"""The font the printed mat embeds: a subset of DejaVu Sans (fonts/, built by
tools/build_pdf_font.py), so that its instructions print in every language turnout speaks,
Cyrillic included. Text is written as glyph numbers (Identity-H), with a ToUnicode map so
that a PDF reader can still copy and search it."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from fontTools.ttLib import TTFont

FONT = Path(__file__).parent / "fonts" / "DejaVuSans-turnout.ttf"
NAME = b"DejaVuSans-turnout"


class EmbeddedFont:
    def __init__(self, path: Path = FONT) -> None:
        self.data = path.read_bytes()
        font = TTFont(path)
        self.per_em = int(font["head"].unitsPerEm)
        order = font.getGlyphOrder()
        ids = {name: index for index, name in enumerate(order)}
        self.glyphs = {code: ids[name] for code, name in font.getBestCmap().items()}
        metrics = font["hmtx"].metrics
        self.advance = [round(1000 * metrics[name][0] / self.per_em) for name in order]
        self.ascent = round(1000 * font["hhea"].ascent / self.per_em)
        self.descent = round(1000 * font["hhea"].descent / self.per_em)

    def covers(self, text: str) -> bool:
        return all(ord(c) in self.glyphs for c in text)

    def hex(self, text: str) -> str:
        """`text` as the PDF shows it: four hex digits per glyph (0, the blank box, for a
        character the font lacks)."""
        return "".join(f"{self.glyphs.get(ord(c), 0):04X}" for c in text)

    def width_pt(self, text: str, size_pt: float) -> float:
        units = sum(self.advance[self.glyphs.get(ord(c), 0)] for c in text)
        return float(units * size_pt / 1000)

    def objects(self, first: int) -> list[bytes]:
        """The font's PDF objects, numbered from `first` (the Type0 font itself)."""
        widths = " ".join(str(w) for w in self.advance)
        return [
            b"<< /Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H "
            b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (NAME, first + 1, first + 4),
            b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDToGIDMap /Identity "
            b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
            b"/FontDescriptor %d 0 R /W [0 [%s]] >>" % (NAME, first + 2, widths.encode()),
            b"<< /Type /FontDescriptor /FontName /%s /Flags 32 /FontBBox [-1021 -463 1793 1232] "
            b"/ItalicAngle 0 /Ascent %d /Descent %d /CapHeight 729 /StemV 80 "
            b"/FontFile2 %d 0 R >>" % (NAME, self.ascent, self.descent, first + 3),
            _stream(self.data, b"/Length1 %d" % len(self.data)),
            _stream(self._to_unicode()),
        ]

    def _to_unicode(self) -> bytes:
        pairs = sorted((glyph, code) for code, glyph in self.glyphs.items() if code <= 0xFFFF)
        lines = [f"<{glyph:04X}> <{code:04X}>" for glyph, code in dict(pairs).items()]
        chunks = [lines[i : i + 100] for i in range(0, len(lines), 100)]
        body = "".join(f"{len(c)} beginbfchar\n" + "\n".join(c) + "\nendbfchar\n" for c in chunks)
        return (
            "/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
            f"{body}endcmap CMapName currentdict /CMap defineresource pop end end\n"
        ).encode()


def _stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n" % (len(data), extra + b" " if extra else b"") + (
        data + b"\nendstream"
    )


@cache
def embedded() -> EmbeddedFont:
    return EmbeddedFont()
