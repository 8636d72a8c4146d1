"""Bad input named by its field: the domain refuses impossible values before anything is saved.

The domain speaks English only. Each message is a template marked `N_` with its values apart,
so the layer that shows it can translate the template first (`services/inputs.py`).
"""

from __future__ import annotations

import math
from enum import StrEnum
from typing import TypeVar

from turnout.domain.words import N_


class InvalidValueError(ValueError):
    """A value no dancer could have; `field` names it, the message says what is allowed.

    `template` (English, marked for the catalogue) and `values` make the message: str() is
    "field: message" in English, and a translation fills the translated template with
    `values`."""

    def __init__(self, field: str, template: str, **values: str) -> None:
        self.field, self.template, self.values = field, template, values
        super().__init__(f"{field}: {self.problem}")

    @property
    def problem(self) -> str:
        """The message in English, without the field's name."""
        return self.template.format(**self.values)


def check_range(field: str, value: float, low: float, high: float, degrees: bool = False) -> float:
    """`value` if a finite number from `low` to `high` (in degrees, if `degrees`); else
    InvalidValueError naming `field`."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        # Translators: {value} is the value given, as it was sent.
        template = N_("{value} is not a number; enter a number.")
        raise InvalidValueError(field, template, value=repr(value))
    if not low <= value <= high:
        # Translators: {value}, {low} and {high} are numbers.
        template = (
            N_("{value} degrees is not possible; enter {low} to {high} degrees.")
            if degrees
            else N_("{value} is not possible; enter {low} to {high}.")
        )
        shown = {"value": f"{value:g}", "low": f"{low:g}", "high": f"{high:g}"}
        raise InvalidValueError(field, template, **shown)
    return value


def check_whole(field: str, value: int, low: int, high: int) -> int:
    """A whole number from `low` to `high` (a pain score, an age)."""
    if isinstance(value, bool) or not isinstance(value, int):
        # Translators: {value} is the value given, as it was sent; {low} and {high} are numbers.
        template = N_("{value} is not a whole number; enter {low} to {high}.")
        raise InvalidValueError(field, template, value=repr(value), low=str(low), high=str(high))
    check_range(field, value, low, high)
    return value


E = TypeVar("E", bound=StrEnum)


def check_choice(field: str, kind: type[E], value: str) -> E:
    """`value` as a member of `kind`; else InvalidValueError listing the choices."""
    try:
        return kind(value)
    except ValueError:
        names = ", ".join(member.value for member in kind)
        # Translators: {value} is the value given; {choices} lists the values allowed, as typed.
        template = N_("{value} is not one of: {choices}.")
        raise InvalidValueError(field, template, value=repr(value), choices=names) from None
