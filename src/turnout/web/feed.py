"""A session's events as a numbered feed, so every page speaks each cue once and loses none."""

from __future__ import annotations

import uuid
from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from turnout.domain.events import Beep, Event

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


class EventFeed:
    """The latest events of one live session. `id` changes when the server restarts."""

    def __init__(self, keep: int = 500) -> None:
        self.id = uuid.uuid4().hex[:12]
        self._entries: deque[FeedEntry] = deque(maxlen=keep)
        self.last = 0

    def add(self, events: Iterable[Event], at: float) -> None:
        for event in events:
            self.last += 1
            beep = event.remaining if isinstance(event, Beep) else None
            kind = KINDS[type(event).__name__]
            self._entries.append(FeedEntry(self.last, kind, event.say, beep, at))

    def after(self, seq: int) -> list[FeedEntry]:
        return [entry for entry in self._entries if entry.seq > seq]
