"""The `turnout` command, run in-process on a real SQLite file, with a clock that only the
player's own ticks move."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from tests.fakes import FakeClock
from turnout import bootstrap
from turnout.adapters.routines.files import BUILTIN_DIR
from turnout.bootstrap import Container
from turnout.cli.main import app
from turnout.cli.player import TICK
from turnout.config import Settings
from turnout.domain.log import LoggedHold, PracticeSession, SessionStatus
from turnout.domain.plan import HoldStatus
from turnout.domain.session import Phase
from turnout.domain.state import Action
from turnout.errors import ExitCode
from turnout.services.practice import start_practice
from turnout.services.practice_log import session_holds

GET_READY = 5
# Exercise 1 of the classic routine: setup, then 3 rounds of hold, switch, hold, switch, hold,
# release. Its holds sit at these positions in the plan.
BUTTERFLY_HOLDS = [1, 3, 5, 7, 9, 11, 13, 15, 17]

runner = CliRunner()


class BoundedClock(FakeClock):
    """A fake clock that fails the test, instead of hanging it, if a session never ends."""

    LIMIT = 3_600.0

    def __init__(self) -> None:
        super().__init__()
        self.origin = self.time

    def sleep(self, seconds: float) -> None:
        super().sleep(seconds)
        if self.time - self.origin > self.LIMIT:
            raise AssertionError("the session was still going after an hour of fake time")


def container_for(tmp_path: Path, database_url: str) -> Container:
    settings = Settings(data_dir=tmp_path, database_url=database_url, get_ready_seconds=GET_READY)
    return bootstrap.build(settings, clock=BoundedClock())


@pytest.fixture
def box(tmp_path: Path) -> Container:
    return container_for(tmp_path, f"sqlite:///{tmp_path}/log.db")


def turnout(box: Container | None, *args: str, keys: str | None = None) -> Result:
    return runner.invoke(app, list(args), input=keys, obj=box)


def pressed(*presses: tuple[float, str]) -> str:
    """Keys pressed at these seconds into a session, as one input string.

    The player reads one key a tick, so every other tick gets ".", a key that means nothing:
    it lets exactly one tick of time pass.
    """
    ticks = ["."] * (round(max(at for at, _ in presses) / TICK) + 1)
    for at, key in presses:
        ticks[round(at / TICK)] = key
    return "".join(ticks)


def logged(box: Container) -> list[LoggedHold]:
    with box.uow() as uow:
        return uow.practice.holds()


def sessions(box: Container) -> list[PracticeSession]:
    with box.uow() as uow:
        return uow.practice.sessions()


def one_line_error(result: Result, code: ExitCode | None = None) -> str:
    """The one line a failed command printed; `code` is the exit code it must have given."""
    assert result.exit_code in {c.value for c in ExitCode} - {0}, result.output
    assert code is None or result.exit_code == code, result.output
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    return lines[0]


def flat(text: str) -> str:
    """The output with Rich's line wrapping undone, to look for a phrase in it."""
    return " ".join(text.split())


def run_butterfly(box: Container) -> Result:
    result = turnout(box, "practice", "--exercise", "1", "--no-voice", keys="\n")
    assert result.exit_code == 0, result.output
    return result


# --- routines -------------------------------------------------------------------------


def test_routines_lists_the_classic_routine_with_its_holding_time(box: Container) -> None:
    result = turnout(box, "routines")
    assert result.exit_code == 0, result.output
    assert "classic" in result.output
    assert "Classic turnout routine" in result.output
    assert "32 min 50 s" in result.output


def test_routine_show_describes_every_exercise_and_how_we_read_the_article(
    box: Container,
) -> None:
    result = turnout(box, "routine", "show", "classic")
    assert result.exit_code == 0, result.output
    text = flat(result.output)
    for exercise in box.routines.load("classic").exercises:
        assert f"{exercise.number}. {exercise.name}" in text
    assert text.count("How we read the article:") == 5
    assert "Total holding time: 32 min 50 s" in text


