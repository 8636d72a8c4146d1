import pytest

from tests.fakes import FakeClock, tiny_routine
from turnout.domain import session as engine
from turnout.domain.events import (
    Beep,
    CheckIn,
    Event,
    GetReady,
    HoldEnded,
    SessionEnded,
    StepStarted,
)
from turnout.domain.plan import HoldStatus, Plan
from turnout.domain.session import Phase, SessionState, TransitionError

START = 1_000.0


def plan() -> Plan:
    return Plan.of(tiny_routine())


def walk(state: SessionState, clock: FakeClock, step: float = 0.1) -> list[Event]:
    """Play a session to its end: say ready whenever asked, otherwise tick every `step`."""
    events: list[Event] = []
    while not state.is_over:
        if state.phase is Phase.WAITING:
            state, new = engine.ready(state, clock.now())
        else:
            state, new = engine.tick(state, clock.advance(step))
        events.extend(new)
    return events


def holds(events: list[Event]) -> list[HoldEnded]:
    return [e for e in events if isinstance(e, HoldEnded)]


def test_a_session_starts_by_waiting_for_the_dancer_to_get_into_position() -> None:
    state, events = engine.start(plan(), START)
    assert state.phase is Phase.WAITING
    assert state.remaining(START) is None
    assert [type(e) for e in events] == [StepStarted]


def test_ready_leads_into_a_get_ready_countdown_then_the_hold() -> None:
    state, _ = engine.start(plan(), START, get_ready_seconds=5)
    state, events = engine.ready(state, START + 30)
    assert state.phase is Phase.GET_READY and events == (GetReady(state.item, 5),)  # type: ignore[arg-type]
    state, events = engine.tick(state, START + 35)
    assert state.phase is Phase.RUNNING
    assert state.step_started_at == START + 35
    assert state.remaining(START + 35) == 10


def test_the_whole_routine_runs_in_order_and_logs_every_hold_on_its_deadline() -> None:
    clock = FakeClock(START)
    state, _ = engine.start(plan(), clock.now(), get_ready_seconds=5)
    events = walk(state, clock)
    logged = [e.record for e in holds(events)]
    assert [(r.exercise_number, r.step_title, r.side) for r in logged] == [
        (1, "Left 1", "left"),
        (1, "Right 1", "right"),
        (1, "Left 2", "left"),
        (1, "Right 2", "right"),
        (2, "Push", "both"),
    ]
    assert all(r.status is HoldStatus.COMPLETED for r in logged)
    assert [r.actual_seconds for r in logged] == [10, 10, 10, 10, 600]
    assert all(r.ended_at - r.started_at == r.planned_seconds for r in logged)
    assert events[-1] == SessionEnded(finished=True)


def test_steps_chain_from_deadlines_so_a_slow_display_never_adds_drift() -> None:
    clock = FakeClock(START)
    state, _ = engine.start(plan(), clock.now(), get_ready_seconds=5)
    state, _ = engine.ready(state, clock.now())
    first_hold_starts = clock.now() + 5
    # One tick long after everything in exercise 1 should have happened.
    state, events = engine.tick(state, clock.advance(5 + 10 + 3 + 10 + 5 + 10 + 3 + 10 + 0.9))
    logged = [e.record for e in holds(list(events))]
    assert len(logged) == 4
    assert logged[-1].ended_at == first_hold_starts + 10 + 3 + 10 + 5 + 10 + 3 + 10
    assert state.phase is Phase.WAITING and state.item is not None
    assert state.item.step.title == "Lie down"


def test_beeps_sound_once_for_each_of_the_last_three_seconds() -> None:
    clock = FakeClock(START)
    state, _ = engine.start(plan(), clock.now(), get_ready_seconds=0)
    state, _ = engine.ready(state, clock.now())
    beeps: list[int] = []
    for _ in range(100):  # ten seconds of 100 ms ticks
        state, events = engine.tick(state, clock.advance(0.1))
        beeps += [e.remaining for e in events if isinstance(e, Beep)]
    assert beeps == [3, 2, 1]


def test_pausing_freezes_the_remaining_time() -> None:
    state, _ = engine.start(plan(), START, get_ready_seconds=0)
    state, _ = engine.ready(state, START)
    state, _ = engine.pause(state, START + 4)
    assert state.remaining(START + 4) == pytest.approx(6)
    assert state.remaining(START + 400) == pytest.approx(6)
    state, _ = engine.resume(state, START + 400)
    assert state.remaining(START + 401) == pytest.approx(5)


def test_time_spent_paused_does_not_count_as_holding() -> None:
    state, _ = engine.start(plan(), START, get_ready_seconds=0)
    state, _ = engine.ready(state, START)
    state, _ = engine.pause(state, START + 4)
    state, _ = engine.resume(state, START + 64)
    state, events = engine.tick(state, START + 70)
    record = holds(list(events))[0].record
    assert record.actual_seconds == 10
    assert record.ended_at == START + 70


def test_a_pause_sent_late_counts_from_when_it_was_pressed_within_the_hold() -> None:
    state, _ = engine.start(plan(), START, get_ready_seconds=0)
    state, _ = engine.ready(state, START)
    state, _ = engine.pause(state, START + 7, pressed_at=START + 3)  # offline for 4 s
    assert state.remaining(START + 7) == pytest.approx(7)
    state, _ = engine.resume(state, START + 20)
    state, events = engine.tick(state, START + 27)
    assert holds(list(events))[0].record.actual_seconds == pytest.approx(10)


