"""The state machine walks the whole published routine, exercise by exercise, on a fake clock."""

from __future__ import annotations

import pytest

from tests.fakes import FakeClock
from turnout.adapters.routines.files import FileRoutineSource
from turnout.domain import session as engine
from turnout.domain.events import Event, GetReady, HoldEnded, StepStarted
from turnout.domain.plan import HoldStatus, Plan
from turnout.domain.routine import Routine
from turnout.domain.session import Phase

GET_READY = 5


@pytest.fixture(scope="module")
def classic() -> Routine:
    return FileRoutineSource().load("classic")


def walk(plan: Plan, clock: FakeClock) -> list[Event]:
    state, events = engine.start(plan, clock.now(), GET_READY)
    seen = list(events)
    while not state.is_over:
        if state.phase is Phase.WAITING:
            state, events = engine.ready(state, clock.now())
        else:
            state, events = engine.tick(state, clock.advance(0.25))
        seen.extend(events)
    return seen


def entered(events: list[Event]) -> list[tuple[str, int | None, str | None, int]]:
    return [
        (e.item.step.kind.value, e.item.step.seconds, e.item.step.side, e.item.step.repetition)
        for e in events
        if isinstance(e, StepStarted)
    ]


def test_exercise_1_runs_setup_then_three_rounds_of_left_right_both(classic: Routine) -> None:
    events = walk(Plan.of(classic, [1]), FakeClock())
    one_round = [
        ("hold", 10, "left"),
        ("switch_side", 5, None),
        ("hold", 10, "right"),
        ("switch_side", 5, None),
        ("hold", 10, "both"),
        ("release", 10, None),
    ]
    expected = [("setup", None, None, 0)] + [
        (*step, rep) for rep in (1, 2, 3) for step in one_round
    ]
    assert entered(events) == expected


def test_exercise_2_pushes_twice_per_round_with_rests_between_rounds(classic: Routine) -> None:
    events = walk(Plan.of(classic, [2]), FakeClock())
    kinds = [(kind, seconds) for kind, seconds, _, _ in entered(events)]
    one_round = [("hold", 30), ("release", 10), ("hold", 30), ("release", 10)]
    assert kinds == [
        ("setup", None),
        ("setup", None),
        *one_round,
        ("rest", 20),
        *one_round,
        ("rest", 20),
        *one_round,
    ]


@pytest.mark.parametrize(
    ("number", "holds", "seconds"),
    [(1, 9, 90), (2, 6, 180), (3, 10, 600), (4, 1, 900), (5, 10, 200)],
)
def test_every_exercise_logs_each_hold_completed_for_its_full_time(
    classic: Routine, number: int, holds: int, seconds: int
) -> None:
    logged = [
        e.record for e in walk(Plan.of(classic, [number]), FakeClock()) if isinstance(e, HoldEnded)
    ]
    assert len(logged) == holds
    assert all(r.status is HoldStatus.COMPLETED for r in logged)
    assert sum(r.actual_seconds for r in logged) == seconds
    assert {r.exercise_number for r in logged} == {number}


def test_the_whole_routine_takes_its_timed_steps_plus_one_countdown_per_setup(
    classic: Routine,
) -> None:
    clock = FakeClock()
    start = clock.now()
    plan = Plan.of(classic)
    events = walk(plan, clock)
    holds = [e.record for e in events if isinstance(e, HoldEnded)]
    countdowns = [e for e in events if isinstance(e, GetReady)]
    assert len(holds) == 36 and sum(r.actual_seconds for r in holds) == 1970
    assert len(countdowns) == 5  # one as each exercise starts, none between chained steps
    elapsed = holds[-1].ended_at - start
    # The last hold ends exactly on schedule: no tick added drift along the whole routine.
    last_release = plan.items[-1].step.seconds or 0
    assert elapsed == plan.timed_seconds - last_release + GET_READY * 5
