"""The composition root: the only place that builds real adapters from Settings."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from turnout.adapters import private_files
from turnout.adapters.clock import ScaledClock, SystemClock
from turnout.adapters.routines.files import CachedRoutineSource, FileRoutineSource
from turnout.adapters.speech import make_speaker
from turnout.adapters.vision.kit import VisionKit
from turnout.config import Settings, get_settings
from turnout.ports import (
    AccountStore,
    ClassStore,
    Clock,
    DeviceStore,
    FreeSessions,
    PasswordHasher,
    RoutineLibrary,
    RoutineSource,
    Speaker,
    UnitOfWork,
)
from turnout.ports.jobs import JobQueue, MeasureJobStore
from turnout.services.account_data import AccountData
from turnout.services.accounts import Accounts
from turnout.services.authoring import Authoring
from turnout.services.classes import Classes
from turnout.services.measure_jobs import MeasureJobs
from turnout.services.sign_in import SignIns

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

__all__ = ["Container", "VisionKit", "build", "open_log"]


@dataclass
class Container:
    """What the CLI and the web need. The database is opened (and migrated) on first use."""

    settings: Settings
    clock: Clock
    routines: RoutineSource
    # How a unit of work is made; None means on the configured log (tests give a fake one).
    make_uow: Callable[[], UnitOfWork] | None = None
    # How passwords are hashed; None means Argon2id at its recommended cost (tests pass a
    # cheaper one, since each hash is meant to take a tenth of a second).
    hasher: PasswordHasher | None = None
    # The routines that ship with turnout, when `routines` adds those written in the app.
    builtin_routines: RoutineSource | None = None
    _sessions: sessionmaker[Session] | None = field(default=None, repr=False)
    _vision: VisionKit | None = field(default=None, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def uow(self, dancer: int = 1) -> UnitOfWork:
        """A new unit of work on `dancer`'s rows of the log, for one use: each caller (a
        request, the ticker, a live session) gets its own, so none waits on another's
        transaction. The log is migrated once, on the first call."""
        from turnout.adapters.db.uow import SqlUnitOfWork

        if self.make_uow is not None:
            return self.make_uow()
        return SqlUnitOfWork(self._factory(), dancer)

    def account_store(self) -> AccountStore:
        """The studio's accounts, in the log's database."""
        from turnout.adapters.db.account_store import SqlAccountStore

        return SqlAccountStore(self._factory())

    def _factory(self) -> sessionmaker[Session]:
        with self._lock:
            if self._sessions is None:
                self._sessions = _session_factory(self.settings.db_url)
            return self._sessions

    @property
    def shared_log(self) -> bool:
        """A studio's PostgreSQL, which several web processes may serve at once (a SQLite log
        is served by one process, as a personal log always is)."""
        return self.settings.db_url.startswith("postgresql")

    def free_sessions(self) -> FreeSessions:
        """Across dancers, the web sessions nobody runs any more (for a shared log's servers)."""
        from turnout.adapters.db.free_sessions import SqlFreeSessions

        return SqlFreeSessions(self._factory())

    def class_store(self) -> ClassStore:
        """The studio's classes, members, guardians and notes, in the log's database."""
        from turnout.adapters.db.studio_store import SqlStudioStore

        return SqlStudioStore(self._factory())

    def routine_library(self) -> RoutineLibrary:
        """The routines written in the app, in the log's database."""
        from turnout.adapters.db.library_store import SqlRoutineLibrary

        return SqlRoutineLibrary(self._factory())

    def authoring(self) -> Authoring:
        from turnout.adapters.routines.files import routine_from_text
        from turnout.adapters.routines.writing import routine_toml

        builtins = self.builtin_routines or self.routines
        return Authoring(
            self.routine_library(), builtins, routine_from_text, self.clock.now, routine_toml
        )

    def classes(self) -> Classes:
        clock = self.clock
        return Classes(
            self.class_store(),
            clock.now,
            lambda: date.fromtimestamp(clock.now()),
            self.settings.default_routine,
            self.routines.names,
        )

    def account_data(self) -> AccountData:
        """Download and delete an account's data; leases run on the wall clock."""
        return AccountData(self.classes(), self.uow, self._hasher(), time.time)

    def accounts(self) -> Accounts:
        return Accounts(self.account_store(), self._hasher(), self.clock.now)

    def sign_ins(self) -> SignIns:
        return SignIns(self.account_store(), self._hasher(), self.clock.now)

    def _hasher(self) -> PasswordHasher:
        if self.hasher is None:
            from turnout.adapters.passwords import Argon2Hasher

            self.hasher = Argon2Hasher()
        return self.hasher

    def unready(self) -> str | None:
        """Why the log cannot serve requests now (unreachable, or its schema not this
        version's); None when it can. For a monitor's /readyz."""
        from sqlalchemy.exc import SQLAlchemyError

        from turnout.adapters.db.migrate import current_revision, head_revision
        from turnout.errors import StorageError

        try:
            engine = self._factory().kw["bind"]
            found, wanted = current_revision(engine), head_revision()
        except (StorageError, SQLAlchemyError) as error:
            return f"the log cannot be reached: {str(error).splitlines()[0][:200]}"
        return None if found == wanted else f"the log is at revision {found}, not {wanted}"

    def speaker(self, voice: bool | None = None) -> Speaker:
        wanted = self.settings.voice if voice is None else voice
        return make_speaker(wanted, self.settings.voice_rate)

    def devices(self) -> DeviceStore:
        """The phones and tablets paired with this computer's server, beside the log."""
        from turnout.adapters.devices import FILE_NAME, JsonDeviceStore

        return JsonDeviceStore(self.settings.data_dir / FILE_NAME)

    def vision(self) -> VisionKit:
        """The camera adapters; OpenCV and MediaPipe load when first used, not at start."""
        if self._vision is None:
            self._vision = VisionKit(self.settings.pose_model)
        return self._vision

    def measure_job_store(self) -> MeasureJobStore:
        """Camera analyses as jobs, and their uploads, in the log's database."""
        from turnout.adapters.db.job_store import SqlMeasureJobStore

        return SqlMeasureJobStore(self._factory())

    def job_queue(self) -> JobQueue | None:
        """Where jobs go on a studio's PostgreSQL: procrastinate, for `turnout worker`. None on
        SQLite, whose jobs run in the web process."""
        if not self.settings.on_postgres:
            return None
        from turnout.adapters.queue.procrastinate import ProcrastinateQueue

        return ProcrastinateQueue(self.settings.db_url)

    def run_workers(self, jobs: MeasureJobs, concurrency: int) -> None:
        """Measure the queued jobs, `concurrency` at a time, until stopped (PostgreSQL only)."""
        from turnout.adapters.queue.procrastinate import WorkerCalls, WorkerOptions, run_workers

        settings = self.settings
        options = WorkerOptions(
            concurrency, settings.worker_heartbeat_seconds, settings.worker_sweep_seconds
        )
        self.uow()  # the log is migrated (and the queue's schema applied) before any work
        run_workers(settings.db_url, WorkerCalls(jobs.run, jobs.stalled, jobs.sweep), options)

    def scratch(self) -> Path:
        """This process's private folder (0700) for uploads while they are measured."""
        return private_files.scratch_folder(self.settings.scratch_dir)


def _session_factory(url: str) -> sessionmaker[Session]:
    # Imported here so that commands that never touch the log start without SQLAlchemy.
    from turnout.adapters.db.engine import session_factory
    from turnout.adapters.db.migrate import prepare_database

    return session_factory(prepare_database(url))


def open_log(url: str, dancer: int = 1) -> UnitOfWork:
    """Migrate the practice log at `url` to this version's schema; a unit of work on it."""
    from turnout.adapters.db.uow import SqlUnitOfWork

    return SqlUnitOfWork(_session_factory(url), dancer)


def build(settings: Settings | None = None, clock: Clock | None = None) -> Container:
    """The container over `settings` (from the environment when None). The data folder is
    made private first: 0700, its files 0600, stale upload scratch removed."""
    settings = settings or get_settings()
    private_files.make_private(settings.data_dir, (settings.pictures_dir,), settings.scratch_dir)
    if clock is None:
        scale, origin = settings.time_scale, settings.clock_origin
        clock = SystemClock() if scale == 1 else ScaledClock(scale, origin)
    from turnout.adapters.routines.library import LibraryRoutineSource

    builtins = CachedRoutineSource(FileRoutineSource())
    box = Container(settings, clock, builtins, builtin_routines=builtins)
    box.routines = LibraryRoutineSource(builtins, box.routine_library)
    return box
