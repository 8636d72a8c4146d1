"""Spoken cues through a real process: a stand-in for espeak-ng that records what it is asked."""

from __future__ import annotations

import io
import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from turnout.adapters.speech import BellSpeaker, EspeakSpeaker, make_speaker


@pytest.fixture
def program(tmp_path: Path) -> Path:
    """A speech program that writes its arguments to a file, then talks for a while."""
    script = tmp_path / "fake-espeak"
    script.write_text(f'#!/bin/sh\necho "$@" >> {tmp_path / "said.txt"}\nexec sleep 5\n')
    script.chmod(0o755)
    return script


@pytest.fixture
def speaker(program: Path) -> Iterator[EspeakSpeaker]:
    voice = EspeakSpeaker(str(program), rate=170)
    yield voice
    if voice.current is not None:
        voice.current.kill()
        voice.current.wait()


def said(tmp_path: Path, lines: int) -> list[str]:
    log = tmp_path / "said.txt"
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        found = log.read_text().splitlines() if log.exists() else []
        if len(found) >= lines:
            return found
        time.sleep(0.02)
    raise AssertionError(f"the speech program was not run {lines} time(s)")


def test_a_cue_is_spoken_at_the_chosen_rate_without_waiting_for_it(
    speaker: EspeakSpeaker, tmp_path: Path
) -> None:
    began = time.monotonic()
    speaker.say("Hold for ten seconds.")
    assert time.monotonic() - began < 1  # the program talks for 5 s; the session goes on
    assert said(tmp_path, 1) == ["-s 170 -- Hold for ten seconds."]


def test_a_newer_cue_cuts_the_older_one_short(speaker: EspeakSpeaker, tmp_path: Path) -> None:
    speaker.say("Get ready.")
    first = speaker.current
    said(tmp_path, 1)
    speaker.beep(3)
    assert first is not None
    assert first.wait(timeout=5) != 0  # terminated, not finished
    assert said(tmp_path, 2)[-1] == "-s 170 -- 3"


def test_an_empty_cue_starts_nothing(speaker: EspeakSpeaker) -> None:
    speaker.say("")
    assert speaker.current is None


def test_a_speech_program_that_cannot_run_never_stops_the_practice(tmp_path: Path) -> None:
    missing = EspeakSpeaker(str(tmp_path / "no-such-program"))
    missing.say("Hold.")
    missing.beep(1)
    assert missing.current is None


def test_without_a_voice_the_last_seconds_ring_the_bell_and_nothing_is_said() -> None:
    stream = io.StringIO()
    bell = BellSpeaker(stream)
    bell.say("Hold.")
    bell.beep(2)
    assert stream.getvalue() == "\a"


def test_asking_for_no_voice_gives_the_bell_even_with_espeak_installed() -> None:
    assert isinstance(make_speaker(False), BellSpeaker)


def test_asking_for_a_voice_without_espeak_gives_the_bell(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert isinstance(make_speaker(True), BellSpeaker)


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_asking_for_a_voice_with_espeak_installed_uses_it() -> None:
    voice = make_speaker(True, rate=120)
    assert isinstance(voice, EspeakSpeaker)
    assert (Path(voice.program).name, voice.rate) == ("espeak-ng", 120)
