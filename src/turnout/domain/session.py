"""The practice state machine. Every transition takes `now` and returns (new state, events).

Deadlines are absolute: a step that ends on time starts the next one at its own deadline, not
at the moment somebody noticed, so ticking late or often never makes the session drift.
"""

from __future__ import annotations

from dataclasses import replace

from turnout.domain import state as refusal
from turnout.domain.events import (
    Beep,
    CheckIn,
    Event,
    GetReady,
    HoldEnded,
    Paused,
    Resumed,
    SessionEnded,
    StepStarted,
)
from turnout.domain.plan import Plan, PlanItem, hold_record
from turnout.domain.state import Action, Phase, SessionState, TransitionError

__all__ = [
    "Action",
    "Phase",
    "Result",
    "SessionState",
    "TransitionError",
    "abort",
    "back",
    "pause",
    "ready",
    "resume",
    "same_exercise",
    "skip",
    "start",
    "tick",
]
BEEP_FROM = 3
LAST_CHECK_IN_MARGIN = 60


Result = tuple[SessionState, tuple[Event, ...]]


def start(
    plan: Plan, now: float, get_ready_seconds: int = 5, position: int = 0, wait: bool = False
) -> Result:
    """Begin a session at `position` (0, or the step after the last logged hold when resuming).

    With `wait`, even a timed step first waits for "ready", so a dancer coming back after an
    interruption can get into position before any clock runs.
    """
    if get_ready_seconds < 0:
        raise ValueError("get_ready_seconds cannot be negative")
    state = SessionState(plan, position, Phase.WAITING, get_ready_seconds)
    if wait and state.item is not None:
        return state, (StepStarted(state.item, position),)
    return _enter(state, position, now, countdown=True)


def tick(state: SessionState, now: float) -> Result:
    """Advance through every deadline that has passed, then emit beeps and check-ins."""
    events: list[Event] = []
    while _counting(state) and state.deadline is not None and now >= state.deadline:
        state, done = _deadline_reached(state)
        events.extend(done)
    if _counting(state):
        state, extra = _signals(state, now)
        events.extend(extra)
    return state, tuple(events)


def _counting(state: SessionState) -> bool:
    return state.phase in (Phase.GET_READY, Phase.RUNNING)


def ready(state: SessionState, now: float) -> Result:
    """The dancer is in position: leave an untimed step."""
    if state.phase is not Phase.WAITING or state.item is None:
        raise TransitionError(refusal.NOT_WAITING)
    # A timed step waits only when a session resumes; ready then starts that very step.
    following = state.position + (0 if state.item.step.is_timed else 1)
    return _enter(state, following, now, countdown=True)


def pause(state: SessionState, now: float, pressed_at: float | None = None) -> Result:
    """Stop the countdown; `pressed_at`: when a page that was offline had Pause pressed."""
    state, events = tick(state, now)
    if state.phase not in (Phase.GET_READY, Phase.RUNNING):
        raise TransitionError(refusal.CANNOT_PAUSE[state.phase])
    at = _pressed(state, now, pressed_at)
    paused = replace(state, phase=Phase.PAUSED, paused_at=at, paused_from=state.phase)
    return paused, (*events, Paused())


def _pressed(state: SessionState, now: float, pressed_at: float | None) -> float:
    """When a pause takes effect: when it was pressed if that was in this hold since it began
    (and it has not been paused before, so its time held is plain), else now."""
    start = state.step_started_at
    if pressed_at is None or state.phase is not Phase.RUNNING or start is None:
        return now
    return pressed_at if start <= pressed_at <= now and not state.paused_total else now


def resume(state: SessionState, now: float) -> Result:
    if state.phase is not Phase.PAUSED or state.paused_at is None or state.deadline is None:
        raise TransitionError(refusal.NOT_PAUSED)
    gap = max(0.0, now - state.paused_at)
    running = state.paused_from is Phase.RUNNING
    resumed = replace(
        state,
        phase=state.paused_from or Phase.RUNNING,
        deadline=state.deadline + gap,
        paused_at=None,
        paused_from=None,
        paused_total=state.paused_total + (gap if running else 0.0),
    )
    return resumed, (Resumed(),)


def skip(state: SessionState, now: float) -> Result:
    """Leave the current step now; an unfinished hold is logged as skipped."""
    state, events = _settle(state, now)
    left = _log_unfinished(state, now)
    state, entered = _enter(state, state.position + 1, now, countdown=True)
    return state, (*events, *left, *entered)


