"""The mat's self-check of how its sheets were laid: gaps measured from the markers alone."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from tests.integration.hard_conditions import scenes
from tests.integration.hard_scenes import render
from turnout.adapters.vision.mat_corners import CornerRefiner
from turnout.adapters.vision.mat_detect import ArucoMatDetector
from turnout.adapters.vision.mat_layout import Paper, layout
from turnout.adapters.vision.mat_seams import seam_gaps
from turnout.errors import MatError

DICTIONARY = cv2.aruco.getPredefinedDictionary(cv2.aruco.DICT_4X4_50)


def measured_gaps(image: np.ndarray, paper: Paper) -> dict[tuple[str, str], float]:
    gray = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    corners, ids, _ = cv2.aruco.ArucoDetector(DICTIONARY).detectMarkers(gray)
    mat = layout(paper)
    rough = {
        int(i): c.reshape(4, 2).astype(np.float64)
        for i, c in zip(ids.ravel(), corners, strict=True)
        if mat.marker(int(i)) is not None
    }
    seen = CornerRefiner(DICTIONARY).refine(gray, rough)
    image_pts = np.concatenate([seen[i] for i in sorted(seen)])
    floor = [[c.x, c.y] for i in sorted(seen) for c in mat.marker(i).corners]  # type: ignore[union-attr]
    h, _ = cv2.findHomography(image_pts, np.array(floor, np.float64), 0)
    return seam_gaps(mat, seen, h)


@pytest.mark.parametrize(
    ("condition", "kind", "mm"),
    [
        ("clean dark shoes", "", 0.0),
        ("gap front-back 8 mm", "front-back", 8.0),
        ("gap left-right 5 mm", "left-right", 5.0),
        ("overlap front-back 5 mm", "front-back", -5.0),
    ],
)
def test_each_seam_gap_is_measured_within_a_millimetre(
    condition: str, kind: str, mm: float
) -> None:
    for spec in scenes(condition, 3, seed=7):
        gaps = measured_gaps(render(spec).image, spec.paper)
        assert len(gaps) >= 2  # a seam of each kind, at least
        for (first, second), gap in gaps.items():
            seam = "left-right" if first[0] == second[0] else "front-back"  # BL-BR: same row
            expected = mm if seam == kind else 0.0
            assert gap == pytest.approx(expected, abs=1.0), (condition, first, second, gaps)


def test_sheets_laid_apart_are_refused_with_which_sheets_and_how_far() -> None:
    detector = ArucoMatDetector()
    for spec in scenes("gap front-back 8 mm", 2, seed=3):
        with pytest.raises(MatError, match=r"Sheets [AB] and [CD] lie about [78] mm apart"):
            detector.detect(render(spec).image)
    for spec in scenes("gap front-back 3 mm", 2, seed=3):
        assert detector.detect(render(spec).image) is not None  # 3 mm costs no accuracy
