"""Use cases for a session under way: start it, drive it, log each hold, resume it."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import replace

from turnout.domain import session as engine
from turnout.domain.events import Event, HoldEnded, SessionEnded
from turnout.domain.log import PracticeSession, SessionStatus
from turnout.domain.plan import HoldRecord, Plan
from turnout.domain.routine import Routine
from turnout.domain.session import SessionState
from turnout.errors import NotFoundError, TurnoutError
from turnout.ports import UnitOfWork


class Practice:
    """A session under way: applies each action to the state machine and logs holds as they end."""

    def __init__(self, uow: UnitOfWork, record: PracticeSession, state: SessionState) -> None:
        self.uow, self.record, self.state = uow, record, state

    @property
    def id(self) -> str:
        return self.record.id

    def tick(self, now: float) -> tuple[Event, ...]:
        return self._apply(engine.tick(self.state, now), now)

    def ready(self, now: float) -> tuple[Event, ...]:
        return self._apply(engine.ready(self.state, now), now)

    def pause(self, now: float) -> tuple[Event, ...]:
        return self._apply(engine.pause(self.state, now), now)

    def resume(self, now: float) -> tuple[Event, ...]:
        return self._apply(engine.resume(self.state, now), now)

    def skip(self, now: float) -> tuple[Event, ...]:
        return self._apply(engine.skip(self.state, now), now)

    def back(self, now: float) -> tuple[Event, ...]:
        return self._apply(engine.back(self.state, now), now)

    def abort(self, now: float) -> tuple[Event, ...]:
        return self._apply(engine.abort(self.state, now), now)

    def _apply(self, result: engine.Result, now: float) -> tuple[Event, ...]:
        state, events = result
        self.save(events, now)
        self.state = state
        return events

    def save(self, events: tuple[Event, ...], now: float) -> None:
        """Log the holds that ended and the session's close, all in one transaction.

        Save first, state after: if the log cannot be written nothing of this transition is
        saved and the state stays put, so the next tick derives the same holds again, none
        lost and none logged twice."""
        holds = [e.record for e in events if isinstance(e, HoldEnded)]
        ended = next((e for e in events if isinstance(e, SessionEnded)), None)
        if not holds and ended is None:
            return
        record = self.record if ended is None else self._closed(ended.finished, now)
        with self.uow:
            for hold in holds:
                self.uow.practice.add_hold(self.id, hold)
            if ended is not None:
                self.uow.practice.update_session(record)
            self.uow.commit()
        self.record = record

    def _closed(self, finished: bool, now: float) -> PracticeSession:
        status = SessionStatus.FINISHED if finished else SessionStatus.ABORTED
        return replace(self.record, status=status, ended_at=now)


def start_practice(
    uow: UnitOfWork,
    routine: Routine,
    now: float,
    exercises: Sequence[int] | None = None,
    get_ready_seconds: int = 5,
) -> tuple[Practice, tuple[Event, ...]]:
    """Open a new session in the log and start the state machine on it."""
    try:
        plan = Plan.of(routine, exercises)
    except KeyError as error:
        raise NotFoundError(f"Routine {error.args[0]}.") from None
    record = PracticeSession(
        id=uuid.uuid4().hex,
        routine_key=routine.key,
        routine_name=routine.name,
        exercise_numbers=plan.exercise_numbers,
        started_at=now,
        planned_holds=plan.hold_count,
        planned_seconds=plan.hold_seconds,
    )
    with uow:
        uow.practice.add_session(record)
        uow.commit()
    state, events = engine.start(plan, now, get_ready_seconds)
    return Practice(uow, record, state), events


def unfinished_session(uow: UnitOfWork) -> PracticeSession | None:
    with uow:
        return uow.practice.latest_unfinished()


def session_holds(uow: UnitOfWork, session_id: str) -> list[HoldRecord]:
    with uow:
        return uow.practice.session_holds(session_id)


def session_record(uow: UnitOfWork, session_id: str) -> PracticeSession | None:
    """The logged session with this id, if there is one."""
    with uow:
        return uow.practice.get_session(session_id)


def resume_practice(
    uow: UnitOfWork,
    routine: Routine,
    record: PracticeSession,
    now: float,
    get_ready_seconds: int = 5,
) -> tuple[Practice, tuple[Event, ...]]:
    """Pick an interrupted session up again at the step after its last logged hold."""
    if record.routine_key != routine.key:
        raise TurnoutError(
            f"Session {record.id[:8]} was of routine '{record.routine_key}', not "
            f"'{routine.key}'; resume it with --routine {record.routine_key}."
        )
    with uow:
        holds = uow.practice.session_holds(record.id)
    plan = Plan.of(routine, record.exercise_numbers)
    position = max((h.position for h in holds), default=-1) + 1
    state, events = engine.start(plan, now, get_ready_seconds, position=position, wait=True)
    practice = Practice(uow, record, state)
    # Every step was logged before the interruption: the session is over, so say so in the log.
    practice.save(events, now)
    return practice, events
