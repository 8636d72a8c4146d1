"""Classes in words: the class view's flags in sentences a teacher reads at a glance, and
what the use cases of classes say when they refuse."""

from __future__ import annotations

from typing import Literal

from turnout.domain.classes import FlagKind, RedFlag
from turnout.domain.pain import ReferralReason, StopReason
from turnout.domain.safety import Region
from turnout.i18n import N_, _, ngettext
from turnout.services.pain_text import stop_label
from turnout.services.safety_text import region_label

NO_CLASS = N_("No class with id {id} that you teach or belong to.")
NO_CODE = N_("No class has the code {code}. Check it with your teacher (8 letters and digits).")
NOT_YOURS = N_("Only the dancer, or a guardian of a young dancer, can change what is shared.")
# Translators: "Classes" names the app's page.
NO_CONSENT = N_(
    "A guardian has not agreed yet to keep health answers for this dancer, so nothing was "
    "saved. Practice works without them; the guardian can agree under Classes."
)
REFERRALS = {
    ReferralReason.WOKE_AT_NIGHT: N_("pain that woke them at night"),
    ReferralReason.LASTING: N_("pain at every check for two days or more"),
    ReferralReason.WORSENING: N_("pain rising over the last three checks before practice"),
}


def flag_text(flag: RedFlag) -> str:
    if flag.kind is FlagKind.WARNING_STOP:
        # Translators: {reason} is the button the dancer pressed, e.g. "Numbness or tingling".
        text = _("Stopped practice for a warning sign: {reason}.")
        return text.format(reason=stop_label(StopReason(flag.detail)))
    if flag.kind is FlagKind.SEE_SOMEONE:
        return _see_someone(flag.detail)
    if flag.kind is FlagKind.FORCED_TURNOUT:
        # Translators: turnout is the ballet term; {degrees} a whole number.
        text = _(
            "Turnout forced from below the hips by about {degrees} degrees (the red band): the "
            "feet turn out further than the hips rotate."
        )
        return text.format(degrees=f"{float(flag.detail):.0f}")
    days = int(flag.detail)
    text = ngettext(
        "No practice logged for {count} day.", "No practice logged for {count} days.", days
    )
    return text.format(count=days)


def _see_someone(detail: str) -> str:
    reason, _sep, region = detail.partition(":")
    why = _(REFERRALS[ReferralReason(reason)])
    if not region:
        # Translators: {reason} is why, in lower case ("pain that woke them at night").
        text = _("Pain checks say to see a dance physiotherapist or doctor: {reason}.")
        return text.format(reason=why)
    # Translators: {reason} is why, in lower case ("pain that woke them at night"); {region}
    # where it hurts ("knee").
    text = _("Pain checks say to see a dance physiotherapist or doctor: {reason} ({region}).")
    return text.format(reason=why, region=region_label(Region(region)))


def length_text(what: Literal["name", "note"], most: int) -> str:
    """How long a class's name or a teacher's note may be."""
    if what == "name":
        text = ngettext(
            "A class's name is 1 to {count} character.",
            "A class's name is 1 to {count} characters.",
            most,
        )
    else:
        text = ngettext(
            "A note is 1 to {count} character.", "A note is 1 to {count} characters.", most
        )
    return text.format(count=most)
