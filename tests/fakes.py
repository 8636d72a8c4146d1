"""Test doubles for the ports: small, in-memory, honest."""

from __future__ import annotations

import gettext
from dataclasses import replace
from types import TracebackType
from typing import Self

from argon2 import PasswordHasher

from turnout.adapters.passwords import Argon2Hasher
from turnout.domain.corrections import Correction, HoldEntry, Target
from turnout.domain.form import Foot
from turnout.domain.geometry import Point
from turnout.domain.jobs import JobRequest, JobStatus, MeasureJob
from turnout.domain.log import Lease, LoggedHold, PracticeSession, SessionStatus
from turnout.domain.mat import MatView
from turnout.domain.measurement import Measurement
from turnout.domain.pain import PainCheck, StopEvent
from turnout.domain.plan import HoldRecord
from turnout.domain.pose import Pose
from turnout.domain.routine import Actor, Exercise, Routine, Side, Step, StepKind, expand_steps
from turnout.domain.safety import Profile


class FakeClock:
    """A clock that only moves when told to; sleeping moves it."""

    def __init__(self, start: float = 1_767_225_600.0) -> None:  # 2026-01-01 00:00 UTC
        self.time = start

    def now(self) -> float:
        return self.time

    def sleep(self, seconds: float) -> None:
        self.time += seconds

    def advance(self, seconds: float) -> float:
        self.time += seconds
        return self.time


class FakePracticeRepository:
    def __init__(self) -> None:
        self.saved_sessions: dict[str, PracticeSession] = {}
        self.saved_holds: list[LoggedHold] = []
        self.leases: dict[str, Lease] = {}
        self.runs: dict[str, tuple[str, int]] = {}

    def add_session(self, session: PracticeSession) -> None:
        self.saved_sessions[session.id] = session

    def get_session(self, session_id: str) -> PracticeSession | None:
        return self.saved_sessions.get(session_id)

    def update_session(self, session: PracticeSession) -> None:
        self.saved_sessions[session.id] = session

    def add_hold(self, session_id: str, record: HoldRecord) -> None:
        self.saved_holds.append(LoggedHold(session_id, record))

    def sessions(self, since: float | None = None) -> list[PracticeSession]:
        found = [s for s in self.saved_sessions.values() if since is None or s.started_at >= since]
        return sorted(found, key=lambda s: s.started_at)

    def holds(self, since: float | None = None) -> list[LoggedHold]:
        found = [h for h in self.saved_holds if since is None or h.record.started_at >= since]
        return sorted(found, key=lambda h: h.record.started_at)

    def session_holds(self, session_id: str) -> list[HoldRecord]:
        return [h.record for h in self.saved_holds if h.session_id == session_id]

    def hold_entries(
        self, session_ids: list[str] | None = None, include_deleted: bool = False
    ) -> list[HoldEntry]:
        """Holds numbered in the order they were logged (this fake never deletes one)."""
        numbered = [
            HoldEntry(i + 1, h.session_id, h.record) for i, h in enumerate(self.saved_holds)
        ]
        return [e for e in numbered if session_ids is None or e.session_id in session_ids]

    def latest_unfinished(self) -> PracticeSession | None:
        active = self.unfinished(1)
        return active[0] if active else None

    def unfinished(self, limit: int) -> list[PracticeSession]:
        active = [s for s in self.sessions() if s.status is SessionStatus.ACTIVE]
        return active[::-1][:limit]

    def lease(self, session_id: str) -> Lease | None:
        return self.leases.get(session_id)

    def claim(
        self, session_id: str, lease: Lease, now: float, replacing: str | None = None
    ) -> bool:
        session, held = self.saved_sessions.get(session_id), self.leases.get(session_id)
        if session is None or session.status is not SessionStatus.ACTIVE:
            return False
        free = held is None or held.owner in (lease.owner, replacing) or held.until < now
        if free:
            self.leases[session_id] = lease
        return free

    def renew(self, session_id: str, lease: Lease) -> bool:
        held = self.leases.get(session_id)
        if held is None or held.owner != lease.owner:
            return False
        self.leases[session_id] = lease
        return True

    def release(self, session_id: str, owner: str) -> None:
        held = self.leases.get(session_id)
        if held is not None and held.owner == owner:
            del self.leases[session_id]

    def run(self, session_id: str) -> tuple[str, int] | None:
        return self.runs.get(session_id)

    def save_run(self, session_id: str, run: str, version: int, lease: Lease | None = None) -> bool:
        if session_id not in self.saved_sessions:
            return False
        if self.runs.get(session_id, ("", 0))[1] != version:
            return False
        if lease is not None and not self.renew(session_id, lease):
            return False
        self.runs[session_id] = (run, version + 1)
        return True


