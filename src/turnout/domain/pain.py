"""Pain checks and stop rules: which signs end an exercise for the day, and when to get help.

Ordinary muscle soreness is no reason to stop practising; sharp, pinching or catching pain,
clicking or locking with pain, numbness or tingling, or a joint giving way are. Pain that lasts
more than 48-72 hours, worsens session after session, or wakes the dancer at night is a reason
to see a professional. The app coaches; it never diagnoses.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from enum import StrEnum

from turnout.domain.safety import Region
from turnout.domain.validation import InvalidValueError, check_whole
from turnout.domain.values import frozen
from turnout.domain.words import N_

HOUR = 3600.0
LASTING_HOURS = 48  # the low end of 48-72 h: the app would rather advise a day early
WORSENING_CHECKS = 3
RECENT_HOURS = 7 * 24  # older signs are history, not a reason to act now


class Moment(StrEnum):
    BEFORE = "before"
    AFTER = "after"


@frozen
class PainCheck:
    """0-10 per region before or after a session; soreness only after."""

    moment: Moment
    taken_at: float
    scores: Mapping[Region, int]
    soreness: int | None = None
    wakes_at_night: bool = False
    session_id: str | None = None

    def __post_init__(self) -> None:
        for region in Region:
            check_whole(f"pain.{region.value}", self.scores.get(region, 0), 0, 10)
        # Every region present, so that two checks with the same answers compare equal.
        full = {region: self.scores.get(region, 0) for region in Region}
        object.__setattr__(self, "scores", full)
        if self.soreness is not None:
            check_whole("soreness", self.soreness, 0, 10)
        if self.soreness is not None and self.moment is Moment.BEFORE:
            template = N_("soreness is asked after the session; leave it out.")
            raise InvalidValueError("soreness", template)

    def score(self, region: Region) -> int:
        return self.scores.get(region, 0)

    @property
    def worst(self) -> int:
        return max((self.score(r) for r in Region), default=0)


class StopReason(StrEnum):
    SHARP_PAIN = "sharp_pain"
    CLICKING_WITH_PAIN = "clicking_with_pain"
    NUMBNESS = "numbness"
    GIVING_WAY = "giving_way"
    SORENESS = "soreness"
    OTHER = "other"


WARNING_SIGNS = frozenset(
    {
        StopReason.SHARP_PAIN,
        StopReason.CLICKING_WITH_PAIN,
        StopReason.NUMBNESS,
        StopReason.GIVING_WAY,
    }
)


@frozen
class StopDecision:
    """What pressing Stop for `reason` means: a warning sign ends the exercise for today."""

    reason: StopReason
    ends_exercise: bool


def stop_rule(reason: StopReason) -> StopDecision:
    """What pressing Stop for `reason` means for the exercise under way."""
    return StopDecision(reason, reason in WARNING_SIGNS)


@frozen
class StopEvent:
    session_id: str
    routine_key: str
    exercise_number: int
    exercise_key: str
    exercise_name: str
    reason: StopReason
    at: float

    @property
    def ended_exercise(self) -> bool:
        return self.reason in WARNING_SIGNS


class ReferralReason(StrEnum):
    WOKE_AT_NIGHT = "woke_at_night"
    LASTING = "lasting"  # pain at every check of a region for more than 48 hours
    WORSENING = "worsening"  # worse at each of the last checks before a session


@frozen
class Referral:
    """One reason to see a professional; `region` is None when it is not about one place."""

    reason: ReferralReason
    region: Region | None = None


def referral(checks: Sequence[PainCheck], now: float) -> tuple[Referral, ...]:
    """Reasons to see a professional, from the pain checks so far (oldest first)."""
    reasons: list[Referral] = []
    if any(c.wakes_at_night for c in checks if now - c.taken_at <= RECENT_HOURS * HOUR):
        reasons.append(Referral(ReferralReason.WOKE_AT_NIGHT))
    for region in Region:
        if _lasting(checks, region, now):
            reasons.append(Referral(ReferralReason.LASTING, region))
        elif _worsening(checks, region):
            reasons.append(Referral(ReferralReason.WORSENING, region))
    return tuple(reasons)


def _lasting(checks: Sequence[PainCheck], region: Region, now: float) -> bool:
    """Pain at every check of the region over at least 48 h, the latest within a week."""
    since: float | None = None
    for check in checks:
        since = (since or check.taken_at) if check.score(region) > 0 else None
    if since is None or now - checks[-1].taken_at > RECENT_HOURS * HOUR:
        return False
    return checks[-1].taken_at - since >= LASTING_HOURS * HOUR


def _worsening(checks: Sequence[PainCheck], region: Region) -> bool:
    before = [c.score(region) for c in checks if c.moment is Moment.BEFORE][-WORSENING_CHECKS:]
    rising = all(a < b for a, b in itertools.pairwise(before))
    return len(before) == WORSENING_CHECKS and rising
