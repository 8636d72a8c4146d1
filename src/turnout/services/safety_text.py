"""Screening and its adaptations in words: body regions, the Beighton self-check, why an
exercise is swapped, notices about the whole routine, and the cautions before a stretch."""

from __future__ import annotations

from collections.abc import Sequence

from turnout.domain.cautions import Caution, cautions_to_confirm
from turnout.domain.routine import Exercise
from turnout.domain.safety import (
    BEIGHTON_ITEMS,
    Adaptation,
    Adaptations,
    Alternative,
    Force,
    HipCondition,
    Notice,
    Reason,
    Region,
    Why,
)
from turnout.i18n import N_, _

REGION_LABELS = {
    Region.HIP_GROIN: N_("hip or groin"),
    Region.KNEE: N_("knee"),
    Region.FOOT_ANKLE: N_("foot or ankle"),
    Region.LOW_BACK: N_("low back"),
}
HIP_CONDITION_LABELS = {
    HipCondition.DYSPLASIA: N_("dysplasia"),
    HipCondition.IMPINGEMENT: N_("impingement"),
    HipCondition.LABRAL_TEAR: N_("labral tear"),
    HipCondition.SURGERY: N_("hip surgery"),
}
BEIGHTON_LABELS = {
    "little_finger_left": N_("Left little finger bends back past 90 degrees"),
    "little_finger_right": N_("Right little finger bends back past 90 degrees"),
    "thumb_left": N_("Left thumb folds down to touch the forearm"),
    "thumb_right": N_("Right thumb folds down to touch the forearm"),
    "elbow_left": N_("Left elbow straightens past a straight line (over 10 degrees)"),
    "elbow_right": N_("Right elbow straightens past a straight line (over 10 degrees)"),
    "knee_left": N_("Left knee straightens past a straight line (over 10 degrees)"),
    "knee_right": N_("Right knee straightens past a straight line (over 10 degrees)"),
    "palms_to_floor": N_("Palms flat on the floor with the knees straight"),
}
# What replaces a forceful stretch for a young dancer, by what makes it forceful.
SELF_CONTROLLED = {
    (Force.WEIGHTS,): N_("the ankle weights are replaced by a stretch you control yourself"),
    (Force.PARTNER,): N_("the partner pressing is replaced by a stretch you control yourself"),
    (Force.WEIGHTS, Force.PARTNER): N_(
        "the ankle weights and the partner pressing are replaced by a stretch you control yourself"
    ),
}
CAUTION_TEXT = {
    Caution.LONG_LOADED: N_(
        "This is a long stretch at the end of your range with weights pulling on it. Dance "
        "medicine advises holds of 30 to 60 seconds at a mild to moderate stretch, and avoiding "
        "stretches of 20 minutes or more: long, loaded stretching reaches the ligaments and the "
        "joint capsule, which hold the hip stable, rather than the muscles. If you go ahead, "
        "stay well short of pain, and come out at once at anything sharp, pinching or numb. The "
        "app checks in with you every few minutes."
    ),
    Caution.PARTNER: N_(
        "A partner pressing on your legs cannot feel where your tissues' limit is, and tends to "
        "push past it before you can say so. Dance medicine advises stretches the dancer "
        "controls, at a mild to moderate intensity: gentle stretching gains as much range as "
        "hard stretching. Agree a stop word first; the partner eases off the moment you say it, "
        "and you can press Stop at any time."
    ),
    Caution.LOADED: N_(
        "Weights add force to a stretch at the end of your range. Keep it mild to moderate, "
        "never painful, and take the weights off at once if anything pinches or goes numb."
    ),
}


def region_label(region: Region) -> str:
    """A body region in lower case, as it fits inside a sentence: "hip or groin"."""
    return _(REGION_LABELS[region])


def hip_condition_label(condition: HipCondition) -> str:
    """A hip condition in lower case, as it fits inside a sentence: "labral tear"."""
    return _(HIP_CONDITION_LABELS[condition])


def beighton_items() -> list[tuple[str, str]]:
    """The self-check's items in the order they are asked: (form key, what to try)."""
    return [(key, _(BEIGHTON_LABELS[key])) for key in BEIGHTON_ITEMS]


def because(adaptation: Adaptation) -> str:
    """Why the exercise is swapped, in lower case, as one clause: every reason said once,
    then the one thing that replaces it ("because you are under 18 and ..., it is ...")."""
    return _because(joined([_why(r) for r in adaptation.reasons]), _replaced(adaptation))


