"""Routines as TOML files: schema, loading, and errors a dancer can act on."""

from __future__ import annotations

import threading
import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from turnout import i18n
from turnout.adapters.routines.localized import TranslationsError, translated
from turnout.adapters.routines.problems import schema_message
from turnout.adapters.routines.reading import MAX_KEY_DOTS, deep_key_line, read_text
from turnout.adapters.routines.schema import ExerciseModel, RoutineModel, SchemaModel, StepModel
from turnout.domain.routine import Exercise, Routine, Step, expand_steps
from turnout.errors import RoutineError, RoutineNotFoundError
from turnout.i18n import _

BUILTIN_DIR = Path(__file__).resolve().parents[2] / "routines"


def load_routine_file(path: Path) -> Routine:
    """Read, validate and expand one routine file; every failure is a one-line RoutineError."""
    # Translators: how a message names a routine read from a file; {path} is the file's path.
    return routine_from_text(read_text(path), _("Routine file {path}").format(path=path))


def routine_from_text(text: str, label: str) -> Routine:
    """Validate and expand a routine's TOML by the rules of routine files; a RoutineError's
    message starts with `label` ("Routine file x.toml", "Your routine")."""
    try:
        data = translated(_parse(label, text))
    except TranslationsError as error:
        # Translators: {label} names the routine; {problem} says what is wrong with the table.
        raise RoutineError(_("{label}: {problem}").format(label=label, problem=error)) from None
    try:
        model = RoutineModel.model_validate(data)
    except ValidationError as error:
        raise RoutineError(schema_message(label, data, error.errors())) from error
    _check_unique_keys(label, model)
    return _routine(model)


class FileRoutineSource:
    """The RoutineSource port over TOML files: built-ins by key, any other file by path."""

    def __init__(self, builtin_dir: Path | None = None) -> None:
        self._dir = builtin_dir or BUILTIN_DIR

    def names(self) -> list[str]:
        """The built-in routines, by key (the file stems)."""
        return sorted(path.stem for path in self._dir.glob("*.toml"))

    def load(self, name_or_path: str) -> Routine:
        """A built-in routine by key, or a routine file by path. Raises RoutineError."""
        if name_or_path.endswith(".toml") or "/" in name_or_path or "\\" in name_or_path:
            return load_routine_file(Path(name_or_path))
        names = self.names()
        if name_or_path not in names:
            # Translators: {name} is the name asked for, quoted; {names} the built-in routines.
            text = _(
                "No routine called {name}. Built-in routines: {names}. Give a name from that "
                "list or a path to a .toml file."
            )
            raise RoutineNotFoundError(text.format(name=repr(name_or_path), names=", ".join(names)))
        return load_routine_file(self._dir / f"{name_or_path}.toml")


class CachedRoutineSource:
    """Built-in routines read and validated once per process; a path is read every time.

    The built-ins ship with the package and do not change while it runs, so pages need not
    parse TOML on every request. A built-in file that fails to load fails the same way on
    every call (the error is kept too), so a broken file cannot hide behind a good answer.
    """

    def __init__(self, inner: FileRoutineSource) -> None:
        self._inner = inner
        self._names: list[str] | None = None
        self._loaded: dict[tuple[str, str], Routine | RoutineError] = {}
        self._lock = threading.Lock()

    def names(self) -> list[str]:
        if self._names is None:
            self._names = self._inner.names()
        return list(self._names)

    def load(self, name_or_path: str) -> Routine:
        if name_or_path not in self.names():
            return self._inner.load(name_or_path)
        key = (i18n.current(), name_or_path)  # one copy per language it is read in
        with self._lock:
            if key not in self._loaded:
                try:
                    self._loaded[key] = self._inner.load(name_or_path)
                except RoutineError as error:
                    self._loaded[key] = error
            found = self._loaded[key]
        if isinstance(found, RoutineError):
            raise found
        return found


def _parse(label: str, text: str) -> dict[str, Any]:
    if (line := deep_key_line(text)) is not None:
        # Translators: {label} names the routine ("Routine file x.toml", "Your routine").
        message = _(
            "{label} is not valid TOML: line {line} has more than {dots} dots outside quotes (a "
            "key nested too deeply, or a string left open). Fix the syntax there."
        )
        raise RoutineError(message.format(label=label, line=line, dots=MAX_KEY_DOTS))
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib's message (in English) already ends with "(at line N, column M)".
        reason = str(error)
    except RecursionError:  # tomllib recurses once per level of [[...]] or {...}
        reason = _("its arrays or tables are nested too deeply")
    except ValueError:  # Python refuses to read an integer of thousands of digits
        reason = _("a number in it has too many digits")
    # Translators: {label} names the routine ("Routine file x.toml", "Your routine"); {reason}
    # says what is wrong with its syntax.
    message = _("{label} is not valid TOML: {reason}. Fix the syntax there.")
    raise RoutineError(message.format(label=label, reason=reason))


def _check_unique_keys(label: str, model: RoutineModel) -> None:
    seen: dict[str, int] = {}
    for number, exercise in enumerate(model.exercises, start=1):
        if exercise.key in seen:
            # Translators: {label} names the routine; {number} counts its exercises from 1;
            # {key} is the key, quoted; {other} the number of the exercise that has it already.
            text = _(
                "{label}, at exercises[{number}].key (counting from 1): {key} is already the key "
                "of exercise {other}. Give each exercise its own key."
            )
            other = seen[exercise.key]
            raise RoutineError(
                text.format(label=label, number=number, key=repr(exercise.key), other=other)
            )
        seen[exercise.key] = number


def _routine(model: RoutineModel) -> Routine:
    exercises = tuple(_exercise(n, e) for n, e in enumerate(model.exercises, start=1))
    return Routine(exercises=exercises, **_fields(model, exclude={"exercises"}))


def _exercise(number: int, model: ExerciseModel) -> Exercise:
    setup, cycle, between = (
        map(_step, steps) for steps in (model.setup, model.cycle, model.between)
    )
    steps = expand_steps(setup, cycle, between, model.repetitions)
    fields = _fields(model, exclude={"setup", "cycle", "between"})
    return Exercise(number=number, steps=steps, **fields)


def _step(model: StepModel) -> Step:
    return Step(**_fields(model))


def _fields(model: SchemaModel, exclude: set[str] | None = None) -> dict[str, Any]:
    # The schema's field names are the domain's; lists become tuples so the domain stays frozen.
    dumped = model.model_dump(exclude=exclude)
    return {k: tuple(v) if isinstance(v, list) else v for k, v in dumped.items()}
