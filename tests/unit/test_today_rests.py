"""The rest a session puts between two exercises, and a start that waits while one is live."""

from __future__ import annotations

from dataclasses import replace

import pytest

from tests.fakes import FakeClock, FakeUnitOfWork, tiny_routine
from tests.unit.test_live_sessions import registry, started
from turnout.adapters.routines.files import FileRoutineSource
from turnout.domain import session as engine
from turnout.domain.events import HoldEnded
from turnout.domain.log import SessionStatus
from turnout.domain.plan import REST_BETWEEN_SECONDS, Plan
from turnout.domain.routine import Exercise, Routine, Step, StepKind
from turnout.domain.session import Phase
from turnout.domain.state import Action, TransitionError
from turnout.services.flow_text import rest_before
from turnout.services.practice import resume_practice, session_plan, start_practice


@pytest.fixture(scope="module")
def classic() -> Routine:
    return FileRoutineSource().load("classic")


def rests(plan: Plan) -> list[int]:
    """Positions of the rests the app added (those with no step of their exercise's own)."""
    return [p for p, item in enumerate(plan.items) if item.index == len(item.exercise.steps)]


def test_a_rest_follows_every_exercise_but_the_last(classic: Routine) -> None:
    plan = session_plan(classic, None)
    added = [plan.items[p] for p in rests(plan)]
    assert [item.exercise.number for item in added] == [1, 2, 3, 4]
    assert {(i.step.kind, i.step.seconds, i.step.is_hold) for i in added} == {
        (StepKind.REST, REST_BETWEEN_SECONDS, False)
    }
    last = plan.items[-1]  # the last exercise is followed by nothing
    assert (last.exercise.number, last.index) == (5, len(classic.exercise(5).steps) - 1)
    for item, following in zip(added, classic.exercises[1:], strict=True):
        assert following.name in item.step.cue  # the cue names what comes next
        assert str(following.number) in item.step.title


def test_the_cue_says_what_the_next_exercise_needs(classic: Routine) -> None:
    rest = rest_before(classic.exercise(2))
    assert "It needs: partner." in rest.cue
    assert "needs" not in rest_before(classic.exercise(1)).cue  # the butterfly needs nothing


def test_each_rest_sits_right_after_its_exercise(classic: Routine) -> None:
    plan = session_plan(classic, [2, 5])
    [position] = rests(plan)
    assert position == len(classic.exercise(2).steps)
    assert plan.items[position + 1].exercise.number == 5
    assert plan.items[position + 1].index == 0


def test_the_rests_change_neither_the_holds_nor_the_seconds_of_holding(classic: Routine) -> None:
    bare, rested = Plan.of(classic), session_plan(classic, None)
    assert rested.hold_count == bare.hold_count == 36
    assert rested.hold_seconds == bare.hold_seconds
    assert rested.timed_seconds == bare.timed_seconds + 4 * REST_BETWEEN_SECONDS
    assert len(rested.items) == len(bare.items) + 4


def test_one_exercise_alone_gets_no_rest(classic: Routine) -> None:
    for number in range(1, 6):
        assert session_plan(classic, [number]) == Plan.of(classic, [number])


def test_no_rest_is_added_where_the_routine_already_rests() -> None:
    tiny = tiny_routine()
    first, second = tiny.exercises
    resting = Step(StepKind.REST, "Breathe", "Breathe.", 20)
    ends_resting = replace(first, steps=(*first.steps, resting))
    starts_resting = replace(second, steps=(resting, *second.steps))
    for pair in [(ends_resting, second), (first, starts_resting)]:
        routine = replace(tiny, exercises=pair)
        assert rests(Plan.of(routine, rest=rest_before)) == []
    assert len(rests(Plan.of(tiny, rest=rest_before))) == 1