def reason_text(reason: Reason) -> str:
    """One reason alone, as a clause starting "because ..."."""
    instead = Alternative.SELF_CONTROLLED if reason.why is Why.YOUNG else Alternative.STRENGTH
    return _because(_why(reason), _replaced_by(instead, (reason,)))


def _because(reasons: str, replacement: str) -> str:
    # Translators: a clause in lower case, shown after an exercise's name: {reasons} is why it
    # is swapped ("you are under 18"), {replacement} what replaces what ("the ankle weights are
    # replaced by a stretch you control yourself").
    return _("because {reasons}, {replacement}").format(reasons=reasons, replacement=replacement)


def joined(clauses: Sequence[str]) -> str:
    """Clauses or names as one list: "a", "a and b", "a, b and c"."""
    if len(clauses) < 2:
        return "".join(clauses)
    head = clauses[0]
    for clause in clauses[1:-1]:
        # Translators: the items of a list before its last one ("a, b"), as in "a, b and c".
        head = _("{first}, {second}").format(first=head, second=clause)
    # Translators: the last item of a list joined on ("a and b", "a, b and c").
    return _("{first} and {last}").format(first=head, last=clauses[-1])


def _replaced(adaptation: Adaptation) -> str:
    return _replaced_by(adaptation.instead, adaptation.reasons)


def _replaced_by(instead: Alternative, reasons: tuple[Reason, ...]) -> str:
    if instead is Alternative.SELF_CONTROLLED:
        forces = next(r.forces for r in reasons if r.why is Why.YOUNG)
        return _(SELF_CONTROLLED[forces])
    if any(r.why is Why.HIP_CONDITION for r in reasons):
        return _("this end-range stretch of the hip is replaced by strengthening")
    return _("more passive range is replaced by strength and control")


def _why(reason: Reason) -> str:
    if reason.why is Why.YOUNG:
        if reason.minor and reason.growth_spurt:
            return _("you are under 18 and growing fast")
        if reason.minor:
            return _("you are under 18")
        return _("you are in a growth spurt") if reason.growth_spurt else ""
    if reason.why is Why.HIP_CONDITION:
        names = ", ".join(hip_condition_label(c) for c in sorted(reason.hip_conditions))
        # Translators: {names} lists the hip conditions the dancer gave, e.g. "dysplasia".
        return _("you told us about a hip condition ({names})").format(names=names)
    # Translators: {score} is the Beighton score, a whole number from 6 to 9.
    return _("your joints are very mobile (Beighton {score} of 9)").format(score=reason.beighton)


def stop_note(days_ago: int, when: str, exercise_name: str, what: str) -> str:
    """A reminder of a stop for a warning sign: the same day it rests (as Today says), later
    it comes back gently. `when` is "Earlier today", "Yesterday" or "On Monday"."""
    if days_ago == 0:
        # Translators: {when} is "Earlier today"; {exercise} an exercise's name; {what} the
        # warning sign in lower case ("sharp pain").
        text = _(
            "{when} you stopped {exercise} ({what}). It rests until tomorrow; when you take it "
            "up again, go gently and stop at once if the feeling comes back."
        )
    else:
        # Translators: {when} is "Yesterday" or "On Monday" (a day of the past week);
        # {exercise} an exercise's name; {what} the warning sign in lower case ("sharp pain").
        text = _(
            "{when} you stopped {exercise} ({what}). Go gently with it today, and stop at once "
            "if the feeling comes back."
        )
    return text.format(when=when, exercise=exercise_name, what=what)


def notices(adapted: Adaptations) -> list[str]:
    """What the dancer should know about the whole routine, one paragraph each."""
    return [notice_text(n, adapted.pain_now) for n in adapted.notices]


def notice_text(notice: Notice, pain_now: tuple[Region, ...] = ()) -> str:
    if notice is Notice.PAIN_NOW:
        where = ", ".join(region_label(r) for r in pain_now)
        # Translators: {regions} lists where it hurts, in lower case ("knee, low back").
        return _(
            "You told us about pain now ({regions}). Work gently, answer the pain check before "
            "and after each session, and see a dance physiotherapist if it lingers."
        ).format(regions=where)
    return _(
        "With a known hip condition, ask your physiotherapist or doctor which of these "
        "exercises suit you; the app cannot examine you."
    )


def confirmation(exercise: Exercise) -> str | None:
    """The text to confirm before starting `exercise`, or None when it needs no confirming."""
    return " ".join(_(CAUTION_TEXT[c]) for c in cautions_to_confirm(exercise)) or None
