"""A studio's classes, seen by the account acting: a teacher makes one and gives out its code,
a dancer joins and chooses what teachers see, a guardian answers for a minor. Every use case
takes the acting account and checks it here, not in the routes.

A class the acting account has nothing to do with is "not found" (404), so ids cannot be
probed; one it belongs to but may not change is "forbidden" (403).
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from turnout.domain.accounts import MAX_NAME, Account, Role
from turnout.domain.classes import (
    CODE_ALPHABET,
    CODE_LENGTH,
    CONSENT_VERSION,
    Assignment,
    Consent,
    DanceClass,
    Member,
    Note,
    Share,
    assignment,
    first_share,
    is_minor,
    keeps_health,
    normal_code,
)
from turnout.errors import ConflictError, ForbiddenError, InputError, NotFoundError
from turnout.i18n import _
from turnout.ports import ClassStore
from turnout.services.class_text import NO_CLASS, NO_CODE, NO_CONSENT, NOT_YOURS, length_text

MAX_NOTE = 2000


class Classes:
    def __init__(
        self,
        store: ClassStore,
        clock: Callable[[], float],
        today: Callable[[], date],
        default_routine: str,
        routine_names: Callable[[], list[str]],
    ) -> None:
        self.store, self.clock, self.today = store, clock, today
        self.default_routine, self.routine_names = default_routine, routine_names

    # --- Classes -------------------------------------------------------------------------

    def create(self, acting: Account, name: str) -> DanceClass:
        if acting.role not in (Role.TEACHER, Role.ADMIN):
            raise ForbiddenError(_("Only a teacher or the admin can create a class."))
        shown = " ".join(name.split())
        if not 1 <= len(shown) <= MAX_NAME:
            raise InputError("name", length_text("name", MAX_NAME))
        for _try in range(5):  # a taken code is a one-in-a-trillion chance; try again anyway
            try:
                made = self.store.add_class(
                    shown, _new_code(), self.default_routine, acting.id, self.clock()
                )
            except ConflictError:
                continue
            return self._found(made)
        raise ConflictError(_("Could not find a free join code; try again."))

    def mine(self, acting: Account) -> list[DanceClass]:
        """The classes this account teaches, joined, or (a guardian) its dancers joined; all of
        them for the admin."""
        if acting.role is Role.ADMIN:
            return self.store.classes()
        seen = {c.id: c for c in self.store.classes(teacher=acting.id)}
        for dancer in [acting.id, *self.store.guardianships(guardian=acting.id)]:
            seen.update({c.id: c for c in self.store.classes(member=dancer)})
        return [seen[i] for i in sorted(seen)]

    def get(self, acting: Account, class_id: int) -> DanceClass:
        found = self.store.dance_class(class_id)
        if found is None or found.id not in {c.id for c in self.mine(acting)}:
            raise NotFoundError(_(NO_CLASS).format(id=class_id))
        return found

    def taught(self, acting: Account, class_id: int) -> DanceClass:
        """The class, if the acting account teaches it (or is the admin)."""
        found = self.get(acting, class_id)
        if acting.role is not Role.ADMIN and acting.id not in found.teachers:
            raise ForbiddenError(_("Only the class's teachers can do this."))
        return found

    def teaches(self, acting: Account, class_id: int) -> DanceClass:
        """The class, if the acting account is one of its teachers (not merely the admin)."""
        found = self.get(acting, class_id)
        if acting.id not in found.teachers:
            raise ForbiddenError(_("Only the class's teachers see its dancers' practice."))
        return found

    def rotate_code(self, acting: Account, class_id: int) -> DanceClass:
        """A new join code; the old one stops working (dancers who joined stay)."""
        self.taught(acting, class_id)
        self.store.set_code(class_id, _new_code())
        return self._found(class_id)

    def add_teacher(self, acting: Account, class_id: int, email: str) -> DanceClass:
        self.taught(acting, class_id)
        found = self.store.with_password(email.strip().lower())
        if found is None or found[0].role is not Role.TEACHER:
            text = _("No teacher's account has the address {email}.")
            raise InputError("email", text.format(email=email.strip()))
        self.store.add_teacher(class_id, found[0].id, self.clock())
        return self._found(class_id)

    def set_routine(self, acting: Account, class_id: int, routine_key: str) -> DanceClass:
        """The routine the class practises; a dancer's screening still adapts it for them."""
        self.taught(acting, class_id)
        self.store.set_routine(class_id, self._known(routine_key))
        return self._found(class_id)

    def set_dancer_routine(
        self, acting: Account, class_id: int, dancer_id: int, routine_key: str | None
    ) -> Member:
        """One dancer's routine in the class instead of the class's (None: the class's)."""
        member = self._dancer_of(self.teaches(acting, class_id), dancer_id)
        key = self._known(routine_key) if routine_key is not None else None
        self.store.set_member_routine(class_id, dancer_id, key)
        return replace(member, routine_key=key)

    def assigned(self, account: Account) -> Assignment | None:
        """The routine this dancer's teacher set, if the dancer is in a class."""
        members = self.store.members(account_id=account.id)
        return assignment(self.store.classes(member=account.id), members) if members else None

    def _known(self, routine_key: str) -> str:
        if routine_key not in (names := self.routine_names()):
            # Translators: {names} lists the routines' keys, as they are typed.
            choose = _("No routine called '{key}'; choose {names}.")
            raise InputError("routine", choose.format(key=routine_key[:40], names=", ".join(names)))
        return routine_key

    # --- Members -------------------------------------------------------------------------

    def join(self, acting: Account, code: str) -> tuple[DanceClass, Member]:
        if acting.role is not Role.DANCER:
            raise ForbiddenError(_("Only a dancer's account joins a class."))
        normal = normal_code(code)
        found = self.store.by_code(normal) if normal else None
        if found is None:
            raise NotFoundError(_(NO_CODE).format(code=code.strip()[:20]))
        share = first_share(self.minor(acting))
        return found, self.store.join(found.id, acting.id, share, self.clock())

    def leave(self, acting: Account, class_id: int) -> None:
        self.get(acting, class_id)
        if not self.store.leave(class_id, acting.id):
            raise NotFoundError(_("You are not a member of class {id}.").format(id=class_id))

    def members(self, acting: Account, class_id: int) -> list[Member]:
        """The class's members, for its teachers and the admin."""
        self.taught(acting, class_id)
        return self.store.members(class_id=class_id)

    def set_share(self, acting: Account, class_id: int, dancer_id: int, share: Share) -> Member:
        dance_class = self.get(acting, class_id)
        if dancer_id != acting.id and dancer_id not in self.store.guardianships(guardian=acting.id):
            raise ForbiddenError(_(NOT_YOURS))
        member = self._dancer_of(dance_class, dancer_id)
        self.store.set_share(class_id, dancer_id, share)
        return replace(member, share=share)

    # --- Guardians and consent -----------------------------------------------------------

    def minor(self, account: Account) -> bool:
        studio = self.store.studio()
        return studio is not None and is_minor(account, self.today(), studio.consent_age)

    def link_guardian(self, guardian_email: str, dancer_email: str) -> tuple[Account, Account]:
        """Run by whoever runs the server (`turnout users link-guardian`)."""
        guardian, dancer = self._by_email(guardian_email), self._by_email(dancer_email)
        if guardian.role is not Role.GUARDIAN or dancer.role is not Role.DANCER:
            raise InputError("email", _("Link a guardian's account to a dancer's account."))
        self.store.link_guardian(guardian.id, dancer.id, self.clock())
        return guardian, dancer

    def wards(self, acting: Account) -> list[Account]:
        found = (self.store.account(i) for i in self.store.guardianships(guardian=acting.id))
        return [a for a in found if a is not None]

    def consent(self, acting: Account, dancer_id: int, health: bool, sharing: bool) -> Consent:
        if dancer_id not in self.store.guardianships(guardian=acting.id):
            text = _("No dancer with id {id} is in your care.")
            raise NotFoundError(text.format(id=dancer_id))
        given = Consent(dancer_id, acting.id, health, sharing, CONSENT_VERSION, self.clock())
        self.store.add_consent(given)
        return given

    def consent_for(self, dancer_id: int) -> Consent | None:
        return next(reversed(self.store.consents(dancer_id)), None)

    def keeps_health(self, account: Account) -> bool:
        return keeps_health(self.minor(account), self.consent_for(account.id))

    def require_health(self, account: Account) -> None:
        """Refuse to store screening answers or pain checks a guardian has not agreed to."""
        if not self.keeps_health(account):
            raise ForbiddenError(_(NO_CONSENT))

    # --- Notes ---------------------------------------------------------------------------

    def add_note(self, acting: Account, class_id: int, dancer_id: int, text: str) -> Note:
        self._dancer_of(self.teaches(acting, class_id), dancer_id)
        shown = text.strip()
        if not 1 <= len(shown) <= MAX_NOTE:
            raise InputError("text", length_text("note", MAX_NOTE))
        note = Note(class_id, dancer_id, acting.id, shown, self.clock())
        self.store.add_note(note)
        return note

    def notes(self, acting: Account, class_id: int, dancer_id: int) -> list[Note]:
        self._dancer_of(self.teaches(acting, class_id), dancer_id)
        return self.store.notes(class_id, dancer_id)

    def _dancer_of(self, dance_class: DanceClass, dancer_id: int) -> Member:
        for member in self.store.members(class_id=dance_class.id):
            if member.account_id == dancer_id:
                return member
        text = _("Dancer {dancer} is not in class {id}.")
        raise NotFoundError(text.format(dancer=dancer_id, id=dance_class.id))

    def _by_email(self, email: str) -> Account:
        found = self.store.with_password(email.strip().lower())
        if found is None:
            text = _("No account has the email address {email}.")
            raise NotFoundError(text.format(email=email.strip()))
        return found[0]

    def _found(self, class_id: int) -> DanceClass:
        found = self.store.dance_class(class_id)
        if found is None:
            raise NotFoundError(_(NO_CLASS).format(id=class_id))
        return found


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _place in range(CODE_LENGTH))