def test_routine_show_json_has_a_stable_shape(box: Container) -> None:
    result = turnout(box, "routine", "show", "classic", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == {
        *("key", "name", "description", "source", "equipment", "tips", "warnings"),
        *("total_hold_seconds", "exercises"),
    }
    assert (data["key"], data["total_hold_seconds"]) == ("classic", 1970)
    assert [e["number"] for e in data["exercises"]] == [1, 2, 3, 4, 5]
    assert sum(e["hold_seconds"] for e in data["exercises"]) == 1970
    for exercise in data["exercises"]:
        for step in exercise["steps"]:
            assert {"kind", "seconds", "repetition", "side", "actor", "partner_cue"} <= set(step)
    one_round = ["hold", "switch_side", "hold", "switch_side", "hold", "release"]
    kinds = [step["kind"] for step in data["exercises"][0]["steps"]]
    assert kinds == ["setup", *one_round * 3]


def test_routine_show_of_a_malformed_file_names_the_file_in_one_line(
    box: Container, tmp_path: Path
) -> None:
    broken = tmp_path / "broken.toml"
    broken.write_text('key = "mine"\nname = [\n', encoding="utf-8")
    result = turnout(box, "routine", "show", str(broken))
    assert result.exit_code != 0
    assert str(broken) in one_line_error(result)


def test_an_unknown_routine_is_refused_with_the_list_of_built_in_ones(box: Container) -> None:
    line = one_line_error(turnout(box, "routine", "show", "swan-lake"), ExitCode.NOT_FOUND)
    assert "'swan-lake'" in line
    assert "Built-in routines: active, classic" in line


def test_brackets_in_a_name_are_printed_as_typed_not_read_as_styling(box: Container) -> None:
    line = one_line_error(turnout(box, "routine", "show", "[/wrong]"))
    assert "[/wrong]" in line


def test_a_routine_file_with_brackets_in_a_title_shows_and_plays(
    box: Container, tmp_path: Path
) -> None:
    mine = tmp_path / "mine.toml"
    text = (BUILTIN_DIR / "classic.toml").read_text(encoding="utf-8")
    mine.write_text(
        text.replace('"Sit in butterfly"', '"Sit [/] in [bold]butterfly"'), encoding="utf-8"
    )
    shown = turnout(box, "routine", "show", str(mine))
    played = turnout(box, "practice", "--routine", str(mine), "-e", "1", "--no-voice", keys="\n")
    assert (shown.exit_code, played.exit_code) == (0, 0), shown.output + played.output
    assert "Sit [/] in [bold]butterfly" in played.output


# --- practice -------------------------------------------------------------------------


def test_practising_exercise_1_plays_every_step_in_order_and_logs_nine_holds(
    box: Container,
) -> None:
    result = run_butterfly(box)
    text = flat(result.output)
    titles = [step.title for step in box.routines.load("classic").exercise(1).steps]
    cursor = 0
    for title in titles:
        found = text.find(f": {title} [", cursor)
        assert found >= 0, f"{title!r} missing or out of order"
        cursor = found
    assert text.count("logged: completed, 10 s") == 9
    assert "Well done" in text
    holds = logged(box)
    assert [h.record.position for h in holds] == BUTTERFLY_HOLDS
    assert all(h.record.status is HoldStatus.COMPLETED for h in holds)
    assert [s.status for s in sessions(box)] == [SessionStatus.FINISHED]


def test_two_exercises_rest_between_them_and_the_rest_is_no_hold(box: Container) -> None:
    # Exercise 1 ends at 155 s; n at 160 skips the rest, Enter at 161 is ready for the frog's
    # first setup step, q at 162 and y end the session there.
    keys = pressed((0, "\n"), (160, "n"), (161, "\n"), (162, "q")) + "y"
    result = turnout(box, "practice", "-e", "1", "-e", "5", "--no-voice", keys=keys)
    assert result.exit_code == 0, result.output
    text = flat(result.output)
    release = text.find("1. Butterfly press: Release [RELEASE · rep 3 of 3]")
    rest = text.find("1. Butterfly press: Rest before exercise 5 [REST] (30 s)")
    frog = text.find("5. Frog with lifted heels:")
    assert 0 <= release < rest < frog
    assert text.count("[REST] (30 s)") == 1
    assert [h.record.position for h in logged(box)] == BUTTERFLY_HOLDS
    assert "Completed 9 of 19 holds" in text  # the rest is not a planned hold


def test_history_after_a_practice_shows_nine_holds_done_and_a_streak_of_one(
    box: Container,
) -> None:
    run_butterfly(box)
    result = turnout(box, "history", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["streak"] == 1
    [day] = data["days"]
    assert (day["completed_holds"], day["planned_holds"], day["skipped_holds"]) == (9, 9, 0)


def test_export_writes_the_nine_holds_as_csv_and_as_a_json_file(
    box: Container, tmp_path: Path
) -> None:
    run_butterfly(box)
    as_csv = turnout(box, "export", "--format", "csv")
    target = tmp_path / "holds.json"
    as_json = turnout(box, "export", "--format", "json", "-o", str(target))
    assert (as_csv.exit_code, as_json.exit_code) == (0, 0), as_csv.output + as_json.output
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout)))
    assert [int(row["position"]) for row in rows] == BUTTERFLY_HOLDS
    assert {row["status"] for row in rows} == {"completed"}
    saved = json.loads(target.read_text(encoding="utf-8"))
    assert [hold["position"] for hold in saved] == BUTTERFLY_HOLDS
    assert str(target) in as_json.output


