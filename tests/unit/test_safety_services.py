"""Screening, pain checks and Stop, as use cases over the fake unit of work."""

from __future__ import annotations

from datetime import UTC

import pytest

from tests.fakes import FakeClock, FakeUnitOfWork, logged_sessions, tiny_routine
from turnout.domain.pain import HOUR
from turnout.domain.safety import HipCondition
from turnout.domain.session import Phase
from turnout.domain.state import Action
from turnout.errors import InputError, NotFoundError
from turnout.services import safety
from turnout.services.pain_text import stop_explanation
from turnout.services.practice import Practice, start_practice


def into_first_hold(uow: FakeUnitOfWork, clock: FakeClock) -> Practice:
    practice, _ = start_practice(uow, tiny_routine(), clock.now(), get_ready_seconds=0)
    practice.act(Action.READY, clock.now())
    practice.tick(clock.advance(1))
    assert practice.state.phase is Phase.RUNNING
    return practice


def test_a_profile_is_saved_with_its_screening_answers() -> None:
    uow = FakeUnitOfWork()
    saved = safety.save_profile(uow, 15, True, ["labral tear"], ["knee"], 4, now=10.0)
    assert safety.profile(uow) == saved
    assert saved.hip_conditions == {HipCondition.LABRAL_TEAR}
    assert saved.height_cm is None


def test_a_profile_keeps_the_height_given_and_refuses_an_impossible_one() -> None:
    uow = FakeUnitOfWork()
    saved = safety.save_profile(uow, 30, False, [], [], None, now=1.0, height_cm=168)
    assert saved.height_cm == 168 and safety.profile(uow) == saved
    with pytest.raises(InputError) as refused:
        safety.save_profile(uow, 30, False, [], [], None, now=2.0, height_cm=80)
    assert refused.value.field == "height_cm" and "enter 90 to 230" in str(refused.value)
    assert safety.profile(uow) == saved and uow.commits == 1


@pytest.mark.parametrize(
    ("age", "hips", "field"), [(-1, [], "age"), (16, ["bad knees"], "hip_conditions")]
)
def test_an_impossible_profile_is_refused_by_field_and_nothing_is_saved(
    age: int, hips: list[str], field: str
) -> None:
    uow = FakeUnitOfWork()
    with pytest.raises(InputError) as refused:
        safety.save_profile(uow, age, False, hips, [], None, now=0.0)
    assert refused.value.field == field
    assert safety.profile(uow) is None and uow.commits == 0


def test_a_negative_pain_score_is_refused_naming_the_region_and_nothing_is_saved() -> None:
    uow = FakeUnitOfWork()
    with pytest.raises(InputError) as refused:
        safety.record_pain_check(uow, "before", {"hip_groin": 2, "knee": -1}, now=0.0)
    assert refused.value.field == "pain.knee"
    assert uow.committed_safety.checks == []


def test_a_pain_check_is_kept_with_its_session() -> None:
    uow = logged_sessions(FakeUnitOfWork(), "s")
    safety.record_pain_check(uow, "after", {"knee": 3}, 5.0, soreness=4, session_id="s")
    (check,) = safety.pain_checks(uow, "s")
    assert check.soreness == 4 and check.worst == 3


def test_a_pain_check_naming_a_session_not_in_the_log_is_refused_and_nothing_is_saved() -> None:
    uow = logged_sessions(FakeUnitOfWork(), "s")
    with pytest.raises(NotFoundError, match="'nope'"):
        safety.record_pain_check(uow, "after", {"knee": 3}, 5.0, session_id="nope")
    assert uow.committed_safety.checks == [] and uow.commits == 0


def test_stop_for_numbness_records_it_and_ends_the_exercise_for_today() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    practice = into_first_hold(uow, clock)
    decision, _ = safety.stop(practice, "numbness", clock.now())
    assert decision.ends_exercise and "over for today" in stop_explanation(decision)
    item = practice.state.item
    assert item is not None and item.exercise.number == 2
    assert practice.state.phase is Phase.WAITING
    (stopped,) = uow.committed_safety.stop_events
    assert (stopped.exercise_key, stopped.reason.value) == ("press", "numbness")
    resting = safety.resting_today(uow, clock.now(), UTC)
    assert set(resting) == {("tiny", 1)}


def test_stop_for_soreness_pauses_and_keeps_the_exercise() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    practice = into_first_hold(uow, clock)
    decision, _ = safety.stop(practice, "soreness", clock.now())
    assert not decision.ends_exercise
    assert practice.state.phase is Phase.PAUSED
    assert safety.resting_today(uow, clock.now(), UTC) == {}


def test_an_unknown_stop_reason_is_refused() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    with pytest.raises(InputError):
        safety.stop(into_first_hold(uow, clock), "bored", clock.now())


def test_a_stop_is_remembered_on_later_days_and_the_rest_is_lifted_tomorrow() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    safety.stop(into_first_hold(uow, clock), "sharp_pain", clock.now())
    clock.advance(30 * HOUR)
    assert safety.resting_today(uow, clock.now(), UTC) == {}
    (note,) = safety.reminders(uow, clock.now(), UTC)
    assert "you stopped Press (sharp pain)" in note


def test_lasting_pain_brings_advice_to_see_a_professional() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    for _ in range(3):
        safety.record_pain_check(uow, "before", {"low_back": 3}, clock.now())
        clock.advance(25 * HOUR)
    (advice,) = safety.reminders(uow, clock.now(), UTC)
    assert "dance physiotherapist or doctor" in advice and "low back" in advice
