"""The printed floor mat: four sheets in two rows, their markers' places on the floor, in mm.

Floor frame: origin at the heel mark (the middle of the heel line), +y toward the camera
(straight ahead for the dancer), +x toward the dancer's left. Each sheet is printed in
landscape; the page's top edge is toward the back of the mat. The back row (sheets BL and BR)
holds the heel line; the front row (FL and FR) lies ahead of it. The L sheets lie at x >= 0,
the R sheets at x <= 0; the R sheets are cut along their inner dashed line and laid over the L
sheets' blank margin, and the front row is cut along its back dashed line and laid over the
back row's blank margin, so the printed areas meet exactly at x = 0 and at y = `seam`.

Where the feet can be is kept free of marks but light stripes (mat_stripes.py): a half-disc of
`CLEAR_RADIUS_MM` ahead of the heel mark and a band `CLEAR_BEHIND_MM` deep behind the heel
line. The markers sit around it: a row behind the heel line, and a few in the front row's outer
corners.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from turnout.domain.geometry import Point
from turnout.i18n import _, pgettext

MARKER_MM = 40.0
MARGIN_MM = 8.0  # most printers cannot print closer to the edge than this
QUIET_MM = 4.0  # white kept around every marker
CLEAR_BEHIND_MM = 60.0  # white paper behind the heel line, across the whole width
CLEAR_RADIUS_MM = 290.0  # white paper ahead of the heel mark, within this radius
BACK_MM = CLEAR_BEHIND_MM + 2 * QUIET_MM + MARKER_MM + QUIET_MM  # heel line to the back edge
BACK_ROW = 3  # markers in the back row of each back sheet, from its outer edge inward
SHEETS = ("BL", "BR", "FL", "FR")
# The sheets' names in the assembled mat's layout (JSON, for test scenes); printed, a sheet is
# named by `sheet_name`, in the reader's language.
SHEET_NAMES = {"BL": "back left", "BR": "back right", "FL": "front left", "FR": "front right"}
DICTIONARY = "DICT_4X4_50"


class Paper(StrEnum):
    A4 = "a4"
    LETTER = "letter"


# Landscape size (width, height) in mm, and the first marker id used on that paper, so the
# detector knows which paper it is looking at.
_PAPERS = {Paper.A4: (297.0, 210.0, 0), Paper.LETTER: (279.4, 215.9, 16)}


@dataclass(frozen=True)
class Marker:
    id: int
    sheet: str  # "BL", "BR", "FL" or "FR"
    corners: tuple[Point, Point, Point, Point]  # ArUco order: page top-left, clockwise

    @property
    def centre(self) -> Point:
        xs = [c.x for c in self.corners]
        ys = [c.y for c in self.corners]
        return Point(sum(xs) / 4, sum(ys) / 4)


@dataclass(frozen=True)
class MatLayout:
    paper: Paper
    page_width: float
    page_height: float
    markers: tuple[Marker, ...]

    @property
    def half_width(self) -> float:
        """How far the printed area reaches either side of the heel mark."""
        return self.page_width - 2 * MARGIN_MM

    @property
    def seam(self) -> float:
        """Where the front row of sheets meets the back row, ahead of the heel line."""
        return self.page_height - 2 * MARGIN_MM - BACK_MM

    @property
    def front(self) -> float:
        """How far the printed area reaches ahead of the heel line."""
        return 2 * (self.page_height - 2 * MARGIN_MM) - BACK_MM

    @property
    def back(self) -> float:
        """How far the printed area reaches behind the heel line."""
        return BACK_MM

    def marker(self, marker_id: int) -> Marker | None:
        return next((m for m in self.markers if m.id == marker_id), None)


def layout(paper: Paper) -> MatLayout:
    width, height, first_id = _PAPERS[paper]
    reach = width - 2 * MARGIN_MM
    front = 2 * (height - 2 * MARGIN_MM) - BACK_MM
    half, step = MARKER_MM / 2, MARKER_MM + 2 * QUIET_MM
    outer = reach - QUIET_MM - half  # the outermost markers' centres
    back_row = [(outer - i * step, -BACK_MM + QUIET_MM + half) for i in range(BACK_ROW)]
    corner = [(outer, front - QUIET_MM - half), (outer - step, front - QUIET_MM - half)]
    corner.append((outer, front - QUIET_MM - half - step))
    # Only the corner places that leave the feet's half-disc white, quiet border included.
    corner = [c for c in corner if _nearest(c) >= CLEAR_RADIUS_MM]
    markers: list[Marker] = []
    for sheet in SHEETS:
        sign = 1.0 if sheet.endswith("L") else -1.0
        for x, y in back_row if sheet.startswith("B") else corner:
            markers.append(_marker(first_id + len(markers), sheet, Point(sign * x, y)))
    return MatLayout(paper, width, height, tuple(markers))


def _nearest(centre: tuple[float, float]) -> float:
    """How close a marker centred here, with its quiet border, comes to the heel mark."""
    x, y = (abs(v) - MARKER_MM / 2 - QUIET_MM for v in centre)
    return math.hypot(max(x, 0.0), max(y, 0.0))


def _marker(marker_id: int, sheet: str, centre: Point) -> Marker:
    h = MARKER_MM / 2
    x0, y0, x1, y1 = centre.x - h, centre.y - h, centre.x + h, centre.y + h
    return Marker(marker_id, sheet, (Point(x0, y0), Point(x1, y0), Point(x1, y1), Point(x0, y1)))


def all_layouts() -> tuple[MatLayout, ...]:
    return tuple(layout(paper) for paper in Paper)


def page_to_floor_offset(mat: MatLayout, sheet: str) -> Point:
    """Where the page's top-left corner lies in the floor frame (page y runs toward +y)."""
    left = -MARGIN_MM if sheet.endswith("L") else -(mat.page_width - MARGIN_MM)
    top = -(MARGIN_MM + BACK_MM) if sheet.startswith("B") else mat.seam - MARGIN_MM
    return Point(left, top)


