"""The mat as a four-page vector PDF, written by hand: exact sizes, no PDF library needed."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from turnout.adapters.vision.mat_layout import (
    BACK_MM,
    CLEAR_BEHIND_MM,
    MARKER_MM,
    QUIET_MM,
    SHEETS,
    MatLayout,
    Paper,
    instructions,
    layout,
    page_to_floor_offset,
)
from turnout.domain.geometry import Point

PT_PER_MM = 72.0 / 25.4
TEXT_PT = 6.5


def mat_pdf(paper: Paper) -> bytes:
    """The four sheets of the mat for this paper, one per page."""
    mat = layout(paper)
    pages = [_page_content(mat, sheet) for sheet in SHEETS]
    return _document(pages, mat.page_width * PT_PER_MM, mat.page_height * PT_PER_MM)


def marker_bits(marker_id: int) -> list[list[bool]]:
    """The 6 x 6 modules of a marker (border included), True where black."""
    import cv2  # the only use of OpenCV here; `turnout --help` must not load it

    dictionary = cv2.aruco.getPredefinedDictionary(cv2.aruco.DICT_4X4_50)
    image = dictionary.generateImageMarker(marker_id, 6)
    return [[int(v) < 128 for v in row] for row in image]


class SheetCanvas(Protocol):
    """Where one sheet is drawn, in floor millimetres: the PDF page, or a picture of it."""

    def rect(self, corner: Point, w: float, h: float, grey: float = 0.0) -> None: ...

    def line(self, a: Point, b: Point, width: float, grey: float, dash: str = "") -> None: ...

    def text(self, at: Point, line: str, size: float = TEXT_PT) -> None: ...


class _Canvas:
    """PDF drawing operators in floor millimetres for one sheet."""

    def __init__(self, mat: MatLayout, sheet: str) -> None:
        self.ops: list[str] = []
        self.origin = page_to_floor_offset(mat, sheet)
        self.height = mat.page_height

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

    def text(self, at: Point, line: str, size: float = TEXT_PT) -> None:
        x, y = self.xy(at)
        safe = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        self.ops.append(f"0 g BT /F1 {size} Tf {x:.3f} {y:.3f} Td ({safe}) Tj ET")


def _page_content(mat: MatLayout, sheet: str) -> str:
    canvas = _Canvas(mat, sheet)
    draw_sheet(canvas, mat, sheet)
    return "\n".join(canvas.ops)


def draw_sheet(canvas: SheetCanvas, mat: MatLayout, sheet: str) -> None:
    """Everything printed on one sheet (greys: 0 black, 1 white; dashes in points)."""
    sign = 1.0 if sheet.endswith("L") else -1.0
    reach, back_row = mat.half_width, sheet.startswith("B")
    for marker in (m for m in mat.markers if m.sheet == sheet):
        _draw_marker(canvas, marker.corners[0], marker.id)
    # The seams: where the R sheets are cut and laid (x = 0), and where the rows meet.
    near, far = (-BACK_MM, mat.seam) if back_row else (mat.seam, mat.front)
    canvas.line(Point(0, near), Point(0, far), 0.3, 0.4, dash="6 6")
    canvas.line(Point(0, mat.seam), Point(sign * reach, mat.seam), 0.3, 0.4, dash="6 6")
    if back_row:
        canvas.line(Point(0, 0), Point(sign * reach, 0), 1.2, 0.65)  # the heel line
        canvas.line(Point(sign * 1.5, -12), Point(sign * 1.5, -2), 1.0, 0.3)  # heel mark
        _back_text(canvas, mat, sheet, sign)
    else:
        # The sheet's name, in the front corner beside its markers, off the feet's paper.
        inner = _inner_edge(mat, sheet)
        x = sign * (inner - QUIET_MM) - (28.0 if sign > 0 else 0.0)
        for row, line in enumerate(instructions(mat, sheet)):
            canvas.text(Point(x, mat.front - 8.0 + row * 4.0), line, TEXT_PT + 2 * (row == 0))


def _back_text(canvas: SheetCanvas, mat: MatLayout, sheet: str, sign: float) -> None:
    """The instructions and the 100 mm check bar, between the seam and the markers."""
    inner = _inner_edge(mat, sheet)
    width = inner - QUIET_MM - 8.0
    left = 4.0 if sign > 0 else -(4.0 + width)
    rows = [row for text in instructions(mat, sheet) for row in _wrap(text, width)]
    top = -BACK_MM + 4.0
    for index, row in enumerate(rows):
        canvas.text(Point(left, top + index * 3.0), row)
    bar_y = -CLEAR_BEHIND_MM - 5.0
    assert top + len(rows) * 3.0 < bar_y, "the instructions do not fit above the bar"
    canvas.rect(Point(left, bar_y), 100.0, 1.5)  # the 100 mm scale check bar
    canvas.text(Point(left + 102.0, bar_y + 1.5), "100 mm")


def _inner_edge(mat: MatLayout, sheet: str) -> float:
    """How close to the middle line (x = 0) the sheet's markers come."""
    return min(abs(c.x) for m in mat.markers if m.sheet == sheet for c in m.corners)


def _wrap(text: str, width_mm: float) -> list[str]:
    """Lines no wider than `width_mm` at TEXT_PT (Helvetica, about half an em a character)."""
    per_line = int(width_mm / (0.52 * TEXT_PT / PT_PER_MM))
    rows: list[str] = []
    for word in text.split():
        if rows and len(rows[-1]) + 1 + len(word) <= per_line:
            rows[-1] += " " + word
        else:
            rows.append(word)
    return rows


def _draw_marker(canvas: SheetCanvas, top_left: Point, marker_id: int) -> None:
    module = MARKER_MM / 6
    for row, bits in enumerate(marker_bits(marker_id)):
        for col, black in enumerate(bits):
            if black:
                corner = Point(top_left.x + col * module, top_left.y + row * module)
                # A hair of overlap so no white seams show between touching modules.
                canvas.rect(corner, module + 0.05, module + 0.05)


def _document(pages: Sequence[str], width_pt: float, height_pt: float) -> bytes:
    objects: list[bytes] = [b"", b"", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
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
