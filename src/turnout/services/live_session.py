"""One live session as a server holds it: the practice (with its numbered feed of events, so
every page speaks each cue once and loses none) and a lock; or, when another process runs it,
the session as the log has it, with that process's lease."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field

from turnout.domain.log import Lease
from turnout.domain.routine import Routine
from turnout.domain.state import SessionState
from turnout.ports import UnitOfWork
from turnout.services.leases import Owner
from turnout.services.practice import Practice, resume_practice
from turnout.services.run_state import EventFeed
from turnout.services.runs import carry_on, logged_practice


@dataclass
class LiveSession:
    practice: Practice
    lock: threading.Lock = field(default_factory=threading.Lock)
    error: str | None = None
    # The lease of another process that runs this session, while that lease lives: the session
    # is then shown as the log has it, and nothing here drives it.
    holder: Lease | None = None
    touched: float = 0.0  # when a request last asked for it (clock seconds)

    @property
    def feed(self) -> EventFeed:
        return self.practice.feed

    @property
    def state(self) -> SessionState:
        return self.practice.state

    @property
    def read_only(self) -> bool:
        return self.holder is not None

    def forgettable(self, untouched_since: float) -> bool:
        """Nothing here needs it any more: it is over, or another process runs it, and no
        request has asked for it since `untouched_since`. The log has all of it."""
        idle = self.state.is_over or not self.practice.owned
        return idle and self.touched < untouched_since and not self.lock.locked()

    def take(
        self,
        uow: UnitOfWork,
        routine: Routine,
        now: float,
        get_ready: int,
        owner: Owner,
        carrying_on: bool = False,
    ) -> None:
        """Run the session from here on: claim its lease, then go on from its last logged
        hold, or, `carrying_on`, from its run as the log has it (see runs.carry_on). Raises
        SessionHeldError while another live process runs it."""
        record, feed = self.practice.record, self.practice.feed
        if carrying_on:
            practice, _ = carry_on(uow, routine, record, now, get_ready, owner)
        else:
            practice, _ = resume_practice(uow, routine, record, now, get_ready, owner, feed, True)
        self.practice, self.holder = practice, None

    def watch(
        self, uow: UnitOfWork, routine: Routine, owner: Owner, now: float, with_run: bool = False
    ) -> None:
        """Show the session as the log has it now: this process does not run it."""
        practice, holder = logged_practice(uow, routine, self.practice.record, owner, now, with_run)
        # The cues so far stay numbered as they were, and what the log has beyond them joins.
        mine = self.practice.feed
        practice.feed = mine if practice.version is None else mine.merged(practice.feed)
        self.practice, self.holder = practice, holder
