"""Pain and Stop in words: the Stop dialog's choices, what each choice means for the exercise,
and the reasons to see a professional."""

from __future__ import annotations

from turnout.domain.pain import LASTING_HOURS, Referral, ReferralReason, StopDecision, StopReason
from turnout.services.safety_text import region_label

STOP_LABELS = {
    StopReason.SHARP_PAIN: "Sharp, pinching or catching pain",
    StopReason.CLICKING_WITH_PAIN: "Clicking or locking, with pain",
    StopReason.NUMBNESS: "Numbness or tingling",
    StopReason.GIVING_WAY: "A joint gave way",
    StopReason.SORENESS: "Ordinary muscle soreness or a strong stretch",
    StopReason.OTHER: "Something else: I need a break",
}
# Why each warning sign ends the exercise for today.
WARNING_TEXT = {
    StopReason.SHARP_PAIN: "Sharp, pinching or catching pain is the body's signal that a "
    "structure, not a muscle, is being loaded. Pushing on can turn it into an injury.",
    StopReason.CLICKING_WITH_PAIN: "A click or a catch that hurts can mean something inside "
    "the joint is being pinched. Stretching further into it is not worth the risk.",
    StopReason.NUMBNESS: "Numbness or tingling means a nerve is under pressure or stretched. "
    "Let it recover fully before loading it again.",
    StopReason.GIVING_WAY: "A joint that gives way is not controlling the position safely "
    "right now. Rest it, and build strength before range.",
}
OVER_FOR_TODAY = (
    "This exercise is over for today. If it keeps coming back, or lasts more than two or "
    "three days, see a dance physiotherapist or doctor."
)
SORENESS_TEXT = (
    "An ache in the working muscles, or the pull of a stretch, is normal and no reason to give "
    "up the day. Ease off to a mild-to-moderate stretch, breathe, and resume when ready. If it "
    "turns sharp, pinches, catches or goes numb, press Stop again and say so."
)
PAUSED_TEXT = "Paused. Take the time you need, then resume or skip."


def stop_label(reason: StopReason) -> str:
    """The Stop dialog's button for `reason`."""
    return STOP_LABELS[reason]


def stop_explanation(decision: StopDecision) -> str:
    """What the decision means for the exercise under way, in plain words."""
    if decision.ends_exercise:
        return f"{WARNING_TEXT[decision.reason]} {OVER_FOR_TODAY}"
    if decision.reason is StopReason.SORENESS:
        return SORENESS_TEXT
    return PAUSED_TEXT


def referral_text(referral: Referral) -> str:
    """One reason to see a professional, as part of a sentence: "knee pain has lasted ..."."""
    where = region_label(referral.region) if referral.region else ""
    texts = {
        ReferralReason.WOKE_AT_NIGHT: "pain has woken you at night",
        ReferralReason.LASTING: f"{where} pain has lasted more than {LASTING_HOURS} hours",
        ReferralReason.WORSENING: f"{where} pain has been worse at each of your last sessions",
    }
    return texts[referral.reason]
