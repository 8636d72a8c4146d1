"""One live session as a server holds it: the practice, a lock, and a numbered feed of its
events so every page speaks each cue once and loses none; or, when another process runs it,
the session as the log has it, with that process's lease."""

from __future__ import annotations

import threading
import uuid
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field

from turnout.domain.events import Beep, Event
from turnout.domain.log import Lease
from turnout.domain.routine import Routine
from turnout.domain.state import SessionState
from turnout.ports import UnitOfWork
from turnout.services import cues
from turnout.services.leases import Owner
from turnout.services.practice import Practice, logged_practice, resume_practice

KINDS = {
    "StepStarted": "step_started",
    "GetReady": "get_ready",
    "Beep": "beep",
    "CheckIn": "check_in",
    "HoldEnded": "hold_ended",
    "Paused": "paused",
    "Resumed": "resumed",
    "SessionEnded": "session_ended",
}


@dataclass(frozen=True)
class FeedEntry:
    seq: int
    kind: str
    say: str
    beep: int | None
    at: float
    role: cues.Role = "dancer"


class EventFeed:
    """The latest events of one live session. `id` changes when the server restarts."""

    def __init__(self, keep: int = 500) -> None:
        self.id = uuid.uuid4().hex[:12]
        self._entries: deque[FeedEntry] = deque(maxlen=keep)
        self.last = 0

    def add(self, events: Iterable[Event], at: float) -> None:
        for event in events:
            beep = event.remaining if isinstance(event, Beep) else None
            kind = KINDS[type(event).__name__]
            # One entry per utterance, each with its role; an event with no words still gets
            # one, so a page sees every event.
            for role, words in cues.lines(event) or (cues.Line("dancer", ""),):
                self.last += 1
                self._entries.append(FeedEntry(self.last, kind, words, beep, at, role))

    def after(self, seq: int) -> list[FeedEntry]:
        return [entry for entry in self._entries if entry.seq > seq]


@dataclass
class LiveSession:
    practice: Practice
    feed: EventFeed = field(default_factory=EventFeed)
    lock: threading.Lock = field(default_factory=threading.Lock)
    error: str | None = None
    # The lease of another process that runs this session, while that lease lives: the session
    # is then shown as the log has it, and nothing here drives it.
    holder: Lease | None = None
    touched: float = 0.0  # when a request last asked for it (clock seconds)

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

    def apply(self, events: tuple[Event, ...], now: float) -> None:
        self.feed.add(events, now)

    def take(
        self, uow: UnitOfWork, routine: Routine, now: float, get_ready: int, owner: Owner
    ) -> None:
        """Run the session from here on: claim its lease, then go on from its last logged
        hold. Raises SessionHeldError while another live process runs it."""
        record = self.practice.record
        practice, events = resume_practice(uow, routine, record, now, get_ready, owner)
        self.practice, self.holder = practice, None
        self.apply(events, now)

    def watch(self, uow: UnitOfWork, routine: Routine, owner: Owner, now: float) -> None:
        """Show the session as the log has it now: this process does not run it."""
        found = logged_practice(uow, routine, self.practice.record, owner, now)
        self.practice, self.holder = found
