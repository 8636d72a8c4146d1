"""What a server does with all its live sessions at once: tick those it runs, give them back
when it stops, and let go of those nothing here needs any more (the log keeps them)."""

from __future__ import annotations

import threading
from collections.abc import Callable

from turnout.ports import Clock
from turnout.services.live_session import LiveSession


class Housekeeping:
    """The session registry's chores over every session it holds (see live.py)."""

    clock: Clock
    _live: dict[str, LiveSession]
    _tokens: dict[str, str]
    _lock: threading.Lock
    # FromTheLog's (live_log.py), declared here only: a stub here would shadow it if the
    # registry's bases were ever listed the other way round.
    _catch_up: Callable[[LiveSession], None]

    def _tick(self, live: LiveSession) -> None:
        raise NotImplementedError

    def tick_all(self, versions: dict[str, int] | None = None) -> None:
        """Log every hold that ended and renew this server's leases (the background ticker).
        Given the `versions` of the runs this server holds, as the log has them (a studio's
        server), first take in those another process wrote since."""
        with self._lock:
            going = [s for s in self._live.values() if s.practice.owned and not s.state.is_over]
        for live in going:
            with live.lock:
                if versions is not None and versions.get(live.practice.id) != live.practice.version:
                    self._catch_up(live)
                self._tick(live)

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
