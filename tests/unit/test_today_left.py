"""What is left of today's routine, and what Today's Start plays: the rule on fakes."""

from __future__ import annotations

from datetime import UTC

import pytest

from tests.fakes import FakeClock, FakeUnitOfWork
from turnout.adapters.routines.files import FileRoutineSource
from turnout.domain.log import PracticeSession
from turnout.domain.pain import HOUR, StopEvent, StopReason
from turnout.domain.plan import Plan, hold_record
from turnout.domain.routine import Routine
from turnout.services import safety
from turnout.services.today import StartKind, Today, left_today, today

MORNING = 10 * HOUR  # the FakeClock starts at midnight UTC


@pytest.fixture(scope="module")
def routines() -> dict[str, Routine]:
    source = FileRoutineSource()
    return {key: source.load(key) for key in ("classic", "active")}


@pytest.fixture
def classic(routines: dict[str, Routine]) -> Routine:
    return routines["classic"]


def morning() -> FakeClock:
    clock = FakeClock()
    clock.advance(MORNING)
    return clock


def practised(
    uow: FakeUnitOfWork, routine: Routine, number: int, at: float, completed: int, skipped: int = 0
) -> None:
    """Log a session of exercise `number`: its first `completed` holds done, then `skipped`."""
    plan = Plan.of(routine, [number])
    holds = [p for p, item in enumerate(plan.items) if item.step.is_hold]
    session_id = f"s{number}-{at}"
    with uow:
        uow.practice.add_session(
            PracticeSession(session_id, routine.key, routine.name, (number,), at, len(holds), 0)
        )
        for index, position in enumerate(holds[: completed + skipped]):
            done = index < completed
            record = hold_record(plan, position, at + index, at + index + 1, 10.0, done)
            uow.practice.add_hold(session_id, record)
        uow.commit()


def whole(uow: FakeUnitOfWork, routine: Routine, number: int, at: float) -> None:
    practised(uow, routine, number, at, len(routine.exercise(number).holds))


def stopped(uow: FakeUnitOfWork, routine: Routine, number: int, at: float) -> None:
    exercise = routine.exercise(number)
    event = StopEvent(
        "s", routine.key, number, exercise.key, exercise.name, StopReason.SHARP_PAIN, at
    )
    with uow:
        uow.safety.add_stop(event)
        uow.commit()


def seen(uow: FakeUnitOfWork, routines: dict[str, Routine], clock: FakeClock) -> Today:
    return today(uow, routines["classic"], routines, clock.now(), UTC)


def test_on_a_fresh_day_start_plays_the_whole_routine(routines: dict[str, Routine]) -> None:
    found = seen(FakeUnitOfWork(), routines, morning())
    assert found.start.kind is StartKind.FRESH
    assert found.start.numbers == (1, 2, 3, 4, 5)
    assert found.start.first is not None and found.start.first.number == 1
    assert (found.start.done, found.start.playable) == (0, 5)


def test_after_exercises_1_and_2_start_continues_at_exercise_3(
    routines: dict[str, Routine], classic: Routine
) -> None:
    uow, clock = FakeUnitOfWork(), morning()
    whole(uow, classic, 1, clock.now() - 2 * HOUR)
    whole(uow, classic, 2, clock.now() - HOUR)
    found = seen(uow, routines, clock)
    assert found.start.kind is StartKind.CONTINUE
    assert found.start.numbers == (3, 4, 5)
    assert found.start.first is classic.exercise(3)
    assert (found.start.done, found.start.playable) == (2, 5)
    assert [row.done for row in found.plan] == [True, True, False, False, False]


def test_an_exercise_partly_done_is_not_done_and_start_continues_from_it(
    routines: dict[str, Routine], classic: Routine
) -> None:
    uow, clock = FakeUnitOfWork(), morning()
    whole(uow, classic, 1, clock.now() - HOUR)
    practised(uow, classic, 2, clock.now() - HOUR / 2, completed=2, skipped=1)
    found = seen(uow, routines, clock)
    assert found.start.kind is StartKind.CONTINUE
    assert found.start.numbers == (2, 3, 4, 5)
    row = found.plan[1]
    assert (row.done, row.holds_done) == (False, 2)  # the skipped hold is not counted


