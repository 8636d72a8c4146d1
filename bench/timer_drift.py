"""How far the practice clock strays from real time, next to a naive countdown.

The real session engine (turnout.domain.session, driven through Practice with an
in-memory log) runs on the real clock, ticking every 100 ms and drawing the player's screen
as a display would, over holds of 5, 10, 30 and 60 s with short releases and one pause in the
middle of a hold. For every hold:

    logged end error   = the hold's ended_at in the log - its true end
    detection latency  = when the engine reported the hold as ended - its true end

The true end is the session's start + every planned second up to the end of that hold + the
time spent paused before it. At the same time, in another process, a naive timer
(`sleep(0.1); remaining -= 0.1`, drawing a countdown each tick) runs the same steps.

    python bench/timer_drift.py            # about 3 minutes of steps
    python bench/timer_drift.py --quick    # about 20 s
    python bench/timer_drift.py --minutes 10

It prints a table and writes nothing.
"""

from __future__ import annotations

import argparse
import io
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from types import TracebackType
from typing import cast

from rich.console import Console, RenderableType

from turnout.adapters.clock import SystemClock
from turnout.cli.player import TICK, wait_one_tick
from turnout.cli.render import big, clock_text, screen
from turnout.domain.events import Event, HoldEnded
from turnout.domain.log import PracticeSession
from turnout.domain.plan import HoldRecord, Plan
from turnout.domain.routine import Exercise, Routine, Step, StepKind
from turnout.domain.session import Phase
from turnout.ports import UnitOfWork
from turnout.services.practice import Practice, start_practice

HOLDS = (5, 10, 30, 60)
RELEASE = 2
GET_READY = 2
PAUSE = 2.0


@dataclass
class MemoryLog:
    """The smallest unit of work the services accept: everything stays in memory."""

    sessions: dict[str, PracticeSession] = field(default_factory=dict)
    records: list[HoldRecord] = field(default_factory=list)

    @property
    def practice(self) -> MemoryLog:
        return self

    def __enter__(self) -> MemoryLog:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        return None

    def commit(self) -> None:
        return None

    def rollback(self) -> None:
        return None

    def add_session(self, session: PracticeSession) -> None:
        self.sessions[session.id] = session

    def update_session(self, session: PracticeSession) -> None:
        self.sessions[session.id] = session

    def add_hold(self, session_id: str, record: HoldRecord) -> None:
        self.records.append(record)


def bench_routine(target_seconds: float) -> Routine:
    """Holds of 5, 10, 30 and 60 s in turn, each followed by a release, up to the target."""
    steps: list[Step] = []
    total, index = 0, 0
    while not steps or total + HOLDS[index % len(HOLDS)] + RELEASE <= target_seconds:
        seconds = HOLDS[index % len(HOLDS)]
        steps.append(Step(StepKind.HOLD, f"Hold {index + 1}", "Hold.", seconds))
        steps.append(Step(StepKind.RELEASE, "Release", "Let go.", RELEASE))
        total, index = total + seconds + RELEASE, index + 1
    exercise = Exercise(1, "drift", "Drift", "Timed holds.", tuple(steps))
    return Routine("drift", "Timer drift", "Holds against the real clock.", (exercise,))


