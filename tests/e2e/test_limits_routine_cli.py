"""`turnout routine show` on what is not a routine file: one line, exit code 3 (an invalid
routine file, as the README documents), no traceback, and no wait."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.e2e.test_cli import container_for, one_line_error, turnout
from turnout.bootstrap import Container
from turnout.errors import ExitCode

COMMAND = Path(sys.executable).parent / "turnout"  # the console script beside this Python


@pytest.fixture
def box(tmp_path: Path) -> Container:
    return container_for(tmp_path, f"sqlite:///{tmp_path}/log.db")


def bad_files(folder: Path) -> dict[str, Path]:
    big = folder / "big.toml"
    big.write_text("# padding\n" * 200_000)  # 2 MB
    deep = folder / "deep.toml"
    deep.write_text("deep = " + "[" * 5000 + "]" * 5000 + "\n")
    dotted = folder / "dotted.toml"
    dotted.write_text(".".join(["a"] * 100_000) + " = 1\n")
    return {"big": big, "deep": deep, "dotted": dotted, "device": Path("/dev/zero")}


@pytest.mark.parametrize("kind", ["device", "big", "deep", "dotted"])
def test_routine_show_refuses_it_in_one_line_with_exit_code_3(
    box: Container, tmp_path: Path, kind: str
) -> None:
    path = bad_files(tmp_path)[kind]
    if not path.exists():
        pytest.skip("no /dev/zero here")
    started = time.perf_counter()
    line = one_line_error(turnout(box, "routine", "show", str(path)), ExitCode.BAD_INPUT)
    assert time.perf_counter() - started < 2.0
    assert line.startswith(f"turnout: Routine file {path} ")


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
@pytest.mark.skipif(not COMMAND.exists(), reason="turnout is not installed beside this Python")
def test_the_installed_command_exits_3_on_dev_zero_without_a_traceback(tmp_path: Path) -> None:
    run = subprocess.run(
        [str(COMMAND), "routine", "show", "/dev/zero"],
        env={"PATH": "", "TURNOUT_DATA_DIR": str(tmp_path), "HOME": str(tmp_path)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == ExitCode.BAD_INPUT, run.stderr
    assert "Traceback" not in run.stderr and run.stdout == ""
    assert run.stderr.strip() == (
        "turnout: Routine file /dev/zero is not a regular file (a device, pipe or socket?). "
        "Give the path of a .toml file."
    )
