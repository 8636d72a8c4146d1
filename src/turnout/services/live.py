"""Live practice sessions as a server sees them: those it runs (ticked in the background, so
holds are logged the moment they end) and those another process runs, shown read-only as the
log has them until that process's lease lapses. See live_session.py for one of them.

On a studio's server (`shared`) several web processes answer for the same sessions: each
session's run is in the log, any process acts on it (each write names the run's version, so
two never both land), the lease only says who ticks it when no page asks, and a process that
takes a lease over carries the run on instead of starting its step again."""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

from turnout.domain.library import is_named
from turnout.domain.log import OwnerKind, SessionStatus
from turnout.domain.pain import StopDecision
from turnout.domain.routine import NoSuchExerciseError, Routine
from turnout.domain.state import MOVES, Action, TransitionError
from turnout.errors import (
    InvalidChoiceError,
    RunChangedError,
    SessionHeldError,
    StaleActionError,
    TurnoutError,
)
from turnout.i18n import _
from turnout.ports import Clock, RoutineSource, UnitOfWork
from turnout.services import safety
from turnout.services.flow_text import under_way
from turnout.services.leases import Owner
from turnout.services.live_housekeeping import Housekeeping
from turnout.services.live_log import FromTheLog
from turnout.services.live_session import LiveSession
from turnout.services.practice import start_practice
from turnout.services.practice_log import session_record

__all__ = ["LiveSession", "SessionRegistry"]
log = logging.getLogger(__name__)
REFRESH_WAIT_SECONDS = 1.0  # a read waits this long for a tick under way, then answers as is
T = TypeVar("T")


