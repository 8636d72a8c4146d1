"""The practice log as the domain sees it: sessions and the holds logged in them."""

from __future__ import annotations

from enum import StrEnum

from turnout.domain.plan import HoldRecord
from turnout.domain.values import frozen


class SessionStatus(StrEnum):
    ACTIVE = "active"
    FINISHED = "finished"
    ABORTED = "aborted"


@frozen
class PracticeSession:
    """A practice session as planned; `status` stays ACTIVE if the process died mid-way."""

    id: str
    routine_key: str
    routine_name: str
    exercise_numbers: tuple[int, ...]
    started_at: float
    planned_holds: int
    planned_seconds: int
    status: SessionStatus = SessionStatus.ACTIVE
    ended_at: float | None = None


@frozen
class LoggedHold:
    session_id: str
    record: HoldRecord


class OwnerKind(StrEnum):
    """What kind of process runs a live session."""

    WEB = "web"
    CLI = "cli"


@frozen
class Lease:
    """A process's claim on a live session until `until` (wall-clock epoch seconds), unless its
    owner renews it. `owner` names one run of one process: "<random token> <pid>@<host>"."""

    owner: str
    kind: OwnerKind
    until: float

    def lapsed(self, now: float) -> bool:
        return now >= self.until
