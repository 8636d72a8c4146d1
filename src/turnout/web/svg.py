"""Server-side SVG bar charts shared by several pages: real charts with no JavaScript.

Drawn phone-first: a narrow canvas (WIDTH user units) whose 14-unit text stays at least 11 px
when the chart is scaled down to a 360 px screen, each row a label line above its bar, so
nothing needs the width of a desktop.
"""

from __future__ import annotations

from collections.abc import Sequence

from markupsafe import Markup, escape

from turnout.domain.history import WeekTotal
from turnout.i18n import _
from turnout.i18n.formats import number, when

WIDTH, ROW = 340, 46  # user units; a row is a label line and a bar under it
VALUE_ROOM = 64  # room right of the longest bar for its "9 / 10"


def weekly_chart(weeks: Sequence[WeekTotal]) -> Markup:
    """Minutes held per week, one bar per week, oldest first."""
    top = max((w.hold_minutes for w in weeks), default=0.0) or 1.0
    bars = [
        bar(
            i,
            # Translators: {day} is a date such as "4 Dec".
            _("Week of {day}").format(day=when(w.week_start, "d MMM")),
            w.hold_minutes / top,
            None,
            _("{minutes} min").format(minutes=number(w.hold_minutes)),
        )
        for i, w in enumerate(weeks)
    ]
    return bar_chart("weekly-title", _("Minutes held per week, last 8 weeks"), bars)


def bar(index: int, label: str, share: float, track: float | None, value: str) -> str:
    """Row `index`: its label, a bar `share` of the width long (over a `track` as long as
    what was planned, if any) and its value at the bar's end."""
    y, usable = index * ROW + 4, WIDTH - VALUE_ROOM
    done = usable * share
    under = (
        ""
        if track is None
        else f'<rect class="track" x="0" y="{y + 20}" width="{usable * track:.1f}" '
        'height="18" rx="3"/>'
    )
    longest = max(done, usable * (track or 0))
    return (
        f"<g><title>{escape(label)}: {escape(value)}</title>"
        f'<text class="label start" x="0" y="{y + 14}">{escape(label)}</text>{under}'
        f'<rect class="bar" x="0" y="{y + 20}" width="{done:.1f}" height="18" rx="3"/>'
        f'<text class="value start" x="{longest + 6:.1f}" y="{y + 34}">{escape(value)}</text></g>'
    )


def bar_chart(title_id: str, title: str, rows: list[str]) -> Markup:
    height = ROW * len(rows) + 6
    return Markup(
        f'<svg class="chart compact" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{title_id}" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{title_id}">{escape(title)}</title>{"".join(rows)}</svg>'
    )
