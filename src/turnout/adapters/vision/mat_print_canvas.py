"""What the printed mat is drawn on: the canvas protocol, and the PDF page that implements it.

Coordinates are millimetres with y running down the page: for a sheet they are floor mm (the
page's top edge toward the back of the mat, so floor +y runs down the page); for the guide
page they are plain page mm from its top-left corner. Greys: 0 black, 1 white.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from turnout.adapters.vision.mat_pdf_font import embedded
from turnout.domain.geometry import Point

PT_PER_MM = 72.0 / 25.4
TEXT_PT = 6.5


class SheetCanvas(Protocol):
    """Where one sheet is drawn, in floor millimetres: the PDF page, or a picture of it."""

    def rect(self, corner: Point, w: float, h: float, grey: float = 0.0) -> None: ...

    def line(self, a: Point, b: Point, width: float, grey: float, dash: str = "") -> None: ...

    def text(self, at: Point, line: str, size: float = TEXT_PT, grey: float = 0.0) -> None: ...


class PdfCanvas:
    """PDF drawing operators in millimetres, `origin` being the page's top-left corner."""

    def __init__(self, origin: Point, page_height: float) -> None:
        self.ops: list[str] = []
        self.origin = origin
        self.height = page_height

    def xy(self, p: Point) -> tuple[float, float]:
        page_x, page_y = p.x - self.origin.x, p.y - self.origin.y
        return page_x * PT_PER_MM, (self.height - page_y) * PT_PER_MM

    def rect(self, corner: Point, w: float, h: float, grey: float = 0.0) -> None:
        x, y = self.xy(Point(corner.x, corner.y + h))
        self.ops.append(
            f"{grey:.2f} g {x:.3f} {y:.3f} {w * PT_PER_MM:.3f} {h * PT_PER_MM:.3f} re f"
        )

    def line(self, a: Point, b: Point, width: float, grey: float, dash: str = "") -> None:
        (x0, y0), (x1, y1) = self.xy(a), self.xy(b)
        style = f"[{dash}] 0 d" if dash else "[] 0 d"
        pen = f"{grey:.2f} G {width * PT_PER_MM:.3f} w {style}"
        self.ops.append(f"{pen} {x0:.3f} {y0:.3f} m {x1:.3f} {y1:.3f} l S")

    def text(self, at: Point, line: str, size: float = TEXT_PT, grey: float = 0.0) -> None:
        """One line of the embedded font, `at` being the left end of its baseline. A narrow
        no-break space (French puts one before "?", "!", ":"), which the font lacks, is
        printed as a no-break space."""
        x, y = self.xy(at)
        glyphs = embedded().hex(line.replace("\u202f", "\u00a0"))
        self.ops.append(f"{grey:.2f} g BT /F1 {size} Tf {x:.3f} {y:.3f} Td <{glyphs}> Tj ET")

    def content(self) -> str:
        return "\n".join(self.ops)


def document(pages: Sequence[str], width_pt: float, height_pt: float) -> bytes:
    """A PDF of these page contents, every page of the same size, the embedded font as /F1."""
    objects: list[bytes] = [b"", b"", *embedded().objects(3)]
    kids = []
    for content in pages:
        stream = content.encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.3f %.3f] /Contents %d 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % (width_pt, height_pt, len(objects))
        )
        kids.append(f"{len(objects)} 0 R")
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def wrap(text: str, width_mm: float, size_pt: float) -> list[str]:
    """Lines no wider than `width_mm` at `size_pt`, measured with the font's own widths."""
    font, limit = embedded(), width_mm * PT_PER_MM
    rows: list[str] = []
    for word in text.split():
        if rows and font.width_pt(rows[-1] + " " + word, size_pt) <= limit:
            rows[-1] += " " + word
        else:
            rows.append(word)
    return rows
