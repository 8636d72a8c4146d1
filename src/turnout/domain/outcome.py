"""What a session's holds came to, and why it ended: the numbers an honest summary is made of.

A hold logged as skipped after some time held was cut short; one skipped before it began (in
its get-ready countdown, or left out with the rest of an exercise) was skipped. A hold done
again after "back" counts once, as its last record says; the time held counts every try.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

from turnout.domain.plan import HoldRecord, HoldStatus, Plan
from turnout.domain.state import Phase
from turnout.domain.values import frozen

# Less than this held is no hold at all: a tap on Skip just after the countdown ended.
HELD_AT_LEAST = 0.5


@frozen
class HoldTally:
    done: int = 0
    cut_short: int = 0
    skipped: int = 0
    seconds_held: float = 0.0


class Outcome(StrEnum):
    """How a hold ended, as the dancer reads it: a skipped hold that ran for a while was cut
    short; one that never started was skipped. Neither is ever counted as done."""

    COMPLETED = "completed"
    CUT_SHORT = "cut_short"
    SKIPPED = "skipped"


class Ending(StrEnum):
    FINISHED = "finished"
    ENDED_EARLY = "ended_early"
    WARNING_SIGN = "warning_sign"


def outcome(record: HoldRecord) -> Outcome:
    """How one logged hold ended, as the dancer reads it."""
    if record.status is HoldStatus.COMPLETED:
        return Outcome.COMPLETED
    return Outcome.CUT_SHORT if _held(record) else Outcome.SKIPPED


def tally(holds: Iterable[HoldRecord]) -> HoldTally:
    """Holds done, cut short and skipped (each position once, as last logged), and time held."""
    records = list(holds)
    ends = [outcome(r) for r in {record.position: record for record in records}.values()]
    seconds = sum(r.actual_seconds for r in records if _held(r))
    done, cut = ends.count(Outcome.COMPLETED), ends.count(Outcome.CUT_SHORT)
    return HoldTally(done, cut, ends.count(Outcome.SKIPPED), round(seconds, 1))


def _held(record: HoldRecord) -> bool:
    return record.actual_seconds >= HELD_AT_LEAST


def ending(phase: Phase, plan: Plan, ended_by_warning_sign: Iterable[int]) -> Ending | None:
    """Why a session is over (None while it is not). `ended_by_warning_sign` are the numbers of
    the exercises a warning sign ended in it: when the last one is among them, that stop is
    what ended the session, since a warning sign leaves out the rest of its exercise."""
    if phase is Phase.ABORTED:
        return Ending.ENDED_EARLY
    if phase is not Phase.FINISHED:
        return None
    last = plan.items[-1].exercise.number if plan.items else None
    return Ending.WARNING_SIGN if last in set(ended_by_warning_sign) else Ending.FINISHED
