"""The history page's charts: holds per exercise, minutes per week, and the practice calendar.

Drawn phone-first: a narrow canvas (WIDTH user units) whose 14-unit text stays at least 11 px
when the chart is scaled down to a 360 px screen, each row a label line above its bar, so
nothing needs the width of a desktop.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup, escape

from turnout.domain.history import DaySummary, WeekTotal
from turnout.domain.progress import ExerciseProgress

WIDTH, ROW = 340, 46  # user units; a row is a label line and a bar under it
VALUE_ROOM = 64  # room right of the longest bar for its "9 / 10"


def exercise_chart(rows: Sequence[ExerciseProgress]) -> Markup:
    """Holds done against holds planned, one bar per exercise."""
    if not rows:
        return Markup("")
    top = max(max(r.planned_holds, r.completed_holds) for r in rows) or 1
    bars = [
        _bar(
            i,
            f"{r.exercise_number}. {r.exercise_name}",
            r.completed_holds / top,
            r.planned_holds / top,
            f"{r.completed_holds} / {r.planned_holds}",
        )
        for i, r in enumerate(rows)
    ]
    return _chart("exercise-title", "Holds done against planned, per exercise", bars)


def week_chart(weeks: Sequence[WeekTotal]) -> Markup:
    """Minutes held per week, one bar per week, oldest first."""
    top = max((w.hold_minutes for w in weeks), default=0.0) or 1.0
    bars = [
        _bar(
            i,
            f"Week of {w.week_start.day} {w.week_start:%b}",
            w.hold_minutes / top,
            None,
            f"{w.hold_minutes:g} min",
        )
        for i, w in enumerate(weeks)
    ]
    return _chart("weekly-title", "Minutes held per week, last 8 weeks", bars)


def _bar(index: int, label: str, share: float, track: float | None, value: str) -> str:
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


def _chart(title_id: str, title: str, rows: list[str]) -> Markup:
    height = ROW * len(rows) + 6
    return Markup(
        f'<svg class="chart compact" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{title_id}" preserveAspectRatio="xMinYMin meet">'
        f'<title id="{title_id}">{escape(title)}</title>{"".join(rows)}</svg>'
    )


@dataclass(frozen=True)
class CalendarDay:
    """One square of the calendar: the day, its summary if it had a session, and whether the
    day has come yet."""

    day: date
    in_range: bool
    summary: DaySummary | None = None

    @property
    def holds(self) -> int:
        """Holds done that day: skipped and cut-short holds never count."""
        return self.summary.completed_holds if self.summary else 0

    @property
    def practised(self) -> bool:
        return self.summary is not None and self.summary.practised

    @property
    def month_starts(self) -> bool:
        """The square carries its month's name: the first of a month."""
        return self.day.day == 1


def calendar(days: Sequence[DaySummary], today: date, weeks: int = 6) -> list[list[CalendarDay]]:
    """The last `weeks` weeks as rows Monday to Sunday, ending with this week."""
    by_day = {d.day: d for d in days}
    first = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    grid = [first + timedelta(days=n) for n in range(weeks * 7)]
    cells = [CalendarDay(d, d <= today, by_day.get(d)) for d in grid]
    return [cells[row * 7 : row * 7 + 7] for row in range(weeks)]


def months_shown(grid: list[list[CalendarDay]]) -> str:
    """'November to December 2026': the months the calendar spans, for its heading."""
    first, last = grid[0][0].day, grid[-1][-1].day
    if (first.year, first.month) == (last.year, last.month):
        return f"{first:%B %Y}"
    start = f"{first:%B}" if first.year == last.year else f"{first:%B %Y}"
    return f"{start} to {last:%B %Y}"
