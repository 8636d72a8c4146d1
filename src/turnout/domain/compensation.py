"""Compensated turnout: standing turnout beyond what both hips give, as a coaching prompt.

Compensated turnout = standing turnout (both feet) - (passive hip external rotation left +
right), from readings close together in time. Above 15 degrees is amber, above 25 red: prompts
to work on, and to talk over with a dance physiotherapist; never a diagnosis.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from enum import StrEnum

from turnout.domain.measurement import Measurement, Method, Quantity, Side
from turnout.domain.values import frozen

AMBER_ABOVE = 15.0
RED_ABOVE = 25.0
CLOSE_DAYS = 14  # hips and feet measured within two weeks count as one picture


class Flag(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


@frozen
class Compensated:
    standing: Measurement
    left: Measurement
    right: Measurement

    @property
    def value(self) -> float:
        return round(self.standing.value - (self.left.value + self.right.value), 1)

    @property
    def error(self) -> float:
        # Independent errors add in quadrature: standing, then each hip.
        errors = (self.standing.error, self.left.error, self.right.error)
        return round(math.sqrt(sum(e * e for e in errors)), 1)

    @property
    def flag(self) -> Flag:
        return flag_for(self.value)


def flag_for(value: float) -> Flag:
    if value > RED_ABOVE:
        return Flag.RED
    return Flag.AMBER if value > AMBER_ABOVE else Flag.GREEN


def compensated(readings: Iterable[Measurement]) -> dict[Method, list[Compensated]]:
    """Per standing method, each standing reading paired with the closest left and right hip
    readings within CLOSE_DAYS; readings with no hip partner are left out."""
    found = list(readings)
    hips = [r for r in found if r.quantity is Quantity.HIP_ER]
    lines: dict[Method, list[Compensated]] = {}
    for standing in sorted(found, key=lambda r: (r.taken_on, r.id or 0)):
        if standing.quantity is not Quantity.STANDING:
            continue
        left, right = _closest(hips, standing, Side.LEFT), _closest(hips, standing, Side.RIGHT)
        if left and right:
            lines.setdefault(standing.method, []).append(Compensated(standing, left, right))
    return lines


def _closest(hips: list[Measurement], standing: Measurement, side: Side) -> Measurement | None:
    near = [
        h
        for h in hips
        if h.side is side and abs((h.taken_on - standing.taken_on).days) <= CLOSE_DAYS
    ]
    return min(near, key=lambda h: abs((h.taken_on - standing.taken_on).days), default=None)
