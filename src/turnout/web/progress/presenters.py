"""Readings, compensated turnout and pain checks as the progress page's charts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from markupsafe import Markup

from turnout.domain.compensation import Compensated
from turnout.domain.corrections import PainCheckEntry
from turnout.domain.measurement import Measurement, Method
from turnout.domain.pain import Moment, PainCheck
from turnout.i18n import _
from turnout.i18n.formats import number, when
from turnout.services.measurement_text import error_text, method_label
from turnout.services.progress import Trend
from turnout.web.progress.charts import ChartPoint, compensated_zones, line_chart
from turnout.web.progress.schemas import MeasurementOut


@dataclass(frozen=True)
class Chart:
    title: str
    svg: Markup
    error_text: str


def trend_charts(trends: Sequence[Trend]) -> list[Chart]:
    charts = []
    for index, trend in enumerate(trends):
        points = [
            ChartPoint(
                r.taken_on, r.value, r.error, f"{r.taken_on}: {number(r.value)}° ({trend.label})"
            )
            for r in trend.readings
        ]
        title = f"{trend.label}, degrees"
        svg = line_chart(f"trend-{index}", title, points)
        charts.append(Chart(title, svg, error_text(trend.method)))
    return charts


def compensated_charts(lines: Mapping[Method, Sequence[Compensated]]) -> list[Chart]:
    charts = []
    for index, (method, found) in enumerate(lines.items()):
        points = [
            ChartPoint(
                p.standing.taken_on, p.value, p.error, f"{p.standing.taken_on}: {number(p.value)}°"
            )
            for p in found
        ]
        # Translators: turnout is the ballet term; {method} is how it was measured.
        title = _("Compensated turnout: {method}").format(method=method_label(method))
        svg = line_chart(f"compensated-{index}", title, points, compensated_zones())
        charts.append(Chart(title, svg, number(found[-1].error)))
    return charts


def pain_chart(checks: Sequence[PainCheck], tz: tzinfo) -> Markup:
    """The highest pain score at each check, 0 to 10."""
    points = [
        ChartPoint(
            datetime.fromtimestamp(c.taken_at, tz).date(),
            c.worst,
            0,
            _pain_label(datetime.fromtimestamp(c.taken_at, tz), c.moment, c.worst),
        )
        for c in checks
    ]
    title = _("Highest pain score at each check (0-10)")
    return line_chart("pain-chart", title, points, bounds=(0, 10), unit="")


def _pain_label(taken: datetime, moment: Moment, worst: int) -> str:
    """ "04 Dec 17:30 before: 3/10": when, before or after the session, the highest score."""
    shown = when(taken, "dd MMM HH:mm")
    if moment is Moment.BEFORE:
        # Translators: a pain check before the session; {when} is its date and time.
        return _("{when} before: {worst}/10").format(when=shown, worst=worst)
    # Translators: a pain check after the session; {when} is its date and time.
    return _("{when} after: {worst}/10").format(when=shown, worst=worst)


def measurement_out(reading: Measurement) -> MeasurementOut:
    return MeasurementOut(
        id=reading.id,
        quantity=reading.quantity.value,
        method=reading.method.value,
        method_label=method_label(reading.method),
        side=reading.side.value,
        trials=list(reading.trials),
        value=reading.value,
        error=reading.error,
        taken_on=reading.taken_on,
        note=reading.note,
    )


@dataclass(frozen=True)
class PainRow:
    id: int
    when: str
    moment: str
    worst: int


def pain_rows(entries: Sequence[PainCheckEntry], tz: tzinfo) -> list[PainRow]:
    """Pain checks newest first, for the list under the chart (each can be deleted)."""
    return [
        PainRow(
            e.id,
            when(datetime.fromtimestamp(e.check.taken_at, tz), "dd MMM y HH:mm"),
            e.check.moment.value,
            e.check.worst,
        )
        for e in reversed(entries)
    ]
