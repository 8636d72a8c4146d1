"""Readings, compensated turnout and pain checks as the progress page's charts."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo

from markupsafe import Markup

from turnout.domain.compensation import Compensated
from turnout.domain.corrections import PainCheckEntry
from turnout.domain.measurement import Measurement, Method
from turnout.domain.pain import PainCheck
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
            ChartPoint(r.taken_on, r.value, r.error, f"{r.taken_on}: {r.value:g}° ({trend.label})")
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
                p.standing.taken_on, p.value, p.error, f"{p.standing.taken_on}: {p.value:g}°"
            )
            for p in found
        ]
        title = f"Compensated turnout from {method_label(method).lower()}"
        svg = line_chart(f"compensated-{index}", title, points, compensated_zones())
        charts.append(Chart(title, svg, f"{found[-1].error:g}"))
    return charts


def pain_chart(checks: Sequence[PainCheck], tz: tzinfo) -> Markup:
    """The highest pain score at each check, 0 to 10."""
    points = [
        ChartPoint(
            datetime.fromtimestamp(c.taken_at, tz).date(),
            c.worst,
            0,
            f"{datetime.fromtimestamp(c.taken_at, tz):%d %b %H:%M} {c.moment.value}: {c.worst}/10",
        )
        for c in checks
    ]
    title = "Highest pain score at each check (0-10)"
    return line_chart("pain-chart", title, points, bounds=(0, 10), unit="")


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
            f"{datetime.fromtimestamp(e.check.taken_at, tz):%d %b %Y %H:%M}",
            e.check.moment.value,
            e.check.worst,
        )
        for e in reversed(entries)
    ]
