"""Live practice sessions, owned by the server: one lock each, ticked in the background, each
with a numbered feed of its events so every page speaks each cue once and loses none."""

from __future__ import annotations

import logging
import threading
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from turnout.domain.events import Beep, Event
from turnout.domain.log import PracticeSession, SessionStatus
from turnout.domain.pain import StopDecision
from turnout.domain.plan import Plan
from turnout.domain.routine import Routine
from turnout.domain.state import MOVES, Action, Phase, SessionState
from turnout.errors import InvalidChoiceError, StaleActionError, TurnoutError
from turnout.ports import Clock, RoutineSource, UnitOfWork
from turnout.services import cues, safety
from turnout.services.practice import (
    Practice,
    resume_practice,
    session_record,
    start_practice,
    unfinished_session,
)

log = logging.getLogger(__name__)
KINDS = {
    "StepStarted": "step_started",
    "GetReady": "get_ready",
    "Beep": "beep",
    "CheckIn": "check_in",
    "HoldEnded": "hold_ended",
    "Paused": "paused",
    "Resumed": "resumed",
    "SessionEnded": "session_ended",
}


@dataclass(frozen=True)
class FeedEntry:
    seq: int
    kind: str
    say: str
    beep: int | None
    at: float


class EventFeed:
    """The latest events of one live session. `id` changes when the server restarts."""

    def __init__(self, keep: int = 500) -> None:
        self.id = uuid.uuid4().hex[:12]
        self._entries: deque[FeedEntry] = deque(maxlen=keep)
        self.last = 0

    def add(self, events: Iterable[Event], at: float) -> None:
        for event in events:
            self.last += 1
            beep = event.remaining if isinstance(event, Beep) else None
            kind = KINDS[type(event).__name__]
            self._entries.append(FeedEntry(self.last, kind, cues.say(event), beep, at))

    def after(self, seq: int) -> list[FeedEntry]:
        return [entry for entry in self._entries if entry.seq > seq]


@dataclass
class LiveSession:
    practice: Practice
    feed: EventFeed = field(default_factory=EventFeed)
    lock: threading.Lock = field(default_factory=threading.Lock)
    error: str | None = None

    @property
    def state(self) -> SessionState:
        return self.practice.state

    def apply(self, events: tuple[Event, ...], now: float) -> None:
        self.feed.add(events, now)


