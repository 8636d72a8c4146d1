"""The edges of the application, as Protocols. Adapters implement them; services use them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from types import TracebackType
from typing import Any, Protocol, Self

from turnout.domain.corrections import Correction, HoldEntry, PainCheckEntry, Target
from turnout.domain.devices import PairedDevice
from turnout.domain.form import Foot
from turnout.domain.geometry import Point
from turnout.domain.log import Lease, LoggedHold, PracticeSession
from turnout.domain.mat import MatView
from turnout.domain.measurement import Measurement
from turnout.domain.pain import PainCheck, StopEvent
from turnout.domain.plan import HoldRecord, HoldStatus
from turnout.domain.pose import Pose
from turnout.domain.routine import Routine
from turnout.domain.safety import Profile


class Clock(Protocol):
    def now(self) -> float:
        """Seconds since the Unix epoch."""

    def sleep(self, seconds: float) -> None: ...


class RoutineSource(Protocol):
    def names(self) -> list[str]:
        """The built-in routines, by key."""

    def load(self, name_or_path: str) -> Routine:
        """A built-in routine by key, or a routine file by path. Raises RoutineError."""


class PracticeRepository(Protocol):
    def add_session(self, session: PracticeSession) -> None: ...

    def get_session(self, session_id: str) -> PracticeSession | None: ...

    def update_session(self, session: PracticeSession) -> None: ...

    def add_hold(self, session_id: str, record: HoldRecord) -> None: ...

    def sessions(self, since: float | None = None) -> list[PracticeSession]:
        """Sessions started at or after `since`, oldest first."""

    def holds(self, since: float | None = None) -> list[LoggedHold]:
        """Holds started at or after `since`, oldest first."""

    def session_holds(self, session_id: str) -> list[HoldRecord]:
        """One session's holds in order, deleted or not (the live session counts on them)."""

    def recent_sessions(self, limit: int, offset: int = 0) -> list[PracticeSession]:
        """Sessions not deleted, newest first: `limit` of them after skipping `offset`."""
        ...

    def count_sessions(self) -> int: ...

    def hold_entries(
        self, session_ids: list[str] | None = None, include_deleted: bool = False
    ) -> list[HoldEntry]: ...

    def set_hold_status(self, hold_id: int, status: HoldStatus) -> HoldStatus | None:
        """Correct a hold's status; the status it had, None if there is no such hold."""

    def latest_unfinished(self) -> PracticeSession | None:
        """The most recent session still marked active (a crash or a kill left it open)."""
        ...

    def unfinished(self, limit: int) -> list[PracticeSession]:
        """The `limit` most recent sessions still marked active, newest first."""
        ...

    # One owner per live session: the process running it holds a lease, renewed while it runs.
    def lease(self, session_id: str) -> Lease | None:
        """Who runs the session and until when; None if nobody holds it."""
        ...

    def claim(
        self, session_id: str, lease: Lease, now: float, replacing: str | None = None
    ) -> bool:
        """Give an active session to `lease`'s owner if it is free at `now`: nobody's, already
        that owner's, its lease over, or held by `replacing` (an owner known to be gone).
        False, changing nothing, otherwise."""
        ...

    def renew(self, session_id: str, lease: Lease) -> bool:
        """Extend the lease its owner holds; False if the session is no longer that owner's."""
        ...

    def release(self, session_id: str, owner: str) -> None:
        """Clear `owner`'s lease on the session, if it still holds it."""
        ...

    # A web session's run (services/run_state.py), versioned so two processes never both write.
    def run(self, session_id: str) -> tuple[str, int] | None:
        """The run last written and its version, read afresh; None if it has none."""
        ...

    def save_run(self, session_id: str, run: str, version: int, lease: Lease | None = None) -> bool:
        """Write the run as version `version` + 1 if the log still has `version` (0: none
        yet), and with a `lease`, renew it if its owner still holds it, in one statement;
        False, changing nothing, if another write came first or the lease is another's."""
        ...


class FreeSessions(Protocol):
    """Across all dancers: the web sessions of a studio's log that nobody runs any more, and
    the versions of the runs one server holds."""

    def versions(self, owner: str) -> dict[str, int]:
        """The run version of every active session `owner` holds the lease on, in one read."""
        ...

    def take(
        self,
        lease: Lease,
        now: float,
        free: Callable[[Lease | None], bool],
        host: str,
        limit: int,
    ) -> list[tuple[int, str]]:
        """Give `lease` every active web session with a run whose lease `free` says is free,
        looking at those whose lease is empty, lapsed at `now`, or held on `host` (its process
        may be gone); rows another server is looking at are skipped. (dancer, session id)."""
        ...


