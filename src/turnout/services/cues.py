"""What a player says and shows for each event of a session: the spoken and visible cues.

The routine's own cue, title and partner cue are data from its file and pass through as they
are; the words around them are composed here, so that they can be translated in one place.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from turnout.domain import events
from turnout.domain.plan import HoldStatus, PlanItem
from turnout.domain.routine import Actor, Side

Role = Literal["dancer", "partner"]
COUNT = {3: "three", 2: "two", 1: "one"}
SIDE_WORDS = {Side.LEFT: "Left side.", Side.RIGHT: "Right side.", Side.BOTH: "Both sides."}


class Line(NamedTuple):
    """One utterance, and whose it is: a page gives the partner a voice of its own."""

    role: Role
    text: str


def say(event: events.Event) -> str:
    """The words to speak for `event`; "" when it says nothing of its own."""
    match event:
        case events.StepStarted(item=item):
            partner = item.step.partner_cue
            return f"{item.step.cue} Partner: {partner}" if partner else item.step.cue
        case events.GetReady(item=item):
            return f"Get ready: {item.step.title}."
        case events.Beep(remaining=remaining):
            return str(remaining)
        case events.CheckIn():
            return check_in(event.elapsed, event.remaining)
        case events.HoldEnded():
            return ""  # the next step's cue says what to do now
        case events.Paused():
            return "Paused."
        case events.Resumed():
            return "Resuming."
        case events.SessionEnded(finished=finished):
            # No praise here: the summary, which knows what was done, gives it where it is due.
            return "That is the end of the session." if finished else "Session ended."


def check_in(elapsed: int, remaining: int) -> str:
    """A check-in during a long hold: whole minutes done, and minutes to go (at least one)."""
    done, left = elapsed // 60, max(1, round(remaining / 60))
    return (
        f"{done} minutes done, about {left} to go. Breathe, and come out at once "
        "if anything pinches or goes numb."
    )


def item_label(item: PlanItem) -> str:
    """The exercise's number and name, and the step's title: "2. Frog: Hold"."""
    return f"{item.exercise.number}. {item.exercise.name}: {item.step.title}"


def lines(event: events.Event) -> tuple[Line, ...]:
    """What a player with a voice for each role says for `event`, in the order to say it.

    When the partner acts at a step's start (a push, a press), the partner's cue comes first,
    so it is heard as the hold starts rather than after the dancer's longer cue."""
    match event:
        case events.StepStarted(item=item):
            return _step_lines(item)
        case events.HoldEnded(record=record):
            done = record.status is HoldStatus.COMPLETED
            return (Line("dancer", "Release."),) if done else ()
        case events.Beep(remaining=remaining):
            return (Line("dancer", COUNT.get(remaining, str(remaining))),)
        case _:
            words = say(event)
            return (Line("dancer", words),) if words else ()


def _step_lines(item: PlanItem) -> tuple[Line, ...]:
    step = item.step
    side = SIDE_WORDS[step.side] if step.is_hold and step.side else ""
    dancer = Line("dancer", f"{side} {step.cue}".strip())
    if not step.partner_cue:
        return (dancer,)
    partner = Line("partner", f"Partner: {step.partner_cue}")
    return (partner, dancer) if step.actor is Actor.PARTNER else (dancer, partner)