class FakeUnitOfWork:
    """Keeps what was committed; work not committed before the block ends is thrown away."""

    def __init__(self) -> None:
        self.committed = FakePracticeRepository()
        self.practice = FakePracticeRepository()
        self.committed_safety, self.safety = FakeSafetyRepository(), FakeSafetyRepository()
        self.committed_measurements = FakeMeasurementRepository()
        self.measurements = FakeMeasurementRepository()
        self.log = FakeLogRepository()
        self.commits = 0

    def writing(self) -> Self:
        return self

    def __enter__(self) -> Self:
        self.rollback()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.rollback()

    def commit(self) -> None:
        self.committed = _copy(self.practice)
        self.committed_safety = self.safety.copy()
        self.committed_measurements = self.measurements.copy()
        self.commits += 1

    def rollback(self) -> None:
        self.practice = _copy(self.committed)
        self.safety = self.committed_safety.copy()
        self.measurements = self.committed_measurements.copy()


class FakeLogRepository:
    """The record of corrections only (the other log-wide operations are tested on SQL)."""

    def __init__(self) -> None:
        self.kept: list[Correction] = []

    def add_correction(self, correction: Correction) -> None:
        self.kept.append(correction)

    def corrections(self, target: Target | None = None) -> list[Correction]:
        return [c for c in self.kept if target is None or c.target is target]


def logged_sessions(uow: FakeUnitOfWork, *session_ids: str) -> FakeUnitOfWork:
    """`uow` with these sessions already in its committed log, for records that name one."""
    for session_id in session_ids:
        session = PracticeSession(session_id, "tiny", "Tiny", (1,), 0.0, 1, 10)
        uow.committed.saved_sessions[session_id] = session
    uow.rollback()
    return uow


def _copy(repo: FakePracticeRepository) -> FakePracticeRepository:
    copy = FakePracticeRepository()
    copy.saved_sessions = {k: replace(v) for k, v in repo.saved_sessions.items()}
    copy.saved_holds = list(repo.saved_holds)
    copy.leases = dict(repo.leases)
    copy.runs = dict(repo.runs)
    return copy


def tiny_routine() -> Routine:
    """Two exercises: setup, two 10 s holds per side with a switch; then a partner hold."""
    first = Exercise(
        number=1,
        key="press",
        name="Press",
        summary="A small test exercise.",
        repetitions=2,
        steps=expand_steps(
            setup=[Step(StepKind.SETUP, "Sit", "Sit down.")],
            cycle=[
                Step(StepKind.HOLD, "Left {rep}", "Press left.", 10, side=Side.LEFT),
                Step(StepKind.SWITCH_SIDE, "Switch", "Change sides.", 3),
                Step(StepKind.HOLD, "Right {rep}", "Press right.", 10, side=Side.RIGHT),
            ],
            between=[Step(StepKind.REST, "Rest", "Rest a moment.", 5)],
            repetitions=2,
        ),
    )
    second = Exercise(
        number=2,
        key="long",
        name="Long hold",
        summary="A long partner hold with check-ins.",
        equipment=("partner",),
        steps=(
            Step(StepKind.SETUP, "Lie down", "Lie on your back."),
            Step(
                StepKind.HOLD,
                "Push",
                "Relax.",
                600,
                side=Side.BOTH,
                actor=Actor.PARTNER,
                partner_cue="Push gently.",
                check_in_every=180,
            ),
            Step(StepKind.RELEASE, "Release", "Let go.", 10),
        ),
    )
    return Routine("tiny", "Tiny routine", "For tests.", (first, second))


