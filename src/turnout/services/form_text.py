"""What the dancer is told about form: knees over toes in demi-plie, pelvis and trunk in profile."""

from __future__ import annotations

from turnout.domain.form import KneeTracking, KneeVerdict, Pelvis, ProfileAlignment, Trunk
from turnout.i18n import N_, _

PELVIS_TEXT = {
    Pelvis.TUCKED: N_(
        "Your hips are pushed forward (pelvis tucked); bring them back over your feet."
    ),
    Pelvis.TIPPED: N_("Your seat sticks out (pelvis tipped); lengthen the lower back to neutral."),
    Pelvis.NEUTRAL: N_("Your pelvis sits neutral over your feet."),
}
# Where a knee tracks, by side and verdict; {size} says how far off it is.
KNEE_TEXT = {
    # Translators: {size} says how far off it is ("11 deg, 20% of the shin").
    ("left", KneeVerdict.INSIDE): N_(
        "Your left knee falls inside your foot ({size}): the turnout is being forced from the "
        "feet. Turn the foot in a little until the knee goes over the toes."
    ),
    # Translators: {size} says how far off it is ("11 deg, 20% of the shin").
    ("right", KneeVerdict.INSIDE): N_(
        "Your right knee falls inside your foot ({size}): the turnout is being forced from the "
        "feet. Turn the foot in a little until the knee goes over the toes."
    ),
    # Translators: {size} says how far off it is ("11 deg, 20% of the shin").
    ("left", KneeVerdict.OUTSIDE): N_(
        "Your left knee is outside your foot ({size}); bring it over the toes."
    ),
    # Translators: {size} says how far off it is ("11 deg, 20% of the shin").
    ("right", KneeVerdict.OUTSIDE): N_(
        "Your right knee is outside your foot ({size}); bring it over the toes."
    ),
    ("left", KneeVerdict.OVER): N_("Your left knee tracks over your foot."),
    ("right", KneeVerdict.OVER): N_("Your right knee tracks over your foot."),
}


def knee_message(knee: KneeTracking) -> str:
    """Where the knee tracks, how far off (degrees and share of the shin), and what to do."""
    # Translators: how far a knee is off its toes: {angle} in whole degrees ("deg" is short
    # for degrees), {share} a percentage of the shin's length ("20%").
    size = _("{angle} deg, {share} of the shin").format(
        angle=f"{abs(knee.angle):.0f}", share=f"{abs(knee.ratio) * 100:.0f}%"
    )
    return _(KNEE_TEXT[(knee.side, knee.verdict)]).format(size=size)


def profile_message(profile: ProfileAlignment) -> str:
    """The pelvis always; the trunk only when it leans beyond the tolerance."""
    parts = [_(PELVIS_TEXT[profile.pelvis])]
    lean = f"{abs(profile.trunk_lean):.0f}"
    if profile.trunk is Trunk.FORWARD:
        # Translators: {angle} is in whole degrees; "deg" is short for degrees.
        parts.append(_("Your trunk leans forward {angle} deg; stand tall.").format(angle=lean))
    elif profile.trunk is Trunk.BACK:
        # Translators: {angle} is in whole degrees; "deg" is short for degrees.
        parts.append(_("Your trunk leans back {angle} deg; stand tall.").format(angle=lean))
    return " ".join(parts)
