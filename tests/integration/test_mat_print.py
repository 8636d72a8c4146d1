"""The printed mat as a dancer gets it: a guide page, sheet letters, marks across the seams."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
from pathlib import Path

import cv2
import numpy as np
import pytest

from tests.integration.vision_scenes import first_position_feet, foot_outline
from turnout.adapters.vision import feet as feet_module
from turnout.adapters.vision import mat_pdf as mat_pdf_module
from turnout.adapters.vision.feet import SilhouetteFootFinder
from turnout.adapters.vision.mat_assembled import (
    PAD_MM,
    floor_box,
    floor_to_pixels,
    render_assembled,
)
from turnout.adapters.vision.mat_detect import ArucoMatDetector
from turnout.adapters.vision.mat_layout import (
    CLEAR_BEHIND_MM,
    CLEAR_RADIUS_MM,
    QUIET_MM,
    SHEETS,
    MatLayout,
    Paper,
    in_clear_area,
    layout,
)
from turnout.adapters.vision.mat_pdf import PT_PER_MM, mat_pdf
from turnout.adapters.vision.mat_pdf_font import embedded
from turnout.adapters.vision.mat_print_guide import steps
from turnout.adapters.vision.mat_print_marks import (
    INK_REACH,
    LETTER_MM,
    LETTER_W_MM,
    MARK_ARM,
    PRINT_ORDER,
    SHEET_LETTERS,
    letter_corner,
    seam_marks,
)
from turnout.adapters.vision.mat_raster import PAPER_GREY, ink
from turnout.adapters.vision.mat_stripes import STRIPE_GREY
from turnout.domain.form import first_position
from turnout.domain.geometry import Point, Vector

STRIPE_INK = ink(STRIPE_GREY)  # the feet's stripes as printed: marks must show on them too
needs_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdftoppm") is None,
    reason="poppler-utils (pdftotext, pdftoppm) is not installed",
)
K = 4.0  # px per mm for the pictures checked here: the marks' thin lines show clearly


def shown_text(glyphs: str) -> str:
    """The text of a run of glyph numbers the mat's PDF shows (four hex digits each)."""
    characters = {glyph: chr(code) for code, glyph in embedded().glyphs.items()}
    return "".join(characters[int(glyphs[i : i + 4], 16)] for i in range(0, len(glyphs), 4))


def page_text(pdf: bytes, page: int, folder: Path) -> str:
    (folder / "mat.pdf").write_bytes(pdf)
    args = ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(folder / "mat.pdf")]
    return subprocess.run([*args, "-"], check=True, capture_output=True, text=True).stdout


def read(path: Path) -> np.ndarray:
    image = cv2.imread(str(path))
    assert image is not None
    return image


def pixel(mat: MatLayout, picture: np.ndarray, p: Point) -> float:
    col, row = (floor_to_pixels(floor_box(mat), K) @ [p.x, p.y, 1.0])[:2]
    return float(picture[round(row), round(col)])


@pytest.mark.parametrize("paper", list(Paper))
def test_the_pdf_is_a_guide_page_then_the_four_sheets_all_of_the_paper(paper: Paper) -> None:
    pdf = mat_pdf(paper)
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    mat = layout(paper)
    expected = (mat.page_width * PT_PER_MM, mat.page_height * PT_PER_MM)
    assert [(float(w), float(h)) for w, h in boxes] == [pytest.approx(expected)] * 5
    assert b"/Count 5" in pdf
    assert sorted(PRINT_ORDER) == sorted(SHEETS) and sorted(SHEET_LETTERS.values()) == list("ABCD")


@pytest.mark.parametrize("paper", list(Paper))
def test_every_step_on_the_guide_page_is_set_in_12_point_type_or_larger(paper: Paper) -> None:
    streams = re.finditer(rb"stream\n(.*?)\nendstream", mat_pdf(paper), re.S)
    first = next(found for found in streams if b" Tf " in found.group(1))
    shown = re.findall(
        r"/F1 ([\d.]+) Tf [\d.]+ [\d.]+ Td <([0-9A-F]*)> Tj", first.group(1).decode()
    )
    large = " ".join(shown_text(glyphs) for size, glyphs in shown if float(size) >= 12)
    assert 4 <= len(steps()) <= 6
    for step in steps():
        assert " ".join(step.split()) in large
    bar = f"{100 * PT_PER_MM:.3f} {1.5 * PT_PER_MM:.3f} re f"
    assert bar in first.group(1).decode()  # the 100 mm check bar, on this page too


@needs_poppler
@pytest.mark.parametrize("paper", list(Paper))
def test_the_guide_page_tells_how_to_print_join_stand_and_place_the_phone(
    paper: Paper, tmp_path: Path
) -> None:
    text = " ".join(page_text(mat_pdf(paper), 1, tmp_path).split())
    for words in ("Actual size", '"Fit', "100 mm", "dashed line", "heel line", "1 to 2 m"):
        assert words in text
    for number in range(1, 7):
        assert f"{number}." in text
    assert f"({paper.value.upper()})" in text