# --- Measuring with a camera -------------------------------------------------------------


class FakeFrame:
    """A frame the fake vision adapters never look into: its size (a phone photo's), and
    which frame of a video it is."""

    shape = (1080, 1920, 3)

    def __init__(self, index: int = 0) -> None:
        self.index = index


class FakePoseEstimator:
    """Returns the poses it was given, one list per call in turn (the last one repeats)."""

    def __init__(self, *per_frame: list[Pose], people: int = 1) -> None:
        self.per_frame = list(per_frame)
        self.people = people
        self.calls = 0
        self.closed = False

    def estimate(self, frame: object) -> list[Pose]:
        poses = self.per_frame[min(self.calls, len(self.per_frame) - 1)]
        self.calls += 1
        return poses

    def count_people(self, frame: object) -> int:
        return self.people

    def close(self) -> None:
        self.closed = True


class FakeMatDetector:
    """Sees the mat through a fixed homography, or not at all, or raises what it is told to."""

    def __init__(self, view: MatView | None = None, error: Exception | None = None) -> None:
        self.view, self.error = view, error

    def detect(self, frame: object) -> MatView | None:
        if self.error is not None:
            raise self.error
        return self.view


class FakeFootFinder:
    def __init__(self, left: Foot | None = None, right: Foot | None = None) -> None:
        self.feet = (left, right)
        self.heels: list[tuple[Point, Point] | None] = []

    def find(
        self, frame: object, mat: MatView, heels: tuple[Point, Point] | None
    ) -> tuple[Foot | None, Foot | None]:
        self.heels.append(heels)
        return self.feet


# --- Safety and progress -----------------------------------------------------------------


class FakeSafetyRepository:
    def __init__(self) -> None:
        self.profile: Profile | None = None
        self.checks: list[PainCheck] = []
        self.stop_events: list[StopEvent] = []

    def copy(self) -> FakeSafetyRepository:
        twin = FakeSafetyRepository()
        twin.profile, twin.checks, twin.stop_events = (
            self.profile,
            list(self.checks),
            list(self.stop_events),
        )
        return twin

    def get_profile(self) -> Profile | None:
        return self.profile

    def save_profile(self, profile: Profile) -> None:
        self.profile = profile

    def add_pain_check(self, check: PainCheck) -> None:
        self.checks.append(check)

    def pain_checks(self, since: float | None = None) -> list[PainCheck]:
        found = [c for c in self.checks if since is None or c.taken_at >= since]
        return sorted(found, key=lambda c: c.taken_at)

    def add_stop(self, stop: StopEvent) -> None:
        self.stop_events.append(stop)

    def stops(self, since: float | None = None) -> list[StopEvent]:
        found = [s for s in self.stop_events if since is None or s.at >= since]
        return sorted(found, key=lambda s: s.at)


class FakeMeasurementRepository:
    def __init__(self) -> None:
        self.readings: list[Measurement] = []

    def copy(self) -> FakeMeasurementRepository:
        twin = FakeMeasurementRepository()
        twin.readings = list(self.readings)
        return twin

    def add(self, reading: Measurement) -> int:
        self.readings.append(replace(reading, id=len(self.readings) + 1))
        return len(self.readings)

    def all(self) -> list[Measurement]:
        return sorted(self.readings, key=lambda r: (r.taken_on, r.id or 0))


def cheap_hasher() -> Argon2Hasher:
    """Argon2id at its lowest cost: the same code path, a thousandth of the time."""
    return Argon2Hasher(PasswordHasher(time_cost=1, memory_cost=8, parallelism=1))


