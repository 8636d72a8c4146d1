"""`turnout studio init` and `turnout users ...` as a server's owner runs them: the real
command in a subprocess, on a real SQLite log, passwords on standard input."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

GOOD = "a long enough pass phrase\n"
COMMAND = Path(sys.executable).parent / "turnout"  # the console script beside this Python


def turnout(folder: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TURNOUT_DATA_DIR": str(folder), "COLUMNS": "200"}
    env.pop("TURNOUT_DATABASE_URL", None)
    return subprocess.run(
        [str(COMMAND), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.fixture
def studio(tmp_path: Path) -> Path:
    made = turnout(
        tmp_path, "studio", "init", "--name", "Studio Nord", "--admin", "a@x.org",
        "--password-stdin", stdin=GOOD,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    assert "is now the studio 'Studio Nord'" in made.stdout
    return tmp_path


def test_people_are_added_listed_and_a_guardian_linked_to_a_young_dancer(studio: Path) -> None:
    for email, role, more in (
        ("kid@x.org", "dancer", ["--born", "2014-02-03", "--name", "Kid"]),
        ("mum@x.org", "guardian", []),
    ):
        added = turnout(studio, "users", "add", email, "--role", role, *more, "--password-stdin",
                        stdin=GOOD)  # fmt: skip
        assert added.returncode == 0, added.stderr
    listed = turnout(studio, "users", "list").stdout
    assert "kid@x.org" in listed and "2014-02-03" in listed and "guardian" in listed
    linked = turnout(studio, "users", "link-guardian", "MUM@x.org", "kid@x.org")
    assert linked.returncode == 0, linked.stderr
    assert "mum@x.org is now a guardian of kid@x.org." in linked.stdout
    backwards = turnout(studio, "users", "link-guardian", "kid@x.org", "mum@x.org")
    assert backwards.returncode != 0
    assert "Link a guardian's account to a dancer's account" in backwards.stderr + backwards.stdout
    assert "Traceback" not in backwards.stderr


def test_a_weak_password_a_bad_birth_date_and_an_unknown_email_are_refused_clearly(
    studio: Path,
) -> None:
    weak = turnout(studio, "users", "add", "b@x.org", "--role", "dancer", "--password-stdin",
                   stdin="password\n")  # fmt: skip
    assert weak.returncode != 0 and "too short" in weak.stderr + weak.stdout
    born = turnout(studio, "users", "add", "b@x.org", "--role", "dancer", "--born", "03/02/2014",
                   "--password-stdin", stdin=GOOD)  # fmt: skip
    assert born.returncode != 0 and "YYYY-MM-DD" in born.stderr + born.stdout
    nobody = turnout(studio, "users", "link-guardian", "who@x.org", "kid@x.org")
    assert nobody.returncode != 0 and "No account has the email address who@x.org" in (
        nobody.stderr + nobody.stdout
    )
    for failed in (weak, born, nobody):
        assert "Traceback" not in failed.stderr


def test_a_reset_link_is_printed_once_for_the_admin_to_pass_on(studio: Path) -> None:
    link = turnout(studio, "users", "reset-password", "a@x.org", "--base", "https://studio.example")
    assert link.returncode == 0, link.stderr
    assert link.stdout.strip().splitlines()[-1].startswith("https://studio.example/reset/")
