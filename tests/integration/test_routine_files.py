"""Routine files on a real disk: what loads, and the one-line errors for what does not."""

from __future__ import annotations

from pathlib import Path

import pytest

from turnout.adapters.routines.files import FileRoutineSource, load_routine_file
from turnout.domain.routine import StepKind
from turnout.errors import RoutineError

HEADER = """\
key = "tiny"
name = "Tiny routine"
description = "One exercise, for tests."
"""

EXERCISE = """\
[[exercises]]
key = "{key}"
name = "Press"
summary = "Press the knees."
repetitions = 2

[[exercises.setup]]
kind = "setup"
title = "Sit"
cue = "Sit tall."
{setup_extra}
[[exercises.cycle]]
kind = "hold"
title = "Hold {{rep}}"
cue = "Press."
{hold}
[[exercises.between]]
kind = "rest"
title = "Rest"
cue = "Breathe."
seconds = 5
"""


def routine_text(
    hold: str = "seconds = 10", setup_extra: str = "", keys: tuple[str, ...] = ("press",)
) -> str:
    exercises = (EXERCISE.format(key=k, hold=hold, setup_extra=setup_extra) for k in keys)
    return HEADER + "\n".join(exercises)


def write(tmp_path: Path, text: str | bytes, name: str = "tiny.toml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def error_for(path: Path) -> str:
    with pytest.raises(RoutineError) as caught:
        load_routine_file(path)
    message = str(caught.value)
    assert "\n" not in message
    assert str(path) in message
    return message


def test_a_valid_file_loads_with_its_steps_expanded(tmp_path: Path) -> None:
    routine = FileRoutineSource().load(str(write(tmp_path, routine_text())))
    (exercise,) = routine.exercises
    assert [s.kind for s in exercise.steps] == [
        StepKind.SETUP,
        StepKind.HOLD,
        StepKind.REST,
        StepKind.HOLD,
    ]
    assert [h.title for h in exercise.holds] == ["Hold 1", "Hold 2"]
    assert exercise.hold_seconds == 20


def test_a_toml_syntax_error_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + "tips = [\n  'unclosed'\nwarnings = []\n")
    message = error_for(path)
    assert "not valid TOML" in message
    assert "line 6" in message


def test_negative_seconds_are_reported_at_their_key_path(tmp_path: Path) -> None:
    message = error_for(write(tmp_path, routine_text(hold="seconds = -5")))
    assert "exercises[1].cycle[1].seconds" in message
    assert "-5" in message
    assert "above 0" in message


def test_zero_seconds_are_rejected(tmp_path: Path) -> None:
    message = error_for(write(tmp_path, routine_text(hold="seconds = 0")))
    assert "exercises[1].cycle[1].seconds" in message
    assert "greater than 0" in message


def test_the_location_names_the_exercise_key_and_counts_from_one(tmp_path: Path) -> None:
    message = error_for(write(tmp_path, routine_text(hold="seconds = 0")))
    assert "(exercise 'press', counting from 1)" in message


def test_a_hold_without_seconds_is_rejected(tmp_path: Path) -> None:
    message = error_for(write(tmp_path, routine_text(hold="")))
    assert "exercises[1].cycle[1]" in message
    assert "a hold needs `seconds`" in message


def test_a_setup_step_with_seconds_is_rejected(tmp_path: Path) -> None:
    message = error_for(write(tmp_path, routine_text(setup_extra="seconds = 30")))
    assert "exercises[1].setup[1]" in message
    assert "remove its `seconds`" in message


def test_a_misspelt_key_is_named_with_a_suggestion(tmp_path: Path) -> None:
    message = error_for(write(tmp_path, routine_text(hold="secnds = 10")))
    assert "exercises[1].cycle[1].secnds" in message
    assert "`secnds` is not a known key" in message
    assert "Did you mean `seconds`?" in message


def test_a_misspelt_top_level_key_lists_the_known_keys(tmp_path: Path) -> None:
    message = error_for(write(tmp_path, "tipz = []\n" + routine_text()))
    assert "at tipz:" in message
    assert "Did you mean `tips`?" in message


def test_seconds_written_as_text_are_a_type_error(tmp_path: Path) -> None:
    message = error_for(write(tmp_path, routine_text(hold='seconds = "10"')))
    assert "exercises[1].cycle[1].seconds" in message
    assert "valid integer" in message
    assert "without quotes" in message


def test_an_unknown_step_kind_lists_the_valid_kinds(tmp_path: Path) -> None:
    text = routine_text().replace('kind = "rest"', 'kind = "nap"')
    message = error_for(write(tmp_path, text))
    assert "exercises[1].between[1].kind" in message
    assert "'switch_side'" in message


def test_a_missing_required_key_is_named(tmp_path: Path) -> None:
    message = error_for(write(tmp_path, routine_text().replace('name = "Tiny routine"\n', "")))
    assert "`name` is missing" in message


def test_check_ins_are_only_for_long_holds(tmp_path: Path) -> None:
    message = error_for(write(tmp_path, routine_text(hold="seconds = 60\ncheck_in_every = 30")))
    assert "exercises[1].cycle[1]" in message
    assert "300 seconds or more" in message


def test_a_partner_step_needs_a_partner_in_the_equipment(tmp_path: Path) -> None:
    message = error_for(write(tmp_path, routine_text(hold='seconds = 10\nactor = "partner"')))
    assert "at exercises[1] " in message
    assert 'add "partner" to `equipment`' in message


def test_duplicate_exercise_keys_name_both_exercises(tmp_path: Path) -> None:
    message = error_for(write(tmp_path, routine_text(keys=("press", "other", "press"))))
    assert "exercises[3].key" in message
    assert "'press' is already the key of exercise 1" in message


def test_bytes_that_are_not_utf8_are_reported_with_their_line(tmp_path: Path) -> None:
    message = error_for(write(tmp_path, HEADER.encode() + b'tips = ["caf\xe9"]\n'))
    assert "line 4" in message
    assert "0xe9" in message
    assert "UTF-8" in message


def test_a_missing_file_is_reported_by_path(tmp_path: Path) -> None:
    message = error_for(tmp_path / "absent.toml")
    assert "does not exist" in message


def test_a_file_that_cannot_be_read_is_reported(tmp_path: Path) -> None:
    directory = tmp_path / "folder.toml"
    directory.mkdir()
    assert "cannot be read" in error_for(directory)


def test_an_unknown_routine_name_lists_the_built_ins() -> None:
    with pytest.raises(RoutineError) as caught:
        FileRoutineSource().load("clasic")
    assert str(caught.value) == (
        "No routine called 'clasic'. Built-in routines: active, classic. "
        "Give a name from that list or a path to a .toml file."
    )


def test_a_built_in_directory_can_be_given_and_is_listed_by_stem(tmp_path: Path) -> None:
    write(tmp_path, routine_text(), name="tiny.toml")
    write(tmp_path, "not a routine", name="notes.txt")
    source = FileRoutineSource(builtin_dir=tmp_path)
    assert source.names() == ["tiny"]
    assert source.load("tiny").name == "Tiny routine"


def test_a_name_with_a_path_separator_is_read_as_a_file(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    path = write(tmp_path / "sub", routine_text(), name="tiny")
    assert FileRoutineSource().load(str(path)).key == "tiny"
