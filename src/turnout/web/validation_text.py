"""Pydantic's words for a value it refuses, in the reader's language: the common kinds of error
get a message of the catalogue, filled with the limits pydantic gives (`ctx`); in English, and
for a rarer kind, pydantic's own message is kept ("Input should be greater than or equal to 1"),
never none."""

from __future__ import annotations

from turnout.i18n import N_, SOURCE, _, current

# Translators: the placeholders below are the limits pydantic gives for the field.
MESSAGES = {
    "missing": N_("this value is required"),
    "greater_than_equal": N_("enter a number of at least {ge}"),
    "greater_than": N_("enter a number greater than {gt}"),
    "less_than_equal": N_("enter a number of at most {le}"),
    "less_than": N_("enter a number less than {lt}"),
    "string_too_long": N_("at most {max_length} characters"),
    "string_too_short": N_("at least {min_length} characters"),
    "too_long": N_("at most {max_length} items"),
    "too_short": N_("at least {min_length} items"),
    "string_pattern_mismatch": N_("this value is not one of those allowed"),
    "literal_error": N_("enter one of: {expected}"),
    "enum": N_("enter one of: {expected}"),
    "int_parsing": N_("enter a whole number"),
    "int_type": N_("enter a whole number"),
    "int_from_float": N_("enter a whole number"),
    "float_parsing": N_("enter a number"),
    "float_type": N_("enter a number"),
    "finite_number": N_("enter a finite number"),
    "bool_parsing": N_("enter true or false"),
    "bool_type": N_("enter true or false"),
    "string_type": N_("enter text"),
    "extra_forbidden": N_("this field is not known here; leave it out"),
    "date_from_datetime_parsing": N_("enter a date as YYYY-MM-DD"),
    "date_parsing": N_("enter a date as YYYY-MM-DD"),
    "datetime_parsing": N_("enter a date and time in ISO 8601"),
}


def message(error: dict[str, object]) -> str:
    """The error's message in the reader's language, else pydantic's English one."""
    template = None if current() == SOURCE else MESSAGES.get(str(error.get("type")))
    context = error.get("ctx")
    values = {str(k): str(v) for k, v in context.items()} if isinstance(context, dict) else {}
    if template is None:
        return str(error.get("msg"))
    try:
        return _(template).format(**values)
    except (KeyError, IndexError, ValueError):
        return str(error.get("msg"))
