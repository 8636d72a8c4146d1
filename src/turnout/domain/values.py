"""How the domain declares its values: frozen dataclasses, in one word.

`@frozen` is `@dataclass(frozen=True)`. Type checkers read it as the same thing (PEP 681), so
fields, defaults, `field(...)`, `dataclasses.replace` and pattern matching work as usual.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar, dataclass_transform

_T = TypeVar("_T")


@dataclass_transform(frozen_default=True, field_specifiers=(field,))
def frozen(cls: type[_T]) -> type[_T]:
    """Make `cls` a frozen dataclass: a value that never changes once it is made."""
    return dataclass(frozen=True)(cls)
