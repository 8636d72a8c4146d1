"""One unit of work shared by the server's threads, one `with` block at a time."""

from __future__ import annotations

import threading
from types import TracebackType
from typing import Self

from turnout.ports import (
    MeasurementRepository,
    PracticeRepository,
    SafetyRepository,
    UnitOfWork,
)


class SerializedUnitOfWork:
    """Wraps a unit of work that is not thread-safe: the ticker and the requests take turns."""

    def __init__(self, inner: UnitOfWork) -> None:
        self._inner = inner
        self._lock = threading.RLock()

    @property
    def practice(self) -> PracticeRepository:
        return self._inner.practice

    @practice.setter
    def practice(self, repository: PracticeRepository) -> None:
        self._inner.practice = repository

    @property
    def safety(self) -> SafetyRepository:
        return self._inner.safety

    @safety.setter
    def safety(self, repository: SafetyRepository) -> None:
        self._inner.safety = repository

    @property
    def measurements(self) -> MeasurementRepository:
        return self._inner.measurements

    @measurements.setter
    def measurements(self, repository: MeasurementRepository) -> None:
        self._inner.measurements = repository

    def __enter__(self) -> Self:
        self._lock.acquire()
        try:
            self._inner.__enter__()
        except BaseException:
            self._lock.release()
            raise
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        try:
            self._inner.__exit__(exc_type, exc, tb)
        finally:
            self._lock.release()

    def commit(self) -> None:
        self._inner.commit()

    def rollback(self) -> None:
        self._inner.rollback()
