"""The rules of a studio's classes: join codes, what a teacher sees of a dancer (a minor's
guardian decides), whether health answers may be kept, and the red flags of one dancer."""

from __future__ import annotations

from datetime import date

import pytest

from turnout.domain.accounts import Account, Role
from turnout.domain.classes import (
    DAY,
    FLAG_DAYS,
    MISSED_DAYS,
    NOTHING,
    Assignment,
    Consent,
    DanceClass,
    FlagKind,
    Member,
    Share,
    assignment,
    first_share,
    is_minor,
    keeps_health,
    normal_code,
    red_flags,
    shown,
)
from turnout.domain.compensation import Compensated
from turnout.domain.measurement import Measurement, Method, Side
from turnout.domain.pain import Moment, PainCheck, StopEvent, StopReason
from turnout.domain.safety import Region

NOW = 1_800_000_000.0
TODAY = date.fromtimestamp(NOW)


def account(born: date | None) -> Account:
    return Account(7, 7, "d@example.org", "D", Role.DANCER, born, 0.0)


def consent(health: bool, sharing: bool) -> Consent:
    return Consent(7, 9, health, sharing, "2026-12", NOW)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("abcd-2345", "ABCD2345"), (" AB CD 23 45 ", "ABCD2345"), ("ABCD234O", None), ("ABC", None)],
)
def test_a_join_code_is_read_in_any_case_with_spaces_or_dashes(
    typed: str, stored: str | None
) -> None:
    assert normal_code(typed) == stored


def test_a_dancer_is_a_minor_until_the_birthday_of_the_consent_age() -> None:
    sixteen_tomorrow = date(TODAY.year - 16, TODAY.month, TODAY.day)
    assert not is_minor(account(sixteen_tomorrow), TODAY, 16)
    assert is_minor(account(date(TODAY.year - 15, 1, 1)), TODAY, 16)
    assert not is_minor(account(date(TODAY.year - 15, 1, 1)), TODAY, 13)
    assert not is_minor(account(None), TODAY, 16)


def test_an_adult_shares_everything_on_joining_a_minor_nothing() -> None:
    assert first_share(minor=False) == Share(True, True, True)
    assert first_share(minor=True) == NOTHING


def test_a_minor_shows_nothing_until_a_guardian_agrees_to_sharing() -> None:
    chosen = Share(True, True, True)
    assert shown(chosen, minor=True, consent=None) == NOTHING
    assert shown(chosen, minor=True, consent=consent(health=True, sharing=False)) == NOTHING
    assert shown(chosen, minor=True, consent=consent(health=True, sharing=True)) == chosen
    # Sharing without health data: practice and readings, but no safety flags.
    assert shown(chosen, True, consent(health=False, sharing=True)) == Share(True, True, False)
    # An adult's own choice stands, whatever anyone else says.
    assert shown(Share(False, True, False), False, None) == Share(False, True, False)


def test_health_answers_are_kept_for_adults_and_for_minors_only_with_consent() -> None:
    assert keeps_health(minor=False, consent=None)
    assert not keeps_health(minor=True, consent=None)
    assert not keeps_health(minor=True, consent=consent(health=False, sharing=True))
    assert keeps_health(minor=True, consent=consent(health=True, sharing=False))


def stop(reason: StopReason, at: float) -> StopEvent:
    return StopEvent("s1", "classic", 3, "frog", "Frog", reason, at)


def test_a_stop_for_a_warning_sign_is_a_flag_for_two_weeks_soreness_never() -> None:
    stops = [
        stop(StopReason.SHARP_PAIN, NOW - (FLAG_DAYS + 1) * DAY),
        stop(StopReason.SORENESS, NOW - DAY),
        stop(StopReason.NUMBNESS, NOW - 2 * DAY),
    ]
    flags = red_flags(stops, [], None, NOW - DAY, NOW - 30 * DAY, NOW)
    assert [(f.kind, f.detail) for f in flags] == [(FlagKind.WARNING_STOP, "numbness")]