@needs_poppler
def test_pages_two_to_five_are_sheets_a_to_d_each_with_its_own_markers(tmp_path: Path) -> None:
    pdf, mat = mat_pdf(Paper.A4), layout(Paper.A4)
    (tmp_path / "mat.pdf").write_bytes(pdf)
    cmd = ["pdftoppm", "-r", "100", "-png", str(tmp_path / "mat.pdf"), str(tmp_path / "p")]
    subprocess.run(cmd, check=True)
    pages = sorted(tmp_path.glob("p*.png"))
    assert len(pages) == 5
    dictionary = cv2.aruco.getPredefinedDictionary(cv2.aruco.DICT_4X4_50)
    for number, (sheet, path) in enumerate(zip(PRINT_ORDER, pages[1:], strict=True), start=2):
        assert f"Sheet {SHEET_LETTERS[sheet]}:" in page_text(pdf, number, tmp_path)
        _, ids, _ = cv2.aruco.ArucoDetector(dictionary).detectMarkers(read(path))
        assert ids is not None
        assert sorted(ids.ravel()) == sorted(m.id for m in mat.markers if m.sheet == sheet)
    _, ids, _ = cv2.aruco.ArucoDetector(dictionary).detectMarkers(read(pages[0]))
    assert ids is None or len(ids) == 0  # the guide's drawing of the mat is no mat to a detector


def letter_box(mat: MatLayout, sheet: str) -> tuple[float, float, float, float]:
    corner = letter_corner(mat, sheet)
    r = INK_REACH
    return (corner.x - r, corner.x + LETTER_W_MM + r, corner.y - r, corner.y + LETTER_MM + r)


@pytest.mark.parametrize("paper", list(Paper))
def test_each_big_letter_is_light_grey_and_off_the_feet_paper_and_the_markers(
    paper: Paper,
) -> None:
    mat = layout(paper)
    picture = render_assembled(mat, K)
    for sheet in SHEETS:
        x0, x1, y0, y1 = letter_box(mat, sheet)
        assert y1 - y0 >= 30 and x1 - x0 >= 20
        corners = [Point(x, y) for x in (x0, x1) for y in (y0, y1)]
        assert not any(in_clear_area(c) for c in corners)
        behind = y1 < -CLEAR_BEHIND_MM - 2  # the back sheets' strip, behind the heels' band
        assert behind or min(math.hypot(c.x, c.y) for c in corners) >= CLEAR_RADIUS_MM + 2
        for m in mat.markers:
            a, b = m.corners[0], m.corners[2]
            apart = max(a.x - QUIET_MM - x1, x0 - b.x - QUIET_MM, a.y - QUIET_MM - y1)
            assert max(apart, y0 - b.y - QUIET_MM) >= 1.5, (sheet, m.id)
        box = picture[_rows(mat, y0, y1), _cols(mat, x0, x1)]
        inked = box < PAPER_GREY - 30
        assert inked.mean() > 0.08, sheet  # the letter is there...
        assert box.min() > 0.6 * PAPER_GREY + 15, sheet  # ...and never dark enough for a foot


def _rows(mat: MatLayout, y0: float, y1: float, k: float = K) -> slice:
    top = floor_box(mat)[2]
    return slice(round((y0 - top) * k), round((y1 - top) * k))


def _cols(mat: MatLayout, x0: float, x1: float, k: float = K) -> slice:
    left = floor_box(mat)[0]
    return slice(round((x0 - left) * k), round((x1 - left) * k))


@pytest.mark.parametrize("paper", list(Paper))
def test_the_seam_marks_meet_across_every_seam_where_the_layout_puts_them(paper: Paper) -> None:
    mat = layout(paper)
    picture = render_assembled(mat, K)
    for sheet in SHEETS:
        marks = seam_marks(mat, sheet)
        assert len(marks) == (7 if sheet.startswith("B") else 6)
        for at, away, _ in marks:
            along = Vector(-away.dy, away.dx)
            tick, arm = at + away * (MARK_ARM / 2), at + (away + along) * (MARK_ARM / 2)
            # Between the tick and the arm: the paper or a stripe, so the cross reads as lines.
            gap = pixel(mat, picture, tick + along * (MARK_ARM / 4))
            assert gap > STRIPE_INK - 10, (sheet, at)
            for p in (tick, arm):
                assert pixel(mat, picture, p) < min(gap, PAPER_GREY) - 35, (sheet, p)
    # Each seam shows both halves: the marks of the two sheets either side lie face to face.
    for first, second in (("BL", "BR"), ("FL", "FR"), ("BR", "FR"), ("BL", "FL")):
        near = {(round(a.x, 3), round(a.y, 3)) for a, _, _ in seam_marks(mat, first)}
        assert near & {(round(a.x, 3), round(a.y, 3)) for a, _, _ in seam_marks(mat, second)}