def back(state: SessionState, now: float) -> Result:
    """Return to the previous step and start it again; the current one is not logged."""
    state, events = _settle(state, now)
    state, entered = _enter(state, max(0, state.position - 1), now, countdown=True)
    return state, (*events, *entered)


def abort(state: SessionState, now: float) -> Result:
    """End the session early. Holds already logged stay; a hold under way is logged as skipped."""
    state, events = _settle(state, now)
    left = _log_unfinished(state, now)
    ended = replace(state, phase=Phase.ABORTED, deadline=None, paused_at=None)
    return ended, (*events, *left, SessionEnded(finished=False))


def same_exercise(state: SessionState, position: int) -> bool:
    """Step `position` belongs to the exercise under way (an action sent from it still fits)."""
    items, item = state.plan.items, state.item
    inside = 0 <= position < len(items)
    return item is not None and inside and items[position].exercise == item.exercise


def _settle(state: SessionState, now: float) -> Result:
    if state.is_over:
        raise TransitionError(refusal.ENDED)
    if state.phase is Phase.PAUSED:
        return state, ()
    return tick(state, now)


def _enter(state: SessionState, position: int, at: float, countdown: bool) -> Result:
    base = replace(
        state,
        position=position,
        deadline=None,
        step_started_at=None,
        paused_at=None,
        paused_from=None,
        paused_total=0.0,
        next_check_in=None,
    )
    item = base.item
    if item is None:
        return replace(base, phase=Phase.FINISHED), (SessionEnded(finished=True),)
    step = item.step
    if step.seconds is None:
        return replace(base, phase=Phase.WAITING), (StepStarted(item, position),)
    if countdown and step.is_hold and state.get_ready_seconds > 0:
        seconds = state.get_ready_seconds
        waiting = replace(base, phase=Phase.GET_READY, deadline=at + seconds)
        return replace(waiting, next_beep=min(BEEP_FROM, seconds - 1)), (GetReady(item, seconds),)
    return _run(base, item, at)


def _run(state: SessionState, item: PlanItem, at: float) -> Result:
    seconds = item.step.seconds or 0
    every = item.step.check_in_every
    running = replace(
        state,
        phase=Phase.RUNNING,
        step_started_at=at,
        deadline=at + seconds,
        next_beep=min(BEEP_FROM, seconds - 1),
        next_check_in=every if every and every < seconds else None,
    )
    return running, (StepStarted(item, state.position),)


def _deadline_reached(state: SessionState) -> Result:
    item, deadline = state.item, state.deadline
    assert item is not None and deadline is not None  # guarded by the caller's phase check
    if state.phase is Phase.GET_READY:
        return _run(state, item, deadline)
    logged: tuple[Event, ...] = ()
    if item.step.is_hold:
        active = state.active_seconds(deadline)
        record = hold_record(
            state.plan, state.position, state.step_started_at or deadline, deadline, active, True
        )
        logged = (HoldEnded(record),)
    state, entered = _enter(state, state.position + 1, deadline, countdown=False)
    return state, (*logged, *entered)


def _signals(state: SessionState, now: float) -> Result:
    events: list[Event] = []
    remaining = state.remaining(now) or 0.0
    if state.next_beep >= 1 and remaining <= state.next_beep:
        second = max(1, int(remaining) + (0 if remaining.is_integer() else 1))
        events.append(Beep(second))
        state = replace(state, next_beep=second - 1)
    if state.phase is Phase.RUNNING and state.next_check_in is not None:
        state, check = _check_in(state, now)
        events.extend(check)
    return state, tuple(events)


def _check_in(state: SessionState, now: float) -> Result:
    item, due = state.item, state.next_check_in
    assert item is not None and due is not None and item.step.seconds is not None
    elapsed = state.active_seconds(now)
    if elapsed < due:
        return state, ()
    following = due + (item.step.check_in_every or due)
    keep = following if following <= item.step.seconds - LAST_CHECK_IN_MARGIN else None
    event = CheckIn(elapsed=int(elapsed), remaining=int(item.step.seconds - elapsed))
    return replace(state, next_check_in=keep), (event,)


def _log_unfinished(state: SessionState, now: float) -> tuple[Event, ...]:
    item = state.item
    if item is None or not item.step.is_hold:
        return ()
    started = state.step_started_at
    at = state.paused_at if state.phase is Phase.PAUSED and state.paused_at else now
    active = state.active_seconds(now)
    record = hold_record(state.plan, state.position, started or at, at, active, False)
    return (HoldEnded(record),)
