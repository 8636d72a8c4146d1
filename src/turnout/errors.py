"""The error family of every layer, and the exit code each gives on the command line.

Every error a user can cause or fix is a `TurnoutError` whose message is one line that says
what to do. The CLI exits with the code of the most specific class (see `ExitCode`); the web
maps the same classes to HTTP statuses in `web/errors.py`.
"""

from __future__ import annotations

from enum import IntEnum

from turnout.domain.state import TransitionError


class ExitCode(IntEnum):
    """What `turnout` returns to the shell. Documented in the README; never renumber."""

    OK = 0
    ERROR = 1  # any other error a user can act on
    USAGE = 2  # a bad option or argument (Typer's own code for usage errors)
    BAD_INPUT = 3  # a value that cannot be right: an age, a trial, a file's contents
    NOT_FOUND = 4  # no such routine, session or file
    STORAGE = 5  # the practice log cannot be opened or written (busy, read-only, too new)
    CANNOT_MEASURE = 6  # a photo or video that cannot be measured
    SETTINGS = 7  # a TURNOUT_ environment setting is invalid


class TurnoutError(Exception):
    """An error a user can act on. Its message is one line that says what to do."""

    exit_code = ExitCode.ERROR


class UsageError(TurnoutError):
    """An option or argument of the command line that cannot be used as given."""

    exit_code = ExitCode.USAGE


class NotFoundError(TurnoutError):
    """Something asked for by name or id that does not exist (a session to resume, say)."""

    exit_code = ExitCode.NOT_FOUND


class SettingsError(TurnoutError):
    """A TURNOUT_ setting in the environment has a value that cannot be used."""

    exit_code = ExitCode.SETTINGS


class RoutineError(TurnoutError):
    """A routine file that cannot be read or is invalid."""

    exit_code = ExitCode.BAD_INPUT


class RoutineNotFoundError(RoutineError):
    """No built-in routine of that name, or no file at that path."""

    exit_code = ExitCode.NOT_FOUND


class StorageError(TurnoutError):
    """The practice log cannot be opened, written, or is from a newer version."""

    exit_code = ExitCode.STORAGE


class InputError(TurnoutError):
    """A value the dancer typed that cannot be right; `field` names it. Nothing was saved."""

    exit_code = ExitCode.BAD_INPUT

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class MeasureError(TurnoutError):
    """A photo or video that cannot be measured; the message says what to change."""

    exit_code = ExitCode.CANNOT_MEASURE


class MatError(MeasureError):
    """The printed mat is in view but cannot be trusted (covered, misprinted, misaligned)."""


class InvalidChoiceError(ValueError):
    """A request names something that does not exist, such as exercise 9 of 5."""


class StaleActionError(TransitionError):
    """The session moved on since the page sent this action."""


__all__ = [
    "ExitCode",
    "InputError",
    "InvalidChoiceError",
    "MatError",
    "MeasureError",
    "NotFoundError",
    "RoutineError",
    "RoutineNotFoundError",
    "SettingsError",
    "StaleActionError",
    "StorageError",
    "TransitionError",
    "TurnoutError",
    "UsageError",
]
