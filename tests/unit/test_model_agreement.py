"""The feet's outlines against the model's heel and ankle points, through a real camera."""

from __future__ import annotations

import math

import pytest

from tests.fakes import FakeFootFinder, FakeFrame, FakeMatDetector, FakePoseEstimator
from tests.unit.test_camera_place import _inv, homography
from turnout.domain.form import Foot
from turnout.domain.geometry import Point, apply_homography
from turnout.domain.mat import MatView
from turnout.domain.pose import Joint, Landmark, Pose
from turnout.errors import MeasureError
from turnout.services.measuring import Mode, Vision, measure_frames

CAMERA = (0.0, 1300.0, 1100.0)  # mm: in front of the dancer, 1.1 m up, looking at the heels
TO_FLOOR = homography(CAMERA, (0.0, 100.0), 1000.0)
TO_IMAGE = tuple(tuple(row) for row in _inv([list(r) for r in TO_FLOOR]))
MAT = MatView("a4", TO_FLOOR, (0, 1, 2), {}, 0.3, {"L": 1.0})
OUT = 60.0  # each foot's true turnout, deg


def seen(x: float, y: float, z: float) -> Landmark:
    """Where the camera sees the point `z` mm above floor point (x, y)."""
    cx, cy, ch = CAMERA
    k = ch / (ch - z)  # the ray through it meets the floor this much further out
    image = apply_homography(TO_IMAGE, Point(cx + (x - cx) * k, cy + (y - cy) * k))  # type: ignore[arg-type]
    return Landmark(image.x, image.y)


def foot(left: bool, shift: tuple[float, float] = (0.0, 0.0)) -> Foot:
    sign, rad = (1.0 if left else -1.0), math.radians(OUT)
    x, y = sign * 25.0 + shift[0], shift[1]
    return Foot(Point(x, y), Point(x + sign * 240 * math.sin(rad), y + 240 * math.cos(rad)))


def dancer(heel_shift: float = 0.0, feet_visible: float = 0.9) -> Pose:
    """A dancer in first position on the mat as the model sees her: heels 30 mm up at the
    heel mark (moved forward by `heel_shift` mm), ankles 90 mm up over the back of the foot,
    straight legs above them, shoulders above the hips."""
    marks = {}
    for side, sign in (("LEFT", 1.0), ("RIGHT", -1.0)):
        rad = math.radians(OUT)
        ax, ay = sign * (25.0 + 55 * math.sin(rad)), 55 * math.cos(rad)
        marks[Joint[f"{side}_HEEL"]] = seen(sign * 25.0, heel_shift - 5.0, 30.0)
        marks[Joint[f"{side}_TOE"]] = seen(sign * 150.0, 150.0, 20.0)
        marks[Joint[f"{side}_ANKLE"]] = seen(ax, ay, 90.0)
        marks[Joint[f"{side}_KNEE"]] = seen(ax, ay, 480.0)
        marks[Joint[f"{side}_HIP"]] = seen(ax, ay, 900.0)
        marks[Joint[f"{side}_SHOULDER"]] = seen(sign * 180.0, ay, 1400.0)
    for joint in (Joint.LEFT_HEEL, Joint.RIGHT_HEEL, Joint.LEFT_ANKLE, Joint.RIGHT_ANKLE):
        marks[joint] = Landmark(marks[joint].x, marks[joint].y, feet_visible)
    return Pose(marks, 1280, 960)


def measure(pose: Pose, left: Foot, right: Foot) -> float:
    vision = Vision(FakeMatDetector(MAT), FakeFootFinder(left, right), FakePoseEstimator([pose]))
    return measure_frames([FakeFrame()], vision, Mode.FIRST_POSITION).values["total"].median


def test_outlines_where_the_model_sees_the_feet_are_measured() -> None:
    assert measure(dancer(), foot(True), foot(False)) == pytest.approx(2 * OUT)


def test_a_heel_pushed_back_by_its_height_still_agrees_with_the_outline() -> None:
    """The model's heel point is 30 mm up, so it lands 30-40 mm behind the outline's heel in
    the top view; a few centimetres of the model's own error on top still agree."""
    assert measure(dancer(heel_shift=45.0), foot(True), foot(False)) == pytest.approx(2 * OUT)


@pytest.mark.parametrize(("shift", "side"), [((0.0, 140.0), "left"), ((110.0, 0.0), "left")])
def test_an_outline_a_hand_away_from_the_models_heel_is_refused(
    shift: tuple[float, float], side: str
) -> None:
    with pytest.raises(MeasureError, match=f"outline found for your {side} foot lies about 1"):
        measure(dancer(), foot(True, shift), foot(False))


def test_the_right_foot_is_checked_too() -> None:
    with pytest.raises(MeasureError, match="your right foot"):
        measure(dancer(), foot(True), foot(False, (0.0, 150.0)))


def test_feet_the_model_does_not_see_are_not_checked() -> None:
    """Low visibility: the model's heel and ankle points are guesses, and say nothing."""
    pose = dancer(feet_visible=0.2)
    assert measure(pose, foot(True, (0.0, 130.0)), foot(False, (0.0, 130.0))) > 0
