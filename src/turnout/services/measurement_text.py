"""How measurements read in words: method names and errors, changes between readings, the
compensated-turnout advice, and the reference ranges (context, never targets)."""

from __future__ import annotations

from turnout.domain.compensation import Flag
from turnout.domain.measurement import Change, Method
from turnout.i18n import N_, _

METHOD_LABELS = {
    Method.CAMERA_MAT: N_("Camera with the printed mat"),
    Method.CAMERA: N_("Camera without the mat (estimate)"),
    # Translators: turnout is the ballet term (discs a dancer stands on to turn out).
    Method.DISCS: N_("Turnout discs"),
    Method.PAPER: N_("Paper tracing and protractor"),
    # Translators: turnout is the ballet term.
    Method.TYPED: N_("Typed in (standing turnout)"),
    Method.GONIOMETER: N_("Goniometer (physiotherapist)"),
    Method.INCLINOMETER: N_("Inclinometer (physiotherapist)"),
}
# The error as people quote it, which is not always the single number the trend rule uses.
ERROR_TEXT = {
    # Translators: a measurement error in degrees, as in "error: about 10 degrees".
    Method.CAMERA_MAT: N_("about 10"),
    # Translators: a measurement error in degrees, as in "error: 20 or more degrees".
    Method.CAMERA: N_("20 or more"),
    Method.DISCS: N_("about 10"),
    Method.PAPER: N_("about 10"),
    Method.TYPED: N_("about 10"),
    Method.GONIOMETER: "6-9",
    Method.INCLINOMETER: "6-9",
}
REFERENCE_RANGES = (
    N_(
        "Professional ballet dancers: about 134-136 degrees standing in first position, both "
        "feet together, and about 50 degrees of passive external rotation per hip."
    ),
    N_("Girls aged 8 to 11 in ballet training: about 93-105 degrees standing."),
    N_(
        "These are context, not targets. Bones set much of a dancer's range; 180 degrees is "
        "the ideal of old textbooks, not a realistic goal."
    ),
)
FLAG_TEXT = {
    Flag.GREEN: N_(
        "Your feet turn out about as far as your hips allow. Keep it that way: let the rotation "
        "come from the hips."
    ),
    Flag.AMBER: N_(
        "Your feet turn out more than your hips rotate, by more than 15 degrees. The extra "
        "often comes from twisting at the knees or rolling the feet in. Try standing with a "
        "little less turnout, rotating from the hips, and mention it to your teacher or a dance "
        "physiotherapist."
    ),
    Flag.RED: N_(
        "Your feet turn out much more than your hips rotate, by more than 25 degrees. In "
        "studies, dancers who forced turnout like this reported more injuries. This is not a "
        "diagnosis: it is worth a visit to a dance physiotherapist, who can check your hips, "
        "knees and feet and show you how much turnout is yours."
    ),
}


def method_label(method: Method) -> str:
    """How the dancer measured, in a few words: "Turnout discs"."""
    return _(METHOD_LABELS[method])


def error_text(method: Method) -> str:
    """The method's measurement error in degrees, as it is usually quoted: "about 10"."""
    return _(ERROR_TEXT[method])


def reference_ranges() -> tuple[str, ...]:
    """The reference ranges, one sentence or two each: context, never targets."""
    return tuple(_(text) for text in REFERENCE_RANGES)


def flag_advice(flag: Flag) -> str:
    """What a compensated-turnout flag means for the dancer, and what to do about it."""
    return _(FLAG_TEXT[flag])


def change_text(found: Change) -> str:
    """A change within the method's error is variation, not progress: it is said so, signed;
    a larger one says how much more or less."""
    if not found.beyond_error:
        # Translators: {delta} is a signed whole number of degrees ("+3", "-2"); {error} the
        # method's error, a whole number of degrees.
        text = _(
            "{delta} degrees: within normal day-to-day variation (this method varies by about "
            "{error})"
        )
        return text.format(delta=f"{found.delta:+.0f}", error=f"{found.error:.0f}")
    # Translators: {amount} is a whole number of degrees, more than the method's error.
    more = _("{amount} degrees more: beyond this method's error")
    # Translators: {amount} is a whole number of degrees, more than the method's error.
    less = _("{amount} degrees less: beyond this method's error")
    return (more if found.delta > 0 else less).format(amount=f"{abs(found.delta):.0f}")