def sheet_rect(mat: MatLayout, sheet: str) -> tuple[float, float, float, float]:
    """The sheet's paper once cut and laid, in floor mm: x from, x to, y from, y to.

    The R sheets are cut at x = 0 and the front row at y = `seam`; the sheets they are laid
    over keep their blank margins, hidden underneath. `SHEETS` lists them bottom first."""
    page = page_to_floor_offset(mat, sheet)
    x0, x1 = page.x, page.x + mat.page_width
    y0, y1 = page.y, page.y + mat.page_height
    return (x0, 0.0 if sheet.endswith("R") else x1, mat.seam if sheet.startswith("F") else y0, y1)


def in_clear_area(p: Point) -> bool:
    """Whether a floor point lies where the feet can be (kept plain white on the mat)."""
    if p.y < -CLEAR_BEHIND_MM:
        return False
    return p.y <= 0 or math.hypot(p.x, p.y) <= CLEAR_RADIUS_MM


def sheet_name(sheet: str) -> str:
    """Where a sheet lies in the mat, as printed on it: "back left"."""
    names = {
        "BL": pgettext("mat sheet", "back left"),
        "BR": pgettext("mat sheet", "back right"),
        "FL": pgettext("mat sheet", "front left"),
        "FR": pgettext("mat sheet", "front right"),
    }
    return names[sheet]


def instructions(mat: MatLayout, sheet: str) -> list[str]:
    """The short text printed on each sheet, in our own words (paragraphs, wrapped later), in
    the current language."""
    paper, name = mat.paper.value.upper(), sheet_name(sheet)
    if sheet.startswith("F"):
        # Translators: {sheet} is the sheet's code (FL, FR).
        return [_("Sheet {sheet}").format(sheet=sheet), f"{name}, {paper}"]
    # Translators: {sheet} is the sheet's code (BL, BR...), {name} where it lies ("back left"),
    # {paper} A4 or LETTER. B is back, F front, L left, R right.
    intro = _(
        "turnout floor mat, {paper}: sheet {sheet} ({name}) of four. BL and BR go behind, with "
        "the heel line; FL and FR go in front of them. The L sheets are on the dancer's left."
    )
    return [
        intro.format(paper=paper, sheet=sheet, name=name),
        _(
            "Print all four at 100% (Actual size), never 'fit to page': the bar below must "
            "measure 100 mm."
        ),
        _(
            "1. Cut BR along its dashed side line and lay it over BL's blank margin, the cut edge "
            "on BL's dashed line and the heel lines joined. Do the same with FR on FL. Tape "
            "underneath."
        ),
        _(
            "2. Cut the FL+FR pair along its back dashed line and lay it over the BL+BR pair's "
            "front margin, the cut edge on their dashed line, the side lines meeting."
        ),
        _(
            "3. Stand with both heels on the grey heel line, one each side of the short mark, "
            "toes toward the camera. The feet stand on the striped paper."
        ),
        _("4. Keep every black square uncovered. Camera 1-2 m in front, looking down at the mat."),
    ]
