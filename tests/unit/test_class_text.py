"""The class view's flags in sentences: each kind says what happened in plain words."""

from __future__ import annotations

from turnout.domain.classes import FlagKind, RedFlag
from turnout.services.class_text import flag_text


def test_each_flag_reads_as_a_sentence_naming_what_happened() -> None:
    assert flag_text(RedFlag(FlagKind.WARNING_STOP, 0, "numbness")) == (
        "Stopped practice for a warning sign: Numbness or tingling."
    )
    assert flag_text(RedFlag(FlagKind.SEE_SOMEONE, 0, "worsening:knee")).endswith(
        "pain rising over the last three checks before practice (knee)."
    )
    assert flag_text(RedFlag(FlagKind.SEE_SOMEONE, 0, "woke_at_night:")).endswith(
        "pain that woke them at night."
    )
    assert "by about 27 degrees (the red band)" in flag_text(
        RedFlag(FlagKind.FORCED_TURNOUT, 0, "26.8")
    )
    assert flag_text(RedFlag(FlagKind.MISSED, 0, "9")) == "No practice logged for 9 days."
