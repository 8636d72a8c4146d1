"""A studio's classes: who teaches, who joined with the class's code, what each dancer shares
with the teachers, a guardian's consent for a minor, and the red flags a teacher should see.

What a teacher sees of a dancer is the dancer's choice (`Share`); for a dancer under the
studio's consent age it is nothing until a guardian has agreed, and their health answers
(screening, pain checks) are not kept until then either.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from enum import StrEnum

from turnout.domain.accounts import Account
from turnout.domain.compensation import Compensated, Flag
from turnout.domain.pain import PainCheck, StopEvent, referral
from turnout.domain.values import frozen

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
CODE_LENGTH = 8
CONSENT_VERSION = "2026-12"  # the wording a guardian agreed to; recorded with each consent
MISSED_DAYS = 7  # no practice for this long is a flag (the routine is daily)
FLAG_DAYS = 14  # stops and referrals older than this no longer raise a flag
DAY = 86_400.0
_CODE = re.compile(f"[{CODE_ALPHABET}]{{{CODE_LENGTH}}}")


@frozen
class Share:
    """What one dancer lets the teachers of one class see."""

    practice: bool = True  # sessions and holds
    measurements: bool = True  # turnout readings with their error bands
    flags: bool = True  # safety flags: stops for a warning sign, pain to refer, forced turnout


NOTHING = Share(False, False, False)


@frozen
class DanceClass:
    id: int
    name: str
    code: str
    routine_key: str
    teachers: tuple[int, ...]  # account ids; the first created the class
    created_at: float


@frozen
class Member:
    class_id: int
    account_id: int
    share: Share
    joined_at: float
    routine_key: str | None = None  # the teacher's routine for this dancer, if not the class's


@frozen
class Assignment:
    """The routine a dancer's teacher set: the class's, or the dancer's own override."""

    routine_key: str
    class_id: int
    class_name: str


def assignment(classes: Sequence[DanceClass], members: Sequence[Member]) -> Assignment | None:
    """The routine of the class the dancer joined last (an override for the dancer first)."""
    by_id = {c.id: c for c in classes}
    for member in sorted(members, key=lambda m: -m.joined_at):
        found = by_id.get(member.class_id)
        if found is not None:
            return Assignment(member.routine_key or found.routine_key, found.id, found.name)
    return None


@frozen
class Consent:
    """A guardian's answer for a minor, as given at `at`; the latest one counts."""

    dancer_id: int  # the minor's account id
    guardian_id: int
    health: bool  # keep screening answers and pain checks
    sharing: bool  # let the teachers see what the dancer shares
    version: str
    at: float


@frozen
class Note:
    """A teacher's private note about a dancer of a class."""

    class_id: int
    dancer_id: int
    teacher_id: int
    text: str
    at: float


def normal_code(text: str) -> str | None:
    """A join code as typed (any case, spaces or dashes) in its stored form; None if not one."""
    code = re.sub(r"[\s-]", "", text).upper()
    return code if _CODE.fullmatch(code) else None


def is_minor(account: Account, day: date, consent_age: int) -> bool:
    """Under the studio's age of consent on `day`; an account without a birth date is not."""
    age = account.age_on(day)
    return age is not None and age < consent_age


def first_share(minor: bool) -> Share:
    """What a dancer shares on joining: everything for an adult, nothing for a minor."""
    return NOTHING if minor else Share()


def shown(share: Share, minor: bool, consent: Consent | None) -> Share:
    """What the teachers see: the dancer's choice, and for a minor only once a guardian agreed
    to sharing (and to keeping health data, for the flags)."""
    if not minor:
        return share
    if consent is None or not consent.sharing:
        return NOTHING
    return Share(share.practice, share.measurements, share.flags and consent.health)


def keeps_health(minor: bool, consent: Consent | None) -> bool:
    """Whether screening answers and pain checks may be stored for this dancer."""
    return not minor or (consent is not None and consent.health)


class FlagKind(StrEnum):
    WARNING_STOP = "warning_stop"  # stopped for a warning sign
    SEE_SOMEONE = "see_someone"  # pain that the checks say to see a professional about
    FORCED_TURNOUT = "forced_turnout"  # compensated turnout in the red band
    MISSED = "missed"  # no practice for MISSED_DAYS


@frozen
class RedFlag:
    kind: FlagKind
    at: float  # when it was raised (the stop, the check, the reading, the last practice)
    detail: str  # a code: the stop reason, the referral reason and region, the value


def red_flags(
    stops: Sequence[StopEvent],
    checks: Sequence[PainCheck],
    forced: Compensated | None,
    last_practice: float | None,
    joined_at: float,
    now: float,
) -> tuple[RedFlag, ...]:
    """The flags of one dancer, newest first; each input oldest first."""
    since = now - FLAG_DAYS * DAY
    found = [
        RedFlag(FlagKind.WARNING_STOP, s.at, s.reason.value)
        for s in stops
        if s.ended_exercise and s.at >= since
    ]
    recent = [c for c in checks if c.taken_at >= since]
    if recent:
        for reason in referral(checks, now):
            where = f"{reason.reason.value}:{reason.region.value if reason.region else ''}"
            found.append(RedFlag(FlagKind.SEE_SOMEONE, recent[-1].taken_at, where))
    if forced is not None and forced.flag is Flag.RED:
        at = forced.standing.taken_on
        found.append(RedFlag(FlagKind.FORCED_TURNOUT, _day_start(at), f"{forced.value:.1f}"))
    quiet_since = last_practice if last_practice is not None else joined_at
    if now - quiet_since >= MISSED_DAYS * DAY:
        found.append(RedFlag(FlagKind.MISSED, quiet_since, f"{int((now - quiet_since) // DAY)}"))
    return tuple(sorted(found, key=lambda f: -f.at))


def _day_start(day: date) -> float:
    return datetime.combine(day, time(0), UTC).timestamp()
