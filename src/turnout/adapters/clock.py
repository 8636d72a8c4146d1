"""Clocks: the real one, and a faster one for demos and browser tests."""

from __future__ import annotations

import time


class SystemClock:
    def now(self) -> float:
        return time.time()

    def sleep(self, seconds: float) -> None:
        time.sleep(max(0.0, seconds))


class ScaledClock:
    """Runs `scale` times faster than real time from `origin` (epoch seconds; the moment it
    is made unless given, so that several processes can share one)."""

    def __init__(self, scale: float, origin: float | None = None) -> None:
        self.scale = scale
        self.origin = origin or time.time()

    def now(self) -> float:
        return self.origin + (time.time() - self.origin) * self.scale

    def sleep(self, seconds: float) -> None:
        time.sleep(max(0.0, seconds) / self.scale)
