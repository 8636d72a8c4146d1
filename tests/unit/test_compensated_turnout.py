"""Compensated turnout: standing turnout minus both hips, with amber and red prompts."""

from __future__ import annotations

from datetime import date, timedelta

from turnout.domain.compensation import Flag, compensated, flag_for
from turnout.domain.measurement import Measurement, MeasurementEntry, Method, measurement

DAY0 = date(2026, 2, 1)
TODAY = date(2026, 6, 1)


def reading(method: str, side: str, value: float, day: int = 0) -> Measurement:
    return measurement(
        MeasurementEntry(method, side, [value, value, value], DAY0 + timedelta(day)), TODAY
    )


def test_compensated_turnout_is_standing_minus_left_and_right_hip_rotation() -> None:
    lines = compensated(
        [
            reading("paper_tracing", "both", 130),
            reading("goniometer", "left", 50, 2),
            reading("goniometer", "right", 45, 3),
        ]
    )
    (point,) = lines[Method.PAPER]
    assert point.value == 35 and point.flag is Flag.RED
    assert point.error > 10  # three errors together are wider than any one


def test_the_flags_are_amber_above_15_and_red_above_25() -> None:
    assert [flag_for(v) for v in (-5, 15, 15.1, 25, 25.1)] == [
        Flag.GREEN,
        Flag.GREEN,
        Flag.AMBER,
        Flag.AMBER,
        Flag.RED,
    ]


def test_hips_measured_far_from_the_standing_reading_are_not_paired() -> None:
    lines = compensated(
        [
            reading("paper_tracing", "both", 130),
            reading("goniometer", "left", 50, 40),
            reading("goniometer", "right", 45, 40),
        ]
    )
    assert lines == {}


def test_the_closest_hip_readings_are_used_and_each_standing_method_is_its_own_line() -> None:
    lines = compensated(
        [
            reading("goniometer", "left", 40, 0),
            reading("goniometer", "left", 48, 9),
            reading("goniometer", "right", 46, 9),
            reading("paper_tracing", "both", 110, 10),
            reading("camera_mat", "both", 115, 10),
        ]
    )
    assert [p.value for p in lines[Method.PAPER]] == [16]
    assert [p.flag for p in lines[Method.CAMERA_MAT]] == [Flag.AMBER]
