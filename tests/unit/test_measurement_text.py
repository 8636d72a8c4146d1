"""How measurements read: method names, changes against the method's error, compensated-turnout
advice and reference ranges."""

from __future__ import annotations

import pytest

from turnout.domain.compensation import Flag
from turnout.domain.measurement import Change, Method
from turnout.services.measurement_text import (
    REFERENCE_RANGES,
    change_text,
    error_text,
    flag_advice,
    method_label,
)


def test_a_change_within_the_error_is_signed_and_called_day_to_day_variation() -> None:
    assert change_text(Change(-6.0, 10.0)) == (
        "-6 degrees: within normal day-to-day variation (this method varies by about 10)"
    )
    assert change_text(Change(6.0, 10.0)).startswith("+6 degrees: within")


@pytest.mark.parametrize(
    ("delta", "words"), [(13.0, "13 degrees more"), (-13.0, "13 degrees less")]
)
def test_a_change_beyond_the_error_says_more_or_less_without_a_sign(
    delta: float, words: str
) -> None:
    assert change_text(Change(delta, 10.0)) == f"{words}: beyond this method's error"


def test_every_method_has_a_name_and_an_error_as_people_quote_it() -> None:
    assert all(method_label(m) and error_text(m) for m in Method)
    assert (method_label(Method.CAMERA), error_text(Method.CAMERA)) == (
        "Camera without the mat (estimate)",
        "20 or more",
    )


def test_the_red_prompt_coaches_and_suggests_a_physiotherapist_without_diagnosing() -> None:
    text = flag_advice(Flag.RED)
    assert "not a diagnosis" in text and "dance physiotherapist" in text


def test_reference_ranges_are_context_and_180_is_never_a_goal() -> None:
    text = " ".join(REFERENCE_RANGES)
    assert "134-136" in text and "not targets" in text and "not a realistic goal" in text
