"""Server-side SVG charts shared by several pages: real charts with no JavaScript."""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from turnout.domain.history import WeekTotal

WIDTH, HEIGHT, PAD = 640, 240, 36


def weekly_chart(weeks: Sequence[WeekTotal]) -> Markup:
    """Minutes held per week as bars, each labelled with its value and its Monday."""
    top = max((w.hold_minutes for w in weeks), default=0.0) or 1.0
    slot = (WIDTH - 2 * PAD) / max(1, len(weeks))
    bars = [_week_bar(i, w, slot, top) for i, w in enumerate(weeks)]
    return svg_chart(
        "weekly-title",
        "Minutes held per week, last 8 weeks",
        f'<line class="axis" x1="{PAD}" y1="{HEIGHT - PAD}" x2="{WIDTH - PAD}" '
        f'y2="{HEIGHT - PAD}"/>' + "".join(bars),
    )


def _week_bar(index: int, week: WeekTotal, slot: float, top: float) -> str:
    usable = HEIGHT - 2 * PAD - 16
    height = usable * week.hold_minutes / top
    x, y = PAD + index * slot + slot * 0.15, HEIGHT - PAD - height
    label = f"{week.week_start.day} {week.week_start:%b}"
    value = f"{week.hold_minutes:g}"
    return (
        f"<g><title>Week of {label}: {value} min held, {week.completed_holds} holds, "
        f"{week.days_practised} days</title>"
        f'<rect class="bar" x="{x:.1f}" y="{y:.1f}" width="{slot * 0.7:.1f}" '
        f'height="{height:.1f}" rx="3"/>'
        f'<text class="value" x="{x + slot * 0.35:.1f}" y="{y - 6:.1f}">{value}</text>'
        f'<text class="label" x="{x + slot * 0.35:.1f}" y="{HEIGHT - PAD + 18}">{label}</text></g>'
    )


def svg_chart(title_id: str, title: str, body: str, height: int = HEIGHT) -> Markup:
    return Markup(
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{title_id}" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{title_id}">{escape(title)}</title>{body}</svg>'
    )
