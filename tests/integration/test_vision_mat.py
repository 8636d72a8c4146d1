"""The printed mat: its PDF, its layout, and finding it in pictures (real OpenCV)."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import cv2
import numpy as np
import pytest

from tests.integration.vision_scenes import CAMERAS, first_position_feet, scene
from turnout.adapters.vision.mat_detect import RETIRED_IDS, ArucoMatDetector
from turnout.adapters.vision.mat_layout import (
    CLEAR_BEHIND_MM,
    CLEAR_RADIUS_MM,
    MARKER_MM,
    QUIET_MM,
    SHEETS,
    Paper,
    in_clear_area,
    layout,
)
from turnout.adapters.vision.mat_pdf import PT_PER_MM, mat_pdf
from turnout.adapters.vision.mat_print_marks import PRINT_ORDER
from turnout.domain.geometry import Point
from turnout.errors import MatError


@pytest.mark.parametrize("paper", list(Paper))
def test_the_mat_pdf_has_a_guide_and_four_sheets_of_the_chosen_paper(paper: Paper) -> None:
    pdf = mat_pdf(paper)
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    mat = layout(paper)
    expected = (mat.page_width * PT_PER_MM, mat.page_height * PT_PER_MM)
    assert [(float(w), float(h)) for w, h in boxes] == [pytest.approx(expected)] * 5


def test_each_sheet_has_its_own_marker_ids_and_papers_do_not_share_any() -> None:
    a4, letter = layout(Paper.A4), layout(Paper.LETTER)
    ids = [m.id for m in a4.markers] + [m.id for m in letter.markers]
    assert len(ids) == len(set(ids))
    per_sheet = [{m.id for m in a4.markers if m.sheet == sheet} for sheet in SHEETS]
    assert all(per_sheet) and sum(map(len, per_sheet)) == len(set().union(*per_sheet))


@pytest.mark.parametrize("paper", list(Paper))
def test_the_mat_is_wide_enough_for_feet_opened_to_180_degrees(paper: Paper) -> None:
    assert 2 * layout(paper).half_width >= 520


@pytest.mark.parametrize("paper", list(Paper))
def test_every_marker_lies_inside_the_printable_area(paper: Paper) -> None:
    mat = layout(paper)
    for marker in mat.markers:
        for corner in marker.corners:
            assert abs(corner.x) <= mat.half_width
            assert -mat.back <= corner.y <= mat.front


@pytest.mark.parametrize("paper", list(Paper))
def test_where_the_feet_go_is_plain_paper_with_the_markers_around_it(paper: Paper) -> None:
    mat = layout(paper)
    # A foot 28 cm long, heels together, at any angle from 60 to 180 deg total, fits ahead
    # of the heel line; and white paper lies behind it for the heels.
    assert mat.front >= 270 and mat.back >= CLEAR_BEHIND_MM + MARKER_MM
    assert CLEAR_RADIUS_MM >= 285
    for marker in mat.markers:
        c = marker.centre
        # Every point of the marker and of its quiet border, sampled every 2 mm.
        span = np.arange(-MARKER_MM / 2 - QUIET_MM, MARKER_MM / 2 + QUIET_MM + 0.1, 2.0)
        assert not any(in_clear_area(Point(c.x + dx, c.y + dy)) for dx in span for dy in span)
    assert {m.sheet for m in mat.markers} == set(SHEETS)
    assert {m.sheet for m in mat.markers if m.centre.y < 0} == {"BL", "BR"}


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler) is not installed")
def test_the_printed_pdf_shows_markers_of_the_promised_size(tmp_path: Path) -> None:
    (tmp_path / "mat.pdf").write_bytes(mat_pdf(Paper.A4))
    dpi = 100
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-png", str(tmp_path / "mat.pdf"), str(tmp_path / "p")],
        check=True,
    )
    dictionary = cv2.aruco.getPredefinedDictionary(cv2.aruco.DICT_4X4_50)
    pages = sorted(tmp_path.glob("p*.png"))
    assert len(pages) == 5  # the assembly guide, then the sheets A to D
    mat, sides, found = layout(Paper.A4), [], []
    for sheet, path in zip(PRINT_ORDER, pages[1:], strict=True):
        corners, ids, _ = cv2.aruco.ArucoDetector(dictionary).detectMarkers(cv2.imread(str(path)))
        assert ids is not None
        assert sorted(ids.ravel()) == sorted(m.id for m in mat.markers if m.sheet == sheet)
        found += list(ids.ravel())
        sides += [np.linalg.norm(c[0][0] - c[0][1]) for c in corners]
    assert len(found) == len(mat.markers)
    assert np.median(sides) / (dpi / 25.4) == pytest.approx(MARKER_MM, rel=0.03)


def test_the_mat_is_found_from_every_virtual_camera() -> None:
    mat, detector = layout(Paper.LETTER), ArucoMatDetector()
    for camera in CAMERAS:
        view = detector.detect(scene(mat, camera, first_position_feet(60, 60)))
        assert view is not None and view.paper == "letter"
        assert view.rms_mm < 1.5


def test_a_picture_without_the_mat_finds_none() -> None:
    assert ArucoMatDetector().detect(np.full((480, 640, 3), 200, np.uint8)) is None


def test_a_mat_with_only_one_square_showing_asks_to_uncover_it() -> None:
    mat = layout(Paper.A4)
    picture = scene(mat, CAMERAS[0], first_position_feet(60, 60))
    dictionary = cv2.aruco.getPredefinedDictionary(cv2.aruco.DICT_4X4_50)
    corners, _, _ = cv2.aruco.ArucoDetector(dictionary).detectMarkers(picture)
    for quad in corners[1:]:
        cv2.fillConvexPoly(picture, quad.reshape(4, 2).astype(np.int32), (90, 60, 60))
    with pytest.raises(MatError, match="uncover"):
        ArucoMatDetector().detect(picture)


def test_sheets_printed_at_different_scales_are_caught() -> None:
    mat = layout(Paper.A4)
    # Sheet BR printed at 92%: its markers shrink toward the middle of its page.
    middle = Point(-mat.half_width / 2, (mat.seam - mat.back) / 2)
    shrunk = [
        replace(m, corners=tuple(middle + (c - middle) * 0.92 for c in m.corners))
        if m.sheet == "BR"
        else m
        for m in mat.markers
    ]
    picture = scene(replace(mat, markers=tuple(shrunk)), CAMERAS[0], first_position_feet(90, 90))
    with pytest.raises(MatError, match=r"different sizes|line up"):
        ArucoMatDetector([mat]).detect(picture)


def test_a_print_of_the_old_two_sheet_mat_asks_for_the_new_one() -> None:
    mat = layout(Paper.A4)
    assert not RETIRED_IDS & {m.id for paper in Paper for m in layout(paper).markers}
    # Ids 4-15 in these places: among them 12-15, printed only on the two-sheet mat.
    old = replace(mat, markers=tuple(replace(m, id=m.id + 4) for m in mat.markers))
    picture = scene(old, CAMERAS[0], first_position_feet(60, 60))
    with pytest.raises(MatError, match="old two-sheet mat"):
        ArucoMatDetector().detect(picture)
