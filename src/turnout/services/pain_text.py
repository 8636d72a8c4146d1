"""Pain and Stop in words: the Stop dialog's choices, what each choice means for the exercise,
and the reasons to see a professional."""

from __future__ import annotations

from turnout.domain.pain import LASTING_HOURS, Referral, ReferralReason, StopDecision, StopReason
from turnout.i18n import N_, _, ngettext
from turnout.services.safety_text import region_label

STOP_LABELS = {
    StopReason.SHARP_PAIN: N_("Sharp, pinching or catching pain"),
    StopReason.CLICKING_WITH_PAIN: N_("Clicking or locking, with pain"),
    StopReason.NUMBNESS: N_("Numbness or tingling"),
    StopReason.GIVING_WAY: N_("A joint gave way"),
    StopReason.SORENESS: N_("Ordinary muscle soreness or a strong stretch"),
    StopReason.OTHER: N_("Something else: I need a break"),
}
# The reason for a stop as a few words inside a sentence ("you stopped Frog (numbness)").
STOP_WORDS = {
    StopReason.SHARP_PAIN: N_("sharp pain"),
    StopReason.CLICKING_WITH_PAIN: N_("clicking with pain"),
    StopReason.NUMBNESS: N_("numbness"),
    StopReason.GIVING_WAY: N_("giving way"),
    StopReason.SORENESS: N_("soreness"),
    StopReason.OTHER: N_("other"),
}
# Why each warning sign ends the exercise for today.
WARNING_TEXT = {
    StopReason.SHARP_PAIN: N_(
        "Sharp, pinching or catching pain is the body's signal that a structure, not a muscle, "
        "is being loaded. Pushing on can turn it into an injury."
    ),
    StopReason.CLICKING_WITH_PAIN: N_(
        "A click or a catch that hurts can mean something inside the joint is being pinched. "
        "Stretching further into it is not worth the risk."
    ),
    StopReason.NUMBNESS: N_(
        "Numbness or tingling means a nerve is under pressure or stretched. Let it recover "
        "fully before loading it again."
    ),
    StopReason.GIVING_WAY: N_(
        "A joint that gives way is not controlling the position safely right now. Rest it, and "
        "build strength before range."
    ),
}
OVER_FOR_TODAY = N_(
    "This exercise is over for today. If it keeps coming back, or lasts more than two or "
    "three days, see a dance physiotherapist or doctor."
)
SORENESS_TEXT = N_(
    "An ache in the working muscles, or the pull of a stretch, is normal and no reason to give "
    "up the day. Ease off to a mild-to-moderate stretch, breathe, and resume when ready. If it "
    "turns sharp, pinches, catches or goes numb, press Stop again and say so."
)
PAUSED_TEXT = N_("Paused. Take the time you need, then resume or skip.")


def stop_label(reason: StopReason) -> str:
    """The Stop dialog's button for `reason`."""
    return _(STOP_LABELS[reason])


def stop_labels() -> dict[StopReason, str]:
    """Every button of the Stop dialog, in the order they are shown."""
    return {reason: _(label) for reason, label in STOP_LABELS.items()}


def stop_words(reason: StopReason) -> str:
    """The reason for a stop in a few words, in lower case: "sharp pain"."""
    return _(STOP_WORDS[reason])


def stop_explanation(decision: StopDecision) -> str:
    """What the decision means for the exercise under way, in plain words."""
    if decision.ends_exercise:
        return f"{_(WARNING_TEXT[decision.reason])} {_(OVER_FOR_TODAY)}"
    if decision.reason is StopReason.SORENESS:
        return _(SORENESS_TEXT)
    return _(PAUSED_TEXT)


def referral_text(referral: Referral) -> str:
    """One reason to see a professional, as part of a sentence: "knee pain has lasted ..."."""
    if referral.reason is ReferralReason.WOKE_AT_NIGHT:
        return _("pain has woken you at night")
    where = region_label(referral.region) if referral.region else ""
    if referral.reason is ReferralReason.LASTING:
        # Translators: part of a sentence, in lower case; {region} is where it hurts ("knee").
        text = ngettext(
            "{region} pain has lasted more than {count} hour",
            "{region} pain has lasted more than {count} hours",
            LASTING_HOURS,
        )
        return text.format(region=where, count=LASTING_HOURS)
    # Translators: part of a sentence, in lower case; {region} is where it hurts ("knee").
    return _("{region} pain has been worse at each of your last sessions").format(region=where)
