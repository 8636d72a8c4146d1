"""Routines as TOML files: schema, loading, and errors a dancer can act on."""

from __future__ import annotations

import difflib
import threading
import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from turnout import i18n
from turnout.adapters.routines.localized import translated
from turnout.adapters.routines.reading import MAX_KEY_DOTS, deep_key_line, read_text
from turnout.adapters.routines.schema import ExerciseModel, RoutineModel, SchemaModel, StepModel
from turnout.domain.routine import Exercise, Routine, Step, expand_steps
from turnout.errors import RoutineError, RoutineNotFoundError

BUILTIN_DIR = Path(__file__).resolve().parents[2] / "routines"
EXCERPT = 60  # characters of a wrong value quoted back in a message


def load_routine_file(path: Path) -> Routine:
    """Read, validate and expand one routine file; every failure is a one-line RoutineError."""
    return routine_from_text(read_text(path), f"Routine file {path}")


def routine_from_text(text: str, label: str) -> Routine:
    """Validate and expand a routine's TOML by the rules of routine files; a RoutineError's
    message starts with `label` ("Routine file x.toml", "Your routine")."""
    data = translated(_parse(label, text))
    try:
        model = RoutineModel.model_validate(data)
    except ValidationError as error:
        raise RoutineError(_schema_message(label, data, error.errors())) from error
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
            raise RoutineNotFoundError(
                f"No routine called {name_or_path!r}. Built-in routines: {', '.join(names)}. "
                "Give a name from that list or a path to a .toml file."
            )
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
        raise RoutineError(
            f"{label} is not valid TOML: line {line} has more than {MAX_KEY_DOTS} "
            "dots outside quotes (a key nested too deeply, or a string left open). "
            "Fix the syntax there."
        )
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib's message already ends with "(at line N, column M)".
        reason = str(error)
    except RecursionError:  # tomllib recurses once per level of [[...]] or {...}
        reason = "its arrays or tables are nested too deeply"
    except ValueError:  # Python refuses to read an integer of thousands of digits
        reason = "a number in it has too many digits"
    raise RoutineError(f"{label} is not valid TOML: {reason}. Fix the syntax there.")


def _check_unique_keys(label: str, model: RoutineModel) -> None:
    seen: dict[str, int] = {}
    for number, exercise in enumerate(model.exercises, start=1):
        if exercise.key in seen:
            raise RoutineError(
                f"{label}, at exercises[{number}].key (counting from 1): "
                f"{exercise.key!r} is already the key of exercise {seen[exercise.key]}. "
                "Give each exercise its own key."
            )
        seen[exercise.key] = number


def _schema_message(label: str, data: dict[str, Any], errors: list[ErrorDetails]) -> str:
    first = errors[0]
    where = _where(first["loc"], data)
    more = f" ({len(errors) - 1} more problem(s) after this one.)" if len(errors) > 1 else ""
    return f"{label}, at {where}: {_problem(first)}{more}"


def _where(loc: tuple[int | str, ...], data: dict[str, Any]) -> str:
    """Pydantic's loc as a key path, counting exercises and steps from 1 as a reader does."""
    path = "".join(f"[{p + 1}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")
    if not any(isinstance(part, int) for part in loc):
        return path or "the top level"
    key = _exercise_key(loc, data)
    return f"{path} ({f'exercise {key!r}, ' if key else ''}counting from 1)"


def _exercise_key(loc: tuple[int | str, ...], data: dict[str, Any]) -> str | None:
    try:
        key = data["exercises"][loc[1]]["key"] if loc[0] == "exercises" else None
    except (KeyError, IndexError, TypeError):
        return None
    return key if isinstance(key, str) and key else None


def _problem(error: ErrorDetails) -> str:
    kind, field = error["type"], str(error["loc"][-1]) if error["loc"] else ""
    if kind == "missing":
        return f"`{field}` is missing. Add it."
    if kind == "extra_forbidden":
        return f"`{field}` is not a known key. {_suggest(field, error['loc'])}"
    if kind == "value_error":
        return error["msg"].removeprefix("Value error, ") + "."
    fix = _FIXES.get(kind, "Correct this value.")
    return f"{error['msg']}, got {_excerpt(error['input'])}. {fix}"


def _excerpt(value: object) -> str:
    """The wrong value as written, cut short: a 900 kB string is not quoted back whole."""
    try:
        text = repr(value)
    except RecursionError:
        return "a value nested too deeply"
    return text if len(text) <= EXCERPT else f"{text[: EXCERPT - 5]}...{text[-2:]}"


def _suggest(field: str, loc: tuple[int | str, ...]) -> str:
    known = list(_MODEL_AT_DEPTH.get(len(loc), StepModel).model_fields)
    close = difflib.get_close_matches(field, known, n=1)
    hint = f"Did you mean `{close[0]}`? " if close else ""
    return f"{hint}Known keys here: {', '.join(known)}."


# A misspelt key's loc is its depth: top level, inside an exercise, or inside a step.
_MODEL_AT_DEPTH: dict[int, type[SchemaModel]] = {1: RoutineModel, 3: ExerciseModel, 5: StepModel}
_FIXES = {
    "greater_than": "Use a whole number above 0.",
    "int_type": "Write a whole number without quotes, e.g. 30.",
    "string_type": "Write text in double quotes.",
    "list_type": 'Write a list in square brackets, e.g. ["mirror"].',
    "enum": "Use one of the listed values.",
    "literal_error": "Use one of the listed values.",
    "too_short": "Add at least one entry.",
    "string_too_short": "Write some text here.",
    "model_type": "Write a table here.",
}


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
