"""Routines written in the app: each save is a new version of its key, and a session keeps the
version it practised ("grade-4-warm-up@3"), so its holds never point at a later text."""

from __future__ import annotations

import re

from turnout.domain.values import frozen
from turnout.domain.words import N_

KEY = re.compile(r"[a-z0-9][a-z0-9-]{1,39}")
VERSIONED = re.compile(rf"({KEY.pattern})@([1-9][0-9]{{0,5}})")
MAX_TEXT = 64 * 1024  # characters of TOML; the built-in routines are under 20 kB
# A problem in words: an English template marked for the catalogue, and its values.
Problem = tuple[str, dict[str, str]]


@frozen
class AuthoredRoutine:
    key: str
    version: int
    text: str  # the routine as TOML, as saved
    author_id: int | None  # the account that saved it (None on a personal log)
    created_at: float


def versioned(key: str, version: int) -> str:
    return f"{key}@{version}"


def split_version(name: str) -> tuple[str, int | None]:
    """("grade-4", 3) for "grade-4@3", ("grade-4", None) for "grade-4"."""
    found = VERSIONED.fullmatch(name)
    return (found.group(1), int(found.group(2))) if found else (name, None)


def is_named(name: str, names: list[str]) -> bool:
    """Whether `name` is one of the routines `names` lists, or a version of one ("grade-4@2")."""
    return name in names or split_version(name)[0] in names


def key_rule(key: str, builtins: list[str]) -> Problem | None:
    """Why `key` cannot name a routine of one's own, as a template and its values; None if it
    can."""
    if not KEY.fullmatch(key):
        # Translators: "grade-4-warm-up" is an example key, typed as it is.
        use = N_(
            "use 2 to 40 lower-case letters, digits and dashes, starting with a letter or "
            'digit, e.g. "grade-4-warm-up"'
        )
        return use, {}
    if key in builtins:
        return N_("{key} is a built-in routine; choose another key"), {"key": repr(key)}
    return None


def key_problem(key: str, builtins: list[str]) -> str | None:
    """Why `key` cannot name a routine of one's own, in English; None if it can."""
    found = key_rule(key, builtins)
    return None if found is None else found[0].format(**found[1])