def test_knee_pain_rising_over_three_checks_before_practice_is_a_flag() -> None:
    checks = [  # within a day, so it is rising pain, not yet lasting pain
        PainCheck(Moment.BEFORE, NOW - (3 - i) * 8 * 3600, {Region.KNEE: score})
        for i, score in enumerate((1, 3, 5))
    ]
    flags = red_flags([], checks, None, NOW - DAY, NOW - 30 * DAY, NOW)
    assert [(f.kind, f.detail) for f in flags] == [(FlagKind.SEE_SOMEONE, "worsening:knee")]
    assert flags[0].at == checks[-1].taken_at


def test_knee_pain_at_every_check_for_two_days_is_a_flag_to_see_someone() -> None:
    checks = [PainCheck(Moment.BEFORE, NOW - (3 - i) * DAY, {Region.KNEE: 2}) for i in range(3)]
    flags = red_flags([], checks, None, NOW - DAY, NOW - 30 * DAY, NOW)
    assert [(f.kind, f.detail) for f in flags] == [(FlagKind.SEE_SOMEONE, "lasting:knee")]


def test_old_pain_checks_raise_no_flag() -> None:
    checks = [
        PainCheck(Moment.BEFORE, NOW - (40 - i) * DAY, {Region.KNEE: score})
        for i, score in enumerate((1, 3, 5))
    ]
    assert red_flags([], checks, None, NOW - DAY, NOW - 60 * DAY, NOW) == ()


def forced(total: float) -> Compensated:
    day = TODAY
    return Compensated(
        Measurement(Method.DISCS, Side.BOTH, (total,), day),
        Measurement(Method.GONIOMETER, Side.LEFT, (40.0,), day),
        Measurement(Method.GONIOMETER, Side.RIGHT, (40.0,), day),
    )


def test_compensated_turnout_in_the_red_band_is_a_flag_amber_is_not() -> None:
    red = red_flags([], [], forced(80 + 26), NOW - DAY, NOW - 30 * DAY, NOW)
    assert [(f.kind, f.detail) for f in red] == [(FlagKind.FORCED_TURNOUT, "26.0")]
    assert red_flags([], [], forced(80 + 20), NOW - DAY, NOW - 30 * DAY, NOW) == ()


def test_a_week_without_practice_is_a_flag_counted_from_joining_if_never_practised() -> None:
    quiet = red_flags([], [], None, NOW - MISSED_DAYS * DAY, NOW - 30 * DAY, NOW)
    assert [(f.kind, f.detail) for f in quiet] == [(FlagKind.MISSED, str(MISSED_DAYS))]
    assert red_flags([], [], None, None, NOW - 2 * DAY, NOW) == ()
    never = red_flags([], [], None, None, NOW - 9 * DAY, NOW)
    assert [(f.kind, f.detail) for f in never] == [(FlagKind.MISSED, "9")]


def test_flags_come_newest_first() -> None:
    stops = [stop(StopReason.GIVING_WAY, NOW - 3 * DAY), stop(StopReason.SHARP_PAIN, NOW - DAY)]
    flags = red_flags(stops, [], None, NOW - 8 * DAY, NOW - 30 * DAY, NOW)
    assert [f.detail for f in flags] == ["sharp_pain", "giving_way", "8"]


def test_the_routine_assigned_is_the_last_joined_classs_an_override_first() -> None:
    grade_5 = DanceClass(1, "Grade 5", "ABCD2345", "classic", (9,), 0.0)
    pointe = DanceClass(2, "Pointe", "EFGH2345", "active", (9,), 0.0)
    first = Member(1, 7, Share(), joined_at=10.0)
    later = Member(2, 7, Share(), joined_at=20.0)
    assert assignment([grade_5, pointe], [first, later]) == Assignment("active", 2, "Pointe")
    override = Member(2, 7, Share(), joined_at=20.0, routine_key="classic")
    assert assignment([grade_5, pointe], [first, override]) == Assignment("classic", 2, "Pointe")
    assert assignment([grade_5], []) is None
