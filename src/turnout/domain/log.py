"""The practice log as the domain sees it: sessions and the holds logged in them."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from turnout.domain.plan import HoldRecord


class SessionStatus(StrEnum):
    ACTIVE = "active"
    FINISHED = "finished"
    ABORTED = "aborted"


@dataclass(frozen=True)
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


@dataclass(frozen=True)
class LoggedHold:
    session_id: str
    record: HoldRecord
