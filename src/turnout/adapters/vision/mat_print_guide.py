"""Page 1 of the printed mat: how to put the four sheets together, in large type.

The mat is drawn as it lies, to scale, from the camera's side (the back row at the top): what
the phone sees. Page millimetres, from the page's top-left corner, y down.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable

from turnout.adapters.vision.mat_layout import SHEETS, MatLayout, sheet_name, sheet_rect
from turnout.adapters.vision.mat_pdf_font import embedded
from turnout.adapters.vision.mat_print_canvas import PT_PER_MM, PdfCanvas, wrap
from turnout.adapters.vision.mat_print_marks import SHEET_LETTERS
from turnout.adapters.vision.mat_stripes import STRIPE_GREY, stripes
from turnout.domain.geometry import Point
from turnout.i18n import _

EDGE = 12.0  # the page's blank border
SCALE = 0.22  # the diagram: page mm per floor mm
SIDE_SCALE = 1 / 35  # the side sketch
STEP_PT = 12.0
DIAGRAM_TOP = 32.0
PHONE_MM = 55.0  # the column the phone's caption wraps in


def steps() -> list[str]:
    """The numbered steps, in our own words, in the current language."""
    return [
        # Translators: A to D are the letters printed on the mat's four sheets; "Actual size"
        # and "Fit to page" are the print dialog's own words, as it shows them in this language.
        _(
            'Print all five pages at 100 % ("Actual size"), never "Fit to page". Check with a '
            "ruler that the black bar at the bottom of this page measures 100 mm; sheets A and B "
            "carry the same bar."
        ),
        _(
            "Cut on the dashed lines: sheet A along its right edge, C along its right and top "
            "edges, D along its top edge. Do not cut B."
        ),
        _(
            "Lay A over B's blank margin, A's cut edge exactly on B's dashed line, the grey heel "
            "lines in one straight line. Join C onto D the same way."
        ),
        _(
            "Lay the C-D strip over the bottom margin of A-B, its cut edge on their dashed line. "
            "At every join the little crosses must run straight across: no gap, no dashed line "
            "showing, no step. Tape each join."
        ),
        _(
            "Tape the mat flat to the floor. Stand on the striped paper with both heels on the "
            "heel line, one each side of the short mark in the middle."
        ),
        _(
            "Put the phone in front of you, on the C-D side: 1 to 2 m from your heels, about 1 m "
            "up, tilted down so that every black square is in the picture and none is covered."
        ),
    ]


def guide_page(mat: MatLayout) -> str:
    """The PDF content of the guide page, on a landscape page of the mat's paper."""
    canvas = PdfCanvas(Point(0, 0), mat.page_height)
    paper = mat.paper.value.upper()
    # Translators: the guide page's title; {paper} is A4 or LETTER.
    title = _("turnout floor mat ({paper}): how to put it together").format(paper=paper)
    canvas.text(Point(EDGE, 20), title, 18)
    canvas.text(
        Point(EDGE, 26.5),
        _("The mat from the phone's side: you stand on the heel line, facing the phone."),
        10,
    )
    origin = _diagram(canvas, mat)
    _phone_arrow(canvas, mat, origin)
    _side_sketch(canvas, Point(EDGE + 16, mat.page_height - 16))
    column = EDGE + 2 * (mat.page_width - 8) * SCALE + 10
    _steps(canvas, column, mat.page_width - EDGE - column)
    _bar(canvas, Point(column, mat.page_height - 15))
    return canvas.content()


def _diagram(canvas: PdfCanvas, mat: MatLayout) -> Point:
    """The four sheets as laid, lowest first, with letters, markers, heel line and feet.
    Returns where the heel mark is on the page."""
    origin = Point(EDGE + (mat.page_width - 8) * SCALE, DIAGRAM_TOP + 120 * SCALE)

    def at(x: float, y: float) -> Point:
        return Point(origin.x + x * SCALE, origin.y + y * SCALE)

    for sheet in SHEETS:
        x0, x1, y0, y1 = sheet_rect(mat, sheet)
        canvas.rect(at(x0, y0), (x1 - x0) * SCALE, (y1 - y0) * SCALE, 1.0)
        _outline(canvas, [at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1)], 0.3, 0.35)
    for sheet in SHEETS:  # the feet's stripes, as each sheet prints them, then its name
        for x0, x1, y0, y1 in stripes(mat, sheet):
            canvas.rect(at(x0, y0), (x1 - x0) * SCALE, (y1 - y0) * SCALE, STRIPE_GREY)
        _name(canvas, at, sheet)
    for marker in mat.markers:
        corner = marker.corners[0]
        canvas.rect(at(corner.x, corner.y), 40 * SCALE, 40 * SCALE)
    canvas.line(at(-mat.half_width, 0), at(mat.half_width, 0), 0.6, 0.55)
    canvas.line(at(0, -12), at(0, -2), 0.5, 0.3)
    for side in (1.0, -1.0):
        _foot(canvas, at, side)
    # Translators: a label on the diagram of the mat, by the grey line the heels stand on.
    canvas.text(at(-mat.half_width + 6, -6), _("heel line"), 8)
    return origin