class LogRepository(Protocol):
    """The log as a whole: deletion marks, corrections, erasing, and backups."""

    def mark_deleted(self, target: Target, target_id: str, at: float | None) -> bool | None:
        """Mark an entry deleted at `at`, or clear the mark (None). None if there is no such
        entry; otherwise whether the mark changed."""
        ...

    def is_deleted(self, target: Target, target_id: str) -> bool | None: ...

    def add_correction(self, correction: Correction) -> None: ...

    def corrections(self, target: Target | None = None) -> list[Correction]: ...

    def is_empty(self) -> bool: ...

    def erase_all(self) -> dict[str, int]: ...  # for good; how many rows left each table

    def dump(self) -> dict[str, list[dict[str, Any]]]:
        """Every row of every table as JSON-ready values, deleted ones with their mark."""
        ...

    def load(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        """Insert a dump's rows into an empty log. Raises InputError on a bad value."""
        ...


class UnitOfWork(Protocol):
    practice: PracticeRepository
    safety: SafetyRepository
    measurements: MeasurementRepository
    log: LogRepository

    def writing(self) -> Self:
        """`with uow.writing():` for a block that writes: it holds the write lock throughout."""
        ...

    def __enter__(self) -> Self: ...

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        """Roll back whatever was not committed."""
        ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...


class Speaker(Protocol):
    def say(self, text: str) -> None:
        """Speak without blocking; a newer cue may cut an older one short."""
        ...

    def beep(self, remaining: int) -> None:
        """Mark one of the last seconds of a countdown."""
        ...


# --- Measuring with a camera -------------------------------------------------------------


class Frame(Protocol):
    """An image as the adapters hold it (a numpy array, height x width x 3, BGR)."""

    @property
    def shape(self) -> tuple[int, ...]: ...


class MediaSource(Protocol):
    """A photo or a video, read frame by frame."""

    @property
    def is_video(self) -> bool: ...

    @property
    def expected_frames(self) -> int | None: ...  # as the file says (a photo: 1); None: unknown

    def frames(self) -> Iterator[Frame]: ...


class PoseEstimator(Protocol):
    def estimate(self, frame: Frame) -> list[Pose]:
        """The people found, most prominent first; empty when there is nobody."""
        ...

    def count_people(self, frame: Frame) -> int:
        """A separate, cheap count of the people in a still (the pose model finds only one)."""
        ...

    def close(self) -> None: ...


class MatDetector(Protocol):
    def detect(self, frame: Frame) -> MatView | None:
        """None when no marker is in view; raises MatError when the mat cannot be trusted."""
        ...


class FootFinder(Protocol):
    def find(
        self, frame: Frame, mat: MatView, heels: tuple[Point, Point] | None
    ) -> tuple[Foot | None, Foot | None]:
        """The (left, right) feet in floor millimetres, from their outlines on the mat.

        `heels` are floor points near each heel (from the pose model) when known.
        """
        ...


# --- Safety and progress ---------------------------------------------------------------


class SafetyRepository(Protocol):
    def get_profile(self) -> Profile | None: ...

    def save_profile(self, profile: Profile) -> None:
        """Create or replace the dancer's screening profile (there is one dancer per log)."""
        ...

    def add_pain_check(self, check: PainCheck) -> None: ...

    def pain_checks(self, since: float | None = None) -> list[PainCheck]:
        """Checks taken at or after `since`, oldest first, leaving out deleted ones."""
        ...

    def pain_check_entries(self) -> list[PainCheckEntry]: ...

    def add_stop(self, stop: StopEvent) -> None: ...

    def stops(self, since: float | None = None) -> list[StopEvent]:
        """Stops pressed at or after `since`, oldest first."""
        ...


class MeasurementRepository(Protocol):
    def add(self, reading: Measurement) -> int: ...  # the reading's id in the log

    def all(self) -> list[Measurement]:
        """Every reading not deleted, oldest first, each with its id."""
        ...


class DeviceStore(Protocol):
    """The devices paired with a personal server, kept beside the log."""

    def load(self) -> list[PairedDevice]: ...

    def save(self, devices: list[PairedDevice]) -> None: ...


# The studio's edges live in ports/studio.py; named here so `from turnout.ports import` finds
# every port.
from turnout.ports.studio import (  # noqa: E402
    AccountStore,
    ClassStore,
    PasswordHasher,
    RoutineLibrary,
)

__all__ = ["AccountStore", "ClassStore", "PasswordHasher", "RoutineLibrary"]
