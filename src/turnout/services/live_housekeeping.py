"""What a server does with all its live sessions at once: tick those it runs, give them back
when it stops, and let go of those nothing here needs any more (the log keeps them)."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable

from turnout.errors import TurnoutError
from turnout.ports import Clock, UnitOfWork
from turnout.services.leases import Owner
from turnout.services.live_session import LiveSession

LOOK_EVERY = 1.0  # real seconds between two reads of the versions of the runs a server holds
log = logging.getLogger(__name__)


class Housekeeping:
    """The session registry's chores over every session it holds (see live.py)."""

    clock: Clock
    uows: Callable[[], UnitOfWork]
    owner: Owner
    shared: bool
    _looked_at: float
    _live: dict[str, LiveSession]
    _tokens: dict[str, str]
    _lock: threading.Lock

    def _tick(self, live: LiveSession) -> None:
        raise NotImplementedError

    def _catch_up(self, live: LiveSession) -> None:
        raise NotImplementedError

    def tick_all(self) -> None:
        """Log every hold that ended and renew this server's leases (the background ticker).
        On a studio's server, first take in the runs other processes wrote since."""
        with self._lock:
            going = [s for s in self._live.values() if s.practice.owned and not s.state.is_over]
        changed = self._written_elsewhere(going)
        for live in going:
            with live.lock:
                if live.practice.id in changed:
                    self._catch_up(live)
                self._tick(live)

    def _written_elsewhere(self, going: list[LiveSession]) -> set[str]:
        """The sessions among `going` whose run another process wrote: one read of the log
        every LOOK_EVERY seconds, for all of them at once."""
        if not (self.shared and going) or time.monotonic() - self._looked_at < LOOK_EVERY:
            return set()
        self._looked_at = time.monotonic()
        try:
            with self.uows() as uow:
                versions = uow.practice.run_versions(self.owner.name)
        except TurnoutError as error:
            log.warning("could not read the versions of this server's sessions: %s", error)
            return set()
        return {s.practice.id for s in going if versions.get(s.practice.id) != s.practice.version}

    def release_all(self) -> None:
        """Give back every session this server runs (it is stopping): another process may
        resume them at once instead of waiting for the leases to lapse."""
        with self._lock:
            mine = [s for s in self._live.values() if s.practice.owned]
        for live in mine:
            with live.lock:
                live.practice.release()

    def forget_idle(self, untouched_for: float) -> int:
        """Let go of the sessions nothing here needs (see LiveSession.forgettable), so a
        long-running server's memory stays flat; how many went."""
        with self._lock:
            cutoff = self.clock.now() - untouched_for
            gone = [key for key, live in self._live.items() if live.forgettable(cutoff)]
            for key in gone:
                del self._live[key]
            self._tokens = {t: i for t, i in self._tokens.items() if i in self._live}
        return len(gone)