def _name(canvas: PdfCanvas, at: Callable[[float, float], Point], sheet: str) -> None:
    """The sheet's big letter, clear of the markers and the feet, and its name beside."""
    sign, back = (1.0 if sheet.endswith("L") else -1.0), sheet.startswith("B")
    letter = at(sign * (60 if back else 100), -16 if back else 200)
    canvas.text(Point(letter.x - 4, letter.y), SHEET_LETTERS[sheet], 26)
    # Translators: where a sheet lies ("back left") and its code (BL, BR, FL, FR).
    label = _("{name} ({sheet})").format(name=sheet_name(sheet), sheet=sheet)
    width = embedded().width_pt(label, 7) / PT_PER_MM
    name = at(sign * 8, -86) if back else at(sign * 60, 222)
    canvas.text(Point(name.x - (width if sign < 0 else 0), name.y), label, 7)


def _foot(canvas: PdfCanvas, place: Callable[[float, float], Point], side: float) -> None:
    """A foot turned out 60 degrees, its heel on the heel line beside the mark."""
    turn = math.radians(60) * side
    points = []
    for i in range(25):
        a = 2 * math.pi * i / 24
        along, across = 120 + 118 * math.cos(a), 42 * math.sin(a)
        x = side * 25 + along * math.sin(turn) + across * math.cos(turn)
        y = along * math.cos(turn) - across * math.sin(turn)
        points.append(place(x, y))
    _outline(canvas, points, 0.4, 0.45)


def _outline(canvas: PdfCanvas, points: list[Point], width: float, grey: float) -> None:
    closed = points if points[0] == points[-1] else [*points, points[0]]
    for a, b in itertools.pairwise(closed):
        canvas.line(a, b, width, grey)


def _phone_arrow(canvas: PdfCanvas, mat: MatLayout, origin: Point) -> None:
    """Below the diagram: the phone, and which way it looks."""
    front = origin.y + (mat.seam + mat.page_height - 8) * SCALE
    phone = Point(origin.x - 3, front + 9)
    _outline(
        canvas,
        [
            phone,
            Point(phone.x + 6, phone.y),
            Point(phone.x + 6, phone.y + 10),
            Point(phone.x, phone.y + 10),
        ],
        0.5,
        0.0,
    )
    canvas.line(Point(origin.x, phone.y - 1), Point(origin.x, front + 1.5), 0.4, 0.0)
    canvas.line(Point(origin.x, front + 1.5), Point(origin.x - 1.5, front + 4), 0.4, 0.0)
    canvas.line(Point(origin.x, front + 1.5), Point(origin.x + 1.5, front + 4), 0.4, 0.0)
    # Translators: a caption by the phone drawn below the diagram of the mat.
    caption = _("phone: 1-2 m in front of the heels, looking at the mat")
    for row, line in enumerate(wrap(caption, PHONE_MM, 9)):
        canvas.text(Point(phone.x + 10, phone.y + 4 + 4.5 * row), line, 9)


def _side_sketch(canvas: PdfCanvas, floor: Point) -> None:
    """From the side: the dancer on the mat's heel line, the phone 1.5 m ahead, 1 m up."""
    k = SIDE_SCALE
    canvas.line(Point(floor.x - 12, floor.y), Point(floor.x + 1900 * k, floor.y), 0.4, 0.4)
    canvas.line(
        Point(floor.x - 112 * k, floor.y - 0.6), Point(floor.x + 276 * k, floor.y - 0.6), 1.2, 0.0
    )  # the mat
    hip, head = Point(floor.x, floor.y - 900 * k), Point(floor.x, floor.y - 1500 * k)
    for foot in (-80.0, 80.0):
        canvas.line(Point(floor.x + foot * k, floor.y - 1), hip, 0.6, 0.2)
    canvas.line(hip, Point(head.x, head.y + 110 * k), 0.6, 0.2)
    ring = [
        Point(head.x + 110 * k * math.cos(a / 6), head.y + 110 * k * math.sin(a / 6))
        for a in range(0, 38)
    ]
    _outline(canvas, ring, 0.5, 0.2)
    phone = Point(floor.x + 1500 * k, floor.y - 1000 * k)
    for leg in (-150.0, 150.0):
        canvas.line(phone, Point(phone.x + leg * k, floor.y), 0.4, 0.3)
    canvas.rect(Point(phone.x - 1.2, phone.y - 3), 2.4, 4.5)
    canvas.line(phone, Point(floor.x + 100 * k, floor.y - 0.6), 0.3, 0.4, dash="2 2")
    # Translators: labels of the small sketch of the dancer and the phone seen from the side.
    canvas.text(Point(floor.x + 300 * k, floor.y + 5), _("1 to 2 m"), 9)
    canvas.text(Point(phone.x + 3, phone.y + 1), _("about 1 m up"), 9)
    canvas.text(Point(floor.x - 12, floor.y - 1550 * k - 6), _("From the side"), 9)


def _steps(canvas: PdfCanvas, left: float, width: float) -> None:
    """The numbered steps in large type, each number hanging in the margin."""
    line_mm = STEP_PT / PT_PER_MM * 1.25
    y = DIAGRAM_TOP + 4
    for number, text in enumerate(steps(), start=1):
        canvas.text(Point(left, y), f"{number}.", STEP_PT + 2)
        for row in wrap(text, width - 8, STEP_PT):
            canvas.text(Point(left + 8, y), row, STEP_PT)
            y += line_mm
        y += line_mm * 0.45


def _bar(canvas: PdfCanvas, at: Point) -> None:
    canvas.rect(at, 100.0, 1.5)
    # Translators: the length of the check bar printed beside it.
    canvas.text(Point(at.x + 103, at.y + 1.5), _("100 mm"), 10)
