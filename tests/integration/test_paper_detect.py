"""Plain sheets of paper as the floor reference: found, told apart, mapped, and refused."""

from __future__ import annotations

import dataclasses
import math

import cv2
import numpy as np
import pytest

from tests.integration.hard_conditions import scenes
from tests.integration.hard_floor import Sheets
from tests.integration.hard_scenes import Scene, SceneSpec, render
from turnout.adapters.vision.mat_layout import Paper
from turnout.adapters.vision.paper_detect import CORNERS_KEY, PaperFit, PlainPaperDetector
from turnout.domain.geometry import Point
from turnout.errors import MatError

# Measured by bench/paper_detect.py on these rendered scenes: the heel-to-toe vectors come out
# within 0.2 mm (p95 0.12 mm); this leaves room for other platforms' OpenCV.
FEET_MM = 0.5


def laid(paper: Paper, count: int, where: str = "under", index: int = 0) -> SceneSpec:
    """A scene of the plain-paper condition, with its paper re-laid as asked."""
    spec = scenes("plain paper, 2 sheets", index + 1, seed=7)[index]
    assert spec.sheets is not None
    sheets = dataclasses.replace(spec.sheets, paper=paper, count=count, where=where)
    return dataclasses.replace(spec, sheets=sheets)


def own_frame(fit: PaperFit, scene: Scene) -> np.ndarray:
    """The floor-to-sheets'-frame transform: the detector's frame assumes the sheets lie
    centred with the back edge at y = -60; the scene laid them a little turned and shifted."""
    rects = scene.truth.sheets
    placed = rects[0] if len(rects) == 1 else [rects[0][0], rects[1][1], rects[1][2], rects[0][3]]
    placement, _ = cv2.findHomography(fit.shape.floor_corners(), np.array(placed), 0)
    return np.linalg.inv(placement)


def feet_errors(fit: PaperFit, scene: Scene) -> list[float]:
    """How far each heel-to-toe vector, mapped through the found homography, is from the truth."""
    to_image = scene.spec.view.camera().floor_to_image()
    to_own, h = own_frame(fit, scene), np.array(fit.view.image_to_floor)
    errors = []
    for foot in scene.truth.feet:
        ends = np.array([[[foot.heel.x, foot.heel.y]], [[foot.toe.x, foot.toe.y]]])
        truth = cv2.perspectiveTransform(ends, to_own).reshape(2, 2)
        found = cv2.perspectiveTransform(cv2.perspectiveTransform(ends, to_image), h)
        errors.append(float(np.linalg.norm(np.diff(found.reshape(2, 2) - truth, axis=0))))
    return errors


@pytest.mark.parametrize(
    ("paper", "count", "name"),
    [
        (Paper.A4, 1, "a4-paper-1"),
        (Paper.A4, 2, "a4-paper-2"),
        (Paper.LETTER, 1, "letter-paper-1"),
        (Paper.LETTER, 2, "letter-paper-2"),
    ],
)
def test_each_paper_and_count_is_recognised_and_maps_the_feet_within_half_a_millimetre(
    paper: Paper, count: int, name: str
) -> None:
    scene = render(laid(paper, count))
    fit = PlainPaperDetector().fit(scene.image)
    assert fit is not None
    assert fit.view.paper == name and fit.view.markers == () and fit.view.sheet_scales == {}
    assert len(fit.view.corners[CORNERS_KEY]) == 4
    assert 0 < fit.view.rms_mm < 0.5
    assert max(feet_errors(fit, scene)) < FEET_MM


def test_sheets_laid_behind_the_feet_are_found_too() -> None:
    scene = render(laid(Paper.A4, 2, "behind"))
    fit = PlainPaperDetector().fit(scene.image)
    assert fit is not None and fit.view.paper == "a4-paper-2"
    assert max(feet_errors(fit, scene)) < FEET_MM


def test_the_error_estimate_covers_the_true_error_and_grows_with_distance() -> None:
    scene = render(laid(Paper.LETTER, 1))
    fit = PlainPaperDetector().fit(scene.image)
    assert fit is not None
    near, far = fit.error_mm_at(Point(0.0, 50.0)), fit.error_mm_at(Point(180.0, 180.0))
    assert max(feet_errors(fit, scene)) <= far
    assert 0 < near < far < 3.0


