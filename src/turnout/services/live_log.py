"""How a server sees the sessions in the log that it does not run (yet): brought in, shown as
the log has them, taken up when nobody runs them, and, on a studio's server, written by every
web process alike (see live.py)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from turnout.domain.log import Lease, OwnerKind, PracticeSession, SessionStatus
from turnout.errors import SessionHeldError, TurnoutError
from turnout.ports import Clock, RoutineSource, UnitOfWork
from turnout.services.leases import Owner
from turnout.services.live_session import LiveSession
from turnout.services.practice import Practice
from turnout.services.practice_log import unfinished_session
from turnout.services.runs import catch_up, logged_practice


class FromTheLog:
    """The session registry's dealings with the log for sessions it does not run."""

    uows: Callable[[], UnitOfWork]
    routines: RoutineSource
    clock: Clock
    owner: Owner
    shared: bool
    get_ready_seconds: Callable[[], int]
    _live: dict[str, LiveSession]

    def _add(self, practice: Practice, now: float) -> LiveSession:
        live = LiveSession(practice, touched=now)
        self._live[practice.id] = live
        return live

    def _joined(self, live: LiveSession) -> bool:
        """On a studio's server, a session whose run is in the log: this process writes it
        too, whoever holds its lease (a terminal's session is only shown)."""
        return self.shared and live.practice.version is not None and live.holder is None

    def _take_unless_run_elsewhere(self, live: LiveSession, now: float) -> None:
        with self.uows() as uow:
            rival = self.owner.rival(uow.practice.lease(live.practice.id))
        if rival is None or not (self._joined(live) and rival.kind is OwnerKind.WEB):
            self._take(live, now)

    def _latest_from_log(self) -> LiveSession | None:
        record = unfinished_session(self.uows())
        if record is None:
            return None
        return self._live.get(record.id) or self._bring_in(record)

    def _bring_in(self, record: PracticeSession) -> LiveSession:
        """A logged session as this server may show it: ended, run by another live process
        (read-only), or free to take up when the dancer acts on it."""
        now = self.clock.now()
        routine = self.routines.load(record.routine_key)
        found = logged_practice(self.uows(), routine, record, self.owner, now, self.shared)
        live = self._add(found[0], now)
        self._hold_by(live, found[1])
        free = found[1] is None and live.practice.record.status is SessionStatus.ACTIVE
        if free and (self.shared or live.state.is_over):
            # Nobody runs it: on a studio's server, carry it on; elsewhere, when every step
            # was logged before the interruption, take it up to close it in the log.
            with contextlib.suppress(SessionHeldError):
                self._take(live, now)
        return live

    def _hold_by(self, live: LiveSession, rival: Lease | None) -> None:
        """Another live process runs it: read-only here, unless both are a studio's web."""
        joins = self.shared and live.practice.version is not None
        live.holder = None if joins and rival is not None and rival.kind is OwnerKind.WEB else rival

    def _take(self, live: LiveSession, now: float) -> None:
        routine = self.routines.load(live.practice.record.routine_key)
        uow, ready = self.uows(), self.get_ready_seconds()
        live.take(uow, routine, now, ready, self.owner, carrying_on=self.shared)

    def _catch_up(self, live: LiveSession) -> None:
        try:
            catch_up(live.practice)
        except TurnoutError as error:
            live.error = str(error)

    def _watch(self, live: LiveSession) -> None:
        try:
            routine = self.routines.load(live.practice.record.routine_key)
            live.watch(self.uows(), routine, self.owner, self.clock.now(), self.shared)
            self._hold_by(live, live.holder)
            live.error = None
        except TurnoutError as error:
            live.error = str(error)
