"""Deleting, restoring and correcting log entries, and a backup's rows, on SQLite and
PostgreSQL: deleted entries leave every read but stay in the log with their mark."""

from __future__ import annotations

import json
from datetime import UTC, date

import pytest

from turnout.adapters.db.uow import SqlUnitOfWork
from turnout.domain.corrections import Action, Target
from turnout.domain.log import PracticeSession, SessionStatus
from turnout.domain.measurement import MeasurementEntry
from turnout.domain.pain import Moment, PainCheck
from turnout.domain.plan import HoldRecord, HoldStatus
from turnout.domain.safety import Region
from turnout.errors import InputError, NotFoundError
from turnout.services import backup, corrections, history, progress

START = 1_767_225_600.0


def hold(position: int, status: HoldStatus = HoldStatus.COMPLETED) -> HoldRecord:
    at = START + 20 * position
    return HoldRecord(
        "classic",
        1,
        "butterfly-press",
        "Butterfly press",
        position,
        position,
        f"Press {position}",
        1,
        "left",
        10,
        10.0,
        at,
        at + 10,
        status,
    )


def logged(uow: SqlUnitOfWork, session_id: str = "s1", holds: int = 3) -> None:
    with uow:
        uow.practice.add_session(
            PracticeSession(
                session_id,
                "classic",
                "Classic",
                (1,),
                START,
                holds,
                10 * holds,
                SessionStatus.FINISHED,
                START + 100,
            )
        )
        for n in range(holds):
            uow.practice.add_hold(session_id, hold(n))
        uow.commit()


def reading(uow: SqlUnitOfWork) -> int:
    entry = MeasurementEntry("turnout_discs", "both", [121, 124, 122], date(2026, 1, 1), "")
    progress.add_measurement(uow, entry, date(2026, 1, 2))
    return progress.measurements(uow)[-1].id or 0


def test_a_deleted_reading_leaves_the_trends_and_an_undo_brings_it_back(uow: SqlUnitOfWork) -> None:
    found = reading(uow)
    corrections.delete_entry(uow, Target.MEASUREMENT, str(found), START)
    assert progress.measurements(uow) == []
    corrections.restore_entry(uow, Target.MEASUREMENT, str(found), START + 5)
    assert [r.id for r in progress.measurements(uow)] == [found]
    with uow:
        kept = uow.log.corrections()
    assert [(c.action, c.before, c.after) for c in kept] == [
        (Action.DELETED, "kept", "deleted"),
        (Action.RESTORED, "deleted", "kept"),
    ]


@pytest.mark.parametrize("missing", ["99", "abc", "-1", str(2**40)])
def test_deleting_an_entry_that_does_not_exist_is_not_found(
    uow: SqlUnitOfWork, missing: str
) -> None:
    with pytest.raises(NotFoundError, match="No reading"):
        corrections.delete_entry(uow, Target.MEASUREMENT, missing, START)


def test_a_deleted_session_leaves_history_but_stays_marked_in_the_export(
    uow: SqlUnitOfWork,
) -> None:
    logged(uow)
    corrections.delete_entry(uow, Target.SESSION, "s1", START + 500)
    assert history.history(uow, START, UTC).days == []
    assert history.sessions_page(uow).entries == []
    rows = history.export_holds(uow, "csv").splitlines()
    assert len(rows) == 4 and all(",2026-01-01T00:08:20.000+00:00," in r for r in rows[1:])


def test_a_session_still_under_way_cannot_be_deleted(uow: SqlUnitOfWork) -> None:
    with uow:
        uow.practice.add_session(PracticeSession("live", "classic", "Classic", (1,), START, 1, 10))
        uow.commit()
    with pytest.raises(InputError, match="under way"):
        corrections.delete_entry(uow, Target.SESSION, "live", START)


def test_a_corrected_hold_status_counts_as_corrected_and_keeps_what_it_replaced(
    uow: SqlUnitOfWork,
) -> None:
    logged(uow)
    first = history.sessions_page(uow).entries[0].holds[0]
    entry = corrections.correct_hold_status(uow, first.id, "skipped", START + 600)
    assert entry.record.status is HoldStatus.SKIPPED
    listed = history.sessions_page(uow).entries[0]
    assert (listed.count(entry.outcome), len(listed.holds)) == (1, 3)
    days = history.history(uow, START, UTC).days
    assert (days[0].completed_holds, days[0].skipped_holds) == (2, 1)
    export = history.export_holds(uow, "json")
    assert '"status_was": "completed"' in export and '"status": "skipped"' in export
    with pytest.raises(InputError, match="completed, skipped"):
        corrections.correct_hold_status(uow, first.id, "done", START)
    with pytest.raises(NotFoundError):
        corrections.correct_hold_status(uow, 2**40, "skipped", START)


def test_a_backup_of_one_log_goes_whole_into_an_empty_one(
    uow: SqlUnitOfWork,
) -> None:
    logged(uow)
    found = reading(uow)
    corrections.delete_entry(uow, Target.MEASUREMENT, str(found), START)
    made = backup.make_backup(uow, {}, START)
    with uow:
        uow.log.erase_all()
        uow.commit()
        assert uow.log.is_empty()
    raw = json.dumps(made).encode()
    counts = backup.import_backup(uow, backup.read_backup(raw), False, START)
    assert counts["holds"] == 3 and counts["measurements"] == 1
    assert backup.make_backup(uow, {}, START) == made
    reading(uow)  # new ids follow the imported ones (PostgreSQL's sequences moved on)
    with pytest.raises(backup.LogNotEmptyError):
        backup.import_backup(uow, backup.read_backup(raw), False, START)


def test_a_backup_row_this_version_cannot_read_is_refused_and_nothing_goes_in(
    uow: SqlUnitOfWork,
) -> None:
    logged(uow)
    made = backup.make_backup(uow, {}, START)
    made["log"]["holds"][1]["status"] = "half-done"
    raw = json.dumps(made).encode()
    with uow:
        uow.log.erase_all()
        uow.commit()
    with pytest.raises(InputError, match=r"holds\[1\]"):
        backup.import_backup(uow, backup.read_backup(raw), False, START)
    with uow:
        assert uow.log.is_empty()


def test_a_deleted_pain_check_leaves_the_checks_and_comes_back_on_undo(uow: SqlUnitOfWork) -> None:
    logged(uow)
    scores = dict.fromkeys(Region, 0) | {Region.KNEE: 6}
    with uow:
        uow.safety.add_pain_check(PainCheck(Moment.AFTER, START + 200, scores, session_id="s1"))
        uow.commit()
    (entry,) = corrections.pain_check_entries(uow)
    corrections.delete_entry(uow, Target.PAIN_CHECK, str(entry.id), START + 300)
    assert corrections.pain_check_entries(uow) == []
    with uow:
        assert uow.safety.pain_checks() == []
        assert uow.log.is_deleted(Target.PAIN_CHECK, str(entry.id)) is True
    corrections.restore_entry(uow, Target.PAIN_CHECK, str(entry.id), START + 400)
    assert [e.check.worst for e in corrections.pain_check_entries(uow)] == [6]


def test_a_restored_session_brings_its_holds_back_into_history(uow: SqlUnitOfWork) -> None:
    logged(uow)
    corrections.delete_entry(uow, Target.SESSION, "s1", START + 500)
    corrections.restore_entry(uow, Target.SESSION, "s1", START + 510)
    (entry,) = history.sessions_page(uow).entries
    assert len(entry.holds) == 3
    assert history.history(uow, START, UTC).days[0].completed_holds == 3