class SessionRegistry(FromTheLog, Housekeeping):
    def __init__(
        self,
        uows: Callable[[], UnitOfWork],
        routines: RoutineSource,
        clock: Clock,
        get_ready_seconds: Callable[[], int],
        owner: Owner | None = None,
        shared: bool = False,
    ) -> None:
        self.uows, self.routines, self.clock = uows, routines, clock
        self.get_ready_seconds = get_ready_seconds
        self.owner = owner or Owner.this_process(OwnerKind.WEB)
        self.shared = shared
        self._live: dict[str, LiveSession] = {}
        self._tokens: dict[str, str] = {}
        self._lock = threading.Lock()

    def start(
        self, key: str, exercises: Sequence[int] | None, token: str | None, replace: bool = False
    ) -> LiveSession:
        """Start a session (the same client token twice: the same one). One this server runs
        is ended first with `replace`, else the start is refused (TransitionError: a 409)."""
        with self._lock:
            known = self._live.get(self._tokens.get(token, "")) if token else None
            if known is not None and not known.state.is_over:  # a double tap, not a page kept
                return known
            routine = self._routine(key)
            try:
                for number in exercises or ():
                    routine.exercise(number)
            except NoSuchExerciseError as error:
                raise InvalidChoiceError(_(error.template).format(**error.values)) from None
            self._end_others(replace)
            now = self.clock.now()
            practice, _events = start_practice(
                self.uows(),
                routine,
                now,
                exercises or None,
                self.get_ready_seconds(),
                self.owner,
                keep_run=True,
            )
            live = self._add(practice, now)
            if token:
                self._tokens[token] = practice.id
            return live

    def get(self, session_id: str) -> LiveSession | None:
        """A live session, or one brought in from the log (after a restart, run elsewhere, or
        forgotten here once over)."""
        with self._lock:
            found = self._live.get(session_id)
            if found is None:
                record = session_record(self.uows(), session_id)
                found = self._bring_in(record) if record else None
            if found is not None:
                found.touched = self.clock.now()
            return found

    def adopt(self, session_id: str) -> None:
        """Run a session whose lease this server has just been given (see leases.take_free)."""
        live = self.get(session_id)
        if live is None:
            return
        with live.lock:
            if not live.practice.owned and live.practice.record.status is SessionStatus.ACTIVE:
                with contextlib.suppress(SessionHeldError):
                    self._take(live, self.clock.now())

    def current(self) -> LiveSession | None:
        """The most recent session still under way: here, or (the log says) in another process."""
        with self._lock:
            try:
                self._latest_from_log()
            except TurnoutError as error:  # show what this server knows
                log.warning("could not look for an unfinished session: %s", error)
            going = [s for s in self._live.values() if not s.state.is_over]
        return max(going, key=lambda s: s.practice.record.started_at, default=None)

    def restore_unfinished(self) -> LiveSession | None:
        """After a restart: the session the log marks active, taken up when the dancer acts."""
        with self._lock:
            return self._latest_from_log()

    def act(
        self, session_id: str, action: Action, position: int | None = None, at: float | None = None
    ) -> LiveSession:
        live = self._existing(session_id)

        def press(now: float) -> None:
            if live.state.is_no_op(action):
                return
            if action in MOVES and position is not None and position != live.state.position:
                raise StaleActionError(
                    _("the session has already moved on; here is where it is now")
                )
            live.practice.act(action, now, at)

        self._acting(live, press)
        return live

    def stop(self, session_id: str, reason: str) -> tuple[StopDecision, LiveSession]:
        """The dancer pressed Stop and said why; a warning sign ends the exercise for today."""
        live = self._existing(session_id)
        decision = self._acting(live, lambda now: safety.stop(live.practice, reason, now)[0])
        return decision, live

    def skip_exercise(self, session_id: str) -> LiveSession:
        """Leave out the rest of the exercise under way (a dancer who declines a stretch)."""
        live = self._existing(session_id)
        self._acting(live, lambda now: safety.skip_exercise(live.practice, now))
        return live

    def refresh(self, live: LiveSession) -> None:
        """Bring one session up to date, so a page never sees a deadline in the past: up to the
        clock if this server runs it, else as the log has it now. A tick under way (logging a
        hold) is waited for, briefly; a longer one (a locked log) is not: the answer is the
        state as it stands, the ticker brings it up to date, and `error` says why it could not."""
        if not live.lock.acquire(timeout=REFRESH_WAIT_SECONDS):
            return
        try:
            if self._joined(live):
                self._catch_up(live)
            if live.practice.owned or self._joined(live):
                self._tick(live)
            elif live.practice.record.status is SessionStatus.ACTIVE:
                self._watch(live)
        finally:
            live.lock.release()

    def _existing(self, session_id: str) -> LiveSession:
        live = self.get(session_id)
        if live is None:
            raise LookupError(session_id)
        return live

    def _acting(self, live: LiveSession, act: Callable[[float], T]) -> T:
        """`act` on the session, driven here; once more, on the run as it is now, if another
        process wrote the run first."""
        try:
            with self._driving(live) as now:
                return act(now)
        except RunChangedError:
            with self._driving(live) as now:
                return act(now)

    @contextlib.contextmanager
    def _driving(self, live: LiveSession) -> Iterator[float]:
        """Hold the session, make sure this server may drive it (taking it up if no live
        process runs it) and bring it up to the clock. Raises SessionHeldError while another
        runs it and this server may not write it."""
        with live.lock:
            now = self.clock.now()
            try:
                if self._joined(live):
                    self._catch_up(live)
                if not live.practice.owned and live.practice.record.status is SessionStatus.ACTIVE:
                    self._take_unless_run_elsewhere(live, now)
                live.practice.tick(now)
                yield now
            except SessionHeldError:
                self._watch(live)  # show it as the process that runs it has logged it
                raise

    def _tick(self, live: LiveSession) -> None:
        now = self.clock.now()
        try:
            live.practice.tick(now)
            live.error = None
        except RunChangedError:
            self._catch_up(live)  # another process wrote it: the next tick goes on from there
        except SessionHeldError:
            # Another process took the session over while this one was not answering.
            log.warning("session %s is run by another process now", live.practice.id)
            self._watch(live)
        except TurnoutError as error:
            # The hold stays in the state machine and is logged again on the next tick.
            log.warning("could not log session %s: %s", live.practice.id, error)
            live.error = str(error)

    def _routine(self, key: str) -> Routine:
        # Only built-in routines by name: a web client must never make the server read a path.
        names = self.routines.names()
        if not is_named(key, names):
            # Translators: {names} lists the routines' keys, as they are typed.
            text = _("No routine called '{key}'; choose {names}.")
            raise InvalidChoiceError(text.format(key=key, names=", ".join(names)))
        return self.routines.load(key)

    def _end_others(self, replace: bool) -> None:
        # One practice at a time, as in the CLI: a new start ends the one this server runs, if
        # asked to. Sessions of other processes, live or crashed, stay theirs to resume.
        for live in self._live.values():
            with live.lock:
                if live.practice.owned and not live.state.is_over:
                    if not replace:
                        raise TransitionError(under_way(live.state))
                    now = self.clock.now()
                    with contextlib.suppress(SessionHeldError, RunChangedError):
                        live.practice.act(Action.ABORT, now)
