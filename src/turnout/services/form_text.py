"""What the dancer is told about form: knees over toes in demi-plie, pelvis and trunk in profile."""

from __future__ import annotations

from turnout.domain.form import KneeTracking, KneeVerdict, Pelvis, ProfileAlignment, Trunk

PELVIS_TEXT = {
    Pelvis.TUCKED: "Your hips are pushed forward (pelvis tucked); bring them back over your feet.",
    Pelvis.TIPPED: "Your seat sticks out (pelvis tipped); lengthen the lower back to neutral.",
    Pelvis.NEUTRAL: "Your pelvis sits neutral over your feet.",
}


def knee_message(knee: KneeTracking) -> str:
    """Where the knee tracks, how far off (degrees and share of the shin), and what to do."""
    size = f"{abs(knee.angle):.0f} deg, {abs(knee.ratio) * 100:.0f}% of the shin"
    if knee.verdict is KneeVerdict.INSIDE:
        return (
            f"Your {knee.side} knee falls inside your foot ({size}): the turnout is being "
            "forced from the feet. Turn the foot in a little until the knee goes over the toes."
        )
    if knee.verdict is KneeVerdict.OUTSIDE:
        return f"Your {knee.side} knee is outside your foot ({size}); bring it over the toes."
    return f"Your {knee.side} knee tracks over your foot."


def profile_message(profile: ProfileAlignment) -> str:
    """The pelvis always; the trunk only when it leans beyond the tolerance."""
    parts = [PELVIS_TEXT[profile.pelvis]]
    if profile.trunk is not Trunk.UPRIGHT:
        way = "forward" if profile.trunk is Trunk.FORWARD else "back"
        parts.append(f"Your trunk leans {way} {abs(profile.trunk_lean):.0f} deg; stand tall.")
    return " ".join(parts)
