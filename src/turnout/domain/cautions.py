"""What dance medicine says before a loaded, long or partner-pressed stretch, in plain words."""

from __future__ import annotations

from turnout.domain.routine import Exercise
from turnout.domain.safety import is_loaded, is_partner_pressed

LONG_HOLD_SECONDS = 300

LONG_LOADED = (
    "This is a long stretch at the end of your range with weights pulling on it. Dance medicine "
    "advises holds of 30 to 60 seconds at a mild to moderate stretch, and avoiding stretches of "
    "20 minutes or more: long, loaded stretching reaches the ligaments and the joint capsule, "
    "which hold the hip stable, rather than the muscles. If you go ahead, stay well short of "
    "pain, and come out at once at anything sharp, pinching or numb. The app checks in with "
    "you every few minutes."
)
PARTNER = (
    "A partner pressing on your legs cannot feel where your tissues' limit is, and tends to "
    "push past it before you can say so. Dance medicine advises stretches the dancer controls, "
    "at a mild to moderate intensity: gentle stretching gains as much range as hard stretching. "
    "Agree a stop word first; the partner eases off the moment you say it, and you can press "
    "Stop at any time."
)
LOADED = (
    "Weights add force to a stretch at the end of your range. Keep it mild to moderate, never "
    "painful, and take the weights off at once if anything pinches or goes numb."
)


def confirmation(exercise: Exercise) -> str | None:
    """The text to confirm before starting `exercise`, or None when it needs no confirming."""
    parts = []
    long_hold = any((step.seconds or 0) >= LONG_HOLD_SECONDS for step in exercise.holds)
    if is_loaded(exercise):
        parts.append(LONG_LOADED if long_hold else LOADED)
    if is_partner_pressed(exercise):
        parts.append(PARTNER)
    return " ".join(parts) or None
