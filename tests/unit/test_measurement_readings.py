"""Readings with method and side, medians of trials, and change against a method's error."""

from __future__ import annotations

from datetime import date

import pytest

from turnout.domain.measurement import (
    Measurement,
    MeasurementEntry,
    Method,
    Quantity,
    Side,
    change,
    measurement,
    median_of,
    series,
)
from turnout.domain.validation import InvalidValueError

TODAY = date(2026, 3, 1)


def standing(value: float, day: int = 1, method: Method = Method.PAPER) -> Measurement:
    return measurement(
        MeasurementEntry(method.value, "both", [value] * 3, date(2026, 2, day)), TODAY
    )


def test_a_measuring_session_keeps_the_median_of_its_three_trials() -> None:
    reading = measurement(
        MeasurementEntry("paper_tracing", "both", [120, 131, 126], date(2026, 2, 1)), TODAY
    )
    assert reading.value == 126 and reading.quantity is Quantity.STANDING
    assert median_of([40.0, 44.0]) == 42.0


def test_hip_rotation_is_one_hip_at_a_time() -> None:
    reading = measurement(MeasurementEntry("goniometer", "left", [48, 50, 47], TODAY), TODAY)
    assert reading.side is Side.LEFT and reading.quantity is Quantity.HIP_ER
    with pytest.raises(InvalidValueError, match="side") as refused:
        measurement(MeasurementEntry("goniometer", "both", [48], TODAY), TODAY)
    assert refused.value.field == "side"


def test_a_hip_rotation_of_400_degrees_is_refused_naming_the_trial() -> None:
    with pytest.raises(InvalidValueError) as refused:
        measurement(MeasurementEntry("goniometer", "right", [45, 400, 47], TODAY), TODAY)
    assert refused.value.field == "trials[2]"
    assert "400 degrees is not possible" in str(refused.value)


def test_a_negative_or_non_numeric_trial_is_refused() -> None:
    with pytest.raises(InvalidValueError, match=r"trials\[1\]"):
        measurement(MeasurementEntry("paper_tracing", "both", [-5], TODAY), TODAY)
    with pytest.raises(InvalidValueError, match="not a number"):
        measurement(MeasurementEntry("paper_tracing", "both", [float("nan")], TODAY), TODAY)


def test_a_future_date_is_refused() -> None:
    with pytest.raises(InvalidValueError, match="future") as refused:
        measurement(MeasurementEntry("paper_tracing", "both", [120], date(2026, 3, 2)), TODAY)
    assert refused.value.field == "taken_on"


@pytest.mark.parametrize("method", [None, "", "ruler"])
def test_a_missing_or_unknown_method_is_refused(method: str | None) -> None:
    with pytest.raises(InvalidValueError) as refused:
        measurement(MeasurementEntry(method, "both", [120], TODAY), TODAY)
    assert refused.value.field == "method"


def test_no_trials_or_too_many_are_refused() -> None:
    with pytest.raises(InvalidValueError, match="trials"):
        measurement(MeasurementEntry("paper_tracing", "both", [], TODAY), TODAY)
    with pytest.raises(InvalidValueError, match="trials"):
        measurement(MeasurementEntry("paper_tracing", "both", [1.0] * 6, TODAY), TODAY)


def test_a_change_smaller_than_the_method_error_is_day_to_day_variation() -> None:
    small = change(standing(120, 1), standing(126, 8))
    assert not small.beyond_error and (small.delta, small.error) == (6, 10)
    large = change(standing(120, 1), standing(133, 20))
    assert large.beyond_error and large.delta == 13


def test_the_goniometer_error_is_tighter_than_standing_turnout() -> None:
    within = [
        measurement(MeasurementEntry("goniometer", "left", [v], TODAY), TODAY) for v in (40, 48)
    ]
    assert within[0].error == 9 and not change(*within).beyond_error
    beyond = [
        measurement(MeasurementEntry("goniometer", "left", [v], TODAY), TODAY) for v in (40, 50)
    ]
    assert change(*beyond).beyond_error


def test_readings_of_different_methods_are_never_compared() -> None:
    with pytest.raises(ValueError, match="same method"):
        change(standing(120, 1, Method.PAPER), standing(130, 2, Method.CAMERA_MAT))


def test_each_method_and_side_is_its_own_trend_line_oldest_first() -> None:
    lines = series([standing(125, 9), standing(120, 1), standing(121, 5, Method.CAMERA_MAT)])
    assert set(lines) == {(Method.PAPER, Side.BOTH), (Method.CAMERA_MAT, Side.BOTH)}
    assert [r.value for r in lines[(Method.PAPER, Side.BOTH)]] == [120, 125]
