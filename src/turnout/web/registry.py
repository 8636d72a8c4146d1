"""Live practice sessions, owned by the server: one lock each, ticked in the background."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from turnout import safety_services, services
from turnout.domain.events import Event
from turnout.domain.log import PracticeSession, SessionStatus
from turnout.domain.pain import StopDecision
from turnout.domain.plan import Plan
from turnout.domain.routine import Routine
from turnout.domain.session import Phase, SessionState, TransitionError
from turnout.ports import Clock, RoutineSource, TurnoutError, UnitOfWork
from turnout.web.feed import EventFeed

log = logging.getLogger(__name__)
ACTIONS = ("ready", "pause", "resume", "skip", "back", "abort")
# Actions that move to another step: a stale position means a double tap or another tab.
MOVES = ("ready", "skip", "back")


class InvalidChoiceError(ValueError):
    """A request names something that does not exist, such as exercise 9 of 5."""


class StaleActionError(TransitionError):
    """The session moved on since the page sent this action."""


@dataclass
class LiveSession:
    practice: services.Practice
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
        uow: UnitOfWork,
        routines: RoutineSource,
        clock: Clock,
        get_ready_seconds: Callable[[], int],
    ) -> None:
        self.uow, self.routines, self.clock = uow, routines, clock
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
            practice, events = services.start_practice(
                self.uow, routine, now, exercises or None, self.get_ready_seconds()
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
            record = services.session_record(self.uow, session_id)
            return self._revive(record) if record else None

    def current(self) -> LiveSession | None:
        """The most recent session still under way, if any."""
        with self._lock:
            going = [s for s in self._live.values() if not s.state.is_over]
        return max(going, key=lambda s: s.practice.record.started_at, default=None)

    def restore_unfinished(self) -> LiveSession | None:
        """After a restart: pick up the session the log still marks active."""
        with self._lock:
            record = services.unfinished_session(self.uow)
            return self._revive(record) if record else None

    def act(self, session_id: str, action: str, position: int | None = None) -> LiveSession:
        live = self.get(session_id)
        if live is None:
            raise LookupError(session_id)
        with live.lock:
            now = self.clock.now()
            live.apply(live.practice.tick(now), now)
            if _is_no_op(live.state, action):
                return live
            if action in MOVES and position is not None and position != live.state.position:
                raise StaleActionError("the session has already moved on; here is where it is now")
            live.apply(getattr(live.practice, action)(now), now)
        return live

    def stop(self, session_id: str, reason: str) -> tuple[StopDecision, LiveSession]:
        """The dancer pressed Stop and said why; a warning sign ends the exercise for today."""
        live = self._existing(session_id)
        with live.lock:
            now = self.clock.now()
            live.apply(live.practice.tick(now), now)
            decision, events = safety_services.stop(live.practice, reason, now)
            live.apply(events, now)
        return decision, live

    def skip_exercise(self, session_id: str) -> LiveSession:
        """Leave out the rest of the exercise under way (a dancer who declines a stretch)."""
        live = self._existing(session_id)
        with live.lock:
            now = self.clock.now()
            live.apply(live.practice.tick(now), now)
            live.apply(safety_services.skip_exercise(live.practice, now), now)
        return live

    def _existing(self, session_id: str) -> LiveSession:
        live = self.get(session_id)
        if live is None:
            raise LookupError(session_id)
        return live

    def refresh(self, live: LiveSession) -> None:
        """Bring one session up to the clock, so a page never sees a deadline in the past."""
        with live.lock:
            self._tick(live)

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

    def _add(
        self, practice: services.Practice, events: tuple[Event, ...], now: float
    ) -> LiveSession:
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
            practice, events = services.resume_practice(
                self.uow, routine, record, now, self.get_ready_seconds()
            )
            return self._add(practice, events, now)
        plan = Plan.of(routine, record.exercise_numbers)
        phase = Phase.FINISHED if record.status is SessionStatus.FINISHED else Phase.ABORTED
        state = SessionState(plan, len(plan.items), phase)
        return self._add(services.Practice(self.uow, record, state), (), now)


def _is_no_op(state: SessionState, action: str) -> bool:
    """Pressing pause twice, resume twice or end twice changes nothing and is not an error."""
    if state.is_over:
        return action == "abort"
    if action == "pause":
        return state.phase is Phase.PAUSED
    if action == "resume":
        return state.phase in (Phase.RUNNING, Phase.GET_READY)
    return False