def test_an_exercise_the_routine_does_not_have_is_refused(box: Container) -> None:
    line = one_line_error(
        turnout(box, "practice", "--exercise", "9", "--no-voice"), ExitCode.NOT_FOUND
    )
    assert "no exercise 9" in line
    assert "1 to 5" in line
    assert sessions(box) == []


def test_keys_pause_skip_go_back_and_quit_and_the_log_shows_each(box: Container) -> None:
    # 0 ready: get ready until 5, left hold from 5. Paused 7-10, so it ends at 18 with 10 s.
    # Switch 18-23; right hold from 23, skipped at 25 (2 s); back at 26 restarts it after a
    # get-ready: 31-41. Switch 41-46; both knees from 46: q at 50 pauses, n carries on at 51,
    # q at 52 pauses again and y ends the session, logging that hold as cut short at 5 s.
    keys = pressed(
        (0, "\n"), (7, " "), (10, " "), (25, "n"), (26, "b"), (50, "q"), (51, "n"), (52, "q")
    )
    result = turnout(box, "practice", "-e", "1", "--no-voice", keys=keys + "y")
    assert result.exit_code == 0, result.output
    holds = [h.record for h in logged(box)]
    assert [(h.position, h.status.value) for h in holds] == [
        (1, "completed"),
        (3, "skipped"),
        (3, "completed"),
        (5, "skipped"),
    ]
    assert [h.actual_seconds for h in holds] == pytest.approx([10, 2, 10, 5], abs=0.01)
    assert holds[0].ended_at - holds[0].started_at == pytest.approx(13, abs=0.01)
    assert [s.status for s in sessions(box)] == [SessionStatus.ABORTED]
    assert "Session ended." in result.output
    assert "Completed 2 of 9 holds, 1 cut short;" in " ".join(result.output.split())


def test_a_session_of_skipped_holds_says_so_and_earns_no_praise(box: Container) -> None:
    keys = pressed(*[(t, "n") for t in range(40)])
    result = turnout(box, "practice", "-e", "1", "--no-voice", keys=keys)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "Completed 0 of 9 holds, 9 skipped; 0 s of holding saved." in said
    assert "Well done" not in said


def test_quitting_after_two_holds_keeps_them_in_the_log_and_history(box: Container) -> None:
    result = turnout(box, "practice", "-e", "1", "--no-voice", keys=pressed((0, "\n"), (38, "q")))
    assert result.exit_code == 0, result.output
    # Input ends after q: the question can never be answered, so the session ends, keeping
    # the two holds done and the third as cut short, rather than waiting forever.
    holds = [h.record for h in logged(box)]
    assert [(h.position, h.status.value) for h in holds] == [
        (1, "completed"),
        (3, "completed"),
        (5, "skipped"),
    ]
    assert holds[-1].actual_seconds == pytest.approx(3, abs=0.01)
    assert [s.status for s in sessions(box)] == [SessionStatus.ABORTED]
    history = json.loads(turnout(box, "history", "--json").stdout)
    assert (history["days"][0]["completed_holds"], history["streak"]) == (2, 1)


def test_a_practice_whose_input_ends_while_paused_ends_instead_of_waiting_forever(
    box: Container,
) -> None:
    result = turnout(box, "practice", "-e", "1", "--no-voice", keys=pressed((0, "\n"), (8, " ")))
    assert result.exit_code == 0, result.output
    assert "Input closed" in result.output
    [hold] = [h.record for h in logged(box)]
    assert hold.status is HoldStatus.SKIPPED
    assert hold.actual_seconds == pytest.approx(3, abs=0.01)


def crash_after(box: Container, holds: int) -> str:
    """Start exercise 1 as another process would, tick it until `holds` are logged, drop it."""
    clock, uow = box.clock, box.uow()
    assert isinstance(clock, FakeClock)
    practice, _ = start_practice(uow, box.routines.load("classic"), clock.now(), [1], GET_READY)
    while len(session_holds(uow, practice.id)) < holds:
        if practice.state.phase is Phase.WAITING:
            practice.act(Action.READY, clock.now())
        else:
            practice.tick(clock.advance(0.5))
    practice.tick(clock.advance(3))  # into the next step, which is lost with the process
    return practice.id


