"""Turning what a person typed into domain values, with errors that name the field."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from turnout.domain.validation import InvalidValueError
from turnout.errors import InputError
from turnout.i18n import _

T = TypeVar("T")


def validated(build: Callable[[], T]) -> T:
    """Build a domain value; an impossible input becomes an InputError naming its field, its
    message in the dancer's language."""
    try:
        return build()
    except InvalidValueError as error:
        raise InputError(error.field, invalid_text(error)) from None


def invalid_text(error: InvalidValueError) -> str:
    """The domain's message, translated: "age: 4 is not possible; enter 5 to 100."."""
    problem = _(error.template).format(**error.values)
    # Translators: {field} is the name of the field as the API spells it (not translated);
    # {problem} is what is wrong with its value.
    return _("{field}: {problem}").format(field=error.field, problem=problem)
