"""The error family: each class carries the exit code the command line returns for it."""

from __future__ import annotations

import pytest

from turnout.errors import (
    ExitCode,
    InputError,
    MatError,
    MeasureError,
    NotFoundError,
    RoutineError,
    RoutineNotFoundError,
    SettingsError,
    StorageError,
    TurnoutError,
    UsageError,
)


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (TurnoutError, ExitCode.ERROR),
        (UsageError, ExitCode.USAGE),
        (NotFoundError, ExitCode.NOT_FOUND),
        (SettingsError, ExitCode.SETTINGS),
        (RoutineError, ExitCode.BAD_INPUT),
        (RoutineNotFoundError, ExitCode.NOT_FOUND),
        (StorageError, ExitCode.STORAGE),
        (InputError, ExitCode.BAD_INPUT),
        (MeasureError, ExitCode.CANNOT_MEASURE),
        (MatError, ExitCode.CANNOT_MEASURE),
    ],
)
def test_every_error_class_gives_its_documented_exit_code(
    error: type[TurnoutError], code: ExitCode
) -> None:
    assert error.exit_code is code


def test_a_subclass_without_a_code_keeps_its_parents_and_one_with_a_code_overrides_it() -> None:
    class BusyError(StorageError):
        """Somebody else holds the log."""

    class MissingError(RoutineError, code=ExitCode.NOT_FOUND):
        """A routine that is not there."""

    assert BusyError("try again").exit_code is ExitCode.STORAGE
    assert MissingError.exit_code is ExitCode.NOT_FOUND
    assert RoutineError.exit_code is ExitCode.BAD_INPUT  # the parent is left as it was


def test_an_input_error_names_its_field_and_keeps_its_message() -> None:
    error = InputError("age", "age: enter a whole number.")
    assert error.field == "age" and str(error) == "age: enter a whole number."
