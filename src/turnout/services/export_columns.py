"""What each column of the holds download means, in the reader's language. The columns keep
their English names (other programs read them); the History page says what each holds."""

from __future__ import annotations

from turnout.i18n import N_, _

COLUMNS = (
    ("session_id", N_("The practice session the hold belongs to.")),
    ("routine_key", N_("The routine's short name (classic, active, or one of yours).")),
    ("exercise_number", N_("The exercise's number in the routine, from 1.")),
    ("exercise_key", N_("The exercise's short name in the routine file.")),
    ("exercise_name", N_("The exercise's name, as the routine gave it then.")),
    ("position", N_("The step's place in the session, from 0.")),
    ("step_index", N_("The step's place in its exercise, from 0.")),
    ("step_title", N_("The step's title, as the player showed it.")),
    ("repetition", N_("Which repetition of the exercise, from 1.")),
    ("side", N_("left, right or both; empty for a step without a side.")),
    ("planned_seconds", N_("How long the hold was meant to last, in seconds.")),
    ("actual_seconds", N_("How long it really lasted, in seconds, pauses left out.")),
    ("started_at", N_("When it started: date and time in UTC, ISO 8601.")),
    ("ended_at", N_("When it ended: date and time in UTC, ISO 8601.")),
    ("status", N_("completed or skipped: how it ended (as corrected, if it was).")),
    ("hold_id", N_("The hold's own number in the log.")),
    ("deleted_at", N_("When it was deleted (UTC, ISO 8601); empty if it was not.")),
    ("status_was", N_("The status it had before a correction; empty if never corrected.")),
)


def export_columns() -> list[tuple[str, str]]:
    """Every column of the download and what it means, in the current language."""
    return [(name, _(meaning)) for name, meaning in COLUMNS]
