"""Signing in to a studio log, the signed-in browsers an account has, and the audit of tries.

A wrong email and a wrong password get the same answer after the same work (a hash is checked
either way), so the sign-in form cannot be used to learn who has an account.
"""

from __future__ import annotations

import math
import secrets
from collections.abc import Callable

from turnout.domain.accounts import MAX_PASSWORD, Account, Role, normal_email
from turnout.domain.sign_in import (
    PER_ACCOUNT,
    PER_ADDRESS,
    WINDOW_SECONDS,
    Attempt,
    Outcome,
    SignedIn,
    counted,
)
from turnout.errors import ForbiddenError, NotFoundError, SignInError, WaitError
from turnout.i18n import N_, _
from turnout.ports import AccountStore, PasswordHasher
from turnout.services.accounts import token_digest

SESSION_SECONDS = 30 * 24 * 3600  # a browser stays signed in for 30 days
TOUCH_SECONDS = 300  # how stale "last seen" may get, so each request need not write
WRONG = N_("That email and password do not match an account here. Check both and try again.")
DISABLED = N_("This account is switched off. Ask the studio's admin.")


class SignIns:
    def __init__(
        self, store: AccountStore, hasher: PasswordHasher, clock: Callable[[], float]
    ) -> None:
        self.store, self.hasher, self.clock = store, hasher, clock
        self._decoy = hasher.hash(secrets.token_urlsafe(16))

    def sign_in(self, email: str, password: str, address: str, agent: str) -> tuple[str, Account]:
        """A new session's secret (for the cookie) and its account. Raises SignInError, or
        WaitError after too many failures for this account or from this address."""
        now, wanted = self.clock(), normal_email(email) or email.strip().lower()[:254]
        self._wait(wanted, address, now)
        found = self.store.with_password(wanted) if len(password) <= MAX_PASSWORD else None
        matches = self.hasher.verify(found[1] if found else self._decoy, password[:MAX_PASSWORD])
        account = found[0] if found else None
        outcome = _outcome(account, matches and found is not None)
        self.store.record(Attempt(wanted, account.id if account else None, address, now, outcome))
        if account is None or outcome is not Outcome.SIGNED_IN:
            raise SignInError(_(DISABLED if outcome is Outcome.DISABLED else WRONG))
        if found and self.hasher.needs_rehash(found[1]):
            self.store.set_password(account.id, self.hasher.hash(password))
        return self._open(account, address, agent, now), account

    def account_for(self, secret: str) -> tuple[Account, SignedIn] | None:
        """Whose browser this cookie's secret is, while its session is alive."""
        now = self.clock()
        found = self.store.signed_in(token_digest(secret)) if secret else None
        if found is None:
            return None
        session, account = found
        if not session.alive(now) or account.disabled_at is not None:
            return None
        if now - session.last_seen_at > TOUCH_SECONDS:
            self.store.touch(session.id, now)
        return account, session

    def sign_out(self, acting: Account, session: SignedIn) -> None:
        self.store.revoke(acting.id, session.id, self.clock())

    def sessions(self, acting: Account) -> list[SignedIn]:
        """The account's browsers still signed in, the latest seen first."""
        now = self.clock()
        return [s for s in self.store.sessions(acting.id) if s.alive(now)]

    def revoke(self, acting: Account, session_id: int) -> None:
        """Sign one of the account's own browsers out; another account's is not found."""
        if not self.store.revoke(acting.id, session_id, self.clock()):
            text = _("You have no signed-in browser with id {id}.")
            raise NotFoundError(text.format(id=session_id))

    def audit(self, acting: Account, days: int = 30) -> list[Attempt]:
        """Every sign-in and failed try of the last `days`, the latest first; admin only."""
        if acting.role is not Role.ADMIN:
            raise ForbiddenError(_("Only the studio's admin can see the sign-in record."))
        return self.store.attempts(self.clock() - days * 86400)[::-1]

    def _wait(self, email: str, address: str, now: float) -> None:
        since = now - WINDOW_SECONDS
        until = max(
            PER_ACCOUNT.next_try_at(_failures(self.store.attempts(since, email=email), now)),
            # A success from an address forgives nothing: a guesser could sign in to their own
            # account between tries at others'.
            PER_ADDRESS.next_try_at(
                _failures(self.store.attempts(since, address=address), now, forgive=False)
            ),
        )
        if until > now:
            self.store.record(Attempt(email, None, address, now, Outcome.WAITING))
            seconds = math.ceil(until - now)
            # Translators: {seconds} is a whole number of seconds ("s" is short for seconds).
            text = _(
                "Too many failed tries: wait {seconds} s before the next one. If you have "
                "forgotten the password, ask the studio's admin for a link to set a new one."
            )
            raise WaitError(text.format(seconds=seconds), seconds)

    def _open(self, account: Account, address: str, agent: str, now: float) -> str:
        secret = secrets.token_urlsafe(32)
        self.store.add_session(
            SignedIn(
                0, account.id, token_digest(secret), now, now, now + SESSION_SECONDS, address, agent
            )
        )
        return secret


def _outcome(account: Account | None, matches: bool) -> Outcome:
    if account is not None and matches and account.disabled_at is not None:
        return Outcome.DISABLED
    return Outcome.SIGNED_IN if matches else Outcome.WRONG


def _failures(attempts: list[Attempt], now: float, forgive: bool = True) -> list[float]:
    successes = [a.at for a in attempts if a.outcome is Outcome.SIGNED_IN and forgive]
    wrong = [a.at for a in attempts if a.outcome is Outcome.WRONG]
    return counted(wrong, max(successes, default=None), now)