def paused_hold(plan: Plan) -> int:
    """The position of the hold nearest the middle of the session: it gets paused half-way."""
    holds = [i for i, item in enumerate(plan.items) if item.step.is_hold]
    return holds[len(holds) // 2]


@dataclass
class EngineRun:
    records: list[HoldRecord] = field(default_factory=list)
    detected: list[float] = field(default_factory=list)  # wall time HoldEnded came back
    true_ends: list[float] = field(default_factory=list)


class Display:
    """Draws what the player would draw each tick, into memory: the work a real display does."""

    def __init__(self) -> None:
        self.sink = io.StringIO()
        self.console = Console(file=self.sink, width=100, force_terminal=True)

    def draw(self, renderable: RenderableType) -> None:
        self.sink.seek(0)
        self.sink.truncate()
        self.console.print(renderable)


@dataclass
class PauseButton:
    """Presses pause half-way through one hold and resume PAUSE seconds later."""

    position: int
    began: float | None = None
    total: float = 0.0

    def press(self, practice: Practice, now: float) -> None:
        state = practice.state
        if self.began is None and state.position == self.position:
            seconds = state.item.step.seconds if state.item else None
            if (
                state.phase is Phase.RUNNING
                and seconds
                and state.active_seconds(now) >= seconds / 2
            ):
                practice.pause(now)
                self.began = now
        elif state.phase is Phase.PAUSED and self.began is not None and now - self.began >= PAUSE:
            practice.resume(now)
            self.total = now - self.began


def run_engine(routine: Routine, pause_at: int, fixed_tick: bool) -> EngineRun:
    """Tick the real engine on the real clock as the terminal player does: a display tick every
    TICK, waking exactly for deadlines and beeps (or, with `fixed_tick`, only every TICK)."""
    clock, run, display, button = SystemClock(), EngineRun(), Display(), PauseButton(pause_at)
    log = cast(UnitOfWork, MemoryLog())  # duck-typed: only what a session under way calls
    start = clock.now()
    practice, _ = start_practice(log, routine, start, None, GET_READY)
    plan = practice.state.plan

    def handle(events: tuple[Event, ...]) -> None:
        reported = clock.now()
        for event in events:
            if isinstance(event, HoldEnded):
                planned = GET_READY + plan.timed_seconds_before(event.record.position + 1)
                run.true_ends.append(start + planned + button.total)
                run.records.append(event.record)
                run.detected.append(reported)

    while not practice.state.is_over:
        handle(practice.tick(clock.now()))
        now = clock.now()
        button.press(practice, now)
        display.draw(screen(practice.state, now))
        if fixed_tick:
            clock.sleep(TICK)
        else:
            wait_one_tick(practice, clock, handle)  # what the terminal player does
    return run


def run_naive(steps: list[tuple[int, bool]], pause_at: int) -> list[float]:
    """A countdown that trusts sleep: for each hold, when it thought it ended - the true end."""
    display, start, paused, errors = Display(), time.time(), 0.0, []
    for position, (seconds, is_hold) in enumerate([(GET_READY, False), *steps], start=-1):
        remaining = float(seconds)
        while remaining > 1e-9:  # not > 0: float residue must not cost this timer a tick
            display.draw(big(clock_text(remaining)))
            time.sleep(TICK)
            remaining -= TICK
            if position == pause_at and not paused and remaining <= seconds / 2:
                began = time.time()
                while time.time() - began < PAUSE:
                    display.draw(big(clock_text(remaining)))
                    time.sleep(TICK)
                paused = time.time() - began
        if is_hold:
            planned = GET_READY + sum(s for s, _ in steps[: position + 1])
            errors.append(time.time() - (start + planned + paused))
    return errors


def stats(values: list[float]) -> str:
    worst = max(values, key=abs)
    return f"max {worst:+10.3f} ms   mean |.| {mean_abs(values):9.3f} ms"


def report(engine: EngineRun, naive_errors: list[float]) -> None:
    ends = engine.true_ends
    logged = [(r.ended_at - t) * 1000 for r, t in zip(engine.records, ends, strict=True)]
    latency = [(d - t) * 1000 for d, t in zip(engine.detected, ends, strict=True)]
    naive = [error * 1000 for error in naive_errors]
    print(
        f"{'hold':>4} {'planned s':>9} {'held s':>8} {'logged end error ms':>20} "
        f"{'detection latency ms':>21} {'naive timer error ms':>21}"
    )
    for i, record in enumerate(engine.records):
        print(
            f"{i + 1:>4} {record.planned_seconds:>9} {record.actual_seconds:>8.3f} "
            f"{logged[i]:>20.6f} {latency[i]:>21.1f} {naive[i]:>21.1f}"
        )
    print(f"engine, logged end error:   {stats(logged)}")
    print(f"engine, detection latency:  {stats(latency)}")
    print(f"naive timer, end error:     {stats(naive)}")
    held = max(abs(r.actual_seconds - r.planned_seconds) for r in engine.records) * 1000
    print(f"engine, held vs planned:    max {held:.3f} ms (the paused hold included)")
    ratio = mean_abs(naive) / mean_abs(latency)
    print(
        f"naive error / engine detection latency (mean |.|): {ratio:.1f}x. The naive error "
        "grows with every tick; the engine's logged ends do not move at all."
    )


def mean_abs(values: list[float]) -> float:
    return statistics.fmean(abs(value) for value in values)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    length = parser.add_mutually_exclusive_group()
    length.add_argument("--quick", action="store_true", help="about 20 s of steps")
    length.add_argument("--minutes", type=float, default=3.0, help="length (default 3)")
    parser.add_argument(
        "--fixed-tick", action="store_true", help="wake only every tick, not for deadlines"
    )
    args = parser.parse_args()
    routine = bench_routine(20 if args.quick else args.minutes * 60)
    plan = Plan.of(routine)
    pause_at = paused_hold(plan)
    steps = [(item.step.seconds or 0, item.step.is_hold) for item in plan.items]
    seconds = GET_READY + plan.timed_seconds + PAUSE
    print(
        f"{plan.hold_count} holds, {seconds:.0f} s of real time; tick {TICK * 1000:.0f} ms; "
        f"hold {pause_at // 2 + 1} paused half-way for {PAUSE:.0f} s"
    )
    with ProcessPoolExecutor(max_workers=1) as pool:
        naive = pool.submit(run_naive, steps, pause_at)
        engine = run_engine(routine, pause_at, args.fixed_tick)
        report(engine, naive.result())


if __name__ == "__main__":
    main()
