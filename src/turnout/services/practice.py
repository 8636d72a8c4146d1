"""Use cases for a session under way: start it, drive it, log each hold, resume it (runs.py has
what other processes do with a web session's run)."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace

from turnout.domain import session as engine
from turnout.domain.events import Event, HoldEnded, SessionEnded
from turnout.domain.log import PracticeSession, SessionStatus
from turnout.domain.plan import HoldRecord, Plan
from turnout.domain.routine import NoSuchExerciseError, Routine
from turnout.domain.session import SessionState
from turnout.domain.state import Action, TransitionError
from turnout.errors import NotFoundError, RunChangedError, TurnoutError
from turnout.i18n import _
from turnout.ports import UnitOfWork
from turnout.services import run_state
from turnout.services.flow_text import no_exercise, other_routine, refused, rest_before
from turnout.services.leases import Owner, Tenure, claim
from turnout.services.run_state import EventFeed, FeedEntry

# What each action asks of the state machine.
ACTIONS = {
    Action.READY: engine.ready,
    Action.PAUSE: engine.pause,
    Action.RESUME: engine.resume,
    Action.SKIP: engine.skip,
    Action.BACK: engine.back,
    Action.ABORT: engine.abort,
}


class Practice:
    """A session under way: applies each action to the state machine and logs holds as they end.

    With a `tenure` this process runs the session under a lease in the log: every write checks
    the lease first and ticking renews it. Without one (a session only shown, or a test's)
    nothing is checked.

    Its events are numbered in `feed`, for the pages. With a `version` (a web session) the run,
    state and feed's tail, is written with every transition, and the write lands only if the
    log still has that version (services/run_state.py)."""

    def __init__(
        self,
        uow: UnitOfWork,
        record: PracticeSession,
        state: SessionState,
        tenure: Tenure | None = None,
        feed: EventFeed | None = None,
        version: int | None = None,
    ) -> None:
        self.uow, self.record, self.state, self.tenure = uow, record, state, tenure
        self.feed = feed or EventFeed()
        self.version = version

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def owned(self) -> bool:
        """This process runs the session: it holds the lease."""
        return self.tenure is not None

    def tick(self, now: float) -> tuple[Event, ...]:
        return self._apply(engine.tick(self.state, now), now)

    def act(self, action: Action, now: float, pressed_at: float | None = None) -> tuple[Event, ...]:
        """Ready, pause, resume, skip, back or abort, as the dancer asked; a pause the page
        sends late says when it was pressed (see engine.pause); TransitionError, translated,
        when it does not apply now."""
        try:
            if action is Action.PAUSE:
                result = engine.pause(self.state, now, pressed_at)
            else:
                result = ACTIONS[action](self.state, now)
        except TransitionError as error:
            raise refused(error) from None
        return self._apply(result, now, acted=True)

    def release(self) -> None:
        """Stop running the session here: another process may resume it at once."""
        if self.tenure is not None:
            self.tenure.release(self.uow)
            self.tenure = None

    def _apply(self, result: engine.Result, now: float, acted: bool = False) -> tuple[Event, ...]:
        state, events = result
        # An action checks the lease even when it logs nothing, so a process that lost the
        # session to another never pauses or moves it behind that one's back.
        self.save(events, now, check=acted, state=state)
        self.state = state
        if self.tenure is not None:
            self.tenure.keep(self.uow)
        return events

    def save(
        self,
        events: tuple[Event, ...],
        now: float,
        check: bool = False,
        state: SessionState | None = None,
    ) -> None:
        """Log the holds that ended, the session's close and the run (`state`, when it is
        kept), all in one transaction; then number the events in the feed.

        Save first, state after: if the log cannot be written nothing of this transition is
        saved and the state stays put, so the next tick derives the same holds again, none
        lost and none logged twice. Under a lease the same transaction checks and renews it:
        a process that lost the session logs nothing more in it. A run another process wrote
        first (RunChangedError) leaves nothing written either."""
        holds = [e.record for e in events if isinstance(e, HoldEnded)]
        ended = next((e for e in events if isinstance(e, SessionEnded)), None)
        tenure, entries = self.tenure, self.feed.entries(events, now)
        kept = self.version is not None and bool(events or check)
        if not holds and ended is None and not (check and tenure) and not kept:
            self.feed.extend(entries)
            return
        record = self.record if ended is None else self._closed(ended.finished, now)
        with self.uow.writing():
            if kept:
                renewed = self._write_run(state or self.state, entries, tenure)
            else:
                renewed = tenure.fence(self.uow) if tenure else 0.0
            for hold in holds:
                self.uow.practice.add_hold(self.id, hold)
            if ended is not None:
                self.uow.practice.update_session(record)
                if tenure:
                    self.uow.practice.release(self.id, tenure.owner.name)
            self.uow.commit()
        self.record = record
        self.feed.extend(entries)
        if kept and self.version is not None:
            self.version += 1
        if tenure:
            tenure.renewed = renewed
        self.tenure = None if ended else tenure

    def _write_run(
        self, state: SessionState, entries: list[FeedEntry], tenure: Tenure | None = None
    ) -> float:
        """Write the run, and under a `tenure` renew the lease in the same statement; when it
        renewed. Raises RunChangedError if another process wrote the run first, and
        SessionHeldError if the lease is another's now."""
        at = tenure.owner.wall() if tenure else 0.0
        text = run_state.dump(state, self.feed, entries)
        lease = tenure.owner.lease() if tenure else None
        if self.uow.practice.save_run(self.id, text, self.version or 0, lease):
            return at
        if tenure is not None:
            tenure.fence(self.uow)  # raises SessionHeldError when the lease is gone
        raise RunChangedError(_("This session has just moved on elsewhere; here it is now."))

    def _closed(self, finished: bool, now: float) -> PracticeSession:
        status = SessionStatus.FINISHED if finished else SessionStatus.ABORTED
        return replace(self.record, status=status, ended_at=now)


