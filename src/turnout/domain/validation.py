"""Bad input named by its field: the domain refuses impossible values before anything is saved."""

from __future__ import annotations

import math
from enum import StrEnum
from typing import TypeVar


class InvalidValueError(ValueError):
    """A value no dancer could have; `field` names it, the message says what is allowed."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field


def check_range(field: str, value: float, low: float, high: float, unit: str = "") -> float:
    """`value` if a finite number from `low` to `high`; else InvalidValueError naming `field`."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise InvalidValueError(field, f"{value!r} is not a number; enter a number.")
    if not low <= value <= high:
        shown = f"{value:g}{unit}"
        raise InvalidValueError(field, f"{shown} is not possible; enter {low:g} to {high:g}{unit}.")
    return value


def check_whole(field: str, value: int, low: int, high: int) -> int:
    """A whole number from `low` to `high` (a pain score, an age)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidValueError(field, f"{value!r} is not a whole number; enter {low} to {high}.")
    check_range(field, value, low, high)
    return value


E = TypeVar("E", bound=StrEnum)


def check_choice(field: str, kind: type[E], value: str) -> E:
    """`value` as a member of `kind`; else InvalidValueError listing the choices."""
    try:
        return kind(value)
    except ValueError:
        names = ", ".join(member.value for member in kind)
        raise InvalidValueError(field, f"{value!r} is not one of: {names}.") from None
