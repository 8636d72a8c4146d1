"""The background ticker: logs every hold the moment it ends, with or without a page open, and
keeps this server's leases on its sessions alive.

It runs on a thread of its own. On the event loop's shared pool it would wait behind slow
requests: eight uploads at once once held ended holds back from the log for 12 to 27 s, and a
crash in that window would have lost them."""

from __future__ import annotations

import logging
import threading

from turnout.errors import TurnoutError
from turnout.web.registries import Registries

TICK_SECONDS = 0.15
log = logging.getLogger(__name__)


class Ticker:
    """`start()` brings back the session the log left unfinished and ticks from then on;
    `stop()` ends the thread and hands this server's sessions back."""

    def __init__(self, registry: Registries, every: float = TICK_SECONDS) -> None:
        self.registry, self.every = registry, every
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._run, name="turnout-ticker", daemon=True)

    def start(self) -> None:
        try:
            self.registry.restore_unfinished()
        except TurnoutError as error:
            log.warning("could not restore the unfinished session: %s", error)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stopping.set()
        if self._thread.is_alive():
            self._thread.join(timeout)
        self.registry.release_all()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def _run(self) -> None:
        while not self._stopping.is_set():
            try:
                self.registry.tick_all()
            except Exception:  # a dead ticker would silently stop every session; keep going
                log.exception("ticking the live sessions failed")
            self._stopping.wait(self.every)
