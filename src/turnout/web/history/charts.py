"""The history page's charts: holds per exercise, and the practice calendar."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from markupsafe import Markup, escape

from turnout.domain.history import DaySummary
from turnout.domain.progress import ExerciseProgress
from turnout.web.svg import WIDTH, svg_chart


def exercise_chart(rows: Sequence[ExerciseProgress]) -> Markup:
    """Holds done against holds planned, one bar per exercise."""
    if not rows:
        return Markup("")
    row_height, label_width = 44, 250
    height = row_height * len(rows) + 10
    top = max(max(r.planned_holds, r.completed_holds) for r in rows) or 1
    scale = (WIDTH - label_width - 70) / top
    body = "".join(_exercise_bar(i, r, row_height, label_width, scale) for i, r in enumerate(rows))
    return svg_chart("exercise-title", "Holds done against planned, per exercise", body, height)


def _exercise_bar(index: int, row: ExerciseProgress, row_h: int, left: int, scale: float) -> str:
    y = index * row_h + 8
    name = escape(f"{row.exercise_number}. {row.exercise_name}")
    planned, done = row.planned_holds * scale, row.completed_holds * scale
    return (
        f"<g><title>{name}: {row.completed_holds} of {row.planned_holds} holds done</title>"
        f'<text class="label start" x="0" y="{y + 20}">{name}</text>'
        f'<rect class="track" x="{left}" y="{y + 4}" width="{planned:.1f}" height="22" rx="3"/>'
        f'<rect class="bar" x="{left}" y="{y + 4}" width="{done:.1f}" height="22" rx="3"/>'
        f'<text class="value start" x="{left + max(planned, done) + 8:.1f}" y="{y + 20}">'
        f"{row.completed_holds} / {row.planned_holds}</text></g>"
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
        return self.summary.completed_holds if self.summary else 0

    @property
    def practised(self) -> bool:
        return self.summary is not None and self.summary.practised


def calendar(days: Sequence[DaySummary], today: date, weeks: int = 6) -> list[list[CalendarDay]]:
    """The last `weeks` weeks as rows Monday to Sunday, ending with this week."""
    by_day = {d.day: d for d in days}
    first = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    grid = [first + timedelta(days=n) for n in range(weeks * 7)]
    cells = [CalendarDay(d, d <= today, by_day.get(d)) for d in grid]
    return [cells[row * 7 : row * 7 + 7] for row in range(weeks)]
