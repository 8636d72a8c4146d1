"""Routine files that are not files, too big, or nested too deep: each is one RoutineError
line, in a moment and in little memory, like any other malformed file."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.integration.test_routine_files import HEADER, error_for, routine_text, write
from turnout.adapters.routines.files import load_routine_file
from turnout.adapters.routines.reading import MAX_FILE_BYTES

NOT_VALID = "is not valid TOML: "
FIX = ". Fix the syntax there."


def quick_error(path: Path) -> str:
    started = time.perf_counter()
    message = error_for(path)
    assert time.perf_counter() - started < 1.0
    return message


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_a_device_is_refused_without_being_read() -> None:
    message = quick_error(Path("/dev/zero"))
    assert message == (
        "Routine file /dev/zero is not a regular file (a device, pipe or socket?). "
        "Give the path of a .toml file."
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "routine.toml"
    os.mkfifo(pipe)
    assert "is not a regular file" in quick_error(pipe)


def test_a_file_over_a_megabyte_is_refused_unparsed(tmp_path: Path) -> None:
    big = write(tmp_path, routine_text() + "# padding\n" * (2 * MAX_FILE_BYTES // 10))
    message = quick_error(big)
    assert message == (
        f"Routine file {big} is over 1 MB; a routine is a few kB of text. "
        "Check that it is the right file."
    )


def test_a_file_of_exactly_a_megabyte_is_still_read(tmp_path: Path) -> None:
    text = routine_text()
    path = write(tmp_path, text + "#" * (MAX_FILE_BYTES - len(text.encode()) - 1) + "\n")
    assert path.stat().st_size == MAX_FILE_BYTES
    assert load_routine_file(path).key == "tiny"


@pytest.mark.parametrize(
    "nested",
    [
        "[" * 5000 + "]" * 5000,  # arrays in arrays
        "{a = " * 5000 + "1" + "}" * 5000,  # inline tables in inline tables
    ],
    ids=["arrays", "inline-tables"],
)
def test_values_nested_5000_deep_are_malformed_toml(tmp_path: Path, nested: str) -> None:
    path = write(tmp_path, HEADER + f"deep = {nested}\n")
    assert quick_error(path) == (
        f"Routine file {path} {NOT_VALID}its arrays or tables are nested too deeply{FIX}"
    )


@pytest.mark.parametrize(
    "line", [".".join(["a"] * 5000) + " = 1", "[" + ".".join(["a"] * 200_000) + "]"]
)
def test_a_key_dotted_thousands_deep_is_refused_before_it_is_parsed(
    tmp_path: Path, line: str
) -> None:
    # tomllib needs memory in the square of the key's length: this would take gigabytes.
    path = write(tmp_path, HEADER + line + "\n")
    assert quick_error(path) == (
        f"Routine file {path} {NOT_VALID}line 4 has more than 8 dots outside quotes "
        f"(a key nested too deeply, or a string left open){FIX}"
    )


def test_dots_in_text_and_comments_are_not_taken_for_keys(tmp_path: Path) -> None:
    cue = "Breathe........ and hold. . . . . . . . . ."
    text = routine_text().replace('cue = "Press."', f'cue = "{cue}"  # ...........')
    assert load_routine_file(write(tmp_path, text)).exercises[0].holds[0].cue == cue


def test_a_long_wrong_value_is_quoted_back_only_in_part(tmp_path: Path) -> None:
    path = write(tmp_path, routine_text().replace('name = "Tiny routine"', "name = " + "9" * 4000))
    message = error_for(path)
    assert "got 99999" in message and len(message) < 300


def test_a_number_too_long_for_python_is_malformed_toml(tmp_path: Path) -> None:
    path = write(tmp_path, routine_text().replace('name = "Tiny routine"', "name = " + "9" * 5000))
    assert (
        quick_error(path)
        == f"Routine file {path} {NOT_VALID}a number in it has too many digits{FIX}"
    )
