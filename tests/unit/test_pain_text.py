"""Stop and pain in words: what each Stop means for the exercise, and reasons to get help."""

from __future__ import annotations

import pytest

from turnout.domain.pain import WARNING_SIGNS, Referral, ReferralReason, StopReason, stop_rule
from turnout.domain.safety import Region
from turnout.services.pain_text import STOP_LABELS, referral_text, stop_explanation


@pytest.mark.parametrize("reason", sorted(WARNING_SIGNS))
def test_each_warning_sign_says_why_it_ends_the_exercise_and_when_to_get_help(
    reason: StopReason,
) -> None:
    text = stop_explanation(stop_rule(reason))
    assert "This exercise is over for today." in text and "physiotherapist" in text


def test_ordinary_soreness_is_called_normal_and_the_line_is_drawn_at_sharp_pain() -> None:
    text = stop_explanation(stop_rule(StopReason.SORENESS))
    assert "normal" in text and "sharp" in text and "over for today" not in text


def test_a_break_for_another_reason_is_a_pause_to_resume_or_skip() -> None:
    assert stop_explanation(stop_rule(StopReason.OTHER)) == (
        "Paused. Take the time you need, then resume or skip."
    )


def test_every_stop_reason_has_a_button_label() -> None:
    assert set(STOP_LABELS) == set(StopReason)


def test_lasting_pain_names_the_region_and_the_48_hours() -> None:
    found = Referral(ReferralReason.LASTING, Region.KNEE)
    assert referral_text(found) == "knee pain has lasted more than 48 hours"


def test_worsening_pain_names_the_region_in_words() -> None:
    found = Referral(ReferralReason.WORSENING, Region.HIP_GROIN)
    assert referral_text(found) == "hip or groin pain has been worse at each of your last sessions"


def test_pain_at_night_is_about_no_region() -> None:
    assert referral_text(Referral(ReferralReason.WOKE_AT_NIGHT)) == "pain has woken you at night"
