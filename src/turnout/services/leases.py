"""One owner per live session. The process that runs a session holds a lease on it in the log,
renewed every few seconds; no other process drives, adopts or ends the session while that lease
lives. A crashed owner's session is free once its lease lapses, or at once when the owner ran on
this machine and its process is gone (a kill -9 leaves nothing to wait for)."""

from __future__ import annotations

import logging
import os
import socket
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from turnout.domain.log import Lease, OwnerKind
from turnout.errors import SessionHeldError, StorageError
from turnout.i18n import N_, _
from turnout.ports import FreeSessions, UnitOfWork

LEASE_SECONDS = 10.0
RENEW_SECONDS = 3.0
log = logging.getLogger(__name__)
# Where a session is being practised, and what to do about it, by the kind of process.
HELD = {
    # Translators: `turnout practice` is a command, typed as it is.
    OwnerKind.CLI: N_(
        "This session is being practised in the terminal (turnout practice) right now; carry on "
        "there. It can be resumed here once that stops."
    ),
    OwnerKind.WEB: N_(
        "This session is being practised in the web app right now; carry on there. It can be "
        "resumed here once that stops."
    ),
}
TAKEN_OVER = N_(
    "Another turnout took this session over while this one was not answering; carry on there."
)
GONE_BY = N_("This session has just been taken up elsewhere or has ended; look at it again.")


@dataclass(frozen=True)
class Owner:
    """This process, as the log names it, and how long its leases last."""

    name: str
    kind: OwnerKind
    seconds: float = LEASE_SECONDS
    # Wall-clock time, never the practice clock: a sped-up test clock runs differently in
    # every process, and leases are compared across processes.
    wall: Callable[[], float] = time.time

    @classmethod
    def this_process(cls, kind: OwnerKind, seconds: float = LEASE_SECONDS) -> Owner:
        token = uuid.uuid4().hex[:16]
        return cls(f"{token} {os.getpid()}@{this_host()}", kind, seconds)

    def lease(self) -> Lease:
        return Lease(self.name, self.kind, self.wall() + self.seconds)

    def rival(self, lease: Lease | None) -> Lease | None:
        """`lease` if another process holds it and is still running; None if it is free."""
        if lease is None or lease.owner == self.name or lease.lapsed(self.wall()):
            return None
        return None if process_gone(lease.owner) else lease


def process_gone(owner: str) -> bool:
    """True when `owner` ran on this machine and its process has ended."""
    where = owner.partition(" ")[2]
    pid, _at, host = where.partition("@")
    if host != this_host() or not pid.isdigit():
        return False  # elsewhere: only the lease's end says it is gone
    try:
        os.kill(int(pid), 0)
    except (ProcessLookupError, OverflowError):
        return True
    except PermissionError:
        return False  # running, as another user
    return False


def this_host() -> str:
    # Cut to fit the log's column (128) with the token and the pid.
    return socket.gethostname()[:96]


def held(lease: Lease) -> SessionHeldError:
    """The error for a session `lease`'s owner runs, saying where to carry on."""
    return SessionHeldError(_(HELD[lease.kind]))


def claim(uow: UnitOfWork, owner: Owner, session_id: str) -> None:
    """Make the session `owner`'s, inside the caller's transaction. Raises SessionHeldError if
    another live process runs it, or if it ended or was taken since it was read."""
    current = uow.practice.lease(session_id)
    rival = owner.rival(current)
    if rival is not None:
        raise held(rival)
    gone = current.owner if current is not None and process_gone(current.owner) else None
    if not uow.practice.claim(session_id, owner.lease(), owner.wall(), replacing=gone):
        raise SessionHeldError(_(GONE_BY))


class Tenure:
    """This process's lease on one session it runs: checked at every write, renewed when due."""

    def __init__(self, owner: Owner, session_id: str) -> None:
        self.owner, self.session_id = owner, session_id
        self.renewed = owner.wall()

    def due(self) -> bool:
        return self.owner.wall() - self.renewed >= RENEW_SECONDS

    def fence(self, uow: UnitOfWork) -> float:
        """Inside a transaction that writes the session: renew the lease, or raise
        SessionHeldError if it is no longer ours (so nothing of the transaction lands).
        Returns when it renewed, to pass to `renewed` once committed."""
        at = self.owner.wall()
        if not uow.practice.renew(self.session_id, self.owner.lease()):
            raise SessionHeldError(_(TAKEN_OVER))
        return at

    def keep(self, uow: UnitOfWork, force: bool = False) -> None:
        """Renew the lease when due (or `force`d), in a short transaction of its own.

        A log too busy to write is only logged: the next tick tries again, and the lease
        outlives a few missed renewals."""
        if not (force or self.due()):
            return
        try:
            with uow.writing():
                at = self.fence(uow)
                uow.commit()
        except StorageError as error:
            log.warning("could not renew the lease on session %s: %s", self.session_id, error)
            return
        self.renewed = at

    def release(self, uow: UnitOfWork) -> None:
        """Give the session up (this process stops running it); it stays active in the log."""
        try:
            with uow.writing():
                uow.practice.release(self.session_id, self.owner.name)
                uow.commit()
        except StorageError as error:  # the lease lapses on its own soon enough
            log.warning("could not release session %s: %s", self.session_id, error)


def take_free(sessions: FreeSessions, owner: Owner, limit: int = 50) -> list[tuple[int, str]]:
    """The web sessions of a studio's log whose process stopped or died, now held by `owner`:
    (dancer, session id) of each, for its server to carry on."""

    def free(lease: Lease | None) -> bool:
        return lease is None or (lease.owner != owner.name and owner.rival(lease) is None)

    return sessions.take(owner.lease(), owner.wall(), free, this_host(), limit)
