"""The log is the dancer's: what in it can be deleted or corrected, and how a change is kept.

Nothing is erased by a correction. A deleted entry is marked with when it was deleted (and can
be brought back); a corrected hold status keeps the status it replaced in a correction record.
Only "delete all my data" empties the log for good.
"""

from __future__ import annotations

from enum import StrEnum

from turnout.domain.outcome import Outcome, outcome
from turnout.domain.pain import PainCheck
from turnout.domain.plan import HoldRecord
from turnout.domain.values import frozen


class Target(StrEnum):
    """The kinds of log entry a dancer can delete or correct."""

    SESSION = "session"
    HOLD = "hold"
    MEASUREMENT = "measurement"
    PAIN_CHECK = "pain_check"


class Action(StrEnum):
    DELETED = "deleted"
    RESTORED = "restored"
    STATUS = "status"  # a hold's status corrected


@frozen
class Correction:
    """One change the dancer made to the log: what, when, and the value before and after."""

    target: Target
    target_id: str
    action: Action
    at: float
    before: str = ""
    after: str = ""


@frozen
class HoldEntry:
    """A logged hold with its id in the log, and when it was deleted (its own deletion or its
    session's), if it was."""

    id: int
    session_id: str
    record: HoldRecord
    deleted_at: float | None = None

    @property
    def outcome(self) -> Outcome:
        return outcome(self.record)


@frozen
class PainCheckEntry:
    id: int
    check: PainCheck