def test_the_homography_holds_the_floor_frame_the_dancer_is_told_to_use() -> None:
    scene = render(laid(Paper.A4, 1))
    fit = PlainPaperDetector([Paper.A4]).fit(scene.image)
    assert fit is not None
    back_left = fit.view.corners[CORNERS_KEY][1]
    h = np.array(fit.view.image_to_floor)
    mapped = cv2.perspectiveTransform(np.array([[[back_left.x, back_left.y]]]), h).ravel()
    assert mapped == pytest.approx([148.5, -60.0], abs=1e-3)


def test_a_sheet_cut_by_the_picture_border_is_refused() -> None:
    scene = render(laid(Paper.A4, 1))
    fit = PlainPaperDetector().fit(scene.image)
    assert fit is not None
    middle = round(float(np.mean([p.x for p in fit.view.corners[CORNERS_KEY]])))
    with pytest.raises(MatError, match="runs out of the picture"):
        PlainPaperDetector().fit(np.ascontiguousarray(scene.image[:, :middle]))


def test_a_floor_without_paper_is_refused_or_left_alone_when_paper_is_optional() -> None:
    rng = np.random.default_rng(3)
    floor = np.clip(rng.normal(120, 2, (960, 1280, 3)), 0, 255).astype(np.uint8)
    cv2.ellipse(floor, (640, 500), (60, 160), 20, 0, 360, (60, 60, 70), -1)
    with pytest.raises(MatError, match="No sheet of paper"):
        PlainPaperDetector().detect(floor)
    assert PlainPaperDetector(required=False).detect(floor) is None


@dataclasses.dataclass(frozen=True)
class Apart(Sheets):
    """Two sheets laid `gap` mm apart, or the left one `step` mm ahead of the right one."""

    gap: float = 0.0
    step: float = 0.0

    def rects(self) -> list[list[tuple[float, float]]]:
        right, left = super().rects()
        return [right, [(x + self.gap, y + self.step) for x, y in left]]


def apart(gap: float = 0.0, step: float = 0.0) -> SceneSpec:
    spec = laid(Paper.A4, 2)
    assert spec.sheets is not None
    s = spec.sheets
    sheets = Apart(s.paper, s.count, s.where, s.turn, s.shift, gap=gap, step=step)
    return dataclasses.replace(spec, sheets=sheets)


def test_two_sheets_with_floor_showing_between_them_are_refused() -> None:
    with pytest.raises(MatError, match="apart"):
        PlainPaperDetector().fit(render(apart(gap=8.0)).image)


def test_two_sheets_touching_within_a_millimetre_are_taken() -> None:
    fit = PlainPaperDetector().fit(render(apart(gap=1.0)).image)
    assert fit is not None and fit.view.paper == "a4-paper-2"


def test_two_sheets_out_of_line_are_refused() -> None:
    with pytest.raises(MatError, match=r"straight line|not one or two"):
        PlainPaperDetector().fit(render(apart(step=8.0)).image)


def test_a_far_away_sheet_is_refused_as_too_small() -> None:
    spec = laid(Paper.A4, 1)
    far = dataclasses.replace(spec.view, focal=spec.view.focal / 4)
    with pytest.raises(MatError, match="too small"):
        PlainPaperDetector().fit(render(dataclasses.replace(spec, view=far)).image)


def test_the_angle_between_the_feet_survives_the_map() -> None:
    scene = render(laid(Paper.LETTER, 2))
    fit = PlainPaperDetector([Paper.LETTER]).fit(scene.image)
    assert fit is not None
    to_image, h = scene.spec.view.camera().floor_to_image(), np.array(fit.view.image_to_floor)
    directions = []
    for foot in scene.truth.feet:
        ends = np.array([[[foot.heel.x, foot.heel.y]], [[foot.toe.x, foot.toe.y]]])
        found = cv2.perspectiveTransform(cv2.perspectiveTransform(ends, to_image), h).reshape(2, 2)
        directions.append(found[1] - found[0])
    a, b = directions
    between = math.degrees(math.acos(a @ b / np.linalg.norm(a) / np.linalg.norm(b)))
    assert between == pytest.approx(scene.truth.total, abs=0.2)