class SessionRegistry:
    def __init__(
        self,
        uows: Callable[[], UnitOfWork],
        routines: RoutineSource,
        clock: Clock,
        get_ready_seconds: Callable[[], int],
    ) -> None:
        self.uows, self.routines, self.clock = uows, routines, clock
        self.get_ready_seconds = get_ready_seconds
        self._live: dict[str, LiveSession] = {}
        self._tokens: dict[str, str] = {}
        self._lock = threading.Lock()

    def start(
        self, routine_key: str, exercises: Sequence[int] | None, token: str | None
    ) -> LiveSession:
        """Start a session; the same client token twice gives back the same session."""
        with self._lock:
            known = self._tokens.get(token) if token else None
            if known in self._live:
                return self._live[known]
            routine = self._routine(routine_key)
            try:
                for number in exercises or ():
                    routine.exercise(number)
            except KeyError as error:
                raise InvalidChoiceError(str(error.args[0])) from None
            self._end_others()
            now = self.clock.now()
            practice, events = start_practice(
                self.uows(), routine, now, exercises or None, self.get_ready_seconds()
            )
            live = self._add(practice, events, now)
            if token:
                self._tokens[token] = practice.id
            return live

    def get(self, session_id: str) -> LiveSession | None:
        """A live session, or one brought back from the log (after a restart, say)."""
        with self._lock:
            if session_id in self._live:
                return self._live[session_id]
            record = session_record(self.uows(), session_id)
            return self._revive(record) if record else None

    def current(self) -> LiveSession | None:
        """The most recent session still under way, if any."""
        with self._lock:
            going = [s for s in self._live.values() if not s.state.is_over]
        return max(going, key=lambda s: s.practice.record.started_at, default=None)

    def restore_unfinished(self) -> LiveSession | None:
        """After a restart: pick up the session the log still marks active."""
        with self._lock:
            record = unfinished_session(self.uows())
            return self._revive(record) if record else None

    def act(self, session_id: str, action: Action, position: int | None = None) -> LiveSession:
        live = self.get(session_id)
        if live is None:
            raise LookupError(session_id)
        with live.lock:
            now = self.clock.now()
            live.apply(live.practice.tick(now), now)
            if live.state.is_no_op(action):
                return live
            if action in MOVES and position is not None and position != live.state.position:
                raise StaleActionError("the session has already moved on; here is where it is now")
            live.apply(getattr(live.practice, action.value)(now), now)
        return live

    def stop(self, session_id: str, reason: str) -> tuple[StopDecision, LiveSession]:
        """The dancer pressed Stop and said why; a warning sign ends the exercise for today."""
        live = self._existing(session_id)
        with live.lock:
            now = self.clock.now()
            live.apply(live.practice.tick(now), now)
            decision, events = safety.stop(live.practice, reason, now)
            live.apply(events, now)
        return decision, live

    def skip_exercise(self, session_id: str) -> LiveSession:
        """Leave out the rest of the exercise under way (a dancer who declines a stretch)."""
        live = self._existing(session_id)
        with live.lock:
            now = self.clock.now()
            live.apply(live.practice.tick(now), now)
            live.apply(safety.skip_exercise(live.practice, now), now)
        return live

    def _existing(self, session_id: str) -> LiveSession:
        live = self.get(session_id)
        if live is None:
            raise LookupError(session_id)
        return live

    def refresh(self, live: LiveSession) -> None:
        """Bring one session up to the clock, so a page never sees a deadline in the past.

        If the ticker holds the session (waiting on a locked log, say), answer with the state
        as it stands instead of waiting: the ticker brings it up to date, and `error` says why
        it could not."""
        if not live.lock.acquire(blocking=False):
            return
        try:
            self._tick(live)
        finally:
            live.lock.release()

    def tick_all(self) -> None:
        with self._lock:
            going = [s for s in self._live.values() if not s.state.is_over]
        for live in going:
            with live.lock:
                self._tick(live)

    def _tick(self, live: LiveSession) -> None:
        now = self.clock.now()
        try:
            live.apply(live.practice.tick(now), now)
            live.error = None
        except TurnoutError as error:
            # The hold stays in the state machine and is logged again on the next tick.
            log.warning("could not log session %s: %s", live.practice.id, error)
            live.error = str(error)

    def _routine(self, key: str) -> Routine:
        # Only built-in routines by name: a web client must never make the server read a path.
        names = self.routines.names()
        if key not in names:
            raise InvalidChoiceError(f"No routine called '{key}'; choose {', '.join(names)}.")
        return self.routines.load(key)

    def _add(self, practice: Practice, events: tuple[Event, ...], now: float) -> LiveSession:
        live = LiveSession(practice)
        live.apply(events, now)
        self._live[practice.id] = live
        return live

    def _end_others(self) -> None:
        # One practice at a time, as in the CLI: a new start ends the one left under way.
        for live in self._live.values():
            with live.lock:
                if not live.state.is_over:
                    now = self.clock.now()
                    live.apply(live.practice.abort(now), now)

    def _revive(self, record: PracticeSession) -> LiveSession:
        routine = self.routines.load(record.routine_key)
        now = self.clock.now()
        if record.status is SessionStatus.ACTIVE:
            practice, events = resume_practice(
                self.uows(), routine, record, now, self.get_ready_seconds()
            )
            return self._add(practice, events, now)
        plan = Plan.of(routine, record.exercise_numbers)
        phase = Phase.FINISHED if record.status is SessionStatus.FINISHED else Phase.ABORTED
        state = SessionState(plan, len(plan.items), phase)
        return self._add(Practice(self.uows(), record, state), (), now)
