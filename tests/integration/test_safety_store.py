"""Profile, pain checks, stops and measurements on SQLite and PostgreSQL: what goes in comes out,
and nothing is saved half-way."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import Engine, inspect
from sqlalchemy.exc import IntegrityError

from turnout.adapters.db.engine import make_engine, session_factory
from turnout.adapters.db.migrate import alembic_config, prepare_database
from turnout.adapters.db.uow import SqlUnitOfWork
from turnout.domain.log import PracticeSession
from turnout.domain.measurement import MeasurementEntry, measurement
from turnout.domain.pain import Moment, PainCheck, StopEvent, StopReason
from turnout.domain.safety import HipCondition, Profile, Region

START = 1_767_225_600.25  # 2026-01-01 00:00 UTC
TODAY = date(2026, 1, 10)


def a_session(uow: SqlUnitOfWork, session_id: str = "s-1") -> None:
    with uow:
        uow.practice.add_session(
            PracticeSession(session_id, "classic", "Classic", (1, 4), START, 10, 900)
        )
        uow.commit()


def test_the_new_tables_exist_after_the_upgrade(database: Engine) -> None:
    tables = set(inspect(database).get_table_names())
    assert {"dancer_profile", "pain_checks", "stop_events", "measurements"} <= tables


def test_a_profile_is_saved_read_and_replaced(uow: SqlUnitOfWork) -> None:
    first = Profile(
        age=15,
        growth_spurt=True,
        hip_conditions=frozenset({HipCondition.DYSPLASIA, HipCondition.LABRAL_TEAR}),
        pain_now=frozenset({Region.KNEE}),
        beighton=6,
        updated_at=START,
    )
    with uow:
        assert uow.safety.get_profile() is None
        uow.safety.save_profile(first)
        uow.commit()
    with uow:
        assert uow.safety.get_profile() == first
        uow.safety.save_profile(Profile(age=16, updated_at=START + 60))
        uow.commit()
    with uow:
        assert uow.safety.get_profile() == Profile(age=16, updated_at=START + 60)


def test_a_height_is_kept_changed_and_cleared(uow: SqlUnitOfWork) -> None:
    tall = Profile(age=30, updated_at=START, height_cm=182)
    for saved in (tall, Profile(age=30, updated_at=START, height_cm=90), Profile(age=30)):
        with uow:
            uow.safety.save_profile(saved)
            uow.commit()
        with uow:
            assert uow.safety.get_profile() == saved


def test_pain_checks_keep_their_scores_soreness_and_session(uow: SqlUnitOfWork) -> None:
    a_session(uow)
    before = PainCheck(Moment.BEFORE, START + 1, {Region.KNEE: 2}, session_id="s-1")
    after = PainCheck(
        Moment.AFTER, START + 900, {Region.HIP_GROIN: 4}, soreness=5, wakes_at_night=True
    )
    with uow:
        uow.safety.add_pain_check(after)
        uow.safety.add_pain_check(before)
        uow.commit()
    with uow:
        found = uow.safety.pain_checks()
        assert found == [before, after]
        assert uow.safety.pain_checks(since=START + 2) == [after]
    assert found[0].score(Region.KNEE) == 2 and found[0].score(Region.LOW_BACK) == 0


def test_a_stop_is_kept_with_its_session_exercise_and_reason(uow: SqlUnitOfWork) -> None:
    a_session(uow)
    stop = StopEvent(
        "s-1", "classic", 4, "wall-straddle", "Wall straddle", StopReason.NUMBNESS, START + 300
    )
    with uow:
        uow.safety.add_stop(stop)
        uow.commit()
    with uow:
        assert uow.safety.stops() == [stop]
        assert uow.safety.stops(since=START + 301) == []


def test_a_stop_for_a_session_that_does_not_exist_is_refused(uow: SqlUnitOfWork) -> None:
    stop = StopEvent("nope", "classic", 1, "b", "B", StopReason.OTHER, START)
    with uow, pytest.raises(IntegrityError):
        uow.safety.add_stop(stop)
        uow.commit()


def test_measurements_keep_method_side_trials_date_and_note_oldest_first(
    uow: SqlUnitOfWork,
) -> None:
    hip = measurement(
        MeasurementEntry("goniometer", "left", [48, 50.5, 47], date(2026, 1, 9), "by Sam"), TODAY
    )
    feet = measurement(
        MeasurementEntry("paper_tracing", "both", [121, 124, 119], date(2026, 1, 2)), TODAY
    )
    with uow:
        uow.measurements.add(hip)
        uow.measurements.add(feet)
        uow.commit()
    with uow:
        first, second = uow.measurements.all()
    assert (first.method.value, first.value, first.trials) == (
        "paper_tracing",
        121,
        (121, 124, 119),
    )
    assert (second.side.value, second.value, second.note) == ("left", 48, "by Sam")
    assert second.taken_on == date(2026, 1, 9) and second.id is not None


def test_work_not_committed_is_not_saved(uow: SqlUnitOfWork) -> None:
    with uow:
        uow.measurements.add(measurement(MeasurementEntry("typed_in", "both", [120], TODAY), TODAY))
        uow.safety.save_profile(Profile(age=30))
    with uow:
        assert uow.measurements.all() == [] and uow.safety.get_profile() is None


def test_a_log_from_before_the_safety_tables_upgrades_and_keeps_its_sessions(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    engine = make_engine(url)
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "0001")
        connection.exec_driver_sql(
            "INSERT INTO practice_sessions VALUES ('old', 'classic', 'Classic', '1', "
            "'2026-01-01 00:00:00.000000', NULL, 'finished', 9, 90)"
        )
    engine.dispose()
    engine = prepare_database(url)
    uow = SqlUnitOfWork(session_factory(engine))
    with uow:
        assert [s.id for s in uow.practice.sessions()] == ["old"]
        assert uow.safety.pain_checks() == []
    engine.dispose()
