"""A web session's run as the log keeps it: the state machine's state (all but the plan, which
every process builds the same from the routine) and the tail of its numbered feed of cues.

Written at every transition, in the transaction that logs its holds, so any web process can
answer for the session and a process that takes it over carries on from the same moment."""

from __future__ import annotations

import itertools
import json
import uuid
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from turnout.domain.events import Beep, Event
from turnout.domain.plan import Plan
from turnout.domain.state import Phase, SessionState
from turnout.services import cues

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
KEPT_IN_LOG = 20  # feed entries written with the state: more than any page misses between polls
FORMAT = 1
_FIELDS = (
    "position",
    "phase",
    "get_ready_seconds",
    "deadline",
    "step_started_at",
    "paused_at",
    "paused_from",
    "paused_total",
    "next_beep",
    "next_check_in",
)


@dataclass(frozen=True)
class FeedEntry:
    seq: int
    kind: str
    say: str
    beep: int | None
    at: float
    role: cues.Role = "dancer"


class EventFeed:
    """The latest events of one live session, numbered. `id` stays with the session in the log;
    a feed made afresh (a session logged without one) has a new id, numbered from 1 again."""

    def __init__(self, keep: int = 500, id: str | None = None, last: int = 0) -> None:
        self.id = id or uuid.uuid4().hex[:12]
        self._entries: deque[FeedEntry] = deque(maxlen=keep)
        self.last = last

    def entries(self, events: Iterable[Event], at: float) -> list[FeedEntry]:
        """The entries `events` would add, numbered after the last; the feed is unchanged."""
        made: list[FeedEntry] = []
        for event in events:
            beep = event.remaining if isinstance(event, Beep) else None
            kind = KINDS[type(event).__name__]
            # One entry per utterance, each with its role; an event with no words still gets
            # one, so a page sees every event.
            for role, words in cues.lines(event) or (cues.Line("dancer", ""),):
                made.append(FeedEntry(self.last + len(made) + 1, kind, words, beep, at, role))
        return made

    def extend(self, entries: Sequence[FeedEntry]) -> None:
        self._entries.extend(entries)
        if entries:
            self.last = entries[-1].seq

    def add(self, events: Iterable[Event], at: float) -> None:
        self.extend(self.entries(events, at))

    def merged(self, other: EventFeed) -> EventFeed:
        """This feed and what `other`, the same feed numbered further by another process,
        has beyond it; `other` itself when it is another feed."""
        if other.id != self.id:
            return other
        self.extend(other.after(self.last))
        self.last = max(self.last, other.last)
        return self

    def tail(self, count: int) -> list[FeedEntry]:
        """The last `count` entries, oldest first, without walking the whole feed."""
        return list(itertools.islice(reversed(self._entries), count))[::-1]

    def after(self, seq: int) -> list[FeedEntry]:
        return [entry for entry in self._entries if entry.seq > seq]


def dump(state: SessionState, feed: EventFeed, adding: Sequence[FeedEntry] = ()) -> str:
    """The run as JSON: `state`, and `feed` with `adding` (not yet in it) at its end."""
    tail = [*feed.tail(KEPT_IN_LOG), *adding][-KEPT_IN_LOG:]
    last = adding[-1].seq if adding else feed.last
    fields = {name: getattr(state, name) for name in _FIELDS}
    return json.dumps(
        {
            "format": FORMAT,
            "state": fields,
            "feed": {
                "id": feed.id,
                "last": last,
                "tail": [list(e.__dict__.values()) for e in tail],
            },
        },
        separators=(",", ":"),
    )


def load(text: str, plan: Plan) -> tuple[SessionState, EventFeed] | None:
    """The run `dump` wrote, on `plan`; None if it is not one this version can read (the
    session is then resumed from its logged holds, as one without a run)."""
    try:
        data = json.loads(text)
        if data.get("format") != FORMAT:
            return None
        state = _state(data["state"], plan)
        feed = _feed(data["feed"])
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    return state, feed


def _state(fields: dict[str, Any], plan: Plan) -> SessionState:
    values = {name: fields[name] for name in _FIELDS}
    values["phase"] = Phase(values["phase"])
    if values["paused_from"] is not None:
        values["paused_from"] = Phase(values["paused_from"])
    if not 0 <= int(values["position"]) <= len(plan.items):
        raise ValueError("position outside the plan")
    return SessionState(plan, **values)


def _feed(data: dict[str, Any]) -> EventFeed:
    feed = EventFeed(id=str(data["id"]), last=int(data["last"]))
    feed.extend([FeedEntry(*row) for row in data["tail"]])
    feed.last = int(data["last"])
    return feed
