"""The account a request acts for, while it runs: set by the sign-in check on a studio's log.

Each feature asks `web.uow` and `web.registry` for its work; both follow the acting account's
dancer, so no feature can reach another dancer's rows by forgetting to pass an id. A personal
log has no accounts: its one dancer is PERSONAL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from turnout.domain.accounts import Account
from turnout.errors import SignInError
from turnout.i18n import N_, _

PERSONAL = 1  # the dancer of a personal log (and of a studio's first admin)
SIGN_IN = N_("Sign in first: this is a studio's turnout, and its pages need an account.")
_ACTING: ContextVar[Account | None] = ContextVar("turnout_acting_account", default=None)
# Set while a studio's open page (the sign-in form) runs for nobody: no dancer's rows at all.
_NOBODY: ContextVar[bool] = ContextVar("turnout_acting_nobody", default=False)


@contextmanager
def as_account(account: Account) -> Iterator[None]:
    token = _ACTING.set(account)
    try:
        yield
    finally:
        _ACTING.reset(token)


@contextmanager
def as_nobody() -> Iterator[None]:
    token = _NOBODY.set(True)
    try:
        yield
    finally:
        _NOBODY.reset(token)


def account() -> Account | None:
    """The signed-in account of this request; None on a personal log."""
    return _ACTING.get()


def dancer_or_nobody() -> int | None:
    """Whose rows this request reads and writes; None for nobody (a studio's sign-in page)."""
    return None if _NOBODY.get() else dancer()


def dancer() -> int:
    """Whose rows this request reads and writes. Raises SignInError for nobody."""
    if _NOBODY.get():
        raise SignInError(_(SIGN_IN))
    found = _ACTING.get()
    return PERSONAL if found is None else found.dancer_id
