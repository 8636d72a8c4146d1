"""What helps a dancer put the mat together: each sheet's big letter, and marks across the seams.

Letters follow reading order on the guide page, which shows the mat as the camera sees it
(the back row at the top, the dancer's left on the right): A = BR, B = BL, C = FR, D = FL.

Nothing here may look like a foot or a marker. The foot finder takes what is darker than 0.6
of the paper, after an opening of 5 mm, for a foot; so the letters are hatched in light grey
(three 0.6 mm lines, never darker than 0.7 grey even where they cross), and every mark on the
paper where feet can stand is a thin line or small type. Black marks stay behind the band.

A seam mark is a cross with a tick through it, centred on the seam, each sheet printing its
own half: when the sheets meet right, the lines run straight across. A shift along the seam
breaks the tick; a gap or an overlap across it breaks the cross's slanted lines by as much.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence

from turnout.adapters.vision.mat_layout import QUIET_MM, MatLayout
from turnout.adapters.vision.mat_print_canvas import SheetCanvas
from turnout.domain.geometry import Point, Vector

SHEET_LETTERS = {"BR": "A", "BL": "B", "FR": "C", "FL": "D"}
PRINT_ORDER = ("BR", "BL", "FR", "FL")  # pages 2 to 5: sheets A, B, C, D
LETTER_MM, LETTER_W_MM = 30.0, 20.0  # the big letter's stroke centres
HATCH = (-1.2, 0.0, 1.2)  # the letter's three lines, mm either side of its stroke's centre
HATCH_W_MM, LETTER_GREY = 0.6, 0.7
INK_REACH = 1.2 + 0.3  # how far the hatch's ink reaches past the stroke's centre
MARK_W_MM, MARK_ARM = 0.35, 5.0
FEET_GREY = 0.3  # marks on the paper where feet may stand: thin, dark enough to show on a stripe
LABEL_PT = 9.0
BACK_LETTER_AT = 25.5  # the back sheets' letter: mm from the middle line to its stroke
Polyline = list[tuple[float, float]]


def _arc(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float) -> Polyline:
    """Points of an elliptic arc in the unit box (y down), angles in degrees."""
    steps = max(2, round(abs(a1 - a0) / 15))
    angles = [math.radians(a0 + (a1 - a0) * i / steps) for i in range(steps + 1)]
    return [(cx + rx * math.cos(a), cy + ry * math.sin(a)) for a in angles]


# Each letter's strokes in a unit box (x right, y down), drawn as hatched lines.
GLYPHS: dict[str, list[Polyline]] = {
    "A": [[(0.0, 1.0), (0.5, 0.0), (1.0, 1.0)], [(0.2, 0.6), (0.8, 0.6)]],
    "B": [
        [(0.0, 1.0), (0.0, 0.0), *_arc(0.6, 0.235, 0.4, 0.235, -90, 90), (0.0, 0.47)],
        [(0.0, 0.47), *_arc(0.6, 0.735, 0.4, 0.265, -90, 90), (0.0, 1.0)],
    ],
    "C": [_arc(0.5, 0.5, 0.5, 0.5, 45, 315)],
    "D": [[(0.0, 0.0), (0.0, 1.0), *_arc(0.4, 0.5, 0.6, 0.5, 90, -90), (0.0, 0.0)]],
}


def draw_marks(canvas: SheetCanvas, mat: MatLayout, sheet: str) -> None:
    """The sheet's big letter, its seam marks and the labels naming its neighbours."""
    corner = letter_corner(mat, sheet)
    draw_letter(canvas, SHEET_LETTERS[sheet], corner, LETTER_W_MM, LETTER_MM)
    for at, away, grey in seam_marks(mat, sheet):
        _seam_mark(canvas, at, away, grey)
    _labels(canvas, mat, sheet)


