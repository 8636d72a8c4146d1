"""How measurements read in words: method names and errors, changes between readings, the
compensated-turnout advice, and the reference ranges (context, never targets)."""

from __future__ import annotations

from turnout.domain.compensation import Flag
from turnout.domain.measurement import Change, Method

METHOD_LABELS = {
    Method.CAMERA_MAT: "Camera with the printed mat",
    Method.CAMERA: "Camera without the mat (estimate)",
    Method.DISCS: "Turnout discs",
    Method.PAPER: "Paper tracing and protractor",
    Method.TYPED: "Typed in (standing turnout)",
    Method.GONIOMETER: "Goniometer (physiotherapist)",
    Method.INCLINOMETER: "Inclinometer (physiotherapist)",
}
# The error as people quote it, which is not always the single number the trend rule uses.
ERROR_TEXT = {
    Method.CAMERA_MAT: "about 10",
    Method.CAMERA: "20 or more",
    Method.DISCS: "about 10",
    Method.PAPER: "about 10",
    Method.TYPED: "about 10",
    Method.GONIOMETER: "6-9",
    Method.INCLINOMETER: "6-9",
}
REFERENCE_RANGES = (
    "Professional ballet dancers: about 134-136 degrees standing in first position, both feet "
    "together, and about 50 degrees of passive external rotation per hip.",
    "Girls aged 8 to 11 in ballet training: about 93-105 degrees standing.",
    "These are context, not targets. Bones set much of a dancer's range; 180 degrees is the "
    "ideal of old textbooks, not a realistic goal.",
)
FLAG_TEXT = {
    Flag.GREEN: "Your feet turn out about as far as your hips allow. Keep it that way: let the "
    "rotation come from the hips.",
    Flag.AMBER: "Your feet turn out more than your hips rotate, by more than 15 degrees. The "
    "extra often comes from twisting at the knees or rolling the feet in. Try standing with a "
    "little less turnout, rotating from the hips, and mention it to your teacher or a dance "
    "physiotherapist.",
    Flag.RED: "Your feet turn out much more than your hips rotate, by more than 25 degrees. In "
    "studies, dancers who forced turnout like this reported more injuries. This is not a "
    "diagnosis: it is worth a visit to a dance physiotherapist, who can check your hips, knees "
    "and feet and show you how much turnout is yours.",
}


def method_label(method: Method) -> str:
    """How the dancer measured, in a few words: "Turnout discs"."""
    return METHOD_LABELS[method]


def error_text(method: Method) -> str:
    """The method's measurement error in degrees, as it is usually quoted: "about 10"."""
    return ERROR_TEXT[method]


def flag_advice(flag: Flag) -> str:
    """What a compensated-turnout flag means for the dancer, and what to do about it."""
    return FLAG_TEXT[flag]


def change_text(found: Change) -> str:
    """A change within the method's error is variation, not progress: it is said so, signed;
    a larger one says how much more or less."""
    if not found.beyond_error:
        return (
            f"{found.delta:+.0f} degrees: within normal day-to-day variation "
            f"(this method varies by about {found.error:.0f})"
        )
    direction = "more" if found.delta > 0 else "less"
    return f"{abs(found.delta):.0f} degrees {direction}: beyond this method's error"
