"""The live sessions of each dancer, one registry apiece, so that one dancer's session ids,
"current session" and one-at-a-time rule never reach another's. On a studio's server
(`shared`), it also takes over, every few seconds, the sessions of web processes that stopped
or died, and carries them on."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from turnout.domain.log import OwnerKind
from turnout.errors import TurnoutError
from turnout.ports import Clock, FreeSessions, RoutineSource, UnitOfWork
from turnout.services.leases import Owner, take_free
from turnout.services.live import SessionRegistry
from turnout.web.acting import PERSONAL

FORGET_AFTER = 15 * 60.0  # clock seconds: a summary page left open keeps polling well within
FORGET_EVERY = 30.0  # real seconds between two looks for sessions to let go of
SWEEP_EVERY = 2.0  # real seconds between two looks for sessions nobody runs (shared only)
LOOK_EVERY = 1.0  # real seconds between two reads of the versions of this server's runs
log = logging.getLogger(__name__)


class Registries:
    def __init__(
        self,
        uows: Callable[[int], UnitOfWork],
        routines: RoutineSource,
        clock: Clock,
        get_ready_seconds: Callable[[int], int],  # the dancer's own setting
        free_sessions: FreeSessions | None = None,  # a studio's: several processes share it
    ) -> None:
        self._uows, self._routines, self._clock = uows, routines, clock
        self._get_ready = get_ready_seconds
        self._free = free_sessions
        self.owner = Owner.this_process(OwnerKind.WEB)  # one name for this process's leases
        self._each: dict[int, SessionRegistry] = {}
        self._lock = threading.Lock()
        self._forgot_at = self._swept_at = self._looked_at = time.monotonic()

    def of(self, dancer: int) -> SessionRegistry:
        """The dancer's registry, made on first use."""
        with self._lock:
            if dancer not in self._each:
                uows, get_ready = self._uows, self._get_ready
                self._each[dancer] = SessionRegistry(
                    lambda: uows(dancer),
                    self._routines,
                    self._clock,
                    lambda: get_ready(dancer),
                    self.owner,
                    shared=self._free is not None,
                )
            return self._each[dancer]

    def restore_unfinished(self) -> None:
        """At start, the personal log's (or first admin's) unfinished session; other dancers'
        are brought in when they next open the app."""
        self.of(PERSONAL).restore_unfinished()

    def tick_all(self) -> None:
        """Tick every dancer's sessions; now and then, let go of those nothing needs."""
        if self._free is not None and time.monotonic() - self._swept_at >= SWEEP_EVERY:
            self._swept_at = time.monotonic()
            self.take_over()
        versions = self._versions()
        for registry in self._all():
            registry.tick_all(versions)
        if time.monotonic() - self._forgot_at >= FORGET_EVERY:
            self._forgot_at = time.monotonic()
            self.forget_idle()

    def forget_idle(self) -> int:
        """Sessions over (or run elsewhere) that no page asked for in FORGET_AFTER clock
        seconds leave memory; a later request brings one back from the log."""
        return sum(registry.forget_idle(FORGET_AFTER) for registry in self._all())

    def _versions(self) -> dict[str, int] | None:
        """Every LOOK_EVERY seconds on a studio's server, the versions of the runs this server
        holds, in one read for all its dancers; None in between (and on a personal log)."""
        if self._free is None or time.monotonic() - self._looked_at < LOOK_EVERY:
            return None
        self._looked_at = time.monotonic()
        try:
            return self._free.versions(self.owner.name)
        except TurnoutError as error:
            log.warning("could not read the versions of this server's sessions: %s", error)
            return None

    def take_over(self) -> int:
        """Carry on the sessions whose web process stopped or died; how many."""
        if self._free is None:
            return 0
        try:
            taken = take_free(self._free, self.owner)
        except TurnoutError as error:
            log.warning("could not look for sessions nobody runs: %s", error)
            return 0
        for dancer, session_id in taken:
            self.of(dancer).adopt(session_id)
        return len(taken)

    def release_all(self) -> None:
        for registry in self._all():
            registry.release_all()

    def _all(self) -> list[SessionRegistry]:
        with self._lock:
            return list(self._each.values())
