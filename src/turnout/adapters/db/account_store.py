"""A studio's accounts, sessions and sign-in audit in the log's database; a transaction a call."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from turnout.adapters.db import errors
from turnout.adapters.db.account_tables import (
    AccountRow,
    AuthSessionRow,
    PasswordResetRow,
    SignInRow,
    StudioRow,
)
from turnout.adapters.db.translate import to_datetime, to_epoch
from turnout.domain.accounts import Account, NewAccount, Role, Studio
from turnout.domain.sign_in import Attempt, Outcome, SignedIn
from turnout.errors import ConflictError
from turnout.i18n import N_, _

_T = TypeVar("_T")
STUDIO_ID = 1
FIRST_DANCER = 1  # the personal log's rows: the first admin's own
TAKEN = N_("That email address already has an account; choose another or sign in with it.")
ALREADY = N_("This log is already a studio's; add people with `turnout users add`.")


class SqlAccountStore:
    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def studio(self) -> Studio | None:
        row = self._read(lambda db: db.get(StudioRow, STUDIO_ID))
        if row is None:
            return None
        return Studio(row.name, to_epoch(row.created_at), row.consent_age)

    def create_studio(self, studio: Studio, admin: NewAccount) -> Account:
        def write(db: Session) -> AccountRow:
            if db.get(StudioRow, STUDIO_ID) is not None:
                raise ConflictError(_(ALREADY))
            created = to_datetime(studio.created_at)
            db.add(
                StudioRow(
                    id=STUDIO_ID,
                    name=studio.name,
                    created_at=created,
                    consent_age=studio.consent_age,
                )
            )
            return _insert(db, admin, FIRST_DANCER)

        return _account(self._write(write))

    def add_account(self, new: NewAccount) -> Account:
        def write(db: Session) -> AccountRow:
            highest = db.scalar(select(func.max(AccountRow.dancer_id)))
            return _insert(db, new, max(highest or 0, FIRST_DANCER) + 1)

        return _account(self._write(write))

    def account(self, account_id: int) -> Account | None:
        row = self._read(lambda db: db.get(AccountRow, account_id))
        return None if row is None else _account(row)

    def with_password(self, email: str) -> tuple[Account, str] | None:
        query = select(AccountRow).where(AccountRow.email == email)
        row = self._read(lambda db: db.scalars(query).first())
        return None if row is None else (_account(row), row.password_hash)

    def accounts(self) -> list[Account]:
        query = select(AccountRow).order_by(AccountRow.id)
        return [_account(row) for row in self._read(lambda db: list(db.scalars(query)))]

    def set_password(self, account_id: int, password_hash: str) -> None:
        query = update(AccountRow).where(AccountRow.id == account_id)
        self._write(lambda db: db.execute(query.values(password_hash=password_hash)))

    def record(self, attempt: Attempt) -> None:
        row = SignInRow(
            email=attempt.email[:254],
            account_id=attempt.account_id,
            address=attempt.address[:64],
            at=to_datetime(attempt.at),
            outcome=attempt.outcome.value,
        )
        self._write(lambda db: db.add(row))

    def attempts(self, since: float, email: str = "", address: str = "") -> list[Attempt]:
        query = select(SignInRow).where(SignInRow.at >= to_datetime(since))
        if email:
            query = query.where(SignInRow.email == email)
        if address:
            query = query.where(SignInRow.address == address)
        rows = self._read(lambda db: list(db.scalars(query.order_by(SignInRow.at, SignInRow.id))))
        return [
            Attempt(r.email, r.account_id, r.address, to_epoch(r.at), Outcome(r.outcome))
            for r in rows
        ]

    def add_session(self, signed_in: SignedIn) -> int:
        row = AuthSessionRow(
            token_hash=signed_in.token_hash,
            account_id=signed_in.account_id,
            created_at=to_datetime(signed_in.created_at),
            last_seen_at=to_datetime(signed_in.last_seen_at),
            expires_at=to_datetime(signed_in.expires_at),
            address=signed_in.address[:64],
            agent=signed_in.agent[:120],
        )

        def write(db: Session) -> int:
            db.add(row)
            db.flush()
            return row.id

        return self._write(write)

    def session(self, token_hash: str) -> SignedIn | None:
        query = select(AuthSessionRow).where(AuthSessionRow.token_hash == token_hash)
        row = self._read(lambda db: db.scalars(query).first())
        return None if row is None else _signed_in(row)

    def signed_in(self, token_hash: str) -> tuple[SignedIn, Account] | None:
        query = (
            select(AuthSessionRow, AccountRow)
            .join(AccountRow, AccountRow.id == AuthSessionRow.account_id)
            .where(AuthSessionRow.token_hash == token_hash)
        )
        found = self._read(lambda db: db.execute(query).first())
        return None if found is None else (_signed_in(found[0]), _account(found[1]))

    def sessions(self, account_id: int) -> list[SignedIn]:
        query = (
            select(AuthSessionRow)
            .where(AuthSessionRow.account_id == account_id)
            .order_by(AuthSessionRow.last_seen_at.desc())
        )
        return [_signed_in(row) for row in self._read(lambda db: list(db.scalars(query)))]

    def touch(self, session_id: int, at: float) -> None:
        query = update(AuthSessionRow).where(AuthSessionRow.id == session_id)
        self._write(lambda db: db.execute(query.values(last_seen_at=to_datetime(at))))

    def revoke(self, account_id: int, session_id: int | None, at: float) -> int:
        query = update(AuthSessionRow).where(
            AuthSessionRow.account_id == account_id, AuthSessionRow.revoked_at.is_(None)
        )
        if session_id is not None:
            query = query.where(AuthSessionRow.id == session_id)
        done = self._write(lambda db: db.execute(query.values(revoked_at=to_datetime(at))))
        return int(getattr(done, "rowcount", 0) or 0)

    def add_reset(self, token_hash: str, account_id: int, expires_at: float) -> None:
        row = PasswordResetRow(
            token_hash=token_hash, account_id=account_id, expires_at=to_datetime(expires_at)
        )
        self._write(lambda db: db.add(row))

    def reset_for(self, token_hash: str, now: float) -> int | None:
        query = select(PasswordResetRow.account_id).where(*_usable(token_hash, now))
        return self._read(lambda db: db.scalar(query))

    def take_reset(self, token_hash: str, now: float) -> int | None:
        query = (
            update(PasswordResetRow)
            .where(*_usable(token_hash, now))
            .values(used_at=to_datetime(now))
            .returning(PasswordResetRow.account_id)
        )
        return self._write(lambda db: db.scalar(query))

    def _read(self, work: Callable[[Session], _T]) -> _T:
        with self._session() as db:
            return work(db)

    def _write(self, work: Callable[[Session], _T]) -> _T:
        with self._session() as db:
            done = work(db)
            db.commit()
            return done

    @contextmanager
    def _session(self) -> Iterator[Session]:
        db = self._sessions()
        try:
            yield db
        except IntegrityError as error:
            db.rollback()
            raise errors.from_integrity(error) from error
        except OperationalError as error:
            db.rollback()
            raise errors.from_dbapi(db.get_bind().engine.url, error) from error
        finally:
            db.close()


def _usable(token_hash: str, now: float) -> tuple[ColumnElement[bool], ...]:
    return (
        PasswordResetRow.token_hash == token_hash,
        PasswordResetRow.used_at.is_(None),
        PasswordResetRow.expires_at > to_datetime(now),
    )


def _insert(db: Session, new: NewAccount, dancer_id: int) -> AccountRow:
    if db.scalars(select(AccountRow.id).where(AccountRow.email == new.email)).first():
        raise ConflictError(_(TAKEN))
    row = AccountRow(
        dancer_id=dancer_id,
        email=new.email,
        name=new.name,
        role=new.role.value,
        born=new.born,
        password_hash=new.password_hash,
        created_at=to_datetime(new.created_at),
    )
    db.add(row)
    db.flush()
    return row


def _account(row: AccountRow) -> Account:
    disabled = None if row.disabled_at is None else to_epoch(row.disabled_at)
    return Account(
        row.id,
        row.dancer_id,
        row.email,
        row.name,
        Role(row.role),
        row.born,
        to_epoch(row.created_at),
        disabled,
    )


def _signed_in(row: AuthSessionRow) -> SignedIn:
    values: dict[str, Any] = {
        "created_at": to_epoch(row.created_at),
        "last_seen_at": to_epoch(row.last_seen_at),
        "expires_at": to_epoch(row.expires_at),
        "revoked_at": None if row.revoked_at is None else to_epoch(row.revoked_at),
    }
    return SignedIn(
        row.id, row.account_id, row.token_hash, address=row.address, agent=row.agent, **values
    )
