"""A studio account's data rights: download everything about the account as one file, and
delete the account with all its data. A guardian does both for a young dancer in their care.

Deleting asks for the acting account's password again, so a browser left signed in cannot be
used to erase someone; the teachers' view loses the dancer at once (the memberships go).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from turnout import __version__
from turnout.domain.accounts import Account, Role
from turnout.errors import ForbiddenError, InputError, NotFoundError
from turnout.i18n import N_, _
from turnout.ports import PasswordHasher, UnitOfWork
from turnout.services import backup
from turnout.services.classes import Classes

FORMAT = "turnout-account"
VERSION = 1
CONFIRM_WORD = "delete"
AUDIT_DAYS = 366
WRONG_PASSWORD = N_("That is not your password; nothing was deleted.")
LAST_ADMIN = N_("This is the studio's only admin account: add another admin first.")


class AccountData:
    def __init__(
        self,
        classes: Classes,
        uows: Callable[[int], UnitOfWork],
        hasher: PasswordHasher,
        wall_clock: Callable[[], float],
    ) -> None:
        self.classes, self.uows, self.hasher, self.wall = classes, uows, hasher, wall_clock
        self.store = classes.store

    def whose(self, acting: Account, account_id: int | None = None) -> Account:
        """The account acted on: the acting one, or a young dancer in this guardian's care."""
        if account_id is None or account_id == acting.id:
            return acting
        found = self.store.account(account_id)
        cared_for = account_id in self.store.guardianships(guardian=acting.id)
        if found is None or not cared_for:
            text = _("No dancer with id {id} is in your care.")
            raise NotFoundError(text.format(id=account_id))
        if not self.classes.minor(found):
            # Translators: {name} is a dancer's name.
            text = _("{name} is an adult now: only they can do this.")
            raise ForbiddenError(text.format(name=found.name))
        return found

    def export(self, acting: Account, account_id: int | None = None) -> dict[str, Any]:
        """Everything kept about the account, as one JSON-ready object."""
        target = self.whose(acting, account_id)
        with self.uows(target.dancer_id) as uow:
            log = uow.log.dump()
        memberships = self.store.members(account_id=target.id)
        names = {c.id: c.name for c in self.store.classes()}
        since = self.classes.clock() - AUDIT_DAYS * 86_400
        return {
            "format": FORMAT,
            "version": VERSION,
            "app_version": __version__,
            "created_at": _iso(self.classes.clock()),
            "account": _account(target),
            "log": log,
            "classes": [
                {"class": names.get(m.class_id, ""), **_plain(asdict(m))} for m in memberships
            ],
            "teaching": [c.name for c in self.store.classes(teacher=target.id)],
            "guardians": self._emails(self.store.guardianships(dancer=target.id)),
            "in_my_care": self._emails(self.store.guardianships(guardian=target.id)),
            "consents_for_me": [_plain(asdict(c)) for c in self.store.consents(target.id)],
            "consents_i_gave": [_plain(asdict(c)) for c in self.store.consents_by(target.id)],
            "teacher_notes_about_me": [
                _plain(asdict(n)) for n in self.store.notes_about(target.id)
            ],
            "sign_ins": [_plain(asdict(a)) for a in self.store.attempts(since, target.email)],
        }

    def delete(
        self, acting: Account, password: str, confirm: str, account_id: int | None = None
    ) -> dict[str, int]:
        """Delete the account and everything about it, for good; how many rows went."""
        if confirm.strip().lower() != CONFIRM_WORD:
            # Translators: {word} is the word to type, as it is ("delete"); "confirm" names the
            # field, as the API spells it.
            text = _('confirm: type "{word}" to delete the account.')
            raise InputError("confirm", text.format(word=CONFIRM_WORD))
        target = self.whose(acting, account_id)
        found = self.store.with_password(acting.email)
        if found is None or not self.hasher.verify(found[1], password):
            raise InputError("password", _(WRONG_PASSWORD))
        admins = [a for a in self.store.accounts() if a.role is Role.ADMIN]
        if target.role is Role.ADMIN and len(admins) == 1:
            raise ForbiddenError(_(LAST_ADMIN))
        counts = backup.erase_everything(self.uows(target.dancer_id), self.wall())
        return {**counts, **self.store.forget(target.id)}

    def _emails(self, ids: list[int]) -> list[str]:
        return [a.email for a in (self.store.account(i) for i in ids) if a is not None]


def _account(account: Account) -> dict[str, Any]:
    return _plain(asdict(account))


def _plain(values: dict[str, Any]) -> dict[str, Any]:
    """Dates and enums as JSON has them; times (epoch seconds) stay numbers."""
    return {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in values.items()}


def _iso(at: float) -> str:
    return datetime.fromtimestamp(at, UTC).isoformat(timespec="seconds")