def test_holds_done_in_two_sessions_today_add_up_to_a_done_exercise(
    routines: dict[str, Routine], classic: Routine
) -> None:
    uow, clock = FakeUnitOfWork(), morning()
    practised(uow, classic, 1, clock.now() - HOUR, completed=5)
    practised(uow, classic, 1, clock.now() - HOUR / 2, completed=4)
    found = seen(uow, routines, clock)
    assert found.plan[0].done and found.start.numbers == (2, 3, 4, 5)


def test_skipped_holds_alone_leave_the_day_fresh(
    routines: dict[str, Routine], classic: Routine
) -> None:
    uow, clock = FakeUnitOfWork(), morning()
    practised(uow, classic, 1, clock.now() - HOUR, completed=0, skipped=9)
    found = seen(uow, routines, clock)
    assert found.start.kind is StartKind.FRESH and found.start.numbers == (1, 2, 3, 4, 5)


def test_yesterdays_practice_leaves_today_fresh(
    routines: dict[str, Routine], classic: Routine
) -> None:
    uow, clock = FakeUnitOfWork(), morning()
    for number in (1, 2, 3):
        whole(uow, classic, number, clock.now() - 12 * HOUR)  # 22:00 the day before
    assert seen(uow, routines, clock).start.kind is StartKind.FRESH


def test_an_exercise_stopped_for_a_warning_sign_is_over_for_today(
    routines: dict[str, Routine], classic: Routine
) -> None:
    uow, clock = FakeUnitOfWork(), morning()
    whole(uow, classic, 1, clock.now() - 2 * HOUR)
    practised(uow, classic, 2, clock.now() - HOUR, completed=1)
    stopped(uow, classic, 2, clock.now() - HOUR)
    found = seen(uow, routines, clock)
    assert found.start.kind is StartKind.CONTINUE
    assert found.start.numbers == (3, 4, 5)
    assert set(found.outlook.resting) == {2}


def test_with_everything_done_start_offers_the_routine_again(
    routines: dict[str, Routine], classic: Routine
) -> None:
    uow, clock = FakeUnitOfWork(), morning()
    for number in (1, 2, 3, 4, 5):
        whole(uow, classic, number, clock.now() - HOUR)
    found = seen(uow, routines, clock)
    assert found.start.kind is StartKind.DONE
    assert found.start.numbers == (1, 2, 3, 4, 5) and found.start.first is None
    assert (found.start.done, found.start.playable) == (5, 5)


def test_done_counts_only_what_the_dancer_may_practise(
    routines: dict[str, Routine], classic: Routine
) -> None:
    uow, clock = FakeUnitOfWork(), morning()
    safety.save_profile(uow, 14, False, [], [], None, clock.now())  # plays 1 and 3 only
    whole(uow, classic, 1, clock.now() - HOUR)
    found = seen(uow, routines, clock)
    assert (found.start.kind, found.start.numbers) == (StartKind.CONTINUE, (3,))
    whole(uow, classic, 3, clock.now() - HOUR / 2)
    found = seen(uow, routines, clock)
    assert (found.start.kind, found.start.numbers) == (StartKind.DONE, (1, 3))
    assert (found.start.done, found.start.playable) == (2, 2)


def test_with_nothing_playable_start_plays_nothing(
    routines: dict[str, Routine], classic: Routine
) -> None:
    uow, clock = FakeUnitOfWork(), morning()
    safety.save_profile(uow, 14, False, [], [], None, clock.now())
    for number in (1, 3):
        stopped(uow, classic, number, clock.now() - HOUR)
    found = seen(uow, routines, clock)
    assert found.start.kind is StartKind.NOTHING and found.start.numbers == ()
    assert found.outlook.nothing_left


def test_left_today_keeps_the_order_it_is_given(
    routines: dict[str, Routine], classic: Routine
) -> None:
    uow, clock = FakeUnitOfWork(), morning()
    whole(uow, classic, 3, clock.now() - HOUR)
    plan = seen(uow, routines, clock).plan
    assert left_today([5, 3, 1], plan) == [5, 1]
    assert left_today([], plan) == []
