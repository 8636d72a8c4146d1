"""The dancer's profile, pain checks, stops and measurements in SQL; rows never leave here."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from turnout.adapters.db.tables import MeasurementRow, PainCheckRow, ProfileRow, StopRow
from turnout.adapters.db.translate import EXERCISE_FIELDS, same_named, to_datetime, to_epoch
from turnout.domain.measurement import Measurement, Method, Side
from turnout.domain.pain import Moment, PainCheck, StopEvent, StopReason
from turnout.domain.safety import HipCondition, Profile, Region

PROFILE_ID = 1


class SqlSafetyRepository:
    """Screening, pain and stops. The caller's unit of work owns the transaction."""

    def __init__(self, session: Session) -> None:
        self._db = session

    def get_profile(self) -> Profile | None:
        row = self._db.get(ProfileRow, PROFILE_ID)
        return None if row is None else _profile(row)

    def save_profile(self, profile: Profile) -> None:
        row = self._db.get(ProfileRow, PROFILE_ID) or ProfileRow(id=PROFILE_ID)
        row.age, row.growth_spurt, row.beighton = (
            profile.age,
            profile.growth_spurt,
            profile.beighton,
        )
        row.hip_conditions = ",".join(sorted(c.value for c in profile.hip_conditions))
        row.pain_now = ",".join(sorted(r.value for r in profile.pain_now))
        row.updated_at = to_datetime(profile.updated_at)
        self._db.add(row)

    def add_pain_check(self, check: PainCheck) -> None:
        self._db.add(
            PainCheckRow(
                session_id=check.session_id,
                moment=check.moment.value,
                taken_at=to_datetime(check.taken_at),
                soreness=check.soreness,
                wakes_at_night=check.wakes_at_night,
                **{region.value: check.score(region) for region in Region},
            )
        )

    def pain_checks(self, since: float | None = None) -> list[PainCheck]:
        query = select(PainCheckRow).order_by(PainCheckRow.taken_at, PainCheckRow.id)
        if since is not None:
            query = query.where(PainCheckRow.taken_at >= to_datetime(since))
        return [_pain_check(row) for row in self._db.scalars(query)]

    def add_stop(self, stop: StopEvent) -> None:
        self._db.add(
            StopRow(
                session_id=stop.session_id,
                **same_named(stop, EXERCISE_FIELDS),
                reason=stop.reason.value,
                at=to_datetime(stop.at),
            )
        )

    def stops(self, since: float | None = None) -> list[StopEvent]:
        query = select(StopRow).order_by(StopRow.at, StopRow.id)
        if since is not None:
            query = query.where(StopRow.at >= to_datetime(since))
        return [_stop(row) for row in self._db.scalars(query)]


class SqlMeasurementRepository:
    def __init__(self, session: Session) -> None:
        self._db = session

    def add(self, reading: Measurement) -> None:
        self._db.add(
            MeasurementRow(
                quantity=reading.quantity.value,
                method=reading.method.value,
                side=reading.side.value,
                value=reading.value,
                trials=",".join(f"{t:g}" for t in reading.trials),
                taken_on=reading.taken_on,
                note=reading.note,
            )
        )

    def all(self) -> list[Measurement]:
        query = select(MeasurementRow).order_by(MeasurementRow.taken_on, MeasurementRow.id)
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
    )


def _pain_check(row: PainCheckRow) -> PainCheck:
    return PainCheck(
        moment=Moment(row.moment),
        taken_at=to_epoch(row.taken_at),
        scores={region: getattr(row, region.value) for region in Region},
        soreness=row.soreness,
        wakes_at_night=row.wakes_at_night,
        session_id=row.session_id,
    )


def _stop(row: StopRow) -> StopEvent:
    return StopEvent(
        session_id=row.session_id,
        **same_named(row, EXERCISE_FIELDS),
        reason=StopReason(row.reason),
        at=to_epoch(row.at),
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