def letter_corner(mat: MatLayout, sheet: str) -> Point:
    """The top-left corner of the box the big letter's strokes fill (floor mm).

    Back sheets: in the strip behind the band, beside the seam marks. Front sheets: against
    the outer edge, just behind the outer column's markers and their quiet border; outside
    the feet's half-disc there (the tests check by how much)."""
    sign = 1.0 if sheet.endswith("L") else -1.0
    if sheet.startswith("B"):
        inner = BACK_LETTER_AT if sign > 0 else BACK_LETTER_AT + LETTER_W_MM
        return Point(sign * inner, -mat.back + 2 + INK_REACH)
    outer = mat.half_width - 1 - INK_REACH
    near = outer - LETTER_W_MM
    column = [m for m in mat.markers if m.sheet == sheet and abs(m.centre.x) + 20 > near]
    bottom = min((min(c.y for c in m.corners) for m in column), default=mat.front)
    y = bottom - QUIET_MM - 2 - INK_REACH - LETTER_MM
    return Point(near if sign > 0 else -outer, y)


def draw_letter(canvas: SheetCanvas, letter: str, corner: Point, w: float, h: float) -> None:
    """One big hatched letter filling the box of `w` by `h` mm from `corner`."""
    for stroke in GLYPHS[letter]:
        points = [Point(corner.x + u * w, corner.y + v * h) for u, v in stroke]
        for a, b in itertools.pairwise(points):
            if a == b:
                continue
            along = (b - a).unit()
            normal = Vector(-along.dy, along.dx)
            for offset in HATCH:
                shift = normal * offset
                canvas.line(a + shift, b + shift, HATCH_W_MM, LETTER_GREY)


def seam_marks(mat: MatLayout, sheet: str) -> list[tuple[Point, Vector, float]]:
    """Where this sheet's halves of the seam marks are: the point on the seam, the way
    across it onto this sheet, and the grey."""
    sign, back = (1.0 if sheet.endswith("L") else -1.0), sheet.startswith("B")
    marks: list[tuple[Point, Vector, float]] = []
    if back:  # the left-right seam, behind the band: black, nothing to hide from
        marks += [(Point(0, -mat.back + 6 + 12 * i), Vector(sign, 0), 0.0) for i in range(4)]
    else:  # near the front edge, between the toes
        marks += [(Point(0, mat.front - 32 + 12 * i), Vector(sign, 0), FEET_GREY) for i in range(3)]
    across = Vector(0, -1.0 if back else 1.0)
    for i in range(3):  # the front-back seam, at its outer end
        at = Point(sign * (mat.half_width - 1 - MARK_ARM - 12 * i), mat.seam)
        marks.append((at, across, FEET_GREY))
    return marks


def _seam_mark(canvas: SheetCanvas, at: Point, away: Vector, grey: float) -> None:
    along = Vector(-away.dy, away.dx)
    canvas.line(at, at + away * (MARK_ARM + 1), MARK_W_MM, grey)
    for side in (1.0, -1.0):
        canvas.line(at, at + away * MARK_ARM + along * (MARK_ARM * side), MARK_W_MM, grey)


def _labels(canvas: SheetCanvas, mat: MatLayout, sheet: str) -> None:
    """'A|B' beside the left-right seam, and A over C beside the front-back seam."""
    sign, back = (1.0 if sheet.endswith("L") else -1.0), sheet.startswith("B")
    pair = "A|B" if back else "C|D"
    width = 5.1  # "A|B" at 9 pt is about 5 mm wide
    x = 9.0 if sign > 0 else -9.0 - width
    y = (
        (-mat.back + 24 if sign < 0 else -mat.back + 12)
        if back
        else mat.front - 26 + 12 * (sign > 0)
    )
    canvas.text(Point(x, y), pair, LABEL_PT, 0.0 if back else FEET_GREY)
    top, bottom = ("A", "C") if sign < 0 else ("B", "D")
    u = mat.half_width - 1 - 2 * MARK_ARM - 24 - 6
    x = sign * u - (2.2 if sign < 0 else 0.0)
    base = mat.seam + (-9.5 if back else 3.5)  # the top of the little stack
    stack: Sequence[tuple[str, float]] = ((top, base + 2.1), (bottom, base + 6.1))
    for letter, baseline in stack:
        canvas.text(Point(x, baseline), letter, 8.0, FEET_GREY)
    canvas.line(Point(x, base + 3.05), Point(x + 2.2, base + 3.05), 0.25, FEET_GREY)
