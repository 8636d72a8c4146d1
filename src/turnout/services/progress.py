"""Use cases for measurements over time: readings, trends, compensated turnout."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date

from turnout.domain.compensation import Compensated, compensated
from turnout.domain.measurement import (
    METHODS,
    Change,
    Measurement,
    MeasurementEntry,
    Method,
    Quantity,
    Side,
    change,
    measurement,
    series,
)
from turnout.errors import TurnoutError
from turnout.i18n import _
from turnout.ports import UnitOfWork
from turnout.services.inputs import validated
from turnout.services.measurement_text import method_label


def add_measurement(uow: UnitOfWork, entry: MeasurementEntry, today: date) -> Measurement:
    """Validate and save one measuring session (three trials advised; the median is kept)."""
    reading = validated(lambda: measurement(entry, today))
    with uow.writing():
        reading = dataclasses.replace(reading, id=uow.measurements.add(reading))
        uow.commit()
    return reading


def measurements(uow: UnitOfWork) -> list[Measurement]:
    with uow:
        return uow.measurements.all()


@dataclass(frozen=True)
class Trend:
    """One method and side over time: never mixed with another method."""

    method: Method
    side: Side
    readings: list[Measurement]

    @property
    def label(self) -> str:
        if self.side is Side.BOTH:
            # Translators: a trend line's title; {method} is how it was measured.
            text = _("{method}, both feet")
        elif self.side is Side.LEFT:
            # Translators: a trend line's title; {method} is how it was measured.
            text = _("{method}, left hip")
        else:
            # Translators: a trend line's title; {method} is how it was measured.
            text = _("{method}, right hip")
        return text.format(method=method_label(self.method))

    @property
    def quantity(self) -> Quantity:
        return METHODS[self.method].quantity

    @property
    def latest_change(self) -> Change | None:
        found = self.readings
        return change(found[-2], found[-1]) if len(found) > 1 else None

    @property
    def overall_change(self) -> Change | None:
        found = self.readings
        return change(found[0], found[-1]) if len(found) > 2 else None


@dataclass(frozen=True)
class ProgressReport:
    trends: list[Trend]
    compensated: dict[Method, list[Compensated]]


def report(uow: UnitOfWork) -> ProgressReport:
    """Every trend line, and compensated turnout wherever hips and feet were measured close."""
    readings = measurements(uow)
    lines = [Trend(method, side, found) for (method, side), found in series(readings).items()]
    return ProgressReport(lines, compensated(readings))


def record_total(
    uow: UnitOfWork, method: str, total: float, note: str, today: date, how: str = ""
) -> str:
    """Save a standing first-position total (both feet) taken today with the camera; the
    sentence says what happened, so a failure to save never hides the measurement itself."""
    total = round(total, 1)
    try:
        add_measurement(uow, MeasurementEntry(method, "both", [total], today, note), today)
    except TurnoutError as error:
        # Translators: {reason} says why, as a sentence of its own.
        return _("Not added to your measurements: {reason}").format(reason=error)
    if not how:
        mat = method == "camera_mat"
        how = _("camera with the mat") if mat else _("camera without the mat")
    # Translators: {angle} is in whole degrees ("deg" is short for degrees); {how} says how it
    # was measured ("camera with the mat").
    text = _("Added to your measurements: {angle} deg ({how}).")
    return text.format(angle=f"{total:.0f}", how=how)
