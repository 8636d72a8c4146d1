"""The class view's flags in sentences a teacher reads at a glance."""

from __future__ import annotations

from turnout.domain.classes import FlagKind, RedFlag
from turnout.domain.pain import ReferralReason, StopReason
from turnout.domain.safety import Region
from turnout.services.pain_text import stop_label
from turnout.services.safety_text import region_label

REFERRALS = {
    ReferralReason.WOKE_AT_NIGHT: "pain that woke them at night",
    ReferralReason.LASTING: "pain at every check for two days or more",
    ReferralReason.WORSENING: "pain rising over the last three checks before practice",
}


def flag_text(flag: RedFlag) -> str:
    if flag.kind is FlagKind.WARNING_STOP:
        return f"Stopped practice for a warning sign: {stop_label(StopReason(flag.detail))}."
    if flag.kind is FlagKind.SEE_SOMEONE:
        reason, _, region = flag.detail.partition(":")
        where = f" ({region_label(Region(region))})" if region else ""
        return (
            f"Pain checks say to see a dance physiotherapist or doctor: "
            f"{REFERRALS[ReferralReason(reason)]}{where}."
        )
    if flag.kind is FlagKind.FORCED_TURNOUT:
        return (
            f"Turnout forced from below the hips by about {float(flag.detail):.0f} degrees "
            "(the red band): the feet turn out further than the hips rotate."
        )
    return f"No practice logged for {flag.detail} days."
