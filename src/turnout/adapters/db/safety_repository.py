"""The dancer's profile, pain checks, stops and measurements in SQL; rows never leave here."""

from __future__ import annotations

from datetime import datetime
from typing import TypeVar

from sqlalchemy import ScalarResult, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from turnout.adapters.db.tables import MeasurementRow, PainCheckRow, ProfileRow, StopRow
from turnout.adapters.db.translate import EXERCISE_FIELDS, same_named, to_datetime, to_epoch
from turnout.domain.corrections import PainCheckEntry
from turnout.domain.measurement import Measurement, Method, Side
from turnout.domain.pain import Moment, PainCheck, StopEvent, StopReason
from turnout.domain.safety import HipCondition, Profile, Region

# Columns that hold the same value under the same name in the row and the domain object.
PAIN_CHECK_FIELDS = ("session_id", "soreness", "wakes_at_night")
STOP_FIELDS = ("session_id", *EXERCISE_FIELDS)
_Timed = TypeVar("_Timed", PainCheckRow, StopRow)  # rows kept in time order


class SqlSafetyRepository:
    """Screening, pain and stops. The caller's unit of work owns the transaction."""

    def __init__(self, session: Session, dancer: int = 1) -> None:
        self._db, self._dancer = session, dancer  # the profile's row id is the dancer id

    def get_profile(self) -> Profile | None:
        row = self._db.get(ProfileRow, self._dancer)
        return None if row is None else _profile(row)

    def save_profile(self, profile: Profile) -> None:
        row = self._db.get(ProfileRow, self._dancer) or ProfileRow(id=self._dancer)
        row.age, row.growth_spurt, row.beighton, row.height_cm = (
            profile.age,
            profile.growth_spurt,
            profile.beighton,
            profile.height_cm,
        )
        row.hip_conditions = ",".join(sorted(c.value for c in profile.hip_conditions))
        row.pain_now = ",".join(sorted(r.value for r in profile.pain_now))
        row.updated_at = to_datetime(profile.updated_at)
        self._db.add(row)

    def add_pain_check(self, check: PainCheck) -> None:
        self._db.add(
            PainCheckRow(
                **same_named(check, PAIN_CHECK_FIELDS),
                moment=check.moment.value,
                taken_at=to_datetime(check.taken_at),
                **{region.value: check.score(region) for region in Region},
            )
        )

    def pain_checks(self, since: float | None = None) -> list[PainCheck]:
        """Checks taken at or after `since`, oldest first, leaving out deleted ones."""
        rows = self._in_order(PainCheckRow, PainCheckRow.taken_at, since)
        return [_pain_check(row) for row in rows if row.deleted_at is None]

    def pain_check_entries(self) -> list[PainCheckEntry]:
        """Every check not deleted, oldest first, with its id in the log."""
        rows = self._in_order(PainCheckRow, PainCheckRow.taken_at, None)
        return [PainCheckEntry(row.id, _pain_check(row)) for row in rows if row.deleted_at is None]

    def add_stop(self, stop: StopEvent) -> None:
        self._db.add(
            StopRow(
                **same_named(stop, STOP_FIELDS), reason=stop.reason.value, at=to_datetime(stop.at)
            )
        )

    def stops(self, since: float | None = None) -> list[StopEvent]:
        return [_stop(row) for row in self._in_order(StopRow, StopRow.at, since)]

    def _in_order(
        self, table: type[_Timed], at: InstrumentedAttribute[datetime], since: float | None
    ) -> ScalarResult[_Timed]:
        """The rows of `table` oldest first by `at`: all of them, or those from `since` on."""
        query = select(table).order_by(at, table.id)
        if since is not None:
            query = query.where(at >= to_datetime(since))
        return self._db.scalars(query)


class SqlMeasurementRepository:
    def __init__(self, session: Session) -> None:
        self._db = session

    def add(self, reading: Measurement) -> int:
        """Keep a reading; its id in the log (known once it is flushed)."""
        row = MeasurementRow(
            quantity=reading.quantity.value,
            method=reading.method.value,
            side=reading.side.value,
            value=reading.value,
            trials=",".join(f"{t:g}" for t in reading.trials),
            taken_on=reading.taken_on,
            note=reading.note,
        )
        self._db.add(row)
        self._db.flush()
        return row.id

    def all(self) -> list[Measurement]:
        """Every reading not deleted, oldest first, each with its id."""
        query = (
            select(MeasurementRow)
            .where(MeasurementRow.deleted_at.is_(None))
            .order_by(MeasurementRow.taken_on, MeasurementRow.id)
        )
        return [_measurement(row) for row in self._db.scalars(query)]


def _split(text: str) -> list[str]:
    return [part for part in text.split(",") if part]


def _profile(row: ProfileRow) -> Profile:
    return Profile(
        age=row.age,
        growth_spurt=row.growth_spurt,
        hip_conditions=frozenset(HipCondition(c) for c in _split(row.hip_conditions)),
        pain_now=frozenset(Region(r) for r in _split(row.pain_now)),
        beighton=row.beighton,
        updated_at=to_epoch(row.updated_at),
        height_cm=row.height_cm,
    )


def _pain_check(row: PainCheckRow) -> PainCheck:
    return PainCheck(
        **same_named(row, PAIN_CHECK_FIELDS),
        moment=Moment(row.moment),
        taken_at=to_epoch(row.taken_at),
        scores={region: getattr(row, region.value) for region in Region},
    )


def _stop(row: StopRow) -> StopEvent:
    return StopEvent(
        **same_named(row, STOP_FIELDS), reason=StopReason(row.reason), at=to_epoch(row.at)
    )


def _measurement(row: MeasurementRow) -> Measurement:
    return Measurement(
        method=Method(row.method),
        side=Side(row.side),
        trials=tuple(float(t) for t in _split(row.trials)),
        taken_on=row.taken_on,
        note=row.note,
        id=row.id,
    )
