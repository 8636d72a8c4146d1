"""What is wrong with a routine file's contents, in words a dancer can act on: where in the
file (counting exercises and steps from 1), what is wrong, and how to fix it.

Pydantic's own description of a wrong value ("Input should be a valid integer") is quoted
as pydantic gives it; what to do about it is ours, in the reader's language."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic_core import ErrorDetails

from turnout.adapters.routines.schema import ExerciseModel, RoutineModel, SchemaModel, StepModel
from turnout.i18n import N_, _, ngettext

EXCERPT = 60  # characters of a wrong value quoted back in a message


def schema_message(label: str, data: dict[str, Any], errors: list[ErrorDetails]) -> str:
    first = errors[0]
    # Translators: {label} names the routine ("Routine file x.toml", "Your routine"); {where}
    # is a place in it ("exercises[2].name (counting from 1)"); {problem} what is wrong there.
    text = _("{label}, at {where}: {problem}")
    text = text.format(label=label, where=_where(first["loc"], data), problem=_problem(first))
    if len(errors) == 1:
        return text
    more = len(errors) - 1
    # Translators: how many more problems the file has after the one just described.
    after = ngettext(
        "({count} more problem(s) after this one.)",
        "({count} more problem(s) after this one.)",
        more,
    )
    return f"{text} {after.format(count=more)}"


def _where(loc: tuple[int | str, ...], data: dict[str, Any]) -> str:
    """Pydantic's loc as a key path, counting exercises and steps from 1 as a reader does."""
    path = "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
    if not any(isinstance(part, int) for part in loc):
        # Translators: where in a routine file a problem is, when it is outside any table.
        return path or _("the top level")
    key = _exercise_key(loc, data)
    if key:
        # Translators: {path} is a key path such as exercises[2].cycle[1].seconds; {key} the
        # exercise's key, quoted.
        text = _("{path} (exercise {key}, counting from 1)")
        return text.format(path=path, key=repr(key))
    # Translators: {path} is a key path such as exercises[2].cycle[1].seconds.
    return _("{path} (counting from 1)").format(path=path)


def _exercise_key(loc: tuple[int | str, ...], data: dict[str, Any]) -> str | None:
    try:
        key = data["exercises"][loc[1]]["key"] if loc[0] == "exercises" else None
    except (KeyError, IndexError, TypeError):
        return None
    return key if isinstance(key, str) and key else None


def _problem(error: ErrorDetails) -> str:
    kind, field = error["type"], str(error["loc"][-1]) if error["loc"] else ""
    if kind == "missing":
        return _("`{field}` is missing. Add it.").format(field=field)
    if kind == "extra_forbidden":
        # Translators: {suggestion} says which keys are known there (and which one was meant).
        text = _("`{field}` is not a known key. {suggestion}")
        return text.format(field=field, suggestion=_suggest(field, error["loc"]))
    if kind == "value_error":  # the schema's own words, already in the reader's language
        return error["msg"].removeprefix("Value error, ") + "."
    fix = _(_FIXES.get(kind, N_("Correct this value.")))
    # Translators: {problem} is the validator's description of a wrong value (in English);
    # {value} the value as written; {fix} what to do about it.
    text = _("{problem}, got {value}. {fix}")
    return text.format(problem=error["msg"], value=_excerpt(error["input"]), fix=fix)


def _excerpt(value: object) -> str:
    """The wrong value as written, cut short: a 900 kB string is not quoted back whole."""
    try:
        text = repr(value)
    except RecursionError:
        return _("a value nested too deeply")
    return text if len(text) <= EXCERPT else f"{text[: EXCERPT - 5]}...{text[-2:]}"


def _suggest(field: str, loc: tuple[int | str, ...]) -> str:
    names = list(_MODEL_AT_DEPTH.get(len(loc), StepModel).model_fields)
    close, known = difflib.get_close_matches(field, names, n=1), ", ".join(names)
    if close:
        # Translators: {close} is the known key nearest the misspelt one; {known} all of them.
        text = _("Did you mean `{close}`? Known keys here: {known}.")
        return text.format(close=close[0], known=known)
    return _("Known keys here: {known}.").format(known=known)


# A misspelt key's loc is its depth: top level, inside an exercise, or inside a step.
_MODEL_AT_DEPTH: dict[int, type[SchemaModel]] = {1: RoutineModel, 3: ExerciseModel, 5: StepModel}
_FIXES = {
    "greater_than": N_("Use a whole number above 0."),
    "int_type": N_("Write a whole number without quotes, e.g. 30."),
    "string_type": N_("Write text in double quotes."),
    "list_type": N_('Write a list in square brackets, e.g. ["mirror"].'),
    "enum": N_("Use one of the listed values."),
    "literal_error": N_("Use one of the listed values."),
    "too_short": N_("Add at least one entry."),
    "string_too_short": N_("Write some text here."),
    "model_type": N_("Write a table here."),
}
