"""How long a sign-in must wait after failed tries: slowed first, then locked for a while.

Counted separately per account (someone guessing one dancer's password) and per network
address (someone trying many accounts); a studio's dancers share an address, so it allows more.
Tries refused while waiting are not failures: they would let a guesser keep an account locked
forever, and they never reached the password.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from turnout.domain.values import frozen

WINDOW_SECONDS = 15 * 60  # failures older than this, or before a success, are forgotten
LOCK_SECONDS = 15 * 60
MAX_PAUSE = 60.0


@frozen
class Throttle:
    free: int  # failures that cost nothing
    lock_after: int  # failures that lock for LOCK_SECONDS

    def next_try_at(self, failures: Sequence[float]) -> float:
        """When the next try may be checked, given the times of the failures that count
        (oldest first); 0 when at once."""
        count = len(failures)
        if count < self.free:
            return 0.0
        last = max(failures)
        if count >= self.lock_after:
            return last + LOCK_SECONDS
        return last + min(MAX_PAUSE, 2.0 ** (count - self.free))


PER_ACCOUNT = Throttle(free=3, lock_after=10)
PER_ADDRESS = Throttle(free=10, lock_after=50)


def counted(failures: Sequence[float], last_success: float | None, now: float) -> list[float]:
    """The failures that count at `now`: within the window and after the last success."""
    since = max(now - WINDOW_SECONDS, last_success or 0.0)
    return sorted(at for at in failures if at > since)


class Outcome(StrEnum):
    SIGNED_IN = "signed_in"
    WRONG = "wrong"  # no such account, or not its password: the two are never told apart
    WAITING = "waiting"  # refused unchecked: too many failures, see Throttle
    DISABLED = "disabled"


@frozen
class Attempt:
    """One try at signing in, as the audit shows it."""

    email: str
    account_id: int | None
    address: str
    at: float
    outcome: Outcome


@frozen
class SignedIn:
    """A signed-in browser: its cookie's secret is known only as `token_hash`."""

    id: int
    account_id: int
    token_hash: str
    created_at: float
    last_seen_at: float
    expires_at: float
    address: str
    agent: str
    revoked_at: float | None = None

    def alive(self, now: float) -> bool:
        return self.revoked_at is None and now < self.expires_at
