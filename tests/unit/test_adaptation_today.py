"""Fitting the routine to the dancer today: swaps, the rest-today rule and the player's checks."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, timedelta, timezone

import pytest

from tests.fakes import FakeClock, FakeUnitOfWork, logged_sessions, tiny_routine
from turnout.adapters.routines.files import FileRoutineSource
from turnout.domain.pain import HOUR, StopEvent, StopReason
from turnout.domain.routine import Routine
from turnout.domain.safety import Adaptations, Alternative, Profile, adapt
from turnout.errors import InvalidChoiceError
from turnout.services import safety
from turnout.services.adaptation import (
    outlook,
    player_checks,
    resting_numbers,
    swaps,
    without_resting,
)

MORNING = 10 * HOUR  # the FakeClock starts at midnight UTC, 2026-01-01


@pytest.fixture(scope="module")
def routines() -> dict[str, Routine]:
    source = FileRoutineSource()
    return {key: source.load(key) for key in ("classic", "active")}


def morning() -> FakeClock:
    clock = FakeClock()
    clock.advance(MORNING)
    return clock


def stopped(
    uow: FakeUnitOfWork,
    at: float,
    number: int,
    reason: StopReason = StopReason.SHARP_PAIN,
    routine: Routine | None = None,
) -> StopEvent:
    """Log a Stop pressed during exercise `number` of `routine` (the tiny one by default)."""
    routine = routine or tiny_routine()
    exercise = routine.exercise(number)
    event = StopEvent("s1", routine.key, number, exercise.key, exercise.name, reason, at)
    with uow:
        uow.safety.add_stop(event)
        uow.commit()
    return event


def fourteen_year_old(uow: FakeUnitOfWork, now: float) -> None:
    safety.save_profile(uow, 14, False, [], [], None, now)


# --- The rest-today rule ------------------------------------------------------------------


@pytest.mark.parametrize("chosen", [None, [2], [2, 1]])
def test_with_nothing_resting_the_chosen_exercises_stay_as_they_are(
    chosen: list[int] | None,
) -> None:
    uow, clock = FakeUnitOfWork(), morning()
    assert without_resting(uow, tiny_routine(), chosen, clock.now(), UTC) == chosen
    assert resting_numbers(uow, "tiny", clock.now(), UTC) == {}


def test_an_exercise_stopped_today_by_a_warning_sign_is_left_out() -> None:
    uow, clock = FakeUnitOfWork(), morning()
    stopped(uow, clock.now() - HOUR, 1)
    routine = tiny_routine()
    assert set(resting_numbers(uow, "tiny", clock.now(), UTC)) == {1}
    assert without_resting(uow, routine, None, clock.now(), UTC) == [2]
    assert without_resting(uow, routine, [1, 2], clock.now(), UTC) == [2]
    assert without_resting(uow, routine, [2], clock.now(), UTC) == [2]


def test_every_warning_sign_rests_the_exercise_but_soreness_and_other_do_not() -> None:
    routine = tiny_routine()
    for reason in StopReason:
        uow, clock = FakeUnitOfWork(), morning()
        stopped(uow, clock.now(), 1, reason)
        left = without_resting(uow, routine, None, clock.now(), UTC)
        resting = reason not in (StopReason.SORENESS, StopReason.OTHER)
        assert left == ([2] if resting else None), reason


def test_when_every_chosen_exercise_rests_nothing_is_started() -> None:
    uow, clock = FakeUnitOfWork(), morning()
    stopped(uow, clock.now() - HOUR, 1)
    with pytest.raises(InvalidChoiceError):
        without_resting(uow, tiny_routine(), [1], clock.now(), UTC)
    stopped(uow, clock.now() - HOUR, 2)
    with pytest.raises(InvalidChoiceError):
        without_resting(uow, tiny_routine(), None, clock.now(), UTC)


def test_a_stop_yesterday_does_not_rest_the_exercise_today() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    stopped(uow, clock.now() - 60, 1)  # a minute before midnight
    assert resting_numbers(uow, "tiny", clock.now(), UTC) == {}
    assert without_resting(uow, tiny_routine(), [1], clock.now(), UTC) == [1]
    clock.advance(-120)  # back on the day of the stop, it rests
    assert set(resting_numbers(uow, "tiny", clock.now(), UTC)) == {1}


def test_today_is_the_dancers_own_day_in_their_time_zone() -> None:
    uow, clock = FakeUnitOfWork(), morning()
    new_york = timezone(timedelta(hours=-5))
    stopped(uow, clock.now() - 9 * HOUR, 1)  # 01:00 UTC, 20:00 the evening before in New York
    assert set(resting_numbers(uow, "tiny", clock.now(), UTC)) == {1}
    assert resting_numbers(uow, "tiny", clock.now(), new_york) == {}


def test_a_stop_in_another_routine_rests_nothing_here(routines: dict[str, Routine]) -> None:
    uow, clock = FakeUnitOfWork(), morning()
    stopped(uow, clock.now(), 1, routine=routines["classic"])
    assert resting_numbers(uow, "tiny", clock.now(), UTC) == {}
    assert set(resting_numbers(uow, "classic", clock.now(), UTC)) == {1}


# --- Swaps --------------------------------------------------------------------------------


def test_a_fourteen_year_old_gets_each_replacement_from_the_routine_it_names(
    routines: dict[str, Routine],
) -> None:
    uow, clock = FakeUnitOfWork(), morning()
    fourteen_year_old(uow, clock.now())
    found = swaps(routines, safety.adaptations(uow, routines["classic"]))
    assert sorted(found) == [2, 4, 5]
    by_number = {n: (s.routine_key, s.replacement and s.replacement.key) for n, s in found.items()}
    assert by_number == {
        2: ("active", "wall-straddle-unweighted"),
        4: ("active", "wall-straddle-unweighted"),
        5: ("active", "gentle-butterfly"),
    }
    assert found[5].replacement is routines["active"].exercises[4]
    assert all(s.adaptation.exercise.number == n for n, s in found.items())
    assert {s.adaptation.instead for s in found.values()} == {Alternative.SELF_CONTROLLED}


def test_an_adult_without_concerns_swaps_nothing(routines: dict[str, Routine]) -> None:
    uow, clock = FakeUnitOfWork(), morning()
    safety.save_profile(uow, 25, False, [], [], None, clock.now())
    assert swaps(routines, safety.adaptations(uow, routines["classic"])) == {}
    assert swaps(routines, safety.adaptations(FakeUnitOfWork(), routines["classic"])) == {}


def test_a_replacement_in_a_routine_that_is_not_there_is_named_but_not_found(
    routines: dict[str, Routine],
) -> None:
    from_classic = {"classic": routines["classic"]}
    found = swaps(from_classic, adapt(routines["classic"], Profile(age=14)))
    assert sorted(found) == [2, 4, 5]
    assert {(s.routine_key, s.replacement) for s in found.values()} == {("active", None)}


@pytest.mark.parametrize(
    ("alternative", "expected"),
    [(None, (None, None)), ("active/no-such-exercise", ("active", None))],
)
def test_a_swap_without_a_known_alternative_has_no_replacement(
    routines: dict[str, Routine], alternative: str | None, expected: tuple[str | None, None]
) -> None:
    classic = routines["classic"]
    frog = adapt(classic, Profile(age=14)).for_exercise(5)
    assert frog is not None
    adapted = Adaptations(classic, (replace(frog, alternative=alternative),))
    (swap,) = swaps(routines, adapted).values()
    assert (swap.routine_key, swap.replacement) == expected
    assert swap.adaptation.exercise.number == 5


# --- The outlook for Today and the routine page -------------------------------------------


def test_with_no_profile_and_no_stops_the_start_button_plays_everything(
    routines: dict[str, Routine],
) -> None:
    uow, clock = FakeUnitOfWork(), morning()
    seen = outlook(uow, routines["classic"], routines, clock.now(), UTC)
    assert seen.start_numbers == "" and not seen.nothing_left
    assert seen.profile is None and seen.adapted.replaced == ()
    assert seen.swaps == {} and seen.resting == {} and seen.reminders == []


def test_an_adult_without_concerns_plays_everything_too(routines: dict[str, Routine]) -> None:
    uow, clock = FakeUnitOfWork(), morning()
    safety.save_profile(uow, 30, False, [], [], None, clock.now())
    seen = outlook(uow, routines["classic"], routines, clock.now(), UTC)
    assert seen.profile is not None and seen.profile.age == 30
    assert seen.start_numbers == "" and not seen.nothing_left


def test_a_young_dancer_plays_only_the_exercises_safe_for_her(
    routines: dict[str, Routine],
) -> None:
    uow, clock = FakeUnitOfWork(), morning()
    fourteen_year_old(uow, clock.now())
    seen = outlook(uow, routines["classic"], routines, clock.now(), UTC)
    assert seen.start_numbers == "1,3" and not seen.nothing_left
    assert sorted(seen.swaps) == [2, 4, 5]
    assert seen.adapted.safe_numbers == (1, 3)
    assert seen.profile is not None and seen.profile.age == 14


def test_an_exercise_resting_today_is_left_out_of_the_start_button_and_reminded(
    routines: dict[str, Routine],
) -> None:
    uow, clock = FakeUnitOfWork(), morning()
    fourteen_year_old(uow, clock.now())
    stopped(uow, clock.now() - HOUR, 1, routine=routines["classic"])
    seen = outlook(uow, routines["classic"], routines, clock.now(), UTC)
    assert seen.start_numbers == "3" and not seen.nothing_left
    assert set(seen.resting) == {1}
    assert len(seen.reminders) == 1


def test_a_resting_exercise_alone_changes_the_start_button(routines: dict[str, Routine]) -> None:
    uow, clock = FakeUnitOfWork(), morning()
    stopped(uow, clock.now(), 4, routine=routines["classic"])
    seen = outlook(uow, routines["classic"], routines, clock.now(), UTC)
    assert seen.start_numbers == "1,2,3,5"


def test_when_everything_playable_rests_nothing_is_left(routines: dict[str, Routine]) -> None:
    uow, clock = FakeUnitOfWork(), morning()
    fourteen_year_old(uow, clock.now())
    for number in (1, 3):
        stopped(uow, clock.now() - HOUR, number, routine=routines["classic"])
    seen = outlook(uow, routines["classic"], routines, clock.now(), UTC)
    assert seen.nothing_left
    assert set(seen.resting) == {1, 3}


def test_yesterdays_stop_is_only_a_reminder_today(routines: dict[str, Routine]) -> None:
    uow, clock = FakeUnitOfWork(), morning()
    stopped(uow, clock.now() - 20 * HOUR, 1, routine=routines["classic"])
    seen = outlook(uow, routines["classic"], routines, clock.now(), UTC)
    assert seen.resting == {} and seen.start_numbers == ""
    assert len(seen.reminders) == 1


# --- The pain checks the player asks for --------------------------------------------------


def test_a_fresh_session_without_checks_asks_before_and_after() -> None:
    uow, clock = FakeUnitOfWork(), morning()
    checks = player_checks(uow, "s1", True, clock.now(), UTC)
    assert (checks.ask_before, checks.ask_after, checks.reminders) == (True, True, [])


def test_the_check_before_is_not_asked_twice() -> None:
    uow, clock = logged_sessions(FakeUnitOfWork(), "s1"), morning()
    safety.record_pain_check(uow, "before", {"knee": 1}, clock.now(), session_id="s1")
    checks = player_checks(uow, "s1", True, clock.now(), UTC)
    assert (checks.ask_before, checks.ask_after) == (False, True)


def test_a_session_that_has_already_held_something_is_not_asked_before() -> None:
    uow, clock = FakeUnitOfWork(), morning()
    checks = player_checks(uow, "s1", False, clock.now(), UTC)
    assert (checks.ask_before, checks.ask_after) == (False, True)


def test_after_the_check_after_nothing_more_is_asked() -> None:
    uow, clock = logged_sessions(FakeUnitOfWork(), "s1"), morning()
    safety.record_pain_check(uow, "before", {}, clock.now(), session_id="s1")
    safety.record_pain_check(uow, "after", {}, clock.advance(600), soreness=2, session_id="s1")
    for fresh in (True, False):
        checks = player_checks(uow, "s1", fresh, clock.now(), UTC)
        assert (checks.ask_before, checks.ask_after) == (False, False)


def test_the_checks_of_another_session_do_not_count() -> None:
    uow, clock = logged_sessions(FakeUnitOfWork(), "other"), morning()
    safety.record_pain_check(uow, "before", {}, clock.now(), session_id="other")
    safety.record_pain_check(uow, "after", {}, clock.now(), session_id="other")
    safety.record_pain_check(uow, "before", {}, clock.now())
    checks = player_checks(uow, "s1", True, clock.now(), UTC)
    assert (checks.ask_before, checks.ask_after) == (True, True)


def test_the_reminders_come_only_before_a_fresh_session() -> None:
    uow, clock = FakeUnitOfWork(), morning()
    stopped(uow, clock.now() - HOUR, 1)
    assert len(player_checks(uow, "s2", True, clock.now(), UTC).reminders) == 1
    assert player_checks(uow, "s2", False, clock.now(), UTC).reminders == []
