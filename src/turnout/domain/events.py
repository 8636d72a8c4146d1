"""What the session engine tells a player: things to show, say, beep and save.

Events carry values only; what a player says for each is worded in `services/cues.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

from turnout.domain.plan import HoldRecord, PlanItem


@dataclass(frozen=True)
class StepStarted:
    item: PlanItem
    position: int


@dataclass(frozen=True)
class GetReady:
    item: PlanItem
    seconds: int


@dataclass(frozen=True)
class Beep:
    remaining: int


@dataclass(frozen=True)
class CheckIn:
    elapsed: int
    remaining: int


@dataclass(frozen=True)
class HoldEnded:
    record: HoldRecord


@dataclass(frozen=True)
class Paused:
    """The countdown stopped at the dancer's request."""


@dataclass(frozen=True)
class Resumed:
    """The countdown goes on from where it was paused."""


@dataclass(frozen=True)
class SessionEnded:
    finished: bool


Event = StepStarted | GetReady | Beep | CheckIn | HoldEnded | Paused | Resumed | SessionEnded
