"""`turnout backup` from one data folder and `turnout import` into a fresh one: the same
history and export; a log with entries is replaced only when asked."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from tests.e2e.conftest import settings_for
from tests.fakes import FakeClock
from turnout import bootstrap
from turnout.bootstrap import Container
from turnout.cli.main import app
from turnout.domain.measurement import MeasurementEntry
from turnout.errors import ExitCode
from turnout.services import progress

runner = CliRunner()


def box_in(folder: Path) -> Container:
    return bootstrap.build(settings_for(folder), clock=FakeClock())


def with_readings(box: Container) -> Container:
    for trials in ([121, 124, 122], [125, 126]):
        entry = MeasurementEntry("turnout_discs", "both", trials, date(2026, 1, 1), "")
        progress.add_measurement(box.uow(), entry, date(2026, 1, 2))
    return box


def test_a_backup_written_by_the_cli_is_imported_into_a_fresh_data_folder(tmp_path: Path) -> None:
    old, new = with_readings(box_in(tmp_path / "old")), box_in(tmp_path / "new")
    target = tmp_path / "backup.json"
    made = runner.invoke(app, ["backup", "-o", str(target)], obj=old)
    assert made.exit_code == 0, made.output
    done = runner.invoke(app, ["import", str(target)], obj=new)
    assert done.exit_code == 0 and "measurements 2" in done.output, done.output
    for args in (["progress"], ["export", "--format", "json"], ["history", "--json"]):
        assert runner.invoke(app, args, obj=new).output == runner.invoke(app, args, obj=old).output

    again = runner.invoke(app, ["import", str(target)], obj=new)
    assert again.exit_code == ExitCode.BAD_INPUT and "--replace" in again.output
    assert runner.invoke(app, ["import", str(target), "--replace"], obj=new).exit_code == 0


def test_a_file_that_is_not_a_backup_is_refused_in_one_line(tmp_path: Path) -> None:
    junk = tmp_path / "holds.csv"
    junk.write_text("session_id,step\n", encoding="utf-8")
    result = runner.invoke(app, ["import", str(junk)], obj=box_in(tmp_path / "new"))
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "not a turnout backup" in result.output and "Traceback" not in result.output
