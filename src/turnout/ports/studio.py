"""The studio's edges: password hashing, the accounts and sign-in store, the classes store."""

from __future__ import annotations

from typing import Protocol

from turnout.domain.accounts import Account, NewAccount, Studio
from turnout.domain.classes import Consent, DanceClass, Member, Note, Share
from turnout.domain.library import AuthoredRoutine
from turnout.domain.sign_in import Attempt, SignedIn


class PasswordHasher(Protocol):
    def hash(self, password: str) -> str: ...

    def verify(self, password_hash: str, password: str) -> bool:
        """True only if `password` is the one hashed; never raises on a wrong one."""
        ...

    def needs_rehash(self, password_hash: str) -> bool:
        """The hash was made with weaker settings than today's: hash again on sign-in."""
        ...


class AccountStore(Protocol):
    """The studio's accounts, sessions and sign-in audit. Each call is its own transaction."""

    def studio(self) -> Studio | None: ...

    def create_studio(self, studio: Studio, admin: NewAccount) -> Account:
        """The studio row and its first admin, who takes dancer 1 (the personal log's rows).
        Raises ConflictError if the log is already a studio's."""
        ...

    def add_account(self, new: NewAccount) -> Account:
        """Raises ConflictError if the email is taken."""
        ...

    def account(self, account_id: int) -> Account | None: ...

    def signed_in(self, token_hash: str) -> tuple[SignedIn, Account] | None:
        """The browser session with this token and its account, in one read."""
        ...

    def with_password(self, email: str) -> tuple[Account, str] | None:
        """The account of `email` and its password hash."""
        ...

    def accounts(self) -> list[Account]: ...

    def set_password(self, account_id: int, password_hash: str) -> None: ...

    def record(self, attempt: Attempt) -> None: ...

    def attempts(self, since: float, email: str = "", address: str = "") -> list[Attempt]:
        """Attempts since `since`, oldest first, of one email or one address (or all)."""
        ...

    def add_session(self, signed_in: SignedIn) -> int: ...

    def session(self, token_hash: str) -> SignedIn | None: ...

    def sessions(self, account_id: int) -> list[SignedIn]: ...

    def touch(self, session_id: int, at: float) -> None: ...

    def revoke(self, account_id: int, session_id: int | None, at: float) -> int:
        """End one of the account's sessions (all when None); how many ended."""
        ...

    def add_reset(self, token_hash: str, account_id: int, expires_at: float) -> None: ...

    def reset_for(self, token_hash: str, now: float) -> int | None:
        """The account of a live, unused reset link, leaving it unused."""
        ...

    def take_reset(self, token_hash: str, now: float) -> int | None:
        """The account of a live, unused reset link, which is used up by this call."""
        ...


class ClassStore(AccountStore, Protocol):
    """Classes, their teachers and members, guardians, consents and notes; a call a
    transaction."""

    def add_class(self, name: str, code: str, routine_key: str, teacher: int, at: float) -> int:
        """The new class's id. Raises ConflictError if the code is taken."""
        ...

    def dance_class(self, class_id: int) -> DanceClass | None: ...

    def by_code(self, code: str) -> DanceClass | None: ...

    def classes(
        self, teacher: int | None = None, member: int | None = None
    ) -> list[DanceClass]: ...

    def set_code(self, class_id: int, code: str) -> None: ...

    def set_routine(self, class_id: int, routine_key: str) -> None: ...

    def add_teacher(self, class_id: int, account_id: int, at: float) -> None: ...

    def join(self, class_id: int, account_id: int, share: Share, at: float) -> Member:
        """The membership, new or as it was (joining twice changes nothing)."""
        ...

    def leave(self, class_id: int, account_id: int) -> bool: ...

    def members(
        self, class_id: int | None = None, account_id: int | None = None
    ) -> list[Member]: ...

    def set_share(self, class_id: int, account_id: int, share: Share) -> None: ...

    def set_member_routine(
        self, class_id: int, account_id: int, routine_key: str | None
    ) -> None: ...

    def link_guardian(self, guardian_id: int, dancer_id: int, at: float) -> None: ...

    def guardianships(
        self, guardian: int | None = None, dancer: int | None = None
    ) -> list[int]: ...

    def add_consent(self, consent: Consent) -> None: ...

    def consents(self, dancer_id: int) -> list[Consent]: ...

    def add_note(self, note: Note) -> None: ...

    def notes(self, class_id: int, dancer_id: int) -> list[Note]: ...

    def notes_about(self, dancer_id: int) -> list[Note]:
        """Every teacher's note about the dancer, in every class."""
        ...

    def consents_by(self, guardian_id: int) -> list[Consent]: ...

    def forget(self, account_id: int) -> dict[str, int]:
        """Delete the account and every row about it outside the practice log; counts by
        table."""
        ...


class RoutineLibrary(Protocol):
    """Routines written in the app, every version kept; a call a transaction."""

    def add(self, key: str, text: str, author_id: int | None, at: float) -> AuthoredRoutine:
        """Save `text` as the next version of `key` (1 for a new key)."""
        ...

    def get(self, key: str, version: int | None = None) -> AuthoredRoutine | None:
        """One version, or the latest when `version` is None."""
        ...

    def versions(self, key: str) -> list[AuthoredRoutine]:
        """Every version of `key`, oldest first."""
        ...

    def keys(self) -> list[str]: ...
