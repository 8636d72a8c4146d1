"""Readings of turnout over time: method and side, median of trials, error bands, trends.

A change smaller than a method's measurement error is day-to-day variation, not progress and not
a setback. Different methods never share a trend line. Reference values are context, never
targets; 180 degrees is not a goal.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import date
from enum import StrEnum

from turnout.domain.validation import InvalidValueError, check_range
from turnout.domain.values import frozen
from turnout.domain.words import N_


class Quantity(StrEnum):
    STANDING = "standing_turnout"  # both feet together, first position
    HIP_ER = "passive_hip_er"  # one hip, passive external rotation


class Method(StrEnum):
    CAMERA_MAT = "camera_mat"
    CAMERA = "camera"
    DISCS = "turnout_discs"
    PAPER = "paper_tracing"
    TYPED = "typed_in"
    GONIOMETER = "goniometer"
    INCLINOMETER = "inclinometer"


class Side(StrEnum):
    BOTH = "both"
    LEFT = "left"
    RIGHT = "right"


@frozen
class MethodInfo:
    quantity: Quantity
    error: float  # degrees: a change smaller than this is within day-to-day variation


METHODS = {
    Method.CAMERA_MAT: MethodInfo(Quantity.STANDING, 10),
    Method.CAMERA: MethodInfo(Quantity.STANDING, 20),
    Method.DISCS: MethodInfo(Quantity.STANDING, 10),
    Method.PAPER: MethodInfo(Quantity.STANDING, 10),
    Method.TYPED: MethodInfo(Quantity.STANDING, 10),
    Method.GONIOMETER: MethodInfo(Quantity.HIP_ER, 9),
    Method.INCLINOMETER: MethodInfo(Quantity.HIP_ER, 9),
}
LIMITS = {Quantity.STANDING: (0.0, 180.0), Quantity.HIP_ER: (0.0, 90.0)}
# The message of a reading on the wrong side (a validation error names its field); "both",
# "left" and "right" are the values to give, as typed.
WRONG_SIDE = {
    # Translators: turnout is the ballet term; "both" is the value to give, as typed.
    Quantity.STANDING: N_("standing turnout is measured on side both, not {side}."),
    # Translators: "left or right" are the values to give, as typed.
    Quantity.HIP_ER: N_(
        "passive hip external rotation is measured on side left or right, not {side}."
    ),
}


@frozen
class Measurement:
    """One measuring session of one quantity: its trials and their median."""

    method: Method
    side: Side
    trials: tuple[float, ...]
    taken_on: date
    note: str = ""
    id: int | None = None

    @property
    def quantity(self) -> Quantity:
        return METHODS[self.method].quantity

    @property
    def value(self) -> float:
        return median_of(self.trials)

    @property
    def error(self) -> float:
        return METHODS[self.method].error


def median_of(trials: Sequence[float]) -> float:
    """The median of a session's trials, as clinicians keep it (three trials advised)."""
    return round(float(statistics.median(trials)), 1)


@frozen
class MeasurementEntry:
    """One measuring session as a person gave it, not yet checked (`measurement` checks it)."""

    method: str | None
    side: str | None
    trials: Sequence[float]
    taken_on: date | None
    note: str = ""


def measurement(entry: MeasurementEntry, today: date) -> Measurement:
    """A validated Measurement; InvalidValueError names the first field that is wrong."""
    known = _method(entry.method)
    quantity = METHODS[known].quantity
    chosen = _side(entry.side, quantity)
    trials, taken_on, note = entry.trials, entry.taken_on, entry.note
    if not 1 <= len(trials) <= 5:
        template = N_("give 1 to 5 trials (3 advised), not {given}.")
        raise InvalidValueError("trials", template, given=str(len(trials)))
    low, high = LIMITS[quantity]
    for number, trial in enumerate(trials, start=1):
        check_range(f"trials[{number}]", trial, low, high, degrees=True)
    if taken_on is None:
        raise InvalidValueError("taken_on", N_("the date is missing; give the day you measured."))
    if taken_on > today:
        template = N_("{day} is in the future; give the day you measured.")
        raise InvalidValueError("taken_on", template, day=str(taken_on))
    if len(note) > 500:
        raise InvalidValueError("note", N_("keep the note under 500 characters."))
    return Measurement(known, chosen, tuple(float(t) for t in trials), taken_on, note.strip())


def _method(method: str | None) -> Method:
    if not method:
        raise InvalidValueError("method", N_("the method is missing; say how you measured."))
    try:
        return Method(method)
    except ValueError:
        names = ", ".join(m.value for m in Method)
        # Translators: {method} is the value given; {names} lists the methods' codes, as typed.
        template = N_("{method} is not a known method; use {names}.")
        raise InvalidValueError("method", template, method=repr(method), names=names) from None


def _side(side: str | None, quantity: Quantity) -> Side:
    allowed = (Side.BOTH,) if quantity is Quantity.STANDING else (Side.LEFT, Side.RIGHT)
    if side is not None and side in allowed:
        return Side(side)
    raise InvalidValueError("side", WRONG_SIDE[quantity], side=repr(side))


SeriesKey = tuple[Method, Side]


def series(readings: Iterable[Measurement]) -> dict[SeriesKey, list[Measurement]]:
    """One trend line per method and side, oldest first: methods are never mixed."""
    lines: dict[SeriesKey, list[Measurement]] = defaultdict(list)
    for reading in sorted(readings, key=lambda r: (r.taken_on, r.id or 0)):
        lines[(reading.method, reading.side)].append(reading)
    return dict(lines)


@frozen
class Change:
    """A difference between two readings (degrees) and the method's error it is weighed by."""

    delta: float
    error: float

    @property
    def beyond_error(self) -> bool:
        return abs(self.delta) > self.error


def change(before: Measurement, after: Measurement) -> Change:
    """How the later reading differs from the earlier one, against the method's error."""
    if (before.method, before.side) != (after.method, after.side):
        raise ValueError("compare readings of the same method and side only")
    return Change(round(after.value - before.value, 1), after.error)
