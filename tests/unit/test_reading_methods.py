"""Each way of reading a frame carries its own error band; the mat's ways are calibrated."""

from __future__ import annotations

from turnout.services.measuring import (
    BAND_MODEL_POINTS,
    BAND_OUTLINE,
    BAND_UNCALIBRATED,
    ReadingMethod,
)


def test_the_foot_outline_and_points_placed_by_hand_have_the_narrowest_band() -> None:
    assert ReadingMethod.MAT_OUTLINE.band == ReadingMethod.HAND.band == BAND_OUTLINE


def test_the_models_toe_points_on_the_mat_have_a_wider_band() -> None:
    assert ReadingMethod.MAT_MODEL_POINTS.band == BAND_MODEL_POINTS > BAND_OUTLINE


def test_without_the_mat_every_reading_is_uncalibrated_with_the_widest_band() -> None:
    off_mat = [ReadingMethod.UNCALIBRATED, ReadingMethod.FRONT_VIEW, ReadingMethod.SIDE_VIEW]
    assert all(not m.calibrated and m.band == BAND_UNCALIBRATED for m in off_mat)
    on_mat = [ReadingMethod.MAT_OUTLINE, ReadingMethod.MAT_MODEL_POINTS, ReadingMethod.HAND]
    assert all(m.calibrated for m in on_mat)
