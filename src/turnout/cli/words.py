"""The words the terminal shows for values the log keeps as codes: step kinds, sides, who does
a step, how a hold ended, the tables of a backup. The codes themselves (JSON, CSV, options
such as `--role dancer`) stay as they are."""

from __future__ import annotations

from turnout.domain.compensation import Flag
from turnout.domain.plan import HoldStatus
from turnout.domain.routine import Actor, StepKind
from turnout.i18n import N_, _, pgettext

# A backup's tables, as `turnout import` counts them.
TABLE_LABELS = {
    "sessions": N_("sessions"),
    "holds": N_("holds"),
    "pain_checks": N_("pain checks"),
    "stops": N_("stops"),
    "measurements": N_("measurements"),
    "profile": N_("profile"),
    "corrections": N_("corrections"),
}


def kind_label(kind: StepKind) -> str:
    """What a step is ("hold", "switch side"), lower case; the player shows it in capitals."""
    labels = {
        StepKind.SETUP: pgettext("step kind", "setup"),
        StepKind.HOLD: pgettext("step kind", "hold"),
        StepKind.RELEASE: pgettext("step kind", "release"),
        StepKind.REST: pgettext("step kind", "rest"),
        StepKind.SWITCH_SIDE: pgettext("step kind", "switch side"),
    }
    return labels[kind]


def side_label(side: str) -> str:
    """A step's side, or the side a reading was taken on: left, right or both."""
    labels = {
        "left": pgettext("side", "left"),
        "right": pgettext("side", "right"),
        "both": pgettext("side", "both"),
    }
    return labels.get(side, side)


def actor_label(actor: Actor) -> str:
    """Who does the step: the dancer or the partner."""
    if actor is Actor.PARTNER:
        return pgettext("who does the step", "partner")
    return pgettext("who does the step", "dancer")


def status_label(status: HoldStatus) -> str:
    """How a logged hold ended."""
    if status is HoldStatus.SKIPPED:
        return pgettext("hold status", "skipped")
    return pgettext("hold status", "completed")


def flag_label(flag: Flag) -> str:
    """A compensated turnout's band, as the progress report names it."""
    labels = {
        Flag.GREEN: pgettext("compensated turnout band", "green"),
        Flag.AMBER: pgettext("compensated turnout band", "amber"),
        Flag.RED: pgettext("compensated turnout band", "red"),
    }
    return labels[flag]


def table_label(name: str) -> str:
    return _(TABLE_LABELS[name]) if name in TABLE_LABELS else name.replace("_", " ")
