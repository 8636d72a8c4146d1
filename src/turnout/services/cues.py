"""What a player says and shows for each event of a session: the spoken and visible cues.

The routine's own cue, title and partner cue are data from its file and pass through as they
are; the words around them are composed here, so that they can be translated in one place.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from turnout.domain import events
from turnout.domain.plan import HoldStatus, PlanItem
from turnout.domain.routine import Actor, Side
from turnout.i18n import N_, _, ngettext, pgettext

Role = Literal["dancer", "partner"]
SIDE_WORDS = {
    Side.LEFT: N_("Left side."),
    Side.RIGHT: N_("Right side."),
    Side.BOTH: N_("Both sides."),
}


class Line(NamedTuple):
    """One utterance, and whose it is: a page gives the partner a voice of its own."""

    role: Role
    text: str


def say(event: events.Event) -> str:
    """The words to speak for `event`; "" when it says nothing of its own."""
    match event:
        case events.StepStarted(item=item):
            partner = item.step.partner_cue
            if not partner:
                return item.step.cue
            # Translators: spoken; {cue} is the dancer's cue, {partner_cue} the partner's.
            return _("{cue} Partner: {partner_cue}").format(cue=item.step.cue, partner_cue=partner)
        case events.GetReady(item=item):
            # Translators: spoken before a hold; {title} is the step's title ("Left 1").
            return _("Get ready: {title}.").format(title=item.step.title)
        case events.Beep(remaining=remaining):
            return str(remaining)
        case events.CheckIn():
            return check_in(event.elapsed, event.remaining)
        case events.HoldEnded():
            return ""  # the next step's cue says what to do now
        case events.Paused():
            return _("Paused.")
        case events.Resumed():
            return _("Resuming.")
        case events.SessionEnded(finished=finished):
            # No praise here: the summary, which knows what was done, gives it where it is due.
            return _("That is the end of the session.") if finished else _("Session ended.")


def check_in(elapsed: int, remaining: int) -> str:
    """A check-in during a long hold: whole minutes done, and minutes to go (at least one)."""
    done, left = elapsed // 60, max(1, round(remaining / 60))
    # Translators: spoken during a long hold; {count} minutes done, about {left} minutes to go.
    text = ngettext(
        "{count} minutes done, about {left} to go. Breathe, and come out at once if anything "
        "pinches or goes numb.",
        "{count} minutes done, about {left} to go. Breathe, and come out at once if anything "
        "pinches or goes numb.",
        done,
    )
    return text.format(count=done, left=left)


def item_label(item: PlanItem) -> str:
    """The exercise's number and name, and the step's title: "2. Frog: Hold"."""
    # Translators: {number} and {exercise} are the exercise's number and name, {step} the
    # step's title: "2. Frog: Hold".
    return _("{number}. {exercise}: {step}").format(
        number=item.exercise.number, exercise=item.exercise.name, step=item.step.title
    )


def count_word(remaining: int) -> str:
    """A second of the last three counted aloud ("three"); a figure beyond them."""
    words = {
        # Translators: counted aloud as a hold ends: three, two, one.
        3: pgettext("countdown", "three"),
        # Translators: counted aloud as a hold ends: three, two, one.
        2: pgettext("countdown", "two"),
        # Translators: counted aloud as a hold ends: three, two, one.
        1: pgettext("countdown", "one"),
    }
    return words.get(remaining, str(remaining))


def lines(event: events.Event) -> tuple[Line, ...]:
    """What a player with a voice for each role says for `event`, in the order to say it.

    When the partner acts at a step's start (a push, a press), the partner's cue comes first,
    so it is heard as the hold starts rather than after the dancer's longer cue."""
    match event:
        case events.StepStarted(item=item):
            return _step_lines(item)
        case events.HoldEnded(record=record):
            done = record.status is HoldStatus.COMPLETED
            return (Line("dancer", _("Release.")),) if done else ()
        case events.Beep(remaining=remaining):
            return (Line("dancer", count_word(remaining)),)
        case _:
            words = say(event)
            return (Line("dancer", words),) if words else ()


def _step_lines(item: PlanItem) -> tuple[Line, ...]:
    step = item.step
    side = _(SIDE_WORDS[step.side]) if step.is_hold and step.side else ""
    dancer = Line("dancer", f"{side} {step.cue}".strip())
    if not step.partner_cue:
        return (dancer,)
    # Translators: spoken in the partner's voice; {cue} is what the partner does.
    partner = Line("partner", _("Partner: {cue}").format(cue=step.partner_cue))
    return (partner, dancer) if step.actor is Actor.PARTNER else (dancer, partner)
