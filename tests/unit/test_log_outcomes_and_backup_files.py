"""How a hold ended as History tells it, and which files an import takes: pure, no I/O."""

from __future__ import annotations

import json
from datetime import date

import pytest

from turnout.domain.outcome import Outcome, outcome
from turnout.domain.plan import HoldRecord, HoldStatus
from turnout.errors import InputError
from turnout.services.backup import FORMAT, VERSION, read_backup
from turnout.web.history.charts import calendar, months_shown


def record(status: HoldStatus, held: float) -> HoldRecord:
    return HoldRecord("classic", 1, "b", "B", 0, 0, "Left", 1, "left", 10, held, 0.0, held, status)


@pytest.mark.parametrize(
    ("status", "held", "expected"),
    [
        (HoldStatus.COMPLETED, 10.0, Outcome.COMPLETED),
        (HoldStatus.SKIPPED, 4.0, Outcome.CUT_SHORT),
        (HoldStatus.SKIPPED, 0.2, Outcome.SKIPPED),  # a tap on Skip as it began
        (HoldStatus.SKIPPED, 0.0, Outcome.SKIPPED),
    ],
)
def test_a_hold_is_done_only_when_completed_however_long_it_ran(
    status: HoldStatus, held: float, expected: Outcome
) -> None:
    assert outcome(record(status, held)) is expected


def backup_bytes(**fields: object) -> bytes:
    return json.dumps({"format": FORMAT, "version": VERSION, "log": {}, **fields}).encode()


def test_a_backup_of_this_version_is_read_with_its_tables_and_preferences() -> None:
    found = read_backup(backup_bytes(log={"holds": [{}]}, preferences={"beeps": False}))
    assert found.counts()["holds"] == 1 and found.preferences == {"beeps": False}


def test_a_backup_from_before_heights_is_still_read() -> None:
    found = read_backup(backup_bytes(version=1, log={"profile": [{"age": 30}]}))
    assert VERSION == 2 and found.counts()["profile"] == 1


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        (b"\xff\xfe", "not JSON text"),
        (b"[1, 2]", "not a turnout backup"),
        (json.dumps({"format": "other", "version": 1}).encode(), "not a turnout backup"),
        (backup_bytes(version="1"), "no version number"),
        (backup_bytes(version=VERSION + 1), f"reads up to version {VERSION}"),
        (backup_bytes(log=[]), "log: expected a JSON object"),
        (backup_bytes(log={"holds": {}}), "log.holds: expected a list"),
        (backup_bytes(preferences=[]), "preferences: expected a JSON object"),
    ],
)
def test_a_file_an_import_cannot_take_is_refused_saying_why(raw: bytes, says: str) -> None:
    with pytest.raises(InputError, match=says):
        read_backup(raw)


def test_the_calendar_names_the_months_it_spans() -> None:
    grid = calendar([], date(2026, 12, 2))
    assert months_shown(grid) == "October to December 2026"
    assert [c.day for week in grid for c in week if c.month_starts] == [
        date(2026, 11, 1),
        date(2026, 12, 1),
    ]
    assert months_shown(calendar([], date(2027, 1, 6))) == "November 2026 to January 2027"
