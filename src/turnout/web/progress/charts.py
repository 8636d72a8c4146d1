"""Server-side SVG line charts of readings over time, with error bands and coloured zones."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

from turnout.domain.compensation import AMBER_ABOVE, RED_ABOVE
from turnout.i18n import _
from turnout.i18n.formats import DATE, number, when

WIDTH, HEIGHT = 640, 260
LEFT, RIGHT, TOP, BOTTOM = 76, 56, 16, 40  # LEFT: room for "140°" in phone-sized text


@dataclass(frozen=True)
class ChartPoint:
    day: date
    value: float
    error: float
    label: str


@dataclass(frozen=True)
class Zone:
    low: float
    high: float
    css: str
    label: str


def compensated_zones() -> tuple[Zone, ...]:
    return (
        # Translators: bands of compensated turnout, in degrees (the chart adds "degrees").
        Zone(-90, AMBER_ABOVE, "zone-green", _("up to {limit}").format(limit=f"{AMBER_ABOVE:g}")),
        Zone(
            AMBER_ABOVE,
            RED_ABOVE,
            "zone-amber",
            _("{low} to {high}").format(low=f"{AMBER_ABOVE:g}", high=f"{RED_ABOVE:g}"),
        ),
        Zone(RED_ABOVE, 200, "zone-red", _("above {limit}").format(limit=f"{RED_ABOVE:g}")),
    )


def line_chart(
    chart_id: str,
    title: str,
    points: Sequence[ChartPoint],
    zones: Sequence[Zone] = (),
    bounds: tuple[float, float] | None = None,
    unit: str = "°",
) -> Markup:
    """Readings joined in time order; each with its error bar. Zones shade value ranges;
    `bounds` fixes the value axis (a 0-10 score, say)."""
    if not points:
        return Markup("")
    scale = _Scale(points, zones, bounds, unit)
    body = "".join(
        [
            *(_zone(scale, z) for z in zones),
            _axes(scale),
            _path(scale, points),
            *(_dot(scale, p) for p in points),
        ]
    )
    return Markup(
        f'<svg class="chart line-chart" id="{chart_id}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'role="img" aria-labelledby="{chart_id}-title" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{chart_id}-title">{escape(title)}</title>{body}</svg>'
    )


class _Scale:
    def __init__(
        self,
        points: Sequence[ChartPoint],
        zones: Sequence[Zone],
        bounds: tuple[float, float] | None,
        unit: str,
    ) -> None:
        self.unit = unit
        lows = [p.value - p.error for p in points]
        highs = [p.value + p.error for p in points]
        if zones:  # show where the zones begin, even when every reading sits in one of them
            lows.append(min(z.high for z in zones) - 10)
            highs.append(max(z.low for z in zones) + 10)
        self.low, self.high = bounds or _nice(min(lows), max(highs))
        self.first = min(p.day for p in points)
        self.days = max(7, (max(p.day for p in points) - self.first).days)

    def x(self, day: date) -> float:
        return LEFT + (WIDTH - LEFT - RIGHT) * (day - self.first).days / self.days

    def y(self, value: float) -> float:
        share = (value - self.low) / (self.high - self.low)
        return TOP + (HEIGHT - TOP - BOTTOM) * (1 - min(1.0, max(0.0, share)))


def _nice(low: float, high: float) -> tuple[float, float]:
    step = 10
    return step * ((low - 2) // step), step * (-(-(high + 2) // step))


def _zone(scale: _Scale, zone: Zone) -> str:
    top, bottom = scale.y(zone.high), scale.y(zone.low)
    # Translators: {zone} is a range such as "70-85", the tooltip of a band of the chart.
    title = escape(_("{zone} degrees").format(zone=zone.label))
    if bottom - top < 1:
        return ""
    return (
        f'<rect class="{zone.css}" x="{LEFT}" y="{top:.1f}" width="{WIDTH - LEFT - RIGHT}" '
        f'height="{bottom - top:.1f}"><title>{title}</title></rect>'
        f'<text class="zone-label start" x="{LEFT + 6}" y="{top + 14:.1f}">'
        f"{escape(zone.label)}</text>"
    )


def _axes(scale: _Scale) -> str:
    ticks = []
    value = scale.low
    while value <= scale.high:
        y = scale.y(value)
        ticks.append(
            f'<line class="grid" x1="{LEFT}" y1="{y:.1f}" x2="{WIDTH - RIGHT}" y2="{y:.1f}"/>'
            f'<text class="label end" x="{LEFT - 6}" y="{y + 5:.1f}">'
            f"{number(value)}{scale.unit}</text>"
        )
        value += _tick_step(scale)
    last = scale.first.fromordinal(scale.first.toordinal() + scale.days)
    dates = (
        f'<text class="label start" x="{LEFT}" y="{HEIGHT - 12}">{when(scale.first, DATE)}</text>'
        f'<text class="label end" x="{WIDTH - RIGHT}" y="{HEIGHT - 12}">{when(last, DATE)}</text>'
    )
    return "".join(ticks) + dates


def _tick_step(scale: _Scale) -> float:
    span = scale.high - scale.low
    if span <= 10:
        return 2
    return 10 if span <= 60 else 20 if span <= 120 else 40


def _path(scale: _Scale, points: Sequence[ChartPoint]) -> str:
    coords = " ".join(f"{scale.x(p.day):.1f},{scale.y(p.value):.1f}" for p in points)
    return f'<polyline class="trend" points="{coords}"/>'


def _dot(scale: _Scale, point: ChartPoint) -> str:
    x, y = scale.x(point.day), scale.y(point.value)
    top, bottom = scale.y(point.value + point.error), scale.y(point.value - point.error)
    return (
        f"<g><title>{escape(point.label)}</title>"
        f'<line class="error-bar" x1="{x:.1f}" y1="{top:.1f}" x2="{x:.1f}" y2="{bottom:.1f}"/>'
        f'<circle class="reading" cx="{x:.1f}" cy="{y:.1f}" r="6"/>'
        f'<text class="value start" x="{x + 10:.1f}" y="{y - 8:.1f}">'
        f"{number(point.value)}</text></g>"
    )
