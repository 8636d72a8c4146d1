"""Measurements as use cases, and the plan as an iCalendar file."""

from __future__ import annotations

from datetime import UTC, date, datetime, time

import pytest

from tests.fakes import FakeUnitOfWork
from turnout.adapters.routines.files import FileRoutineSource
from turnout.domain.calendar import fold
from turnout.domain.measurement import MeasurementEntry
from turnout.domain.safety import Profile, adapt
from turnout.errors import InputError
from turnout.services import calendar, progress

TODAY = date(2026, 3, 1)
STAMP = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def test_a_reading_is_saved_with_its_median() -> None:
    uow = FakeUnitOfWork()
    progress.add_measurement(
        uow, MeasurementEntry("goniometer", "left", [44, 47, 52], TODAY, "physio"), TODAY
    )
    (saved,) = progress.measurements(uow)
    assert saved.value == 47 and saved.note == "physio" and saved.id == 1


@pytest.mark.parametrize(
    ("method", "side", "trials", "taken_on", "field"),
    [
        ("goniometer", "left", [45, 400, 46], TODAY, "trials[2]"),
        (None, "both", [120], TODAY, "method"),
        ("paper_tracing", "both", [120], date(2026, 3, 2), "taken_on"),
        ("paper_tracing", "both", [120], None, "taken_on"),
    ],
)
def test_bad_readings_are_refused_by_field_and_nothing_is_saved(
    method: str | None, side: str, trials: list[float], taken_on: date | None, field: str
) -> None:
    uow = FakeUnitOfWork()
    with pytest.raises(InputError) as refused:
        progress.add_measurement(uow, MeasurementEntry(method, side, trials, taken_on), TODAY)
    assert refused.value.field == field
    assert progress.measurements(uow) == [] and uow.commits == 0


def ics_for(profile: Profile | None) -> str:
    classic = FileRoutineSource().load("classic")
    return calendar.plan_calendar(
        classic, adapt(classic, profile), TODAY, time(17, 30), time(20, 0), STAMP
    )


def test_the_plan_calendar_has_a_daily_practice_and_a_second_wall_straddle() -> None:
    text = ics_for(None)
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert text.count("BEGIN:VEVENT") == 2 and "RRULE:FREQ=DAILY" in text
    assert "DTSTART:20260301T173000" in text and "DTSTART:20260301T200000" in text
    assert "\n" not in text.replace("\r\n", "")


def test_every_line_of_the_calendar_is_at_most_75_octets() -> None:
    for line in ics_for(None).split("\r\n"):
        assert len(line.encode("utf-8")) <= 75


def test_an_adapted_plan_has_no_wall_straddle_reminder() -> None:
    text = ics_for(Profile(age=14))
    assert text.count("BEGIN:VEVENT") == 1 and "Wall straddle" not in text


def test_folding_never_splits_a_character_and_unfolds_to_the_original() -> None:
    line = "DESCRIPTION:" + "plié " * 40
    folded = fold(line)
    assert folded.replace("\r\n ", "") == line
    assert all(len(part.encode()) <= 75 for part in folded.split("\r\n"))
