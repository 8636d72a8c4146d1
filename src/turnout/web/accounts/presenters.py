"""An account and its sessions as the API and the pages show them."""

from __future__ import annotations

from turnout.domain.accounts import Account
from turnout.domain.sign_in import Attempt, SignedIn
from turnout.web.accounts.schemas import AccountOut, AttemptOut, MeOut, SessionOut


def me(account: Account | None, studio: bool) -> MeOut:
    if account is None:
        return MeOut(studio=studio)
    return MeOut(
        studio=studio,
        id=account.id,
        email=account.email,
        name=account.name,
        role=account.role.value,
        roles=[account.role.value],
    )


def session_out(signed_in: SignedIn, current: SignedIn | None) -> SessionOut:
    return SessionOut(
        id=signed_in.id,
        created_at=signed_in.created_at,
        last_seen_at=signed_in.last_seen_at,
        expires_at=signed_in.expires_at,
        address=signed_in.address,
        agent=signed_in.agent,
        this_one=current is not None and current.id == signed_in.id,
    )


def attempt_out(attempt: Attempt) -> AttemptOut:
    return AttemptOut(
        email=attempt.email,
        account_id=attempt.account_id,
        address=attempt.address,
        at=attempt.at,
        outcome=attempt.outcome.value,
    )


def account_out(account: Account) -> AccountOut:
    return AccountOut(
        id=account.id,
        email=account.email,
        name=account.name,
        role=account.role.value,
        born=account.born.isoformat() if account.born else None,
        created_at=account.created_at,
    )
