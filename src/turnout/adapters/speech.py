"""Spoken cues through espeak-ng when it is there; the terminal bell when it is not."""

from __future__ import annotations

import shutil
import subprocess
import sys
from typing import TextIO


class BellSpeaker:
    """No voice: ring the terminal bell for the last seconds, stay silent otherwise."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stdout

    def say(self, text: str) -> None:
        return

    def beep(self, remaining: int) -> None:
        self.stream.write("\a")
        self.stream.flush()


class EspeakSpeaker:
    """Speaks through an espeak-ng process; the newest cue wins, because timing matters most."""

    def __init__(self, program: str, rate: int = 150) -> None:
        self.program, self.rate = program, rate
        self.current: subprocess.Popen[bytes] | None = None

    def say(self, text: str) -> None:
        if not text:
            return
        self._stop()
        try:
            self.current = subprocess.Popen(
                [self.program, "-s", str(self.rate), "--", text],
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self.current = None  # a voice that fails must never stop the practice

    def beep(self, remaining: int) -> None:
        self.say(str(remaining))

    def _stop(self) -> None:
        if self.current is not None and self.current.poll() is None:
            self.current.terminate()


def make_speaker(voice: bool, rate: int = 150) -> BellSpeaker | EspeakSpeaker:
    """espeak-ng when asked for and installed, else the bell; never an error."""
    program = shutil.which("espeak-ng") or shutil.which("espeak")
    if voice and program:
        return EspeakSpeaker(program, rate)
    return BellSpeaker()
