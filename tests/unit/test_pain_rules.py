"""Pain checks, stop rules and when to advise seeing a professional."""

from __future__ import annotations

import pytest

from turnout.domain.pain import (
    HOUR,
    WARNING_SIGNS,
    Moment,
    PainCheck,
    Referral,
    ReferralReason,
    StopReason,
    referral,
    stop_rule,
)
from turnout.domain.safety import Region
from turnout.domain.validation import InvalidValueError

T0 = 1_767_225_600.0


def check(at_hours: float, moment: Moment = Moment.BEFORE, **scores: int) -> PainCheck:
    return PainCheck(moment, T0 + at_hours * HOUR, {Region(k): v for k, v in scores.items()})


@pytest.mark.parametrize("reason", sorted(WARNING_SIGNS))
def test_each_warning_sign_ends_the_exercise_for_the_day(reason: StopReason) -> None:
    decision = stop_rule(reason)
    assert decision.ends_exercise and decision.reason is reason


def test_ordinary_soreness_does_not_end_the_exercise() -> None:
    assert not stop_rule(StopReason.SORENESS).ends_exercise


def test_a_break_for_another_reason_only_pauses() -> None:
    assert not stop_rule(StopReason.OTHER).ends_exercise


def test_a_pain_score_outside_0_to_10_is_refused_naming_the_region() -> None:
    with pytest.raises(InvalidValueError, match=r"pain\.knee") as refused:
        check(0, knee=-1)
    assert refused.value.field == "pain.knee"
    with pytest.raises(InvalidValueError, match=r"pain\.low_back"):
        check(0, low_back=11)


def test_soreness_is_asked_after_a_session_only() -> None:
    PainCheck(Moment.AFTER, T0, {}, soreness=4)
    with pytest.raises(InvalidValueError, match="soreness"):
        PainCheck(Moment.BEFORE, T0, {}, soreness=4)
    with pytest.raises(InvalidValueError, match="soreness"):
        PainCheck(Moment.AFTER, T0, {}, soreness=12)


def test_no_pain_means_no_referral() -> None:
    assert referral([check(0), check(24), check(48)], T0 + 60 * HOUR) == ()


def test_pain_in_every_check_for_more_than_48_hours_is_a_reason_to_see_someone() -> None:
    checks = [check(0, knee=3), check(30, knee=2), check(50, knee=2)]
    assert referral(checks, T0 + 50 * HOUR) == (Referral(ReferralReason.LASTING, Region.KNEE),)


def test_a_pain_free_check_in_between_restarts_the_48_hours() -> None:
    checks = [check(0, knee=3), check(30), check(50, knee=2)]
    assert referral(checks, T0 + 50 * HOUR) == ()


def test_pain_worse_at_each_of_three_sessions_is_a_reason_to_see_someone() -> None:
    checks = [check(0, hip_groin=1), check(24 * 3), check(24 * 5, hip_groin=2)]
    assert referral(checks, T0 + 24 * 5 * HOUR) == ()
    rising = [check(0, hip_groin=1), check(20, hip_groin=2), check(40, hip_groin=4)]
    assert referral(rising, T0 + 40 * HOUR) == (
        Referral(ReferralReason.WORSENING, Region.HIP_GROIN),
    )


def test_pain_that_wakes_the_dancer_at_night_is_a_reason_this_week() -> None:
    night = PainCheck(Moment.BEFORE, T0, {Region.LOW_BACK: 2}, wakes_at_night=True)
    assert referral([night], T0 + HOUR) == (Referral(ReferralReason.WOKE_AT_NIGHT),)
    assert referral([night], T0 + 8 * 24 * HOUR) == ()
