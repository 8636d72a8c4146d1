"""What a player says and shows for each event of a session: the spoken and visible cues.

The routine's own cue, title and partner cue are data from its file and pass through as they
are; the words around them are composed here, so that they can be translated in one place.
"""

from __future__ import annotations

from turnout.domain import events
from turnout.domain.plan import PlanItem


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
            return "Well done, that is the end of the session." if finished else "Session ended."


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
