"""Turning what a person typed into domain values, with errors that name the field."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from turnout.domain.validation import InvalidValueError
from turnout.errors import InputError

T = TypeVar("T")


def validated(build: Callable[[], T]) -> T:
    """Build a domain value; an impossible input becomes an InputError naming its field."""
    try:
        return build()
    except InvalidValueError as error:
        raise InputError(error.field, str(error)) from None
