"""What the session engine tells a player: things to show, say, beep and save.

Events carry values only; what a player says for each is worded in `services/cues.py`.
"""

from __future__ import annotations

from turnout.domain.plan import HoldRecord, PlanItem
from turnout.domain.values import frozen


@frozen
class StepStarted:
    item: PlanItem
    position: int


@frozen
class GetReady:
    item: PlanItem
    seconds: int


@frozen
class Beep:
    remaining: int


@frozen
class CheckIn:
    elapsed: int
    remaining: int


@frozen
class HoldEnded:
    record: HoldRecord


@frozen
class Paused:
    """The countdown stopped at the dancer's request."""


@frozen
class Resumed:
    """The countdown goes on from where it was paused."""


@frozen
class SessionEnded:
    finished: bool


Event = StepStarted | GetReady | Beep | CheckIn | HoldEnded | Paused | Resumed | SessionEnded
