"""`turnout measure-add` and `turnout progress`, run in-process on a temporary log."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.e2e.conftest import settings_for
from turnout import bootstrap
from turnout.bootstrap import Container
from turnout.cli.main import app
from turnout.errors import ExitCode


@pytest.fixture
def box(tmp_path: Path) -> Container:
    return bootstrap.build(settings_for(tmp_path))


def run(box: Container, *args: str, given: str | None = None) -> tuple[int, str]:
    result = CliRunner(env={"COLUMNS": "220"}).invoke(app, list(args), obj=box, input=given)
    return result.exit_code, result.output


def add(box: Container, method: str, side: str, *trials: float, on: str) -> tuple[int, str]:
    flags = [arg for t in trials for arg in ("--trial", str(t))]
    return run(box, "measure-add", "--method", method, "--side", side, *flags, "--date", on)


def test_a_typed_in_reading_keeps_the_median_of_its_trials(box: Container) -> None:
    code, output = add(box, "goniometer", "left", 44, 51, 47, on="2025-12-01")
    assert code == 0 and "Saved 47 degrees" in output


def test_the_trials_are_asked_for_when_not_given(box: Container) -> None:
    args = ("measure-add", "--method", "paper_tracing", "--side", "both", "--date", "2025-12-01")
    code, output = run(box, *args, given="120\n125\n131\n")
    assert code == 0 and "Saved 125 degrees" in output


def test_an_impossible_reading_is_refused_naming_the_field(box: Container) -> None:
    code, output = add(box, "goniometer", "left", 400, on="2025-12-01")
    assert code == ExitCode.BAD_INPUT and "trials[1]: 400 degrees is not possible" in output
    code, output = add(box, "goniometer", "left", 40, on="2999-01-01")
    assert code == ExitCode.BAD_INPUT and "taken_on" in output


def test_progress_shows_each_method_apart_with_its_change_band(
    box: Container, tmp_path: Path
) -> None:
    add(box, "paper_tracing", "both", 130, on="2025-12-01")
    add(box, "paper_tracing", "both", 134, on="2025-12-15")
    add(box, "goniometer", "left", 50, on="2025-12-02")
    add(box, "goniometer", "right", 45, on="2025-12-02")
    code, output = run(box, "progress", "--plot", str(tmp_path / "out.svg"))
    assert code == 0, output
    assert "within normal day-to-day variation" in output
    assert "Compensated turnout" in output and "red" in output
    assert "not targets" in output
    svg = (tmp_path / "out.svg").read_text()
    assert svg.startswith("<svg") and svg.count("<polyline") == 4
    assert "minutes held per week" in svg and svg.count('class="bar"') == 8  # eight weeks


def test_progress_can_draw_a_png(box: Container, tmp_path: Path) -> None:
    add(box, "paper_tracing", "both", 130, on="2025-12-01")
    code, output = run(box, "progress", "--plot", str(tmp_path / "out.png"))
    assert code == 0, output
    assert (tmp_path / "out.png").read_bytes()[:4] == b"\x89PNG"


def test_a_png_without_matplotlib_says_how_to_get_it(
    box: Container, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """matplotlib is an extra (`turnout[plot]`): a lean install is told, not shown a traceback."""
    add(box, "paper_tracing", "both", 130, on="2025-12-01")
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if it were not installed
    code, output = run(box, "progress", "--plot", str(tmp_path / "out.png"))
    assert code == ExitCode.USAGE, output
    assert "turnout[plot]" in output and ".svg" in output
    assert not (tmp_path / "out.png").exists()


def test_a_plot_of_another_kind_is_refused(box: Container, tmp_path: Path) -> None:
    code, output = run(box, "progress", "--plot", str(tmp_path / "out.pdf"))
    assert code == ExitCode.USAGE and ".svg or .png" in output
