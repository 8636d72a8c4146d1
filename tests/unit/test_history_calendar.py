"""The history page's calendar: six weeks, Monday first, each day with what was done on it."""

from __future__ import annotations

from datetime import date

from turnout.domain.history import DaySummary
from turnout.web.history.charts import calendar

TODAY = date(2026, 3, 4)  # a Wednesday


def day(on: date, completed: int, skipped: int = 0) -> DaySummary:
    return DaySummary(on, 1, completed + skipped, 600, completed, skipped, 30.0 * completed)


def test_the_calendar_is_six_weeks_of_monday_to_sunday_ending_this_week() -> None:
    weeks = calendar([], TODAY)
    assert len(weeks) == 6 and all(len(week) == 7 for week in weeks)
    assert weeks[0][0].day == date(2026, 1, 26) and weeks[-1][-1].day == date(2026, 3, 8)
    assert [cell.in_range for cell in weeks[-1]] == [True] * 3 + [False] * 4


def test_a_day_counts_as_practised_only_with_a_completed_hold() -> None:
    done, skipped_only = date(2026, 3, 2), date(2026, 3, 3)
    this_week = calendar([day(done, 3), day(skipped_only, 0, skipped=2)], TODAY)[-1]
    assert (this_week[0].holds, this_week[0].practised) == (3, True)
    assert (this_week[1].holds, this_week[1].practised) == (0, False)
    assert (this_week[2].holds, this_week[2].practised) == (0, False)  # no session at all
