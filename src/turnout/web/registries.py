"""The live sessions of each dancer, one registry apiece, so that one dancer's session ids,
"current session" and one-at-a-time rule never reach another's."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from turnout.ports import Clock, RoutineSource, UnitOfWork
from turnout.services.live import SessionRegistry
from turnout.web.acting import PERSONAL

FORGET_AFTER = 15 * 60.0  # clock seconds: a summary page left open keeps polling well within
FORGET_EVERY = 30.0  # real seconds between two looks for sessions to let go of


class Registries:
    def __init__(
        self,
        uows: Callable[[int], UnitOfWork],
        routines: RoutineSource,
        clock: Clock,
        get_ready_seconds: Callable[[int], int],  # the dancer's own setting
    ) -> None:
        self._uows, self._routines, self._clock = uows, routines, clock
        self._get_ready = get_ready_seconds
        self._each: dict[int, SessionRegistry] = {}
        self._lock = threading.Lock()
        self._forgot_at = time.monotonic()

    def of(self, dancer: int) -> SessionRegistry:
        """The dancer's registry, made on first use."""
        with self._lock:
            if dancer not in self._each:
                uows, get_ready = self._uows, self._get_ready
                self._each[dancer] = SessionRegistry(
                    lambda: uows(dancer), self._routines, self._clock, lambda: get_ready(dancer)
                )
            return self._each[dancer]

    def restore_unfinished(self) -> None:
        """At start, the personal log's (or first admin's) unfinished session; other dancers'
        are brought in when they next open the app."""
        self.of(PERSONAL).restore_unfinished()

    def tick_all(self) -> None:
        """Tick every dancer's sessions; now and then, let go of those nothing needs."""
        for registry in self._all():
            registry.tick_all()
        if time.monotonic() - self._forgot_at >= FORGET_EVERY:
            self._forgot_at = time.monotonic()
            self.forget_idle()

    def forget_idle(self) -> int:
        """Sessions over (or run elsewhere) that no page asked for in FORGET_AFTER clock
        seconds leave memory; a later request brings one back from the log."""
        return sum(registry.forget_idle(FORGET_AFTER) for registry in self._all())

    def release_all(self) -> None:
        for registry in self._all():
            registry.release_all()

    def _all(self) -> list[SessionRegistry]:
        with self._lock:
            return list(self._each.values())
