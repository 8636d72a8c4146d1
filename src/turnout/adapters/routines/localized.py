"""The routines in the dancer's language. Every text field of a routine file (titles, cues,
partner cues, interpretations, tips, warnings...) is looked up in the catalogue with the
context "routine" as the file is read, before its steps are numbered ("round {rep} of 3"), so
that a routine loads in the language of the request or run that asks for it.

`tools/i18n.py extract` puts the built-in routines' texts in the catalogue; a text it does not
have (a routine written in the app, in whatever language) stays as its author wrote it, never
empty."""

from __future__ import annotations

from typing import Any

from turnout import i18n

CONTEXT = "routine"
# The text fields of a routine file, at every level; keys, kinds, numbers and the equipment (a
# fixed list of names, worded where it is shown) are not text.
TEXT_FIELDS = frozenset(
    {
        "name",
        "description",
        "summary",
        "title",
        "cue",
        "partner_cue",
        "tips",
        "warnings",
        "interpretation",
        "cautions",
        "partner_role",
        "frequency",
        "source",
    }
)


def texts(value: Any, field: str = "") -> list[str]:
    """Every text of a routine file's data, in file order (what the catalogue holds)."""
    if isinstance(value, dict):
        return [text for key, item in value.items() for text in texts(item, key)]
    if isinstance(value, list):
        return [text for item in value for text in texts(item, field)]
    return [value] if isinstance(value, str) and field in TEXT_FIELDS and value.strip() else []


def translated(value: Any, field: str = "") -> Any:
    """A routine file's data with every text in the current language."""
    if isinstance(value, dict):
        return {key: translated(item, key) for key, item in value.items()}
    if isinstance(value, list):
        return [translated(item, field) for item in value]
    if isinstance(value, str) and field in TEXT_FIELDS and value.strip():
        return i18n.pgettext(CONTEXT, value)
    return value
