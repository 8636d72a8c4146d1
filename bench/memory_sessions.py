"""Does a long-running server's memory stay flat over thousands of practice sessions?

Runs N short sessions through one dancer's SessionRegistry on a real SQLite log with a fake
clock (start, Ready, one 10 s hold logged, then End), ticking as the web server's ticker does,
twice in the same process: once letting go of idle sessions as the server does every 30 s
(`forget_idle`), once never (the raw registry, as it was). It prints the process's resident
memory (RSS) every N/5 sessions for both, the growth per 1000 sessions, and their ratio; and
checks that every session logged its hold and ended, and that a forgotten one comes back.

    .venv/bin/python bench/memory_sessions.py [--sessions 10000]
"""

from __future__ import annotations

import argparse
import gc
import tempfile
import time
from pathlib import Path

from turnout import bootstrap
from turnout.config import Settings
from turnout.domain.state import Action
from turnout.services.live import SessionRegistry

FORGET_AFTER = 15 * 60.0  # as web/registries.py
CLASS_GAP = 60.0  # clock seconds between two sessions


class SteppedClock:
    """A practice clock that moves only when told to: hours of sessions in seconds."""

    def __init__(self) -> None:
        self.time = 1_767_225_600.0

    def now(self) -> float:
        return self.time

    def sleep(self, seconds: float) -> None:
        self.time += seconds

    def advance(self, seconds: float) -> None:
        self.time += seconds


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def run(sessions: int, forget: bool, folder: Path) -> tuple[list[tuple[int, float]], int, float]:
    clock = SteppedClock()
    settings = Settings(data_dir=folder, database_url=f"sqlite:///{folder}/t.db")
    box = bootstrap.build(settings, clock=clock)
    registry = SessionRegistry(box.uow, box.routines, clock, lambda: 0)
    marks: list[tuple[int, float]] = []
    ids: list[str] = []
    started = time.perf_counter()
    for number in range(1, sessions + 1):
        live = registry.start("classic", [1], f"token-{number}")
        registry.act(live.practice.id, Action.READY, position=0)
        clock.advance(10.5)
        registry.tick_all()
        registry.act(live.practice.id, Action.ABORT)
        ids.append(live.practice.id)
        clock.advance(CLASS_GAP)
        if forget and number % 30 == 0:
            registry.forget_idle(FORGET_AFTER)
        if number % max(1, sessions // 5) == 0:
            gc.collect()
            marks.append((number, rss_mb()))
    seconds = time.perf_counter() - started
    with box.uow() as uow:
        holds = [h for h in uow.practice.holds() if h.record.status.value == "completed"]
        ended = [s for s in uow.practice.sessions() if s.status.value == "aborted"]
    assert len(holds) == sessions and len(ended) == sessions, (len(holds), len(ended))
    back = registry.get(ids[0])
    assert back is not None and back.state.is_over  # forgotten or not, it is there
    return marks, len(registry._live), seconds


def growth(marks: list[tuple[int, float]]) -> float:
    (n0, m0), (n1, m1) = marks[0], marks[-1]
    return (m1 - m0) / max(1, n1 - n0) * 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sessions", type=int, default=10_000)
    sessions = parser.parse_args().sessions
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        kept, kept_live, kept_s = run(sessions, forget=True, folder=Path(a))
        raw, raw_live, raw_s = run(sessions, forget=False, folder=Path(b))
    print(f"{sessions} sessions each, RSS in MB after every {sessions // 5}:")
    print(f"{'sessions':>9} {'forgetting':>11} {'raw':>9}")
    for (n, m), (_, r) in zip(kept, raw, strict=True):
        print(f"{n:>9} {m:>11.1f} {r:>9.1f}")
    g_kept, g_raw = growth(kept), growth(raw)
    print(f"growth per 1000 sessions: forgetting {g_kept:.2f} MB, raw {g_raw:.2f} MB")
    print(f"ratio (forgetting / raw): {g_kept / g_raw:.2f}" if g_raw > 0 else "raw did not grow")
    print(f"sessions still in memory at the end: forgetting {kept_live}, raw {raw_live}")
    print(f"time: forgetting {kept_s:.1f} s, raw {raw_s:.1f} s")


if __name__ == "__main__":
    main()