def test_resume_after_a_crash_continues_after_the_last_logged_hold(box: Container) -> None:
    session_id = crash_after(box, holds=4)
    result = turnout(box, "practice", "--resume", "--no-voice", keys="\n")
    assert result.exit_code == 0, result.output
    assert "4 holds already saved" in flat(result.output)
    first_step = next(line for line in result.output.splitlines() if line.startswith("> "))
    assert "Change sides [SWITCH SIDE · rep 2 of 3]" in first_step
    holds = logged(box)
    assert [h.record.position for h in holds] == BUTTERFLY_HOLDS
    assert {h.session_id for h in holds} == {session_id}
    assert [(s.id, s.status) for s in sessions(box)] == [(session_id, SessionStatus.FINISHED)]


def test_a_new_practice_mentions_an_unfinished_one(box: Container) -> None:
    crash_after(box, holds=1)
    result = run_butterfly(box)
    assert "turnout practice --resume" in flat(result.output)


def test_resume_with_nothing_to_resume_says_so(box: Container) -> None:
    line = one_line_error(turnout(box, "practice", "--resume", "--no-voice"), ExitCode.NOT_FOUND)
    assert "no unfinished session" in line


# --- the practice log and the environment ------------------------------------------------


@pytest.mark.parametrize("command", [["history"], ["practice", "--no-voice"], ["export"]])
def test_a_database_that_cannot_be_written_names_the_setting_to_change(
    tmp_path: Path, command: list[str]
) -> None:
    (tmp_path / "afile").write_text("not a folder", encoding="utf-8")
    box = container_for(tmp_path, f"sqlite:///{tmp_path}/afile/x.db")
    line = one_line_error(turnout(box, *command), ExitCode.STORAGE)
    assert "TURNOUT_DATABASE_URL" in line
    assert str(tmp_path / "afile" / "x.db") in line


def fingerprint(path: Path) -> tuple[str, list[tuple[object, ...]], list[tuple[object, ...]]]:
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with sqlite3.connect(path) as raw:
        holds = raw.execute("SELECT * FROM holds ORDER BY id").fetchall()
        version = raw.execute("SELECT version_num FROM alembic_version").fetchall()
    raw.close()
    return digest, holds, version


def test_a_database_from_a_newer_turnout_is_refused_and_left_untouched(
    box: Container, tmp_path: Path
) -> None:
    run_butterfly(box)
    newer = tmp_path / "newer.db"
    with sqlite3.connect(tmp_path / "log.db") as source, sqlite3.connect(newer) as copy:
        source.backup(copy)
        copy.execute("UPDATE alembic_version SET version_num = '9999'")
    source.close()
    copy.close()
    before = fingerprint(newer)
    line = one_line_error(
        turnout(container_for(tmp_path, f"sqlite:///{newer}"), "history"), ExitCode.STORAGE
    )
    assert "newer version of turnout" in line
    assert "9999" in line
    assert "TURNOUT_DATABASE_URL" in line
    assert fingerprint(newer) == before
    assert len(before[1]) == 9


def test_export_to_a_path_that_cannot_be_written_says_so(box: Container, tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("not a folder", encoding="utf-8")
    target = tmp_path / "afile" / "holds.csv"
    line = one_line_error(turnout(box, "export", "-o", str(target)))
    assert f"Cannot write {target}" in line


@pytest.mark.parametrize("command", [["routines"], ["practice", "--no-voice"], ["history"]])
def test_an_invalid_setting_in_the_environment_is_named_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str]
) -> None:
    monkeypatch.setenv("TURNOUT_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("TURNOUT_DATABASE_URL", raising=False)
    monkeypatch.setenv("TURNOUT_GET_READY_SECONDS", "abc")
    line = one_line_error(turnout(None, *command), ExitCode.SETTINGS)
    assert "TURNOUT_GET_READY_SECONDS" in line
    assert not (tmp_path / "turnout.db").exists()


def test_help_lists_the_commands() -> None:
    result = turnout(None, "--help")
    assert result.exit_code == 0, result.output
    for command in ("practice", "routines", "routine", "history", "export"):
        assert command in result.output


def test_importing_the_cli_loads_no_database_web_or_vision_library() -> None:
    heavy = ("sqlalchemy", "alembic", "fastapi", "uvicorn", "mediapipe", "cv2", "numpy")
    code = (
        f"import sys, turnout.cli.main\nprint(','.join(m for m in {heavy!r} if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True
    )
    assert done.stdout.strip() == ""
