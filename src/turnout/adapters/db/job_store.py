"""Camera analyses done as jobs, in the log's database (see job_tables.py). Each call is its
own short transaction: a worker's progress never holds a lock while it measures."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, TypeVar

from sqlalchemy import CursorResult, delete, or_, select, update
from sqlalchemy.orm import Session

from turnout.adapters.db.account_store import SqlAccountStore
from turnout.adapters.db.engine import WRITE_INTENT
from turnout.adapters.db.job_tables import MeasureJobRow, MeasureUploadRow
from turnout.adapters.db.translate import to_datetime, to_epoch
from turnout.domain.jobs import FINISHED, JobRequest, JobStatus, MeasureJob

_T = TypeVar("_T")
_OPEN = (JobStatus.QUEUED.value, JobStatus.RUNNING.value)
_ENDED = tuple(status.value for status in FINISHED)


class SqlMeasureJobStore(SqlAccountStore):
    """It shares the account store's transaction handling; its writes take the lock first."""

    def add(self, dancer: int, request: JobRequest, data: bytes, now: float) -> int:
        def write(db: Session) -> int:
            row = MeasureJobRow(
                dancer_id=dancer,
                **_request_columns(request),
                status=JobStatus.QUEUED.value,
                created_at=to_datetime(now),
                attempts=0,
                done=0,
                message="",
            )
            db.add(row)
            db.flush()
            db.add(MeasureUploadRow(job_id=row.id, dancer_id=dancer, data=data))
            return row.id

        return self._write(write)

    def job(self, job_id: int, dancer: int | None = None) -> MeasureJob | None:
        query = select(MeasureJobRow).where(MeasureJobRow.id == job_id)
        if dancer is not None:
            query = query.where(MeasureJobRow.dancer_id == dancer)
        row = self._read(lambda db: db.scalars(query).first())
        return None if row is None else _job(row)

    def start(self, job_id: int, now: float) -> tuple[MeasureJob, bytes] | None:
        def write(db: Session) -> tuple[MeasureJob, bytes] | None:
            row, upload = db.get(MeasureJobRow, job_id), db.get(MeasureUploadRow, job_id)
            if row is None or upload is None or row.status not in _OPEN:
                return None
            row.status, row.started_at = JobStatus.RUNNING.value, to_datetime(now)
            row.attempts, row.done, row.total = row.attempts + 1, 0, None
            return _job(row), upload.data

        return self._write(write)

    def progress(self, job_id: int, done: int, total: int | None) -> None:
        values = {"done": done, "total": total}
        self._change(job_id, MeasureJobRow.status == JobStatus.RUNNING.value, values)

    def finish(self, job_id: int, result: dict[str, object], now: float) -> None:
        values: dict[str, Any] = {"status": JobStatus.DONE.value, "result": json.dumps(result)}
        self._end(job_id, values, now)

    def fail(self, job_id: int, message: str, now: float) -> bool:
        return self._end(job_id, {"status": JobStatus.FAILED.value, "message": message}, now)

    def requeue(self, job_id: int) -> None:
        values = {"status": JobStatus.QUEUED.value}
        self._change(job_id, MeasureJobRow.status == JobStatus.RUNNING.value, values)

    def expire(self, queued_before: float, running_before: float, message: str, now: float) -> int:
        stale = or_(
            (MeasureJobRow.status == JobStatus.QUEUED.value)
            & (MeasureJobRow.created_at < to_datetime(queued_before)),
            (MeasureJobRow.status == JobStatus.RUNNING.value)
            & (MeasureJobRow.started_at < to_datetime(running_before)),
        )
        ids = self._read(lambda db: list(db.scalars(select(MeasureJobRow.id).where(stale))))
        return sum(self.fail(job_id, message, now) for job_id in ids)

    def forget(self, finished_before: float) -> int:
        old = MeasureJobRow.finished_at < to_datetime(finished_before)

        def write(db: Session) -> int:
            ids = select(MeasureJobRow.id).where(MeasureJobRow.status.in_(_ENDED), old)
            db.execute(delete(MeasureUploadRow).where(MeasureUploadRow.job_id.in_(ids)))
            gone: CursorResult[Any] = db.execute(  # type: ignore[assignment]
                delete(MeasureJobRow).where(MeasureJobRow.status.in_(_ENDED), old)
            )
            return gone.rowcount

        return self._write(write)

    def claim_save(self, job_id: int) -> bool:
        wanted = (
            (MeasureJobRow.status == JobStatus.DONE.value)
            & MeasureJobRow.save
            & MeasureJobRow.saved.is_(None)
        )
        return self._change(job_id, wanted, {"saved": ""})

    def set_saved(self, job_id: int, saved: str) -> None:
        self._change(job_id, MeasureJobRow.saved == "", {"saved": saved})

    def _end(self, job_id: int, values: dict[str, Any], now: float) -> bool:
        values = {**values, "finished_at": to_datetime(now)}

        def write(db: Session) -> bool:
            ended = _changed(db, job_id, MeasureJobRow.status.in_(_OPEN), values)
            # The bytes go whatever the job's state: nothing is kept past its end.
            db.execute(delete(MeasureUploadRow).where(MeasureUploadRow.job_id == job_id))
            return ended

        return self._write(write)

    def _change(self, job_id: int, when: Any, values: dict[str, Any]) -> bool:
        return self._write(lambda db: _changed(db, job_id, when, values))

    def _write(self, work: Callable[[Session], _T]) -> _T:
        def first_the_lock(db: Session) -> _T:
            # SQLite: take the write lock as the transaction begins (see SqlUnitOfWork.writing).
            db.connection(execution_options={WRITE_INTENT: True})
            return work(db)

        return super()._write(first_the_lock)


def _changed(db: Session, job_id: int, when: Any, values: dict[str, Any]) -> bool:
    query = update(MeasureJobRow).where(MeasureJobRow.id == job_id, when).values(**values)
    done: CursorResult[Any] = db.execute(query)  # type: ignore[assignment]
    return done.rowcount == 1


def _request_columns(request: JobRequest) -> dict[str, Any]:
    return {
        "name": request.name[:80],
        "mode": request.mode,
        "feet_only": request.feet_only,
        "save": request.save,
        "record": request.record,
        "paper": request.paper,
    }


def _job(row: MeasureJobRow) -> MeasureJob:
    request = JobRequest(row.name, row.mode, row.feet_only, row.save, row.record, row.paper)
    return MeasureJob(
        id=row.id,
        dancer=row.dancer_id,
        request=request,
        status=JobStatus(row.status),
        created_at=to_epoch(row.created_at),
        done=row.done,
        total=row.total,
        attempts=row.attempts,
        started_at=None if row.started_at is None else to_epoch(row.started_at),
        message=row.message,
        result=None if row.result is None else json.loads(row.result),
        saved=row.saved,
    )