def test_a_pressed_time_outside_the_hold_under_way_is_not_believed() -> None:
    state, _ = engine.start(plan(), START, get_ready_seconds=0)
    state, _ = engine.ready(state, START)
    before_it, _ = engine.pause(state, START + 5, pressed_at=START - 2)
    in_future, _ = engine.pause(state, START + 5, pressed_at=START + 9)
    assert before_it.paused_at == in_future.paused_at == START + 5
    state, _ = engine.pause(state, START + 2)
    state, _ = engine.resume(state, START + 4)
    again, _ = engine.pause(state, START + 8, pressed_at=START + 5)  # paused before: plain now
    assert again.paused_at == START + 8


def test_skipping_a_hold_logs_it_as_skipped_with_the_time_held() -> None:
    state, _ = engine.start(plan(), START, get_ready_seconds=0)
    state, _ = engine.ready(state, START)
    state, events = engine.skip(state, START + 4)
    record = holds(list(events))[0].record
    assert record.status is HoldStatus.SKIPPED
    assert record.actual_seconds == 4
    assert state.item is not None and state.item.step.title == "Switch"


def test_back_restarts_the_previous_step_without_logging_the_current_one() -> None:
    state, _ = engine.start(plan(), START, get_ready_seconds=0)
    state, _ = engine.ready(state, START)
    state, _ = engine.tick(state, START + 11)  # first hold done, now switching sides
    state, events = engine.back(state, START + 12)
    assert holds(list(events)) == []
    assert state.item is not None and state.item.step.title == "Left 1"
    assert state.phase is Phase.RUNNING and state.remaining(START + 12) == 10


def test_back_from_a_countdown_into_a_waiting_step_waits_again() -> None:
    state, _ = engine.start(plan(), START)
    state, _ = engine.ready(state, START)
    state, _ = engine.back(state, START + 1)
    assert state.phase is Phase.WAITING and state.position == 0


def test_abort_keeps_the_hold_under_way_as_skipped_and_ends_the_session() -> None:
    state, _ = engine.start(plan(), START, get_ready_seconds=0)
    state, _ = engine.ready(state, START)
    state, _ = engine.pause(state, START + 7)
    state, events = engine.abort(state, START + 99)
    record = holds(list(events))[0].record
    assert (record.status, record.actual_seconds, record.ended_at) == (
        HoldStatus.SKIPPED,
        7,
        START + 7,
    )
    assert state.phase is Phase.ABORTED and events[-1] == SessionEnded(finished=False)


def test_long_holds_check_in_every_few_minutes_but_not_in_the_last_minute() -> None:
    routine = tiny_routine()
    state, _ = engine.start(Plan.of(routine, [2]), START, get_ready_seconds=0)
    state, _ = engine.ready(state, START)
    check_ins: list[CheckIn] = []
    for second in range(1, 601):
        state, events = engine.tick(state, START + second)
        check_ins += [e for e in events if isinstance(e, CheckIn)]
    assert [c.elapsed for c in check_ins] == [180, 360, 540]
    assert all(c.remaining >= 60 for c in check_ins)
    assert check_ins[0].remaining == 420


def test_resuming_at_a_position_starts_with_a_countdown_before_the_hold() -> None:
    state, _ = engine.start(plan(), START, get_ready_seconds=5, position=3)
    assert state.phase is Phase.GET_READY
    assert state.item is not None and state.item.step.title == "Right 1"


def test_starting_past_the_end_finishes_at_once() -> None:
    the_plan = plan()
    state, events = engine.start(the_plan, START, position=len(the_plan.items))
    assert state.phase is Phase.FINISHED and events == (SessionEnded(finished=True),)


@pytest.mark.parametrize("action", [engine.ready, engine.resume])
def test_actions_that_do_not_apply_now_raise_a_transition_error(action: object) -> None:
    state, _ = engine.start(plan(), START, get_ready_seconds=0)
    state, _ = engine.ready(state, START)
    with pytest.raises(TransitionError):
        action(state, START + 1)  # type: ignore[operator]


def test_nothing_can_be_done_to_a_session_that_has_ended() -> None:
    state, _ = engine.start(plan(), START)
    state, _ = engine.abort(state, START)
    for action in (engine.skip, engine.back, engine.abort, engine.pause):
        with pytest.raises(TransitionError):
            action(state, START + 1)


def test_pausing_while_waiting_for_ready_is_refused() -> None:
    state, _ = engine.start(plan(), START)
    with pytest.raises(TransitionError, match="waiting"):
        engine.pause(state, START)


def test_a_resumed_session_waits_for_ready_then_starts_that_step_with_a_countdown() -> None:
    state, _ = engine.start(plan(), START, get_ready_seconds=5, position=3, wait=True)
    assert state.phase is Phase.WAITING and state.remaining(START) is None
    state, _ = engine.ready(state, START + 20)
    assert state.phase is Phase.GET_READY and state.position == 3


def test_progress_counts_timed_seconds_behind_us() -> None:
    state, _ = engine.start(plan(), START, get_ready_seconds=0)
    assert state.progress(START) == 0
    state, _ = engine.ready(state, START)
    state, _ = engine.tick(state, START + 5)
    total = plan().timed_seconds
    assert state.progress(START + 5) == pytest.approx(5 / total)
    state, _ = engine.abort(state, START + 5)
    finished, _ = engine.start(plan(), START, position=len(plan().items))
    assert finished.progress(START) == 1


def test_the_next_due_moment_is_the_next_beep_then_the_deadline() -> None:
    state, _ = engine.start(plan(), START, get_ready_seconds=0)
    assert state.next_due() is None  # waiting for ready: nothing happens on its own
    state, _ = engine.ready(state, START)
    assert state.next_due() == START + 10 - 3
    state, _ = engine.tick(state, START + 7)
    assert state.next_due() == START + 10 - 2
    state, _ = engine.tick(state, START + 9.5)
    assert state.next_due() == START + 10
    state, _ = engine.pause(state, START + 9.6)
    assert state.next_due() is None
