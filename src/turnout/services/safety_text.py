"""Screening and its adaptations in words: body regions, the Beighton self-check, why an
exercise is swapped, notices about the whole routine, and the cautions before a stretch."""

from __future__ import annotations

from turnout.domain.cautions import Caution, cautions_to_confirm
from turnout.domain.routine import Exercise
from turnout.domain.safety import (
    BEIGHTON_ITEMS,
    Adaptation,
    Adaptations,
    Alternative,
    Force,
    Notice,
    Reason,
    Region,
    Why,
)

REGION_LABELS = {
    Region.HIP_GROIN: "hip or groin",
    Region.KNEE: "knee",
    Region.FOOT_ANKLE: "foot or ankle",
    Region.LOW_BACK: "low back",
}
BEIGHTON_LABELS = {
    "little_finger_left": "Left little finger bends back past 90 degrees",
    "little_finger_right": "Right little finger bends back past 90 degrees",
    "thumb_left": "Left thumb folds down to touch the forearm",
    "thumb_right": "Right thumb folds down to touch the forearm",
    "elbow_left": "Left elbow straightens past a straight line (over 10 degrees)",
    "elbow_right": "Right elbow straightens past a straight line (over 10 degrees)",
    "knee_left": "Left knee straightens past a straight line (over 10 degrees)",
    "knee_right": "Right knee straightens past a straight line (over 10 degrees)",
    "palms_to_floor": "Palms flat on the floor with the knees straight",
}
# What makes a stretch forceful, and whether its name takes a plural verb.
FORCE_NAMES = {
    Force.WEIGHTS: ("the ankle weights", True),
    Force.PARTNER: ("the partner pressing", False),
}
CAUTION_TEXT = {
    Caution.LONG_LOADED: "This is a long stretch at the end of your range with weights pulling "
    "on it. Dance medicine advises holds of 30 to 60 seconds at a mild to moderate stretch, and "
    "avoiding stretches of 20 minutes or more: long, loaded stretching reaches the ligaments and "
    "the joint capsule, which hold the hip stable, rather than the muscles. If you go ahead, "
    "stay well short of pain, and come out at once at anything sharp, pinching or numb. The app "
    "checks in with you every few minutes.",
    Caution.PARTNER: "A partner pressing on your legs cannot feel where your tissues' limit is, "
    "and tends to push past it before you can say so. Dance medicine advises stretches the "
    "dancer controls, at a mild to moderate intensity: gentle stretching gains as much range as "
    "hard stretching. Agree a stop word first; the partner eases off the moment you say it, and "
    "you can press Stop at any time.",
    Caution.LOADED: "Weights add force to a stretch at the end of your range. Keep it mild to "
    "moderate, never painful, and take the weights off at once if anything pinches or goes numb.",
}


def region_label(region: Region) -> str:
    """A body region in lower case, as it fits inside a sentence: "hip or groin"."""
    return REGION_LABELS[region]


def beighton_items() -> list[tuple[str, str]]:
    """The self-check's items in the order they are asked: (form key, what to try)."""
    return [(key, BEIGHTON_LABELS[key]) for key in BEIGHTON_ITEMS]


def because(adaptation: Adaptation) -> str:
    """Why the exercise is swapped, in lower case, as one clause: every reason said once,
    then the one thing that replaces it ("because you are under 18 and ..., it is ...")."""
    whys = [_why(r) for r in adaptation.reasons]
    joined = ", ".join(whys[:-1]) + f" and {whys[-1]}" if len(whys) > 1 else whys[0]
    return f"because {joined}, {_replaced(adaptation)}"


def reason_text(reason: Reason) -> str:
    """One reason alone, as a clause starting "because ..."."""
    instead = Alternative.SELF_CONTROLLED if reason.why is Why.YOUNG else Alternative.STRENGTH
    return f"because {_why(reason)}, {_replaced_by(instead, (reason,))}"


def _replaced(adaptation: Adaptation) -> str:
    return _replaced_by(adaptation.instead, adaptation.reasons)


def _replaced_by(instead: Alternative, reasons: tuple[Reason, ...]) -> str:
    if instead is Alternative.SELF_CONTROLLED:
        forces = next(r.forces for r in reasons if r.why is Why.YOUNG)
        names = [FORCE_NAMES[f][0] for f in forces]
        plural = len(forces) > 1 or any(FORCE_NAMES[f][1] for f in forces)
        verb = "are" if plural else "is"
        return f"{' and '.join(names)} {verb} replaced by a stretch you control yourself"
    if any(r.why is Why.HIP_CONDITION for r in reasons):
        return "this end-range stretch of the hip is replaced by strengthening"
    return "more passive range is replaced by strength and control"


def _why(reason: Reason) -> str:
    if reason.why is Why.YOUNG:
        who = "you are under 18" if reason.minor else ""
        if reason.growth_spurt:
            who = f"{who} and growing fast" if who else "you are in a growth spurt"
        return who
    if reason.why is Why.HIP_CONDITION:
        names = ", ".join(c.value for c in sorted(reason.hip_conditions))  # codes are plain names
        return f"you told us about a hip condition ({names})"
    return f"your joints are very mobile (Beighton {reason.beighton} of 9)"


def stop_note(days_ago: int, when: str, exercise_name: str, what: str) -> str:
    """A reminder of a stop for a warning sign: the same day it rests (as Today says), later
    it comes back gently. `when` is "Earlier today", "Yesterday" or "On Monday"."""
    if days_ago == 0:
        return (
            f"{when} you stopped {exercise_name} ({what}). It rests until tomorrow; when you "
            "take it up again, go gently and stop at once if the feeling comes back."
        )
    return (
        f"{when} you stopped {exercise_name} ({what}). Go gently with it today, and stop at "
        "once if the feeling comes back."
    )


def notices(adapted: Adaptations) -> list[str]:
    """What the dancer should know about the whole routine, one paragraph each."""
    return [notice_text(n, adapted.pain_now) for n in adapted.notices]


def notice_text(notice: Notice, pain_now: tuple[Region, ...] = ()) -> str:
    if notice is Notice.PAIN_NOW:
        where = ", ".join(region_label(r) for r in pain_now)
        return (
            f"You told us about pain now ({where}). Work gently, answer the pain check before "
            "and after each session, and see a dance physiotherapist if it lingers."
        )
    return (
        "With a known hip condition, ask your physiotherapist or doctor which of these "
        "exercises suit you; the app cannot examine you."
    )


def confirmation(exercise: Exercise) -> str | None:
    """The text to confirm before starting `exercise`, or None when it needs no confirming."""
    return " ".join(CAUTION_TEXT[c] for c in cautions_to_confirm(exercise)) or None
