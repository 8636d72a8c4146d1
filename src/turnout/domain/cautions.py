"""Which cautions dance medicine gives before a loaded, long or partner-pressed stretch.

The cautions are codes; what they say is worded in `services/safety_text.py`.
"""

from __future__ import annotations

from enum import StrEnum

from turnout.domain.routine import Exercise
from turnout.domain.safety import is_loaded, is_partner_pressed

LONG_HOLD_SECONDS = 300


class Caution(StrEnum):
    LONG_LOADED = "long_loaded"  # weights on a hold of LONG_HOLD_SECONDS or more
    LOADED = "loaded"
    PARTNER = "partner"


def cautions_to_confirm(exercise: Exercise) -> tuple[Caution, ...]:
    """The cautions to confirm before starting `exercise`, in the order they are read; none
    when it needs no confirming."""
    found = []
    long_hold = any((step.seconds or 0) >= LONG_HOLD_SECONDS for step in exercise.holds)
    if is_loaded(exercise):
        found.append(Caution.LONG_LOADED if long_hold else Caution.LOADED)
    if is_partner_pressed(exercise):
        found.append(Caution.PARTNER)
    return tuple(found)
