"""Compensated turnout: standing turnout beyond what both hips give, as a coaching prompt.

Compensated turnout = standing turnout (both feet) - (passive hip external rotation left +
right), from readings close together in time. Above 15 degrees is amber, above 25 red: prompts
to work on, and to talk over with a dance physiotherapist; never a diagnosis.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from turnout.domain.measurement import Measurement, Method, Quantity, Side

AMBER_ABOVE = 15.0
RED_ABOVE = 25.0
CLOSE_DAYS = 14  # hips and feet measured within two weeks count as one picture


class Flag(StrEnum):
    GREEN = "green"
    AMBER = "amber"
    RED = "red"


FLAG_TEXT = {
    Flag.GREEN: "Your feet turn out about as far as your hips allow. Keep it that way: let the "
    "rotation come from the hips.",
    Flag.AMBER: "Your feet turn out more than your hips rotate, by more than 15 degrees. The "
    "extra often comes from twisting at the knees or rolling the feet in. Try standing with a "
    "little less turnout, rotating from the hips, and mention it to your teacher or a dance "
    "physiotherapist.",
    Flag.RED: "Your feet turn out much more than your hips rotate, by more than 25 degrees. In "
    "studies, dancers who forced turnout like this reported more injuries. This is not a "
    "diagnosis: it is worth a visit to a dance physiotherapist, who can check your hips, knees "
    "and feet and show you how much turnout is yours.",
}


@dataclass(frozen=True)
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

    @property
    def advice(self) -> str:
        return FLAG_TEXT[self.flag]


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