def test_a_gap_at_a_seam_breaks_its_marks_by_as_much() -> None:
    mat = layout(Paper.A4)
    shifted = {s: np.array([[1.0, 0, -3.0], [0, 1.0, 0], [0, 0, 1.0]]) for s in ("BR", "FR")}
    apart = render_assembled(mat, K, moves=shifted)
    at = Point(0, -mat.back + 6)  # the back row's first mark, on the seam
    # BR moved 3 mm away: its half of the cross now ends 3 mm short of the seam.
    assert pixel(mat, apart, Point(-1.5, at.y)) > PAPER_GREY - 10
    assert pixel(mat, apart, Point(-4.5, at.y)) < PAPER_GREY - 40


def empty_mat_frame(mat: MatLayout) -> np.ndarray:
    grey = np.clip(np.round(render_assembled(mat, 2.0, PAD_MM)), 0, 255).astype(np.uint8)
    return cv2.cvtColor(grey, cv2.COLOR_GRAY2BGR)


@pytest.mark.parametrize("paper", list(Paper))
def test_on_the_assembled_mat_with_its_marks_the_foot_finder_sees_no_foot(paper: Paper) -> None:
    mat = layout(paper)
    frame = empty_mat_frame(mat)
    view = ArucoMatDetector().detect(frame)
    assert view is not None and len(view.markers) == len(mat.markers)
    assert SilhouetteFootFinder().find(frame, view, None) == (None, None)
    # The finder's own rule, over all the paper where feet may stand: darker than 0.6 of the
    # paper, and wider than its 5 mm opening. Nothing printed there passes both.
    picture = render_assembled(mat, 1.0)
    dark = (picture < 0.6 * PAPER_GREY).astype(np.uint8)
    opened = cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((5, 5), np.uint8))
    rows = _rows(mat, -CLEAR_BEHIND_MM, mat.front, 1.0)
    feet_paper = opened[rows, :].copy()
    for m in mat.markers:  # the markers are dark and wide, and the finder leaves them out
        a, b = m.corners[0], m.corners[2]
        top, left = floor_box(mat)[2], floor_box(mat)[0]
        r0, r1 = round(a.y - top - 4) - rows.start, round(b.y - top + 4) - rows.start
        feet_paper[max(r0, 0) : max(r1, 0), round(a.x - left - 4) : round(b.x - left + 4)] = 0
    assert feet_paper[:, _cols(mat, -mat.half_width, mat.half_width, 1.0)].sum() == 0


def feet_frame(mat: MatLayout, left: float, right: float) -> np.ndarray:
    frame = empty_mat_frame(mat)
    to_px = floor_to_pixels(floor_box(mat, PAD_MM), 2.0)
    for foot in first_position_feet(left, right):
        outline = np.array([(to_px @ [p.x, p.y, 1.0])[:2] for p in foot_outline(foot)])
        cv2.fillPoly(frame, [np.round(outline * 16).astype(np.int32)], (60, 60, 70), 16, 4)
    return frame


@pytest.mark.parametrize(("left", "right"), [(30, 30), (50, 50), (60, 40), (75, 75), (88, 88)])
def test_the_new_marks_do_not_move_the_foot_outline(
    left: float, right: float, monkeypatch: pytest.MonkeyPatch
) -> None:
    mat = layout(Paper.A4)
    readings = []
    # Straight from above, where no camera height can be told: the outlines alone are compared.
    monkeypatch.setattr(feet_module, "on_floor", lambda foot, place, line, left: foot)
    for marks in (True, False):
        if not marks:
            monkeypatch.setattr(mat_pdf_module, "draw_marks", lambda *_: None)
        frame = feet_frame(mat, left, right)
        view = ArucoMatDetector().detect(frame)
        assert view is not None
        found = SilhouetteFootFinder().find(frame, view, None)
        assert found[0] is not None and found[1] is not None
        readings.append(first_position(found[0], found[1]))
    with_marks, without = readings
    assert with_marks.total == pytest.approx(left + right, abs=3)
    assert with_marks.left == pytest.approx(without.left, abs=0.3)
    assert with_marks.right == pytest.approx(without.right, abs=0.3)


@pytest.mark.parametrize("paper", list(Paper))
def test_each_sheet_prints_its_own_stripes_under_everything_else(paper: Paper) -> None:
    from turnout.adapters.vision.mat_pdf import _page_content
    from turnout.adapters.vision.mat_stripes import PERIOD_MM, STRIPE_GREY, stripes

    mat = layout(paper)
    for sheet in SHEETS:
        ops = _page_content(mat, sheet).splitlines()
        grey = [i for i, op in enumerate(ops) if op.startswith(f"{STRIPE_GREY:.2f} g ")]
        rects = stripes(mat, sheet)
        assert grey == list(range(len(rects)))  # first, so every mark lies on top of them
        assert len(rects) >= 16
        for x0, x1, y0, y1 in rects:
            assert x0 % PERIOD_MM == pytest.approx(0) or x0 == -mat.half_width
            assert in_clear_area(Point(x0, y0)) and in_clear_area(Point(x1, y1))
            assert (x0 >= 0) == sheet.endswith("L")