def test_the_rest_is_timed_skippable_and_logs_no_hold() -> None:
    clock = FakeClock()
    plan = Plan.of(tiny_routine(), rest=rest_before)
    [position] = rests(plan)
    state, _ = engine.start(plan, clock.now(), get_ready_seconds=0)
    state, _ = engine.ready(state, clock.now())
    logged: list[HoldEnded] = []
    while state.position < position:
        state, events = engine.tick(state, clock.advance(0.5))
        logged += [e for e in events if isinstance(e, HoldEnded)]
    assert (state.phase, state.item and state.item.step.kind) == (Phase.RUNNING, StepKind.REST)
    assert len(logged) == 4 and state.remaining(clock.now()) == pytest.approx(30, abs=0.5)
    state, events = engine.skip(state, clock.advance(3))
    assert not [e for e in events if isinstance(e, HoldEnded)]
    assert state.phase is Phase.WAITING and state.item is not None
    assert state.item.exercise.number == 2 and state.item.index == 0


def test_a_session_of_two_exercises_plans_its_holds_without_the_rest(classic: Routine) -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    practice, _ = start_practice(uow, classic, clock.now(), [1, 2])
    assert len(rests(practice.state.plan)) == 1
    saved = uow.committed.saved_sessions[practice.id]
    bare = Plan.of(classic, [1, 2])
    assert (saved.planned_holds, saved.planned_seconds) == (bare.hold_count, bare.hold_seconds)


def test_a_session_resumed_after_the_rest_goes_on_at_the_next_exercise() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    practice, _ = start_practice(uow, tiny_routine(), clock.now(), get_ready_seconds=0)
    practice.act(Action.READY, clock.now())
    while practice.state.item is not None and practice.state.item.exercise.number == 1:
        practice.tick(clock.advance(0.5))
    record = uow.committed.saved_sessions[practice.id]
    resumed, _ = resume_practice(uow, tiny_routine(), record, clock.advance(60))
    assert resumed.state.plan == practice.state.plan
    item = resumed.state.item
    # After the last logged hold: the rest first, which the dancer may skip.
    assert item is not None and item.step.kind is StepKind.REST and item.exercise.number == 1


# --- A start while a session is live ------------------------------------------------------


def test_a_start_while_a_session_runs_is_refused_and_that_session_goes_on() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    with pytest.raises(TransitionError) as refused:
        reg.start("tiny", [2], None)
    assert "exercise 1, step 2 of 12" in str(refused.value)
    assert "replace" in str(refused.value)
    assert live.state.phase is Phase.RUNNING
    assert list(uow.committed.saved_sessions) == [live.practice.id]


def test_replacing_keeps_every_hold_done_of_the_session_it_ends() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    clock.advance(10.5)
    reg.tick_all()
    newer = reg.start("tiny", [2], None, replace=True)
    assert live.state.phase is Phase.ABORTED
    assert uow.committed.saved_sessions[live.practice.id].status is SessionStatus.ABORTED
    holds = uow.committed.session_holds(live.practice.id)
    assert [h.status.value for h in holds] == ["completed"]
    assert reg.current() is newer


def test_a_start_after_the_session_ended_needs_no_replace() -> None:
    uow, clock = FakeUnitOfWork(), FakeClock()
    reg = registry(uow, clock)
    live = started(reg)
    reg.act(live.practice.id, Action.ABORT)
    assert reg.start("tiny", None, None).state.phase is Phase.WAITING


def test_the_same_token_during_its_own_session_gives_it_back_without_a_refusal() -> None:
    reg = registry(FakeUnitOfWork(), FakeClock())
    first = reg.start("tiny", None, "tap-1")
    assert reg.start("tiny", None, "tap-1") is first


def test_a_token_whose_session_has_ended_starts_a_new_one() -> None:
    # A page brought back from the browser's history still carries its old tokens.
    reg = registry(FakeUnitOfWork(), FakeClock())
    first = reg.start("tiny", None, "tap-1")
    reg.act(first.practice.id, Action.ABORT)
    again = reg.start("tiny", None, "tap-1")
    assert again is not first and again.state.phase is Phase.WAITING


def test_the_exercises_keep_their_own_steps_as_they_are(classic: Routine) -> None:
    plan = session_plan(classic, [1, 2])
    own = [item.step for item in plan.items if item.exercise.number == 1][:-1]
    exercise: Exercise = classic.exercise(1)
    assert tuple(own) == exercise.steps