class FakeMeasureJobStore:
    """Jobs and their uploads in dictionaries, each call as the SQL store does it."""

    def __init__(self) -> None:
        self.jobs: dict[int, MeasureJob] = {}
        self.uploads: dict[int, bytes] = {}
        self.finished_at: dict[int, float] = {}

    def add(self, dancer: int, request: JobRequest, data: bytes, now: float) -> int:
        job_id = len(self.jobs) + 1
        self.jobs[job_id] = MeasureJob(job_id, dancer, request, JobStatus.QUEUED, now)
        self.uploads[job_id] = data
        return job_id

    def job(self, job_id: int, dancer: int | None = None) -> MeasureJob | None:
        found = self.jobs.get(job_id)
        return found if found and dancer in (None, found.dancer) else None

    def start(self, job_id: int, now: float) -> tuple[MeasureJob, bytes] | None:
        job = self.jobs.get(job_id)
        if job is None or job.finished or job_id not in self.uploads:
            return None
        job = self.jobs[job_id] = replace(
            job, status=JobStatus.RUNNING, started_at=now, attempts=job.attempts + 1, done=0
        )
        return job, self.uploads[job_id]

    def progress(self, job_id: int, done: int, total: int | None) -> None:
        self.jobs[job_id] = replace(self.jobs[job_id], done=done, total=total)

    def finish(self, job_id: int, result: dict[str, object], now: float) -> None:
        self._end(job_id, now, status=JobStatus.DONE, result=result)

    def fail(self, job_id: int, message: str, now: float) -> bool:
        return self._end(job_id, now, status=JobStatus.FAILED, message=message)

    def requeue(self, job_id: int) -> None:
        self.jobs[job_id] = replace(self.jobs[job_id], status=JobStatus.QUEUED)

    def expire(self, queued_before: float, running_before: float, message: str, now: float) -> int:
        stale = [
            job.id
            for job in self.jobs.values()
            if (job.status is JobStatus.QUEUED and job.created_at < queued_before)
            or (job.status is JobStatus.RUNNING and (job.started_at or now) < running_before)
        ]
        return sum(self.fail(job_id, message, now) for job_id in stale)

    def forget(self, finished_before: float) -> int:
        old = [i for i, at in self.finished_at.items() if at < finished_before]
        for job_id in old:
            del self.jobs[job_id], self.finished_at[job_id]
        return len(old)

    def claim_save(self, job_id: int) -> bool:
        job = self.jobs[job_id]
        if job.status is not JobStatus.DONE or not job.request.save or job.saved is not None:
            return False
        self.jobs[job_id] = replace(job, saved="")
        return True

    def set_saved(self, job_id: int, saved: str) -> None:
        self.jobs[job_id] = replace(self.jobs[job_id], saved=saved)

    def _end(self, job_id: int, now: float, **values: object) -> bool:
        self.uploads.pop(job_id, None)
        job = self.jobs[job_id]
        if job.finished:
            return False
        self.jobs[job_id] = replace(job, **values)  # type: ignore[arg-type]
        self.finished_at[job_id] = now
        return True


class FakeJobQueue:
    """Takes every job; the test runs them when it likes."""

    def __init__(self) -> None:
        self.started: list[int] = []

    def reserve(self) -> FakeJobQueue:
        return self

    def start(self, job_id: int) -> None:
        self.started.append(job_id)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        return None


OPEN, CLOSE = "\u27e6", "\u27e7"


class PseudoTranslations(gettext.NullTranslations):
    """A pseudo-language: every message is its English in ⟦brackets⟧, so a word shown outside
    them was never looked up in the catalogue."""

    def gettext(self, message: str) -> str:
        return f"{OPEN}{message}{CLOSE}"

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return f"{OPEN}{singular if n == 1 else plural}{CLOSE}"

    def pgettext(self, context: str, message: str) -> str:
        return self.gettext(message)

    def npgettext(self, context: str, singular: str, plural: str, n: int) -> str:
        return self.ngettext(singular, plural, n)
