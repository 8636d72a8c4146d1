"""The history page's charts: holds per exercise and the practice calendar (minutes per week
is web/svg.py's, shared with the progress page)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup

from turnout.domain.history import DaySummary
from turnout.domain.progress import ExerciseProgress
from turnout.i18n import _
from turnout.i18n.formats import MONTH_LONG, MONTH_YEAR, when
from turnout.web.svg import bar, bar_chart


def exercise_chart(rows: Sequence[ExerciseProgress]) -> Markup:
    """Holds done against holds planned, one bar per exercise."""
    if not rows:
        return Markup("")
    top = max(max(r.planned_holds, r.completed_holds) for r in rows) or 1
    bars = [
        bar(
            i,
            f"{r.exercise_number}. {r.exercise_name}",
            r.completed_holds / top,
            r.planned_holds / top,
            f"{r.completed_holds} / {r.planned_holds}",
        )
        for i, r in enumerate(rows)
    ]
    return bar_chart("exercise-title", _("Holds done against planned, per exercise"), bars)


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
        return when(first, MONTH_YEAR)
    start = when(first, MONTH_LONG) if first.year == last.year else when(first, MONTH_YEAR)
    # Translators: the months a calendar spans ("November to December 2026").
    return _("{start} to {end}").format(start=start, end=when(last, MONTH_YEAR))
