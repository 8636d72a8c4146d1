"""One log, many dancers: a unit of work sees, changes and adds only its own dancer's rows, on
SQLite and on PostgreSQL. Another dancer's row behaves exactly like a missing one."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from alembic import command
from sqlalchemy import Engine, func, select

from turnout.adapters.db.engine import make_engine, session_factory
from turnout.adapters.db.migrate import alembic_config, prepare_database
from turnout.adapters.db.tables import HoldRow
from turnout.adapters.db.uow import SqlUnitOfWork
from turnout.domain.corrections import Action, Correction, Target
from turnout.domain.log import Lease, OwnerKind, PracticeSession
from turnout.domain.measurement import MeasurementEntry, measurement
from turnout.domain.pain import Moment, PainCheck, StopEvent, StopReason
from turnout.domain.plan import HoldRecord, HoldStatus
from turnout.domain.safety import Profile, Region

START = 1_767_225_600.0
TODAY = date(2026, 1, 10)


def a_hold(position: int) -> HoldRecord:
    return HoldRecord(
        "classic", 1, "butterfly", "Butterfly press", position, 1, "Press", 1, "left", 10, 10.0,
        START + 10 * position, START + 10 * position + 10, HoldStatus.COMPLETED,
    )  # fmt: skip


def fill(uow: SqlUnitOfWork, session_id: str) -> None:
    """A session with two holds, a pain check, a stop, a reading, a profile and a correction."""
    with uow.writing():
        uow.practice.add_session(PracticeSession(session_id, "classic", "C", (1,), START, 2, 20))
        uow.practice.add_hold(session_id, a_hold(0))
        uow.practice.add_hold(session_id, a_hold(1))
        uow.safety.add_pain_check(
            PainCheck(Moment.BEFORE, START, {Region.KNEE: 1}, session_id=session_id)
        )
        uow.safety.add_stop(
            StopEvent(session_id, "classic", 1, "b", "B", StopReason.OTHER, START + 5)
        )
        entry = MeasurementEntry("typed_in", "both", [120], TODAY)
        uow.measurements.add(measurement(entry, TODAY))
        uow.safety.save_profile(Profile(age=30, updated_at=START, height_cm=170))
        uow.log.add_correction(Correction(Target.SESSION, session_id, Action.DELETED, START))
        uow.commit()


def everything(uow: SqlUnitOfWork) -> dict[str, object]:
    with uow:
        return {
            "sessions": uow.practice.sessions(),
            "holds": uow.practice.holds(),
            "entries": uow.practice.hold_entries(include_deleted=True),
            "count": uow.practice.count_sessions(),
            "unfinished": uow.practice.unfinished(5),
            "pain": uow.safety.pain_checks(),
            "stops": uow.safety.stops(),
            "readings": uow.measurements.all(),
            "profile": uow.safety.get_profile(),
            "corrections": uow.log.corrections(),
            "empty": uow.log.is_empty(),
        }


def test_a_dancer_sees_none_of_another_dancers_rows(database: Engine) -> None:
    factory = session_factory(database)
    first, second = SqlUnitOfWork(factory, 1), SqlUnitOfWork(factory, 2)
    fill(first, "s-one")
    mine = everything(first)
    theirs = everything(second)
    assert theirs == {
        "sessions": [], "holds": [], "entries": [], "count": 0, "unfinished": [], "pain": [],
        "stops": [], "readings": [], "profile": None, "corrections": [], "empty": True,
    }  # fmt: skip
    assert mine["count"] == 1 and len(mine["holds"]) == 2 and mine["profile"] is not None  # type: ignore[arg-type]
    with second:
        assert second.practice.get_session("s-one") is None
        assert second.practice.session_holds("s-one") == []


def test_a_dancer_cannot_change_another_dancers_rows_by_id(database: Engine) -> None:
    factory = session_factory(database)
    first, second = SqlUnitOfWork(factory, 1), SqlUnitOfWork(factory, 2)
    fill(first, "s-one")
    before = everything(first)
    with first:
        hold_id = first.practice.hold_entries()[0].id
        reading_id = first.measurements.all()[0].id
    lease = Lease("intruder 1@host", OwnerKind.WEB, START + 60)
    with second.writing():
        assert second.practice.set_hold_status(hold_id, HoldStatus.SKIPPED) is None
        assert second.log.mark_deleted(Target.SESSION, "s-one", START) is None
        assert second.log.mark_deleted(Target.MEASUREMENT, str(reading_id), START) is None
        assert second.log.is_deleted(Target.HOLD, str(hold_id)) is None
        assert second.practice.claim("s-one", lease, START) is False
        assert second.practice.lease("s-one") is None
        second.practice.release("s-one", "anyone")
        second.commit()
    assert everything(first) == before
    with first:
        assert first.practice.lease("s-one") is None  # no claim got through


def test_erasing_one_dancer_leaves_the_others(database: Engine) -> None:
    factory = session_factory(database)
    first, second = SqlUnitOfWork(factory, 1), SqlUnitOfWork(factory, 2)
    fill(first, "s-one")
    fill(second, "s-two")
    before = everything(first)
    with second.writing():
        counts = second.log.erase_all()
        second.commit()
    assert counts["holds"] == 2 and counts["sessions"] == 1 and counts["profile"] == 1
    assert everything(second)["empty"] is True
    assert everything(first) == before


def test_a_backup_of_one_dancer_restores_into_another(database: Engine) -> None:
    factory = session_factory(database)
    first, third = SqlUnitOfWork(factory, 1), SqlUnitOfWork(factory, 3)
    fill(first, "s-one")
    with first:
        dump = first.log.dump()
    assert all("dancer_id" not in row for rows in dump.values() for row in rows)
    with first.writing():  # the ids in the dump must be free for it to go back in
        first.log.erase_all()
        first.commit()
    with third.writing():
        third.log.load(dump)
        third.commit()
    restored = everything(third)
    assert restored["count"] == 1 and len(restored["holds"]) == 2  # type: ignore[arg-type]
    assert restored["profile"] == Profile(age=30, updated_at=START, height_cm=170)
    assert everything(first)["empty"] is True
    with factory() as db:
        assert db.scalar(select(func.count()).select_from(HoldRow)) == 2


def test_a_row_added_is_the_adding_dancers_whatever_it_says(database: Engine) -> None:
    factory = session_factory(database)
    fill(SqlUnitOfWork(factory, 7), "s-seven")
    with factory() as db:
        owners = set(db.scalars(select(HoldRow.dancer_id)))
    assert owners == {7}


def test_a_personal_log_from_before_dancers_upgrades_with_every_row_dancer_ones(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0005")
        connection.exec_driver_sql(
            "INSERT INTO practice_sessions (id, routine_key, routine_name, exercise_numbers, "
            "started_at, status, planned_holds, planned_seconds) VALUES ('old', 'classic', "
            "'Classic', '1', '2026-01-01 00:00:00.000000', 'finished', 9, 90)"
        )
        connection.exec_driver_sql(
            "INSERT INTO dancer_profile (id, age, growth_spurt, hip_conditions, pain_now, "
            "updated_at) VALUES (1, 30, 0, '', '', '2026-01-01 00:00:00.000000')"
        )
    engine.dispose()
    engine = prepare_database(url)
    factory = session_factory(engine)
    with SqlUnitOfWork(factory, 1) as mine:
        assert [s.id for s in mine.practice.sessions()] == ["old"]
        assert mine.safety.get_profile() is not None
    with SqlUnitOfWork(factory, 2) as theirs:
        assert theirs.practice.sessions() == [] and theirs.safety.get_profile() is None
    engine.dispose()
