"""The printed floor mat: two sheets side by side, their markers' places on the floor, in mm.

Floor frame: origin at the heel mark (the middle of the heel line, on the seam between the
sheets), +y toward the camera (straight ahead for the dancer), +x toward the dancer's left.
Each sheet is printed in landscape; the page's top edge is the back of the mat. Sheet L (the
dancer's left foot) lies at x >= 0 and sheet R at x <= 0. Sheet R is cut along its dashed seam
line and laid over sheet L's margin, so both printed areas meet exactly at x = 0.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from turnout.domain.geometry import Point

MARKER_MM = 40.0
MARGIN_MM = 8.0  # most printers cannot print closer to the edge than this
BACK_MM = 100.0  # from the heel line to the back edge of the printed area
MARKERS_PER_ROW = 4
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
    sheet: str  # "L" or "R"
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
    def front(self) -> float:
        """How far the printed area reaches ahead of the heel line."""
        return self.page_height - 2 * MARGIN_MM - BACK_MM

    def marker(self, marker_id: int) -> Marker | None:
        return next((m for m in self.markers if m.id == marker_id), None)


def layout(paper: Paper) -> MatLayout:
    width, height, first_id = _PAPERS[paper]
    usable = width - 2 * MARGIN_MM
    front = height - 2 * MARGIN_MM - BACK_MM
    step = (usable - 45.0 - 25.0) / (MARKERS_PER_ROW - 1)
    centres_x = [45.0 + i * step for i in range(MARKERS_PER_ROW)]
    rows_y = (-BACK_MM + 5.0 + MARKER_MM / 2, front - 4.0 - MARKER_MM / 2)
    markers: list[Marker] = []
    for sheet, sign in (("L", 1.0), ("R", -1.0)):
        for row_y in rows_y:
            for x in centres_x:
                markers.append(_marker(first_id + len(markers), sheet, Point(sign * x, row_y)))
    return MatLayout(paper, width, height, tuple(markers))


def _marker(marker_id: int, sheet: str, centre: Point) -> Marker:
    h = MARKER_MM / 2
    x0, y0, x1, y1 = centre.x - h, centre.y - h, centre.x + h, centre.y + h
    return Marker(marker_id, sheet, (Point(x0, y0), Point(x1, y0), Point(x1, y1), Point(x0, y1)))


def all_layouts() -> tuple[MatLayout, ...]:
    return tuple(layout(paper) for paper in Paper)


def page_to_floor_offset(mat: MatLayout, sheet: str) -> Point:
    """Where the page's top-left corner lies in the floor frame (page y runs toward +y)."""
    left = -MARGIN_MM if sheet == "L" else -(mat.page_width - MARGIN_MM)
    return Point(left, -(MARGIN_MM + BACK_MM))


def instructions(mat: MatLayout, sheet: str) -> list[str]:
    """The short text printed on each sheet, in our own words."""
    other = "R" if sheet == "L" else "L"
    side = "left" if sheet == "L" else "right"
    joining = (
        "Cut this sheet along the dashed line. Lay it over sheet L's blank margin so the cut"
        " edge sits on sheet L's dashed line and the grey heel lines join; tape underneath."
        if sheet == "R"
        else "Sheet R is cut along its dashed line and laid over this sheet's blank margin, its"
        " cut edge on this dashed line, the grey heel lines joined; tape underneath."
    )
    return [
        f"turnout floor mat - sheet {sheet} of 2 ({side} foot), {mat.paper.value.upper()}."
        f" Sheet {other} goes on the dancer's other side.",
        "Print at 100% (Actual size), never 'fit to page': the bar below must measure 100 mm.",
        joining,
        "Stand with both heels on the grey line where the sheets meet, toes toward the camera.",
        "Keep every black square uncovered. Camera 1-2 m in front, looking down at the mat.",
    ]
