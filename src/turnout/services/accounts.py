"""A studio's accounts: turning a log into a studio's, adding people, resetting a password.

Run from the command line by whoever runs the server (no mail server is assumed, so a reset is
a one-time link printed for the admin to pass on), and by an admin on the web.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from datetime import date

from turnout.domain.accounts import (
    CONSENT_AGE,
    CONSENT_AGES,
    MAX_NAME,
    MAX_PASSWORD,
    MIN_PASSWORD,
    Account,
    NewAccount,
    PasswordProblem,
    Role,
    Studio,
    normal_email,
    password_problem,
)
from turnout.errors import ForbiddenError, InputError, NotFoundError
from turnout.i18n import N_, _, ngettext
from turnout.ports import AccountStore, PasswordHasher

RESET_SECONDS = 24 * 3600  # a reset link works for a day, and once
# Translators: `turnout users reset-password EMAIL` is a command, typed as it is.
UNUSABLE_RESET = N_(
    "This link to set a password has expired or was already used. Ask the studio's admin for a "
    "new one (`turnout users reset-password EMAIL`)."
)


def token_digest(secret: str) -> str:
    """How a secret (a cookie, a link) is kept: its sha256, so a copied log cannot be used."""
    return hashlib.sha256(secret.encode()).hexdigest()


class Accounts:
    def __init__(
        self, store: AccountStore, hasher: PasswordHasher, clock: Callable[[], float]
    ) -> None:
        self.store, self.hasher, self.clock = store, hasher, clock

    def init_studio(self, name: str, admin_email: str, password: str, consent_age: int) -> Account:
        """Make this log a studio's, with its first admin owning the personal log's rows."""
        if consent_age not in CONSENT_AGES:
            text = _("The age of consent for health data is 13 to 16.")
            raise InputError("consent_age", text)
        studio = Studio(_name(name, "name"), self.clock(), consent_age)
        admin = self._new(admin_email, password, Role.ADMIN, admin_email.partition("@")[0], None)
        return self.store.create_studio(studio, admin)

    def add(
        self, email: str, role: Role, password: str, name: str = "", born: date | None = None
    ) -> Account:
        """A new account. Raises InputError naming the bad field, ConflictError if taken."""
        self._studio()
        if born is not None and not date(1900, 1, 1) <= born <= date.fromtimestamp(self.clock()):
            text = _("{date} cannot be a birth date.")
            raise InputError("born", text.format(date=born.isoformat()))
        return self.store.add_account(self._new(email, password, role, name, born))

    def everyone(self, acting: Account | None = None) -> list[Account]:
        """Every account; on the web only for an admin (`acting`), the CLI passes None."""
        _admin_only(acting)
        return self.store.accounts()

    def reset_link(self, email: str, acting: Account | None = None) -> str:
        """A one-time secret for the account of `email` to set a new password with."""
        _admin_only(acting)
        found = self.store.with_password(_email(email))
        if found is None:
            text = _("No account has the email address {email}.")
            raise NotFoundError(text.format(email=email.strip()))
        secret = secrets.token_urlsafe(24)
        self.store.add_reset(token_digest(secret), found[0].id, self.clock() + RESET_SECONDS)
        return secret

    def set_password(self, secret: str, password: str) -> Account:
        """Use a reset link: the new password, and every session of the account ends."""
        digest = token_digest(secret)
        account_id = self.store.reset_for(digest, self.clock())
        account = None if account_id is None else self.store.account(account_id)
        if account is None:
            raise NotFoundError(_(UNUSABLE_RESET))
        hashed = self._hash(password, account.email)  # a poor password leaves the link usable
        if self.store.take_reset(digest, self.clock()) != account.id:
            raise NotFoundError(_(UNUSABLE_RESET))  # used by another request in the meantime
        self.store.set_password(account.id, hashed)
        self.store.revoke(account.id, None, self.clock())
        return account

    def consent_age(self) -> int:
        studio = self.store.studio()
        return CONSENT_AGE if studio is None else studio.consent_age

    def _studio(self) -> Studio:
        studio = self.store.studio()
        if studio is None:
            # Translators: `turnout studio init --name NAME --admin EMAIL` is a command, as typed.
            text = _(
                "This log is not a studio's yet: run `turnout studio init --name NAME --admin "
                "EMAIL` first."
            )
            raise NotFoundError(text)
        return studio

    def _new(
        self, email: str, password: str, role: Role, name: str, born: date | None
    ) -> NewAccount:
        address = _email(email)
        shown = _name(name or address.partition("@")[0], "name")
        return NewAccount(address, shown, role, born, self._hash(password, address), self.clock())

    def _hash(self, password: str, email: str) -> str:
        problem = password_problem(password, email)
        if problem is not None:
            raise InputError("password", password_advice(problem))
        return self.hasher.hash(password)


def password_advice(problem: PasswordProblem) -> str:
    """What makes a password a poor choice, and what to do, as one sentence."""
    if problem is PasswordProblem.TOO_SHORT:
        text = ngettext(
            "That password is too short: use at least {count} character (a few words you will "
            "remember make a good one).",
            "That password is too short: use at least {count} characters (a few words you will "
            "remember make a good one).",
            MIN_PASSWORD,
        )
        return text.format(count=MIN_PASSWORD)
    if problem is PasswordProblem.TOO_LONG:
        text = ngettext(
            "That password is too long: use at most {count} character.",
            "That password is too long: use at most {count} characters.",
            MAX_PASSWORD,
        )
        return text.format(count=MAX_PASSWORD)
    if problem is PasswordProblem.COMMON:
        return _(
            "That password is one of the first that anyone guessing would try; choose another."
        )
    return _("That password contains the email address's name; choose one that does not.")


def _email(text: str) -> str:
    email = normal_email(text)
    if email is None:
        message = _("{text} is not an email address.")
        raise InputError("email", message.format(text=repr(text.strip()[:60])))
    return email


def _name(text: str, field: str) -> str:
    name = " ".join(text.split())
    if not name or len(name) > MAX_NAME:
        text = ngettext(
            "A name is 1 to {count} character.", "A name is 1 to {count} characters.", MAX_NAME
        )
        raise InputError(field, text.format(count=MAX_NAME))
    return name


def _admin_only(acting: Account | None) -> None:
    if acting is not None and acting.role is not Role.ADMIN:
        raise ForbiddenError(_("Only the studio's admin can do this."))
