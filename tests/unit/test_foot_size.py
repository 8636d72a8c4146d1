"""Foot outlines against the size of the dancer's feet, when the dancer's height is known."""

from __future__ import annotations

import pytest

from tests.fakes import FakeFootFinder, FakeFrame, FakeMatDetector
from tests.unit.test_form_measure_service import MAT, foot
from turnout.domain.form import Foot
from turnout.domain.geometry import Point
from turnout.errors import MeasureError
from turnout.services.measuring import Mode, Vision, foot_range_mm, measure_frames

FRAME = FakeFrame()


def vision(left: Foot, right: Foot) -> Vision:
    return Vision(FakeMatDetector(MAT), FakeFootFinder(left, right), None)


def test_the_range_follows_height() -> None:
    low, high = foot_range_mm(165)
    assert 200 < low < 215 and 310 < high < 320  # a 24-25 cm foot lies well inside
    assert foot_range_mm(120)[1] < 240 < foot_range_mm(165)[1]


@pytest.mark.parametrize("height", [None, 150, 165, 185])
def test_a_foot_sized_outline_is_measured(height: int | None) -> None:
    """The outlines are 250 mm long: a foot of anyone from 150 to 185 cm, in shoes."""
    report = measure_frames(
        [FRAME], vision(foot(60, True), foot(60, False)), Mode.FIRST_POSITION, height_cm=height
    )
    assert report.values["total"].median == pytest.approx(120)


def test_an_outline_too_long_for_a_child_is_refused() -> None:
    with pytest.raises(
        MeasureError, match=r"left foot is 25 cm long, but at 120 cm tall .*joins it"
    ):
        measure_frames(
            [FRAME], vision(foot(60, True), foot(60, False)), Mode.FIRST_POSITION, height_cm=120
        )


def test_an_outline_too_short_for_a_tall_dancer_is_refused() -> None:
    with pytest.raises(MeasureError, match="hidden or off the paper"):
        measure_frames(
            [FRAME], vision(foot(60, True), foot(60, False)), Mode.FIRST_POSITION, height_cm=215
        )


def test_the_heels_whole_segment_must_miss_before_an_outline_is_refused() -> None:
    """A heel that may lie anywhere on a 40 mm segment: one end fitting is enough."""
    left = Foot(Point(20, 0), Point(20, 250), (Point(20, 20), Point(20, -20)))
    right = Foot(Point(-20, 0), Point(-20, 250), (Point(-20, 20), Point(-20, -20)))
    low, _ = foot_range_mm(205)
    assert 250 < low < 270  # the middle misses, the far end (270 mm) fits
    measure_frames([FRAME], vision(left, right), Mode.FIRST_POSITION, height_cm=205)


def test_a_video_drops_the_frames_whose_outlines_do_not_fit() -> None:
    frames = [FRAME, FRAME]
    with pytest.raises(MeasureError, match=r"could be measured\. The outline"):
        measure_frames(
            frames,
            vision(foot(60, True), foot(60, False)),
            Mode.FIRST_POSITION,
            still=False,
            height_cm=110,
        )
