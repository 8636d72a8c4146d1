"""The composition root: the only place that builds real adapters from Settings."""

from __future__ import annotations

from dataclasses import dataclass, field

from turnout.adapters.clock import ScaledClock, SystemClock
from turnout.adapters.routine_files import FileRoutineSource
from turnout.adapters.speech import make_speaker
from turnout.config import Settings, get_settings
from turnout.ports import Clock, RoutineSource, Speaker, UnitOfWork


@dataclass
class Container:
    """What the CLI and the web need. The database is opened (and migrated) on first use."""

    settings: Settings
    clock: Clock
    routines: RoutineSource
    _uow: UnitOfWork | None = field(default=None, repr=False)

    def uow(self) -> UnitOfWork:
        if self._uow is None:
            self._uow = open_log(self.settings.db_url)
        return self._uow

    def speaker(self, voice: bool | None = None) -> Speaker:
        wanted = self.settings.voice if voice is None else voice
        return make_speaker(wanted, self.settings.voice_rate)


def open_log(url: str) -> UnitOfWork:
    """Migrate the practice log to this version's schema and return a unit of work on it."""
    # Imported here so that commands that never touch the log start without SQLAlchemy.
    from turnout.adapters.db.engine import session_factory
    from turnout.adapters.db.schema import prepare_database
    from turnout.adapters.db.uow import SqlUnitOfWork

    return SqlUnitOfWork(session_factory(prepare_database(url)))


def build(settings: Settings | None = None, clock: Clock | None = None) -> Container:
    settings = settings or get_settings()
    if clock is None:
        clock = SystemClock() if settings.time_scale == 1 else ScaledClock(settings.time_scale)
    return Container(settings, clock, FileRoutineSource())