def start_practice(
    uow: UnitOfWork,
    routine: Routine,
    now: float,
    exercises: Sequence[int] | None = None,
    get_ready_seconds: int = 5,
    owner: Owner | None = None,
    keep_run: bool = False,
) -> tuple[Practice, tuple[Event, ...]]:
    """Open a new session in the log and start the state machine on it, held by `owner`;
    with `keep_run` (the web's), its run is kept in the log from the start."""
    try:
        plan = session_plan(routine, exercises)
    except NoSuchExerciseError as error:
        raise NotFoundError(no_exercise(error)) from None
    record = PracticeSession(
        id=uuid.uuid4().hex,
        routine_key=routine.key,
        routine_name=routine.name,
        exercise_numbers=plan.exercise_numbers,
        started_at=now,
        planned_holds=plan.hold_count,
        planned_seconds=plan.hold_seconds,
    )
    state, events = engine.start(plan, now, get_ready_seconds)
    practice = Practice(uow, record, state, version=0 if keep_run else None)
    entries = practice.feed.entries(events, now)
    with uow.writing():
        uow.practice.add_session(record)
        if owner is not None:
            claim(uow, owner, record.id)
        if keep_run:
            practice._write_run(state, entries)
        uow.commit()
    practice.feed.extend(entries)
    practice.tenure = _tenure(owner, record.id)
    if keep_run:
        practice.version = 1
    return practice, events


def session_plan(routine: Routine, exercises: Sequence[int] | None) -> Plan:
    """The plan every process builds for these exercises: a rest between two of them. Starting,
    resuming and showing a session must build the same one, or positions would not match."""
    return Plan.of(routine, exercises, rest=rest_before)


def _tenure(owner: Owner | None, session_id: str) -> Tenure | None:
    return None if owner is None else Tenure(owner, session_id)


def resume_practice(
    uow: UnitOfWork,
    routine: Routine,
    record: PracticeSession,
    now: float,
    get_ready_seconds: int = 5,
    owner: Owner | None = None,
    feed: EventFeed | None = None,
    keep_run: bool = False,
) -> tuple[Practice, tuple[Event, ...]]:
    """Pick an interrupted session up again at the step after its last logged hold, held by
    `owner`, its events numbered on in `feed` when given. A session whose run the log keeps
    goes on keeping it, and so does one resumed `keep_run` (by the web). Raises
    SessionHeldError while another live process runs it."""
    if record.routine_key != routine.key:
        raise TurnoutError(other_routine(record.id[:8], record.routine_key, routine.key))
    with uow.writing():
        if owner is not None:
            claim(uow, owner, record.id)
        # Read after the claim: the holds the last owner logged before it stopped are all in.
        holds = uow.practice.session_holds(record.id)
        run = uow.practice.run(record.id)
        uow.commit()
    plan = session_plan(routine, record.exercise_numbers)
    state, events = engine.start(
        plan, now, get_ready_seconds, position=next_position(holds), wait=True
    )
    version = run[1] if run is not None else (0 if keep_run else None)
    practice = Practice(uow, record, state, _tenure(owner, record.id), feed, version)
    # Every step was logged before the interruption: the session is over, so say so in the log.
    practice.save(events, now)
    return practice, events


def next_position(holds: list[HoldRecord]) -> int:
    return max((h.position for h in holds), default=-1) + 1
