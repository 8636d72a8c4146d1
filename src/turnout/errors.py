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
    """An error a user can act on. Its message is one line that says what to do.

    A subclass names its exit code in its header, `class X(TurnoutError, code=...)`; without
    one it keeps its parent's.
    """

    exit_code = ExitCode.ERROR

    def __init_subclass__(cls, code: ExitCode | None = None) -> None:
        super().__init_subclass__()
        if code is not None:
            cls.exit_code = code


class UsageError(TurnoutError, code=ExitCode.USAGE):
    """An option or argument of the command line that cannot be used as given."""


class NotFoundError(TurnoutError, code=ExitCode.NOT_FOUND):
    """Something asked for by name or id that does not exist (a session to resume, say)."""


class SettingsError(TurnoutError, code=ExitCode.SETTINGS):
    """A TURNOUT_ setting in the environment has a value that cannot be used."""


class RoutineError(TurnoutError, code=ExitCode.BAD_INPUT):
    """A routine file that cannot be read or is invalid."""


class RoutineNotFoundError(RoutineError, code=ExitCode.NOT_FOUND):
    """No built-in routine of that name, or no file at that path."""


class StorageError(TurnoutError, code=ExitCode.STORAGE):
    """The practice log cannot be opened, written, or is from a newer version."""


class ConflictError(StorageError, code=ExitCode.BAD_INPUT):
    """The log refused a write that contradicts what it holds (a link to a session it does not
    have, a second copy of something unique). Nothing was saved; a 422 on the web."""


class InputError(TurnoutError, code=ExitCode.BAD_INPUT):
    """A value the dancer typed that cannot be right; `field` names it. Nothing was saved."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class MeasureError(TurnoutError, code=ExitCode.CANNOT_MEASURE):
    """A photo or video that cannot be measured; the message says what to change."""


class MatError(MeasureError):
    """The printed mat is in view but cannot be trusted (covered, misprinted, misaligned)."""


class SignInError(TurnoutError):
    """Not signed in, or the email and password do not match an account. A 401 on the web."""


class ForbiddenError(TurnoutError):
    """Signed in, but this account may not do that. A 403 on the web."""


class WaitError(TurnoutError):
    """Too many failed tries: `retry_after` seconds to wait. A 429 on the web."""

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class BusyError(TurnoutError):
    """No room to take more work now (every place of a pool is taken): try again shortly."""


class InvalidChoiceError(ValueError):
    """A request names something that does not exist, such as exercise 9 of 5."""


class StaleActionError(TransitionError):
    """The session moved on since the page sent this action."""


class RunChangedError(StaleActionError, TurnoutError):
    """Another process wrote this web session's run since this one read it: nothing of the
    write landed; read the session again and go on from there."""


class SessionHeldError(TransitionError, TurnoutError):
    """Another process runs this live session (its lease in the log is alive): this one may
    show it but neither drive, adopt nor end it. A 409 on the web."""


__all__ = [
    "BusyError",
    "ConflictError",
    "ExitCode",
    "ForbiddenError",
    "InputError",
    "InvalidChoiceError",
    "MatError",
    "MeasureError",
    "NotFoundError",
    "RoutineError",
    "RoutineNotFoundError",
    "RunChangedError",
    "SessionHeldError",
    "SettingsError",
    "SignInError",
    "StaleActionError",
    "StorageError",
    "TransitionError",
    "TurnoutError",
    "UsageError",
    "WaitError",
]
